// Integration tests of Idempotency-Key on POST /api/v1/requests: replays, conflicts, concurrent
// retries, and what is stored.
#include <doctest/doctest.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <thread>

#include "db.hpp"
#include "digest.hpp"
#include "request_helpers.hpp"

using nlohmann::json;

namespace {
int64_t count_requests(const testing::ServerProcess& server) {
    dp::Db db(server.db_path().string());
    dp::Stmt q(db, "SELECT COUNT(*) FROM requests");
    q.step();
    return q.int64(0);
}
}  // namespace

TEST_CASE("a retry with the same key and body replays the first response and creates nothing") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    const std::string body = testing::question_body(refs).dump();
    auto first = testing::post_json(c, "/api/v1/requests", body, "retry-key-0001");
    REQUIRE(first);
    REQUIRE(first->status == 201);
    CHECK_FALSE(first->has_header("Idempotent-Replay"));
    for (int i = 0; i < 3; ++i) {
        auto again = testing::post_json(c, "/api/v1/requests", body, "retry-key-0001");
        REQUIRE(again);
        CHECK(again->status == 201);
        CHECK(again->body == first->body);  // same id, number and token
        CHECK(again->get_header_value("Idempotent-Replay") == "true");
    }
    CHECK(count_requests(server) == 1);
    // Another key is another submission.
    auto other = testing::post_json(c, "/api/v1/requests", body, "retry-key-0002");
    CHECK(other->status == 201);
    CHECK(json::parse(other->body)["id"] != json::parse(first->body)["id"]);
    CHECK(count_requests(server) == 2);
}

TEST_CASE("the same key with a different body is refused with 422 and creates nothing") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    REQUIRE(testing::post_request(c, testing::question_body(refs, "第一个问题"), "k-conflict")->status == 201);
    auto res = testing::post_request(c, testing::question_body(refs, "另一个问题"), "k-conflict");
    REQUIRE(res);
    CHECK(res->status == 422);
    CHECK(json::parse(res->body)["error"]["code"] == "idempotency_key_reused");
    CHECK(count_requests(server) == 1);
}

TEST_CASE("concurrent requests with the same key create exactly one request") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    const std::string body = testing::question_body(refs).dump();
    for (int round = 0; round < 3; ++round) {
        const std::string key = "concurrent-" + std::to_string(round);
        std::vector<std::thread> threads;
        std::vector<int> status(8, 0);
        std::vector<std::string> bodies(8);
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&, i] {
                auto c = server.client();
                auto res = testing::post_json(c, "/api/v1/requests", body, key);
                if (res) status[i] = res->status, bodies[i] = res->body;
            });
        for (auto& t : threads) t.join();
        for (int i = 0; i < 8; ++i) {
            CHECK(status[i] == 201);
            CHECK(bodies[i] == bodies[0]);
        }
    }
    CHECK(count_requests(server) == 3);
}

TEST_CASE("a key is stored only as a hash and its stored reply does not show the token") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto res = testing::post_request(c, testing::question_body(refs), "secret-client-key-123");
    REQUIRE(res->status == 201);
    const std::string token = json::parse(res->body)["token"];
    dp::Db db(server.db_path().string());
    dp::Stmt q(db, "SELECT route, key_hash, response FROM idempotency_keys");
    REQUIRE(q.step());
    CHECK(q.text(0) == "POST /api/v1/requests");
    CHECK(q.text(1).find("secret-client-key") == std::string::npos);
    CHECK(q.text(2).find(token) == std::string::npos);
    CHECK(q.text(2).find("number") == std::string::npos);
}

TEST_CASE("a malformed Idempotency-Key is a 400") {
    testing::ServerProcess server;
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto res = testing::post_request(c, testing::question_body(refs), std::string(201, 'k'));
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["error"]["code"] == "bad_idempotency_key");
    CHECK(count_requests(server) == 0);
}

TEST_CASE("keys are kept 24 hours: older ones are deleted by a later keyed write and no longer replay") {
    testing::ServerProcess server({"--demo", "--rate-limit", "0"});
    auto refs = testing::demo_refs(server);
    auto c = server.client();
    auto first = testing::post_request(c, testing::question_body(refs), "old-key");
    REQUIRE(first);
    REQUIRE(first->status == 201);
    auto young = testing::post_request(c, testing::question_body(refs, "第二个问题"), "young-key");
    REQUIRE(young->status == 201);
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    {
        dp::Db db(server.db_path().string());
        auto l = db.lock();
        dp::Stmt age(db, "UPDATE idempotency_keys SET created_at = ? WHERE key_hash = ?");
        age.bind(1, now - 25 * 3600).bind(2, dp::digest::sha256_hex("old-key"));
        age.step();
        dp::Stmt keep(db, "UPDATE idempotency_keys SET created_at = ? WHERE key_hash = ?");
        keep.bind(1, now - 23 * 3600).bind(2, dp::digest::sha256_hex("young-key"));
        keep.step();
    }
    // A retry within 24 h replays; one after 24 h is a new submission.
    auto replay = testing::post_request(c, testing::question_body(refs, "第二个问题"), "young-key");
    CHECK(replay->get_header_value("Idempotent-Replay") == "true");
    CHECK(replay->body == young->body);
    auto late = testing::post_request(c, testing::question_body(refs), "old-key");
    REQUIRE(late);
    CHECK(late->status == 201);
    CHECK(!late->has_header("Idempotent-Replay"));
    CHECK(json::parse(late->body)["id"] != json::parse(first->body)["id"]);
    auto count = [&](int64_t older_than) {
        dp::Db db(server.db_path().string());
        auto l = db.lock();
        dp::Stmt n(db, "SELECT COUNT(*) FROM idempotency_keys WHERE created_at < ?");
        n.bind(1, older_than);
        n.step();
        return n.int64(0);
    };
    CHECK(count(now - 24 * 3600) == 0);  // the expired row was replaced
    CHECK(count(now + 10) == 2);
    // A key nobody retries: deleted when the server starts again (and by writes, once a minute).
    {
        dp::Db db(server.db_path().string());
        auto l = db.lock();
        dp::Stmt stale(db, "UPDATE idempotency_keys SET created_at = ? WHERE key_hash = ?");
        stale.bind(1, now - 30 * 3600).bind(2, dp::digest::sha256_hex("young-key"));
        stale.step();
    }
    CHECK(count(now - 24 * 3600) == 1);
    REQUIRE(server.stop() == 0);
    testing::ServerProcess again({"--rate-limit", "0"}, server.db_path());
    CHECK(count(now - 24 * 3600) == 0);
    CHECK(count(now + 10) == 1);
}
