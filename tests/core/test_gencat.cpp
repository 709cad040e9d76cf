// Tests of shared/gencat: the synthetic catalogue is deterministic, its ids are unique and
// valid, and every item is a well-formed guide (questions, materials with review points, flows).
#include <doctest/doctest.h>
#include "gencat.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using ojson = nlohmann::ordered_json;
using Answers = std::map<std::string, std::vector<std::string>>;

bool holds(const ojson& c, const Answers& a) {
    if (c.contains("all")) {
        for (const auto& x : c["all"])
            if (!holds(x, a)) return false;
        return true;
    }
    if (c.contains("any")) {
        for (const auto& x : c["any"])
            if (holds(x, a)) return true;
        return false;
    }
    if (c.contains("not")) return !holds(c["not"], a);
    const auto it = a.find(c["q"].get<std::string>());
    if (it == a.end()) return false;
    for (const auto& chosen : it->second)
        for (const auto& o : c["in"])
            if (o == chosen) return true;
    return false;
}

// Walks every answer path of an item; calls `at_end` with the answers of each complete path.
template <typename F>
void walk(const ojson& item, const std::string& at, Answers& answers, int depth, F&& at_end) {
    REQUIRE(depth < 10);
    if (at == "end") {
        at_end(answers);
        return;
    }
    const ojson* q = nullptr;
    for (const auto& c : item["questions"])
        if (c["id"] == at) q = &c;
    INFO("goto to question ", at);
    REQUIRE(q != nullptr);
    const auto& options = (*q)["options"];
    std::vector<std::vector<std::string>> choices;
    if ((*q)["type"] == "multiple") {
        for (std::size_t mask = 1; mask < (std::size_t(1) << options.size()); ++mask) {
            std::vector<std::string> subset;
            for (std::size_t i = 0; i < options.size(); ++i)
                if (mask & (std::size_t(1) << i)) subset.push_back(options[i]["id"].get<std::string>());
            choices.push_back(subset);
        }
    } else {
        for (const auto& o : options) choices.push_back({o["id"].get<std::string>()});
    }
    for (const auto& choice : choices) {
        answers[at] = choice;
        bool moved = false;
        for (const auto& rule : (*q)["next"]) {
            if (rule.contains("when") && !holds(rule["when"], answers)) continue;
            walk(item, rule["goto"].get<std::string>(), answers, depth + 1, at_end);
            moved = true;
            break;
        }
        CHECK(moved);
        answers.erase(at);
    }
}

const std::vector<ojson>& catalogue_3300() {
    static const std::vector<ojson> items = dp::generate_catalogue(3300, 1);
    return items;
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

}  // namespace

TEST_CASE("the same seed gives the same catalogue and another seed a different one") {
    const auto a = dp::generate_catalogue(120, 7);
    const auto b = dp::generate_catalogue(120, 7);
    const auto c = dp::generate_catalogue(120, 8);
    REQUIRE(a.size() == 120);
    CHECK(a == b);
    CHECK(a != c);
    // A smaller catalogue of the same seed picks the first ids of a larger one.
    const auto small = dp::generate_catalogue(30, 7);
    for (std::size_t i = 0; i < small.size(); ++i) CHECK(small[i]["id"] == a[i]["id"]);
}

TEST_CASE("3,300 items have unique valid ids and unique names") {
    const auto& items = catalogue_3300();
    REQUIRE(items.size() == 3300);
    std::set<std::string> ids, names;
    for (const auto& item : items) {
        const auto id = item["id"].get<std::string>();
        CHECK_MESSAGE(valid_id(id), id);
        ids.insert(id);
        names.insert(item["name"].get<std::string>());
    }
    CHECK(ids.size() == 3300);
    CHECK(names.size() == 3300);
}

TEST_CASE("more items than distinct names are numbered variants, still unique") {
    const std::size_t distinct = dp::gencat_distinct_names();
    CHECK(distinct >= 3300);
    const auto items = dp::generate_catalogue(distinct + 5, 3);
    std::set<std::string> ids;
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    CHECK(ids.size() == distinct + 5);
    CHECK(items.back()["name"].get<std::string>().find("（二）") != std::string::npos);
}

