// Integration tests of hostile input and protective behaviour: security headers, path traversal,
// malformed / oversized / deep JSON, content types, rate limits, ETag/304, compression, caching,
// and the metrics endpoint.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "digest.hpp"
#include "request_helpers.hpp"

using nlohmann::json;

namespace {
json error_of(const httplib::Result& res) { return json::parse(res->body)["error"]; }
}  // namespace

TEST_CASE("every response carries the security headers, errors included") {
    testing::ServerProcess server;
    auto c = server.client();
    for (const char* path : {"/healthz", "/d/ABCDEFG", "/app.js", "/api/v1/nothing", "/no-such-file.txt"}) {
        auto res = c.Get(path);
        REQUIRE(res);
        const std::string csp = res->get_header_value("Content-Security-Policy");
        CHECK_MESSAGE(csp.find("default-src 'self'") != std::string::npos, path);
        CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
        CHECK(csp.find("'unsafe-inline'") == std::string::npos);
        CHECK(csp.find("frame-ancestors 'self'") != std::string::npos);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(res->get_header_value("Referrer-Policy") == "strict-origin-when-cross-origin");
        CHECK(res->get_header_value("X-Frame-Options") == "SAMEORIGIN");
        CHECK(res->get_header_value("Permissions-Policy").find("camera=(self)") != std::string::npos);
        // Once each, also where the route set one of them itself (/app.js: X-Content-Type-Options).
        for (const char* name : {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                                 "X-Frame-Options", "Permissions-Policy"})
            CHECK_MESSAGE(res->get_header_value_count(name) == 1, path, " ", name);
    }
}

TEST_CASE("the text guide's inline style sheet is allowed by its hash and nothing else inline is") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto res = server.client().Get(("/guide/" + refs.item_id).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto open = res->body.find("<style>"), close = res->body.find("</style>");
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    const std::string sheet = res->body.substr(open + 7, close - open - 7);
    const std::string csp = res->get_header_value("Content-Security-Policy");
    CHECK(csp.find("style-src 'self' 'sha256-" + dp::digest::sha256_base64(sheet) + "'") != std::string::npos);
    CHECK(res->body.find("<script") == std::string::npos);
    CHECK(res->body.find(" style=") == std::string::npos);
}

TEST_CASE("the app shell in www/ has no inline script, so the CSP does not block it") {
    std::ifstream in(std::string(DP_SOURCE_DIR) + "/www/index.html");
    std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(!html.empty());
    size_t at = 0;
    while ((at = html.find("<script", at)) != std::string::npos) {
        const size_t close = html.find('>', at);
        REQUIRE(close != std::string::npos);
        CHECK_MESSAGE(html.substr(at, close - at).find("src=") != std::string::npos, "inline <script> in index.html");
        CHECK(html.compare(close + 1, 9, "</script>") == 0);
        at = close;
    }
    CHECK(html.find(" onload=") == std::string::npos);
    CHECK(html.find(" onclick=") == std::string::npos);
}

TEST_CASE("traversal out of the web root is refused, encoded or through a symlink") {
    testing::ServerProcess server;
    auto outside = testing::make_temp_dir("doorplate-outside-");
    std::ofstream(outside / "secret.txt") << "TOP SECRET";
    std::filesystem::create_symlink(outside / "secret.txt", server.www() / "link.txt");
    std::filesystem::create_directory_symlink(outside, server.www() / "linkdir");
    std::ofstream(server.www() / "inside.txt") << "fine";
    std::ofstream(server.www() / ".hidden") << "TOP SECRET";
    std::filesystem::create_symlink(server.www() / "inside.txt", server.www() / "alias.txt");
    auto c = server.client();
    for (const char* p : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                          "/data/..%2f..%2fetc/passwd", "/..%5c..%5cetc%5cpasswd", "/app.js%00.txt",
                          "/%252e%252e/etc/passwd", "/link.txt", "/linkdir/secret.txt", "/.hidden"}) {
        auto res = c.Get(p);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 404, p);
        CHECK(res->body.find("TOP SECRET") == std::string::npos);
        CHECK(res->body.find("root:") == std::string::npos);
    }
    auto ok = c.Get("/alias.txt");  // a symlink that stays inside the root is fine
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(ok->body == "fine");
    std::filesystem::remove_all(outside);
}

