// Opening hours: civil-date arithmetic for Asia/Shanghai, open/next-opening queries, the
// text-form parser and printer, and the Chinese descriptions shown on cards.
#include "opening_hours.hpp"

#include <algorithm>
#include <cstdio>

namespace dp {

// ---- dates ----

bool operator==(const LocalDate& a, const LocalDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}
bool operator<(const LocalDate& a, const LocalDate& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
}
bool operator==(const LocalDateTime& a, const LocalDateTime& b) {
    return a.date() == b.date() && a.hour == b.hour && a.minute == b.minute;
}
bool operator==(const TimeInterval& a, const TimeInterval& b) {
    return a.start_min == b.start_min && a.end_min == b.end_min;
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(LocalDate d) {
    const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

LocalDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return LocalDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

bool is_valid_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int limit = kDays[month - 1];
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && leap) limit = 29;
    return day <= limit;
}

int weekday_of(LocalDate d) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const std::int64_t w = (days_from_civil(d) + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

LocalDate add_days(LocalDate d, std::int64_t n) { return civil_from_days(days_from_civil(d) + n); }

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Minutes since 1970-01-01 00:00 local time.
std::int64_t abs_minutes(const LocalDateTime& t) {
    return days_from_civil(t.date()) * 1440 + t.hour * 60 + t.minute;
}

LocalDateTime from_abs_minutes(std::int64_t m) {
    const std::int64_t days = floor_div(m, 1440);
    const std::int64_t rest = m - days * 1440;
    const LocalDate d = civil_from_days(days);
    return LocalDateTime{d.year, d.month, d.day, static_cast<int>(rest / 60), static_cast<int>(rest % 60)};
}

}  // namespace

LocalDateTime shanghai_from_unix(std::int64_t unix_seconds) {
    return from_abs_minutes(floor_div(unix_seconds + kShanghaiUtcOffsetS, 60));
}

std::int64_t unix_from_shanghai(const LocalDateTime& t) { return abs_minutes(t) * 60 - kShanghaiUtcOffsetS; }

std::string format_local_time(const LocalDateTime& t) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return buf;
}

std::optional<LocalDateTime> parse_local_time(std::string_view v) {
    if (v.size() != 16 || v[4] != '-' || v[7] != '-' || v[10] != 'T' || v[13] != ':') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
        if (v[i] < '0' || v[i] > '9') return std::nullopt;
    const auto num = [&](std::size_t at, std::size_t n) {
        int x = 0;
        for (std::size_t i = at; i < at + n; ++i) x = x * 10 + (v[i] - '0');
        return x;
    };
    LocalDateTime t;
    t.year = num(0, 4);
    t.month = num(5, 2);
    t.day = num(8, 2);
    t.hour = num(11, 2);
    t.minute = num(14, 2);
    if (!is_valid_date(t.year, t.month, t.day) || t.hour > 23 || t.minute > 59) return std::nullopt;
    return t;
}

// ---- queries ----

const std::vector<TimeInterval>& OpeningHours::intervals_on(LocalDate d) const {
    for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
        if (!(d < it->from) && !(it->to < d)) return it->intervals;
    }
    return week[static_cast<std::size_t>(weekday_of(d))];
}

bool OpeningHours::is_open(const LocalDateTime& t) const {
    const int m = t.hour * 60 + t.minute;
    for (const auto& iv : intervals_on(t.date()))
        if (iv.start_min <= m && m < iv.end_min) return true;
    for (const auto& iv : intervals_on(add_days(t.date(), -1)))
        if (iv.end_min > 1440 && m < iv.end_min - 1440) return true;
    return false;
}

