// Search over service items and bundles: entry JSON, normalisation, the inverted indexes
// (code point unigrams/bigrams, pinyin syllable starts) and the per-keystroke ranking.
#include "search.hpp"

#include "pinyin.hpp"

#include <algorithm>
#include <utility>

namespace dp {
namespace {

// The code point at s[i]; an invalid byte reads as U+FFFD.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
    const char32_t c = utf8_code_point_at(s, i, len);
    return len == 1 && c >= 0x80 ? char32_t(0xFFFD) : c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (c >> 18)));
        out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        out.push_back(decode_at(s, i, len));
        i += len;
    }
    return out;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_pinyin_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

constexpr std::uint64_t kUnigramTag = std::uint64_t(1) << 63;
std::uint64_t unigram_key(char32_t c) { return kUnigramTag | c; }
std::uint64_t bigram_key(char32_t a, char32_t b) { return (std::uint64_t(a) << 32) | b; }
// Pinyin keys: one to three letters/digits, as a slot of a dense table (37 symbols a position:
// none, a–z, 0–9). kNoSlot for anything else.
constexpr std::uint32_t kPinyinSymbols = 37, kPinyinSlots = kPinyinSymbols * kPinyinSymbols * kPinyinSymbols;
constexpr std::uint32_t kNoSlot = ~std::uint32_t(0);
std::uint32_t pinyin_symbol(char c) {
    if (c >= 'a' && c <= 'z') return std::uint32_t(c - 'a') + 1;
    if (c >= '0' && c <= '9') return std::uint32_t(c - '0') + 27;
    return 0;
}
std::uint32_t pinyin_slot(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return kNoSlot;
    std::uint32_t slot = 0, scale = 1;
    for (char c : letters) {
        const std::uint32_t sym = pinyin_symbol(c);
        if (sym == 0) return kNoSlot;
        slot += sym * scale;
        scale *= kPinyinSymbols;
    }
    return slot;
}

// Sorts (key, code) pairs and keeps, for each key, the highest code.
template <typename Key>
void keep_best(std::vector<std::pair<Key, std::uint32_t>>& pairs) {
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    pairs.erase(std::unique(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                pairs.end());
}

// The life events of docs/guide-format.md: key → Chinese label.
constexpr std::pair<const char*, const char*> kLifeEventLabels[] = {
    {"birth", "出生"}, {"school", "上学"}, {"work", "就业"}, {"marriage", "结婚"},
    {"housing", "买房"}, {"business", "开店办厂"}, {"travel", "出行"}, {"health", "看病就医"},
    {"retire", "退休"}, {"elderly", "养老"}, {"disability", "残疾人服务"}, {"hardship", "生活困难"},
    {"death", "身后事"}, {"moving", "迁居"},
};

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::string string_field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Sub-scores of a pinyin match (added to kScorePinyin).
constexpr int kPinyinExact = 90;          // the whole string: full pinyin or initials
constexpr int kPinyinStartFull = 80;      // prefix of the full pinyin
constexpr int kPinyinStartInitials = 70;  // prefix of the initials
constexpr int kPinyinStartMixed = 60;     // from the first syllable, full and initials mixed
constexpr int kPinyinInnerFull = 50;      // the same from a later syllable
constexpr int kPinyinInnerInitials = 40;
constexpr int kPinyinInnerMixed = 30;
constexpr std::size_t kMaxPinyinQuery = 63;  // mixed_match keeps positions in 64 bits

// Can q be split into non-empty prefixes of consecutive syllables (full pinyin and initials
// mixed: "shenfz", "sfzheng")? One pass over the syllables, tracking as bit sets the positions
// of q reachable so far: from the first syllable (start) and from any syllable (any).
// Returns 2 when a split starts at the first syllable, 1 at a later one, 0 when there is none.
int mixed_match(const char* s, const std::uint16_t* starts, std::size_t n, std::size_t total, std::string_view q) {
    const std::size_t m = q.size();
    const std::uint64_t done = std::uint64_t(1) << m;
    std::uint64_t start = 1, any = 0;
    bool from_start = false, from_any = false;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t begin = starts[k], end = k + 1 < n ? starts[k + 1] : total;
        if (s[begin] == q[0]) any |= 1;  // a split may begin at this syllable
        std::uint64_t next_start = 0, next_any = 0;
        for (std::uint64_t live = start | any; live;) {
            const unsigned j = unsigned(__builtin_ctzll(live));
            live &= live - 1;
            std::size_t common = 0;
            while (begin + common < end && j + common < m && s[begin + common] == q[j + common]) ++common;
            if (common == 0) continue;
            // positions j+1 … j+common become reachable
            const std::uint64_t reach = ((std::uint64_t(1) << common) - 1) << (j + 1);
            if (start >> j & 1) next_start |= reach;
            if (any >> j & 1) next_any |= reach;
        }
        if (next_start & done) from_start = true;
        if (next_any & done) from_any = true;
        if (from_start) return 2;
        start = next_start & ~done;
        any = next_any & ~done;
    }
    return from_start ? 2 : from_any ? 1 : 0;
}

}  // namespace

