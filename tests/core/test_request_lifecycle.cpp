// Tests of shared/request_lifecycle: every state × action × role against an independent table,
// identity and payload rules, ratings, audit entries, time limits and JSON.
#include <doctest/doctest.h>

#include "request_lifecycle.hpp"
#include "validate.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using dp::ActorRole;
using dp::HelpActionType;
using dp::HelpStatus;

namespace {

constexpr std::int64_t kT0 = 1'750'000'000;  // submission time
constexpr std::int64_t kNow = kT0 + 600;

const HelpStatus kAllStatuses[] = {HelpStatus::submitted, HelpStatus::assigned,  HelpStatus::in_progress,
                                   HelpStatus::needs_supplement, HelpStatus::completed, HelpStatus::withdrawn,
                                   HelpStatus::rated};
const HelpActionType kAllActions[] = {
    HelpActionType::claim,    HelpActionType::assign,   HelpActionType::start,
    HelpActionType::request_supplement, HelpActionType::supplement, HelpActionType::complete,
    HelpActionType::withdraw, HelpActionType::rate,     HelpActionType::transfer};
const ActorRole kAllRoles[] = {ActorRole::resident, ActorRole::agent, ActorRole::supervisor, ActorRole::system};

// A request by resident r1, handled by agent a1 once it has left "submitted".
dp::HelpRequest request_in(HelpStatus status) {
    dp::HelpRequest r = dp::make_help_request("H1", dp::HelpKind::prereview, "r1", kT0);
    r.status = status;
    if (status != HelpStatus::submitted) r.agent_id = "a1";
    if (status == HelpStatus::needs_supplement) {
        r.paused_since = kT0 + 100;
        r.supplement_reason = "身份证复印件不清晰";
        r.supplement_rounds = 1;
    }
    if (status == HelpStatus::completed || status == HelpStatus::rated) {
        r.closed_at = kT0 + 300;
        r.result = "材料齐全，预审通过";
    }
    if (status == HelpStatus::withdrawn) r.closed_at = kT0 + 300;
    if (status == HelpStatus::rated) r.rating = dp::HelpRating{5, "", kT0 + 400};
    return r;
}

// The canonical actor of each role: the request's own resident and agent.
dp::HelpActor actor_of(ActorRole role) {
    switch (role) {
        case ActorRole::resident: return {"r1", role};
        case ActorRole::agent: return {"a1", role};
        case ActorRole::supervisor: return {"s1", role};
        case ActorRole::system: return {"auto", role};
    }
    return {};
}

// An action with every payload it could need, all valid.
dp::HelpAction full_action(HelpActionType type) {
    dp::HelpAction a;
    a.type = type;
    a.agent_id = "a2";
    a.reason = "户口簿缺少本人页";
    a.result = "已受理，3个工作日内可领取";
    a.note = "已上传";
    a.score = 4;
    a.comment = "很耐心";
    return a;
}

using Key = std::tuple<HelpStatus, HelpActionType, ActorRole>;

// The legal moves, written out by hand from the product rules (not derived from the code).
const std::map<Key, HelpStatus>& legal_moves() {
    static const std::map<Key, HelpStatus> table = {
        {{HelpStatus::submitted, HelpActionType::claim, ActorRole::agent}, HelpStatus::assigned},
        {{HelpStatus::submitted, HelpActionType::claim, ActorRole::supervisor}, HelpStatus::assigned},
        {{HelpStatus::submitted, HelpActionType::assign, ActorRole::supervisor}, HelpStatus::assigned},
        {{HelpStatus::submitted, HelpActionType::assign, ActorRole::system}, HelpStatus::assigned},
        {{HelpStatus::submitted, HelpActionType::withdraw, ActorRole::resident}, HelpStatus::withdrawn},

        {{HelpStatus::assigned, HelpActionType::start, ActorRole::agent}, HelpStatus::in_progress},
        {{HelpStatus::assigned, HelpActionType::start, ActorRole::supervisor}, HelpStatus::in_progress},
        {{HelpStatus::assigned, HelpActionType::withdraw, ActorRole::resident}, HelpStatus::withdrawn},
        {{HelpStatus::assigned, HelpActionType::transfer, ActorRole::agent}, HelpStatus::assigned},
        {{HelpStatus::assigned, HelpActionType::transfer, ActorRole::supervisor}, HelpStatus::assigned},

        {{HelpStatus::in_progress, HelpActionType::request_supplement, ActorRole::agent}, HelpStatus::needs_supplement},
        {{HelpStatus::in_progress, HelpActionType::request_supplement, ActorRole::supervisor},
         HelpStatus::needs_supplement},
        {{HelpStatus::in_progress, HelpActionType::complete, ActorRole::agent}, HelpStatus::completed},
        {{HelpStatus::in_progress, HelpActionType::complete, ActorRole::supervisor}, HelpStatus::completed},
        {{HelpStatus::in_progress, HelpActionType::withdraw, ActorRole::resident}, HelpStatus::withdrawn},
        {{HelpStatus::in_progress, HelpActionType::transfer, ActorRole::agent}, HelpStatus::in_progress},
        {{HelpStatus::in_progress, HelpActionType::transfer, ActorRole::supervisor}, HelpStatus::in_progress},

        {{HelpStatus::needs_supplement, HelpActionType::supplement, ActorRole::resident}, HelpStatus::in_progress},
        {{HelpStatus::needs_supplement, HelpActionType::withdraw, ActorRole::resident}, HelpStatus::withdrawn},
        {{HelpStatus::needs_supplement, HelpActionType::transfer, ActorRole::agent}, HelpStatus::needs_supplement},
        {{HelpStatus::needs_supplement, HelpActionType::transfer, ActorRole::supervisor},
         HelpStatus::needs_supplement},

        {{HelpStatus::completed, HelpActionType::rate, ActorRole::resident}, HelpStatus::rated},
    };
    return table;
}

}  // namespace

