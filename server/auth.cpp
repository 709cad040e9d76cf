// Accounts and sessions (see auth.hpp): libsodium argon2id and SHA-256, the sessions table, the
// cookie and Bearer credential, require_user(), account creation and audit rows.
#include "auth.hpp"

#include <sodium.h>

#include <cctype>
#include <ctime>
#include <mutex>

#include "http_util.hpp"
#include "log.hpp"
#include "mask.hpp"
#include "validate.hpp"

namespace dp {
namespace {

void ensure_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    });
}

bool is_token_shaped(const std::string& t) {
    if (t.size() < 20 || t.size() > 128) return false;
    for (char c : t)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

const char* kUserColumns = "SELECT id, username, role, area_id, display_name, disabled, created_at FROM users ";

User user_from_row(const Stmt& s, int first = 0) {
    User u;
    u.id = s.int64(first);
    u.username = s.text(first + 1);
    u.role = role_from_string(s.text(first + 2)).value_or(Role::agent);
    u.area_id = s.is_null(first + 3) ? "" : s.text(first + 3);
    u.display_name = s.text(first + 4);
    u.disabled = s.int64(first + 5) != 0;
    u.created_at = s.int64(first + 6);
    return u;
}

}  // namespace

const char* to_string(Role role) {
    switch (role) {
        case Role::agent: return "agent";
        case Role::supervisor: return "supervisor";
        case Role::admin: return "admin";
    }
    return "agent";
}

std::optional<Role> role_from_string(const std::string& s) {
    for (Role r : {Role::agent, Role::supervisor, Role::admin})
        if (s == to_string(r)) return r;
    return std::nullopt;
}

nlohmann::json user_json(const User& u, bool with_status) {
    nlohmann::json j = {{"id", u.id},
                        {"username", u.username},
                        {"role", to_string(u.role)},
                        {"area_id", u.area_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.area_id)},
                        {"display_name", u.display_name}};
    if (with_status) {
        j["disabled"] = u.disabled;
        j["created_at"] = u.created_at;
    }
    return j;
}

int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)); }

// ---- passwords ----

std::optional<PasswordCost> password_cost_named(const std::string& name) {
    if (name == "interactive") return PasswordCost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    if (name == "moderate") return PasswordCost{crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    if (name == "min") return PasswordCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    return std::nullopt;
}

PasswordCost password_cost(const App& app) {
    auto c = password_cost_named(app.config.auth.password_cost);
    if (!c) throw std::runtime_error("unknown password cost " + app.config.auth.password_cost);
    return *c;
}

std::string hash_password(const std::string& password, const PasswordCost& cost) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), cost.ops, cost.mem) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    ensure_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash, const PasswordCost& cost) {
    ensure_sodium();
    return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.ops, cost.mem) != 0;
}

// ---- tokens ----

