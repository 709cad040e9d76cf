// 帮办代办 lifecycle over real HTTP: every transition and illegal ones (409 with a Chinese message),
// who may act (resident token, other token, agent of another area, supervisor, admin), audit rows,
// the status history, and idempotent retries of the action POSTs.
#include <doctest/doctest.h>

#include "help_fixtures.hpp"

using nlohmann::json;
using namespace testing;

TEST_CASE("a request goes through every state over HTTP, each step audited") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q = create_question(s);
    CHECK(resident_view(c, q)["status"] == "submitted");
    CHECK(resident_view(c, q)["allowed_actions"] == json::array({"withdraw"}));

    auto r = post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei));
    CHECK_MESSAGE(r->status == 200, r->body);
    auto j = body_of(r);
    CHECK(j["request"]["status"] == "assigned");
    CHECK(j["request"]["agent_id"] == user_id_of(c, d.ximei));
    CHECK(j["seq"].get<int64_t>() > 0);

    // start without a body at all works too
    r = c.Post(dpath(q, "/start").c_str(), bearer(d.ximei), "", "application/json");
    CHECK_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["request"]["status"] == "in_progress");

    r = post(c, dpath(q, "/request_supplement"), {{"reason", "请补充户口簿首页照片"}}, bearer(d.ximei));
    CHECK(body_of(r)["request"]["status"] == "needs_supplement");
    auto view = resident_view(c, q);
    CHECK(view["supplement_reason"] == "请补充户口簿首页照片");
    CHECK(view["status_label"] == "待补件");
    CHECK(view["clock"]["paused"] == true);
    CHECK(view["allowed_actions"] == json::array({"supplement", "withdraw"}));

    r = post(c, rpath(q, "/supplement"), {{"note", "已补充"}}, bearer(q.token));
    CHECK_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["request"]["status"] == "in_progress");

    r = post(c, dpath(q, "/complete"), {{"result", "已答复：带户口簿和身份证到窗口办理。"}}, bearer(d.ximei));
    CHECK(body_of(r)["request"]["status"] == "completed");
    view = resident_view(c, q);
    CHECK(view["result"] == "已答复：带户口簿和身份证到窗口办理。");
    CHECK(view["clock"]["stopped"] == true);
    CHECK(view["allowed_actions"] == json::array({"rate"}));

    r = post(c, rpath(q, "/rate"), {{"score", 5}, {"comment", "很及时"}}, bearer(q.token));
    CHECK(body_of(r)["request"]["status"] == "rated");
    view = resident_view(c, q);
    CHECK(view["rating"]["label"] == "非常满意");
    // The status history and system messages tell the story.
    std::vector<std::string> statuses;
    for (auto& e : view["events"]) statuses.push_back(e["status"]);
    CHECK(statuses == std::vector<std::string>{"submitted", "assigned", "in_progress", "needs_supplement", "in_progress",
                                               "completed", "rated"});
    CHECK(view["chat"]["last_message_id"].get<int64_t>() >= 6);
    // Every action is in the audit log.
    for (const char* a : {"help_claim", "help_start", "help_request_supplement", "help_supplement", "help_complete", "help_rate"})
        CHECK_MESSAGE(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = ?", a) == 1, a);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_claim' AND user_id IS NOT NULL") == 1);
}

TEST_CASE("illegal transitions are 409 with the lifecycle's Chinese message; payload problems 400") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q = create_question(s);
    auto r = post(c, dpath(q, "/start"), json::object(), bearer(d.ximei));
    CHECK(r->status == 409);
    CHECK(error_code(r) == "lifecycle.state");
    CHECK(body_of(r)["error"]["message"].get<std::string>().find("待受理") != std::string::npos);
    CHECK(post(c, dpath(q, "/complete"), {{"result", "x"}}, bearer(d.ximei))->status == 409);
    CHECK(post(c, rpath(q, "/rate"), {{"score", 5}}, bearer(q.token))->status == 409);
    CHECK(post(c, rpath(q, "/supplement"), json::object(), bearer(q.token))->status == 409);
    CHECK(post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei))->status == 200);
    r = post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei));
    CHECK(r->status == 409);
    CHECK(error_code(r) == "lifecycle.already_claimed");
    CHECK(post(c, dpath(q, "/start"), json::object(), bearer(d.ximei))->status == 200);
    r = post(c, dpath(q, "/request_supplement"), {{"reason", "  "}}, bearer(d.ximei));
    CHECK(r->status == 400);
    CHECK(error_code(r) == "lifecycle.reason_required");
    r = post(c, dpath(q, "/complete"), json::object(), bearer(d.ximei));
    CHECK(r->status == 400);
    CHECK(error_code(r) == "lifecycle.result_required");
    r = post(c, dpath(q, "/complete"), {{"result", 5}}, bearer(d.ximei));
    CHECK(r->status == 400);
    CHECK(error_code(r) == "bad_type");
    r = post(c, dpath(q, "/complete"), {{"result", "好"}, {"extra", 1}}, bearer(d.ximei));
    CHECK(error_code(r) == "unknown_field");
    // withdraw, then nothing more
    CHECK(post(c, rpath(q, "/withdraw"), {{"reason", "不需要了"}}, bearer(q.token))->status == 200);
    r = post(c, dpath(q, "/complete"), {{"result", "好"}}, bearer(d.ximei));
    CHECK(r->status == 409);
    CHECK(post(c, rpath(q, "/withdraw"), json::object(), bearer(q.token))->status == 409);
    r = post(c, rpath(q, "/rate"), {{"score", 9}}, bearer(q.token));
    CHECK(r->status == 409);  // state first: a withdrawn request cannot be rated
    CHECK(resident_view(c, q)["status"] == "withdrawn");
}

