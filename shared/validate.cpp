// Field validators (ID number, mobile, USCC, person name, date, text), the validate_field entry
// point and whole-form validation. Messages are plain Simplified Chinese; nothing here has a clock.
#include "validate.hpp"

#include "region_codes.hpp"

#include <algorithm>
#include <cstdio>

namespace dp {

// ---- UTF-8 -------------------------------------------------------------------------------------

std::optional<std::u32string> decode_utf8_strict(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        const unsigned char b0 = static_cast<unsigned char>(bytes[i]);
        if (b0 < 0x80) {
            out.push_back(b0);
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2; cp = b0 & 0x1F; min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3; cp = b0 & 0x0F; min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4; cp = b0 & 0x07; min = 0x10000;
        } else {
            return std::nullopt;  // continuation byte, C0/C1 overlong lead, or F5–FF
        }
        if (i + static_cast<std::size_t>(len) > n) return std::nullopt;
        for (int k = 1; k < len; ++k) {
            const unsigned char b = static_cast<unsigned char>(bytes[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

namespace {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

std::string encode_utf8_codepoints(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (char32_t cp : code_points) {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        append_utf8(out, cp);
    }
    return out;
}

// ---- Calendar dates ------------------------------------------------------------------------------

namespace {
int date_key(const CalendarDate& d) { return d.year * 10000 + d.month * 100 + d.day; }

std::string pad(int v, int width) {
    std::string s = std::to_string(v < 0 ? -v : v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return v < 0 ? "-" + s : s;
}
}  // namespace

bool operator==(const CalendarDate& a, const CalendarDate& b) { return date_key(a) == date_key(b); }
bool operator!=(const CalendarDate& a, const CalendarDate& b) { return !(a == b); }
bool operator<(const CalendarDate& a, const CalendarDate& b) { return date_key(a) < date_key(b); }
bool operator<=(const CalendarDate& a, const CalendarDate& b) { return !(b < a); }
bool operator>(const CalendarDate& a, const CalendarDate& b) { return b < a; }
bool operator>=(const CalendarDate& a, const CalendarDate& b) { return !(a < b); }

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[month - 1];
}

bool is_real_date(const CalendarDate& d) {
    return d.year >= 1 && d.year <= 9999 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

std::string format_date_iso(const CalendarDate& d) {
    return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2);
}

std::string format_date_zh(const CalendarDate& d) {
    return pad(d.year, 4) + "年" + pad(d.month, 2) + "月" + pad(d.day, 2) + "日";
}

namespace {
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Value of `count` ASCII digits starting at `pos`; -1 if any is not a digit.
int digits_value(std::u32string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(s[i])) return -1;
        v = v * 10 + static_cast<int>(s[i] - U'0');
    }
    return v;
}
}  // namespace

std::optional<CalendarDate> parse_iso_calendar_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    std::u32string u(s.begin(), s.end());
    CalendarDate d{digits_value(u, 0, 4), digits_value(u, 5, 2), digits_value(u, 8, 2)};
    if (!is_real_date(d)) return std::nullopt;
    return d;
}

int age_on(const CalendarDate& birth, const CalendarDate& on) {
    int age = on.year - birth.year;
    if (on.month * 100 + on.day < birth.month * 100 + birth.day) --age;
    return age;
}

// ---- Shared helpers for the validators ------------------------------------------------------------

namespace {

ValidationResult pass(std::string normalized) {
    ValidationResult r;
    r.ok = true;
    r.code = "ok";
    r.normalized = std::move(normalized);
    return r;
}

ValidationResult fail(std::string code, std::string message) {
    ValidationResult r;
    r.ok = false;
    r.code = std::move(code);
    r.message = std::move(message);
    return r;
}

// Full-width ASCII (U+FF01–FF5E) to ASCII and the ideographic space to a space.
char32_t fold_width(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
    if (c == 0x3000) return U' ';
    return c;
}

bool is_space_cp(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x0B || c == 0x0C || c == 0xA0 ||
           c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

// Zero-width space, word joiner and BOM: invisible noise from copy and paste, dropped everywhere.
bool is_zero_width(char32_t c) { return c == 0x200B || c == 0x2060 || c == 0xFEFF; }

bool is_invisible(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF ||
           (c >= 0xFFF0 && c <= 0xFFFF);
}

// A character as it should appear inside a message: “A”, or a description when it cannot be seen.
std::string quoted(char32_t c) {
    if (is_invisible(c)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
        return std::string("不可见字符（") + buf + "）";
    }
    std::string s = "“";
    append_utf8(s, c);
    s += "”";
    return s;
}

// Decoded, width-folded, with every space-like character removed.
std::optional<std::u32string> compact(std::string_view value) {
    auto cps = decode_utf8_strict(value);
    if (!cps) return std::nullopt;
    std::u32string out;
    for (char32_t c : *cps) {
        c = fold_width(c);
        if (!is_space_cp(c) && !is_zero_width(c)) out.push_back(c);
    }
    return out;
}

std::string ascii_of(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) out.push_back(static_cast<char>(c));
    return out;
}

std::string stars(std::size_t n) { return std::string(n, '*'); }

}  // namespace

// ---- Resident identity card number ------------------------------------------------------------------

char id_card_check_char(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kChecks[] = "10X98765432";
    if (first17.size() != 17) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (first17[i] < '0' || first17[i] > '9') return '\0';
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kChecks[sum % 11];
}

ValidationResult validate_id_card(std::string_view value, const CalendarDate& today) {
    if (!is_real_date(today)) return fail("context.today", "校验身份证号码需要提供当天日期");
    auto s = compact(value);
    if (!s) return fail("id_card.encoding", "身份证号码中有无法识别的字符，请删除后重新输入");
    if (s->empty()) return fail("id_card.empty", "请输入身份证号码");
    const std::size_t n = s->size();
    if (n == 15 && std::all_of(s->begin(), s->end(), is_digit))
        return fail("id_card.legacy_15",
                    "身份证号码应为18位，您输入了15位。15位的旧号码已停止使用，请输入身份证上的18位号码");
    if (n != 18) return fail("id_card.length", "身份证号码应为18位，您输入了" + std::to_string(n) + "位");
    for (std::size_t i = 0; i < 18; ++i) {
        char32_t c = (*s)[i];
        if (is_digit(c)) continue;
        if (i == 17 && (c == U'X' || c == U'x')) {
            (*s)[i] = U'X';
            continue;
        }
        const std::string pos = "第" + std::to_string(i + 1) + "位";
        if (c == U'X' || c == U'x')
            return fail("id_card.char", "身份证号码" + pos + "是“X”，只有最后一位可以是 X，其余都应是数字");
        return fail("id_card.char",
                    "身份证号码" + pos + "是" + quoted(c) + "，身份证号码只能由数字组成（最后一位可以是 X）");
    }
    const std::string number = ascii_of(*s);

    const CalendarDate birth{digits_value(*s, 6, 4), digits_value(*s, 10, 2), digits_value(*s, 12, 2)};
    const std::string birth_text =
        number.substr(6, 4) + "年" + number.substr(10, 2) + "月" + number.substr(12, 2) + "日";
    if (!is_real_date(birth))
        return fail("id_card.birth_date", "出生日期 " + birth_text + " 不存在，请核对身份证号码第7至14位");
    if (birth < CalendarDate{1900, 1, 1})
        return fail("id_card.birth_too_early", "出生日期 " + birth_text + " 早于1900年，请核对身份证号码第7至14位");
    if (birth > today)
        return fail("id_card.birth_future", "出生日期 " + birth_text + " 晚于今天，请核对身份证号码第7至14位");

    const std::string province = number.substr(0, 2);
    if (!province_name(province))
        return fail("id_card.province", "身份证号码前两位“" + province + "”不是省级行政区划代码，请核对");
    if (province == "35" && check_fujian_code(number.substr(0, 6)) == FujianCodeCheck::unknown)
        return fail("id_card.county",
                    "身份证号码前6位“" + number.substr(0, 6) + "”不是福建省的县级行政区划代码，请核对");

    const char check = id_card_check_char(std::string_view(number).substr(0, 17));
    if (number[17] != check)
        return fail("id_card.check_char", std::string("身份证号码最后一位应为 ") + check +
                                              "，请核对；若最后一位没有输错，请检查前面的数字");
    return pass(number);
}

std::optional<IdCardInfo> parse_id_card(std::string_view value, const CalendarDate& today) {
    const ValidationResult r = validate_id_card(value, today);
    if (!r.ok) return std::nullopt;
    IdCardInfo info;
    info.number = r.normalized;
    info.region_code = r.normalized.substr(0, 6);
    info.province = province_name(r.normalized.substr(0, 2)).value_or("");
    if (const FujianRegion* region = find_fujian_region(info.region_code)) info.county = region->name;
    info.birth = {std::stoi(r.normalized.substr(6, 4)), std::stoi(r.normalized.substr(10, 2)),
                  std::stoi(r.normalized.substr(12, 2))};
    info.gender = ((r.normalized[16] - '0') % 2 == 1) ? Gender::male : Gender::female;
    return info;
}

std::string mask_id_card(std::string_view value) {
    auto s = compact(value);
    if (!s) return stars(6);
    const std::size_t n = s->size();
    const bool shaped = std::all_of(s->begin(), s->end(), [](char32_t c) { return c < 0x80; });
    if (shaped && n == 18 && std::all_of(s->begin(), s->begin() + 17, is_digit) &&
        (is_digit((*s)[17]) || (*s)[17] == U'X' || (*s)[17] == U'x')) {
        std::string a = ascii_of(*s);
        if (a[17] == 'x') a[17] = 'X';
        return a.substr(0, 6) + stars(8) + a.substr(14);
    }
    if (n == 15 && std::all_of(s->begin(), s->end(), is_digit)) return ascii_of(s->substr(0, 6)) + stars(9);
    return stars(std::min<std::size_t>(n, 18));
}

// ---- Mobile numbers --------------------------------------------------------------------------------

ValidationResult validate_mobile(std::string_view value) {
    auto cps = decode_utf8_strict(value);
    if (!cps) return fail("mobile.encoding", "手机号码中有无法识别的字符，请删除后重新输入");
    std::u32string s;
    for (char32_t c : *cps) {
        c = fold_width(c);
        if (is_space_cp(c) || is_zero_width(c) || c == U'-' || c == U'.' || c == U'(' || c == U')' || (c >= 0x2010 && c <= 0x2015) ||
            c == 0x2212)
            continue;
        s.push_back(c);
    }
    if (s.empty()) return fail("mobile.empty", "请输入手机号码");
    if (s[0] == U'+') {
        if (s.size() >= 3 && s[1] == U'8' && s[2] == U'6')
            s.erase(0, 3);
        else
            return fail("mobile.country", "只能填写中国大陆的手机号码（+86），请去掉其他国家或地区的区号");
    } else if (s.size() >= 4 && s.compare(0, 4, U"0086") == 0) {
        s.erase(0, 4);
    } else if (s.size() == 13 && s[0] == U'8' && s[1] == U'6') {
        s.erase(0, 2);
    }
    for (char32_t c : s)
        if (!is_digit(c)) return fail("mobile.char", "手机号码只能包含数字，" + quoted(c) + "不是数字");
    if (!s.empty() && s[0] == U'0') return fail("mobile.landline", "这看起来是固定电话号码，请填写11位手机号码");
    if (s.size() != 11)
        return fail("mobile.length", "手机号码应为11位数字，以1开头；您输入了" + std::to_string(s.size()) + "位");
    if (s[0] != U'1') return fail("mobile.prefix", "手机号码应为11位数字，以1开头");
    if (s[1] < U'3') return fail("mobile.prefix", "手机号码第2位应为3至9，请核对");
    return pass(ascii_of(s));
}

std::string mask_mobile(std::string_view value) {
    const ValidationResult r = validate_mobile(value);
    if (r.ok) return r.normalized.substr(0, 3) + stars(4) + r.normalized.substr(7);
    auto s = compact(value);
    return stars(std::min<std::size_t>(s ? s->size() : 6, 11));
}

// ---- Unified social credit code --------------------------------------------------------------------

namespace {
constexpr std::string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
}

char uscc_check_char(std::string_view first17) {
    static constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (first17.size() != 17) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const std::size_t v = kUsccChars.find(first17[i]);
        if (v == std::string_view::npos) return '\0';
        sum += static_cast<int>(v) * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return kUsccChars[static_cast<std::size_t>(check)];
}

ValidationResult validate_uscc(std::string_view value) {
    auto s = compact(value);
    if (!s) return fail("uscc.encoding", "统一社会信用代码中有无法识别的字符，请删除后重新输入");
    for (char32_t& c : *s)
        if (c >= U'a' && c <= U'z') c = c - U'a' + U'A';
    if (s->empty()) return fail("uscc.empty", "请输入统一社会信用代码");
    if (s->size() != 18)
        return fail("uscc.length", "统一社会信用代码应为18位，您输入了" + std::to_string(s->size()) + "位");
    for (std::size_t i = 0; i < 18; ++i) {
        const char32_t c = (*s)[i];
        if (c < 0x80 && kUsccChars.find(static_cast<char>(c)) != std::string_view::npos) continue;
        const std::string pos = "第" + std::to_string(i + 1) + "位";
        const char* digit = c == U'I' ? "1" : c == U'O' ? "0" : c == U'S' ? "5" : c == U'Z' ? "2" : nullptr;
        if (digit)
            return fail("uscc.forbidden_letter", std::string("统一社会信用代码不使用字母 ") + static_cast<char>(c) +
                                                     "，" + pos + "可能是数字 " + digit + "，请核对");
        if (c == U'V')
            return fail("uscc.forbidden_letter",
                        "统一社会信用代码不使用字母 I、O、S、V、Z，" + pos + "的“V”请核对");
        return fail("uscc.char", "统一社会信用代码只能由数字和大写英文字母组成，" + pos + "的" + quoted(c) + "请更正");
    }
    const std::string code = ascii_of(*s);
    const char check = uscc_check_char(std::string_view(code).substr(0, 17));
    if (code[17] != check)
        return fail("uscc.check_char", std::string("统一社会信用代码最后一位应为 ") + check +
                                           "，请核对；若最后一位没有输错，请检查前面的字符");
    return pass(code);
}

// ---- Chinese person names --------------------------------------------------------------------------

namespace {

constexpr char32_t kMiddleDot = 0x00B7;

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||    // basic, Ext A
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2A6DF) ||  // compat, Ext B
           (c >= 0x2A700 && c <= 0x2EE5F) || (c >= 0x2F800 && c <= 0x2FA1F) ||  // Ext C–F, I; compat sup.
           (c >= 0x30000 && c <= 0x323AF) || c == 0x3007;                       // Ext G–H; 〇
}

bool is_dot_variant(char32_t c) {
    return c == kMiddleDot || c == 0x30FB || c == 0xFF65 || c == 0x2022 || c == 0x2027 || c == 0x22C5 ||
           c == 0x2219 || c == 0x0387 || c == 0x2E31 || c == 0x16EB;
}

bool is_punctuation(char32_t c) {
    return (c < 0x80 && !is_digit(c) && !((c | 0x20) >= U'a' && (c | 0x20) <= U'z')) ||
           (c >= 0x2010 && c <= 0x205E) || (c >= 0x3001 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
           (c >= 0xFF01 && c <= 0xFF65) || (c >= 0xA1 && c <= 0xBF);
}

}  // namespace

ValidationResult validate_person_name(std::string_view value) {
    auto cps = decode_utf8_strict(value);
    if (!cps) return fail("name.encoding", "姓名中有无法识别的字符，请删除后重新输入");
    std::u32string raw;
    for (char32_t c : *cps) {
        c = fold_width(c);
        if (!is_zero_width(c)) raw.push_back(is_dot_variant(c) ? kMiddleDot : c);
    }
    // Drop spaces at either end and next to a dot.
    std::u32string s;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (!is_space_cp(raw[i])) {
            s.push_back(raw[i]);
            continue;
        }
        std::size_t j = i;
        while (j < raw.size() && is_space_cp(raw[j])) ++j;
        const bool at_start = s.empty();
        const bool at_end = j == raw.size();
        const bool by_dot = (!s.empty() && s.back() == kMiddleDot) || (!at_end && raw[j] == kMiddleDot);
        if (!(at_start || at_end || by_dot)) s.push_back(U' ');
        i = j - 1;
    }
    if (s.empty()) return fail("name.empty", "请输入姓名");
    for (char32_t c : s) {
        if (is_han(c) || c == kMiddleDot) continue;
        if (is_invisible(c)) return fail("name.char", "姓名中有" + quoted(c) + "，请删除后重新输入");
        if (is_digit(c)) return fail("name.digit", "姓名中不能有数字" + quoted(c));
        if (c == U' ') return fail("name.space", "姓名中间不能有空格；少数民族姓名请用“·”分隔");
        if (c == U'.' || c == 0x3002)
            return fail("name.period", "姓名中的" + quoted(c) + "请改为间隔号“·”");
        if ((c | 0x20) >= U'a' && (c | 0x20) <= U'z')
            return fail("name.latin", "姓名只能填写汉字，不能有字母" + quoted(c));
        if (is_punctuation(c)) return fail("name.punctuation", "姓名中不能有标点符号" + quoted(c));
        return fail("name.char", "姓名中不能有" + quoted(c) + "，请只填写汉字和间隔号“·”");
    }
    if (s.front() == kMiddleDot) return fail("name.dot_position", "姓名不能以“·”开头");
    if (s.back() == kMiddleDot) return fail("name.dot_position", "姓名不能以“·”结尾");
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] == kMiddleDot && s[i - 1] == kMiddleDot)
            return fail("name.double_dot", "姓名中不能有连续的“·”，请只保留一个");
    if (s.size() < 2)
        return fail("name.too_short", "姓名至少应有2个字，您输入了" + std::to_string(s.size()) + "个字");
    if (s.size() > 20)
        return fail("name.too_long", "姓名最多20个字，您输入了" + std::to_string(s.size()) + "个字");
    return pass(encode_utf8_codepoints(s));
}

