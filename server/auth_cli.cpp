// The command line of the accounts-and-access work: its options and `--create-user` (password
// read from standard input, without echo on a terminal).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "auth.hpp"
#include "http_util.hpp"

namespace dp {

const char* const kAuthUsage = R"(Accounts and access:
  --create-user NAME     create an account, reading its password (at least 10 characters) from
                         standard input, then exit; with --role agent|supervisor|admin,
                         --area ID (an agent's town or village/community id), --display-name X
  --password-cost C      argon2id cost: interactive (default) | moderate | min (tests only)
  --session-idle S       a session unused for S seconds expires (default 43200 = 12 h)
  --session-lifetime S   a session expires S seconds after login (default 604800 = 7 days)
  --login-max-failures N failed logins per username and per client address … (default 5)
  --login-window S       … within S seconds before logins are refused with 429 (default 900)
  --uploads DIR          where uploaded files are stored (default var/uploads)
  --upload-max-bytes N   largest uploaded file (default 10485760 = 10 MB)
  --upload-max-count N   most files per request (default 20)
)";

namespace {
int64_t positive(const std::string& name, const std::string& v) {
    size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(v, &used);
    } catch (...) {
        used = 0;
    }
    if (v.empty() || used != v.size() || n < 1) throw std::runtime_error(name + " must be a positive integer, not " + v);
    return n;
}
}  // namespace

bool parse_auth_option(const std::string& a, const std::function<std::string()>& value, AuthConfig& c) {
    if (a == "--create-user") c.create_user = value();
    else if (a == "--role") c.create_role = value();
    else if (a == "--area") c.create_area = value();
    else if (a == "--display-name") c.create_display_name = value();
    else if (a == "--password-cost") {
        c.password_cost = value();
        if (!password_cost_named(c.password_cost))
            throw std::runtime_error("--password-cost must be interactive, moderate or min, not " + c.password_cost);
    } else if (a == "--session-idle") c.session_idle_seconds = positive(a, value());
    else if (a == "--session-lifetime") c.session_lifetime_seconds = positive(a, value());
    else if (a == "--login-max-failures") c.login_max_failures = static_cast<int>(std::min<int64_t>(positive(a, value()), 1000000));
    else if (a == "--login-window") c.login_window_seconds = positive(a, value());
    else if (a == "--uploads") c.uploads_dir = value();
    else if (a == "--upload-max-bytes") c.upload_max_bytes = positive(a, value());
    else if (a == "--upload-max-count") c.upload_max_count = static_cast<int>(std::min<int64_t>(positive(a, value()), 1000000));
    else return false;
    return true;
}

namespace {
// One line from standard input; no echo while a terminal is typing it.
bool read_password(const std::string& username, std::string& out) {
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "Password for %s (at least 10 characters): ", username.c_str());
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    const bool got = static_cast<bool>(std::getline(std::cin, out));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return got || !out.empty();
}
}  // namespace

int create_user_command(const ServerConfig& config) {
    const AuthConfig& c = config.auth;
    if (c.create_role.empty()) {
        std::fprintf(stderr, "doorplate-server: --create-user needs --role agent|supervisor|admin\n");
        return 1;
    }
    if (!role_from_string(c.create_role)) {
        std::fprintf(stderr, "doorplate-server: --role must be agent, supervisor or admin, not %s\n", c.create_role.c_str());
        return 1;
    }
    std::string password;
    if (!read_password(c.create_user, password)) {
        std::fprintf(stderr, "doorplate-server: no password on standard input\n");
        return 1;
    }
    try {
        Db db(config.db_path);
        NewUser n{c.create_user, password, c.create_role, c.create_area, c.create_display_name};
        const User u = create_user(db, n, *password_cost_named(c.password_cost));
        audit(db, std::nullopt, "user_created", "user", std::to_string(u.id),
              {{"username", u.username}, {"role", to_string(u.role)}, {"area_id", u.area_id}, {"via", "command line"}});
        std::printf("Created %s account %s (id %lld)%s%s in %s\n", to_string(u.role), u.username.c_str(),
                    static_cast<long long>(u.id), u.area_id.empty() ? "" : " for area ", u.area_id.c_str(),
                    config.db_path.c_str());
        return 0;
    } catch (const HttpError& e) {
        std::fprintf(stderr, "doorplate-server: cannot create user %s: %s\n", c.create_user.c_str(), e.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "doorplate-server: %s\n", e.what());
    }
    return 1;
}

}  // namespace dp