TEST_CASE("every state, action and role combination is legal or refused exactly as the rules say") {
    int legal = 0, refused = 0;
    for (HelpStatus status : kAllStatuses)
        for (HelpActionType type : kAllActions)
            for (ActorRole role : kAllRoles) {
                const dp::HelpRequest before = request_in(status);
                const dp::HelpActor actor = actor_of(role);
                const auto r = dp::apply(before, full_action(type), actor, kNow);
                CAPTURE(dp::to_string(status));
                CAPTURE(dp::to_string(type));
                CAPTURE(dp::to_string(role));
                CHECK(r.audit.request_id == "H1");
                CHECK(r.audit.who == actor.id);
                CHECK(r.audit.role == role);
                CHECK(r.audit.action == type);
                CHECK(r.audit.from == status);
                CHECK(r.audit.at == kNow);
                const auto it = legal_moves().find({status, type, role});
                if (it != legal_moves().end()) {
                    ++legal;
                    CHECK(r.ok);
                    CHECK(r.error.empty());
                    CHECK(r.error_code.empty());
                    CHECK(r.state.status == it->second);
                    CHECK(r.state.updated_at == kNow);
                    CHECK(r.audit.accepted);
                    CHECK(r.audit.to == it->second);
                } else {
                    ++refused;
                    CHECK_FALSE(r.ok);
                    CHECK_FALSE(r.error.empty());
                    CHECK(r.error_code.rfind("lifecycle.", 0) == 0);
                    CHECK(dp::is_valid_utf8(r.error));
                    CHECK(nlohmann::json(r.state) == nlohmann::json(before));  // untouched
                    CHECK_FALSE(r.audit.accepted);
                    CHECK(r.audit.to == status);
                    CHECK(r.audit.detail == r.error);
                }
                // The buttons offered agree with apply() for valid payloads.
                const auto allowed = dp::allowed_actions(before, actor);
                const bool offered = std::find(allowed.begin(), allowed.end(), type) != allowed.end();
                CHECK(offered == r.ok);
            }
    CHECK(legal == 22);
    CHECK(refused == 7 * 9 * 4 - 22);
}