// ---- Dates -------------------------------------------------------------------------------------------

namespace {

// Year (4 digits), then month and day of 1–2 digits with the given separators; nullopt if the
// text does not have that shape. The date itself may still not exist.
std::optional<CalendarDate> parse_date_shape(std::u32string_view s) {
    auto number = [&s](std::size_t& at, std::size_t min_len, std::size_t max_len) -> int {
        std::size_t len = 0;
        while (at + len < s.size() && is_digit(s[at + len]) && len < max_len) ++len;
        if (len < min_len) return -1;
        const int v = digits_value(s, at, len);
        at += len;
        return v;
    };
    if (s.size() == 8 && std::all_of(s.begin(), s.end(), is_digit))
        return CalendarDate{digits_value(s, 0, 4), digits_value(s, 4, 2), digits_value(s, 6, 2)};
    std::size_t pos = 0;
    const int year = number(pos, 4, 4);
    if (year < 0 || pos >= s.size()) return std::nullopt;
    const char32_t sep = s[pos];
    const bool zh = sep == U'年';
    if (!(zh || sep == U'-' || sep == U'/' || sep == U'.')) return std::nullopt;
    ++pos;
    const int month = number(pos, 1, 2);
    if (month < 0 || pos >= s.size() || s[pos] != (zh ? U'月' : sep)) return std::nullopt;
    ++pos;
    const int day = number(pos, 1, 2);
    if (day < 0) return std::nullopt;
    if (zh && pos < s.size() && (s[pos] == U'日' || s[pos] == U'号')) ++pos;
    if (pos != s.size()) return std::nullopt;
    return CalendarDate{year, month, day};
}

std::string bound_text(const CalendarDate& bound, const std::optional<CalendarDate>& today) {
    if (today && *today == bound) return "今天（" + format_date_zh(bound) + "）";
    return format_date_zh(bound);
}

}  // namespace

