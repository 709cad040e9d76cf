// Tests of shared/pinyin: readings from the real Unihan data (decompressed at build time into
// DP_UNIHAN_READINGS by cmake/area_search.cmake), tone removal, full pinyin and initials.
#include <doctest/doctest.h>
#include "pinyin.hpp"

#include <sstream>
#include <utility>

#ifndef DP_UNIHAN_READINGS
#error "DP_UNIHAN_READINGS (path of the decompressed Unihan_Readings.txt) must be defined"
#endif

namespace {
const dp::PinyinTable& unihan() {
    static const dp::PinyinTable table = [] {
        auto loaded = dp::load_pinyin_table_file(DP_UNIHAN_READINGS);
        REQUIRE_MESSAGE(loaded.has_value(), "cannot read " DP_UNIHAN_READINGS);
        return std::move(*loaded);
    }();
    return table;
}
}  // namespace

TEST_CASE("the Unihan file gives readings to tens of thousands of characters") {
    CHECK(unihan().size() > 40000);
    CHECK(unihan().reading(U'身') == "shen");
}

TEST_CASE("身份证 has the full pinyin shen fen zheng and the initials sfz") {
    CHECK(unihan().full("身份证") == "shen fen zheng");
    CHECK(unihan().initials("身份证") == "sfz");
}

TEST_CASE("社保 reads she bao") {
    CHECK(unihan().full("社保") == "she bao");
    CHECK(unihan().initials("社保") == "sb");
}

TEST_CASE("a polyphone takes the first reading that kMandarin lists") {
    // Unihan: U+90FD kMandarin "dōu dū"
    CHECK(unihan().reading(U'都') == "dou");
    std::istringstream two_readings("U+4E50\tkMandarin\tlè yuè\n");
    CHECK(dp::PinyinTable::from_unihan(two_readings).reading(U'乐') == "le");
}

TEST_CASE("ü is written as v and tone marks are removed") {
    CHECK(unihan().full("绿色") == "lv se");
    CHECK(unihan().full("女") == "nv");
    CHECK(dp::pinyin_strip_tones("lǚ") == "lv");
    CHECK(dp::pinyin_strip_tones("ǹg") == "ng");
    CHECK(dp::pinyin_strip_tones("ḿ") == "m");
    CHECK(dp::pinyin_strip_tones("Zhāng") == "zhang");
}

TEST_CASE("characters that are not Han pass through as their own tokens") {
    CHECK(unihan().full("ETC卡办理") == "ETC ka ban li");
    CHECK(unihan().initials("ETC卡办理") == "ETCkbl");
    CHECK(unihan().full("C1驾驶证") == "C1 jia shi zheng");
    CHECK(unihan().full("身份证（临时）") == "shen fen zheng （ lin shi ）");
    CHECK(unihan().full("  社保  卡 ") == "she bao ka");
    CHECK(unihan().initials("社保 卡") == "sbk");
    CHECK(unihan().full("") == "");
}

TEST_CASE("the Unihan parser reads only kMandarin lines and ignores comments") {
    std::istringstream text(
        "# Unihan_Readings.txt\n"
        "U+8EAB\tkCantonese\tsan1\n"
        "U+8EAB\tkMandarin\tshēn\r\n"
        "U+4EFD\tkDefinition\tpart\n"
        "garbage line\n");
    const auto table = dp::PinyinTable::from_unihan(text);
    CHECK(table.size() == 1);
    CHECK(table.reading(U'身') == "shen");
    CHECK(table.reading(U'份') == "");
    CHECK(table.full("身份") == "shen 份");
}

TEST_CASE("a missing Unihan file is reported as no table") {
    CHECK_FALSE(dp::load_pinyin_table_file("/nonexistent/Unihan_Readings.txt").has_value());
}
