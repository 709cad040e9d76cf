// GET /api/v1/validate: the shared form validators (same code as the app) over HTTP.
#include <ctime>

#include "app.hpp"
#include "http_util.hpp"
#include "validate.hpp"

namespace dp {

CalendarDate today_in_china() {
    std::time_t t = std::time(nullptr) + 8 * 3600;  // Asia/Shanghai, no DST
    std::tm tm{};
    gmtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void register_validate_routes(Routes& server, App&) {
    server.Get("/api/v1/validate", [](const httplib::Request& req, httplib::Response& res) {
        if (!req.has_param("kind")) throw HttpError(400, "missing_parameter", "缺少参数 kind");
        const std::string kind = req.get_param_value("kind");
        const auto& kinds = validation_kinds();
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
            throw HttpError(400, "bad_parameter", "参数 kind 只能是 id_card、mobile、uscc、name、date 或 text");
        const std::string value = req.get_param_value("value");
        if (value.size() > 1000) throw HttpError(400, "too_long", "要检查的内容太长了");
        ValidationContext ctx;
        ctx.today = today_in_china();
        ValidationResult r = validate_field(kind, value, ctx);
        nlohmann::json body = {{"ok", r.ok}, {"code", r.code}, {"message", r.message}};
        if (r.ok) body["normalized"] = r.normalized;
        send_json(res, body);
    });
}

}  // namespace dp