ValidationResult validate_date(std::string_view value, const DateRule& rule) {
    const std::string label = rule.label.empty() ? "日期" : rule.label;
    auto s = compact(value);
    if (!s) return fail("date.encoding", label + "中有无法识别的字符，请删除后重新输入");
    if (s->empty()) return fail("date.empty", "请输入" + label);
    const auto d = parse_date_shape(*s);
    if (!d) return fail("date.format", label + "请按“2024-01-31”或“2024年1月31日”的格式填写");
    if (!is_real_date(*d)) return fail("date.not_real", label + " " + format_date_zh(*d) + " 不存在");
    if (rule.min && *d < *rule.min) return fail("date.too_early", label + "不能早于" + bound_text(*rule.min, rule.today));
    if (rule.max && *d > *rule.max) return fail("date.too_late", label + "不能晚于" + bound_text(*rule.max, rule.today));
    return pass(format_date_iso(*d));
}

// ---- Free text -------------------------------------------------------------------------------------

ValidationResult validate_text(std::string_view value, const std::string& label_in, std::size_t max_chars) {
    const std::string label = label_in.empty() ? "内容" : label_in;
    auto cps = decode_utf8_strict(value);
    if (!cps) return fail("text.encoding", label + "中有无法识别的字符，请删除后重新输入");
    std::size_t b = 0, e = cps->size();
    while (b < e && (is_space_cp((*cps)[b]) || is_zero_width((*cps)[b]))) ++b;
    while (e > b && (is_space_cp((*cps)[e - 1]) || is_zero_width((*cps)[e - 1]))) --e;
    const std::u32string_view s = std::u32string_view(*cps).substr(b, e - b);
    if (s.empty()) return fail("text.empty", "请输入" + label);
    for (char32_t c : s)
        if ((c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || (c >= 0x7F && c <= 0x9F))
            return fail("text.control", label + "中有不可见的控制字符，请删除后重新输入");
    if (max_chars > 0 && s.size() > max_chars)
        return fail("text.too_long", label + "最多" + std::to_string(max_chars) + "个字，您输入了" +
                                         std::to_string(s.size()) + "个字");
    return pass(encode_utf8_codepoints(s));
}

// ---- validate_field --------------------------------------------------------------------------------

const std::vector<std::string>& validation_kinds() {
    static const std::vector<std::string> kinds = {"id_card", "mobile", "uscc", "name", "date", "text"};
    return kinds;
}

ValidationResult validate_field(std::string_view kind, std::string_view value, const ValidationContext& context) {
    if (kind == "id_card") return validate_id_card(value, context.today);
    if (kind == "mobile") return validate_mobile(value);
    if (kind == "uscc") return validate_uscc(value);
    if (kind == "name") return validate_person_name(value);
    if (kind == "text") return validate_text(value, context.label, context.max_chars);
    if (kind == "date") {
        DateRule rule;
        rule.label = context.label;
        rule.min = context.min_date;
        rule.max = context.max_date;
        if (is_real_date(context.today)) rule.today = context.today;
        return validate_date(value, rule);
    }
    const bool printable = kind.size() <= 32 && is_valid_utf8(kind);
    return fail("kind.unknown", printable ? "不支持的校验类型“" + std::string(kind) + "”" : "不支持的校验类型");
}

// ---- Whole forms -----------------------------------------------------------------------------------

namespace {

bool is_blank(std::string_view value) {
    auto cps = decode_utf8_strict(value);
    return cps && std::all_of(cps->begin(), cps->end(), [](char32_t c) { return is_space_cp(c) || is_zero_width(c); });
}

// "" → no bound; "today" → today; "YYYY-MM-DD" → that date; anything else → false.
bool read_bound(const std::string& text, const CalendarDate& today, std::optional<CalendarDate>& out) {
    if (text.empty()) return true;
    if (text == "today") {
        if (!is_real_date(today)) return false;
        out = today;
        return true;
    }
    out = parse_iso_calendar_date(text);
    return out.has_value();
}

}  // namespace

FormResult validate_form(const FormSpec& spec, const std::map<std::string, std::string>& values,
                         const CalendarDate& today) {
    FormResult result;
    for (const FormFieldSpec& field : spec.fields) {
        const std::string label = field.label.empty() ? field.name : field.label;
        auto add_error = [&](const std::string& code, const std::string& message) {
            result.ok = false;
            result.errors.push_back({field.name, label, code, message});
            const bool starts_with_label = message.compare(0, label.size(), label) == 0;
            result.summary.push_back({field.name, starts_with_label ? message : label + "：" + message});
        };
        const auto& kinds = validation_kinds();
        if (std::find(kinds.begin(), kinds.end(), field.kind) == kinds.end()) {
            add_error("spec.invalid", "表单配置有误：" + label + "的校验类型“" + field.kind + "”不存在");
            continue;
        }
        ValidationContext context;
        context.today = today;
        context.label = label;
        context.max_chars = field.max_chars;
        if (!read_bound(field.min_date, today, context.min_date) ||
            !read_bound(field.max_date, today, context.max_date)) {
            add_error("spec.invalid", "表单配置有误：" + label + "的日期范围无法识别");
            continue;
        }
        const auto it = values.find(field.name);
        if (it == values.end() || is_blank(it->second)) {
            if (field.required) add_error("form.required", "请填写" + label);
            continue;
        }
        const ValidationResult r = validate_field(field.kind, it->second, context);
        if (r.ok)
            result.normalized[field.name] = r.normalized;
        else
            add_error(r.code, r.message);
    }
    return result;
}

// ---- JSON ------------------------------------------------------------------------------------------

void to_json(nlohmann::json& j, const ValidationResult& v) {
    j = {{"ok", v.ok}, {"code", v.code}, {"message", v.message}, {"normalized", v.normalized}};
}

void to_json(nlohmann::json& j, const FormFieldSpec& v) {
    j = {{"name", v.name}, {"kind", v.kind}, {"label", v.label}, {"required", v.required}};
    if (!v.min_date.empty()) j["min_date"] = v.min_date;
    if (!v.max_date.empty()) j["max_date"] = v.max_date;
    if (v.max_chars > 0) j["max_chars"] = v.max_chars;
}

void from_json(const nlohmann::json& j, FormFieldSpec& v) {
    v.name = j.at("name").get<std::string>();
    v.kind = j.at("kind").get<std::string>();
    v.label = j.value("label", "");
    v.required = j.value("required", false);
    v.min_date = j.value("min_date", "");
    v.max_date = j.value("max_date", "");
    v.max_chars = j.value("max_chars", std::size_t{0});
}

void to_json(nlohmann::json& j, const FormSpec& v) { j = {{"fields", v.fields}}; }
void from_json(const nlohmann::json& j, FormSpec& v) {
    v.fields = j.at("fields").get<std::vector<FormFieldSpec>>();
}

void to_json(nlohmann::json& j, const FieldError& v) {
    j = {{"field", v.field}, {"label", v.label}, {"code", v.code}, {"message", v.message}};
}
void to_json(nlohmann::json& j, const FormSummaryItem& v) { j = {{"field", v.field}, {"text", v.text}}; }
void to_json(nlohmann::json& j, const FormResult& v) {
    j = {{"ok", v.ok}, {"errors", v.errors}, {"summary", v.summary}, {"normalized", v.normalized}};
}

}  // namespace dp