std::optional<LocalDateTime> OpeningHours::next_opening(const LocalDateTime& t) const {
    if (is_open(t)) return t;
    const std::int64_t now = abs_minutes(t);
    const std::int64_t day0 = days_from_civil(t.date());
    for (std::int64_t k = 0; k <= 400; ++k) {
        for (const auto& iv : intervals_on(civil_from_days(day0 + k))) {
            const std::int64_t start = (day0 + k) * 1440 + iv.start_min;
            if (start >= now) return from_abs_minutes(start);
        }
    }
    return std::nullopt;
}

std::optional<LocalDateTime> OpeningHours::next_closing(const LocalDateTime& t) const {
    if (!is_open(t)) return std::nullopt;
    const std::int64_t now = abs_minutes(t);
    const std::int64_t day0 = days_from_civil(t.date());
    constexpr std::int64_t kHorizonDays = 8;
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    for (std::int64_t k = -1; k <= kHorizonDays; ++k) {
        for (const auto& iv : intervals_on(civil_from_days(day0 + k)))
            spans.emplace_back((day0 + k) * 1440 + iv.start_min, (day0 + k) * 1440 + iv.end_min);
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> merged;  // touching spans join
    for (const auto& s : spans) {
        if (!merged.empty() && s.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, s.second);
        else
            merged.push_back(s);
    }
    for (const auto& m : merged) {
        if (m.first <= now && now < m.second) {
            if (m.second >= (day0 + kHorizonDays) * 1440) return std::nullopt;  // open all week
            return from_abs_minutes(m.second);
        }
    }
    return std::nullopt;
}

bool OpeningHours::always_open() const {
    if (!dates.empty()) return false;
    for (const auto& day : week)
        if (!(day.size() == 1 && day[0] == TimeInterval{0, 1440})) return false;
    return true;
}

bool operator==(const OpeningHours& a, const OpeningHours& b) {
    if (a.week != b.week || a.dates.size() != b.dates.size()) return false;
    for (std::size_t i = 0; i < a.dates.size(); ++i) {
        const auto& x = a.dates[i];
        const auto& y = b.dates[i];
        if (!(x.from == y.from) || !(x.to == y.to) || x.closed != y.closed || x.intervals != y.intervals)
            return false;
    }
    return true;
}

// ---- text form ----

namespace {

const char* const kDayCodes[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Failure {
    std::string message;
    std::string offending;
};

// "HH:MM" (hour of one or two digits) → minutes; 24:00 allowed only when `as_end`.
std::optional<int> parse_clock(std::string_view s, bool as_end) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
    int h = 0;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!is_digit(s[i])) return std::nullopt;
        h = h * 10 + (s[i] - '0');
    }
    if (!is_digit(s[colon + 1]) || !is_digit(s[colon + 2])) return std::nullopt;
    const int m = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
    if (m > 59) return std::nullopt;
    if (h > 24 || (h == 24 && (m != 0 || !as_end))) return std::nullopt;
    return h * 60 + m;
}

// "off" / "closed" → nullopt intervals with closed = true; else a comma-separated time list.
std::optional<Failure> parse_spec(std::string_view spec, bool& closed, std::vector<TimeInterval>& out) {
    spec = trim(spec);
    closed = false;
    out.clear();
    if (spec.empty()) return Failure{"缺少营业时间（例如 08:30-12:00 或 off）", std::string(spec)};
    if (spec == "off" || spec == "closed") {
        closed = true;
        return std::nullopt;
    }
    for (std::string_view part : split(spec, ',')) {
        part = trim(part);
        const auto dash = part.find('-');
        if (part.empty() || dash == std::string_view::npos)
            return Failure{"无法识别的时间段「" + std::string(part) + "」（应为 HH:MM-HH:MM）", std::string(part)};
        const std::string_view a = trim(part.substr(0, dash)), b = trim(part.substr(dash + 1));
        const auto start = parse_clock(a, false);
        if (!start) return Failure{"无效的开始时间「" + std::string(a) + "」", std::string(a)};
        const auto end = parse_clock(b, true);
        if (!end) return Failure{"无效的结束时间「" + std::string(b) + "」", std::string(b)};
        if (*start == *end)
            return Failure{"时间段「" + std::string(part) + "」的开始与结束相同", std::string(part)};
        TimeInterval iv{*start, *end};
        if (iv.end_min < iv.start_min) iv.end_min += 1440;  // overnight, e.g. 22:00-02:00
        out.push_back(iv);
    }
    std::sort(out.begin(), out.end(),
              [](const TimeInterval& x, const TimeInterval& y) { return x.start_min < y.start_min; });
    return std::nullopt;
}

