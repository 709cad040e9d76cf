// /api/v1/auth: login (argon2id check, rate limits per username and client address, session
// cookie and token), logout, and who am I.
#include "access.hpp"
#include "app.hpp"
#include "auth.hpp"
#include "http_util.hpp"
#include "log.hpp"
#include "post_bodies.hpp"

namespace dp {
namespace {

const char* kLoginFailed = "用户名或密码不正确";

const std::string& dummy_hash(App& app) {
    std::call_once(app.auth.dummy_hash_once,
                   [&] { app.auth.dummy_hash = hash_password(random_token(), password_cost(app)); });
    return app.auth.dummy_hash;
}

void login(App& app, const httplib::Request& req, httplib::Response& res) {
    const LoginBody body = parse_login_body(req);
    const std::string& username = body.username;
    const std::string& password = body.password;
    const auto& cfg = app.config.auth;
    const std::string address = req.remote_addr;
    const int64_t now = unix_now();
    if (int64_t wait = app.auth.login_limiter.retry_after(username, address, now, cfg.login_max_failures,
                                                          cfg.login_window_seconds)) {
        log::warn("login_rate_limited", {{"username", username}, {"address", address}, {"retry_after", wait}});
        res.set_header("Retry-After", std::to_string(wait));
        const int64_t minutes = (wait + 59) / 60;
        throw HttpError(429, "too_many_attempts",
                        "登录失败次数太多，请 " + std::to_string(minutes) + " 分钟后再试");
    }

    // Made on the first login of any kind, so that even the first unknown username takes no longer.
    const std::string& dummy = dummy_hash(app);
    std::string hash;
    std::optional<User> user;
    {
        auto l = app.db.lock();
        Stmt s(app.db, "SELECT id, password_hash, disabled FROM users WHERE username = ?");
        s.bind(1, username);
        if (s.step()) {
            hash = s.text(1);
            if (s.int64(2) == 0) user = find_user(app.db, s.int64(0));
        }
    }
    // Unknown users are checked against a dummy hash so the answer takes as long.
    const bool ok = verify_password(user ? hash : dummy, password) && user.has_value();
    if (!ok) {
        app.auth.login_limiter.record_failure(username, address, now, cfg.login_window_seconds);
        log::warn("login_failed", {{"username", username}, {"address", address}});
        audit(app.db, user ? std::optional<int64_t>(user->id) : std::nullopt, "login_failed", "user", username,
              {{"address", address}});
        throw HttpError(401, "login_failed", kLoginFailed);
    }
    const PasswordCost cost = password_cost(app);
    if (password_needs_rehash(hash, cost)) {
        const std::string fresh = hash_password(password, cost);
        auto l = app.db.lock();
        Stmt u(app.db, "UPDATE users SET password_hash = ? WHERE id = ?");
        u.bind(1, fresh).bind(2, user->id);
        u.step();
    }
    app.auth.login_limiter.clear_username(username);
    const std::string token = create_session(app, user->id);
    audit(app.db, user->id, "login", "user", std::to_string(user->id), {{"address", address}});
    log::info("login", {{"user_id", user->id}});
    res.set_header("Set-Cookie", session_cookie(app, token));
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"user", user_json(*user)},
                    {"token", token},
                    {"expires_at", now + cfg.session_lifetime_seconds}});
}

void logout(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor, Role::admin});
    revoke_session(app, request_credential(req));
    audit(app.db, user.id, "logout", "user", std::to_string(user.id));
    res.set_header("Set-Cookie", expired_session_cookie(app));
    send_json(res, {{"ok", true}});
}

void me(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor, Role::admin});
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"user", user_json(user)}});
}

}  // namespace

void register_auth_routes(Routes& server, App& app) {
    server.Post("/api/v1/auth/login", [&app](const httplib::Request& req, httplib::Response& res) { login(app, req, res); });
    server.Post("/api/v1/auth/logout", [&app](const httplib::Request& req, httplib::Response& res) { logout(app, req, res); });
    server.Get("/api/v1/auth/me", [&app](const httplib::Request& req, httplib::Response& res) { me(app, req, res); });
}

}  // namespace dp