TEST_CASE("refusals explain themselves in plain Chinese") {
    const auto resident = actor_of(ActorRole::resident);
    const auto agent = actor_of(ActorRole::agent);
    auto r = dp::apply(request_in(HelpStatus::submitted), full_action(HelpActionType::claim), resident, kNow);
    CHECK(r.error_code == "lifecycle.role");
    CHECK(r.error == "只有帮办人员可以认领请求");
    r = dp::apply(request_in(HelpStatus::completed), full_action(HelpActionType::withdraw), resident, kNow);
    CHECK(r.error_code == "lifecycle.state");
    CHECK(r.error == "该请求当前为“已办结”，不能撤回");
    r = dp::apply(request_in(HelpStatus::in_progress), full_action(HelpActionType::rate), resident, kNow);
    CHECK(r.error == "请求办结后才能评价");
    r = dp::apply(request_in(HelpStatus::rated), full_action(HelpActionType::rate), resident, kNow);
    CHECK(r.error_code == "lifecycle.already_rated");
    CHECK(r.error == "您已评价过这件事，每件事只能评价一次");
    r = dp::apply(request_in(HelpStatus::assigned), full_action(HelpActionType::claim), agent, kNow);
    CHECK(r.error_code == "lifecycle.already_claimed");
    CHECK(r.error == "您已认领该请求");
    r = dp::apply(request_in(HelpStatus::assigned), full_action(HelpActionType::claim), {"a9", ActorRole::agent}, kNow);
    CHECK(r.error == "该请求已由其他帮办人员认领");
    r = dp::apply(request_in(HelpStatus::in_progress), full_action(HelpActionType::supplement), resident, kNow);
    CHECK(r.error == "目前不需要补充材料");
    r = dp::apply(request_in(HelpStatus::assigned), full_action(HelpActionType::rate), actor_of(ActorRole::agent), kNow);
    CHECK(r.error == "只有提交请求的居民本人可以评价");
    r = dp::apply(request_in(HelpStatus::submitted), full_action(HelpActionType::claim), {"", ActorRole::agent}, kNow);
    CHECK(r.error_code == "lifecycle.actor");
}

TEST_CASE("only the assigned agent works a request, while any supervisor may step in") {
    const dp::HelpActor other{"a9", ActorRole::agent};
    for (const auto& [status_, type_] : {std::pair{HelpStatus::assigned, HelpActionType::start},
                                std::pair{HelpStatus::in_progress, HelpActionType::request_supplement},
                                std::pair{HelpStatus::in_progress, HelpActionType::complete},
                                std::pair{HelpStatus::needs_supplement, HelpActionType::transfer}}) {
        const HelpStatus status = status_;  // plain copies: clang 14 cannot capture structured bindings
        const HelpActionType type = type_;
        CAPTURE(dp::to_string(type));
        const auto r = dp::apply(request_in(status), full_action(type), other, kNow);
        CHECK_FALSE(r.ok);
        CHECK(r.error_code == "lifecycle.not_assigned");
        CHECK(dp::apply(request_in(status), full_action(type), {"s7", ActorRole::supervisor}, kNow).ok);
    }
}

TEST_CASE("only the resident who submitted may supplement, withdraw or rate") {
    const dp::HelpActor stranger{"r9", ActorRole::resident};
    for (const auto& [status_, type_] : {std::pair{HelpStatus::needs_supplement, HelpActionType::supplement},
                                std::pair{HelpStatus::submitted, HelpActionType::withdraw},
                                std::pair{HelpStatus::completed, HelpActionType::rate}}) {
        const HelpStatus status = status_;
        const HelpActionType type = type_;
        CAPTURE(dp::to_string(type));
        const auto r = dp::apply(request_in(status), full_action(type), stranger, kNow);
        CHECK(r.error_code == "lifecycle.not_owner");
        CHECK(r.error == std::string("这不是您提交的请求，不能") + dp::label_zh(type));
    }
}

TEST_CASE("claim and assign give the request to an agent") {
    auto r = dp::apply(request_in(HelpStatus::submitted), full_action(HelpActionType::claim),
                       actor_of(ActorRole::agent), kNow);
    REQUIRE(r.ok);
    CHECK(r.state.agent_id == "a1");
    r = dp::apply(request_in(HelpStatus::submitted), full_action(HelpActionType::assign),
                  actor_of(ActorRole::system), kNow);
    REQUIRE(r.ok);
    CHECK(r.state.agent_id == "a2");
    CHECK(r.audit.detail == "分派给 a2");
    dp::HelpAction no_target = full_action(HelpActionType::assign);
    no_target.agent_id.clear();
    r = dp::apply(request_in(HelpStatus::submitted), no_target, actor_of(ActorRole::supervisor), kNow);
    CHECK(r.error_code == "lifecycle.target_required");
}

