// Strong ETags for deterministic JSON GETs: the tag is a hash of the body (per content coding,
// since cpp-httplib compresses on the fly); If-None-Match with a matching tag gets 304.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace dp {

// The quoted ETag for `body` as sent to this request ("<hash>" or "<hash>-br" / "-gz").
std::string etag_for(const httplib::Request& req, const std::string& body);
// True if If-None-Match names `etag` (or is "*"); weak tags compare by their opaque part.
bool etag_matches(const httplib::Request& req, const std::string& etag);

// Sends `text` (JSON) with ETag, Vary: Accept-Encoding and `cache_control`, or 304 on a match.
void send_json_text_etag(const httplib::Request& req, httplib::Response& res, const std::string& text,
                         const char* cache_control = "no-cache");
void send_json_etag(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body,
                    const char* cache_control = "no-cache");

}  // namespace dp