TEST_CASE("hashed file names are cached for a year, HTML and other files are revalidated") {
    testing::ServerProcess server;
    std::ofstream(server.www() / "app.3f9a0c1d.wasm", std::ios::binary) << std::string("\0asm\1\0\0\0", 8);
    std::ofstream(server.www() / "app-shell.0123456789abcdef.js") << "console.log(2)";
    std::ofstream(server.www() / "page.deadbeef.html") << "<!doctype html>";
    std::ofstream(server.www() / "notes.cafe.txt") << "short hash is not a hash";
    auto c = server.client();
    const std::string forever = "public, max-age=31536000, immutable";
    CHECK(c.Get("/app.3f9a0c1d.wasm")->get_header_value("Cache-Control") == forever);
    CHECK(c.Get("/app-shell.0123456789abcdef.js")->get_header_value("Cache-Control") == forever);
    CHECK(c.Get("/page.deadbeef.html")->get_header_value("Cache-Control") == "no-cache");
    CHECK(c.Get("/notes.cafe.txt")->get_header_value("Cache-Control") == "no-cache");
    CHECK(c.Get("/app.js")->get_header_value("Cache-Control") == "no-cache");
    CHECK(c.Get("/app.wasm")->get_header_value("Cache-Control") == "no-cache");
    CHECK(c.Get("/d/ABCDEFG")->get_header_value("Cache-Control") == "no-cache");
}

TEST_CASE("precompressed copies are chosen by Accept-Encoding with Vary") {
    testing::ServerProcess server;
    std::ofstream(server.www() / "app.wasm.br", std::ios::binary) << "BROTLI";
    std::ofstream(server.www() / "app.wasm.gz", std::ios::binary) << "GZIP";
    auto c = server.client();
    c.set_decompress(false);
    auto none = c.Get("/app.wasm", {{"Accept-Encoding", "identity"}});
    CHECK(none->body.size() == 8);
    CHECK(none->get_header_value("Content-Encoding").empty());
    CHECK(none->get_header_value("Vary") == "Accept-Encoding");
    auto br = c.Get("/app.wasm", {{"Accept-Encoding", "gzip, deflate, br"}});
    CHECK(br->body == "BROTLI");
    CHECK(br->get_header_value("Content-Encoding") == "br");
    CHECK(br->get_header_value("Vary") == "Accept-Encoding");
    auto gz = c.Get("/app.wasm", {{"Accept-Encoding", "gzip"}});
    CHECK(gz->body == "GZIP");
    CHECK(gz->get_header_value("Content-Type") == "application/wasm");
}

TEST_CASE("malformed, oversized, deep or non-UTF-8 JSON bodies get a 4xx JSON error, never a 5xx") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    struct Case {
        const char* what;
        std::string body;
        int status;
        const char* code;
    };
    std::string deep(5000, '[');
    std::string big = testing::question_body(refs, std::string(70 * 1024, 'a')).dump();
    const std::vector<Case> cases = {
        {"empty", "", 400, "bad_json"},
        {"truncated", "{\"kind\":\"question\"", 400, "bad_json"},
        {"trailing garbage", "{} x", 400, "bad_json"},
        {"an array", "[1,2,3]", 400, "not_object"},
        {"a string", "\"hi\"", 400, "not_object"},
        {"deep nesting", deep, 400, "too_deep"},
        {"deep objects", std::string(50, '{'), 400, "too_deep"},
        {"bad UTF-8", "{\"kind\":\"\xff\xfe\"}", 400, "bad_utf8"},
        {"overlong UTF-8", "{\"kind\":\"\xc0\xaf\"}", 400, "bad_utf8"},
        {"NaN", "{\"kind\":NaN}", 400, "bad_json"},
        {"too large", big, 413, "too_large"},
    };
    for (auto& k : cases) {
        auto res = c.Post("/api/v1/requests", k.body, "application/json");
        REQUIRE_MESSAGE(res, k.what);
        CHECK_MESSAGE(res->status == k.status, k.what);
        CHECK_MESSAGE(error_of(res)["code"] == k.code, k.what);
    }
    // Far beyond any route's limit: cut off by the server before a handler sees it.
    auto huge = c.Post("/api/v1/requests", std::string(17 * 1024 * 1024, ' '), "application/json");
    REQUIRE(huge);
    CHECK(huge->status == 413);
    CHECK(c.Get("/healthz")->status == 200);
}

