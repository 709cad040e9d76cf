// The desk for 帮办代办 over real HTTP: the queue per area with counts and traffic lights (supervisors
// see every area), list rows with lights and masked personal data, filters, canned replies, agents,
// and the demo help requests seeded into a new demo database.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {
json area_of(const json& queue, const std::string& id) {
    for (auto& a : queue["areas"])
        if (a["area_id"] == id) return a;
    return nullptr;
}
}  // namespace

TEST_CASE("queue counts and lights per area; supervisors see every area; lists mask and carry lights") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q1 = create_question(s);
    const Created q2 = create_question(s);
    create_question(s, kShuitouTown);
    // An old question (submitted 3 hours ago: over its 2-hour limit) and one at 80 % of it.
    {
        dp::Db db(s.server.db_path().string());
        auto l = db.lock();
        dp::Stmt u(db, "UPDATE requests SET created_at = ?, lifecycle = '' WHERE id = ?");
        u.bind(1, dp::unix_now() - 3 * 3600).bind(2, q1.id);
        u.step();
        dp::Stmt u2(db, "UPDATE requests SET created_at = ?, lifecycle = '' WHERE id = ?");
        u2.bind(1, dp::unix_now() - 96 * 60).bind(2, q2.id);
        u2.step();
    }
    CHECK(post(c, dpath(q2, "/claim"), json::object(), bearer(d.ximei))->status == 200);

    auto mine = body_of(c.Get("/api/v1/desk/queue", bearer(d.ximei)));
    REQUIRE(mine["areas"].size() == 1);
    auto xm = area_of(mine, kXimeiTown);
    REQUIRE(!xm.is_null());
    CHECK(xm["area_name"] == "溪美街道");
    CHECK(xm["counts"]["submitted"] == 1);
    CHECK(xm["counts"]["assigned"] == 1);
    CHECK(xm["open"] == 2);
    CHECK(xm["lights"]["red"] == 1);
    CHECK(xm["lights"]["yellow"] == 1);
    CHECK(mine["time_limits"]["question"] == 7200);
    auto all = body_of(c.Get("/api/v1/desk/queue", bearer(d.supervisor)));
    CHECK(!area_of(all, kXimeiTown).is_null());
    CHECK(!area_of(all, kShuitouTown).is_null());
    CHECK(c.Get("/api/v1/desk/queue", bearer(d.admin))->status == 403);

    // List rows: light, clock, item name, masked phone.
    auto list = body_of(c.Get("/api/v1/desk/requests", bearer(d.ximei)))["requests"];
    REQUIRE(list.size() == 2);
    for (auto& row : list) {
        CHECK(row["contact_phone"] == "138****8000");
        CHECK(row.contains("clock"));
        CHECK(row["item_name"].get<std::string>().size() > 0);
    }
    auto red = body_of(c.Get("/api/v1/desk/requests?light=red", bearer(d.ximei)));
    REQUIRE(red["requests"].size() == 1);
    CHECK(red["requests"][0]["id"] == q1.id);
    CHECK(red["requests"][0]["light"] == "red");
    auto minef = body_of(c.Get("/api/v1/desk/requests?mine=1", bearer(d.ximei)));
    REQUIRE(minef["requests"].size() == 1);
    CHECK(minef["requests"][0]["id"] == q2.id);
    CHECK(c.Get("/api/v1/desk/requests?light=blue", bearer(d.ximei))->status == 400);
    // Supervisors see every area's lights.
    auto sup_red = body_of(c.Get("/api/v1/desk/requests?light=red", bearer(d.supervisor)));
    CHECK(sup_red["requests"].size() >= 1);
    // Unread resident messages show in the row.
    CHECK(post(c, rpath(q2, "/messages"), {{"text", "在吗"}}, bearer(q2.token))->status == 201);
    for (auto& row : body_of(c.Get("/api/v1/desk/requests", bearer(d.ximei)))["requests"])
        if (row["id"] == q2.id) CHECK(row["unread"] == 1);

    auto canned = body_of(c.Get("/api/v1/desk/canned-replies", bearer(d.ximei)))["replies"];
    CHECK(canned.size() >= 5);
    CHECK(canned[0]["text"].get<std::string>().find("您好") == 0);
    CHECK(c.Get("/api/v1/desk/canned-replies")->status == 401);
    auto agents = body_of(c.Get("/api/v1/desk/agents", bearer(d.ximei)))["agents"];
    REQUIRE(agents.size() == 1);
    CHECK(agents[0]["username"] == kXimeiAgent);
    CHECK(body_of(c.Get("/api/v1/desk/agents", bearer(d.supervisor)))["agents"].size() == 2);
}

TEST_CASE("a new demo database gets the demo help requests in various states") {
    HelpServer s({"--demo-help"});
    Desk d(s);
    auto c = s.client();
    CHECK(s.server.startup_output().find("demo-token-question-2") != std::string::npos);
    auto queue = body_of(c.Get("/api/v1/desk/queue", bearer(d.supervisor)));
    auto xm = area_of(queue, kXimeiTown);
    REQUIRE(!xm.is_null());
    CHECK(xm["open"].get<int>() >= 5);
    CHECK(xm["counts"]["needs_supplement"] == 1);
    CHECK(xm["counts"]["rated"] == 1);
    CHECK(!area_of(queue, kShuitouTown).is_null());
    CHECK(body_of(c.Get("/api/v1/desk/follow-ups", bearer(d.supervisor)))["follow_ups"].size() == 1);
    // The fixed resident tokens open their requests.
    auto find = [&](const std::string& token) {
        dp::Db db(s.server.db_path().string());
        auto l = db.lock();
        dp::Stmt q(db, "SELECT id FROM requests WHERE token_hash = ?");
        q.bind(1, dp::sha256_hex(token));
        REQUIRE(q.step());
        return Created{q.int64(0), token, ""};
    };
    auto chat = resident_view(c, find("demo-token-question-2"));
    CHECK(chat["status"] == "in_progress");
    CHECK(chat["chat"]["last_message_id"].get<int64_t>() > 0);
    auto pre = resident_view(c, find("demo-token-prereview-1"));
    CHECK(pre["status"] == "needs_supplement");
    CHECK(pre["materials"].size() == 2);
    auto proxy = resident_view(c, find("demo-token-proxy-1"));
    CHECK(proxy["proxy"]["signed"]["verified"] == true);
    auto video = resident_view(c, find("demo-token-video-1"));
    CHECK(video["video"]["state"] == "confirmed");
    auto late = desk_view(c, find("demo-token-shuitou-1"), d.shuitou);
    CHECK(late["clock"]["light"] == "red");
}
