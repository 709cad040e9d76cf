// HTTP helpers shared by every route file: JSON responses, the one error shape
// {"error":{"code","message"}}, typed query-parameter parsing, and the exception handler.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace dp {

// Thrown by handlers to produce a 4xx/5xx JSON error; caught by the one exception handler.
struct HttpError : std::runtime_error {
    int status;
    std::string code;
    nlohmann::json extra;  // optional members merged into "error" (e.g. "fields")
    HttpError(int status, std::string code, const std::string& message, nlohmann::json extra = nullptr)
        : std::runtime_error(message), status(status), code(std::move(code)), extra(std::move(extra)) {}
};

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message);

// Integer query parameter within [lo, hi]; default when absent; HttpError 400 otherwise.
int int_param(const httplib::Request& req, const char* name, int def, int lo, int hi);

// Installs the exception handler (HttpError → its status; anything else → logged 500) and
// the error handler that turns bare 404/405 etc. into JSON for /api/ paths.
void install_error_handling(httplib::Server& server);

}  // namespace dp
