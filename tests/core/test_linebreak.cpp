// Tests of shared/linebreak: UTF-8 helpers, kinsoku (no closing punctuation at a line start,
// no opening punctuation at a line end), Latin words kept whole, spaces and newlines.
#include <doctest/doctest.h>
#include "linebreak.hpp"

#include <string>
#include <vector>

namespace {

using Lines = std::vector<std::string>;

// A monospace measure: wide (CJK) characters are 2 units, everything else 1.
float cells(std::string_view piece) {
    float w = 0;
    for (char32_t c : dp::utf8_code_points(piece)) w += dp::is_wide_char(c) ? 2.0f : 1.0f;
    return w;
}

Lines wrap(std::string_view text, float width, dp::LineBreakOptions options = {}) {
    return dp::break_lines(text, width, cells, options);
}

std::string first_char(const std::string& s) {
    std::size_t pos = 0;
    std::string out;
    if (!s.empty()) dp::append_utf8(out, dp::decode_utf8(s, pos));
    return out;
}

char32_t last_code_point(const std::string& s) {
    auto cps = dp::utf8_code_points(s);
    return cps.empty() ? 0 : cps.back();
}

}  // namespace

TEST_CASE("UTF-8 decoding reads one to four byte sequences and survives malformed bytes") {
    std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\xA0\x80\xBE";  // a é 中 𠀾
    auto cps = dp::utf8_code_points(s);
    REQUIRE(cps.size() == 4);
    CHECK(cps[0] == U'a');
    CHECK(cps[1] == U'\u00E9');
    CHECK(cps[2] == U'中');
    CHECK(cps[3] == U'\U0002003E');
    CHECK(dp::utf8_length(s) == 4);
    std::string back;
    for (char32_t c : cps) dp::append_utf8(back, c);
    CHECK(back == s);
    // truncated, stray continuation, overlong and surrogate sequences become U+FFFD
    CHECK(dp::utf8_code_points("\xE4\xB8") == std::vector<char32_t>{0xFFFD, 0xFFFD});
    CHECK(dp::utf8_code_points("\x80x") == std::vector<char32_t>{0xFFFD, U'x'});
    CHECK(dp::utf8_code_points("\xC0\xAF").front() == 0xFFFD);
    CHECK(dp::utf8_code_points("\xED\xA0\x80").front() == 0xFFFD);
}

TEST_CASE("character classes know CJK, closing and opening punctuation") {
    CHECK(dp::is_wide_char(U'中'));
    CHECK(dp::is_wide_char(U'，'));
    CHECK(dp::is_wide_char(U'\U0002003E'));
    CHECK_FALSE(dp::is_wide_char(U'a'));
    CHECK_FALSE(dp::is_wide_char(U'5'));
    for (char32_t c : std::u32string(U"、。，．：；！？）」』】〕〉》”’")) CHECK(dp::is_no_line_start(c));
    for (char32_t c : std::u32string(U"（「『【〔〈《“‘")) CHECK(dp::is_no_line_end(c));
    CHECK_FALSE(dp::is_no_line_start(U'中'));
    CHECK_FALSE(dp::is_no_line_end(U'中'));
}

TEST_CASE("Chinese text breaks between any two characters to fill each line") {
    CHECK(wrap("身份证到期了换新证件", 8) == Lines{"身份证到", "期了换新", "证件"});
    CHECK(wrap("短", 8) == Lines{"短"});
    CHECK(wrap("", 8).empty());
}

TEST_CASE("no line starts with closing punctuation: the previous character comes down too") {
    // 4 per line would put "，" first on line 2
    auto lines = wrap("带上户口，再去窗口", 8);
    CHECK(lines == Lines{"带上户", "口，再去", "窗口"});
    for (const auto& l : wrap("原件、复印件各一份。请核对：姓名、号码！", 6))
        CHECK_FALSE(dp::is_no_line_start(dp::utf8_code_points(l).front()));
    // a run of closing marks stays together
    CHECK(wrap("他说“好。”", 6) == Lines{"他说", "“好。”"});
}

TEST_CASE("no line ends with opening punctuation: it moves down with what it opens") {
    auto lines = wrap("请带上《居民户口簿》原件", 8);
    CHECK(lines == Lines{"请带上", "《居民户", "口簿》", "原件"});  // not a lone 件 (孤字)
    for (const auto& l : wrap("材料（原件）和「复印件」都要带【重要】", 6))
        CHECK_FALSE(dp::is_no_line_end(last_code_point(l)));
}

