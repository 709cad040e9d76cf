// Tests of shared/catalogue: lookup, loading a directory and a built catalogue, the validator
// on broken fixtures, and the real assets/guides catalogue checked path by path.
#include <doctest/doctest.h>
#include "bundle.hpp"
#include "catalogue.hpp"
#include "guide_flow.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace {

const std::string kFixtures = std::string(DP_SOURCE_DIR) + "/tests/fixtures/guides";

std::string all_errors(const std::vector<dp::GuideError>& errors) {
    std::string s;
    for (const auto& e : errors) s += e.to_string() + "\n";
    return s;
}

bool has_error(const std::vector<dp::GuideError>& errors, const std::string& id, const std::string& field,
               const std::string& message_part) {
    for (const auto& e : errors)
        if (e.item_id == id && e.field == field && e.message.find(message_part) != std::string::npos)
            return true;
    return false;
}

std::size_t errors_for(const std::vector<dp::GuideError>& errors, const std::string& id) {
    return static_cast<std::size_t>(
        std::count_if(errors.begin(), errors.end(), [&](const dp::GuideError& e) { return e.item_id == id; }));
}

dp::Catalogue valid_catalogue() {
    auto load = dp::load_catalogue_dir(kFixtures + "/valid");
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    return std::move(load.catalogue);
}

// The valid fixtures plus one broken item (or bundle) from tests/fixtures/guides/broken.
std::vector<dp::GuideError> validate_with(const std::string& broken_id, bool is_bundle = false) {
    dp::Catalogue cat = valid_catalogue();
    std::ifstream in(kFixtures + "/broken/" + broken_id + ".json");
    REQUIRE(in.good());
    auto j = nlohmann::json::parse(in);
    if (is_bundle) {
        auto parsed = dp::parse_bundle(j);
        REQUIRE(parsed.ok());
        cat.add(parsed.value);
    } else {
        auto parsed = dp::parse_item(j);
        INFO(all_errors(parsed.errors));
        REQUIRE(parsed.ok());
        cat.add(parsed.value);
    }
    auto errors = cat.validate();
    CHECK(errors_for(errors, "id-card-renewal") == 0);
    return errors;
}

// ---- an evaluator written independently of shared/, straight on the JSON of a condition
bool json_condition_holds(const nlohmann::json& c, const dp::Answers& answers) {
    if (c.contains("q")) {
        auto it = answers.find(c["q"].get<std::string>());
        if (it == answers.end()) return false;
        for (const auto& option : c["in"])
            for (const auto& chosen : it->second)
                if (option.get<std::string>() == chosen) return true;
        return false;
    }
    if (c.contains("all")) {
        for (const auto& child : c["all"])
            if (!json_condition_holds(child, answers)) return false;
        return true;
    }
    if (c.contains("any")) {
        for (const auto& child : c["any"])
            if (json_condition_holds(child, answers)) return true;
        return false;
    }
    return !json_condition_holds(c["not"], answers);
}

}  // namespace

TEST_CASE("the catalogue finds items and bundles by id") {
    dp::Catalogue cat = valid_catalogue();
    CHECK(cat.items.size() == 3);
    CHECK(cat.bundles.size() == 1);
    REQUIRE(cat.find_item("social-security-card"));
    CHECK(cat.find_item("social-security-card")->name == "社会保障卡申领");
    CHECK(cat.find_bundle("renewal-bundle"));
    CHECK_FALSE(cat.find_item("renewal-bundle"));
    CHECK_FALSE(cat.find_bundle("id-card-renewal"));
    CHECK(cat.name_of("renewal-bundle") == "证件换领一件事");
    CHECK(cat.name_of("nothing").empty());
    CHECK(cat.source.at("id-card-renewal").find("valid/items/id-card-renewal.json") != std::string::npos);
}

TEST_CASE("the valid fixture catalogue has no validation errors") {
    auto errors = valid_catalogue().validate();
    INFO(all_errors(errors));
    CHECK(errors.empty());
}

TEST_CASE("a broken base item is sound before it is broken") {
    auto errors = validate_with("sound-base");
    INFO(all_errors(errors));
    CHECK(errors.empty());
}

TEST_CASE("a goto to a question that does not exist is an error at that rule") {
    auto errors = validate_with("unknown-goto");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "unknown-goto", "questions[who].next[0].goto", "no question \"relatoin\""));
    CHECK(has_error(errors, "unknown-goto", "questions[relation]", "not reachable"));
}

TEST_CASE("rules that can fall through are a dead end, statically and on a real path") {
    auto errors = validate_with("falls-through");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "falls-through", "questions[who].next[0]", "last rule must have no \"when\""));
    CHECK(has_error(errors, "falls-through", "questions[who].next", "answers: who=self"));
}