std::string random_token() {
    ensure_sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string sha256_hex(std::string_view data) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// ---- sessions ----

std::string bearer_token(const httplib::Request& req) {
    const std::string h = req.get_header_value("Authorization");
    if (h.size() > 7 && (h.compare(0, 7, "Bearer ") == 0 || h.compare(0, 7, "bearer ") == 0)) {
        std::string t = h.substr(7);
        while (!t.empty() && t.front() == ' ') t.erase(0, 1);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        return t;
    }
    return "";
}

std::string request_credential(const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    const std::string name = std::string(kSessionCookie) + "=";
    size_t pos = 0;
    while (pos < cookies.size()) {
        size_t end = cookies.find(';', pos);
        if (end == std::string::npos) end = cookies.size();
        size_t a = pos;
        while (a < end && cookies[a] == ' ') ++a;
        if (cookies.compare(a, name.size(), name) == 0) {
            std::string v = cookies.substr(a + name.size(), end - a - name.size());
            if (!v.empty()) return v;
        }
        pos = end + 1;
    }
    return bearer_token(req);
}

std::string create_session(App& app, int64_t user_id) {
    const std::string token = random_token();
    const int64_t now = unix_now();
    auto l = app.db.lock();
    Stmt s(app.db,
           "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, sha256_hex(token)).bind(2, user_id).bind(3, now).bind(4, now + app.config.auth.session_lifetime_seconds);
    s.bind(5, now);
    s.step();
    purge_ended_sessions(app.db, now, app.config.auth.session_idle_seconds);
    return token;
}

void purge_ended_sessions(Db& db, int64_t now, int64_t idle_seconds) {
    auto l = db.lock();
    Stmt purge(db, "DELETE FROM sessions WHERE revoked_at IS NOT NULL OR expires_at <= ? OR last_seen_at < ?");
    purge.bind(1, now).bind(2, now - idle_seconds);
    purge.step();
}

void revoke_session(App& app, const std::string& token) {
    auto l = app.db.lock();
    Stmt s(app.db, "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL");
    s.bind(1, unix_now()).bind(2, sha256_hex(token));
    s.step();
}

void revoke_user_sessions(App& app, int64_t user_id) {
    auto l = app.db.lock();
    Stmt s(app.db, "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
    s.bind(1, unix_now()).bind(2, user_id);
    s.step();
}

std::optional<User> user_for_session(App& app, const std::string& token) {
    if (!is_token_shaped(token)) return std::nullopt;
    const int64_t now = unix_now();
    const std::string hash = sha256_hex(token);
    auto l = app.db.lock();
    Stmt s(app.db,
           "SELECT u.id, u.username, u.role, u.area_id, u.display_name, u.disabled, u.created_at, "
           "s.expires_at, s.last_seen_at, s.revoked_at FROM sessions s JOIN users u ON u.id = s.user_id "
           "WHERE s.token_hash = ?");
    s.bind(1, hash);
    if (!s.step()) return std::nullopt;
    User u = user_from_row(s);
    const int64_t expires_at = s.int64(7), last_seen = s.int64(8);
    const bool revoked = !s.is_null(9);
    if (revoked || u.disabled || now >= expires_at || now - last_seen > app.config.auth.session_idle_seconds)
        return std::nullopt;
    if (now > last_seen) {
        Stmt t(app.db, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
        t.bind(1, now).bind(2, hash);
        t.step();
    }
    return u;
}

namespace {
bool public_url_is_https(const App& app) { return app.config.public_base_url.rfind("https://", 0) == 0; }
}  // namespace

std::string session_cookie(const App& app, const std::string& token) {
    return std::string(kSessionCookie) + "=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
           std::to_string(app.config.auth.session_lifetime_seconds) + (public_url_is_https(app) ? "; Secure" : "");
}

std::string expired_session_cookie(const App& app) {
    return std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" +
           (public_url_is_https(app) ? "; Secure" : "");
}

std::optional<User> current_user(const httplib::Request& req, App& app) {
    const std::string token = request_credential(req);
    if (token.empty()) return std::nullopt;
    return user_for_session(app, token);
}

User require_user(const httplib::Request& req, App& app, std::initializer_list<Role> roles) {
    auto user = current_user(req, app);
    if (!user) throw HttpError(401, "unauthenticated", "请先登录（登录已过期或未登录）");
    for (Role r : roles)
        if (user->role == r) return *user;
    throw HttpError(403, "forbidden", "当前账号没有权限进行这个操作");
}

// ---- accounts ----

std::optional<User> find_user(Db& db, int64_t id) {
    auto l = db.lock();
    Stmt s(db, (std::string(kUserColumns) + "WHERE id = ?").c_str());
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return user_from_row(s);
}

std::optional<User> find_user_by_name(Db& db, const std::string& username) {
    auto l = db.lock();
    Stmt s(db, (std::string(kUserColumns) + "WHERE username = ?").c_str());
    s.bind(1, username);
    if (!s.step()) return std::nullopt;
    return user_from_row(s);
}

void check_new_user(const NewUser& in) {
    const std::string& name = in.username;
    bool name_ok = name.size() >= 3 && name.size() <= 32;
    for (char c : name)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' ||
              c == '.' || c == '-'))
            name_ok = false;
    if (!name_ok)
        throw HttpError(400, "bad_username", "用户名应为 3 到 32 位小写字母、数字或 _ . -");
    auto role = role_from_string(in.role);
    if (!role) throw HttpError(400, "bad_role", "角色只能是 agent、supervisor 或 admin");
    const auto pw = decode_utf8_strict(in.password);
    if (!pw || pw->size() < 10) throw HttpError(400, "weak_password", "密码至少 10 个字符");
    if (in.password.size() > 1024) throw HttpError(400, "bad_password", "密码太长（最多 1024 字节）");
    if (*role == Role::agent && in.area_id.empty())
        throw HttpError(400, "area_required", "帮办人员账号必须指定所属镇街或村社区（--area）");
    const auto display = decode_utf8_strict(in.display_name);
    if (!display || display->size() > 50) throw HttpError(400, "bad_display_name", "显示名称最多 50 个字");
}

User create_user(Db& db, const NewUser& in, const PasswordCost& cost) {
    check_new_user(in);
    const std::string& name = in.username;
    if (!in.area_id.empty()) {
        auto l = db.lock();
        Stmt a(db, "SELECT kind FROM areas WHERE id = ?");
        a.bind(1, in.area_id);
        if (!a.step()) throw HttpError(400, "unknown_area", "找不到区域 " + in.area_id);
    }
    if (find_user_by_name(db, name)) throw HttpError(409, "username_taken", "用户名 " + name + " 已被使用");
    const std::string hash = hash_password(in.password, cost);  // slow: outside the lock
    auto l = db.lock();
    if (find_user_by_name(db, name)) throw HttpError(409, "username_taken", "用户名 " + name + " 已被使用");
    Stmt s(db,
           "INSERT INTO users (username, password_hash, role, area_id, display_name, disabled, created_at) "
           "VALUES (?, ?, ?, ?, ?, 0, ?)");
    s.bind(1, name).bind(2, hash).bind(3, in.role);
    if (in.area_id.empty()) s.bind_null(4);
    else s.bind(4, in.area_id);
    s.bind(5, in.display_name.empty() ? name : in.display_name).bind(6, unix_now());
    s.step();
    return *find_user(db, db.last_insert_id());
}

// ---- audit ----

void audit(Db& db, std::optional<int64_t> user_id, const std::string& action, const std::string& target_type,
           const std::string& target_id, nlohmann::json detail) {
    scrub_json(detail);
    auto l = db.lock();
    Stmt s(db,
           "INSERT INTO audit_log (at, user_id, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, unix_now());
    if (user_id) s.bind(2, *user_id);
    else s.bind_null(2);
    s.bind(3, action).bind(4, target_type).bind(5, scrub_personal_data(target_id));
    s.bind(6, detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.step();
}

}  // namespace dp
