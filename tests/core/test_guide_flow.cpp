// Tests of shared/guide_flow: conditions, the one-question-at-a-time walk, tailored materials
// and answer-path enumeration.
#include <doctest/doctest.h>
#include "guide_flow.hpp"

#include <algorithm>
#include <fstream>
#include <set>

namespace {

dp::Item fixture_item(const std::string& id) {
    std::ifstream in(std::string(DP_SOURCE_DIR) + "/tests/fixtures/guides/valid/items/" + id + ".json");
    REQUIRE(in.good());
    auto parsed = dp::parse_item(nlohmann::json::parse(in));
    REQUIRE(parsed.ok());
    return parsed.value;
}

dp::Condition cond(const char* text) {
    auto parsed = dp::parse_condition(nlohmann::json::parse(text));
    REQUIRE(parsed.ok());
    return parsed.value;
}

std::vector<std::string> material_ids(const std::vector<const dp::Material*>& ms) {
    std::vector<std::string> out;
    for (const auto* m : ms) out.push_back(m->id);
    return out;
}

}  // namespace

TEST_CASE("a q/in condition holds when any selected option is in the set") {
    auto c = cond(R"({"q":"guardian","in":["father","mother"]})");
    CHECK(dp::evaluate(c, {{"guardian", {"mother"}}}));
    CHECK(dp::evaluate(c, {{"guardian", {"other", "father"}}}));
    CHECK_FALSE(dp::evaluate(c, {{"guardian", {"other"}}}));
    CHECK_FALSE(dp::evaluate(c, {{"guardian", {}}}));
}

TEST_CASE("a condition on a question that was not answered matches nothing") {
    CHECK_FALSE(dp::evaluate(cond(R"({"q":"age","in":["adult"]})"), {}));
    CHECK_FALSE(dp::evaluate(cond(R"({"any":[{"q":"age","in":["adult"]}]})"), {{"other", {"adult"}}}));
    // "not" is literal negation: an unasked question is "not in" every set.
    CHECK(dp::evaluate(cond(R"({"not":{"q":"age","in":["adult"]}})"), {}));
}

TEST_CASE("all, any and not combine as in logic") {
    auto c = cond(R"({"all":[{"q":"a","in":["1"]},{"any":[{"q":"b","in":["2"]},{"not":{"q":"c","in":["3"]}}]}]})");
    CHECK(dp::evaluate(c, {{"a", {"1"}}, {"b", {"2"}}, {"c", {"3"}}}));
    CHECK(dp::evaluate(c, {{"a", {"1"}}, {"b", {"9"}}, {"c", {"4"}}}));
    CHECK_FALSE(dp::evaluate(c, {{"a", {"1"}}, {"b", {"9"}}, {"c", {"3"}}}));
    CHECK_FALSE(dp::evaluate(c, {{"a", {"0"}}, {"b", {"2"}}}));
}

TEST_CASE("with no answers the walk asks the start question") {
    auto item = fixture_item("id-card-renewal");
    auto st = dp::walk(item, {});
    CHECK(st.status == dp::FlowStatus::asking);
    CHECK(st.next_question == "reason");
    CHECK(st.path.empty());
}

TEST_CASE("each answer moves the walk to the question its first matching rule names") {
    auto item = fixture_item("id-card-renewal");
    auto st = dp::walk(item, {{"reason", {"lost"}}});
    CHECK(st.next_question == "reported");
    st = dp::walk(item, {{"reason", {"expired"}}});
    CHECK(st.next_question == "age");
    CHECK(st.path == std::vector<std::string>{"reason"});
    st = dp::walk(item, {{"reason", {"lost"}}, {"reported", {"no"}}, {"age", {"under16"}}});
    CHECK(st.next_question == "guardian");
    CHECK(st.path == std::vector<std::string>{"reason", "reported", "age"});
    st = dp::walk(item, {{"reason", {"lost"}}, {"reported", {"no"}}, {"age", {"under16"}},
                         {"guardian", {"mother", "other"}}});
    CHECK(st.complete());
    CHECK(st.path.size() == 4);
    CHECK(st.answers.at("guardian") == std::vector<std::string>{"mother", "other"});
}

TEST_CASE("answers to questions off the path are ignored by the walk and by materials") {
    auto item = fixture_item("id-card-renewal");
    // "reported" was answered earlier, then the resident changed "reason" to expired.
    dp::Answers answers{{"reason", {"expired"}}, {"reported", {"yes"}}, {"age", {"adult"}}};
    auto st = dp::walk(item, answers);
    REQUIRE(st.complete());
    CHECK(st.path == std::vector<std::string>{"reason", "age"});
    CHECK(st.answers.count("reported") == 0);
    auto ids = material_ids(dp::tailored_materials(item, answers));
    CHECK(ids == std::vector<std::string>{"old-card", "household-register"});
}

TEST_CASE("unknown options and a second choice on a single question leave it unanswered") {
    auto item = fixture_item("id-card-renewal");
    CHECK(dp::walk(item, {{"reason", {"stolen"}}}).next_question == "reason");
    CHECK(dp::walk(item, {{"reason", {"expired", "lost"}}}).next_question == "reason");
    CHECK(dp::walk(item, {{"reason", {}}}).next_question == "reason");
    // unknown ids mixed with known ones: the known one counts
    CHECK(dp::walk(item, {{"reason", {"stolen", "lost"}}}).next_question == "reported");
    // multiple choice: duplicates collapse, order follows the question's option order
    auto st = dp::walk(item, {{"reason", {"expired"}}, {"age", {"under16"}},
                              {"guardian", {"other", "father", "other"}}});
    CHECK(st.answers.at("guardian") == std::vector<std::string>{"father", "other"});
}

