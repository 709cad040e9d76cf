// JSON request bodies (see json_body.hpp).
#include "json_body.hpp"

#include "http_util.hpp"
#include "validate.hpp"

namespace dp {

int json_depth(const std::string& text, int stop_at) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > stop_at) return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

nlohmann::json parse_json_body(const httplib::Request& req, const JsonBodyLimits& limits) {
    std::string type = req.get_header_value("Content-Type");
    const std::string media = type.substr(0, type.find(';'));
    std::string lower;
    for (char c : media)
        if (c != ' ' && c != '\t') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "application/json")
        throw HttpError(415, "unsupported_media_type", "请求内容类型应为 application/json");
    if (req.body.size() > limits.max_bytes)
        throw HttpError(413, "too_large",
                        "提交的内容太大了（最多 " + std::to_string(limits.max_bytes / 1024) + " KB）");
    if (!is_valid_utf8(req.body)) throw HttpError(400, "bad_utf8", "提交的内容不是有效的 UTF-8 文本");
    if (json_depth(req.body, limits.max_depth) > limits.max_depth)
        throw HttpError(400, "too_deep", "提交的 JSON 嵌套层数太多");
    nlohmann::json j = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) throw HttpError(400, "bad_json", "提交的内容不是有效的 JSON");
    if (!j.is_object() && !(limits.allow_array && j.is_array())) throw HttpError(400, "not_object", "提交的内容应为 JSON 对象 {…}");
    return j;
}

void reject_unknown_fields(const nlohmann::json& obj, std::initializer_list<const char*> allowed,
                           const std::string& prefix) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (const char* a : allowed) known = known || it.key() == a;
        if (!known) {
            const std::string path = prefix + it.key();
            throw HttpError(400, "unknown_field", "不认识的字段：" + path,
                            {{"fields", {{path, "不认识的字段"}}}});
        }
    }
}

namespace {
[[noreturn]] void bad_type(const std::string& path, const char* expected) {
    throw HttpError(400, "bad_type", "字段 " + path + " 应为" + expected,
                    {{"fields", {{path, std::string("应为") + expected}}}});
}
const nlohmann::json* member(const nlohmann::json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
}
}  // namespace

std::optional<std::string> opt_string(const nlohmann::json& obj, const char* name, const std::string& path) {
    const nlohmann::json* m = member(obj, name);
    if (!m) return std::nullopt;
    if (!m->is_string()) bad_type(path, "文字");
    return m->get<std::string>();
}

std::optional<int64_t> opt_integer(const nlohmann::json& obj, const char* name, const std::string& path) {
    const nlohmann::json* m = member(obj, name);
    if (!m) return std::nullopt;
    if (!m->is_number_integer()) bad_type(path, "整数");
    return m->get<int64_t>();
}

std::optional<bool> opt_bool(const nlohmann::json& obj, const char* name, const std::string& path) {
    const nlohmann::json* m = member(obj, name);
    if (!m) return std::nullopt;
    if (!m->is_boolean()) bad_type(path, " true 或 false");
    return m->get<bool>();
}

const nlohmann::json* opt_object(const nlohmann::json& obj, const char* name, const std::string& path) {
    const nlohmann::json* m = member(obj, name);
    if (m && !m->is_object()) bad_type(path, "对象 {…}");
    return m;
}

const nlohmann::json* opt_array(const nlohmann::json& obj, const char* name, const std::string& path) {
    const nlohmann::json* m = member(obj, name);
    if (m && !m->is_array()) bad_type(path, "数组 […]");
    return m;
}

}  // namespace dp
