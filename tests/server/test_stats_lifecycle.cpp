// The server's own statistics of help requests over real HTTP: submitting records help_requested,
// completing records request_closed (kind, item, area, handling time, within the time limit) and
// rating records rating, each once, in the action's transaction; apps cannot send the last two
// (no double counting); /api/v1/stats then reports them. Expectations computed by hand from the
// stored request history.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"
#include "stats.hpp"

using nlohmann::json;
using namespace testing;

namespace {

// Moves a request's submission `seconds` into the past (its row and its "submitted" history entry),
// so its handling time is known without waiting.
void backdate(HelpServer& s, const Created& r, int64_t seconds) {
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt a(db, "UPDATE requests SET created_at = created_at - ? WHERE id = ?");
    a.bind(1, seconds).bind(2, r.id);
    a.step();
    dp::Stmt b(db, "UPDATE request_events SET at = at - ? WHERE request_id = ? AND status = 'submitted'");
    b.bind(1, seconds).bind(2, r.id);
    b.step();
}

struct Stored {
    std::string type, kind, item, town, area;
    int64_t score = 0, results = 0, at = 0;
};
std::vector<Stored> usage_rows(HelpServer& s, const std::string& type) {
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT type, kind, item_id, town_id, area_id, score, results, at FROM usage_events WHERE type = ? "
                   "ORDER BY id");
    q.bind(1, type);
    std::vector<Stored> out;
    while (q.step())
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.int64(5), q.int64(6), q.int64(7)});
    return out;
}
// submitted → completed seconds of a request, from its stored history.
int64_t stored_handling(HelpServer& s, const Created& r) {
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, "SELECT (SELECT at FROM request_events WHERE request_id = ?1 AND status = 'completed') - "
                   "(SELECT created_at FROM requests WHERE id = ?1)");
    q.bind(1, r.id);
    REQUIRE(q.step());
    return q.int64(0);
}

void close_request(httplib::Client& c, const Created& q, const std::string& agent) {
    REQUIRE(post(c, dpath(q, "/claim"), json::object(), bearer(agent))->status == 200);
    REQUIRE(post(c, dpath(q, "/start"), json::object(), bearer(agent))->status == 200);
    auto r = post(c, dpath(q, "/complete"), {{"result", "已答复：带身份证到窗口办理。"}}, bearer(agent));
    REQUIRE_MESSAGE(r->status == 200, r->body);
}

}  // namespace

TEST_CASE("closing and rating a request record request_closed and rating once, with handling time and area") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    // A question (limit 2 h) submitted 3 h ago: late; another submitted 30 min ago: on time.
    const Created late = create_question(s);
    const Created quick = create_question(s);
    backdate(s, late, 3 * 3600);
    backdate(s, quick, 30 * 60);
    CHECK(usage_rows(s, "help_requested").size() == 2);  // recorded at submission by the server
    CHECK(usage_rows(s, "request_closed").empty());

    close_request(c, late, d.ximei);
    close_request(c, quick, d.ximei);
    const auto closed = usage_rows(s, "request_closed");
    REQUIRE(closed.size() == 2);
    const std::string item = resident_view(c, late)["item_id"];
    for (const auto& e : closed) {
        CHECK(e.kind == "question");
        CHECK(e.item == item);
        CHECK(e.town == kXimeiTown);
        CHECK(e.area.rfind(kXimeiTown, 0) == 0);  // a village of 溪美街道
    }
    // results = handling seconds (no 补件 pause here: completion − submission), score = within the limit.
    const int64_t late_seconds = stored_handling(s, late), quick_seconds = stored_handling(s, quick);
    CHECK(late_seconds >= 3 * 3600);
    CHECK(closed[0].results == late_seconds);
    CHECK(closed[0].score == 0);
    CHECK(closed[1].results == quick_seconds);
    CHECK(closed[1].score == 1);

    // The residents rate: 5 (非常满意) and 2 (不满意).
    auto r = post(c, rpath(quick, "/rate"), {{"score", 5}, {"comment", "很及时"}}, bearer(quick.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    r = post(c, rpath(late, "/rate"), {{"score", 2}, {"comment", "太慢了"}}, bearer(late.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    const auto ratings = usage_rows(s, "rating");
    REQUIRE(ratings.size() == 2);
    CHECK(ratings[0].score == 5);
    CHECK(ratings[1].score == 2);
    CHECK(ratings[0].kind == "question");
    CHECK(ratings[0].town == kXimeiTown);

    // Rating again is refused: still one rating per request.
    r = post(c, rpath(quick, "/rate"), {{"score", 4}}, bearer(quick.token));
    CHECK(r->status == 409);
    CHECK(usage_rows(s, "rating").size() == 2);

    // The statistics: today's figures, whole county and 溪美街道, hand-computed.
    const std::string today = dp::day_key(dp::china_day_of(dp::unix_now()));
    for (const std::string area : {"", "&area=350583-101"}) {
        auto g = c.Get(("/api/v1/stats?from=" + today + "&to=" + today + area).c_str(), bearer(d.supervisor));
        REQUIRE(g);
        REQUIRE_MESSAGE(g->status == 200, g->body);
        const json h = json::parse(g->body)["headline"];
        CAPTURE(area);
        CHECK(h["help_services"] == 2);
        CHECK(h["help_by_kind"] == json{{"question", 2}});
        CHECK(h["requests_closed"] == 2);
        CHECK(h["ratings"] == 2);
        CHECK(h["satisfied_ratings"] == 1);
        CHECK(h["satisfaction"].get<double>() == doctest::Approx(0.5));
        CHECK(h["requests_completed"] == 2);
        CHECK(h["completed_on_time"] == 1);
        CHECK(h["time_limit_compliance"].get<double>() == doctest::Approx(0.5));
        CHECK(h["average_handling_seconds"] == (late_seconds + quick_seconds + 1) / 2);  // rounded
    }
    // Another town saw none of it.
    auto other = c.Get(("/api/v1/stats?from=" + today + "&to=" + today + "&area=350583-108").c_str(), bearer(d.supervisor));
    REQUIRE(other);
    CHECK(json::parse(other->body)["headline"]["requests_closed"] == 0);
    CHECK(json::parse(other->body)["headline"]["ratings"] == 0);
}

TEST_CASE("apps cannot send request_closed or rating: the server is their only source") {
    HelpServer s;
    auto c = s.client();
    const std::string plate = s.doorplate_in(kXimeiTown);
    for (const json& e : {json{{"type", "rating"}, {"doorplate", plate}, {"score", 5}},
                          json{{"type", "request_closed"}, {"kind", "question"}}}) {
        auto r = c.Post("/api/v1/events", json::array({e}).dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(error_code(r) == "invalid_event");
        CHECK(body_of(r)["error"]["message"].get<std::string>().find("服务器") != std::string::npos);
        CHECK(body_of(r)["error"]["fields"].contains("events[0].type"));
    }
    CHECK(count_rows(s, "SELECT COUNT(*) FROM usage_events") == 0);
}

TEST_CASE("the --demo help requests are fixtures, not activity: no usage events from them") {
    HelpServer s({"--demo-help"});
    CHECK(count_rows(s, "SELECT COUNT(*) FROM requests") > 0);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM usage_events") == 0);
}
