// Tests of shared/guide: parsing items and bundles, precise error paths, the zh-Hant overlay,
// and the JSON written back.
#include <doctest/doctest.h>
#include "guide.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace {

nlohmann::json fixture(const std::string& relative) {
    std::ifstream in(std::string(DP_SOURCE_DIR) + "/tests/fixtures/guides/" + relative);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

bool has_error(const std::vector<dp::GuideError>& errors, const std::string& field,
               const std::string& message_part) {
    for (const auto& e : errors)
        if (e.field == field && e.message.find(message_part) != std::string::npos) return true;
    return false;
}

std::string all_errors(const std::vector<dp::GuideError>& errors) {
    std::string s;
    for (const auto& e : errors) s += e.to_string() + "\n";
    return s;
}

}  // namespace

TEST_CASE("a complete item parses into questions, materials, channels and facts") {
    auto parsed = dp::parse_item(fixture("valid/items/id-card-renewal.json"));
    INFO(all_errors(parsed.errors));
    REQUIRE(parsed.ok());
    const dp::Item& it = parsed.value;
    CHECK(it.id == "id-card-renewal");
    CHECK(it.version == 2);
    CHECK(it.name == "居民身份证换领");
    CHECK(it.aliases.size() == 3);
    CHECK(it.conditions.plain.find("过期") != std::string::npos);
    CHECK(it.start == "reason");
    REQUIRE(it.questions.size() == 4);
    const dp::Question* guardian = it.find_question("guardian");
    REQUIRE(guardian);
    CHECK(guardian->multiple);
    CHECK(guardian->options.size() == 3);
    CHECK_FALSE(it.find_question("reason")->multiple);
    CHECK(it.find_question("reason")->next.size() == 2);
    CHECK(it.find_question("reason")->next[0].when.has_value());
    CHECK_FALSE(it.find_question("reason")->next[1].when.has_value());
    REQUIRE(it.materials.size() == 5);
    const dp::Material* old = it.find_material("old-card");
    REQUIRE(old);
    CHECK(old->dedup_key() == "id-card");
    CHECK(old->form == dp::MaterialForm::original);
    REQUIRE(old->when);
    CHECK(old->when->kind == dp::Condition::Kind::answered_in);
    CHECK(old->when->options.size() == 3);
    CHECK(it.find_material("loss-receipt")->dedup_key() == "loss-receipt");
    CHECK(it.find_material("guardian-id")->form == dp::MaterialForm::original_and_copy);
    CHECK(it.find_material("guardianship-proof")->count == 2);
    CHECK(it.fees.at(0).amount_yuan == doctest::Approx(20));
    CHECK(it.time_limit.legal_days == 60);
    CHECK(it.time_limit.promised_days == 20);
    REQUIRE(it.channels.size() == 2);
    CHECK(it.channels[0].kind == dp::ChannelKind::nearest_hall);
    CHECK(it.channels[0].steps.size() == 3);
    CHECK(it.channels[1].kind == dp::ChannelKind::online);
    CHECK(it.follow_ups == std::vector<std::string>{"social-security-card"});
    CHECK(it.faq.at(0).question == "换证期间能坐火车吗？");
    CHECK(it.zh_hant == nullptr);
}

TEST_CASE("optional fields of an item take documented defaults") {
    auto parsed = dp::parse_item(fixture("valid/items/residence-certificate.json"));
    INFO(all_errors(parsed.errors));
    REQUIRE(parsed.ok());
    CHECK(parsed.value.version == 1);
    CHECK(parsed.value.visits == 1);
    CHECK(parsed.value.start.empty());
    CHECK(parsed.value.questions.empty());
    CHECK(parsed.value.fees.empty());
    CHECK(parsed.value.materials.at(0).count == 1);
    CHECK(parsed.value.materials.at(0).form == dp::MaterialForm::original);
}