TEST_CASE("who may act: the request's own token, agents of its area, supervisors; not admins") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q = create_question(s);
    const Created other = create_question(s);
    // another resident's token, a missing token: the same 404
    auto r = post(c, rpath(q, "/withdraw"), json::object(), bearer(other.token));
    CHECK(r->status == 404);
    CHECK(error_code(r) == "request_not_found");
    CHECK(post(c, rpath(q, "/withdraw"), json::object())->status == 404);
    CHECK(c.Get(rpath(q, "/messages").c_str(), bearer(other.token))->status == 404);
    // a resident token is not a desk session
    CHECK(post(c, dpath(q, "/claim"), json::object(), bearer(q.token))->status == 401);
    CHECK(post(c, dpath(q, "/claim"), json::object())->status == 401);
    // the agent of another town does not see it
    r = post(c, dpath(q, "/claim"), json::object(), bearer(d.shuitou));
    CHECK(r->status == 404);
    // admins are not desk users
    CHECK(post(c, dpath(q, "/claim"), json::object(), bearer(d.admin))->status == 403);
    // an agent may not assign (supervisors do)
    const std::string ximei_id = user_id_of(c, d.ximei);
    r = post(c, dpath(q, "/assign"), {{"agent_id", ximei_id}}, bearer(d.ximei));
    CHECK(r->status == 409);
    CHECK(error_code(r) == "lifecycle.role");
    // a supervisor assigns to an agent of the area, not to one of another town
    const std::string shuitou_id = user_id_of(c, d.shuitou);
    r = post(c, dpath(q, "/assign"), {{"agent_id", shuitou_id}}, bearer(d.supervisor));
    CHECK(r->status == 400);
    CHECK(body_of(r)["error"]["fields"].contains("agent_id"));
    r = post(c, dpath(q, "/assign"), {{"agent_id", ximei_id}}, bearer(d.supervisor));
    CHECK_MESSAGE(r->status == 200, r->body);
    CHECK(body_of(r)["request"]["agent_id"] == ximei_id);
    // the supervisor may act on it; another agent of the same area may not (not assigned)
    CHECK(post(c, dpath(q, "/start"), json::object(), bearer(d.supervisor))->status == 200);
    // transfer: to the same agent is refused, to an unknown user 400
    r = post(c, dpath(q, "/transfer"), {{"agent_id", ximei_id}}, bearer(d.ximei));
    CHECK(r->status == 400);
    CHECK(error_code(r) == "lifecycle.transfer_same");
    CHECK(post(c, dpath(q, "/transfer"), {{"agent_id", "99999"}}, bearer(d.ximei))->status == 400);
    // the desk view lists the caller's actions
    auto v = desk_view(c, q, d.ximei);
    CHECK(v["status"] == "in_progress");
    CHECK(v["allowed_actions"].size() >= 2);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_assign'") == 1);
}

TEST_CASE("an action retried with its Idempotency-Key is answered once and written once") {
    HelpServer s;
    Desk d(s);
    auto c = s.client();
    const Created q = create_question(s);
    auto first = post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei), "claim-1");
    REQUIRE(first->status == 200);
    auto again = post(c, dpath(q, "/claim"), json::object(), bearer(d.ximei), "claim-1");
    CHECK(again->status == 200);
    CHECK(again->get_header_value("Idempotent-Replay") == "true");
    CHECK(again->body == first->body);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_claim'") == 1);
    // Resident actions too.
    CHECK(post(c, dpath(q, "/start"), json::object(), bearer(d.ximei))->status == 200);
    CHECK(post(c, dpath(q, "/complete"), {{"result", "好了"}}, bearer(d.ximei))->status == 200);
    auto rate = post(c, rpath(q, "/rate"), {{"score", 4}}, bearer(q.token), "rate-1");
    auto rate2 = post(c, rpath(q, "/rate"), {{"score", 4}}, bearer(q.token), "rate-1");
    CHECK(rate->status == 200);
    CHECK(rate2->status == 200);
    CHECK(rate2->get_header_value("Idempotent-Replay") == "true");
    // The same key with another body is refused.
    CHECK(post(c, rpath(q, "/rate"), {{"score", 3}}, bearer(q.token), "rate-1")->status == 422);
    CHECK(count_rows(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'help_rate'") == 1);
}
