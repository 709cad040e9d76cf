// doorplate-server: command line, start-up (database, demo data, catalogue), routes, and a
// clean stop on SIGINT/SIGTERM (in-flight requests finish, the database closes).
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>

#include "app.hpp"
#include "auth.hpp"
#include "connection.hpp"
#include "http_util.hpp"
#include "idempotency.hpp"
#include "import_data.hpp"
#include "log.hpp"
#include "maintenance.hpp"
#include "rate_limit.hpp"
#include "writer.hpp"

namespace {

const char* kUsage = R"(doorplate-server: the Doorplate (数字政务门牌) HTTP server.

Usage: doorplate-server [options]
  --host ADDR        address to listen on (default 127.0.0.1; 0.0.0.0 for phones on the LAN)
  --port N           port (default 8080; 0 picks a free port and prints it)
  --db PATH          SQLite database file (default var/doorplate.db; created if missing)
  --www DIR          web root with the app shell and wasm (default build/www)
  --assets DIR       content and demo data (default assets)
  --catalogue FILE   built guide catalogue (default <www>/data/catalogue.json)
  --demo             load the demo county into the database if it has no doorplates
  --demo-data DIR    the generated demo county (default build/native/demo)
  --no-demo-help     with --demo: do not add the demo help requests (帮办代办) to a new database
  --demo-help        the opposite (the default; the last of the two wins)
  --demo-activity    with --demo: seed the last 30 days (to now) with demo usage (statistics)
                     if there are no usage events yet
  --public-url URL   base URL of links and poster QR codes, e.g. http://192.168.1.20:8080
                     (default http://HOST:PORT)
  --posters VILLAGE  write the village/community's QR posters (one PDF page per doorplate)
                     to --out and exit, without serving; with --size a4|a5 (default a4)
  --size a4|a5       poster paper size for --posters
  --out FILE.pdf     where --posters writes
  --log-level L      debug | info | warn | error (default info)
  --threads N        HTTP worker threads (default 32)
  --max-batch N      writes per group-commit transaction (default 256; 1 = one transaction each)
  --rate-limit N     submissions per minute per client address (default 60; 0 = off)
  --trust-proxy      behind a reverse proxy on loopback: rate-limit by X-Forwarded-For
  --max-db-mb N      refuse writes (507) beyond this database size in MiB (default 0 = no limit)
  --backup OUT       with --db: write a consistent copy of the (live) database to OUT and exit
  --check            with --db: run the integrity and foreign-key checks; exit 0 "ok", else 1
  --import KIND FILE with --db: load real data and exit (repeatable). KIND: areas, doorplates,
                     service-points (CSV), roads, map-features (GeoJSON); formats in
                     docs/data-import.md. Bad rows are listed by line and field and skipped,
                     good rows load; exit 0 when every row loaded, else 1
  --help             this text
)";

int int_option(const char* name, const std::string& v, int lo, int hi) {
    size_t used = 0;
    long long n = lo - 1LL;
    try { n = std::stoll(v, &used); } catch (...) {}
    if (used != v.size() || n < lo || n > hi)
        throw std::runtime_error(std::string(name) + " must be " + std::to_string(lo) + ".." + std::to_string(hi) + ", not " + v);
    return static_cast<int>(n);
}

// The --posters batch (print shop PDF) instead of serving.
struct PosterJob {
    std::string village_id, size = "a4", out;
};

// Commands that run instead of serving.
struct Commands {
    PosterJob posters;
    std::vector<dp::ImportJob> imports;
};

bool parse_args(int argc, char** argv, dp::ServerConfig& c, Commands& commands) {
    PosterJob& posters = commands.posters;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(std::string(name) + " needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            std::cout << kUsage << dp::kAuthUsage;
            std::exit(0);
        } else if (a == "--host") c.host = value("--host");
        else if (a == "--port") {
            std::string v = value("--port");
            size_t used = 0;
            int p = -1;
            try { p = std::stoi(v, &used); } catch (...) {}
            if (used != v.size() || p < 0 || p > 65535) throw std::runtime_error("--port must be 0..65535, not " + v);
            c.port = p;
        } else if (a == "--db") c.db_path = value("--db");
        else if (a == "--www") c.www_dir = value("--www");
        else if (a == "--assets") c.assets_dir = value("--assets");
        else if (a == "--catalogue") c.catalogue_path = value("--catalogue");
        else if (a == "--public-url") c.public_base_url = value("--public-url");
        else if (a == "--posters") posters.village_id = value("--posters");
        else if (a == "--size") posters.size = value("--size");
        else if (a == "--out") posters.out = value("--out");
        else if (a == "--demo") c.demo = true;
        else if (a == "--no-demo-help") c.demo_help = false;
        else if (a == "--demo-help") c.demo_help = true;
        else if (a == "--demo-data") c.demo_dir = value("--demo-data");
        else if (a == "--demo-activity") c.demo_activity = true;
        else if (a == "--threads") c.threads = int_option("--threads", value("--threads"), 1, 1024);
        else if (a == "--max-batch") c.max_batch = int_option("--max-batch", value("--max-batch"), 1, 100000);
        else if (a == "--rate-limit") c.rate_limit = int_option("--rate-limit", value("--rate-limit"), 0, 1000000000);
        else if (a == "--max-db-mb") c.max_db_mb = int_option("--max-db-mb", value("--max-db-mb"), 0, 1000000000);
        else if (a == "--backup") c.backup_path = value("--backup");
        else if (a == "--check") c.check = true;
        else if (a == "--import") {
            const std::string kind = value("--import");
            const dp::ImportKind* k = dp::find_import_kind(kind);
            if (!k)
                throw std::runtime_error("--import KIND must be areas, doorplates, service-points, roads or map-features, not " +
                                         kind);
            commands.imports.push_back({k, value("--import KIND")});
        }
        else if (a == "--trust-proxy") c.trust_proxy = true;
        else if (a == "--log-level") {
            c.log_level = value("--log-level");
            if (!dp::log::set_level(c.log_level)) throw std::runtime_error("unknown --log-level " + c.log_level);
        } else if (dp::parse_auth_option(a, [&] { return value(a.c_str()); }, c.auth)) {
        } else throw std::runtime_error("unknown option " + a + " (see --help)");
    }
    if (c.catalogue_path.empty()) c.catalogue_path = c.www_dir + "/data/catalogue.json";
    if (!posters.village_id.empty() && posters.out.empty()) throw std::runtime_error("--posters needs --out FILE.pdf");
    if (posters.village_id.empty() && !posters.out.empty()) throw std::runtime_error("--out needs --posters VILLAGE");
    return true;
}

