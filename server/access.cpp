// Request scope, request rows and tokens, JSON bodies (see access.hpp).
#include "access.hpp"

#include <algorithm>

#include "http_util.hpp"
#include "json_body.hpp"
#include "validate.hpp"

namespace dp {

std::string RequestScope::sql() const {
    if (all) return "";
    if (area_id.empty()) return " AND 0";
    return " AND (r.area_id = ? OR r.town_id = ?)";
}

std::vector<std::string> RequestScope::params() const {
    if (all || area_id.empty()) return {};
    return {area_id, area_id};
}

RequestScope scope_of(const User& user) {
    RequestScope s;
    s.all = user.role == Role::supervisor;
    if (user.role == Role::agent) s.area_id = user.area_id;
    return s;
}

const char* const kRequestColumns =
    "SELECT r.id, r.number, r.kind, r.item_id, r.doorplate_code, r.area_id, r.town_id, r.contact_name, "
    "r.contact_phone, r.id_number, r.payload, r.status, r.created_at, r.updated_at FROM requests r ";

RequestRow request_from_row(const Stmt& s) {
    RequestRow r;
    r.id = s.int64(0);
    r.number = s.text(1);
    r.kind = s.text(2);
    r.item_id = s.text(3);
    r.doorplate_code = s.text(4);
    r.area_id = s.text(5);
    r.town_id = s.text(6);
    r.contact_name = s.text(7);
    r.contact_phone = s.text(8);
    if (!s.is_null(9)) r.id_number = s.text(9);
    r.payload = s.text(10);
    r.status = s.text(11);
    r.created_at = s.int64(12);
    r.updated_at = s.int64(13);
    return r;
}

std::optional<RequestRow> load_request(Db& db, int64_t id) {
    auto l = db.lock();
    Stmt s(db, (std::string(kRequestColumns) + "WHERE r.id = ?").c_str());
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return request_from_row(s);
}

bool request_in_scope(const RequestRow& r, const RequestScope& scope) {
    if (scope.all) return true;
    return !scope.area_id.empty() && (r.area_id == scope.area_id || r.town_id == scope.area_id);
}

bool is_request_token(Db& db, int64_t request_id, const std::string& token) {
    if (token.empty() || token.size() > 256) return false;
    auto l = db.lock();
    Stmt s(db, "SELECT 1 FROM requests WHERE id = ? AND token_hash = ?");
    s.bind(1, request_id).bind(2, sha256_hex(token));
    return s.step();
}

bool is_any_request_token(Db& db, const std::string& token) {
    if (token.empty() || token.size() > 256) return false;
    auto l = db.lock();
    Stmt s(db, "SELECT 1 FROM requests WHERE token_hash = ?");
    s.bind(1, sha256_hex(token));
    return s.step();
}

nlohmann::json json_object_body(const httplib::Request& req, const std::vector<std::string>& allowed) {
    nlohmann::json body = parse_json_body(req);
    for (auto& [k, v] : body.items())
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
            throw HttpError(400, "unknown_field", "不认识的字段：" + k);
    return body;
}

std::string string_member(const nlohmann::json& body, const char* key, bool required, size_t max_chars) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        if (required) throw HttpError(400, "missing_field", std::string("缺少字段 ") + key);
        return "";
    }
    if (!it->is_string()) throw HttpError(400, "bad_field", std::string("字段 ") + key + " 应为字符串");
    const std::string& v = it->get_ref<const std::string&>();
    auto cps = decode_utf8_strict(v);
    if (!cps) throw HttpError(400, "bad_field", std::string("字段 ") + key + " 不是有效的 UTF-8 文本");
    if (cps->size() > max_chars)
        throw HttpError(400, "too_long", std::string("字段 ") + key + " 最多 " + std::to_string(max_chars) + " 个字");
    return v;
}

int64_t path_id(const httplib::Request& req, size_t index) {
    const std::string s = req.matches[index];
    if (s.empty() || s.size() > 15) throw HttpError(404, "not_found", "找不到这个申请");
    return std::stoll(s);
}

}  // namespace dp
