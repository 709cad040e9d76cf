// POST /api/v1/events over real HTTP: a batch of every event type is stored with its area and
// nothing personal (the SQLite file is inspected), bad batches are refused whole with clear
// messages, Idempotency-Key replays, and a submitted help request is counted by the server.
#include <doctest/doctest.h>

#include <set>

#include "request_helpers.hpp"
#include "stats_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {

json full_batch(const StatsRefs& r) {
    const int64_t at = dp::unix_now() - 120;
    return json::array({
        {{"type", "doorplate_opened"}, {"doorplate", r.plate_a}, {"channel", "poster"}, {"at", at}},
        {{"type", "search"}, {"doorplate", r.plate_a}, {"channel", "poster"}, {"item", r.item}, {"results", 4}},
        {{"type", "guide_viewed"}, {"doorplate", r.plate_a}, {"channel", "poster"}, {"item", r.item}},
        {{"type", "navigation_tapped"}, {"doorplate", r.plate_a}, {"place", r.place}, {"app", "amap"}, {"item", r.item}},
        {{"type", "help_requested"}, {"doorplate", r.plate_b}, {"kind", "phone"}, {"item", r.item}},
    });
}

}  // namespace

TEST_CASE("a batch of every app event type is stored with its area and no personal data or address") {
    AuthServer s;
    auto c = s.client();
    const StatsRefs r = stats_refs(c);
    auto res = post_events(c, full_batch(r));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json::parse(res->body)["accepted"] == 5);

    // What a row can hold: no IP, no doorplate code, no user agent, no session.
    dp::Db db(s.server.db_path().string());
    auto lock = db.lock();
    std::set<std::string> columns;
    {
        dp::Stmt info(db, "PRAGMA table_info(usage_events)");
        while (info.step()) columns.insert(info.text(1));
    }
    CHECK(columns == std::set<std::string>{"id", "at", "day", "type", "town_id", "area_id", "item_id", "channel", "kind",
                                           "place_id", "map_app", "score", "results"});
    dp::Stmt rows(db,
                  "SELECT type, town_id, area_id, item_id, channel, kind, place_id, map_app, score, results, day, at "
                  "FROM usage_events ORDER BY id");
    std::vector<json> got;
    while (rows.step()) {
        json row = json::array();
        for (int i = 0; i < 10; ++i) row.push_back(rows.text(i));
        for (int i = 0; i < 10; ++i) {
            CHECK(rows.text(i).find(r.plate_a) == std::string::npos);
            CHECK(rows.text(i).find("127.0.0.1") == std::string::npos);
        }
        CHECK(rows.text(10) == dp::day_key(dp::china_day_of(rows.int64(11))));
        got.push_back(row);
    }
    REQUIRE(got.size() == 5);
    CHECK(got[0] == json::array({"doorplate_opened", r.town_a, r.area_a, "", "poster", "", "", "", "0", "-1"}));
    CHECK(got[1] == json::array({"search", r.town_a, r.area_a, r.item, "poster", "", "", "", "0", "4"}));
    CHECK(got[2][0] == "guide_viewed");
    CHECK(got[3] == json::array({"navigation_tapped", r.town_a, r.area_a, r.item, "", "", r.place, "amap", "0", "-1"}));
    CHECK(got[4] == json::array({"help_requested", r.town_b, r.area_b, r.item, "", "phone", "", "", "0", "-1"}));

    // The whole database file: the doorplate codes never reach usage_events, and no IP anywhere.
    dp::Stmt any_ip(db, "SELECT COUNT(*) FROM usage_events WHERE "
                        "town_id LIKE '%127.0.0.1%' OR area_id LIKE '%127.0.0.1%' OR item_id LIKE '%127.0.0.1%'");
    any_ip.step();
    CHECK(any_ip.int64(0) == 0);
}