void print_samples(dp::App& app, const std::string& base) {
    auto lock = app.db.lock();
    dp::Stmt q(app.db,
               "SELECT code, town || village || road || number || building FROM doorplates "
               "WHERE code IN (SELECT MIN(code) FROM doorplates GROUP BY town_id) ORDER BY town_id LIMIT 5");
    std::printf("Sample doorplates:\n");
    while (q.step()) std::printf("  %s/d/%s  %s\n", base.c_str(), q.text(0).c_str(), q.text(1).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    dp::ServerConfig config;
    Commands commands;
    const PosterJob& posters = commands.posters;
    try {
        parse_args(argc, argv, config, commands);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "doorplate-server: %s\n", e.what());
        return 2;
    }

    if (!config.backup_path.empty()) return dp::run_backup(config.db_path, config.backup_path);
    if (config.check) return dp::run_check(config.db_path);
    if (!commands.imports.empty()) {
        try {
            return dp::run_import(config, commands.imports, stdout, stderr);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "doorplate-server: %s\n", e.what());
            return 1;
        }
    }

    // Signals are handled by one thread (sigwait), which asks the server to stop.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
    if (!config.auth.create_user.empty()) return dp::create_user_command(config);

    try {
        dp::Db db(config.db_path);
        dp::App app{config, db, {}};
        if (config.demo) dp::seed_demo_county(db, config.demo_dir);
        if (config.demo) dp::seed_demo_accounts(db);
        app.places.load(db);
        {  // what has expired while the server was down: 24-hour idempotency keys, ended sessions
            const int64_t now = static_cast<int64_t>(std::time(nullptr));
            dp::purge_expired_idempotency_keys(db, now);
            dp::purge_ended_sessions(db, now, config.auth.session_idle_seconds);
        }
        if (!posters.village_id.empty()) {
            if (config.public_base_url.empty())
                std::fprintf(stderr, "doorplate-server: warning: no --public-url; the QR codes point at %s\n",
                             dp::public_base_url(app).c_str());
            try {
                const int pages = dp::write_village_posters(app, posters.village_id, posters.size, posters.out);
                std::printf("Wrote %s: %d %s for %s (%s)\n", posters.out.c_str(), pages, pages == 1 ? "page" : "pages",
                            posters.village_id.c_str(), posters.size.c_str());
                return 0;
            } catch (const dp::HttpError& e) {
                std::fprintf(stderr, "doorplate-server: --posters %s: %s\n", posters.village_id.c_str(), e.what());
                return 1;
            }
        }
        app.catalogue.load(config.catalogue_path, config.assets_dir + "/guides");
        if (config.demo && config.demo_help) dp::seed_demo_help(app);
        // Parked long polls may hold at most half the worker threads (docs/api-help.md).
        app.help.set_max_waiters(config.threads / 2);
        if (config.demo && config.demo_activity)
            dp::seed_demo_activity(app, std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch()).count());
        // The one writer (its own connection) and the submission limit; stopped after the last request.
        dp::Writer writer(config.db_path, {config.max_batch, config.max_db_mb * 1024 * 1024});
        dp::RateLimiter submit_limit(config.rate_limit, config.trust_proxy);
        app.writer = &writer;
        app.submit_limit = config.rate_limit > 0 ? &submit_limit : nullptr;

        dp::HttpServer server;  // httplib's server with one buffered stream per connection (connection.hpp)
        const int threads = config.threads;
        server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
        server.set_payload_max_length(16 * 1024 * 1024);  // routes check their own smaller limits
        // Large bodies go out in several writes: without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs could hold a response's last segment back ~40 ms.
        server.set_tcp_nodelay(true);
        // Requests per keep-alive connection before the server closes it: nginx's default (1000); at
        // 100, busy clients reconnected every 100 requests (a new TCP handshake each time).
        server.set_keep_alive_max_count(1000);
        dp::install_routes(server, app);

        int port = config.port;
        if (port == 0) {
            port = server.bind_to_any_port(config.host);
        } else if (!server.bind_to_port(config.host, port)) {
            port = -1;
        }
        if (port < 0) {
            std::fprintf(stderr, "doorplate-server: cannot listen on %s:%d (in use?)\n", config.host.c_str(), config.port);
            return 1;
        }
        if (int err = server.widen_backlog()) dp::log::warn("listen_backlog", {{"error", std::strerror(err)}});
        const std::string base = config.public_base_url.empty()
                                     ? "http://" + config.host + ":" + std::to_string(port)
                                     : config.public_base_url;
        std::atomic<bool> listen_returned{false};
        std::thread signal_thread([&server, &app, &listen_returned, stop_signals] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            dp::log::info("stopping", {{"signal", sig}});
            // A signal that arrives before listen started would otherwise be lost (stop() does
            // nothing until the server runs): wait for it to run, then stop it.
            while (!server.is_running() && !listen_returned) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            app.help.shutdown();  // answer parked long polls now, so the worker threads can finish
            server.shutdown();  // also wakes idle keep-alive connections
        });
        if (config.demo) dp::print_demo_accounts();
        if (config.demo && config.demo_help) dp::print_demo_help(app);
        std::printf("Doorplate is serving on http://%s:%d/  (Ctrl-C stops it)\n", config.host.c_str(), port);
        print_samples(app, base);
        std::fflush(stdout);
        dp::log::info("listening", {{"host", config.host}, {"port", port}, {"items", app.catalogue.catalogue().items.size()}});
        server.listen_after_bind();
        listen_returned = true;
        // listen returned: wake the signal thread if it is still waiting (stopped another way).
        pthread_kill(signal_thread.native_handle(), SIGTERM);
        signal_thread.join();
        // Every request has finished (listen returns after the worker threads joined): commit
        // whatever is still queued, then close.
        writer.stop();
        dp::log::info("stopped", {{"writes_committed", writer.stats().writes_committed}});
    } catch (const std::exception& e) {
        std::fprintf(stderr, "doorplate-server: %s\n", e.what());
        return 1;
    }
    return 0;
}
