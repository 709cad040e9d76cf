// The floor of a durable submission (scripts/bench.sh http): the server's own HTTP layer
// (HttpServer), JSON parsing and the same group-commit Writer, storing each submission as ONE
// row of one table with its idempotency key, and nothing else (no validation against the
// catalogue, no events, no statistics, no rate limit). Its submissions/s against its own
// /healthz is the best ratio any submission path on these parts can reach on this machine.
// Usage: bench_submit_floor DB_PATH PORT_FILE [--no-store]   (listens on 127.0.0.1, an ephemeral
// port; --no-store answers 201 after parsing, storing nothing: the HTTP and JSON part alone)
#include <httplib.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "connection.hpp"
#include "db.hpp"
#include "writer.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_submit_floor DB_PATH PORT_FILE [--no-store]\n");
        return 2;
    }
    const bool store = !(argc > 3 && std::string(argv[3]) == "--no-store");
    {
        dp::Db db(argv[1]);  // the server's schema and pragmas (WAL, synchronous=FULL)
        db.exec("CREATE TABLE IF NOT EXISTS floor_submissions (id INTEGER PRIMARY KEY, "
                "idempotency_key TEXT NOT NULL UNIQUE, body TEXT NOT NULL)");
    }
    dp::Writer writer(argv[1]);
    dp::HttpServer server;
    server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    server.set_keep_alive_max_count(1000);
    server.set_tcp_nodelay(true);
    server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("{\"status\":\"ok\"}", "application/json; charset=utf-8");
    });
    server.Post("/api/v1/requests", [&writer, store](const httplib::Request& req, httplib::Response& res) {
        const std::string key = req.get_header_value("Idempotency-Key");
        const auto body = nlohmann::json::parse(req.body, nullptr, false);
        if (key.empty() || !body.is_object() || !body.value("kind", nlohmann::json()).is_string()) {
            res.status = 400;
            res.set_content("{\"error\":{\"code\":\"bad_request\",\"message\":\"bad body\"}}", "application/json");
            return;
        }
        int64_t id = 0;
        if (store) writer.run([&](dp::Db& db) {
            dp::Stmt insert(db, "INSERT INTO floor_submissions (idempotency_key, body) VALUES (?, ?)");
            insert.bind(1, key).bind(2, req.body).step();
            id = db.last_insert_id();
        });
        res.status = 201;
        res.set_content(nlohmann::json{{"id", id}}.dump(), "application/json; charset=utf-8");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    server.widen_backlog();
    std::ofstream(argv[2]) << port << "\n";
    server.listen_after_bind();
    writer.stop();
    return 0;
}
