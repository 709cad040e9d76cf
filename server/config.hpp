// Server configuration: what the command line sets (see `doorplate-server --help`).
#pragma once
#include <cstdint>
#include <string>

namespace dp {

// Accounts, sessions, login limits and uploads (server/auth.cpp, server/routes_uploads.cpp).
struct AuthConfig {
    std::string password_cost = "interactive";  // argon2id limits: interactive | moderate | min (tests only)
    int64_t session_idle_seconds = 12 * 3600;   // a session unused this long expires
    int64_t session_lifetime_seconds = 7 * 24 * 3600;
    int login_max_failures = 5;                 // per username and per client address …
    int64_t login_window_seconds = 15 * 60;     // … within this window, then 429
    std::string uploads_dir = "var/uploads";
    int64_t upload_max_bytes = 10 * 1024 * 1024;
    int upload_max_count = 20;                  // files per request
    // --create-user NAME --role R [--area ID] [--display-name X]: create an account and exit.
    std::string create_user, create_role, create_area, create_display_name;
};

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;             // 0 = any free port (tests)
    std::string db_path = "var/doorplate.db";
    std::string www_dir = "build/www";
    std::string assets_dir = "assets";
    std::string catalogue_path;  // built catalogue JSON; empty = <www>/data/catalogue.json
    bool demo = false;           // load the demo county into an empty database
    bool demo_help = true;       // with demo: a few demo help requests in a database without requests
    std::string demo_dir = "build/native/demo";  // generated demo county (doorplate-gencounty)
    bool demo_activity = false;  // seed a month of demo usage (events, closed requests) into an empty events table
    std::string log_level = "info";
    std::string public_base_url; // for links printed at start-up; empty = http://host:port
    int threads = 32;            // HTTP worker threads (each holds one connection while it is open)
    int max_batch = 256;         // writes per group-commit transaction (1 = one transaction per write)
    bool trust_proxy = false;    // count X-Forwarded-For (from loopback) as the client for rate limits
    int rate_limit = 60;         // submissions per minute per client address; 0 = off
    int64_t max_db_mb = 0;       // database size quota in MiB (writes beyond it: 507); 0 = none
    std::string backup_path;     // --backup OUT: copy the database and exit
    bool check = false;          // --check: integrity and foreign-key check, then exit
    AuthConfig auth;
};

}  // namespace dp