TEST_CASE("a paragraph does not end with one lone character: the one before comes down") {
    CHECK(wrap("身份证到期了换新证", 8) == Lines{"身份证到", "期了换", "新证"});
    CHECK(wrap("休息中 · 明天 08:30 开门", 20) == Lines{"休息中 · 明天 08:30", "开门"});
    CHECK(wrap("带上户口簿原件。", 12) == Lines{"带上户口簿", "原件。"});  // 件。 is still one character
    CHECK(wrap("第一段落末字\n第二段", 10) == Lines{"第一段落", "末字", "第二段"});  // per paragraph
    CHECK(wrap("办证", 2) == Lines{"办", "证"});  // the two would not fit
    CHECK(wrap("证件照片（近期）拍", 10) == Lines{"证件照片", "（近期）拍"});  // an opening mark never ends a line
    CHECK(wrap("两个字", 4) == Lines{"两个", "字"});  // the line before would be left with one character
}

TEST_CASE("a closing mark may hang past the edge when hanging is allowed") {
    dp::LineBreakOptions hang;
    hang.hang_closing_punctuation = true;
    // only when the text without the mark fits
    CHECK(wrap("带上户口簿，再去窗口", 8, hang) == Lines{"带上户口", "簿，再去", "窗口"});
    CHECK(wrap("带上户口，再去", 8, hang) == Lines{"带上户口，", "再去"});
}

TEST_CASE("Latin words, numbers and links are kept whole") {
    CHECK(wrap("标准GB11643规定", 8) == Lines{"标准", "GB11643", "规定"});
    CHECK(wrap("收费20元", 6) == Lines{"收费20", "元"});
    CHECK(wrap("约3.5天", 4) == Lines{"约", "3.5", "天"});
    CHECK(wrap("约3.5天", 5) == Lines{"约3.5", "天"});
    auto lines = wrap("网址https://zwfw.fujian.gov.cn/可办", 40);
    CHECK(lines == Lines{"网址https://zwfw.fujian.gov.cn/可办"});
    CHECK(wrap("网址https://a.cn可办", 12) == Lines{"网址", "https://a.cn", "可办"});
    CHECK(wrap("12345678", 10) == Lines{"12345678"});
}

TEST_CASE("a word longer than a line is cut where it must be") {
    auto lines = wrap("https://zwfw.fujian.gov.cn", 10);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "https://zw");
    CHECK(lines[0] + lines[1] + lines[2] == "https://zwfw.fujian.gov.cn");
    for (const auto& l : lines) CHECK(cells(l) <= 10);
}

TEST_CASE("spaces are break points and vanish at a wrap") {
    CHECK(wrap("Renewing a resident ID card", 12) == Lines{"Renewing a", "resident ID", "card"});
    CHECK(wrap("one  two", 4) == Lines{"one", "two"});
    CHECK(wrap("  indented", 20) == Lines{"  indented"});
    CHECK(wrap("tail   ", 20) == Lines{"tail"});
}

TEST_CASE("newlines always break, and an empty paragraph is an empty line") {
    CHECK(wrap("第一行\n第二行", 20) == Lines{"第一行", "第二行"});
    CHECK(wrap("甲\n\n乙", 20) == Lines{"甲", "", "乙"});
    CHECK(wrap("甲\r\n乙\n", 20) == Lines{"甲", "乙", ""});
}

TEST_CASE("a line too narrow for one character still makes progress") {
    auto lines = wrap("办证", 1);
    CHECK(lines == Lines{"办", "证"});
    CHECK(wrap("（注）", 1) == Lines{"（注）"});  // glued: cannot be split at all
}

TEST_CASE("no line is wider than the limit for ordinary guide text") {
    const std::string text =
        "身份证快到期、已经过期、坏了看不清或者丢了，都可以来换新的。带上《居民户口簿》（本市户籍可免），"
        "在“闽政通”APP预约后到窗口办理，工本费20元，约20个工作日（可邮寄）。";
    for (float width : {6.0f, 9.0f, 14.0f, 30.0f}) {
        auto lines = wrap(text, width);
        std::string joined;
        for (const auto& l : lines) {
            CHECK(cells(l) <= width);
            CHECK_FALSE(dp::is_no_line_start(dp::utf8_code_points(l).front()));
            CHECK_FALSE(dp::is_no_line_end(last_code_point(l)));
            joined += l;
        }
        CHECK(joined == text);
    }
    CHECK(first_char(wrap(text, 6)[1]) != "，");
}
