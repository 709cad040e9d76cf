// Test fixtures of the accounts-and-access tests: a demo server with cheap password hashing and a
// private uploads folder, logins of the demo accounts, and resident requests written straight into
// the server's SQLite file (the submission endpoint belongs to the storage work).
#pragma once
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth.hpp"
#include "db.hpp"
#include "server_process.hpp"

namespace testing {

// Demo accounts (server/demo_accounts.cpp).
inline const char* kXimeiAgent = "agent_ximei";        // agent of 溪美街道 350583-101
inline const char* kXimeiPassword = "ximei-demo-2025";
inline const char* kShuitouAgent = "agent_shuitou";    // agent of 水头镇 350583-108
inline const char* kShuitouPassword = "shuitou-demo-2025";
inline const char* kSupervisor = "supervisor";
inline const char* kSupervisorPassword = "supervisor-demo-2025";
inline const char* kAdmin = "admin";
inline const char* kAdminPassword = "admin-demo-2025";

struct AuthServer {
    fs::path dir = make_temp_dir("doorplate-auth-");
    fs::path uploads = dir / "uploads";
    fs::path log = dir / "server.log";
    ServerProcess server;

    explicit AuthServer(std::vector<std::string> extra = {})
        : server(with_defaults(extra, dir / "uploads"), {}, dir / "server.log") {}
    ~AuthServer() {
        server.stop();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    static std::vector<std::string> with_defaults(std::vector<std::string> extra, const fs::path& uploads) {
        std::vector<std::string> args = {"--demo", "--password-cost", "min", "--uploads", uploads.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
    httplib::Client client() const { return server.client(); }
    std::string log_text() const {
        std::ifstream in(log);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

inline httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

inline httplib::Result post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                                 const httplib::Headers& headers = {}) {
    return c.Post(path.c_str(), headers, body.dump(), "application/json");
}

// Logs in and returns the session token ("" if the login failed).
inline std::string login(httplib::Client& c, const std::string& user, const std::string& password) {
    auto r = post_json(c, "/api/v1/auth/login", {{"username", user}, {"password", password}});
    if (!r || r->status != 200) return "";
    return nlohmann::json::parse(r->body)["token"].get<std::string>();
}

struct TestRequest {
    int64_t id = 0;
    std::string token;  // the resident's token
};

struct RequestFields {
    std::string area_id = "350583-101-001";  // 溪州社区, 溪美街道
    std::string town_id = "350583-101";
    std::string contact_name = "张三";
    std::string contact_phone = "13812345678";
    std::optional<std::string> id_number = std::string("35058319900101123X");
    std::string kind = "question";
    std::string status = "submitted";
    std::string payload = R"({"question":"办身份证要带什么？"})";
};

// Inserts a resident request directly into the server's database (as the storage work would).
inline TestRequest insert_request(const fs::path& db_path, const RequestFields& f = {}) {
    dp::Db db(db_path.string());
    TestRequest t;
    t.token = dp::random_token();
    static int serial = 0;
    const int64_t now = dp::unix_now();
    auto l = db.lock();
    std::string doorplate;  // a real doorplate of the area, should the table refer to doorplates
    {
        dp::Stmt d(db, "SELECT code FROM doorplates WHERE area_id = ? ORDER BY code LIMIT 1");
        d.bind(1, f.area_id);
        if (d.step()) doorplate = d.text(0);
    }
    dp::Stmt s(db,
               "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, "
               "contact_name, contact_phone, id_number, payload, status, created_at, updated_at) "
               "VALUES (?, ?, ?, 'id-card-renewal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, "T" + std::to_string(now) + "-" + std::to_string(++serial)).bind(2, dp::sha256_hex(t.token));
    s.bind(3, f.kind).bind(4, doorplate).bind(5, f.area_id).bind(6, f.town_id).bind(7, f.contact_name);
    s.bind(8, f.contact_phone);
    if (f.id_number) s.bind(9, *f.id_number);
    else s.bind_null(9);
    s.bind(10, f.payload).bind(11, f.status).bind(12, now).bind(13, now);
    s.step();
    t.id = db.last_insert_id();
    return t;
}

inline RequestFields in_shuitou() {
    RequestFields f;
    f.area_id = "350583-108-001";
    f.town_id = "350583-108";
    f.contact_name = "李四";
    f.contact_phone = "13900001111";
    f.id_number = "350583198505052345";
    return f;
}

}  // namespace testing

namespace testing {

// A tiny valid-looking file of each accepted type; `salt` makes the bytes (and the SHA-256) differ.
inline std::string png_bytes(const std::string& salt = "") {
    return std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + "png body " + salt;
}
inline std::string jpeg_bytes(const std::string& salt = "") { return std::string("\xFF\xD8\xFF\xE0", 4) + "jpeg body " + salt; }
inline std::string pdf_bytes(const std::string& salt = "") { return "%PDF-1.4\n% test " + salt + "\n%%EOF\n"; }

inline httplib::Result upload(httplib::Client& c, int64_t request_id, const httplib::Headers& headers,
                              const std::string& bytes, const std::string& filename = "photo.png",
                              const std::string& content_type = "image/png", const std::string& material = "身份证正面") {
    httplib::MultipartFormDataItems items = {{"file", bytes, filename, content_type}, {"material", material, "", ""}};
    return c.Post(("/api/v1/requests/" + std::to_string(request_id) + "/uploads").c_str(), headers, items);
}

}  // namespace testing