TEST_CASE("tailored materials follow the answers on the path") {
    auto item = fixture_item("id-card-renewal");
    CHECK(material_ids(dp::tailored_materials(item, {{"reason", {"lost"}}, {"reported", {"yes"}}, {"age", {"adult"}}})) ==
          std::vector<std::string>{"household-register", "loss-receipt"});
    CHECK(material_ids(dp::tailored_materials(item, {{"reason", {"damaged"}}, {"age", {"under16"}}, {"guardian", {"father", "other"}}})) ==
          std::vector<std::string>{"old-card", "household-register", "guardian-id"});
    CHECK(material_ids(dp::tailored_materials(item, {{"reason", {"unsure"}}, {"age", {"under16"}}, {"guardian", {"other"}}})) ==
          std::vector<std::string>{"old-card", "household-register", "guardianship-proof"});
    // before any answer only the unconditional materials are known
    CHECK(material_ids(dp::tailored_materials(item, dp::Answers{})) ==
          std::vector<std::string>{"household-register"});
}

TEST_CASE("an item without questions is complete at once") {
    auto item = fixture_item("residence-certificate");
    auto st = dp::walk(item, {{"anything", {"x"}}});
    CHECK(st.complete());
    CHECK(st.path.empty());
    CHECK(st.answers.empty());
    CHECK(dp::tailored_materials(item, st).size() == 1);
    auto paths = dp::enumerate_answer_paths(item);
    REQUIRE(paths.paths.size() == 1);
    CHECK(paths.paths[0].answers.empty());
}

TEST_CASE("a rule list that falls through or a goto to a missing question breaks the walk") {
    auto item = fixture_item("id-card-renewal");
    item.questions[2].next.pop_back();  // age: only "under16 → guardian" is left
    auto st = dp::walk(item, {{"reason", {"expired"}}, {"age", {"adult"}}});
    CHECK(st.status == dp::FlowStatus::broken);
    CHECK(st.problem.find("age") != std::string::npos);
    item = fixture_item("id-card-renewal");
    item.questions[1].next[0].target = "nowhere";
    st = dp::walk(item, {{"reason", {"lost"}}, {"reported", {"yes"}}});
    CHECK(st.status == dp::FlowStatus::broken);
    CHECK(st.problem.find("nowhere") != std::string::npos);
}

TEST_CASE("a loop in the questions breaks the walk instead of hanging") {
    auto item = fixture_item("id-card-renewal");
    item.questions[2].next.back().target = "reason";  // age → reason
    auto st = dp::walk(item, {{"reason", {"expired"}}, {"age", {"adult"}}});
    CHECK(st.status == dp::FlowStatus::broken);
    CHECK(st.problem.find("loop") != std::string::npos);
    auto paths = dp::enumerate_answer_paths(item);
    CHECK(std::any_of(paths.paths.begin(), paths.paths.end(),
                      [](const dp::AnswerPath& p) { return p.status == dp::FlowStatus::broken; }));
}

TEST_CASE("every answer path is enumerated, with subsets for multiple choice") {
    auto item = fixture_item("id-card-renewal");
    auto e = dp::enumerate_answer_paths(item);
    CHECK_FALSE(e.truncated);
    // reason: 3 options go to age, "lost" asks reported (2) first: 5 ways to reach age;
    // age: adult ends, under16 asks guardian (7 non-empty subsets of 3): 8 ways each.
    CHECK(e.paths.size() == 40);
    std::set<std::string> distinct;
    for (const auto& p : e.paths) {
        CHECK(p.status == dp::FlowStatus::complete);
        // each enumerated path is exactly what the walk does with those answers
        auto st = dp::walk(item, p.answers);
        CHECK(st.complete());
        CHECK(st.path == p.questions);
        distinct.insert(nlohmann::json(p.answers).dump());
    }
    CHECK(distinct.size() == 40);
}

TEST_CASE("option subsets are all non-empty subsets for short lists and capped for long ones") {
    dp::Question q;
    q.multiple = true;
    for (int i = 0; i < 4; ++i) q.options.push_back({"o" + std::to_string(i), "x"});
    CHECK(dp::option_subsets(q).size() == 15);
    for (int i = 4; i < 12; ++i) q.options.push_back({"o" + std::to_string(i), "x"});
    auto big = dp::option_subsets(q);
    // 12 options: C(12,1)+C(12,2)+C(12,3) + the full set
    CHECK(big.size() == 12 + 66 + 220 + 1);
    CHECK(big.back().size() == 12);
    q.multiple = false;
    CHECK(dp::option_subsets(q).size() == 12);
}

TEST_CASE("enumeration stops at the path cap and says so") {
    auto item = fixture_item("id-card-renewal");
    dp::EnumerationLimits limits;
    limits.max_paths = 10;
    auto e = dp::enumerate_answer_paths(item, limits);
    CHECK(e.truncated);
    CHECK(e.paths.size() == 10);
}

TEST_CASE("query parameters become answers, repeated keys collecting options") {
    auto a = dp::answers_from_params({{"reason", "lost"}, {"guardian", "father"}, {"guardian", "other"},
                                      {"guardian", "father"}, {"age", ""}, {"", "x"}});
    CHECK(a.at("reason") == std::vector<std::string>{"lost"});
    CHECK(a.at("guardian") == std::vector<std::string>{"father", "other"});
    CHECK(a.count("age") == 0);
    CHECK(a.size() == 2);
}