TEST_CASE("a missing required field is reported with the item id and field name") {
    auto j = fixture("valid/items/residence-certificate.json");
    j.erase("name");
    j["materials"][0].erase("review_points");
    auto parsed = dp::parse_item(j);
    CHECK(has_error(parsed.errors, "name", "required"));
    CHECK(has_error(parsed.errors, "materials[id-card].review_points", "required"));
    REQUIRE_FALSE(parsed.errors.empty());
    CHECK(parsed.errors[0].to_string().rfind("item residence-certificate: ", 0) == 0);
}

TEST_CASE("wrong types and unknown enum values name the exact field path") {
    auto j = fixture("valid/items/id-card-renewal.json");
    j["questions"][0]["type"] = "dropdown";
    j["questions"][1]["next"][0]["goto"] = 7;
    j["materials"][0]["form"] = "scan";
    j["materials"][1]["count"] = 0;
    j["channels"][0]["kind"] = "fax";
    j["popularity"] = "high";
    j["fees"][0]["amount_yuan"] = -5;
    auto parsed = dp::parse_item(j);
    INFO(all_errors(parsed.errors));
    CHECK(has_error(parsed.errors, "questions[reason].type", "\"single\" or \"multiple\""));
    CHECK(has_error(parsed.errors, "questions[reported].next[0].goto", "must be a string"));
    CHECK(has_error(parsed.errors, "materials[old-card].form", "not \"scan\""));
    CHECK(has_error(parsed.errors, "materials[household-register].count", "at least 1"));
    CHECK(has_error(parsed.errors, "channels[0].kind", "not \"fax\""));
    CHECK(has_error(parsed.errors, "popularity", "whole number"));
    CHECK(has_error(parsed.errors, "fees[0].amount_yuan", "zero or more"));
    CHECK(parsed.errors.size() == 7);
}

TEST_CASE("a misspelt field is reported as unknown, while _comments are allowed") {
    auto j = fixture("valid/items/residence-certificate.json");
    j["materials"][0]["review_point"] = nlohmann::json::array({"x"});
    j["_comment"] = "editors may leave notes";
    auto parsed = dp::parse_item(j);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].field == "materials[id-card].review_point");
    CHECK(parsed.errors[0].message.find("unknown field") != std::string::npos);
}

TEST_CASE("conditions parse in all four forms and malformed ones are rejected") {
    auto c = dp::parse_condition(nlohmann::json::parse(
        R"({"all":[{"q":"a","in":["x"]},{"any":[{"q":"b","in":["y","z"]},{"not":{"q":"c","in":["w"]}}]}]})"));
    REQUIRE(c.ok());
    CHECK(c.value.kind == dp::Condition::Kind::all_of);
    REQUIRE(c.value.children.size() == 2);
    CHECK(c.value.children[1].kind == dp::Condition::Kind::any_of);
    CHECK(c.value.children[1].children[1].kind == dp::Condition::Kind::none_of);
    CHECK(c.value.children[1].children[1].children.at(0).question == "c");

    CHECK_FALSE(dp::parse_condition(nlohmann::json::parse(R"({"q":"a"})")).ok());
    CHECK_FALSE(dp::parse_condition(nlohmann::json::parse(R"({"q":"a","in":[]})")).ok());
    CHECK_FALSE(dp::parse_condition(nlohmann::json::parse(R"({"q":"a","in":["x"],"all":[]})")).ok());
    CHECK_FALSE(dp::parse_condition(nlohmann::json::parse(R"({"any":[]})")).ok());
    CHECK_FALSE(dp::parse_condition(nlohmann::json::parse(R"(["q","a"])")).ok());
    auto bad = dp::parse_condition(nlohmann::json::parse(R"({"all":[{"q":"a","in":["x"]},{"nope":1}]})"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors[0].field == "when.all[1]");
}

TEST_CASE("an item that is not an object is one error, not a crash") {
    auto parsed = dp::parse_item(nlohmann::json::array());
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].item_id == "?");
}