TEST_CASE("a JSON POST with another Content-Type is refused with 415") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    const std::string body = testing::question_body(refs).dump();
    for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "application/jsonp", "application/xml"}) {
        auto res = c.Post("/api/v1/requests", body, type);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 415, type);
        CHECK(error_of(res)["code"] == "unsupported_media_type");
    }
    // A multipart body is read by cpp-httplib itself: a broken one is its 400, still JSON.
    auto multipart = c.Post("/api/v1/requests", body, "multipart/form-data; boundary=x");
    REQUIRE(multipart);
    CHECK(multipart->status >= 400);
    CHECK(multipart->status < 500);
    CHECK(json::parse(multipart->body).contains("error"));
    CHECK(c.Post("/api/v1/requests", body, "Application/JSON; charset=utf-8")->status == 201);
}

TEST_CASE("submissions beyond the per-client rate limit get 429 with Retry-After") {
    testing::ServerProcess server({"--demo", "--rate-limit", "5"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    int created = 0, limited = 0;
    for (int i = 0; i < 8; ++i) {
        auto res = testing::post_request(c, testing::question_body(refs));
        REQUIRE(res);
        if (res->status == 201) ++created;
        if (res->status == 429) {
            ++limited;
            CHECK(error_of(res)["code"] == "rate_limited");
            const int wait = std::stoi(res->get_header_value("Retry-After"));
            CHECK(wait >= 1);
            CHECK(wait <= 60);
        }
    }
    CHECK(created == 5);
    CHECK(limited == 3);
    CHECK(c.Get("/healthz")->status == 200);  // reads are not limited
}

TEST_CASE("guides, items and bundles carry a strong ETag and answer If-None-Match with 304") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto bundles = json::parse(c.Get("/api/v1/items?limit=200")->body)["items"];
    std::string bundle_id;
    for (auto& s : bundles)
        if (s["kind"] == "bundle") bundle_id = s["id"];
    std::vector<std::string> paths = {"/api/v1/guides/" + refs.item_id, "/api/v1/items/" + refs.item_id,
                                      "/api/v1/bundles/area/" + refs.area_id};
    if (!bundle_id.empty()) paths.push_back("/api/v1/bundles/" + bundle_id);
    for (auto& p : paths) {
        auto first = c.Get(p.c_str());
        REQUIRE(first);
        REQUIRE_MESSAGE(first->status == 200, p);
        const std::string etag = first->get_header_value("ETag");
        CHECK_MESSAGE(etag.size() > 10, p);
        CHECK(etag.front() == '"');
        CHECK(etag.rfind("W/", 0) == std::string::npos);
        CHECK(c.Get(p.c_str())->get_header_value("ETag") == etag);  // deterministic
        auto again = c.Get(p.c_str(), {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK_MESSAGE(again->status == 304, p);
        CHECK(again->body.empty());
        auto listed = c.Get(p.c_str(), {{"If-None-Match", "\"other\", " + etag}});
        CHECK(listed->status == 304);
        auto stale = c.Get(p.c_str(), {{"If-None-Match", "\"0000\""}});
        CHECK(stale->status == 200);
        CHECK(stale->body == first->body);
    }
}

TEST_CASE("the area bundle has everything the app loads for that area") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto res = c.Get(("/api/v1/bundles/area/" + refs.area_id).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto b = json::parse(res->body);
    CHECK(b["area"]["id"] == refs.area_id);
    CHECK(b["town"]["kind"] == "town");
    auto guide = json::parse(c.Get(("/api/v1/guides/" + refs.item_id).c_str())->body);
    bool found = false;
    for (auto& item : b["guides"]["items"]) found = found || item["id"] == refs.item_id;
    CHECK(found);
    CHECK(b["guides"]["version"] == guide["version"]);
    auto index = json::parse(c.Get("/api/v1/search-index")->body);
    CHECK(b["search_index"] == index);
    CHECK(b["places"].is_array());
    CHECK(b["summaries"].size() == b["guides"]["items"].size() + b["guides"]["bundles"].size());
    // Sent compressed (brotli, else gzip) with an ETag per encoding.
    auto raw = server.client();
    raw.set_decompress(false);
    const std::string path = "/api/v1/bundles/area/" + refs.area_id;
    auto identity = raw.Get(path.c_str(), {{"Accept-Encoding", "identity"}});
    auto gz = raw.Get(path.c_str(), {{"Accept-Encoding", "gzip"}});
    auto br = raw.Get(path.c_str(), {{"Accept-Encoding", "gzip, deflate, br"}});
    CHECK(identity->get_header_value("Content-Encoding").empty());
    CHECK(identity->body == res->body);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(br->get_header_value("Content-Encoding") == "br");
    CHECK(br->body.size() < gz->body.size());
    CHECK(gz->body.size() * 2 < identity->body.size());
    CHECK(br->get_header_value("Vary") == "Accept-Encoding");
    CHECK(gz->get_header_value("ETag") != identity->get_header_value("ETag"));
    CHECK(raw.Get(path.c_str(), {{"Accept-Encoding", "gzip"}, {"If-None-Match", gz->get_header_value("ETag")}})->status ==
          304);
    CHECK(c.Get("/api/v1/bundles/area/no-such-area")->status == 404);
    CHECK(c.Get("/api/v1/bundles/area/bad%20id")->status == 400);
}

TEST_CASE("metrics count requests by route pattern and status and report the writer") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    REQUIRE(testing::post_request(c, testing::question_body(refs))->status == 201);
    c.Get("/api/v1/requests/12345");
    c.Get("/api/v1/requests/67890");
    auto res = c.Get("/metrics");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("text/plain") == 0);
    const std::string& m = res->body;
    CHECK(m.find("# TYPE doorplate_http_requests_total counter") != std::string::npos);
    CHECK(m.find("doorplate_http_requests_total{method=\"POST\",route=\"/api/v1/requests\",status=\"201\"} 1") !=
          std::string::npos);
    CHECK(m.find("doorplate_http_requests_total{method=\"GET\",route=\"/api/v1/requests/:id\",status=\"404\"} 2") !=
          std::string::npos);
    CHECK(m.find("doorplate_http_request_duration_seconds_bucket{route=\"/api/v1/requests\",le=\"+Inf\"} 1") !=
          std::string::npos);
    CHECK(m.find("doorplate_writer_queue_depth 0") != std::string::npos);
    CHECK(m.find("doorplate_writes_committed_total 1") != std::string::npos);
    CHECK(m.find("doorplate_write_batches_total 1") != std::string::npos);
    CHECK(m.find("# TYPE doorplate_wal_syncs_total counter") != std::string::npos);
}

TEST_CASE("behind a trusted proxy the rate limit counts each forwarded client separately") {
    testing::ServerProcess server({"--demo", "--rate-limit", "2", "--trust-proxy"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    const std::string body = testing::question_body(refs).dump();
    auto post_as = [&](const std::string& client) {
        return c.Post("/api/v1/requests", {{"X-Forwarded-For", "10.0.0.9, " + client}}, body, "application/json")->status;
    };
    CHECK(post_as("203.0.113.1") == 201);
    CHECK(post_as("203.0.113.1") == 201);
    CHECK(post_as("203.0.113.1") == 429);
    CHECK(post_as("203.0.113.2") == 201);
}