// ---- entries ----

void to_json(nlohmann::json& j, const SearchEntry& e) {
    j = nlohmann::json{{"id", e.id},
                       {"kind", e.kind},
                       {"name", e.name},
                       {"plain_name", e.plain_name},
                       {"aliases", e.aliases},
                       {"department", e.department},
                       {"life_events", e.life_events},
                       {"pinyin_full", e.pinyin_full},
                       {"pinyin_initials", e.pinyin_initials},
                       {"popularity", e.popularity}};
}

void from_json(const nlohmann::json& j, SearchEntry& e) {
    e.id = j.at("id").get<std::string>();
    e.kind = j.value("kind", std::string("item"));
    e.name = j.value("name", std::string());
    e.plain_name = j.value("plain_name", std::string());
    e.aliases = j.value("aliases", std::vector<std::string>());
    e.department = j.value("department", std::string());
    e.life_events = j.value("life_events", std::vector<std::string>());
    e.pinyin_full = j.value("pinyin_full", std::vector<std::string>());
    e.pinyin_initials = j.value("pinyin_initials", std::vector<std::string>());
    e.popularity = j.value("popularity", 0);
}

void fill_search_pinyin(SearchEntry& e, const PinyinTable& table) {
    e.pinyin_full.clear();
    e.pinyin_initials.clear();
    auto add = [&](const std::string& s) {
        e.pinyin_full.push_back(table.full(s));
        e.pinyin_initials.push_back(table.initials(s));
    };
    add(e.name);
    add(e.plain_name);
    for (const auto& a : e.aliases) add(a);
}

SearchEntry search_entry_from_guide_json(const nlohmann::json& guide, const std::string& kind) {
    SearchEntry e;
    e.id = string_field(guide, "id");
    e.kind = kind;
    e.name = string_field(guide, "name");
    e.plain_name = string_field(guide, "plain_name");
    e.aliases = string_list(guide, "aliases");
    e.department = string_field(guide, "department");
    for (const auto& key : string_list(guide, "life_events")) {
        e.life_events.push_back(key);
        for (const auto& [k, label] : kLifeEventLabels)
            if (key == k) e.life_events.push_back(label);
    }
    const auto pop = guide.find("popularity");
    e.popularity = pop != guide.end() && pop->is_number() ? pop->get<int>() : 0;
    return e;
}

std::string normalize_search_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        char32_t c = decode_at(text, i, len);
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x3000) {
            i += len;
            continue;
        }
        if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
        append_utf8(out, c);
        i += len;
    }
    return out;
}

// ---- index ----

