// Accounts and sessions: argon2id password hashes (libsodium), random session tokens stored only
// as SHA-256, the dp_session cookie / Bearer token, require_user(), accounts and the audit log.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app.hpp"

namespace dp {

enum class Role { agent, supervisor, admin };
const char* to_string(Role role);
std::optional<Role> role_from_string(const std::string& s);

struct User {
    int64_t id = 0;
    std::string username;
    Role role = Role::agent;
    std::string area_id;  // "" = none (supervisors, admins)
    std::string display_name;
    bool disabled = false;
    int64_t created_at = 0;
};
// {"id","username","role","area_id" (null when none),"display_name"}; with_status adds disabled, created_at.
nlohmann::json user_json(const User& user, bool with_status = false);

int64_t unix_now();

// ---- passwords (argon2id) ----

struct PasswordCost {
    unsigned long long ops = 0;
    size_t mem = 0;
};
// "interactive" (libsodium's INTERACTIVE limits), "moderate", "min" (tests only); nullopt otherwise.
std::optional<PasswordCost> password_cost_named(const std::string& name);
PasswordCost password_cost(const App& app);
std::string hash_password(const std::string& password, const PasswordCost& cost);
bool verify_password(const std::string& hash, const std::string& password);
bool password_needs_rehash(const std::string& hash, const PasswordCost& cost);

// ---- tokens ----

std::string random_token();                   // 32 random bytes, base64url without padding
std::string sha256_hex(std::string_view data);  // lowercase hex

// ---- sessions ----

constexpr const char* kSessionCookie = "dp_session";

// The credential a request carries: the dp_session cookie, else "Authorization: Bearer <token>".
std::string request_credential(const httplib::Request& req);
std::string bearer_token(const httplib::Request& req);

std::string create_session(App& app, int64_t user_id);  // returns the token (stored only hashed)
// Deletes sessions that can no longer be used (logged out, past their lifetime or idle limit);
// run at start-up and at every login, so the table holds only live sessions.
void purge_ended_sessions(Db& db, int64_t now, int64_t idle_seconds);
void revoke_session(App& app, const std::string& token);
void revoke_user_sessions(App& app, int64_t user_id);
// The user of a valid session (not revoked, not expired, not idle too long, user enabled);
// refreshes last_seen_at.
std::optional<User> user_for_session(App& app, const std::string& token);
// Set-Cookie values: HttpOnly; SameSite=Strict; Path=/; Max-Age; Secure when the public URL is https.
std::string session_cookie(const App& app, const std::string& token);
std::string expired_session_cookie(const App& app);

// The logged-in user, or HttpError 401 (no valid session) / 403 (a role not in `roles`).
User require_user(const httplib::Request& req, App& app, std::initializer_list<Role> roles);
std::optional<User> current_user(const httplib::Request& req, App& app);

// ---- accounts ----

struct NewUser {
    std::string username, password, role, area_id, display_name;
};
std::optional<User> find_user(Db& db, int64_t id);
std::optional<User> find_user_by_name(Db& db, const std::string& username);
// The checks that need no database (name, role, password, area given for agents, display name):
// HttpError 400 bad_username | bad_role | weak_password | bad_password | area_required | bad_display_name.
void check_new_user(const NewUser& user);
// Validates (username 3–32 of a-z 0-9 _ . -, password ≥ 10 characters, known role, an agent's area
// exists) and inserts. HttpError 400 (invalid) / 409 (username taken).
User create_user(Db& db, const NewUser& user, const PasswordCost& cost);

// ---- audit ----

// One audit row: who (nullopt = a resident or anonymous), what, on what. `detail` is scrubbed of
// anything that looks like a mobile or ID number before it is stored.
void audit(Db& db, std::optional<int64_t> user_id, const std::string& action, const std::string& target_type,
           const std::string& target_id, nlohmann::json detail = nlohmann::json::object());

}  // namespace dp

// ---- command line (server/auth_cli.cpp) ----

namespace dp {

extern const char* const kAuthUsage;  // the --help lines of the options below
// Handles one accounts-and-access option (e.g. --password-cost, --uploads, --create-user); false if
// `arg` is not one of them. `value` returns the option's value (throws when it is missing).
bool parse_auth_option(const std::string& arg, const std::function<std::string()>& value, AuthConfig& config);
// --create-user: reads the password from standard input (no echo on a terminal), creates the
// account and prints a confirmation. Returns the exit status (0 ok, 1 refused).
int create_user_command(const ServerConfig& config);

}  // namespace dp
