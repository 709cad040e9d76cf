// Tests of shared/bundle: merged questions, the walk over a bundle's items on shared answers,
// material de-duplication by doc, and bundle answer-path enumeration.
#include <doctest/doctest.h>
#include "bundle.hpp"

#include <algorithm>

namespace {

dp::Catalogue fixtures() {
    auto load = dp::load_catalogue_dir(std::string(DP_SOURCE_DIR) + "/tests/fixtures/guides/valid");
    REQUIRE(load.ok());
    return std::move(load.catalogue);
}

const dp::BundleMaterial* find(const dp::BundleState& st, const std::string& id) {
    for (const auto& m : st.materials)
        if (m.material.id == id) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("a bundle's questions are its items' questions merged by id") {
    auto cat = fixtures();
    auto qs = dp::merged_questions(cat, *cat.find_bundle("renewal-bundle"));
    REQUIRE(qs.size() == 4);
    CHECK(qs[0].question->id == "reason");
    CHECK(qs[2].question->id == "age");
    CHECK(qs[2].item_ids == std::vector<std::string>{"id-card-renewal", "social-security-card"});
    CHECK(qs[3].item_ids == std::vector<std::string>{"id-card-renewal"});
}

TEST_CASE("the bundle asks the first unanswered question of its first unfinished item") {
    auto cat = fixtures();
    const dp::Bundle& b = *cat.find_bundle("renewal-bundle");
    auto st = dp::walk_bundle(cat, b, {});
    CHECK(st.status == dp::FlowStatus::asking);
    CHECK(st.next_question == "reason");
    CHECK(st.next_item == "id-card-renewal");
    st = dp::walk_bundle(cat, b, {{"reason", {"expired"}}});
    CHECK(st.next_question == "age");
    REQUIRE(st.item_states.size() == 2);
    CHECK(st.item_states[1].next_question == "age");
}

TEST_CASE("a question shared by two items is asked once and answers both") {
    auto cat = fixtures();
    auto st = dp::walk_bundle(cat, *cat.find_bundle("renewal-bundle"), {{"reason", {"expired"}}, {"age", {"adult"}}});
    REQUIRE(st.complete());
    CHECK(st.path == std::vector<std::string>{"reason", "age"});
    CHECK(st.item_states[0].complete());
    CHECK(st.item_states[1].complete());
    CHECK(st.answers.at("age") == std::vector<std::string>{"adult"});
}

TEST_CASE("materials with the same doc are listed once, for every item that needs them") {
    auto cat = fixtures();
    auto st = dp::walk_bundle(cat, *cat.find_bundle("renewal-bundle"), {{"reason", {"expired"}}, {"age", {"adult"}}});
    REQUIRE(st.materials.size() == 2);
    const auto* card = find(st, "old-card");
    REQUIRE(card);
    CHECK(card->item_ids == std::vector<std::string>{"id-card-renewal", "social-security-card"});
    // review points from both items, each once
    CHECK(card->material.review_points ==
          std::vector<std::string>{"须是本人的证件", "损坏的证件也要交回", "在有效期内"});
    CHECK_FALSE(card->material.when.has_value());
    CHECK(find(st, "applicant-id") == nullptr);
    // household register: only the ID-card item needs it here, so its exemption stands
    const auto* hukou = find(st, "household-register");
    REQUIRE(hukou);
    CHECK_FALSE(hukou->material.exempt.empty());
}

TEST_CASE("merging takes the larger count, both forms, and drops an exemption one item lacks") {
    auto cat = fixtures();
    auto st = dp::walk_bundle(cat, *cat.find_bundle("renewal-bundle"),
                              {{"reason", {"lost"}}, {"reported", {"no"}}, {"age", {"under16"}}, {"guardian", {"mother"}}});
    REQUIRE(st.complete());
    const auto* hukou = find(st, "household-register");
    REQUIRE(hukou);
    CHECK(hukou->material.form == dp::MaterialForm::original_and_copy);
    CHECK(hukou->material.exempt.empty());
    CHECK(hukou->item_ids.size() == 2);
    CHECK(find(st, "birth-certificate"));
    CHECK(find(st, "guardian-id"));
    // the lost card is not brought, but the social security card still needs an ID card
    const auto* id = find(st, "applicant-id");
    REQUIRE(id);
    CHECK(id->item_ids == std::vector<std::string>{"social-security-card"});

    dp::Material a, b;
    a.id = "a"; a.doc = "d"; a.count = 1; a.form = dp::MaterialForm::electronic; a.review_points = {"x"};
    b.id = "b"; b.doc = "d"; b.count = 3; b.form = dp::MaterialForm::copy; b.review_points = {"x", "y"}; b.note = "注";
    auto merged = dp::merge_materials({{"i1", {&a}}, {"i2", {&b}}});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].material.count == 3);
    CHECK(merged[0].material.form == dp::MaterialForm::copy);
    CHECK(merged[0].material.review_points == std::vector<std::string>{"x", "y"});
    CHECK(merged[0].material.note == "注");
}

TEST_CASE("every bundle answer path is enumerated and completes") {
    auto cat = fixtures();
    const dp::Bundle& b = *cat.find_bundle("renewal-bundle");
    auto e = dp::enumerate_bundle_paths(cat, b);
    CHECK_FALSE(e.truncated);
    CHECK(e.paths.size() == 40);  // the ID-card flow's paths; "age" is shared, not asked twice
    for (const auto& p : e.paths) {
        CHECK(p.status == dp::FlowStatus::complete);
        auto st = dp::walk_bundle(cat, b, p.answers);
        CHECK(st.complete());
        CHECK(std::count(st.path.begin(), st.path.end(), "age") == 1);
        CHECK_FALSE(st.materials.empty());
    }
}

TEST_CASE("a bundle naming a missing item is broken, not a crash") {
    auto cat = fixtures();
    dp::Bundle b = *cat.find_bundle("renewal-bundle");
    b.items.push_back("ghost");
    auto st = dp::walk_bundle(cat, b, {{"reason", {"expired"}}, {"age", {"adult"}}});
    CHECK(st.status == dp::FlowStatus::broken);
    CHECK(st.problem.find("ghost") != std::string::npos);
    CHECK(st.items.size() == 2);
}
