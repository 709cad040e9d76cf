// Pinyin for catalogue strings: parsing Unihan kMandarin readings, tone removal, and the full
// pinyin / initials of UTF-8 text. The only file access is load_pinyin_table_file (a loader).
#include "pinyin.hpp"

#include <fstream>
#include <utility>

namespace dp {

// Decodes the code point at s[i]; `len` receives its byte length (1 for an invalid byte,
// which is returned as itself so that it passes through unchanged).
char32_t utf8_code_point_at(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 < 0x80) { len = 1; return b0; }
    if ((b0 & 0xE0) == 0xC0) {
        const int c1 = cont(1);
        if (c1 >= 0) { len = 2; return (char32_t(b0 & 0x1F) << 6) | char32_t(c1); }
    } else if ((b0 & 0xF0) == 0xE0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) { len = 3; return (char32_t(b0 & 0x0F) << 12) | (char32_t(c1) << 6) | char32_t(c2); }
    } else if ((b0 & 0xF8) == 0xF0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) {
            len = 4;
            return (char32_t(b0 & 0x07) << 18) | (char32_t(c1) << 12) | (char32_t(c2) << 6) | char32_t(c3);
        }
    }
    len = 1;
    return b0;
}

namespace {


bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000';
}

// Tone-marked letters used in pinyin (as in Unihan kMandarin) and their plain ASCII letter.
// ü and its toned forms become v, the usual keyboard spelling.
struct ToneFold {
    const char* marked;
    char plain;
};
constexpr ToneFold kToneFolds[] = {
    {"āáǎàĀÁǍÀ", 'a'}, {"ēéěèêếềĒÉĚÈÊ", 'e'}, {"īíǐìĪÍǏÌ", 'i'}, {"ōóǒòŌÓǑÒ", 'o'},
    {"ūúǔùŪÚǓÙ", 'u'}, {"üǖǘǚǜÜǕǗǙǛ", 'v'}, {"ḿḾ", 'm'}, {"ńňǹŃŇǸ", 'n'},
};

char fold_tone_letter(char32_t c) {
    for (const auto& f : kToneFolds) {
        const std::string_view marked(f.marked);
        for (std::size_t i = 0; i < marked.size();) {
            std::size_t len = 1;
            if (utf8_code_point_at(marked, i, len) == c) return f.plain;
            i += len;
        }
    }
    return 0;
}

// Parses "U+8EAB" → 0x8EAB; 0 when malformed.
char32_t parse_code_point(std::string_view field) {
    if (field.size() < 3 || field[0] != 'U' || field[1] != '+') return 0;
    char32_t value = 0;
    for (std::size_t i = 2; i < field.size(); ++i) {
        const char ch = field[i];
        int digit;
        if (ch >= '0' && ch <= '9') digit = ch - '0';
        else if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
        else if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
        else return 0;
        value = value * 16 + char32_t(digit);
        if (value > 0x10FFFF) return 0;
    }
    return value;
}

}  // namespace

std::string pinyin_strip_tones(std::string_view syllable) {
    std::string out;
    out.reserve(syllable.size());
    for (std::size_t i = 0; i < syllable.size();) {
        std::size_t len = 1;
        const char32_t c = utf8_code_point_at(syllable, i, len);
        if (c < 0x80) {
            out.push_back(c >= U'A' && c <= U'Z' ? char(c - U'A' + U'a') : char(c));
        } else if (c >= 0x300 && c <= 0x36F) {
            // combining diacritical mark (e.g. "m̀" written with U+0300): dropped
        } else if (const char plain = fold_tone_letter(c)) {
            out.push_back(plain);
        } else {
            out.append(syllable.substr(i, len));
        }
        i += len;
    }
    return out;
}

PinyinTable PinyinTable::from_unihan(std::istream& in) {
    PinyinTable table;
    std::string line;
    constexpr std::string_view kField = "\tkMandarin\t";
    while (std::getline(in, line)) {
        if (line.empty() || line[0] != 'U') continue;
        const std::string_view view(line);
        const std::size_t tab = view.find(kField);
        if (tab == std::string_view::npos) continue;
        const char32_t cp = parse_code_point(view.substr(0, tab));
        if (cp == 0) continue;
        std::string_view value = view.substr(tab + kField.size());
        while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.remove_suffix(1);
        const std::size_t space = value.find(' ');
        if (space != std::string_view::npos) value = value.substr(0, space);  // first reading
        if (!value.empty()) table.set(cp, value);
    }
    return table;
}

void PinyinTable::set(char32_t code_point, std::string_view reading) {
    std::string plain = pinyin_strip_tones(reading);
    if (plain.empty()) readings_.erase(code_point);
    else readings_[code_point] = std::move(plain);
}

std::string_view PinyinTable::reading(char32_t code_point) const {
    const auto it = readings_.find(code_point);
    return it == readings_.end() ? std::string_view() : std::string_view(it->second);
}

std::string PinyinTable::full(std::string_view utf8) const {
    std::string out;
    out.reserve(utf8.size() * 2);
    bool in_passthrough = false;  // inside a run of characters without a reading
    auto separate = [&] {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
    };
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t len = 1;
        const char32_t c = utf8_code_point_at(utf8, i, len);
        if (is_space(c)) {
            in_passthrough = false;
        } else if (const std::string_view r = reading(c); !r.empty()) {
            separate();
            out.append(r);
            in_passthrough = false;
        } else {
            if (!in_passthrough) separate();
            out.append(utf8.substr(i, len));
            in_passthrough = true;
        }
        i += len;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string PinyinTable::initials(std::string_view utf8) const {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t len = 1;
        const char32_t c = utf8_code_point_at(utf8, i, len);
        if (!is_space(c)) {
            if (const std::string_view r = reading(c); !r.empty()) out.push_back(r[0]);
            else out.append(utf8.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::optional<PinyinTable> load_pinyin_table_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    PinyinTable table = PinyinTable::from_unihan(in);
    if (table.empty()) return std::nullopt;
    return table;
}

}  // namespace dp