namespace {

// Text bands as stored in postings (3 bits) and their scores.
constexpr std::uint32_t kBandOther = 1, kBandSubstring = 2, kBandPrefix = 3, kBandExact = 4;
constexpr int kBandScore[] = {0, kScoreOther, kScoreSubstring, kScorePrefix, kScoreExact};
constexpr unsigned kTextShift = 3, kPinyinShift = 7;

std::uint32_t letter_bit(char c) {
    if (c >= 'a' && c <= 'z') return 1u << (c - 'a');
    if (c >= '0' && c <= '9') return 1u << 26;
    return 0;
}

bool same_bytes(const char* a, const char* b, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Splits a pinyin string into syllables: its whitespace-separated tokens reduced to [a-z0-9]
// (full-width and upper-case folded). `buffer` receives the letters, `ends` each syllable's end.
void split_syllables(std::string_view full, std::string& buffer, std::vector<std::size_t>& ends) {
    buffer.clear();
    ends.clear();
    for (std::size_t i = 0; i < full.size();) {
        std::size_t len = 1;
        char32_t c = static_cast<unsigned char>(full[i]) < 0x80 ? char32_t(full[i]) : decode_at(full, i, len);
        i += len;
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
        if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000) {
            if (buffer.size() > (ends.empty() ? 0 : ends.back())) ends.push_back(buffer.size());
        } else if (c < 0x80 && is_pinyin_char(char(c))) {
            buffer.push_back(char(c));
        }
    }
    if (buffer.size() > (ends.empty() ? 0 : ends.back())) ends.push_back(buffer.size());
}

}  // namespace

