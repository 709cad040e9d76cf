// Strong ETags for deterministic JSON GETs: the tag is a hash of the body (with a suffix per
// content coding when we compress it ourselves); If-None-Match with a matching tag gets 304.
// (cpp-httplib 0.11 does not compress "application/json; charset=utf-8" on the fly.)
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace dp {

// The quoted ETag for `body`: "<32 hex digits of its SHA-256>".
std::string etag_of(const std::string& body);
// True if If-None-Match names `etag` (or is "*"); weak tags compare by their opaque part.
bool etag_matches(const httplib::Request& req, const std::string& etag);

// Sends `text` (JSON) with ETag, Vary: Accept-Encoding and `cache_control`, or 304 on a match.
void send_json_text_etag(const httplib::Request& req, httplib::Response& res, const std::string& text,
                         const char* cache_control = "no-cache");
void send_json_etag(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body,
                    const char* cache_control = "no-cache");

// A JSON body kept with its brotli and gzip encodings (for large, often fetched documents).
struct PrecompressedJson {
    std::string identity, br, gz;
    std::string etag;  // of identity; the encoded copies add "-br" / "-gz"
    explicit PrecompressedJson(std::string text);
};
// Sends the best copy the client accepts (br, gzip, identity) with its ETag, or 304.
void send_precompressed_json(const httplib::Request& req, httplib::Response& res, const PrecompressedJson& body,
                             const char* cache_control = "no-cache");

// Sends `body` (JSON) brotli- or gzip-compressed when the client accepts it, at a quick setting
// (for per-request answers on the first view's path, e.g. the doorplate: 7 KB become 2 KB).
void send_json_compressed(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body);

}  // namespace dp
