// Tests of shared/guide_walk: one walk over items and bundles, localised questions.
#include <doctest/doctest.h>

#include "guide_walk.hpp"

namespace {
const dp::Catalogue& real_catalogue() {
    static dp::CatalogueLoad load = dp::load_catalogue_dir(std::string(DP_SOURCE_DIR) + "/assets/guides");
    return load.catalogue;
}
}  // namespace

TEST_CASE("an item walk asks its first question, then moves on as answers arrive") {
    const auto& cat = real_catalogue();
    auto w = dp::walk_guide(cat, "id-card-renewal", {}, dp::Locale::zh_hans);
    REQUIRE(w.found);
    CHECK_FALSE(w.is_bundle);
    CHECK(w.status == dp::FlowStatus::asking);
    CHECK(w.next_question == "reason");
    CHECK(w.find("reason") != nullptr);
    auto w2 = dp::walk_guide(cat, "id-card-renewal", {{"reason", {"lost"}}}, dp::Locale::zh_hans);
    CHECK(w2.path == std::vector<std::string>{"reason"});
    CHECK(w2.next_question == "age");
    auto done = dp::walk_guide(cat, "id-card-renewal",
                               {{"reason", {"lost"}}, {"age", {"over16"}}, {"hukou-local", {"local"}}}, dp::Locale::zh_hans);
    CHECK(done.status == dp::FlowStatus::complete);
}

TEST_CASE("a bundle walk asks each shared question once") {
    const auto& cat = real_catalogue();
    auto w = dp::walk_guide(cat, "birth-bundle", {}, dp::Locale::zh_hans);
    REQUIRE(w.found);
    CHECK(w.is_bundle);
    CHECK(w.status == dp::FlowStatus::asking);
    std::vector<std::string> ids;
    for (auto* q : w.questions) ids.push_back(q->id);
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("unknown guides are not found") {
    CHECK_FALSE(dp::walk_guide(real_catalogue(), "no-such-guide", {}, dp::Locale::zh_hans).found);
}
