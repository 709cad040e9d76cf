// ETag helpers (see etag.hpp).
#include "etag.hpp"

#include "digest.hpp"

namespace dp {

std::string etag_for(const httplib::Request& req, const std::string& body) {
    // cpp-httplib picks br, then gzip, when the client accepts them (JSON is compressible).
    const std::string accept = req.get_header_value("Accept-Encoding");
    const char* coding = accept.find("br") != std::string::npos     ? "-br"
                         : accept.find("gzip") != std::string::npos ? "-gz"
                                                                    : "";
    return "\"" + digest::sha256_hex(body).substr(0, 32) + coding + "\"";
}

bool etag_matches(const httplib::Request& req, const std::string& etag) {
    if (!req.has_header("If-None-Match")) return false;
    const std::string list = req.get_header_value("If-None-Match");
    size_t pos = 0;
    while (pos < list.size()) {
        size_t end = list.find(',', pos);
        if (end == std::string::npos) end = list.size();
        std::string tag = list.substr(pos, end - pos);
        const auto b = tag.find_first_not_of(" \t"), e = tag.find_last_not_of(" \t");
        tag = b == std::string::npos ? "" : tag.substr(b, e - b + 1);
        if (tag == "*") return true;
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
        if (tag == etag) return true;
        pos = end + 1;
    }
    return false;
}

void send_json_text_etag(const httplib::Request& req, httplib::Response& res, const std::string& text,
                         const char* cache_control) {
    const std::string etag = etag_for(req, text);
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", cache_control);
    res.set_header("Vary", "Accept-Encoding");
    if (etag_matches(req, etag)) {
        res.status = 304;
        return;
    }
    res.status = 200;
    res.set_content(text, "application/json; charset=utf-8");
}

void send_json_etag(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body,
                    const char* cache_control) {
    send_json_text_etag(req, res, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), cache_control);
}

}  // namespace dp
