// UTF-8 decoding, character classes for CJK line breaking, and the greedy line breaker.
#include "linebreak.hpp"

#include <algorithm>

namespace dp {

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b0 = byte(pos);
    std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || pos + len > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t i = 1; i < len; ++i) {
        unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range values are malformed.
    static const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return 0xFFFD;
    }
    pos += len;
    return cp;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n) decode_utf8(text, pos);
    return n;
}

std::vector<char32_t> utf8_code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(decode_utf8(text, pos));
    return out;
}

bool is_wide_char(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3040 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19) ||
           (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
           (c >= 0x20000 && c <= 0x3FFFD) ||
           // quotation marks, dashes and ellipsis as used in Chinese text
           (c >= 0x2014 && c <= 0x201F) || c == 0x2026 || c == 0x2025 || c == 0x00B7;
}

bool is_no_line_start(char32_t c) {
    static const char32_t list[] = {
        U'、', U'。', U'，', U'．', U'：', U'；', U'！', U'？', U'）', U'」', U'』', U'】', U'〕', U'〉',
        U'》', U'”', U'’', U'］', U'｝', U'〗', U'〙', U'〛', U'｠', U'〞', U'・', U'·', U'‥', U'…',
        U'％', U'‰', U'℃', U'°', U'ー', U'々', U'〻', U'ゝ', U'ゞ', U'ヽ', U'ヾ', U'ぁ', U'ぃ', U'ぅ',
        U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ',
        U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ', U'｡', U'｣', U'､', U')', U']', U'}', U',', U'.', U':', U';',
        U'!', U'?', U'%', U'﹚', U'﹜', U'﹞', U'︰', U'﹐', U'﹒', U'﹔', U'﹕', U'﹖', U'﹗'};
    return std::find(std::begin(list), std::end(list), c) != std::end(list);
}

bool is_no_line_end(char32_t c) {
    static const char32_t list[] = {U'（', U'「', U'『', U'【', U'〔', U'〈', U'《', U'“', U'‘', U'［',
                                    U'｛', U'〖', U'〘', U'〚', U'｟', U'〝', U'｢', U'(', U'[', U'{',
                                    U'￥', U'＄', U'£', U'¥', U'$', U'﹙', U'﹛', U'﹝'};
    return std::find(std::begin(list), std::end(list), c) != std::end(list);
}

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t'; }

// A piece is the smallest unit the breaker places: one wide character, a run of other
// non-space characters (a Latin word, a number, a URL), a space, or a newline.
struct Piece {
    enum Kind { text, space, newline } kind = text;
    std::string utf8;
    char32_t first = 0, last = 0;
};

std::vector<Piece> split_pieces(std::string_view s) {
    std::vector<Piece> out;
    bool in_run = false;   // extending a non-wide, non-space run
    for (std::size_t pos = 0; pos < s.size();) {
        std::size_t begin = pos;
        char32_t c = decode_utf8(s, pos);
        std::string_view bytes = s.substr(begin, pos - begin);
        if (c == U'\r') continue;
        if (c == U'\n') {
            out.push_back({Piece::newline, {}, c, c});
            in_run = false;
        } else if (is_space(c)) {
            out.push_back({Piece::space, std::string(bytes), c, c});
            in_run = false;
        } else if (is_wide_char(c)) {
            out.push_back({Piece::text, std::string(bytes), c, c});
            in_run = false;
        } else if (in_run) {
            out.back().utf8 += bytes;
            out.back().last = c;
        } else {
            out.push_back({Piece::text, std::string(bytes), c, c});
            in_run = true;
        }
    }
    return out;
}

// An atom is a group of text pieces that must stay on one line: kinsoku glue joins a piece
// starting with closing punctuation to the one before, a piece after opening punctuation to
// that punctuation, and repeated dashes or ellipses together.
struct Atom {
    enum Kind { text, space, newline } kind = text;
    std::vector<Piece> pieces;
    std::string utf8() const {
        std::string s;
        for (const auto& p : pieces) s += p.utf8;
        return s;
    }
};

bool is_inseparable_pair(char32_t a, char32_t b) {
    return a == b && (a == U'—' || a == U'…' || a == U'‥' || a == U'─');
}

std::vector<Atom> group_atoms(const std::vector<Piece>& pieces) {
    std::vector<Atom> out;
    for (const Piece& p : pieces) {
        if (p.kind != Piece::text) {
            out.push_back({p.kind == Piece::space ? Atom::space : Atom::newline, {p}});
            continue;
        }
        if (!out.empty() && out.back().kind == Atom::text) {
            const Piece& prev = out.back().pieces.back();
            if (is_no_line_start(p.first) || is_no_line_end(prev.last) || is_inseparable_pair(prev.last, p.first)) {
                out.back().pieces.push_back(p);
                continue;
            }
        }
        out.push_back({Atom::text, {p}});
    }
    return out;
}

