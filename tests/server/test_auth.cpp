// Integration tests of /api/v1/auth over real HTTP: login, the session cookie and Bearer token,
// logout, idle and absolute expiry, and the login rate limit.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "auth_fixtures.hpp"

using nlohmann::json;
using namespace testing;

TEST_CASE("a demo agent logs in and gets a session cookie and a token") {
    AuthServer s;
    auto c = s.client();
    auto r = post_json(c, "/api/v1/auth/login", {{"username", kXimeiAgent}, {"password", kXimeiPassword}});
    REQUIRE(r);
    CHECK(r->status == 200);
    auto body = json::parse(r->body);
    CHECK(body["user"]["username"] == kXimeiAgent);
    CHECK(body["user"]["role"] == "agent");
    CHECK(body["user"]["area_id"] == "350583-101");
    CHECK(body["user"]["display_name"] == "溪美街道帮办员");
    CHECK_FALSE(body["user"].contains("password_hash"));
    const std::string token = body["token"];
    CHECK(token.size() == 43);  // 32 bytes, base64url without padding
    const std::string cookie = r->get_header_value("Set-Cookie");
    CHECK(cookie.find("dp_session=" + token) == 0);
    CHECK(cookie.find("; HttpOnly") != std::string::npos);
    CHECK(cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("; Path=/") != std::string::npos);
    CHECK(cookie.find("; Max-Age=604800") != std::string::npos);
    CHECK(cookie.find("Secure") == std::string::npos);  // the public URL is http here
}

TEST_CASE("the session token is stored only as its SHA-256") {
    AuthServer s;
    auto c = s.client();
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    REQUIRE_FALSE(token.empty());
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT token_hash FROM sessions");
    REQUIRE(q.step());
    CHECK(q.text(0) == dp::sha256_hex(token));
    CHECK(q.text(0) != token);
}

