// Pinyin for catalogue strings: a table of toneless Mandarin readings built from Unihan's
// kMandarin field, and the full pinyin ("shen fen zheng") and initials ("sfz") of a UTF-8 text.
#pragma once
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dp {

// Decodes the UTF-8 code point at s[i]; `len` receives its byte length (1 for an invalid byte,
// which is returned as itself so that it passes through unchanged).
char32_t utf8_code_point_at(std::string_view s, std::size_t i, std::size_t& len);

// Readings are toneless lower-case ASCII, ü written as v (绿 → "lv"). Used at build time only
// (the catalogue carries the computed pinyin; the browser never loads this table).
class PinyinTable {
public:
    // Parses Unihan text (Unihan_Readings.txt): lines "U+8EAB<TAB>kMandarin<TAB>shēn".
    // Only kMandarin lines are read; of several readings the first (the zh-Hans one) is kept.
    static PinyinTable from_unihan(std::istream& in);

    // Sets one character's reading; `reading` may carry tone marks (they are removed).
    void set(char32_t code_point, std::string_view reading);

    std::size_t size() const { return readings_.size(); }
    bool empty() const { return readings_.empty(); }

    // The toneless reading of one character, or "" when the table has none.
    std::string_view reading(char32_t code_point) const;

    // Full pinyin, syllables separated by one space: "身份证" → "shen fen zheng". Characters
    // without a reading pass through unchanged; a run of them forms one token ("ETC卡" →
    // "ETC ka"); whitespace only separates tokens.
    std::string full(std::string_view utf8) const;

    // The first letter of each syllable: "身份证" → "sfz". Characters without a reading pass
    // through unchanged ("C1驾驶证" → "C1jsz"); whitespace is dropped.
    std::string initials(std::string_view utf8) const;

private:
    std::unordered_map<char32_t, std::string> readings_;
};

// Removes tone marks from one pinyin syllable and writes ü as v: "lǚ" → "lv", "shēn" → "shen",
// "ḿ" → "m". Upper-case ASCII is lowered.
std::string pinyin_strip_tones(std::string_view syllable);

// Loader: opens a Unihan readings text file (already decompressed) and parses it.
// nullopt when the file cannot be opened or holds no kMandarin readings.
std::optional<PinyinTable> load_pinyin_table_file(const std::string& path);

}  // namespace dp
