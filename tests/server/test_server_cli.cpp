// Tests of the server's command line and lifecycle: --help, bad options, SIGTERM, schema checks.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db.hpp"
#include "server_process.hpp"
#include "submit_load.hpp"

TEST_CASE("--help describes every option") {
    auto [status, out] = testing::run_server_command({"--help"});
    CHECK(status == 0);
    for (const char* opt : {"--host", "--port", "--db", "--www", "--demo", "--log-level"})
        CHECK_MESSAGE(out.find(opt) != std::string::npos, opt);
}

TEST_CASE("an unknown option or a bad port is refused with a message") {
    auto [s1, o1] = testing::run_server_command({"--bogus"});
    CHECK(s1 == 2);
    CHECK(o1.find("unknown option --bogus") != std::string::npos);
    auto [s2, o2] = testing::run_server_command({"--port", "70000"});
    CHECK(s2 == 2);
    CHECK(o2.find("--port") != std::string::npos);
    auto [s3, o3] = testing::run_server_command({"--log-level", "loud"});
    CHECK(s3 == 2);
}

TEST_CASE("SIGTERM stops the server cleanly with exit status 0") {
    testing::ServerProcess server;
    REQUIRE(server.client().Get("/healthz"));
    CHECK(server.stop() == 0);
}

TEST_CASE("start-up prints the URL and sample doorplate links") {
    testing::ServerProcess server;
    CHECK(server.startup_output().find("Sample doorplates:") != std::string::npos);
    CHECK(server.startup_output().find("/d/") != std::string::npos);
}

TEST_CASE("demo data is loaded once: a restart does not duplicate doorplates") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    auto db = dir / "keep.db";
    std::string total1, total2;
    {
        testing::ServerProcess s({"--demo"}, db);
        total1 = nlohmann::json::parse(s.client().Get("/api/v1/doorplates?limit=1")->body)["total"].dump();
    }
    {
        testing::ServerProcess s({"--demo"}, db);
        total2 = nlohmann::json::parse(s.client().Get("/api/v1/doorplates?limit=1")->body)["total"].dump();
    }
    CHECK(total1 == total2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a database newer than the server knows is refused with a clear message") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    auto path = (dir / "future.db").string();
    {
        dp::Db db(path);
        db.exec("PRAGMA user_version=999");
    }
    auto [status, out] = testing::run_server_command({"--db", path, "--port", "0"});
    CHECK(status == 1);
    CHECK(out.find("newer than this server knows") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("--backup copies a live database consistently while another server writes to it") {
    auto dir = testing::make_temp_dir("doorplate-backup-");
    const auto db_path = dir / "live.db";
    testing::ServerProcess server({"--demo", "--rate-limit", "0"}, db_path);
    auto refs = testing::demo_refs(server);
    testing::SubmitLoad load(server, refs, 3);
    while (load.acknowledged_count() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto out = dir / "copy.db";
    auto [status, text] = testing::run_server_command({"--db", db_path.string(), "--backup", out.string()});
    const size_t acked_before_copy_done = load.acknowledged_count();
    CHECK(status == 0);
    CHECK(text.find("backup:") != std::string::npos);
    CHECK(server.stop() == 0);
    load.join();
    REQUIRE(std::filesystem::exists(out));
    CHECK_FALSE(std::filesystem::exists(dir / "copy.db.tmp"));
    auto [check_status, check_out] = testing::run_server_command({"--db", out.string(), "--check"});
    CHECK(check_status == 0);
    CHECK(check_out == "ok\n");
    dp::Db copy(out.string());
    dp::Stmt n(copy, "SELECT COUNT(*) FROM requests");
    n.step();
    CHECK(n.int64(0) >= 20);  // everything acknowledged before the copy started
    CHECK(n.int64(0) <= static_cast<int64_t>(acked_before_copy_done + 3));
    dp::Stmt e(copy, "SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id)");
    e.step();
    CHECK(e.int64(0) == 0);  // whole transactions only: every request has its first event
    dp::Stmt d(copy, "SELECT COUNT(*) FROM doorplates");
    d.step();
    CHECK(d.int64(0) > 1000);
    std::filesystem::remove_all(dir);
}

TEST_CASE("--check says ok for a sound database and names a broken reference otherwise") {
    auto dir = testing::make_temp_dir("doorplate-check-");
    const auto path = (dir / "c.db").string();
    { dp::Db db(path); }
    auto [s1, o1] = testing::run_server_command({"--db", path, "--check"});
    CHECK(s1 == 0);
    CHECK(o1 == "ok\n");
    {
        dp::Db db(path);
        db.exec("PRAGMA foreign_keys=OFF");
        db.exec("INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, lat, lng) "
                "VALUES ('ORPHAN', 'nowhere', 'nowhere', '南安市', '镇', '村', '路', '1号', 0, 0)");
    }
    auto [s2, o2] = testing::run_server_command({"--db", path, "--check"});
    CHECK(s2 == 1);
    CHECK(o2.find("foreign key: doorplates") != std::string::npos);
    auto [s3, o3] = testing::run_server_command({"--db", (dir / "missing.db").string(), "--check"});
    CHECK(s3 == 1);
    CHECK(o3.find("no database") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("new options are described and their values checked") {
    auto [status, out] = testing::run_server_command({"--help"});
    CHECK(status == 0);
    for (const char* opt : {"--max-batch", "--rate-limit", "--backup", "--check", "--threads", "--max-db-mb"})
        CHECK_MESSAGE(out.find(opt) != std::string::npos, opt);
    auto [s1, o1] = testing::run_server_command({"--max-batch", "0"});
    CHECK(s1 == 2);
    CHECK(o1.find("--max-batch") != std::string::npos);
    auto [s2, o2] = testing::run_server_command({"--rate-limit", "lots"});
    CHECK(s2 == 2);
}