TEST_CASE("every item has the fields of the guide format with plausible values") {
    static const std::set<std::string> categories = {"户籍与证件", "社会保障", "医疗保障", "婚姻家庭", "住房与不动产",
                                                     "就业创业", "市场主体", "交通出行", "社会救助", "教育",
                                                     "出入境", "民政服务", "公积金"};
    static const std::set<std::string> events = {"birth", "school", "work", "marriage", "housing", "business", "travel",
                                                 "health", "retire", "elderly", "disability", "hardship", "death", "moving"};
    static const std::set<std::string> forms = {"original", "copy", "original_and_copy", "electronic"};
    static const std::set<std::string> kinds = {"online", "mobile", "kiosk", "nearest_hall", "city_hall", "video"};
    const auto items = dp::generate_catalogue(330, 42);
    std::set<std::string> ids;
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    for (const auto& item : items) {
        const auto id = item["id"].get<std::string>();
        INFO(id);
        for (const char* key : {"version", "last_reviewed", "name", "plain_name", "name_en", "aliases", "department",
                                "category", "life_events", "popularity", "legal_basis", "conditions", "visits",
                                "start", "questions", "materials", "fees", "time_limit", "channels",
                                "prerequisites", "follow_ups", "faq", "tips"})
            CHECK_MESSAGE(item.contains(key), key);
        CHECK(categories.count(item["category"].get<std::string>()) == 1);
        CHECK_FALSE(item["life_events"].empty());
        for (const auto& e : item["life_events"]) CHECK(events.count(e.get<std::string>()) == 1);
        CHECK(item["aliases"].size() >= 2);
        CHECK(item["popularity"].get<int>() > 0);
        CHECK_FALSE(item["channels"].empty());
        for (const auto& ch : item["channels"]) {
            CHECK(kinds.count(ch["kind"].get<std::string>()) == 1);
            CHECK_FALSE(ch["steps"].empty());
        }
        for (const auto& p : item["prerequisites"]) {
            CHECK(ids.count(p.get<std::string>()) == 1);
            CHECK(p != item["id"]);
        }
        const auto& materials = item["materials"];
        CHECK(materials.size() >= 3);
        CHECK(materials.size() <= 6);
        std::set<std::string> material_ids;
        for (const auto& m : materials) {
            material_ids.insert(m["id"].get<std::string>());
            CHECK(forms.count(m["form"].get<std::string>()) == 1);
            REQUIRE(m["review_points"].is_array());
            CHECK_FALSE(m["review_points"].empty());
            for (const auto& rp : m["review_points"]) CHECK_FALSE(rp.get<std::string>().empty());
        }
        CHECK(material_ids.size() == materials.size());
    }
}

TEST_CASE("every item asks 2 or 3 questions and every answer path needs at least one material") {
    const auto items = dp::generate_catalogue(330, 42);
    std::size_t paths = 0, branching = 0;
    for (const auto& item : items) {
        const auto id = item["id"].get<std::string>();
        INFO(id);
        const auto& questions = item["questions"];
        CHECK(questions.size() >= 2);
        CHECK(questions.size() <= 3);
        CHECK(item["start"] == questions[0]["id"]);
        std::set<std::string> question_ids;
        for (const auto& q : questions) {
            question_ids.insert(q["id"].get<std::string>());
            CHECK(q["options"].size() >= 2);
            REQUIRE_FALSE(q["next"].empty());
            CHECK_FALSE(q["next"].back().contains("when"));  // the last rule always applies
            if (q["next"].size() > 1) ++branching;
        }
        CHECK(question_ids.size() == questions.size());
        std::set<std::string> needed;
        Answers answers;
        walk(item, item["start"].get<std::string>(), answers, 0, [&](const Answers& a) {
            ++paths;
            std::size_t count = 0;
            for (const auto& m : item["materials"])
                if (!m.contains("when") || holds(m["when"], a)) {
                    ++count;
                    needed.insert(m["id"].get<std::string>());
                }
            CHECK(count >= 1);
        });
        // No material is conditional on answers that no path gives.
        CHECK(needed.size() == item["materials"].size());
    }
    CHECK(paths > 330 * 2);
    CHECK(branching > 0);
}

TEST_CASE("names are combined from realistic parts") {
    const auto& items = catalogue_3300();
    std::set<std::string> names;
    for (const auto& item : items) names.insert(item["name"].get<std::string>());
    CHECK(names.count("居民身份证补领") == 1);
    CHECK(names.count("社会保障卡申领") == 1);
    CHECK(names.count("城乡居民基本医疗保险参保登记") == 1);
    CHECK(names.count("住房公积金提取") == 1);
    CHECK(std::any_of(names.begin(), names.end(),
                      [](const std::string& n) { return n.find("（跨省通办）") != std::string::npos; }));
    const auto& first = items.front();
    CHECK(first["name"].get<std::string>().find("（") == std::string::npos);  // plain names come first
}

TEST_CASE("the catalogue is the same on every platform (native and wasm agree on a fingerprint)") {
    // FNV-1a of the JSON of 200 items, seed 7. When the generator's parts change on purpose,
    // update the constant (both the native and the wasm test runs must print the same value).
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const auto& item : dp::generate_catalogue(200, 7))
        for (char c : item.dump()) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    CHECK(std::string(hex) == "0cd24168ef32a9e5");
}