TEST_CASE("bad batches are refused whole, with messages that name the event and field") {
    AuthServer s;
    auto c = s.client();
    const StatsRefs r = stats_refs(c);
    const json ok = {{"type", "guide_viewed"}, {"item", r.item}};
    struct Case {
        json batch;
        int status;
        std::string code, message_part;
    };
    std::vector<Case> cases = {
        {json::object({{"events", json::array({ok})}}), 400, "not_array", "事件数组"},
        {json::array(), 400, "empty_batch", "空"},
        {json::array({ok, {{"type", "page_view"}}}), 400, "invalid_event", "第 2 个事件：不认识的事件类型 page_view"},
        {json::array({ok, {{"type", "guide_viewed"}, {"item", r.item}, {"ip", "1.2.3.4"}}}), 400, "invalid_event",
         "不认识的字段 ip"},
        {json::array({{{"type", "guide_viewed"}}}), 400, "invalid_event", "需要 item"},
        {json::array({{{"type", "guide_viewed"}, {"item", "no-such-item"}}}), 400, "invalid_event", "没有这个事项"},
        {json::array({{{"type", "doorplate_opened"}, {"doorplate", r.plate_a}}}), 400, "invalid_event", "channel"},
        {json::array({{{"type", "doorplate_opened"}, {"doorplate", r.plate_a}, {"channel", "tiktok"}}}), 400,
         "invalid_event", "不认识的入口渠道"},
        {json::array({{{"type", "doorplate_opened"}, {"doorplate", "ZZZZZZZ"}, {"channel", "poster"}}}), 400,
         "invalid_event", "门牌码"},
        {json::array({{{"type", "help_requested"}, {"kind", "question"}}}), 400, "invalid_event", "由服务器"},
        {json::array({{{"type", "help_requested"}, {"kind", "taxi"}}}), 400, "invalid_event", "只能是 phone"},
        {json::array({{{"type", "help_requested"}, {"kind", 5}}}), 400, "bad_type", "kind"},
        {json::array({{{"type", "rating"}, {"score", 5}}}), 400, "invalid_event", "由服务器在办结或评价时自动记录"},
        {json::array({{{"type", "request_closed"}, {"kind", "question"}}}), 400, "invalid_event", "由服务器"},
        {json::array({{{"type", "navigation_tapped"}, {"place", r.place}, {"app", "google"}}}), 400, "invalid_event",
         "amap"},
        {json::array({{{"type", "search"}, {"at", dp::unix_now() + 2 * 3600}}}), 400, "invalid_event", "未来"},
        {json::array({{{"type", "search"}, {"at", dp::unix_now() - 8 * 86400}}}), 400, "invalid_event", "7 天"},
        {json::array({"guide_viewed"}), 400, "invalid_event", "应为对象"},
    };
    json many = json::array();
    for (int i = 0; i < 101; ++i) many.push_back(ok);
    cases.push_back({many, 413, "too_many_events", "100"});
    for (const auto& k : cases) {
        CAPTURE(k.batch.dump().substr(0, 200));
        auto res = post_events(c, k.batch);
        REQUIRE(res);
        CHECK(res->status == k.status);
        CHECK(error_code(res) == k.code);
        CHECK(error_message(res).find(k.message_part) != std::string::npos);
    }
    auto plain = c.Post("/api/v1/events", json::array({ok}).dump(), "text/plain");
    CHECK(plain->status == 415);
    CHECK(count_rows(s.server.db_path(), "SELECT COUNT(*) FROM usage_events") == 0);  // nothing half-stored
}

TEST_CASE("a batch sent again with its Idempotency-Key is stored once") {
    AuthServer s;
    auto c = s.client();
    const StatsRefs r = stats_refs(c);
    const json batch = full_batch(r);
    auto first = post_events(c, batch, "batch-0001");
    REQUIRE(first);
    CHECK(first->status == 200);
    auto again = post_events(c, batch, "batch-0001");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(again->get_header_value("Idempotent-Replay") == "true");
    CHECK(json::parse(again->body)["accepted"] == 5);
    CHECK(count_rows(s.server.db_path(), "SELECT COUNT(*) FROM usage_events") == 5);
    auto other = post_events(c, json::array({{{"type", "guide_viewed"}, {"item", r.item}}}), "batch-0001");
    CHECK(other->status == 422);
    CHECK(post_events(c, batch, "batch-0002")->status == 200);
    CHECK(count_rows(s.server.db_path(), "SELECT COUNT(*) FROM usage_events") == 10);
}

TEST_CASE("a submitted help request is one help service, recorded by the server with its area") {
    AuthServer s;
    const DemoRefs refs = demo_refs(s.server);
    auto c = s.client();
    auto res = post_request(c, question_body(refs), "req-stats-1");
    REQUIRE(res);
    REQUIRE(res->status == 201);
    CHECK(post_request(c, question_body(refs), "req-stats-1")->status == 201);  // a replay: not counted again
    CHECK(count_rows(s.server.db_path(), "SELECT COUNT(*) FROM usage_events WHERE type = 'help_requested' AND "
                                         "kind = 'question' AND item_id = '" + refs.item_id + "' AND area_id = '" +
                                         refs.area_id + "'") == 1);
    CHECK(count_rows(s.server.db_path(), "SELECT COUNT(*) FROM usage_events") == 1);
}