SearchIndex::SearchIndex(std::vector<SearchEntry> entries) {
    // Entries sorted by id (ties between equal ids keep their order).
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return entries[a].id < entries[b].id; });
    entries_.reserve(entries.size());
    for (std::size_t i : order) entries_.push_back(std::move(entries[i]));

    ranges_.reserve(entries_.size());
    std::vector<std::pair<std::uint64_t, std::uint32_t>> text_keys;    // one entry's (key, band)
    // One entry's pinyin slots: the best sub-score per slot, and which slots it touched.
    std::vector<std::uint32_t> slot_entry(kPinyinSlots, ~std::uint32_t(0)), slot_best(kPinyinSlots, 0);
    std::vector<std::uint32_t> touched;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pinyin_all;   // all (slot, entry << 7 | sub)
    std::string letters;
    std::vector<std::size_t> ends;
    std::vector<char32_t> cps;
    for (std::uint32_t idx = 0; idx < entries_.size(); ++idx) {
        const SearchEntry& e = entries_[idx];
        Ranges r{};

        // Text haystacks, with the band a query equal to each unigram / bigram gets from them.
        text_keys.clear();
        r.text_begin = std::uint32_t(text_spans_.size());
        auto add_text = [&](const std::string& raw, Field field, std::size_t source) {
            const std::string norm = normalize_search_text(raw);
            if (norm.empty()) return;
            if (field == Field::life_event_key) {
                auto& list = key_postings_[norm];
                if (list.empty() || list.back() != idx) list.push_back(idx);
            } else {
                const bool other = field == Field::department || field == Field::life_event;
                cps.clear();
                for (std::size_t i = 0; i < norm.size();) {
                    std::size_t len = 1;
                    cps.push_back(decode_at(norm, i, len));
                    i += len;
                }
                auto band = [&](std::size_t i, std::size_t length) {
                    if (other) return kBandOther;
                    if (cps.size() == length) return kBandExact;
                    return i == 0 ? kBandPrefix : kBandSubstring;
                };
                for (std::size_t i = 0; i < cps.size(); ++i) {
                    text_keys.emplace_back(unigram_key(cps[i]), band(i, 1));
                    if (i + 1 < cps.size()) text_keys.emplace_back(bigram_key(cps[i], cps[i + 1]), band(i, 2));
                }
            }
            text_spans_.push_back({std::uint32_t(text_.size()), std::uint32_t(norm.size()), field,
                                   std::uint16_t(source)});
            text_ += norm;
        };
        add_text(e.name, Field::name, 0);
        for (std::size_t i = 0; i < e.aliases.size(); ++i) add_text(e.aliases[i], Field::alias, i);
        add_text(e.plain_name, Field::plain_name, 0);
        add_text(e.department, Field::department, 0);
        for (std::size_t i = 0; i < e.life_events.size(); ++i)
            add_text(e.life_events[i], is_ascii(e.life_events[i]) ? Field::life_event_key : Field::life_event, i);
        r.text_end = std::uint32_t(text_spans_.size());
        keep_best(text_keys);
        for (const auto& [key, band] : text_keys) text_postings_[key].push_back((idx << kTextShift) | band);

        // Pinyin strings (name, plain name, aliases) as syllables; without a full pinyin, each
        // letter of the initials is a one-letter syllable.
        touched.clear();
        r.pinyin_begin = std::uint32_t(pinyin_spans_.size());
        const std::size_t sources = std::max(e.pinyin_full.size(), e.pinyin_initials.size());
        for (std::size_t src = 0; src < sources; ++src) {
            if (src < e.pinyin_full.size() && !e.pinyin_full[src].empty()) {
                split_syllables(e.pinyin_full[src], letters, ends);
            } else if (src < e.pinyin_initials.size()) {
                split_syllables(e.pinyin_initials[src], letters, ends);
                ends.clear();
                for (std::size_t i = 1; i <= letters.size(); ++i) ends.push_back(i);
            } else {
                continue;
            }
            std::size_t n = 0;
            while (n < ends.size() && ends[n] <= 0xFFFF) ++n;
            if (n == 0) continue;
            const std::size_t total = ends[n - 1];
            PinyinSpan span{};
            span.offset = std::uint32_t(pinyin_text_.size());
            span.length = std::uint32_t(total);
            span.first_syllable = std::uint32_t(syllable_starts_.size());
            span.syllable_count = std::uint16_t(n);
            span.source = std::uint16_t(src);
            pinyin_text_.append(letters, 0, total);
            for (std::size_t k = 0; k < n; ++k) syllable_starts_.push_back(std::uint16_t(k == 0 ? 0 : ends[k - 1]));
            for (std::size_t i = 0; i < total; ++i) span.letters |= letter_bit(letters[i]);
            r.pinyin_letters |= span.letters;
            pinyin_spans_.push_back(span);

            // Every query of one to three letters that matches from a syllable start, with the
            // sub-score score_pinyin would give it: the letters split into non-empty prefixes
            // ("pieces", lengths a, b, c) of consecutive syllables.
            auto post = [&](std::uint32_t slot, bool first, bool contiguous, bool initials, std::size_t length) {
                int sub;
                if (contiguous) sub = first ? (length == total ? kPinyinExact : kPinyinStartFull) : kPinyinInnerFull;
                else if (initials) sub = first ? (length == n ? kPinyinExact : kPinyinStartInitials) : kPinyinInnerInitials;
                else sub = first ? kPinyinStartMixed : kPinyinInnerMixed;
                if (slot_entry[slot] != idx) {
                    slot_entry[slot] = idx;
                    slot_best[slot] = std::uint32_t(sub);
                    touched.push_back(slot);
                } else if (slot_best[slot] < std::uint32_t(sub)) {
                    slot_best[slot] = std::uint32_t(sub);
                }
            };
            constexpr std::uint32_t kScale1 = kPinyinSymbols, kScale2 = kPinyinSymbols * kPinyinSymbols;
            const std::uint32_t scales[3] = {1, kScale1, kScale2};
            for (std::size_t k = 0; k < n; ++k) {
                const bool first = k == 0;
                const char* s0 = letters.data() + (k == 0 ? 0 : ends[k - 1]);
                const std::size_t len0 = ends[k] - (k == 0 ? 0 : ends[k - 1]);
                const char* s1 = letters.data() + ends[k];
                const std::size_t len1 = k + 1 < n ? ends[k + 1] - ends[k] : 0;
                const char* s2 = k + 2 < n ? letters.data() + ends[k + 1] : nullptr;
                std::uint32_t slot_a = 0;
                for (std::size_t a = 1; a <= std::min<std::size_t>(3, len0); ++a) {
                    slot_a += pinyin_symbol(s0[a - 1]) * scales[a - 1];
                    post(slot_a, first, true, a == 1, a);
                    std::uint32_t slot_ab = slot_a;
                    for (std::size_t b = 1; a + b <= 3 && b <= len1; ++b) {
                        slot_ab += pinyin_symbol(s1[b - 1]) * scales[a + b - 1];
                        post(slot_ab, first, a == len0, a == 1 && b == 1, a + b);
                        if (a + b == 2 && s2)
                            post(slot_ab + pinyin_symbol(s2[0]) * kScale2, first, a == len0 && b == len1, true, 3);
                    }
                }
            }
        }
        r.pinyin_end = std::uint32_t(pinyin_spans_.size());
        for (std::uint32_t slot : touched) pinyin_all.emplace_back(slot, (idx << kPinyinShift) | slot_best[slot]);
        ranges_.push_back(r);
    }

    // Pinyin postings as one array grouped by slot (a counting sort keeps the entry order).
    pinyin_offsets_.assign(kPinyinSlots + 1, 0);
    for (const auto& [slot, value] : pinyin_all) ++pinyin_offsets_[slot + 1];
    for (std::size_t i = 1; i < pinyin_offsets_.size(); ++i) pinyin_offsets_[i] += pinyin_offsets_[i - 1];
    pinyin_postings_.resize(pinyin_all.size());
    std::vector<std::uint32_t> fill(pinyin_offsets_.begin(), pinyin_offsets_.end() - 1);
    for (const auto& [slot, value] : pinyin_all) pinyin_postings_[fill[slot]++] = value;
}

