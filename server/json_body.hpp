// Hostile-input-safe JSON request bodies: Content-Type, size, UTF-8 and nesting depth are checked
// before nlohmann parses anything; strict field readers give 400s that name the field.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace dp {

struct JsonBodyLimits {
    std::size_t max_bytes = 64 * 1024;
    int max_depth = 16;
    bool allow_array = false;  // a top-level JSON array is accepted too (batches)
};

// The body as a JSON object, or HttpError: 415 (Content-Type is not application/json),
// 413 (too large), 400 bad_utf8 | too_deep | bad_json | not_object (an array passes with allow_array).
nlohmann::json parse_json_body(const httplib::Request& req, const JsonBodyLimits& limits = {});

// Nesting depth of JSON text ([ and { outside strings); stops counting past `stop_at`.
int json_depth(const std::string& text, int stop_at);

// 400 unknown_field naming the first member of `obj` not in `allowed` (path prefix for nested objects).
void reject_unknown_fields(const nlohmann::json& obj, std::initializer_list<const char*> allowed,
                           const std::string& prefix = "");

// Typed members: absent (or null) → nullopt; wrong type → 400 bad_type naming the field path.
std::optional<std::string> opt_string(const nlohmann::json& obj, const char* name, const std::string& path);
std::optional<int64_t> opt_integer(const nlohmann::json& obj, const char* name, const std::string& path);
std::optional<bool> opt_bool(const nlohmann::json& obj, const char* name, const std::string& path);
const nlohmann::json* opt_object(const nlohmann::json& obj, const char* name, const std::string& path);
const nlohmann::json* opt_array(const nlohmann::json& obj, const char* name, const std::string& path);

}  // namespace dp
