// Search over service items and bundles (办事事项 / 一件事): the catalogue's search entries,
// their pinyin, and a precomputed index answering each keystroke with ranked results.
#pragma once
#include <nlohmann/json.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dp {

class PinyinTable;

// What the search knows of one item or bundle. The catalogue carries these (pinyin included:
// it is computed at build time, the browser never loads a pinyin table).
struct SearchEntry {
    std::string id;
    std::string kind = "item";               // "item" | "bundle"
    std::string name;                        // official name: 居民身份证换领
    std::string plain_name;                  // what a resident would say
    std::vector<std::string> aliases;        // what people actually type: 换身份证
    std::string department;                  // 南安市公安局 ("" for bundles)
    std::vector<std::string> life_events;    // keys and Chinese labels: "birth", "出生"
    // Full pinyin ("shen fen zheng") and initials ("sfz") of name, plain_name and each alias,
    // in that order (so index 0 is the name, 1 the plain name, 2… the aliases).
    std::vector<std::string> pinyin_full;
    std::vector<std::string> pinyin_initials;
    int popularity = 0;                      // look-ups per month; breaks ties in the ranking
};

void to_json(nlohmann::json& j, const SearchEntry& e);
void from_json(const nlohmann::json& j, SearchEntry& e);

// Fills pinyin_full and pinyin_initials from name, plain_name and aliases.
void fill_search_pinyin(SearchEntry& e, const PinyinTable& table);

// Builds an entry from an item or bundle in the guide JSON format (docs/guide-format.md):
// life event keys are followed by their Chinese labels. The pinyin is left empty.
SearchEntry search_entry_from_guide_json(const nlohmann::json& guide, const std::string& kind);

// The form queries and haystacks are compared in: full-width ASCII folded to ASCII, ASCII
// lower-cased, all whitespace (also U+3000) removed. "  ＳＦＺ " → "sfz".
std::string normalize_search_text(std::string_view text);

struct SearchResult {
    std::string id;
    std::string kind;           // "item" | "bundle"
    int score = 0;              // higher is better; see SearchIndex::search
    std::string field;          // what matched: name | alias | plain_name | department |
                                // life_event | pinyin_name | pinyin_plain_name | pinyin_alias
    std::string matched_text;   // the (original) text of that field, e.g. the alias
};

// Score bands (a result's score lies in its band; higher bands rank first).
inline constexpr int kScoreExact = 600;      // query equals a name, plain name or alias
inline constexpr int kScorePrefix = 500;     // a name, plain name or alias starts with it
inline constexpr int kScoreSubstring = 400;  // it occurs inside a name, plain name or alias
inline constexpr int kScoreOther = 300;      // department or life event
inline constexpr int kScorePinyin = 100;     // 100…199: pinyin (exact > from the start > inside)

class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(std::vector<SearchEntry> entries);

    // Ranked results, best first, at most `limit`. Matches the official name, plain name,
    // aliases (exact, prefix, substring; Chinese of any length including one character),
    // department and life events (substring; life event keys such as "birth" exactly), and
    // for ASCII queries the pinyin of name, plain name and aliases: full pinyin with or without
    // spaces and its prefixes (shenfenzheng, "shen fen", shenf), initials (sfz) and mixes of
    // both (shenfz), starting at any syllable. Ties are broken by popularity, then id.
    // `life_event` (a key or a label) keeps only entries that list it. An empty query (after
    // trimming) finds nothing. Safe to call concurrently (no mutable state).
    std::vector<SearchResult> search(std::string_view query, std::size_t limit,
                                     const std::optional<std::string>& life_event = std::nullopt) const;

    std::size_t size() const { return entries_.size(); }
    // Entries are kept sorted by id.
    const std::vector<SearchEntry>& entries() const { return entries_; }
    const SearchEntry* find(const std::string& id) const;

private:
    enum class Field : std::uint8_t { name, alias, plain_name, department, life_event, life_event_key };

    struct TextSpan {            // one normalised haystack in text_
        std::uint32_t offset, length;
        Field field;
        std::uint16_t source;    // alias index (alias) or life event index (life_event*)
    };
    struct PinyinSpan {          // one pinyin string: syllables concatenated in pinyin_text_
        std::uint32_t offset, length;
        std::uint32_t first_syllable;  // into syllable_starts_
        std::uint16_t syllable_count;
        std::uint16_t source;          // 0 name, 1 plain name, 2… aliases
        std::uint32_t letters;         // bit per letter a–z (bit 26: any digit) in the string
    };
    struct Ranges {
        std::uint32_t text_begin, text_end, pinyin_begin, pinyin_end;
        std::uint32_t pinyin_letters;  // union of the spans' letters
    };
    struct Match {
        std::uint32_t entry = 0;
        int score = 0;
        bool pinyin = false;
        Field field = Field::name;
        std::uint16_t source = 0;
    };

    void score_text(std::uint32_t entry, std::string_view q, Match& best) const;
    void score_pinyin(std::uint32_t entry, std::string_view q, std::uint32_t q_letters, Match& best) const;
    bool passes_filter(std::uint32_t entry, const std::string& life_event) const;
    SearchResult make_result(const Match& m) const;

    std::vector<SearchEntry> entries_;
    std::vector<Ranges> ranges_;
    std::string text_;
    std::vector<TextSpan> text_spans_;
    std::string pinyin_text_;
    std::vector<PinyinSpan> pinyin_spans_;
    std::vector<std::uint16_t> syllable_starts_;   // offsets within their pinyin string
    // Postings, sorted by entry index. Text: code point unigrams and bigrams of the haystacks,
    // each posting (entry << 3 | band) with the band a one- or two-code-point query equal to
    // the key gets (so such queries need no verification). Pinyin: every one to three letters
    // that can begin a match at a syllable start (full, initials or mixed), each posting
    // (entry << 7 | sub-score) for a query equal to the key, in a dense table of slots.
    // Life event keys: entry indices.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> text_postings_;
    std::vector<std::uint32_t> pinyin_offsets_;    // slot → start in pinyin_postings_
    std::vector<std::uint32_t> pinyin_postings_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> key_postings_;
};

}  // namespace dp
