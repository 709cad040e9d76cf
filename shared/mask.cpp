// Masking of mobiles, ID numbers and names, and the free-text scrubber (see mask.hpp).
#include "mask.hpp"

#include <vector>

#include "linebreak.hpp"

namespace dp {
namespace {

struct CodePoint {
    char32_t c;
    std::size_t begin, end;  // byte range in the input
};

std::vector<CodePoint> code_points_with_offsets(std::string_view s) {
    std::vector<CodePoint> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t begin = pos;
        char32_t c = decode_utf8(s, pos);
        out.push_back({c, begin, pos});
    }
    return out;
}

// 0–9 for ASCII and full-width digits, -1 otherwise.
int digit_value(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
    return -1;
}
bool is_x(char32_t c) { return c == U'X' || c == U'x' || c == 0xFF38 || c == 0xFF58; }
bool is_ascii_alnum(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r')) --b;
    return std::string(s.substr(a, b - a));
}

bool looks_like_mobile(const std::string& digits) {
    return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

}  // namespace

std::string mask_name(std::string_view name) {
    static const char* const kCompoundSurnames[] = {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙",
        "宇文", "司徒", "端木", "申屠", "独孤", "南宫", "万俟", "闻人", "轩辕", "钟离", "宗政", "濮阳",
        "太史", "澹台", "公冶", "呼延", "赫连", "百里", "东郭", "西门", "司空", "左丘", "第五", "拓跋"};
    const std::string t = trim(name);
    const auto cps = code_points_with_offsets(t);
    if (cps.empty()) return "";
    std::size_t keep = cps.size() > 1 ? 1 : 0;
    if (cps.size() > 2) {
        const std::string first_two = t.substr(0, cps[1].end);
        for (const char* s : kCompoundSurnames)
            if (first_two == s) keep = 2;
    }
    std::string out = t.substr(0, keep ? cps[keep - 1].end : 0);
    for (std::size_t i = keep; i < cps.size(); ++i) {
        if (cps[i].c == U'·' || cps[i].c == U'•' || cps[i].c == U' ') append_utf8(out, cps[i].c);
        else out.push_back('*');
    }
    return out;
}

std::string scrub_personal_data(std::string_view text) {
    const auto cps = code_points_with_offsets(text);
    const std::size_t n = cps.size();
    std::vector<bool> masked(n, false);
    auto run_end = [&](std::size_t i) {
        while (i < n && digit_value(cps[i].c) >= 0) ++i;
        return i;
    };
    auto digits_of = [&](std::size_t a, std::size_t b) {
        std::string d;
        for (std::size_t k = a; k < b; ++k) d.push_back(static_cast<char>('0' + digit_value(cps[k].c)));
        return d;
    };
    auto mask = [&](std::size_t a, std::size_t count) {
        for (std::size_t k = a; k < a + count && k < n; ++k) masked[k] = true;
    };
    std::size_t i = 0;
    while (i < n) {
        if (digit_value(cps[i].c) < 0) {
            ++i;
            continue;
        }
        const std::size_t j = run_end(i);
        const std::size_t len = j - i;
        const std::string d = digits_of(i, j);
        // Only whole tokens: a run inside a word or a hex string ("a13812345678f") is left alone.
        auto free_at = [&](std::size_t k) { return k >= n || !is_ascii_alnum(cps[k].c); };
        if (i > 0 && is_ascii_alnum(cps[i - 1].c)) {
            i = j;
            continue;
        }
        if (len == 17 && j < n && is_x(cps[j].c) && free_at(j + 1)) {
            mask(i + 6, 8);
            i = j + 1;
            continue;
        }
        if (!free_at(j)) {
            i = j;
            continue;
        }
        if (len == 18) {
            mask(i + 6, 8);
        } else if (len == 15) {
            mask(i + 6, 9);
        } else if (looks_like_mobile(d)) {
            mask(i + 3, 4);
        } else if (len == 13 && d.compare(0, 2, "86") == 0 && looks_like_mobile(d.substr(2))) {
            mask(i + 5, 4);
        } else if (len == 3 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && j + 9 <= n &&
                   (cps[j].c == U'-' || cps[j].c == U' ')) {
            // "138-1234-5678" / "138 1234 5678"
            const char32_t sep = cps[j].c;
            const std::size_t g2 = j + 1, g2_end = run_end(g2);
            if (g2_end == g2 + 4 && g2_end < n && cps[g2_end].c == sep) {
                const std::size_t g3 = g2_end + 1, g3_end = run_end(g3);
                if (g3_end == g3 + 4 && free_at(g3_end)) {
                    mask(g2, 4);
                    i = g3_end;
                    continue;
                }
            }
        }
        i = j;
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t k = 0; k < n; ++k) {
        if (masked[k]) out.push_back('*');
        else out.append(text.substr(cps[k].begin, cps[k].end - cps[k].begin));
    }
    return out;
}

void scrub_json(nlohmann::json& value) {
    if (value.is_string()) {
        value = scrub_personal_data(value.get_ref<const std::string&>());
    } else if (value.is_number_integer()) {
        const std::string digits = value.dump();
        const std::string scrubbed = scrub_personal_data(digits);
        if (scrubbed != digits) value = scrubbed;
    } else if (value.is_array()) {
        for (auto& v : value) scrub_json(v);
    } else if (value.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto& [k, v] : value.items()) {
            nlohmann::json copy = v;
            scrub_json(copy);
            out[scrub_personal_data(k)] = std::move(copy);
        }
        value = std::move(out);
    }
}

}  // namespace dp