TEST_CASE("transfer hands the request to another agent and keeps its state") {
    dp::HelpAction t = full_action(HelpActionType::transfer);
    t.reason = "需要户籍窗口办理";
    const auto r = dp::apply(request_in(HelpStatus::needs_supplement), t, actor_of(ActorRole::agent), kNow);
    REQUIRE(r.ok);
    CHECK(r.state.status == HelpStatus::needs_supplement);
    CHECK(r.state.agent_id == "a2");
    CHECK(r.state.paused_since == request_in(HelpStatus::needs_supplement).paused_since);  // clock still paused
    CHECK(r.audit.detail == "由 a1 转交给 a2：需要户籍窗口办理");
    t.agent_id = "a1";
    const auto same = dp::apply(request_in(HelpStatus::in_progress), t, actor_of(ActorRole::supervisor), kNow);
    CHECK(same.error_code == "lifecycle.transfer_same");
    t.agent_id = "";
    CHECK(dp::apply(request_in(HelpStatus::in_progress), t, actor_of(ActorRole::agent), kNow).error_code ==
          "lifecycle.target_required");
}

TEST_CASE("asking for a supplement needs a reason and completing needs a result") {
    dp::HelpAction ask = full_action(HelpActionType::request_supplement);
    ask.reason = "   ";
    auto r = dp::apply(request_in(HelpStatus::in_progress), ask, actor_of(ActorRole::agent), kNow);
    CHECK(r.error_code == "lifecycle.reason_required");
    CHECK(r.error == "请写明需要补充或更正的材料及原因");
    ask.reason = "  请上传户口簿本人页  ";
    r = dp::apply(request_in(HelpStatus::in_progress), ask, actor_of(ActorRole::agent), kNow);
    REQUIRE(r.ok);
    CHECK(r.state.supplement_reason == "请上传户口簿本人页");
    CHECK(r.state.supplement_rounds == 1);
    CHECK(r.state.paused_since == kNow);
    CHECK(r.audit.detail == "请上传户口簿本人页");

    dp::HelpAction done = full_action(HelpActionType::complete);
    done.result = "";
    r = dp::apply(request_in(HelpStatus::in_progress), done, actor_of(ActorRole::agent), kNow);
    CHECK(r.error_code == "lifecycle.result_required");
    done.result = "已办结，证件将邮寄到家";
    r = dp::apply(request_in(HelpStatus::in_progress), done, actor_of(ActorRole::agent), kNow);
    REQUIRE(r.ok);
    CHECK(r.state.result == "已办结，证件将邮寄到家");
    CHECK(r.state.closed_at == kNow);

    done.result = std::string(2001 * 3, 'a');
    CHECK(dp::apply(request_in(HelpStatus::in_progress), done, actor_of(ActorRole::agent), kNow).error_code ==
          "lifecycle.text");
    done.result = "结果\xFF";
    CHECK(dp::apply(request_in(HelpStatus::in_progress), done, actor_of(ActorRole::agent), kNow).error_code ==
          "lifecycle.text");
}

TEST_CASE("withdrawal is the resident's until the request is completed, with an optional reason") {
    for (HelpStatus s : {HelpStatus::submitted, HelpStatus::assigned, HelpStatus::in_progress,
                         HelpStatus::needs_supplement}) {
        dp::HelpAction w = full_action(HelpActionType::withdraw);
        w.reason = "";
        const auto r = dp::apply(request_in(s), w, actor_of(ActorRole::resident), kNow);
        REQUIRE(r.ok);
        CHECK(r.state.closed_at == kNow);
        CHECK_FALSE(r.state.paused_since);
        CHECK(dp::is_open(s));
        CHECK_FALSE(dp::is_open(r.state.status));
    }
}

