// Integration tests of static serving, the doorplate page, health and item listing.
#include <doctest/doctest.h>

#include <brotli/encode.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "poster_tools.hpp"
#include "raw_client.hpp"
#include "server_process.hpp"

using nlohmann::json;

TEST_CASE("health answers 200 with a JSON status") {
    testing::ServerProcess server;
    auto res = server.client().Get("/healthz");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json::parse(res->body)["status"] == "ok");
}

TEST_CASE("the doorplate page is the app shell served as HTML") {
    testing::ServerProcess server;
    auto res = server.client().Get("/d/ABCDEFG");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body.find("shell") != std::string::npos);
}

TEST_CASE("the doorplate page asks the browser to preload exactly the doorplate answer the app shell fetches") {
    testing::ServerProcess server;
    auto c = server.client();
    auto plain = c.Get("/d/ABCDEFG");
    REQUIRE(plain);
    CHECK(plain->get_header_value("Link") == "</api/v1/doorplates/ABCDEFG>; rel=preload; as=fetch; crossorigin");
    // The entry channel goes along, encoded as the shell's encodeURIComponent does.
    // (raw bytes: httplib's client would re-encode the query itself)
    testing::RawClient raw(server.port());
    REQUIRE(raw.send_all("GET /d/ABCDEFG/guide/x?src=%E6%B5%B7%E6%8A%A5%20a HTTP/1.1\r\nHost: x\r\n\r\n"));
    CHECK(raw.read_response(5000).find("\r\nLink: </api/v1/doorplates/ABCDEFG?src=%E6%B5%B7%E6%8A%A5%20a>; "
                                       "rel=preload; as=fetch; crossorigin\r\n") != std::string::npos);
    // Codes the shell would not fetch get no hint (and nothing of the path reaches a header).
    for (const char* path : {"/d/ab", "/d/ABC-DEFG", "/d/%0D%0ASet-Cookie:x=1"}) {
        auto res = c.Get(path);
        REQUIRE(res);
        CHECK_MESSAGE(!res->has_header("Link"), path);
        CHECK(!res->has_header("Set-Cookie"));
    }
}

TEST_CASE("the help pages get the help app's shell when the web root has one") {
    testing::ServerProcess server;
    auto c = server.client();
    // Without help.html every page under a doorplate is index.html (the shell then picks the app).
    CHECK(c.Get("/d/ABCDEFG/help")->body.find("shell") != std::string::npos);
    std::ofstream(server.www() / "help.html") << "<!doctype html><title>help shell</title>";
    for (const char* p : {"/d/ABCDEFG/help", "/d/ABCDEFG/help/proxy/ITEM1", "/d/ABCDEFG/requests",
                          "/d/ABCDEFG/requests/R1"}) {
        auto res = c.Get(p);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 200, p);
        CHECK_MESSAGE(res->body.find("help shell") != std::string::npos, p);
        CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    }
    for (const char* p : {"/d/ABCDEFG", "/d/ABCDEFG/", "/d/ABCDEFG/helpful", "/d/ABCDEFG/search", "/d/ABCDEFG/map"}) {
        auto res = c.Get(p);
        REQUIRE(res);
        CHECK_MESSAGE(res->body.find("help shell") == std::string::npos, p);
    }
}

TEST_CASE("the agent console /desk and its pages are the console's shell, not the resident's") {
    testing::ServerProcess server;
    std::ofstream(server.www() / "desk.html") << "<!doctype html><title>desk shell</title>";
    auto c = server.client();
    for (const char* p : {"/desk", "/desk/", "/desk/requests/17", "/desk/batch"}) {
        auto res = c.Get(p);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 200, p);
        CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(res->get_header_value("Cache-Control") == "no-cache");
        CHECK(res->body.find("desk shell") != std::string::npos);
        // No inline script is needed: the CSP stays strict.
        CHECK(res->get_header_value("Content-Security-Policy").find("unsafe-inline") == std::string::npos);
    }
    auto other = c.Get("/desktop");
    REQUIRE(other);
    CHECK(other->status == 404);
}

TEST_CASE("wasm and scripts are served with their MIME types") {
    testing::ServerProcess server;
    auto c = server.client();
    auto wasm = c.Get("/app.wasm");
    REQUIRE(wasm);
    CHECK(wasm->status == 200);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    CHECK(wasm->body.size() == 8);
    CHECK(c.Get("/app.js")->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(c.Get("/app.js")->get_header_value("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("paths that climb out of the web root are refused") {
    testing::ServerProcess server;
    auto c = server.client();
    for (const char* p : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/data/..%2f..%2fetc/passwd",
                          "/..%5c..%5cetc%5cpasswd"}) {
        auto res = c.Get(p);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 404, p);
        CHECK(res->body.find("root:") == std::string::npos);
    }
}

TEST_CASE("unknown API paths get a JSON 404") {
    testing::ServerProcess server;
    auto res = server.client().Get("/api/v1/nothing-here");
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(json::parse(res->body)["error"]["code"] == "not_found");
}

TEST_CASE("the demo index lists sample doorplate links") {
    testing::ServerProcess server;
    auto res = server.client().Get("/");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.find("href=\"/d/") != std::string::npos);
    CHECK(res->body.find("政务门牌先指路") != std::string::npos);
}

