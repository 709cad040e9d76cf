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