const SearchEntry* SearchIndex::find(const std::string& id) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                                     [](const SearchEntry& e, const std::string& key) { return e.id < key; });
    return it != entries_.end() && it->id == id ? &*it : nullptr;
}

void SearchIndex::score_text(std::uint32_t entry, std::string_view q, Match& best) const {
    const Ranges& r = ranges_[entry];
    for (std::uint32_t i = r.text_begin; i < r.text_end; ++i) {
        const TextSpan& span = text_spans_[i];
        const std::string_view h(text_.data() + span.offset, span.length);
        int score = 0;
        switch (span.field) {
            case Field::name:
            case Field::alias:
            case Field::plain_name:
                if (h.size() < q.size()) break;
                if (h.size() == q.size() && h == q) score = kScoreExact;
                else if (same_bytes(h.data(), q.data(), q.size())) score = kScorePrefix;
                else if (h.find(q) != std::string_view::npos) score = kScoreSubstring;
                break;
            case Field::department:
            case Field::life_event:
                if (h.find(q) != std::string_view::npos) score = kScoreOther;
                break;
            case Field::life_event_key:
                if (h == q) score = kScoreOther;
                break;
        }
        if (score > best.score) {
            best.score = score;
            best.pinyin = false;
            best.field = span.field;
            best.source = span.source;
            if (score == kScoreExact) break;
        }
    }
}

