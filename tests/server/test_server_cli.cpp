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

// ---- --create-user (the password comes on standard input) ----

namespace {
// Runs the server binary with `input` on its standard input; returns {exit status, output}.
std::pair<int, std::string> run_with_input(const std::string& input, const std::vector<std::string>& args) {
    auto dir = testing::make_temp_dir("doorplate-stdin-");
    {
        std::ofstream(dir / "in.txt") << input;
    }
    std::string cmd = DP_SERVER_BIN;
    for (auto& a : args) cmd += " '" + a + "'";
    cmd += " < '" + (dir / "in.txt").string() + "' 2>&1";
    std::string output;
    FILE* p = popen(cmd.c_str(), "r");
    char buf[512];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) output.append(buf, n);
    int st = pclose(p);
    std::filesystem::remove_all(dir);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, output};
}

// A database with the demo areas (and accounts), made by starting and stopping the server.
std::filesystem::path demo_db(const std::filesystem::path& dir) {
    auto db = dir / "users.db";
    testing::ServerProcess s({"--demo", "--password-cost", "min"}, db);
    return db;
}
}  // namespace

TEST_CASE("--create-user reads the password from standard input and the account can log in") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    const auto db = demo_db(dir);
    auto [status, out] = run_with_input("a-long-password\n", {"--db", db.string(), "--create-user", "agent_meilin",
                                                              "--role", "agent", "--area", "350583-103",
                                                              "--display-name", "美林街道帮办员", "--password-cost", "min"});
    CHECK_MESSAGE(status == 0, out);
    CHECK(out.find("agent_meilin") != std::string::npos);
    CHECK(out.find("a-long-password") == std::string::npos);
    testing::ServerProcess s({"--password-cost", "min"}, db);
    auto c = s.client();
    auto r = c.Post("/api/v1/auth/login", R"({"username":"agent_meilin","password":"a-long-password"})", "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    auto user = nlohmann::json::parse(r->body)["user"];
    CHECK(user["area_id"] == "350583-103");
    CHECK(user["display_name"] == "美林街道帮办员");
    std::filesystem::remove_all(dir);
}

TEST_CASE("--create-user refuses a duplicate name, an unknown area, a bad role and a short password") {
    auto dir = testing::make_temp_dir("doorplate-db-");
    const auto db = demo_db(dir);
    const std::string path = db.string();
    auto dup = run_with_input("a-long-password\n", {"--db", path, "--create-user", "agent_ximei", "--role", "agent",
                                                    "--area", "350583-101", "--password-cost", "min"});
    CHECK(dup.first == 1);
    CHECK(dup.second.find("已被使用") != std::string::npos);
    auto area = run_with_input("a-long-password\n", {"--db", path, "--create-user", "agent_x", "--role", "agent",
                                                     "--area", "999999-999", "--password-cost", "min"});
    CHECK(area.first == 1);
    CHECK(area.second.find("999999-999") != std::string::npos);
    auto role = run_with_input("a-long-password\n", {"--db", path, "--create-user", "boss", "--role", "boss"});
    CHECK(role.first == 1);
    CHECK(role.second.find("--role") != std::string::npos);
    auto no_role = run_with_input("a-long-password\n", {"--db", path, "--create-user", "boss"});
    CHECK(no_role.first == 1);
    auto short_pw = run_with_input("short\n", {"--db", path, "--create-user", "sup2", "--role", "supervisor",
                                               "--password-cost", "min"});
    CHECK(short_pw.first == 1);
    CHECK(short_pw.second.find("至少 10") != std::string::npos);
    auto empty = run_with_input("", {"--db", path, "--create-user", "sup3", "--role", "supervisor"});
    CHECK(empty.first == 1);
    CHECK(empty.second.find("standard input") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("demo mode prints the demo accounts at start-up, and only demo mode") {
    testing::ServerProcess demo({"--demo", "--password-cost", "min"});
    CHECK(demo.startup_output().find("Demo accounts") != std::string::npos);
    CHECK(demo.startup_output().find("agent_ximei") != std::string::npos);
    testing::ServerProcess plain(std::vector<std::string>{});
    CHECK(plain.startup_output().find("Demo accounts") == std::string::npos);
}