TEST_CASE("ratings use the 好差评 scale once, and bad ones flag a follow-up") {
    CHECK(std::string(dp::rating_label(5)) == "非常满意");
    CHECK(std::string(dp::rating_label(4)) == "满意");
    CHECK(std::string(dp::rating_label(3)) == "基本满意");
    CHECK(std::string(dp::rating_label(2)) == "不满意");
    CHECK(std::string(dp::rating_label(1)) == "非常不满意");
    CHECK(std::string(dp::rating_label(0)).empty());
    for (int score = 1; score <= 5; ++score) {
        dp::HelpAction rate = full_action(HelpActionType::rate);
        rate.score = score;
        rate.comment = score <= 2 ? "等了很久" : "";
        const auto r = dp::apply(request_in(HelpStatus::completed), rate, actor_of(ActorRole::resident), kNow);
        CAPTURE(score);
        REQUIRE(r.ok);
        REQUIRE(r.state.rating);
        CHECK(r.state.rating->score == score);
        CHECK(r.state.rating->at == kNow);
        CHECK(r.state.follow_up == (score <= 2));
        CHECK(r.state.follow_up == dp::is_bad_rating(score));
        // 一事一评: the rated request cannot be rated again.
        const auto again = dp::apply(r.state, rate, actor_of(ActorRole::resident), kNow + 1);
        CHECK(again.error_code == "lifecycle.already_rated");
    }
    dp::HelpAction rate = full_action(HelpActionType::rate);
    rate.score = 2;
    rate.comment = "等了很久";
    CHECK(dp::apply(request_in(HelpStatus::completed), rate, actor_of(ActorRole::resident), kNow).audit.detail ==
          "不满意（2分）：等了很久");
    for (int bad : {0, 6, -1}) {
        rate.score = bad;
        CHECK(dp::apply(request_in(HelpStatus::completed), rate, actor_of(ActorRole::resident), kNow).error_code ==
              "lifecycle.score_range");
    }
}

TEST_CASE("a full round trip with a supplement goes through every open state") {
    const dp::HelpActor resident = actor_of(ActorRole::resident);
    const dp::HelpActor agent = actor_of(ActorRole::agent);
    std::vector<dp::HelpAuditEntry> log;
    dp::HelpRequest r = dp::make_help_request("H7", dp::HelpKind::proxy, "r1", kT0);
    auto step = [&](HelpActionType type, const dp::HelpActor& who, std::int64_t at) {
        const auto res = dp::apply(r, full_action(type), who, at);
        REQUIRE(res.ok);
        r = res.state;
        log.push_back(res.audit);
    };
    step(HelpActionType::claim, agent, kT0 + 60);
    step(HelpActionType::start, agent, kT0 + 120);
    step(HelpActionType::request_supplement, agent, kT0 + 3600);
    step(HelpActionType::supplement, resident, kT0 + 3600 + 86400);
    CHECK(r.paused_seconds == 86400);
    step(HelpActionType::complete, agent, kT0 + 7200 + 86400);
    step(HelpActionType::rate, resident, kT0 + 100000);
    CHECK(r.status == HelpStatus::rated);
    REQUIRE(log.size() == 6);
    CHECK(log[2].from == HelpStatus::in_progress);
    CHECK(log[2].to == HelpStatus::needs_supplement);
    CHECK(log[3].who == "r1");
    CHECK(log[3].role == ActorRole::resident);
    CHECK(log[3].to == HelpStatus::in_progress);
    const auto clock = dp::help_clock(r, kT0 + 10 * 86400);
    CHECK(clock.stopped);
    CHECK(clock.elapsed == 7200);  // 2 h of work; the day waiting for the resident is not counted
    CHECK(clock.light == dp::TrafficLight::green);
}

TEST_CASE("default time limits per kind are 2 h, 24 h, 5 days and 24 h") {
    const dp::HelpTimeLimits limits;
    CHECK(limits.for_kind(dp::HelpKind::question) == 2 * 3600);
    CHECK(limits.for_kind(dp::HelpKind::prereview) == 24 * 3600);
    CHECK(limits.for_kind(dp::HelpKind::proxy) == 5 * 86400);
    CHECK(limits.for_kind(dp::HelpKind::video) == 86400);
}

