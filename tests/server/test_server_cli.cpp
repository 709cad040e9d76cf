// Tests of the server's command line and lifecycle: --help, bad options, SIGTERM, schema checks.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db.hpp"
#include "server_process.hpp"

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