std::optional<int> day_index(std::string_view code) {
    for (int i = 0; i < 7; ++i)
        if (code == kDayCodes[i]) return i;
    return std::nullopt;
}

std::optional<Failure> parse_weekdays(std::string_view sel, std::array<bool, 7>& days) {
    days.fill(false);
    for (std::string_view item : split(sel, ',')) {
        const auto dash = item.find('-');
        const std::string_view first = dash == std::string_view::npos ? item : item.substr(0, dash);
        const auto a = day_index(first);
        if (!a) return Failure{"无法识别的星期「" + std::string(first) + "」（应为 Mo Tu We Th Fr Sa Su）", std::string(first)};
        if (dash == std::string_view::npos) {
            days[static_cast<std::size_t>(*a)] = true;
            continue;
        }
        const std::string_view second = item.substr(dash + 1);
        const auto b = day_index(second);
        if (!b) return Failure{"无法识别的星期「" + std::string(second) + "」（应为 Mo Tu We Th Fr Sa Su）", std::string(second)};
        for (int d = *a;; d = (d + 1) % 7) {  // ranges may wrap: Sa-Mo
            days[static_cast<std::size_t>(d)] = true;
            if (d == *b) break;
        }
    }
    return std::nullopt;
}

std::optional<LocalDate> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!is_digit(s[i])) return std::nullopt;
    auto num = [&](std::size_t from, std::size_t len) {
        int v = 0;
        for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    LocalDate d{num(0, 4), num(5, 2), num(8, 2)};
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

std::optional<Failure> parse_dates(std::string_view sel, std::vector<std::pair<LocalDate, LocalDate>>& out) {
    out.clear();
    for (std::string_view item : split(sel, ',')) {
        const auto dots = item.find("..");
        const std::string_view a = dots == std::string_view::npos ? item : item.substr(0, dots);
        const auto from = parse_iso_date(a);
        if (!from) return Failure{"无效的日期「" + std::string(a) + "」（应为 YYYY-MM-DD）", std::string(a)};
        LocalDate to = *from;
        if (dots != std::string_view::npos) {
            const std::string_view b = item.substr(dots + 2);
            const auto parsed = parse_iso_date(b);
            if (!parsed) return Failure{"无效的日期「" + std::string(b) + "」（应为 YYYY-MM-DD）", std::string(b)};
            if (*parsed < *from)
                return Failure{"日期范围「" + std::string(item) + "」的结束早于开始", std::string(item)};
            to = *parsed;
        }
        out.emplace_back(*from, to);
    }
    return std::nullopt;
}

std::optional<Failure> apply_rule(std::string_view rule, OpeningHours& h) {
    if (rule == "24/7") {
        for (auto& day : h.week) day = {TimeInterval{0, 1440}};
        return std::nullopt;
    }
    std::size_t ws = 0;
    while (ws < rule.size() && rule[ws] != ' ' && rule[ws] != '\t') ++ws;
    const std::string_view selector = rule.substr(0, ws);
    const std::string_view rest = rule.substr(ws);
    bool closed = false;
    std::vector<TimeInterval> ivs;

    const bool looks_like_date = selector.size() >= 10 && is_digit(selector[0]) && selector[4] == '-';
    if (looks_like_date) {
        std::vector<std::pair<LocalDate, LocalDate>> ranges;
        if (auto f = parse_dates(selector, ranges)) return f;
        if (auto f = parse_spec(rest, closed, ivs)) return f;
        for (const auto& r : ranges) h.dates.push_back(DateOverride{r.first, r.second, closed, ivs});
        return std::nullopt;
    }
    if (!selector.empty() && selector[0] >= 'A' && selector[0] <= 'Z') {
        std::array<bool, 7> days{};
        if (auto f = parse_weekdays(selector, days)) return f;
        if (auto f = parse_spec(rest, closed, ivs)) return f;
        for (std::size_t d = 0; d < 7; ++d)
            if (days[d]) h.week[d] = ivs;
        return std::nullopt;
    }
    if (!selector.empty() && (is_digit(selector[0]) || selector == "off" || selector == "closed")) {
        // No selector: the times apply to every day.
        if (auto f = parse_spec(rule, closed, ivs)) return f;
        for (auto& day : h.week) day = ivs;
        return std::nullopt;
    }
    return Failure{"无法识别「" + std::string(selector) + "」（应为星期如 Mo-Fr、日期如 2026-10-01 或时间如 08:30-12:00）",
                   std::string(selector)};
}

std::string clock_text(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
    return buf;
}

std::string interval_text(const TimeInterval& iv) {
    const int end = iv.end_min > 1440 ? iv.end_min - 1440 : iv.end_min;
    return clock_text(iv.start_min) + "-" + clock_text(end);
}

std::string intervals_text(const std::vector<TimeInterval>& ivs) {
    std::string s;
    for (const auto& iv : ivs) {
        if (!s.empty()) s += ",";
        s += interval_text(iv);
    }
    return s;
}

std::string iso_date(LocalDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
    return buf;
}

}  // namespace