TEST_CASE("the light turns yellow at 75 % of the limit and red only when overdue") {
    const auto q = dp::make_help_request("Q", dp::HelpKind::question, "r1", kT0);  // 7200 s
    CHECK(dp::help_clock(q, kT0).light == dp::TrafficLight::green);
    CHECK(dp::help_clock(q, kT0 + 5399).light == dp::TrafficLight::green);
    CHECK(dp::help_clock(q, kT0 + 5400).light == dp::TrafficLight::yellow);  // exactly 75 %
    CHECK(dp::help_clock(q, kT0 + 7200).light == dp::TrafficLight::yellow);  // due now, not yet late
    const auto late = dp::help_clock(q, kT0 + 7201);
    CHECK(late.light == dp::TrafficLight::red);
    CHECK(late.remaining == -1);
    CHECK_FALSE(late.paused);
    CHECK_FALSE(late.stopped);
    CHECK(dp::help_clock(q, kT0 - 50).elapsed == 0);  // a clock behind submission never goes negative
}

TEST_CASE("limits are configurable per kind, also from JSON") {
    const auto v = dp::make_help_request("V", dp::HelpKind::video, "r1", kT0);
    auto limits = nlohmann::json::parse(R"({"video": 100})").get<dp::HelpTimeLimits>();
    CHECK(limits.video == 100);
    CHECK(limits.question == 7200);  // untouched default
    CHECK(dp::help_clock(v, kT0 + 74, limits).light == dp::TrafficLight::green);
    CHECK(dp::help_clock(v, kT0 + 75, limits).light == dp::TrafficLight::yellow);
    CHECK(dp::help_clock(v, kT0 + 101, limits).light == dp::TrafficLight::red);
    CHECK(nlohmann::json(limits)["proxy"] == 5 * 86400);
}

TEST_CASE("the clock is paused while waiting for a supplement and resumes afterwards") {
    dp::HelpRequest r = dp::make_help_request("Q", dp::HelpKind::question, "r1", kT0);
    r = dp::apply(r, full_action(HelpActionType::claim), actor_of(ActorRole::agent), kT0 + 600).state;
    r = dp::apply(r, full_action(HelpActionType::start), actor_of(ActorRole::agent), kT0 + 1200).state;
    r = dp::apply(r, full_action(HelpActionType::request_supplement), actor_of(ActorRole::agent), kT0 + 3600).state;
    REQUIRE(r.status == HelpStatus::needs_supplement);
    auto c = dp::help_clock(r, kT0 + 3 * 86400);  // three days later, still waiting
    CHECK(c.paused);
    CHECK(c.elapsed == 3600);
    CHECK(c.light == dp::TrafficLight::green);
    r = dp::apply(r, full_action(HelpActionType::supplement), actor_of(ActorRole::resident), kT0 + 3 * 86400).state;
    c = dp::help_clock(r, kT0 + 3 * 86400 + 1800);
    CHECK_FALSE(c.paused);
    CHECK(c.elapsed == 5400);
    CHECK(c.light == dp::TrafficLight::yellow);
    c = dp::help_clock(r, kT0 + 3 * 86400 + 3601);
    CHECK(c.light == dp::TrafficLight::red);
    // A second round of supplements adds to the paused total.
    r = dp::apply(r, full_action(HelpActionType::request_supplement), actor_of(ActorRole::agent),
                  kT0 + 3 * 86400 + 1800).state;
    r = dp::apply(r, full_action(HelpActionType::supplement), actor_of(ActorRole::resident), kT0 + 4 * 86400).state;
    CHECK(r.supplement_rounds == 2);
    CHECK(r.paused_seconds == 3 * 86400 - 3600 + 86400 - 1800);
    CHECK(dp::help_clock(r, kT0 + 4 * 86400).elapsed == 5400);
}

TEST_CASE("a closed request keeps its final light") {
    dp::HelpRequest r = request_in(HelpStatus::in_progress);
    r.kind = dp::HelpKind::question;
    const auto done = dp::apply(r, full_action(HelpActionType::complete), actor_of(ActorRole::agent), kT0 + 8000);
    REQUIRE(done.ok);
    const auto c = dp::help_clock(done.state, kT0 + 999999);
    CHECK(c.stopped);
    CHECK(c.elapsed == 8000);
    CHECK(c.light == dp::TrafficLight::red);  // it was completed late
    dp::HelpRequest w = request_in(HelpStatus::needs_supplement);  // paused since kT0 + 100
    w.kind = dp::HelpKind::question;
    const auto gone = dp::apply(w, full_action(HelpActionType::withdraw), actor_of(ActorRole::resident), kT0 + 50000);
    REQUIRE(gone.ok);
    const auto wc = dp::help_clock(gone.state, kT0 + 999999);
    CHECK(wc.stopped);
    CHECK_FALSE(wc.paused);
    CHECK(wc.elapsed == 100);
    CHECK(nlohmann::json(wc)["light"] == "green");
}

