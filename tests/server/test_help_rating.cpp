// 好差评 over real HTTP: the 5-level scale, one rating per request, 不满意/非常不满意 open a follow-up
// that only supervisors list and close.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {
Created completed_question(HelpServer& s, const Desk& d) {
    auto c = s.client();
    const Created q = create_question(s);
    REQUIRE(post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    REQUIRE(post(c, dpath(q, "/start"), json::object(), bearer(d.ximei))->status == 200);
    REQUIRE(post(c, dpath(q, "/complete"), {{"result", "已答复"}}, bearer(d.ximei))->status == 200);
    return q;
}
}  // namespace

TEST_CASE("the rating scale, bad ratings open follow-ups for supervisors, good ones do not") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    auto scale = body_of(c.Get("/api/v1/help/rating-scale"))["scale"];
    REQUIRE(scale.size() == 5);
    CHECK(scale[0]["label"] == "非常满意");
    CHECK(scale[4]["label"] == "非常不满意");

    const Created good = completed_question(s, d);
    const Created bad = completed_question(s, d);
    CHECK(error_code(post(c, rpath(good, "/rate"), {{"score", 0}}, bearer(good.token))) == "lifecycle.score_range");
    CHECK(post(c, rpath(good, "/rate"), {{"score", 4}}, bearer(good.token))->status == 200);
    auto r = post(c, rpath(bad, "/rate"), {{"score", 2}, {"comment", "等了很久才回复"}}, bearer(bad.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(error_code(post(c, rpath(bad, "/rate"), {{"score", 5}}, bearer(bad.token))) == "lifecycle.already_rated");
    CHECK(resident_view(c, bad)["rating"]["label"] == "不满意");
    CHECK(desk_view(c, bad, d.ximei)["follow_up"] == true);
    CHECK(desk_view(c, good, d.ximei)["follow_up"] == false);

    // Only supervisors see follow-ups.
    CHECK(c.Get("/api/v1/desk/follow-ups", bearer(d.ximei))->status == 403);
    auto list = body_of(c.Get("/api/v1/desk/follow-ups", bearer(d.supervisor)))["follow_ups"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["request_id"] == bad.id);
    CHECK(list[0]["label"] == "不满意");
    CHECK(list[0]["comment"] == "等了很久才回复");
    CHECK(list[0]["state"] == "open");
    const int64_t fid = list[0]["id"];
    const std::string close = "/api/v1/desk/follow-ups/" + std::to_string(fid) + "/close";
    CHECK(post(c, close, {{"note", ""}}, bearer(d.supervisor))->status == 400);
    CHECK(post(c, close, {{"note", "已回访"}}, bearer(d.ximei))->status == 403);
    r = post(c, close, {{"note", "已电话回访，说明了原因"}}, bearer(d.supervisor), "close-1");
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["follow_up"]["state"] == "closed");
    CHECK(post(c, close, {{"note", "已电话回访，说明了原因"}}, bearer(d.supervisor), "close-1")->get_header_value(
              "Idempotent-Replay") == "true");
    CHECK(error_code(post(c, close, {{"note", "再次"}}, bearer(d.supervisor))) == "follow_up_closed");
    CHECK(body_of(c.Get("/api/v1/desk/follow-ups", bearer(d.supervisor)))["follow_ups"].empty());
    CHECK(body_of(c.Get("/api/v1/desk/follow-ups?state=closed", bearer(d.supervisor)))["follow_ups"].size() == 1);
    CHECK(c.Get("/api/v1/desk/follow-ups?state=x", bearer(d.supervisor))->status == 400);
}
