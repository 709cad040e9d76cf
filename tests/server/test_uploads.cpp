// Integration tests of uploads over real HTTP: accepted types by content, spoofed types refused,
// size and count limits, content-addressed deduplicated storage, and who may download.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "auth_fixtures.hpp"
#include "upload_store.hpp"

using nlohmann::json;
using namespace testing;

namespace {
size_t count_stored_files(const fs::path& dir) {
    size_t n = 0;
    if (!fs::exists(dir)) return 0;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) ++n;
    return n;
}
}  // namespace

TEST_CASE("JPEG, PNG and PDF files are accepted and stored under their SHA-256") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    struct Case {
        std::string bytes, name, declared, mime;
    } cases[] = {{jpeg_bytes(), "a.jpg", "image/jpeg", "image/jpeg"},
                 {png_bytes(), "b.png", "image/png", "image/png"},
                 {pdf_bytes(), "c.pdf", "application/pdf", "application/pdf"}};
    for (const auto& k : cases) {
        auto r = upload(c, x.id, bearer(x.token), k.bytes, k.name, k.declared);
        REQUIRE(r);
        CHECK_MESSAGE(r->status == 201, r->body);
        auto u = json::parse(r->body)["upload"];
        CHECK(u["mime"] == k.mime);
        CHECK(u["size"] == k.bytes.size());
        const std::string sha = u["sha256"];
        CHECK(sha == dp::sha256_hex(k.bytes));
        const fs::path stored = s.uploads / sha.substr(0, 2) / sha.substr(2, 2) / sha;
        REQUIRE(fs::exists(stored));
        std::ifstream in(stored, std::ios::binary);
        CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == k.bytes);
    }
    CHECK(count_stored_files(s.uploads) == 3);  // no temporary files left behind
}

TEST_CASE("the type is decided by the content: an HTML file named .jpg and declared image/jpeg is refused with 415") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    auto r = upload(c, x.id, bearer(x.token), "<html><script>alert(1)</script></html>", "photo.jpg", "image/jpeg");
    REQUIRE(r);
    CHECK(r->status == 415);
    CHECK(json::parse(r->body)["error"]["message"] == "只能上传 JPG、PNG 图片或 PDF 文件");
    // A real PNG declared as something else is fine: the name and the declared type do not matter.
    auto png = upload(c, x.id, bearer(x.token), png_bytes(), "scan.exe", "application/octet-stream");
    CHECK(png->status == 201);
    CHECK(json::parse(png->body)["upload"]["mime"] == "image/png");
    CHECK(upload(c, x.id, bearer(x.token), std::string("GIF89a....", 10), "a.gif", "image/gif")->status == 415);
    CHECK(count_stored_files(s.uploads) == 1);
}

TEST_CASE("a file over the size limit is refused with 413 and nothing is stored") {
    AuthServer s({"--upload-max-bytes", "1000"});
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    CHECK(upload(c, x.id, bearer(x.token), pdf_bytes(std::string(900, 'a')))->status == 201);
    auto big = upload(c, x.id, bearer(x.token), pdf_bytes(std::string(1000, 'b')));
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(json::parse(big->body)["error"]["code"] == "file_too_large");
    CHECK(count_stored_files(s.uploads) == 1);
}

TEST_CASE("a request takes at most the configured number of files") {
    AuthServer s({"--upload-max-count", "3"});
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    for (int i = 0; i < 3; ++i) CHECK(upload(c, x.id, bearer(x.token), png_bytes(std::to_string(i)))->status == 201);
    auto fourth = upload(c, x.id, bearer(x.token), png_bytes("3"));
    CHECK(fourth->status == 409);
    CHECK(json::parse(fourth->body)["error"]["code"] == "too_many_uploads");
    // Sending one of the three again is not a new file.
    CHECK(upload(c, x.id, bearer(x.token), png_bytes("0"))->status == 200);
}

TEST_CASE("the same bytes uploaded twice, even to two requests, are stored once") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const TestRequest y = insert_request(s.server.db_path());
    auto first = upload(c, x.id, bearer(x.token), jpeg_bytes("same"));
    auto again = upload(c, x.id, bearer(x.token), jpeg_bytes("same"));
    auto other = upload(c, y.id, bearer(y.token), jpeg_bytes("same"), "other.jpg", "image/jpeg", "户口簿");
    CHECK(first->status == 201);
    CHECK(again->status == 200);
    CHECK(json::parse(again->body)["created"] == false);
    CHECK(other->status == 201);
    CHECK(count_stored_files(s.uploads) == 1);
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT (SELECT COUNT(*) FROM uploads), (SELECT COUNT(*) FROM request_uploads)");
    q.step();
    CHECK(q.int64(0) == 1);
    CHECK(q.int64(1) == 2);
}

TEST_CASE("a malformed upload is a specific 400") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const std::string path = "/api/v1/requests/" + std::to_string(x.id) + "/uploads";
    auto not_multipart = c.Post(path.c_str(), bearer(x.token), png_bytes(), "image/png");
    CHECK(not_multipart->status == 400);
    CHECK(json::parse(not_multipart->body)["error"]["code"] == "not_multipart");
    CHECK(c.Post(path.c_str(), bearer(x.token))->status == 400);
    httplib::MultipartFormDataItems no_file = {{"material", "身份证", "", ""}};
    CHECK(json::parse(c.Post(path.c_str(), bearer(x.token), no_file)->body)["error"]["code"] == "missing_file");
    auto no_material = upload(c, x.id, bearer(x.token), png_bytes(), "a.png", "image/png", "");
    CHECK(no_material->status == 400);
    CHECK(json::parse(no_material->body)["error"]["code"] == "missing_material");
    CHECK(upload(c, x.id, bearer(x.token), png_bytes(), "a.png", "image/png", std::string(300, 'm'))->status == 400);
}

