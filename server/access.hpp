// Who may see which resident request: an agent's area scope, loading a request row, checking a
// resident's request token; plus the strict JSON-body helpers the access routes share.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth.hpp"

namespace dp {

// The requests a user may see: supervisors all; an agent those whose village/community or town is
// the agent's area (an agent without an area sees none).
struct RequestScope {
    bool all = false;
    std::string area_id;
    // " AND (…)" for a WHERE clause on table alias `r`, and its parameters in order.
    std::string sql() const;
    std::vector<std::string> params() const;
};
RequestScope scope_of(const User& user);

// A request row as stored (clear values; mask before sending).
struct RequestRow {
    int64_t id = 0;
    std::string number, kind, item_id, doorplate_code, area_id, town_id, contact_name, contact_phone;
    std::optional<std::string> id_number;
    std::string payload, status;
    int64_t created_at = 0, updated_at = 0;
};
extern const char* const kRequestColumns;  // "SELECT r.id, … FROM requests r "
RequestRow request_from_row(const Stmt& s);
std::optional<RequestRow> load_request(Db& db, int64_t id);
bool request_in_scope(const RequestRow& r, const RequestScope& scope);

// True when `token` is the resident token of request `request_id` (SHA-256 compared with token_hash).
bool is_request_token(Db& db, int64_t request_id, const std::string& token);
// True when `token` is the resident token of any request.
bool is_any_request_token(Db& db, const std::string& token);

// The body as a JSON object, checked like every JSON POST (parse_json_body: 415, 413, bad_utf8,
// too_deep, bad_json, not_object); `allowed` lists the only keys accepted (else 400 unknown_field).
nlohmann::json json_object_body(const httplib::Request& req, const std::vector<std::string>& allowed);
// A string member: "" when absent and not required; 400 when of another type, missing and required,
// not UTF-8, or longer than max_chars characters.
std::string string_member(const nlohmann::json& body, const char* key, bool required, size_t max_chars);

int64_t path_id(const httplib::Request& req, size_t index = 1);  // 404 when out of range

}  // namespace dp