TEST_CASE("names and labels of every enum are distinct and read back") {
    std::set<std::string> seen;
    for (HelpStatus s : kAllStatuses) {
        CHECK(dp::help_status_from_string(dp::to_string(s)) == s);
        CHECK(seen.insert(dp::label_zh(s)).second);
    }
    for (HelpActionType a : kAllActions) {
        CHECK(dp::help_action_from_string(dp::to_string(a)) == a);
        CHECK(seen.insert(dp::label_zh(a)).second);
    }
    for (ActorRole r : kAllRoles) CHECK(dp::actor_role_from_string(dp::to_string(r)) == r);
    for (auto k : {dp::HelpKind::question, dp::HelpKind::prereview, dp::HelpKind::proxy, dp::HelpKind::video})
        CHECK(dp::help_kind_from_string(dp::to_string(k)) == k);
    CHECK_FALSE(dp::help_status_from_string("done"));
    CHECK(std::string(dp::label_zh(HelpStatus::needs_supplement)) == "待补件");
    CHECK(std::string(dp::label_zh(dp::HelpKind::proxy)) == "代办申请");
}

TEST_CASE("requests, actions, actors and audit entries round-trip through JSON") {
    dp::HelpRequest r = request_in(HelpStatus::rated);
    r.follow_up = true;
    r.paused_seconds = 42;
    const nlohmann::json j = r;
    CHECK(j["status"] == "rated");
    CHECK(j["rating"]["label"] == "非常满意");
    CHECK(j["paused_since"].is_null());
    const auto back = j.get<dp::HelpRequest>();
    CHECK(nlohmann::json(back) == j);
    CHECK(back.closed_at == kT0 + 300);

    const auto action = nlohmann::json::parse(R"({"type":"request_supplement","reason":"缺照片"})").get<dp::HelpAction>();
    CHECK(action.type == HelpActionType::request_supplement);
    CHECK(action.reason == "缺照片");
    CHECK(action.score == 0);
    const auto actor = nlohmann::json::parse(R"({"id":"a1","role":"agent"})").get<dp::HelpActor>();
    CHECK(actor.role == ActorRole::agent);
    CHECK(nlohmann::json(actor)["role"] == "agent");
    CHECK_THROWS_AS(nlohmann::json::parse(R"({"id":"a1","role":"boss"})").get<dp::HelpActor>(), nlohmann::json::exception);

    const auto res = dp::apply(request_in(HelpStatus::in_progress), action, actor, kNow);
    REQUIRE(res.ok);
    const nlohmann::json a = res.audit;
    CHECK(a["from"] == "in_progress");
    CHECK(a["to"] == "needs_supplement");
    CHECK(a["who"] == "a1");
    CHECK(a["role"] == "agent");
    CHECK(a["action"] == "request_supplement");
    CHECK(a["at"] == kNow);
    CHECK(nlohmann::json(a.get<dp::HelpAuditEntry>()) == a);
    CHECK(nlohmann::json(dp::help_clock(res.state, kNow))["paused"] == true);
}

TEST_CASE("apply is pure: the same inputs give the same result and the input is untouched") {
    const dp::HelpRequest before = request_in(HelpStatus::in_progress);
    const nlohmann::json snapshot = before;
    const auto a = dp::apply(before, full_action(HelpActionType::complete), actor_of(ActorRole::agent), kNow);
    const auto b = dp::apply(before, full_action(HelpActionType::complete), actor_of(ActorRole::agent), kNow);
    CHECK(nlohmann::json(before) == snapshot);
    CHECK(nlohmann::json(a.state) == nlohmann::json(b.state));
    CHECK(nlohmann::json(a.audit) == nlohmann::json(b.audit));
}