TEST_CASE("precompressed brotli or gzip copies are served when the client accepts them") {
    testing::ServerProcess server;
    std::ofstream(server.www() / "app.wasm.br", std::ios::binary) << "BROTLI";
    std::ofstream(server.www() / "app.wasm.gz", std::ios::binary) << "GZIP";
    auto c = server.client();
    c.set_decompress(false);
    auto br = c.Get("/app.wasm", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(br);
    CHECK(br->get_header_value("Content-Encoding") == "br");
    CHECK(br->get_header_value("Content-Type") == "application/wasm");
    CHECK(br->body == "BROTLI");
    auto gz = c.Get("/app.wasm", {{"Accept-Encoding", "gzip"}});
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->body == "GZIP");
    auto plain = c.Get("/app.wasm", {{"Accept-Encoding", "identity"}});
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body.size() == 8);
}

TEST_CASE("text files are compressed once, never twice; their precompressed copies go out as they are") {
    testing::ServerProcess server;
    auto c = server.client();
    auto js = c.Get("/app.js", {{"Accept-Encoding", "br"}});  // the client decompresses
    REQUIRE(js);
    CHECK(js->body == "console.log(1)");
    // A brotli copy (as scripts/assemble-www.sh makes for the hashed scripts), of a different
    // text so that the answer shows which file was sent.
    const std::string text = "console.log(2)";
    std::string packed(BrotliEncoderMaxCompressedSize(text.size()), '\0');
    size_t n = packed.size();
    REQUIRE(BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, text.size(),
                                  reinterpret_cast<const uint8_t*>(text.data()), &n,
                                  reinterpret_cast<uint8_t*>(packed.data())));
    packed.resize(n);
    std::ofstream(server.www() / "app.js.br", std::ios::binary) << packed;
    auto decoded = c.Get("/app.js", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(decoded);
    CHECK(decoded->body == "console.log(2)");
    CHECK(decoded->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    c.set_decompress(false);
    auto raw = c.Get("/app.js", {{"Accept-Encoding", "br"}});
    REQUIRE(raw);
    CHECK(raw->get_header_value("Content-Encoding") == "br");
    CHECK(raw->body == packed);
    auto plain = c.Get("/app.js", {{"Accept-Encoding", "identity"}});
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body == "console.log(1)");
}

TEST_CASE("the demo index shows each sample doorplate's QR code, which decodes to its poster URL") {
    testing::ServerProcess server({"--demo", "--public-url", "http://192.168.1.20:8080"});
    auto res = server.client().Get("/");
    REQUIRE(res);
    const std::string& html = res->body;
    CHECK(html.find("href=\"/desk\"") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("style=") == std::string::npos);
    auto tmp = testing::make_temp_dir("doorplate-demo-qr-");
    int samples = 0;
    for (size_t at = html.find("<li class=\"plate\">"); at != std::string::npos;
         at = html.find("<li class=\"plate\">", at + 1)) {
        const auto end = html.find("</li>", at);
        const std::string item = html.substr(at, end - at);
        const auto svg_at = item.find("<svg"), svg_end = item.find("</svg>");
        REQUIRE(svg_at != std::string::npos);
        REQUIRE(svg_end != std::string::npos);
        const auto code_at = item.find("href=\"/d/") + 9;
        const std::string code = item.substr(code_at, item.find('"', code_at) - code_at);
        const auto svg = tmp / (code + ".svg");
        testing::write_file(svg, item.substr(svg_at, svg_end + 6 - svg_at));
        CHECK(testing::decode_qr(testing::svg_png(svg)) == "http://192.168.1.20:8080/d/" + code + "?src=poster");
        CHECK(item.find("/api/v1/doorplates/" + code + "/poster.pdf") != std::string::npos);
        ++samples;
    }
    CHECK(samples >= 10);
    // The hint about phones appears only while the codes point at the loopback address.
    CHECK(html.find("手机扫不开") == std::string::npos);
    testing::ServerProcess local;
    CHECK(local.client().Get("/")->body.find("手机扫不开") != std::string::npos);
    std::filesystem::remove_all(tmp);
}