OpeningHoursParse parse_opening_hours(std::string_view text) {
    OpeningHoursParse result;
    OpeningHours h;
    int index = 0;
    for (std::string_view raw : split(text, ';')) {
        const std::string_view rule = trim(raw);
        if (rule.empty()) continue;
        ++index;
        if (auto f = apply_rule(rule, h)) {
            result.error = "第" + std::to_string(index) + "条「" + std::string(rule) + "」：" + f->message;
            result.offending = f->offending.empty() ? std::string(rule) : f->offending;
            return result;
        }
    }
    if (index == 0) {
        result.error = "营业时间为空";
        result.offending = std::string(text);
        return result;
    }
    result.hours = std::move(h);
    return result;
}

std::string to_text(const OpeningHours& h) {
    std::vector<std::string> rules;
    bool all_full = true, all_empty = true;
    for (const auto& day : h.week) {
        if (!(day.size() == 1 && day[0] == TimeInterval{0, 1440})) all_full = false;
        if (!day.empty()) all_empty = false;
    }
    if (all_full) {
        rules.push_back("24/7");
    } else if (all_empty) {
        rules.push_back("off");
    } else {
        for (std::size_t d = 0; d < 7;) {
            std::size_t e = d;
            while (e + 1 < 7 && h.week[e + 1] == h.week[d]) ++e;
            if (!h.week[d].empty()) {
                std::string sel = kDayCodes[d];
                if (e > d) sel += std::string("-") + kDayCodes[e];
                rules.push_back(sel + " " + intervals_text(h.week[d]));
            }
            d = e + 1;
        }
    }
    for (const auto& r : h.dates) {
        std::string sel = iso_date(r.from);
        if (!(r.to == r.from)) sel += ".." + iso_date(r.to);
        const bool closed = r.closed || r.intervals.empty();
        rules.push_back(sel + " " + (closed ? std::string("off") : intervals_text(r.intervals)));
    }
    std::string out;
    for (const auto& r : rules) {
        if (!out.empty()) out += "; ";
        out += r;
    }
    return out;
}

// ---- Chinese descriptions ----