struct LineBuilder {
    float max_width;
    const MeasureText& measure;
    std::vector<std::string> lines;
    std::string line;
    float width = 0;
    std::string pending_space;   // spaces between the line so far and the next atom
    float pending_width = 0;

    bool empty() const { return line.empty(); }
    void flush() {
        lines.push_back(line);
        line.clear();
        width = 0;
        pending_space.clear();
        pending_width = 0;
    }
    void add(const std::string& s, float w) {
        line += pending_space;
        width += pending_width;
        pending_space.clear();
        pending_width = 0;
        line += s;
        width += w;
    }
    // An atom wider than a whole line: character by character, closing marks hanging.
    void add_by_characters(const std::string& s) {
        char32_t previous = 0;
        for (std::size_t pos = 0; pos < s.size();) {
            std::size_t begin = pos;
            char32_t c = decode_utf8(s, pos);
            std::string ch(s.substr(begin, pos - begin));
            float w = measure(ch);
            if (!empty() && width + pending_width + w > max_width && !is_no_line_start(c) &&
                !is_no_line_end(previous))
                flush();
            add(ch, w);
            previous = c;
        }
    }
};

// A paragraph that wrapped must not end with one lone character (孤字, e.g. 开 / 门): the last
// character of the line before moves down to keep it company, when that is allowed (no
// closing mark starts the line, no opening mark ends the one before, which keeps two or more
// characters) and the two still fit.
void keep_last_character_company(std::vector<std::string>& lines, std::size_t paragraph_start, std::string& last,
                                 float max_width, const MeasureText& measure) {
    if (lines.size() <= paragraph_start) return;  // the paragraph did not wrap
    const auto tail = utf8_code_points(last);
    int characters = 0;
    for (char32_t c : tail) {
        if (!is_wide_char(c)) return;
        if (!is_no_line_start(c)) ++characters;
    }
    if (characters != 1 || is_no_line_start(tail.front())) return;
    std::string& before = lines.back();
    const auto cps = utf8_code_points(before);
    if (cps.size() < 3) return;
    const char32_t moved = cps.back(), now_last = cps[cps.size() - 2];
    if (!is_wide_char(moved) || is_no_line_start(moved) || is_no_line_end(now_last) || is_no_line_end(moved) ||
        is_inseparable_pair(now_last, moved))
        return;
    std::string moved_utf8;
    append_utf8(moved_utf8, moved);
    const std::string joined = moved_utf8 + last;
    if (measure(joined) > max_width) return;
    before.erase(before.size() - moved_utf8.size());
    last = joined;
}

}  // namespace

std::vector<std::string> break_lines(std::string_view text, float max_width, const MeasureText& measure,
                                     const LineBreakOptions& options) {
    if (text.empty()) return {};
    auto atoms = group_atoms(split_pieces(text));
    LineBuilder b{max_width, measure, {}, {}, 0, {}, 0};
    bool after_wrap = false;   // the current line began by wrapping (not at a paragraph start)
    std::size_t paragraph_start = 0;  // the index in b.lines of the paragraph's first line
    for (const Atom& atom : atoms) {
        if (atom.kind == Atom::newline) {
            keep_last_character_company(b.lines, paragraph_start, b.line, max_width, measure);
            b.flush();
            paragraph_start = b.lines.size();
            after_wrap = false;
            continue;
        }
        if (atom.kind == Atom::space) {
            if (b.empty() && after_wrap) continue;   // spaces at a wrap are dropped
            b.pending_space += atom.pieces[0].utf8;
            b.pending_width += measure(atom.pieces[0].utf8);
            continue;
        }
        std::string s = atom.utf8();
        float w = 0;
        for (const auto& p : atom.pieces) w += measure(p.utf8);
        if (b.width + b.pending_width + w <= b.max_width) {
            b.add(s, w);
            continue;
        }
        if (options.hang_closing_punctuation && !b.empty() && atom.pieces.size() > 1) {
            // Fits but for one closing mark at its end: let the mark hang past the edge.
            const Piece& last = atom.pieces.back();
            if (is_no_line_start(last.first) && utf8_length(last.utf8) == 1 &&
                b.width + b.pending_width + (w - measure(last.utf8)) <= b.max_width) {
                b.add(s, w);
                continue;
            }
        }
        if (!b.empty()) {
            b.flush();
            after_wrap = true;
        }
        b.pending_space.clear();
        b.pending_width = 0;
        if (w <= b.max_width)
            b.add(s, w);
        else
            b.add_by_characters(s);
    }
    keep_last_character_company(b.lines, paragraph_start, b.line, max_width, measure);
    b.lines.push_back(b.line);
    // Trailing spaces never end a line.
    for (auto& line : b.lines)
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    return b.lines;
}

}  // namespace dp
