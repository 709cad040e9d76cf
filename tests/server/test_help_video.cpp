// 视频帮办 over real HTTP: free slots per town (working hours, none in the past), taken slots are not
// offered twice, the agent confirms or proposes another time, and the resident accepts.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"
#include "help_forms.hpp"

using nlohmann::json;
using namespace testing;

TEST_CASE("video: slots, request, confirm; propose and accept; taken slots leave the list") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const std::string plate = s.doorplate_in(kXimeiTown);
    auto slots = body_of(c.Get(("/api/v1/help/video-slots?doorplate=" + plate).c_str()));
    CHECK(slots["area_id"] == kXimeiTown);
    CHECK(slots["slot_minutes"] == 30);
    REQUIRE(slots["slots"].size() >= 3);
    const int64_t now = dp::unix_now();
    for (auto& sl : slots["slots"]) {
        CHECK(sl["at"].get<int64_t>() > now);
        CHECK(dp::is_video_slot_time(sl["at"].get<int64_t>()));
        CHECK(sl["label"] == dp::video_slot_label(sl["at"].get<int64_t>()));
    }
    CHECK(body_of(c.Get("/api/v1/help/video-slots?area=350583-101"))["slots"] == slots["slots"]);
    CHECK(c.Get("/api/v1/help/video-slots?doorplate=NOPE").value().status == 404);
    CHECK(c.Get("/api/v1/help/video-slots").value().status == 400);

    const int64_t first = slots["slots"][0]["at"], second = slots["slots"][1]["at"], third = slots["slots"][2]["at"];
    const Created v = create_request(s, "video", {{"slot_at", first}, {"topic", "网上申报怎么填"}});
    auto view = resident_view(c, v);
    CHECK(view["video"]["state"] == "requested");
    CHECK(view["video"]["requested_at"] == first);
    // The slot is taken now.
    auto after = body_of(c.Get(("/api/v1/help/video-slots?doorplate=" + plate).c_str()));
    CHECK(after["slots"][0]["at"] == second);
    // ...but not in 水头镇.
    auto other = body_of(c.Get(("/api/v1/help/video-slots?area=" + std::string(kShuitouTown)).c_str()));
    CHECK(other["slots"][0]["at"] == first);

    // The agent confirms the requested time.
    auto r = post(c, dpath(v, "/video/confirm"), json::object(), bearer(d.ximei), "vc-1");
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["video"]["state"] == "confirmed");
    CHECK(body_of(r)["video"]["confirmed_at"] == first);
    CHECK(body_of(r)["video"]["label"] == "已确认：" + dp::video_slot_label(first));
    CHECK(post(c, dpath(v, "/video/confirm"), json::object(), bearer(d.ximei), "vc-1")->get_header_value("Idempotent-Replay") ==
          "true");
    CHECK(resident_view(c, v)["video"]["state"] == "confirmed");

    // Then proposes another: the resident accepts it.
    r = post(c, dpath(v, "/video/confirm"), {{"slot_at", third}}, bearer(d.ximei));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["video"]["state"] == "proposed");
    CHECK(body_of(r)["video"]["proposed_at"] == third);
    CHECK(post(c, dpath(v, "/video/confirm"), {{"slot_at", now - 3600}}, bearer(d.ximei))->status == 400);
    r = post(c, rpath(v, "/video/slot"), {{"slot_at", third}}, bearer(v.token));
    REQUIRE_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["video"]["state"] == "confirmed");
    CHECK(body_of(r)["video"]["confirmed_at"] == third);
    // Choosing another free slot goes back to requested; a time outside working hours is refused.
    r = post(c, rpath(v, "/video/slot"), {{"slot_at", second}}, bearer(v.token));
    CHECK(body_of(r)["video"]["state"] == "requested");
    r = post(c, rpath(v, "/video/slot"), {{"slot_at", second + 60}}, bearer(v.token));
    CHECK(r->status == 400);
    CHECK(body_of(r)["error"]["fields"]["slot_at"] == "这个时间已经约满或不在服务时间内，请另选");
    // A second request cannot take a slot held by the first.
    const Created v2 = create_request(s, "video", {{"slot_at", third}});
    CHECK(post(c, rpath(v2, "/video/slot"), {{"slot_at", second}}, bearer(v2.token))->status == 400);
    // Agents of other towns do not see it; other kinds have no video.
    CHECK(post(c, dpath(v, "/video/confirm"), json::object(), bearer(d.shuitou))->status == 404);
    const Created q = create_question(s);
    CHECK(post(c, rpath(q, "/video/slot"), {{"slot_at", second}}, bearer(q.token))->status == 404);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_video_confirm'") == 2);
}
