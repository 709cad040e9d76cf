// ETag helpers (see etag.hpp).
#include "etag.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>

#include "digest.hpp"

namespace dp {

std::string etag_of(const std::string& body) { return "\"" + digest::sha256_hex(body).substr(0, 32) + "\""; }

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
    const std::string etag = etag_of(text);
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

namespace dp {
namespace {

std::string brotli(const std::string& in, int quality = 9) {
    std::string out(BrotliEncoderMaxCompressedSize(in.size()), '\0');
    size_t n = out.size();
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, in.size(),
                               reinterpret_cast<const uint8_t*>(in.data()), &n, reinterpret_cast<uint8_t*>(out.data())))
        throw std::runtime_error("brotli compression failed");
    out.resize(n);
    return out;
}

std::string gzip(const std::string& in, int level = 9) {
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("gzip init");
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
    return out;
}

// "q=0" aside, does Accept-Encoding name this coding?
bool accepts(const std::string& accept, const char* coding) {
    size_t at = accept.find(coding);
    if (at == std::string::npos) return false;
    const size_t end = accept.find(',', at);
    const std::string part = accept.substr(at, end == std::string::npos ? std::string::npos : end - at);
    return part.find("q=0") == std::string::npos || part.find("q=0.") != std::string::npos;
}

}  // namespace

PrecompressedJson::PrecompressedJson(std::string text)
    : identity(std::move(text)), br(brotli(identity)), gz(gzip(identity)), etag(etag_of(identity)) {}

void send_precompressed_json(const httplib::Request& req, httplib::Response& res, const PrecompressedJson& body,
                             const char* cache_control) {
    const std::string accept = req.get_header_value("Accept-Encoding");
    const std::string* copy = &body.identity;
    const char* coding = nullptr;
    if (accepts(accept, "br")) copy = &body.br, coding = "br";
    else if (accepts(accept, "gzip")) copy = &body.gz, coding = "gzip";
    std::string etag = body.etag;
    if (coding) etag.insert(etag.size() - 1, std::string("-") + (coding[0] == 'b' ? "br" : "gz"));
    // Inserted directly: set_header's CR/LF checks are for values from outside, and these are a
    // digest and the caller's constants (this runs for every guide and bundle request).
    res.headers.emplace("ETag", etag);
    res.headers.emplace("Cache-Control", cache_control);
    res.headers.emplace("Vary", "Accept-Encoding");
    if (etag_matches(req, etag)) {
        res.status = 304;
        return;
    }
    if (coding) res.headers.emplace("Content-Encoding", coding);
    res.status = 200;
    res.set_content(*copy, "application/json; charset=utf-8");
}

void send_json_compressed(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body) {
    std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string accept = req.get_header_value("Accept-Encoding");
    res.set_header("Vary", "Accept-Encoding");
    res.status = 200;
    if (text.size() >= 1024 && accepts(accept, "br")) {
        res.set_header("Content-Encoding", "br");
        text = brotli(text, 5);
    } else if (text.size() >= 1024 && accepts(accept, "gzip")) {
        res.set_header("Content-Encoding", "gzip");
        text = gzip(text, 6);
    }
    res.set_content(std::move(text), "application/json; charset=utf-8");  // not compressed again (etag.hpp)
}

}  // namespace dp