TEST_CASE("a question no rule leads to is unreachable") {
    auto errors = validate_with("unreachable-question");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "unreachable-question", "questions[orphan]", "not reachable from the start"));
    CHECK(errors.size() == 1);
}

TEST_CASE("a loop between questions is reported once, at the rule that closes it") {
    auto errors = validate_with("loop");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "loop", "questions[relation].next[0].goto", "loops back to question \"who\""));
}

TEST_CASE("conditions must name questions and options that exist") {
    auto errors = validate_with("bad-when");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "bad-when", "materials[proxy-id].when.in[1]", "no option \"friend\""));
    CHECK(has_error(errors, "bad-when", "materials[authorisation].when.any[1].q", "no question \"age\""));
}

TEST_CASE("a material that no answer path needs is reported") {
    auto errors = validate_with("unreachable-material");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "unreachable-material", "materials[authorisation].when", "no answer path needs"));
    CHECK(errors.size() == 1);
}

TEST_CASE("an answer path that needs no material at all is a dead end") {
    auto errors = validate_with("empty-path");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "empty-path", "materials", "relation=other, who=proxy"));
}

TEST_CASE("every material needs at least one review point") {
    auto errors = validate_with("no-review-points");
    CHECK(has_error(errors, "no-review-points", "materials[proxy-id].review_points", "at least one"));
}

TEST_CASE("prerequisites and follow-ups must name other items that exist") {
    auto errors = validate_with("refs");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "refs", "prerequisites[0]", "no item \"no-such-item\""));
    CHECK(has_error(errors, "refs", "follow_ups[0]", "itself"));
    CHECK(has_error(errors, "refs", "follow_ups[2]", "listed twice"));
    CHECK(errors.size() == 3);
}

TEST_CASE("the same document asked for twice on one path is reported") {
    auto errors = validate_with("duplicate-doc");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "duplicate-doc", "materials[proxy-id].doc", "asked for twice"));
}

TEST_CASE("shapes the parser accepts but the catalogue forbids are each reported") {
    auto errors = validate_with("shapes");
    INFO(all_errors(errors));
    CHECK(has_error(errors, "shapes", "name", "must not be empty"));
    CHECK(has_error(errors, "shapes", "category", "\"杂项\""));
    CHECK(has_error(errors, "shapes", "last_reviewed", "date"));
    CHECK(has_error(errors, "shapes", "questions[who].options[self]", "two options"));
    CHECK(has_error(errors, "shapes", "questions[relation].options", "at least two options"));
    CHECK(has_error(errors, "shapes", "channels[1].url", "needs its link"));
    CHECK(has_error(errors, "shapes", "channels[1].steps", "at least one step"));
    CHECK(has_error(errors, "shapes", "channels[2].url", "https://"));
}

TEST_CASE("ids must be unique across items and bundles") {
    dp::Catalogue cat = valid_catalogue();
    dp::Item copy = *cat.find_item("residence-certificate");
    cat.add(copy, "elsewhere.json");
    dp::Item named_like_bundle = copy;
    named_like_bundle.id = "renewal-bundle";
    cat.add(named_like_bundle);
    auto errors = cat.validate();
    INFO(all_errors(errors));
    CHECK(has_error(errors, "residence-certificate", "id", "used twice"));
    CHECK(has_error(errors, "renewal-bundle", "id", "used twice (item and bundle"));
}

TEST_CASE("a bundle's items must exist and its shared questions must match") {
    dp::Catalogue cat = valid_catalogue();
    for (const char* id : {"age-variant"}) {
        std::ifstream in(kFixtures + "/broken/" + id + ".json");
        cat.add(dp::parse_item(nlohmann::json::parse(in)).value);
    }
    std::ifstream in(kFixtures + "/broken/mismatch-bundle.json");
    cat.add(dp::parse_bundle(nlohmann::json::parse(in)).value);
    auto errors = cat.validate();
    INFO(all_errors(errors));
    CHECK(has_error(errors, "mismatch-bundle", "items[1]", "question \"age\" of item age-variant differs"));
    CHECK(has_error(errors, "mismatch-bundle", "items[2]", "no item \"ghost-item\""));
    CHECK(errors_for(errors, "mismatch-bundle") == 2);
}

TEST_CASE("loading a directory reports unreadable JSON with its line, and misnamed files") {
    auto load = dp::load_catalogue_dir(kFixtures + "/unreadable");
    INFO(all_errors(load.errors));
    REQUIRE(load.errors.size() == 2);
    CHECK(load.errors[0].file.find("half-written.json") != std::string::npos);
    CHECK(load.errors[0].message.find("line 4") != std::string::npos);
    CHECK(load.errors[1].file.find("misnamed.json") != std::string::npos);
    CHECK(load.errors[1].message.find("sound-base.json") != std::string::npos);
    CHECK(load.catalogue.items.size() == 1);
    CHECK(load.catalogue.bundles.size() == 1);
    auto missing = dp::load_catalogue_dir(kFixtures + "/no-such-dir");
    CHECK(missing.errors.size() == 1);
}