namespace {

const char* const kDayNamesZh[7] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

bool is_full_day(const std::vector<TimeInterval>& ivs) {
    return ivs.size() == 1 && ivs[0].start_min == 0 && ivs[0].end_min >= 1440;
}

std::string interval_zh(const TimeInterval& iv) {
    std::string s = clock_text(iv.start_min) + "–";
    if (iv.end_min > 1440) s += "次日" + clock_text(iv.end_min - 1440);
    else s += clock_text(iv.end_min);
    return s;
}

std::string intervals_zh(const std::vector<TimeInterval>& ivs) {
    if (ivs.empty()) return "休息";
    if (is_full_day(ivs)) return "24小时";
    std::string s;
    for (const auto& iv : ivs) {
        if (!s.empty()) s += "、";
        s += interval_zh(iv);
    }
    return s;
}

std::string date_zh(LocalDate d, int current_year) {
    std::string s;
    if (d.year != current_year) s += std::to_string(d.year) + "年";
    return s + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

}  // namespace

std::vector<std::string> describe_week_zh(const OpeningHours& h) {
    bool all_same = true;
    for (const auto& day : h.week)
        if (day != h.week[0]) all_same = false;
    if (all_same) {
        if (is_full_day(h.week[0])) return {"24小时营业"};
        if (h.week[0].empty()) return {"暂停服务"};
        return {"每天 " + intervals_zh(h.week[0])};
    }
    std::vector<std::string> lines;
    for (std::size_t d = 0; d < 7;) {
        std::size_t e = d;
        while (e + 1 < 7 && h.week[e + 1] == h.week[d]) ++e;
        std::string days = kDayNamesZh[d];
        if (e == d + 1) days += std::string("、") + kDayNamesZh[e];
        else if (e > d + 1) days += std::string("至") + kDayNamesZh[e];
        lines.push_back(days + " " + intervals_zh(h.week[d]));
        d = e + 1;
    }
    return lines;
}

std::vector<std::string> describe_dates_zh(const OpeningHours& h, LocalDate today) {
    std::vector<std::string> lines;
    for (const auto& r : h.dates) {
        if (r.to < today) continue;
        std::string s = date_zh(r.from, today.year);
        if (!(r.to == r.from)) s += "至" + date_zh(r.to, today.year);
        s += " ";
        s += r.closed ? std::string("休息") : intervals_zh(r.intervals);
        lines.push_back(s);
    }
    return lines;
}

std::string describe_today_zh(const OpeningHours& h, LocalDate today) {
    const auto& ivs = h.intervals_on(today);
    if (ivs.empty()) return "今日休息";
    if (is_full_day(ivs)) return "24小时营业";
    return "今日 " + intervals_zh(ivs);
}

std::string status_zh(const OpeningHours& h, const LocalDateTime& now) {
    const std::int64_t today = days_from_civil(now.date());
    if (h.is_open(now)) {
        const auto closing = h.next_closing(now);
        if (!closing) return "24小时营业";
        const std::int64_t day = days_from_civil(closing->date());
        const std::string clock = clock_text(closing->hour * 60 + closing->minute);
        if (day == today) return "营业中 · 至 " + clock;
        if (day == today + 1 && closing->hour == 0 && closing->minute == 0) return "营业中 · 至 24:00";
        if (day == today + 1) return "营业中 · 至次日 " + clock;
        return "营业中 · 至" + date_zh(closing->date(), now.year) + " " + clock;
    }
    const auto opening = h.next_opening(now);
    if (!opening) return "暂停服务";
    const std::int64_t day = days_from_civil(opening->date());
    const std::string clock = clock_text(opening->hour * 60 + opening->minute);
    std::string when;
    if (day == today) when = "今天";
    else if (day == today + 1) when = "明天";
    else if (day < today + 7) when = kDayNamesZh[weekday_of(opening->date())];
    else when = date_zh(opening->date(), now.year);
    return "休息中 · " + when + " " + clock + " 开门";
}

}  // namespace dp
