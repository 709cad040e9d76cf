// Chinese-aware line breaking for any renderer that can measure text: UTF-8 helpers, the
// kinsoku rules (no closing punctuation at a line start, no opening one at a line end), and
// Latin words and numbers kept whole.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dp {

// ---- UTF-8

// Decodes the code point at `pos` and moves `pos` past it. A malformed or truncated sequence
// yields U+FFFD and advances one byte, so every input terminates.
char32_t decode_utf8(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t code_point);
std::size_t utf8_length(std::string_view text);            // in code points
std::vector<char32_t> utf8_code_points(std::string_view text);

// ---- character classes

// Ideographs, kana, hangul, full-width forms, CJK punctuation: a line may break around them.
bool is_wide_char(char32_t c);
// Closing punctuation and marks that must not begin a line: 、。，．：；！？）」』】〕〉》”’ …
bool is_no_line_start(char32_t c);
// Opening punctuation that must not end a line: （「『【〔〈《“‘ …
bool is_no_line_end(char32_t c);

// ---- breaking

// Width of a UTF-8 piece in the renderer's units (pixels, ems …). Assumed additive.
using MeasureText = std::function<float(std::string_view utf8_piece)>;

struct LineBreakOptions {
    // Let one closing punctuation mark hang past the right edge instead of pulling the
    // previous character down to the next line.
    bool hang_closing_punctuation = false;
};

// Breaks `text` into lines no wider than `max_width`: CJK between any two characters (except
// where kinsoku forbids), Latin words, numbers and URLs only at spaces unless one alone is
// longer than a line, and always at '\n'. Spaces at a wrap are dropped. A paragraph that wraps
// never ends with one lone CJK character (明天 08:30 开 / 门 becomes 明天 08:30 / 开门) where
// the rules allow. A paragraph that is empty gives an empty line; empty text gives no lines.
std::vector<std::string> break_lines(std::string_view text, float max_width, const MeasureText& measure,
                                     const LineBreakOptions& options = {});

}  // namespace dp