void SearchIndex::score_pinyin(std::uint32_t entry, std::string_view q, std::uint32_t q_letters, Match& best) const {
    const Ranges& r = ranges_[entry];
    if (q_letters & ~r.pinyin_letters) return;
    for (std::uint32_t i = r.pinyin_begin; i < r.pinyin_end; ++i) {
        const PinyinSpan& span = pinyin_spans_[i];
        if (q_letters & ~span.letters) continue;
        const char* s = pinyin_text_.data() + span.offset;
        // Only a match from the first syllable can score above kPinyinInnerFull.
        if (kScorePinyin + (s[0] == q[0] ? kPinyinExact : kPinyinInnerFull) <= best.score) continue;
        const std::uint16_t* starts = syllable_starts_.data() + span.first_syllable;
        const std::size_t n = span.syllable_count, total = span.length;
        // First the cheap checks at every syllable (full pinyin, initials), then the search for
        // a mix of both only where it could still improve the score.
        int sub = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t at = starts[k];
            if (s[at] != q[0]) continue;
            const bool first = k == 0;
            if (total - at >= q.size() && same_bytes(s + at, q.data(), q.size()))
                sub = std::max(sub, first ? (q.size() == total ? kPinyinExact : kPinyinStartFull) : kPinyinInnerFull);
            if (n - k >= q.size()) {
                std::size_t j = 1;
                while (j < q.size() && s[starts[k + j]] == q[j]) ++j;
                if (j == q.size())
                    sub = std::max(sub, first ? (q.size() == n ? kPinyinExact : kPinyinStartInitials) : kPinyinInnerInitials);
            }
            if (sub >= kPinyinInnerFull) break;  // a later syllable cannot do better
        }
        const int floor = std::max(sub, best.score - kScorePinyin);
        if (q.size() <= kMaxPinyinQuery && (floor < kPinyinInnerMixed || (floor < kPinyinStartMixed && s[0] == q[0]))) {
            const int mixed = mixed_match(s, starts, n, total, q);
            if (mixed == 2) sub = std::max(sub, kPinyinStartMixed);
            else if (mixed == 1) sub = std::max(sub, kPinyinInnerMixed);
        }
        if (sub > 0 && kScorePinyin + sub > best.score) {
            best.score = kScorePinyin + sub;
            best.pinyin = true;
            best.source = span.source;
            best.field = span.source == 0 ? Field::name : span.source == 1 ? Field::plain_name : Field::alias;
            if (sub == kPinyinExact) return;
        }
    }
}

bool SearchIndex::passes_filter(std::uint32_t entry, const std::string& life_event) const {
    const auto& events = entries_[entry].life_events;
    return std::find(events.begin(), events.end(), life_event) != events.end();
}

SearchResult SearchIndex::make_result(const Match& m) const {
    const SearchEntry& e = entries_[m.entry];
    SearchResult r;
    r.id = e.id;
    r.kind = e.kind;
    r.score = m.score;
    switch (m.field) {
        case Field::name: r.field = "name"; r.matched_text = e.name; break;
        case Field::alias:
            r.field = "alias";
            if (m.pinyin) r.matched_text = m.source >= 2 && m.source - 2u < e.aliases.size() ? e.aliases[m.source - 2] : "";
            else r.matched_text = m.source < e.aliases.size() ? e.aliases[m.source] : "";
            break;
        case Field::plain_name: r.field = "plain_name"; r.matched_text = e.plain_name; break;
        case Field::department: r.field = "department"; r.matched_text = e.department; break;
        case Field::life_event:
        case Field::life_event_key:
            r.field = "life_event";
            r.matched_text = m.source < e.life_events.size() ? e.life_events[m.source] : "";
            break;
    }
    if (m.pinyin) r.field = "pinyin_" + r.field;
    return r;
}