TEST_CASE("validation errors name the file the item came from") {
    auto load = dp::load_catalogue_dir(kFixtures + "/unreadable");
    auto errors = load.catalogue.validate();
    INFO(all_errors(errors));
    REQUIRE_FALSE(errors.empty());  // the bundle's items are not in this folder
    CHECK(errors[0].file.find("renewal-bundle.json") != std::string::npos);
    CHECK(errors[0].to_string().find(": item renewal-bundle: items[0]: ") != std::string::npos);
}

TEST_CASE("a built catalogue document parses, zh-Hant overlays included") {
    dp::Catalogue cat = valid_catalogue();
    nlohmann::json doc = {{"version", "abc123"}, {"items", nlohmann::json::array()}, {"bundles", nlohmann::json::array()}};
    for (const auto& item : cat.items) {
        auto j = dp::to_json(item);
        j["zh-Hant"] = {{"name", item.name + "（繁）"}};
        doc["items"].push_back(j);
    }
    for (const auto& b : cat.bundles) doc["bundles"].push_back(dp::to_json(b));
    auto load = dp::parse_catalogue_json(doc);
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    CHECK(load.catalogue.version == "abc123");
    CHECK(load.catalogue.items.size() == 3);
    const dp::Item* it = load.catalogue.find_item("id-card-renewal");
    REQUIRE(it);
    REQUIRE(it->zh_hant);
    CHECK(it->zh_hant->name == "居民身份证换领（繁）");
    CHECK(load.catalogue.validate().empty());
}

TEST_CASE("the authored assets/guides catalogue is valid and every answer path is sound") {
    const std::string dir = std::string(DP_SOURCE_DIR) + "/assets/guides";
    bool any = false;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".json") any = true;
    if (!any) {
        MESSAGE("assets/guides has no guide files yet: skipping the real-catalogue check");
        return;
    }
    auto load = dp::load_catalogue_dir(dir);
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    const dp::Catalogue& cat = load.catalogue;
    auto errors = cat.validate();
    INFO(all_errors(errors));
    CHECK(errors.empty());
    CHECK_FALSE(cat.items.empty());

    std::size_t paths_checked = 0;
    for (const dp::Item& item : cat.items) {
        auto e = dp::enumerate_answer_paths(item);
        CHECK_MESSAGE(!e.truncated, item.id);
        auto raw = dp::to_json(item);
        for (const auto& path : e.paths) {
            ++paths_checked;
            CHECK_MESSAGE(path.status == dp::FlowStatus::complete, item.id, ": ", path.problem);
            auto ms = dp::tailored_materials(item, path.answers);
            CHECK_MESSAGE(!ms.empty(), item.id, ": no materials for ", nlohmann::json(path.answers).dump());
            std::set<std::string> keys;
            for (const auto* m : ms)
                CHECK_MESSAGE(keys.insert(m->dedup_key()).second, item.id, ": ", m->id, " twice");
            for (const auto& jm : raw["materials"]) {
                bool expected = !jm.contains("when") || json_condition_holds(jm["when"], path.answers);
                bool present = std::any_of(ms.begin(), ms.end(), [&](const dp::Material* m) {
                    return m->id == jm["id"].get<std::string>();
                });
                CHECK_MESSAGE(present == expected, item.id, ": material ", jm["id"].get<std::string>(),
                              " with answers ", nlohmann::json(path.answers).dump());
            }
        }
    }
    for (const dp::Bundle& bundle : cat.bundles) {
        auto e = dp::enumerate_bundle_paths(cat, bundle);
        CHECK_MESSAGE(!e.truncated, bundle.id);
        CHECK_FALSE(e.paths.empty());
        for (const auto& path : e.paths) {
            ++paths_checked;
            auto guide = dp::walk_bundle(cat, bundle, path.answers);
            CHECK_MESSAGE(guide.complete(), bundle.id, ": ", nlohmann::json(path.answers).dump());
            CHECK_MESSAGE(!guide.materials.empty(), bundle.id, ": no materials for ",
                          nlohmann::json(path.answers).dump());
            std::set<std::string> keys;
            for (const auto& m : guide.materials)
                CHECK_MESSAGE(keys.insert(m.material.dedup_key()).second, bundle.id, ": ", m.material.id, " twice");
        }
    }
    MESSAGE("checked ", cat.items.size(), " items, ", cat.bundles.size(), " bundles, ", paths_checked,
            " answer paths");
}
