// HTTP helpers (see http_util.hpp).
#include "http_util.hpp"

#include "log.hpp"

namespace dp {

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    send_json(res, {{"error", {{"code", code}, {"message", message}}}}, status);
}

int int_param(const httplib::Request& req, const char* name, int def, int lo, int hi) {
    if (!req.has_param(name)) return def;
    const std::string v = req.get_param_value(name);
    size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(v, &used);
    } catch (...) {
        used = 0;
    }
    if (v.empty() || used != v.size() || n < lo || n > hi)
        throw HttpError(400, "bad_parameter",
                        std::string("参数 ") + name + " 应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                            " 之间的整数");
    return static_cast<int>(n);
}

void install_error_handling(httplib::Server& server) {
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
            std::rethrow_exception(ep);
        } catch (const HttpError& e) {
            nlohmann::json error = {{"code", e.code}, {"message", e.what()}};
            if (e.extra.is_object()) error.update(e.extra);
            send_json(res, {{"error", error}}, e.status);
        } catch (const nlohmann::json::exception& e) {
            send_error(res, 400, "bad_json", std::string("请求内容不是有效的 JSON：") + e.what());
        } catch (const std::exception& e) {
            log::error("unhandled_exception", {{"path", req.path}, {"what", e.what()}});
            send_error(res, 500, "internal", "服务器内部错误，请稍后再试");
        } catch (...) {
            log::error("unhandled_exception", {{"path", req.path}});
            send_error(res, 500, "internal", "服务器内部错误，请稍后再试");
        }
    });
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        // Leave bodies that a handler already set alone; give bare errors a JSON body.
        if (!res.body.empty()) return;
        if (res.status == 404)
            send_error(res, 404, "not_found", "找不到这个地址：" + req.path);
        else
            send_error(res, res.status, "http_" + std::to_string(res.status), "请求无法处理");
    });
}

}  // namespace dp