std::vector<SearchResult> SearchIndex::search(std::string_view query, std::size_t limit,
                                              const std::optional<std::string>& life_event) const {
    std::vector<SearchResult> results;
    const std::string q = normalize_search_text(query);
    if (q.empty() || limit == 0 || entries_.empty()) return results;

    // Candidates: text postings (the rarest bigram of the query, or its one code point),
    // exact life event keys, and for ASCII queries the pinyin syllable-start postings.
    // Queries of one or two code points (text) or letters (pinyin) take their score straight
    // from the postings; longer ones are verified against the haystacks.
    static const std::vector<std::uint32_t> kNone;
    const std::vector<std::uint32_t>* text = &kNone;
    bool text_direct = false;
    {
        const auto cps = code_points(q);
        text_direct = cps.size() <= 2;
        if (cps.size() == 1) {
            const auto it = text_postings_.find(unigram_key(cps[0]));
            if (it != text_postings_.end()) text = &it->second;
        } else {
            for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
                const auto it = text_postings_.find(bigram_key(cps[i], cps[i + 1]));
                if (it == text_postings_.end()) { text = &kNone; break; }
                if (i == 0 || it->second.size() < text->size()) text = &it->second;
            }
        }
    }
    const std::vector<std::uint32_t>* keys = &kNone;
    if (const auto it = key_postings_.find(q); it != key_postings_.end()) keys = &it->second;

    std::string pq;  // the pinyin query: letters and digits (apostrophes dropped)
    std::uint32_t pq_letters = 0;
    const std::uint32_t* pinyin = nullptr;
    std::size_t pinyin_size = 0;
    if (std::all_of(q.begin(), q.end(), [](char c) { return is_pinyin_char(c) || c == '\''; })) {
        for (char c : q)
            if (c != '\'') {
                pq.push_back(c);
                pq_letters |= letter_bit(c);
            }
        const std::uint32_t slot = pinyin_slot(std::string_view(pq).substr(0, 3));
        if (slot != kNoSlot && !pinyin_offsets_.empty()) {
            pinyin = pinyin_postings_.data() + pinyin_offsets_[slot];
            pinyin_size = pinyin_offsets_[slot + 1] - pinyin_offsets_[slot];
        }
    }
    const bool pinyin_direct = pq.size() <= 3;

    std::vector<Match> matches;
    matches.reserve(std::min<std::size_t>(entries_.size(), text->size() + keys->size() + pinyin_size));
    std::size_t ti = 0, ki = 0, pi = 0;
    constexpr std::uint32_t kEnd = ~std::uint32_t(0);
    for (;;) {
        const std::uint32_t t = ti < text->size() ? (*text)[ti] >> kTextShift : kEnd;
        const std::uint32_t k = ki < keys->size() ? (*keys)[ki] : kEnd;
        const std::uint32_t p = pi < pinyin_size ? pinyin[pi] >> kPinyinShift : kEnd;
        const std::uint32_t e = std::min({t, k, p});
        if (e == kEnd) break;
        const std::uint32_t t_code = t == e ? (*text)[ti++] & ((1u << kTextShift) - 1) : 0;
        const bool key_hit = k == e;
        if (key_hit) ++ki;
        const std::uint32_t p_code = p == e ? pinyin[pi++] & ((1u << kPinyinShift) - 1) : 0;
        if (life_event && !passes_filter(e, *life_event)) continue;
        Match m;
        m.entry = e;
        if (t == e) {
            if (text_direct) m.score = kBandScore[t_code];
            else score_text(e, q, m);
        }
        if (key_hit) m.score = std::max(m.score, kScoreOther);
        if (p == e && m.score == 0) {
            if (pinyin_direct) m.score = kScorePinyin + int(p_code);
            else score_pinyin(e, pq, pq_letters, m);
        }
        if (m.score > 0) matches.push_back(m);
    }

    auto better = [this](const Match& a, const Match& b) {
        if (a.score != b.score) return a.score > b.score;
        const int pa = entries_[a.entry].popularity, pb = entries_[b.entry].popularity;
        if (pa != pb) return pa > pb;
        return a.entry < b.entry;  // entries are sorted by id
    };
    const std::size_t n = std::min(limit, matches.size());
    std::partial_sort(matches.begin(), matches.begin() + std::ptrdiff_t(n), matches.end(), better);
    results.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        // Which field matched is worked out for the results shown only.
        Match detail;
        detail.entry = matches[i].entry;
        if (matches[i].score >= kScoreOther) score_text(detail.entry, q, detail);
        else score_pinyin(detail.entry, pq, pq_letters, detail);
        detail.score = matches[i].score;
        results.push_back(make_result(detail));
    }
    return results;
}

}  // namespace dp