TEST_CASE("a zh-Hant object is laid over the item to make its Traditional edition") {
    auto j = fixture("valid/items/id-card-renewal.json");
    j["zh-Hant"] = nlohmann::json::parse(R"({
        "name": "居民身份證換領",
        "questions": [ { "text": "為什麼要換證？", "options": [ { "label": "證件快到期或已過期" } ] } ],
        "materials": [ { "name": "原居民身份證", "review_points": ["須是本人的證件", "損壞的證件也要交回"] } ]
    })");
    auto parsed = dp::parse_item(j);
    INFO(all_errors(parsed.errors));
    REQUIRE(parsed.ok());
    CHECK(parsed.value.name == "居民身份证换领");
    REQUIRE(parsed.value.zh_hant);
    const dp::Item& t = *parsed.value.zh_hant;
    CHECK(t.name == "居民身份證換領");
    CHECK(t.id == "id-card-renewal");
    CHECK(t.questions[0].text == "為什麼要換證？");
    CHECK(t.questions[0].options[0].label == "證件快到期或已過期");
    CHECK(t.questions[0].options[0].id == "expired");
    CHECK(t.questions[0].options[1].label == "证件损坏、看不清");  // not translated: kept
    CHECK(t.materials[0].review_points[1] == "損壞的證件也要交回");
    CHECK(t.materials[0].id == "old-card");
    CHECK(t.materials.size() == 5);
}

TEST_CASE("overlaying JSON merges objects by key and arrays by position") {
    auto base = nlohmann::json::parse(R"({"a":1,"b":{"c":"x","d":"y"},"e":[{"f":"1"},{"f":"2"}]})");
    auto over = nlohmann::json::parse(R"({"b":{"c":"X"},"e":[{"f":"一"}],"g":true})");
    auto out = dp::overlay_json(base, over);
    CHECK(out["a"] == 1);
    CHECK(out["b"]["c"] == "X");
    CHECK(out["b"]["d"] == "y");
    CHECK(out["e"][0]["f"] == "一");
    CHECK(out["e"][1]["f"] == "2");
    CHECK(out["g"] == true);
}

TEST_CASE("an item written to JSON parses back to the same item") {
    auto first = dp::parse_item(fixture("valid/items/id-card-renewal.json"));
    REQUIRE(first.ok());
    auto again = dp::parse_item(dp::to_json(first.value));
    INFO(all_errors(again.errors));
    REQUIRE(again.ok());
    CHECK(dp::to_json(again.value) == dp::to_json(first.value));
    CHECK(again.value.materials[4].when->children.size() == 2);
    CHECK(again.value.find_question("guardian")->multiple);
}

TEST_CASE("a bundle parses its items list and names") {
    auto parsed = dp::parse_bundle(fixture("valid/bundles/renewal-bundle.json"));
    REQUIRE(parsed.ok());
    CHECK(parsed.value.items.size() == 2);
    CHECK(parsed.value.summary.find("一套材料") != std::string::npos);
    auto j = fixture("valid/bundles/renewal-bundle.json");
    j.erase("items");
    CHECK(has_error(dp::parse_bundle(j).errors, "items", "required"));
    CHECK(dp::parse_bundle(dp::to_json(parsed.value)).ok());
}

TEST_CASE("guide ids are lower-case letters, digits and inner hyphens") {
    CHECK(dp::is_valid_guide_id("id-card-renewal"));
    CHECK(dp::is_valid_guide_id("a1"));
    CHECK_FALSE(dp::is_valid_guide_id(""));
    CHECK_FALSE(dp::is_valid_guide_id("ID-card"));
    CHECK_FALSE(dp::is_valid_guide_id("-x"));
    CHECK_FALSE(dp::is_valid_guide_id("x_y"));
    CHECK_FALSE(dp::is_valid_guide_id("身份证"));
}