TEST_CASE("the cookie is Secure when the server's public URL is https") {
    AuthServer s({"--public-url", "https://doorplate.example.cn"});
    auto c = s.client();
    auto r = post_json(c, "/api/v1/auth/login", {{"username", kAdmin}, {"password", kAdminPassword}});
    REQUIRE(r);
    CHECK(r->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
}

TEST_CASE("a wrong password and an unknown user get the same 401 answer") {
    AuthServer s;
    auto c = s.client();
    auto wrong = post_json(c, "/api/v1/auth/login", {{"username", kXimeiAgent}, {"password", "not-the-password"}});
    auto unknown = post_json(c, "/api/v1/auth/login", {{"username", "nobody_here"}, {"password", "whatever-123"}});
    REQUIRE(wrong);
    REQUIRE(unknown);
    CHECK(wrong->status == 401);
    CHECK(unknown->status == 401);
    CHECK(wrong->body == unknown->body);
    CHECK(json::parse(wrong->body)["error"]["message"] == "用户名或密码不正确");
    CHECK(wrong->get_header_value("Set-Cookie").empty());
}

TEST_CASE("a malformed login body is a 400, not a login failure") {
    AuthServer s;
    auto c = s.client();
    CHECK(c.Post("/api/v1/auth/login", "{not json", "application/json")->status == 400);
    CHECK(post_json(c, "/api/v1/auth/login", {{"username", kAdmin}})->status == 400);
    CHECK(post_json(c, "/api/v1/auth/login", {{"username", 5}, {"password", "x"}})->status == 400);
    CHECK(post_json(c, "/api/v1/auth/login", {{"username", kAdmin}, {"password", kAdminPassword}, {"otp", 1}})->status == 400);
}

TEST_CASE("me answers with the user for the cookie and for a Bearer token, and 401 without either") {
    AuthServer s;
    auto c = s.client();
    const std::string token = login(c, kShuitouAgent, kShuitouPassword);
    REQUIRE_FALSE(token.empty());
    auto by_cookie = c.Get("/api/v1/auth/me", {{"Cookie", "other=1; dp_session=" + token}});
    CHECK(by_cookie->status == 200);
    CHECK(json::parse(by_cookie->body)["user"]["username"] == kShuitouAgent);
    auto by_bearer = c.Get("/api/v1/auth/me", bearer(token));
    CHECK(by_bearer->status == 200);
    CHECK(json::parse(by_bearer->body)["user"]["area_id"] == "350583-108");
    auto none = c.Get("/api/v1/auth/me");
    CHECK(none->status == 401);
    CHECK(json::parse(none->body)["error"]["code"] == "unauthenticated");
    CHECK(c.Get("/api/v1/auth/me", bearer("made-up-token-made-up-token-made-up-token12"))->status == 401);
}

TEST_CASE("logout revokes the session and clears the cookie") {
    AuthServer s;
    auto c = s.client();
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    const std::string other = login(c, kXimeiAgent, kXimeiPassword);  // a second device
    auto out = c.Post("/api/v1/auth/logout", bearer(token), "", "application/json");
    REQUIRE(out);
    CHECK(out->status == 200);
    CHECK(out->get_header_value("Set-Cookie").find("dp_session=;") == 0);
    CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
    CHECK(c.Get("/api/v1/auth/me", bearer(token))->status == 401);
    CHECK(c.Post("/api/v1/auth/logout", bearer(token), "", "application/json")->status == 401);
    CHECK(c.Get("/api/v1/auth/me", bearer(other))->status == 200);  // only that session ended
}

TEST_CASE("a session expires after the configured idle time") {
    AuthServer s({"--session-idle", "1"});
    auto c = s.client();
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    CHECK(c.Get("/api/v1/auth/me", bearer(token))->status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(2600));
    CHECK(c.Get("/api/v1/auth/me", bearer(token))->status == 401);
}

TEST_CASE("a session in use still ends at its absolute lifetime") {
    AuthServer s({"--session-lifetime", "2"});
    auto c = s.client();
    auto r = post_json(c, "/api/v1/auth/login", {{"username", kSupervisor}, {"password", kSupervisorPassword}});
    CHECK(r->get_header_value("Set-Cookie").find("Max-Age=2") != std::string::npos);
    const std::string token = json::parse(r->body)["token"];
    bool seen_valid = false;
    for (int i = 0; i < 4; ++i) {  // keep using it: idle never runs out
        if (c.Get("/api/v1/auth/me", bearer(token))->status == 200) seen_valid = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
    }
    CHECK(seen_valid);
    CHECK(c.Get("/api/v1/auth/me", bearer(token))->status == 401);
}

TEST_CASE("repeated failures for one username are refused with 429 and Retry-After, then allowed after the window") {
    AuthServer s({"--login-max-failures", "3", "--login-window", "2"});
    auto c = s.client();
    for (int i = 0; i < 3; ++i)
        CHECK(post_json(c, "/api/v1/auth/login", {{"username", kXimeiAgent}, {"password", "wrong-password"}})->status == 401);
    // Even the right password is refused while the limit holds.
    auto blocked = post_json(c, "/api/v1/auth/login", {{"username", kXimeiAgent}, {"password", kXimeiPassword}});
    REQUIRE(blocked);
    CHECK(blocked->status == 429);
    CHECK(json::parse(blocked->body)["error"]["code"] == "too_many_attempts");
    const int retry = std::stoi(blocked->get_header_value("Retry-After"));
    CHECK(retry >= 1);
    CHECK(retry <= 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    CHECK(post_json(c, "/api/v1/auth/login", {{"username", kXimeiAgent}, {"password", kXimeiPassword}})->status == 200);
}

TEST_CASE("failures spread over many usernames from one address are limited per address") {
    AuthServer s({"--login-max-failures", "3", "--login-window", "60"});
    auto c = s.client();
    for (const char* name : {"a_user", "b_user", "c_user"})
        CHECK(post_json(c, "/api/v1/auth/login", {{"username", name}, {"password", "wrong-password"}})->status == 401);
    CHECK(post_json(c, "/api/v1/auth/login", {{"username", kAdmin}, {"password", kAdminPassword}})->status == 429);
}

TEST_CASE("logins and failures are in the audit log, without passwords") {
    AuthServer s;
    auto c = s.client();
    post_json(c, "/api/v1/auth/login", {{"username", kXimeiAgent}, {"password", "wrong-password-1"}});
    const std::string token = login(c, kXimeiAgent, kXimeiPassword);
    c.Post("/api/v1/auth/logout", bearer(token), "", "application/json");
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT action, COALESCE(user_id, 0), detail FROM audit_log ORDER BY id");
    std::vector<std::string> actions;
    while (q.step()) {
        actions.push_back(q.text(0));
        CHECK(q.int64(1) != 0);
        CHECK(q.text(2).find("wrong-password") == std::string::npos);
    }
    CHECK(actions == std::vector<std::string>{"login_failed", "login", "logout"});
}

TEST_CASE("a demo password hashed cheaply is rehashed with the configured cost at first login") {
    AuthServer s({"--password-cost", "interactive"});
    auto c = s.client();
    auto hash_of = [&] {
        dp::Db db(s.server.db_path().string());
        auto l = db.lock();
        dp::Stmt q(db, "SELECT password_hash FROM users WHERE username = 'admin'");
        q.step();
        return q.text(0);
    };
    CHECK(hash_of().find("$argon2id$v=19$m=8,t=1") == 0);
    CHECK_FALSE(login(c, kAdmin, kAdminPassword).empty());
    CHECK(hash_of().find("$argon2id$v=19$m=65536,t=2") == 0);  // libsodium's INTERACTIVE limits
    CHECK_FALSE(login(c, kAdmin, kAdminPassword).empty());
}

TEST_CASE("sessions that ended are deleted at the next login; live ones stay") {
    AuthServer s;
    auto c = s.client();
    const std::string expired = login(c, kXimeiAgent, kXimeiPassword);
    const std::string logged_out = login(c, kXimeiAgent, kXimeiPassword);
    const std::string idle = login(c, kSupervisor, kSupervisorPassword);
    const std::string live = login(c, kSupervisor, kSupervisorPassword);
    REQUIRE(c.Post("/api/v1/auth/logout", bearer(logged_out), "", "application/json")->status == 200);
    {
        dp::Db db(s.server.db_path().string());
        auto l = db.lock();
        dp::Stmt e(db, "UPDATE sessions SET expires_at = 1 WHERE token_hash = ?");
        e.bind(1, dp::sha256_hex(expired));
        e.step();
        dp::Stmt i(db, "UPDATE sessions SET last_seen_at = 1 WHERE token_hash = ?");
        i.bind(1, dp::sha256_hex(idle));
        i.step();
    }
    auto count = [&] {
        dp::Db db(s.server.db_path().string());
        auto l = db.lock();
        dp::Stmt n(db, "SELECT COUNT(*) FROM sessions");
        n.step();
        return n.int64(0);
    };
    CHECK(count() == 4);
    const std::string fresh = login(c, kAdmin, kAdminPassword);
    CHECK(count() == 2);  // the live one and the new one
    CHECK(c.Get("/api/v1/auth/me", bearer(live))->status == 200);
    CHECK(c.Get("/api/v1/auth/me", bearer(fresh))->status == 200);
    CHECK(c.Get("/api/v1/auth/me", bearer(expired))->status == 401);
}
