// doorplate-server: command line, start-up (database, demo data, catalogue), routes, and a
// clean stop on SIGINT/SIGTERM (in-flight requests finish, the database closes).
#include <httplib.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "app.hpp"
#include "http_util.hpp"
#include "log.hpp"

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
  --public-url URL   base URL printed in sample links (default http://HOST:PORT)
  --log-level L      debug | info | warn | error (default info)
  --help             this text
)";

bool parse_args(int argc, char** argv, dp::ServerConfig& c) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(std::string(name) + " needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
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
        else if (a == "--demo") c.demo = true;
        else if (a == "--demo-data") c.demo_dir = value("--demo-data");
        else if (a == "--log-level") {
            c.log_level = value("--log-level");
            if (!dp::log::set_level(c.log_level)) throw std::runtime_error("unknown --log-level " + c.log_level);
        } else throw std::runtime_error("unknown option " + a + " (see --help)");
    }
    if (c.catalogue_path.empty()) c.catalogue_path = c.www_dir + "/data/catalogue.json";
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
    try {
        parse_args(argc, argv, config);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "doorplate-server: %s\n", e.what());
        return 2;
    }

    // Signals are handled by one thread (sigwait), which asks the server to stop.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    try {
        dp::Db db(config.db_path);
        dp::App app{config, db, {}};
        if (config.demo) dp::seed_demo_county(db, config.assets_dir, config.demo_dir);
        app.places.load(db);
        app.catalogue.load(config.catalogue_path, config.assets_dir + "/guides");

        httplib::Server server;
        dp::install_error_handling(server);
        dp::register_doorplate_routes(server, app);
        dp::register_guide_routes(server, app);
        dp::register_validate_routes(server, app);
        dp::register_places_routes(server, app);
        dp::register_static_routes(server, app);  // last: it ends with the catch-all file route

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
        const std::string base = config.public_base_url.empty()
                                     ? "http://" + config.host + ":" + std::to_string(port)
                                     : config.public_base_url;
        std::thread signal_thread([&server, stop_signals] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            dp::log::info("stopping", {{"signal", sig}});
            server.stop();
        });
        std::printf("Doorplate is serving on http://%s:%d/  (Ctrl-C stops it)\n", config.host.c_str(), port);
        print_samples(app, base);
        std::fflush(stdout);
        dp::log::info("listening", {{"host", config.host}, {"port", port}, {"items", app.catalogue.catalogue().items.size()}});
        server.listen_after_bind();
        // listen returned: wake the signal thread if it is still waiting (stopped another way).
        pthread_kill(signal_thread.native_handle(), SIGTERM);
        signal_thread.join();
        dp::log::info("stopped");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "doorplate-server: %s\n", e.what());
        return 1;
    }
    return 0;
}