TEST_CASE("a download carries the stored type, nosniff, and inline for images but attachment for PDF") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const std::string png_sha = json::parse(upload(c, x.id, bearer(x.token), png_bytes())->body)["upload"]["sha256"];
    const std::string pdf_sha = json::parse(upload(c, x.id, bearer(x.token), pdf_bytes())->body)["upload"]["sha256"];
    auto png = c.Get(("/api/v1/uploads/" + png_sha).c_str(), bearer(x.token));
    REQUIRE(png->status == 200);
    CHECK(png->body == png_bytes());
    CHECK(png->get_header_value("Content-Type") == "image/png");
    CHECK(png->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(png->get_header_value("Content-Disposition").find("inline") == 0);
    auto pdf = c.Get(("/api/v1/uploads/" + pdf_sha).c_str(), bearer(x.token));
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    CHECK(pdf->get_header_value("Content-Disposition").find("attachment") == 0);
}

TEST_CASE("a download is only for the owning request's token or agents of its area; everyone else gets 404") {
    AuthServer s;
    auto c = s.client();
    const TestRequest x = insert_request(s.server.db_path());
    const TestRequest other = insert_request(s.server.db_path());
    const std::string sha = json::parse(upload(c, x.id, bearer(x.token), png_bytes("private"))->body)["upload"]["sha256"];
    const std::string url = "/api/v1/uploads/" + sha;
    CHECK(c.Get(url.c_str(), bearer(x.token))->status == 200);
    CHECK(c.Get(url.c_str(), bearer(other.token))->status == 404);  // another resident
    CHECK(c.Get(url.c_str())->status == 404);
    CHECK(c.Get(url.c_str(), bearer(login(c, kXimeiAgent, kXimeiPassword)))->status == 200);
    CHECK(c.Get(url.c_str(), bearer(login(c, kShuitouAgent, kShuitouPassword)))->status == 404);
    CHECK(c.Get(("/api/v1/uploads/" + std::string(64, 'a')).c_str(), bearer(x.token))->status == 404);
    CHECK(c.Get("/api/v1/uploads/..%2F..%2Fetc%2Fpasswd", bearer(x.token))->status == 404);
    // An agent's upload is recorded as theirs and audited.
    const std::string agent = login(c, kXimeiAgent, kXimeiPassword);
    CHECK(upload(c, x.id, bearer(agent), pdf_bytes("agent"))->status == 201);
    auto detail = json::parse(c.Get(("/api/v1/desk/requests/" + std::to_string(x.id)).c_str(), bearer(agent))->body);
    CHECK(detail["request"]["uploads"].size() == 2);
    CHECK(detail["request"]["uploads"][1]["uploaded_by"] != "resident");
}

TEST_CASE("content sniffing knows the three magic numbers and nothing else") {
    CHECK(dp::sniff_upload_type(jpeg_bytes()) == std::optional<std::string>("image/jpeg"));
    CHECK(dp::sniff_upload_type(png_bytes()) == std::optional<std::string>("image/png"));
    CHECK(dp::sniff_upload_type(pdf_bytes()) == std::optional<std::string>("application/pdf"));
    CHECK_FALSE(dp::sniff_upload_type(std::string("\xFF\xD8", 2)));
    CHECK_FALSE(dp::sniff_upload_type("%PDF"));
    CHECK_FALSE(dp::sniff_upload_type(""));
    CHECK_FALSE(dp::sniff_upload_type(" %PDF-1.4"));
}

TEST_CASE("a completed, withdrawn or rated request takes no more uploads: 409 naming its state") {
    AuthServer s;
    auto c = s.client();
    struct Case {
        const char* status;
        const char* label;
    } cases[] = {{"completed", "已办结"}, {"withdrawn", "已撤回"}, {"rated", "已评价"}};
    for (const auto& k : cases) {
        RequestFields f;
        f.status = k.status;
        const TestRequest x = insert_request(s.server.db_path(), f);
        auto r = upload(c, x.id, bearer(x.token), png_bytes(k.status), "a.png", "image/png");
        REQUIRE(r);
        CHECK_MESSAGE(r->status == 409, r->body);
        auto err = json::parse(r->body)["error"];
        CHECK(err["code"] == "request_closed");
        CHECK(err["message"].get<std::string>().find(k.label) != std::string::npos);
        // An agent of the area is refused the same way.
        const std::string agent = login(c, kXimeiAgent, kXimeiPassword);
        auto a = upload(c, x.id, bearer(agent), pdf_bytes(k.status), "b.pdf", "application/pdf");
        REQUIRE(a);
        CHECK(a->status == 409);
    }
    CHECK(count_stored_files(s.uploads) == 0);  // nothing stored for a closed request
    // An open request still takes files.
    RequestFields open;
    open.status = "needs_supplement";
    const TestRequest y = insert_request(s.server.db_path(), open);
    CHECK(upload(c, y.id, bearer(y.token), png_bytes("open"), "a.png", "image/png")->status == 201);
}
