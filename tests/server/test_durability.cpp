// Crash test: kill -9 the server while clients submit; after a restart every acknowledged
// submission is there exactly once, retries replay, and the integrity check passes.
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "db.hpp"
#include "submit_load.hpp"

using nlohmann::json;

TEST_CASE("after kill -9 every acknowledged submission exists exactly once and retries create nothing") {
    auto dir = testing::make_temp_dir("doorplate-crash-");
    const auto db_path = dir / "crash.db";
    testing::DemoRefs refs;
    std::vector<testing::Submission> acked, unanswered;
    {
        testing::ServerProcess server({"--demo", "--rate-limit", "0"}, db_path);
        refs = testing::demo_refs(server);
        testing::SubmitLoad load(server, refs, 6);
        // Let a good number be acknowledged, then pull the plug mid-stream.
        for (int i = 0; i < 100 && load.acknowledged_count() < 150; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        server.kill_hard();
        load.join();
        acked = load.acknowledged();
        unanswered = load.unanswered();
    }
    REQUIRE(acked.size() > 10);
    INFO("acknowledged " << acked.size() << ", unanswered " << unanswered.size());

    testing::ServerProcess server({"--rate-limit", "0"}, db_path);
    auto c = server.client();
    {
        dp::Db db(db_path.string());
        for (auto& s : acked) {
            dp::Stmt q(db, "SELECT COUNT(*) FROM requests WHERE number = ? AND id = ?");
            q.bind(1, s.number).bind(2, s.id);
            q.step();
            CHECK_MESSAGE(q.int64(0) == 1, s.key);
        }
    }
    int64_t before = 0;
    {
        dp::Db db(db_path.string());
        dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
        n.step();
        before = n.int64(0);
    }
    CHECK(before >= static_cast<int64_t>(acked.size()));
    CHECK(before <= static_cast<int64_t>(acked.size() + unanswered.size()));

    // Retrying an acknowledged submission replays it; retrying one that was in flight either
    // replays (it had committed) or creates it now: afterwards each key is exactly one request.
    for (auto& s : acked) {
        auto res = testing::post_json(c, "/api/v1/requests", s.body, s.key);
        REQUIRE(res);
        CHECK(res->status == 201);
        CHECK(res->get_header_value("Idempotent-Replay") == "true");
        CHECK(json::parse(res->body)["id"] == s.id);
        auto got = c.Get(("/api/v1/requests/" + std::to_string(s.id)).c_str(), {{"Authorization", "Bearer " + s.token}});
        REQUIRE(got);
        CHECK(got->status == 200);
    }
    for (auto& s : unanswered) {
        auto res = testing::post_json(c, "/api/v1/requests", s.body, s.key);
        REQUIRE(res);
        CHECK(res->status == 201);
    }
    {
        dp::Db db(db_path.string());
        dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
        n.step();
        CHECK(n.int64(0) == static_cast<int64_t>(acked.size() + unanswered.size()));
    }
    CHECK(server.stop() == 0);
    auto [status, out] = testing::run_server_command({"--db", db_path.string(), "--check"});
    CHECK(status == 0);
    CHECK(out == "ok\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("when storage is full a submission gets a JSON 507, earlier ones stay and reads go on") {
    auto dir = testing::make_temp_dir("doorplate-full-");
    const auto db_path = dir / "full.db";
    { testing::ServerProcess seed({"--demo"}, db_path); }  // the demo county, checkpointed on close
    const auto size_mb = static_cast<int64_t>(std::filesystem::file_size(db_path) / (1024 * 1024)) + 1;
    testing::ServerProcess server({"--rate-limit", "0", "--max-db-mb", std::to_string(size_mb)}, db_path);
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    std::vector<json> created;
    int full_status = 0;
    std::string full_body;
    std::string text;
    for (int i = 0; i < 1900; ++i) text += "长";
    for (int i = 0; i < 2000; ++i) {
        auto res = testing::post_request(c, testing::question_body(refs, text), "fill-" + std::to_string(i));
        REQUIRE(res);
        if (res->status != 201) {
            full_status = res->status;
            full_body = res->body;
            break;
        }
        created.push_back(json::parse(res->body));
    }
    CHECK(full_status == 507);
    auto err = json::parse(full_body)["error"];
    CHECK(err["code"] == "storage_full");
    CHECK(err["message"].get<std::string>().find("没有保存") != std::string::npos);
    REQUIRE(!created.empty());
    for (size_t i = 0; i < created.size(); i += std::max<size_t>(1, created.size() / 10)) {
        auto got = c.Get(("/api/v1/requests/" + std::to_string(created[i]["id"].get<int64_t>())).c_str(),
                         {{"Authorization", "Bearer " + created[i]["token"].get<std::string>()}});
        REQUIRE(got);
        CHECK(got->status == 200);
    }
    CHECK(c.Get("/healthz")->status == 200);
    CHECK(c.Get(("/api/v1/guides/" + refs.item_id).c_str())->status == 200);
    CHECK(server.stop() == 0);
    auto [status, out] = testing::run_server_command({"--db", db_path.string(), "--check"});
    CHECK(status == 0);
    dp::Db db(db_path.string());
    dp::Stmt n(db, "SELECT COUNT(*) FROM requests");
    n.step();
    CHECK(n.int64(0) == static_cast<int64_t>(created.size()));
    std::filesystem::remove_all(dir);
}
