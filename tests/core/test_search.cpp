// Tests of shared/search: what a query finds (Chinese of any length, pinyin, initials,
// department, life events), the ranking, normalisation of the input, and the entry JSON.
#include <doctest/doctest.h>
#include "pinyin.hpp"
#include "search.hpp"

#include <algorithm>
#include <utility>

#ifndef DP_UNIHAN_READINGS
#error "DP_UNIHAN_READINGS (path of the decompressed Unihan_Readings.txt) must be defined"
#endif

namespace {

const dp::PinyinTable& pinyin_table() {
    static const dp::PinyinTable table = [] {
        auto loaded = dp::load_pinyin_table_file(DP_UNIHAN_READINGS);
        REQUIRE_MESSAGE(loaded.has_value(), "cannot read " DP_UNIHAN_READINGS);
        return std::move(*loaded);
    }();
    return table;
}

dp::SearchEntry entry(const char* id, const char* name, const char* plain, std::vector<std::string> aliases,
                      const char* department, std::vector<std::string> life_events, int popularity,
                      const char* kind = "item") {
    nlohmann::json j = {{"id", id},           {"name", name},       {"plain_name", plain},
                        {"aliases", aliases}, {"department", department}, {"life_events", life_events},
                        {"popularity", popularity}};
    dp::SearchEntry e = dp::search_entry_from_guide_json(j, kind);
    dp::fill_search_pinyin(e, pinyin_table());
    return e;
}

const dp::SearchIndex& index() {
    static const dp::SearchIndex idx([] {
        std::vector<dp::SearchEntry> v;
        v.push_back(entry("id-card-renewal", "居民身份证换领", "身份证到期或坏了，换张新的",
                          {"换身份证", "身份证过期", "办身份证"}, "南安市公安局", {"moving"}, 950));
        v.push_back(entry("id-card-first", "居民身份证申领", "第一次办身份证", {"办身份证", "首次领证"},
                          "南安市公安局", {"school"}, 300));
        v.push_back(entry("social-security-card", "社会保障卡申领", "办一张社保卡", {"社保卡", "办社保卡"},
                          "南安市人力资源和社会保障局", {"work", "birth"}, 800));
        v.push_back(entry("social-insurance-record", "个人社会保险参保缴费记录查询", "查一查交了多少社保",
                          {"社保", "查社保"}, "南安市社会保险中心", {"work"}, 100));
        v.push_back(entry("resident-medical-insurance", "城乡居民医保参保登记", "没有单位的人参加医保",
                          {"医保参保", "交医保"}, "南安市医疗保障局", {"birth", "health"}, 700));
        v.push_back(entry("hukou-move", "户口迁移", "搬家后把户口迁过来", {"迁户口", "户口迁入"},
                          "南安市公安局", {"moving"}, 600));
        v.push_back(entry("birth-registration", "出生登记", "给刚出生的孩子上户口", {"新生儿落户", "报户口"},
                          "南安市公安局", {"birth"}, 500));
        v.push_back(entry("sole-trader-registration", "个体工商户设立登记", "开小店领营业执照",
                          {"营业执照", "开店执照"}, "南安市市场监督管理局", {"business"}, 400));
        v.push_back(entry("housing-fund-withdrawal", "住房公积金提取", "把公积金取出来用",
                          {"取公积金", "公积金提取"}, "泉州市住房公积金中心南安管理部", {"housing", "retire"}, 650));
        v.push_back(entry("etc-card", "ETC卡办理", "给车装ETC", {"办ETC"}, "南安市交通运输局", {"travel"}, 50));
        v.push_back(entry("birth-bundle", "出生一件事", "孩子出生后要办的证，一次办好", {"宝宝出生", "新生儿落户"},
                          "", {"birth"}, 400, "bundle"));
        return v;
    }());
    return idx;
}

std::vector<std::string> ids(const std::vector<dp::SearchResult>& results) {
    std::vector<std::string> out;
    for (const auto& r : results) out.push_back(r.id);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("an exact alias ranks above a prefix or substring match, whatever the popularity") {
    const auto r = index().search("社保", 10);
    REQUIRE(r.size() >= 2);
    CHECK(r[0].id == "social-insurance-record");
    CHECK(r[0].field == "alias");
    CHECK(r[0].matched_text == "社保");
    CHECK(r[0].score == dp::kScoreExact);
    CHECK(r[1].id == "social-security-card");  // alias 社保卡 starts with 社保
    CHECK(r[1].score == dp::kScorePrefix);
}

TEST_CASE("two-character Chinese queries find items with the word anywhere in the name") {
    CHECK(contains(ids(index().search("社保", 10)), "social-security-card"));
    CHECK(contains(ids(index().search("保障", 10)), "social-security-card"));
    CHECK(contains(ids(index().search("医保", 10)), "resident-medical-insurance"));
    CHECK(contains(ids(index().search("参保", 10)), "resident-medical-insurance"));
    const auto hukou = ids(index().search("户口", 10));
    CHECK(hukou.front() == "hukou-move");               // the name starts with 户口
    CHECK(contains(hukou, "birth-registration"));      // alias 报户口
}

TEST_CASE("a single Chinese character finds every item containing it") {
    const auto r = ids(index().search("证", 20));
    CHECK(contains(r, "id-card-renewal"));
    CHECK(contains(r, "id-card-first"));
    CHECK(contains(r, "birth-bundle"));  // 孩子出生后要办的证
    CHECK_FALSE(contains(r, "hukou-move"));
}

TEST_CASE("a substring of the name ranks above a match in the department or a life event") {
    const auto r = index().search("公安局", 10);
    REQUIRE(r.size() == 4);
    CHECK(r[0].field == "department");
    CHECK(r[0].id == "id-card-renewal");  // most popular of the four
    const auto tie = index().search("办身份证", 10);
    REQUIRE(tie.size() >= 2);
    CHECK(tie[0].id == "id-card-renewal");  // both have the exact alias: popularity decides
    CHECK(tie[1].id == "id-card-first");
}

TEST_CASE("pinyin initials sfz find the 身份证 items") {
    const auto r = index().search("sfz", 10);
    REQUIRE(r.size() == 2);
    CHECK(contains(ids(r), "id-card-renewal"));
    CHECK(contains(ids(r), "id-card-first"));
    CHECK(r[0].field.rfind("pinyin_", 0) == 0);
    CHECK(r[0].score < dp::kScoreOther);
    CHECK(ids(index().search("sb", 10)).front() == "social-insurance-record");  // 社保, exactly
}

TEST_CASE("full pinyin finds items with or without spaces and by its prefixes") {
    for (const char* q : {"shenfenzheng", "shen fen zheng", "shen fen", "shenf", "shenfz", "sfzheng"}) {
        INFO(q);
        const auto r = ids(index().search(q, 10));
        REQUIRE(r.size() >= 2);
        CHECK(contains(std::vector<std::string>(r.begin(), r.begin() + 2), "id-card-renewal"));
        CHECK(contains(std::vector<std::string>(r.begin(), r.begin() + 2), "id-card-first"));
    }
    CHECK(ids(index().search("gongjijin", 5)).front() == "housing-fund-withdrawal");
    CHECK(ids(index().search("hukou", 5)).front() == "hukou-move");
    CHECK(ids(index().search("shebao", 5)).front() == "social-insurance-record");
    CHECK(index().search("xyz", 5).empty());
}

TEST_CASE("pinyin from the start of a name ranks above pinyin from a later syllable") {
    // 报户口 and 宝宝出生 start with bao; 社会保障卡申领 (more popular) has bao inside.
    const auto r = index().search("bao", 10);
    REQUIRE(r.size() >= 3);
    CHECK(r[0].id == "birth-registration");
    CHECK(r[0].field == "pinyin_alias");
    CHECK(r[0].matched_text == "报户口");
    CHECK(r[1].id == "birth-bundle");
    CHECK(r[2].id == "social-security-card");
    CHECK(r[0].score > r[2].score);
}

TEST_CASE("the life event filter keeps only entries that list the event") {
    const auto all = ids(index().search("登记", 10));
    CHECK(contains(all, "birth-registration"));
    CHECK(contains(all, "sole-trader-registration"));
    const auto birth = ids(index().search("登记", 10, std::string("birth")));
    CHECK(contains(birth, "birth-registration"));
    CHECK(contains(birth, "resident-medical-insurance"));
    CHECK_FALSE(contains(birth, "sole-trader-registration"));
    const auto by_label = ids(index().search("登记", 10, std::string("出生")));
    CHECK(by_label == birth);
}

TEST_CASE("life events are searchable by label and by exact key") {
    const auto by_label = index().search("看病", 10);
    REQUIRE(by_label.size() == 1);
    CHECK(by_label[0].id == "resident-medical-insurance");
    CHECK(by_label[0].field == "life_event");
    CHECK(by_label[0].matched_text == "看病就医");
    const auto by_key = ids(index().search("retire", 10));
    CHECK(by_key == std::vector<std::string>{"housing-fund-withdrawal"});
}

TEST_CASE("full-width letters, upper case and surrounding spaces are folded away") {
    CHECK(dp::normalize_search_text("  ＳＦＺ　") == "sfz");
    CHECK(dp::normalize_search_text(" 社保 卡 ") == "社保卡");
    CHECK(ids(index().search("ＳＦＺ", 10)) == ids(index().search("sfz", 10)));
    CHECK(ids(index().search("SFZ", 10)) == ids(index().search("sfz", 10)));
    CHECK(ids(index().search("  社保　", 10)) == ids(index().search("社保", 10)));
    CHECK(ids(index().search("ｅｔｃ", 10)).front() == "etc-card");
    CHECK(ids(index().search("ETC卡", 10)).front() == "etc-card");
}

TEST_CASE("an empty or blank query finds nothing and the limit caps the results") {
    CHECK(index().search("", 10).empty());
    CHECK(index().search("   　", 10).empty());
    CHECK(index().search("证", 0).empty());
    CHECK(index().search("证", 2).size() == 2);
    CHECK(index().search("证件照", 10).empty());
}

TEST_CASE("bundles are found with their kind") {
    const auto r = index().search("宝宝", 10);
    REQUIRE(r.size() == 1);
    CHECK(r[0].id == "birth-bundle");
    CHECK(r[0].kind == "bundle");
    const auto* e = index().find("birth-bundle");
    REQUIRE(e != nullptr);
    CHECK(e->name == "出生一件事");
    CHECK(index().find("no-such-item") == nullptr);
}

TEST_CASE("a search entry survives a JSON round trip with its pinyin") {
    const dp::SearchEntry* e = index().find("id-card-renewal");
    REQUIRE(e != nullptr);
    CHECK(e->pinyin_full.size() == 2 + e->aliases.size());
    CHECK(e->pinyin_full[0] == "ju min shen fen zheng huan ling");
    CHECK(e->pinyin_initials[0] == "jmsfzhl");
    CHECK(e->life_events == std::vector<std::string>{"moving", "迁居"});
    nlohmann::json j = *e;
    const auto back = j.get<dp::SearchEntry>();
    CHECK(back.id == e->id);
    CHECK(back.kind == "item");
    CHECK(back.aliases == e->aliases);
    CHECK(back.pinyin_full == e->pinyin_full);
    CHECK(back.pinyin_initials == e->pinyin_initials);
    CHECK(back.popularity == 950);
}

TEST_CASE("an index built from entries with only initials still finds them by initials") {
    dp::SearchEntry e;
    e.id = "x";
    e.name = "身份证";
    e.pinyin_initials = {"sfz"};
    const dp::SearchIndex idx({e});
    CHECK(ids(idx.search("sfz", 5)) == std::vector<std::string>{"x"});
    CHECK(ids(idx.search("fz", 5)) == std::vector<std::string>{"x"});
}

TEST_CASE("malformed UTF-8 and very long queries find nothing and do no harm") {
    CHECK(index().search(std::string(200, 's'), 10).empty());
    CHECK(index().search("\xff\xfe", 10).empty());
    CHECK(ids(index().search("\xff社保", 10)).empty());
    std::string long_chinese;
    for (int i = 0; i < 100; ++i) long_chinese += "社保";
    CHECK(index().search(long_chinese, 10).empty());
}
