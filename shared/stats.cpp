// Usage statistics: event names, China-time calendar keys, figure definitions, grouping, request
// timing and axis ticks (see stats.hpp).
#include "stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "entry_channels.hpp"

namespace dp {

// ---- event types --------------------------------------------------------------------------------

namespace {
struct EventInfo {
    StatEvent e;
    const char* id;
    const char* zh;
};
constexpr EventInfo kEvents[] = {
    {StatEvent::doorplate_opened, "doorplate_opened", "打开门牌"},
    {StatEvent::search, "search", "搜索"},
    {StatEvent::guide_viewed, "guide_viewed", "查看办事指南"},
    {StatEvent::navigation_tapped, "navigation_tapped", "导航"},
    {StatEvent::help_requested, "help_requested", "求助"},
    {StatEvent::request_closed, "request_closed", "办结"},
    {StatEvent::rating, "rating", "评价"},
};
struct KindInfo {
    const char* id;
    const char* zh;
};
constexpr KindInfo kHelpKinds[] = {
    {"phone", "电话求助"}, {"question", "在线咨询"}, {"prereview", "材料预审"}, {"proxy", "代办申请"}, {"video", "视频连线"},
};
}  // namespace

const std::vector<StatEvent>& all_stat_events() {
    static const std::vector<StatEvent> all = [] {
        std::vector<StatEvent> v;
        for (const auto& e : kEvents) v.push_back(e.e);
        return v;
    }();
    return all;
}
const char* stat_event_id(StatEvent e) { return kEvents[static_cast<std::size_t>(e)].id; }
const char* stat_event_zh(StatEvent e) { return kEvents[static_cast<std::size_t>(e)].zh; }
std::optional<StatEvent> stat_event_from_id(std::string_view id) {
    for (const auto& e : kEvents)
        if (id == e.id) return e.e;
    return std::nullopt;
}

bool is_help_kind(std::string_view kind) { return *help_kind_zh(kind) != '\0'; }
const char* help_kind_zh(std::string_view kind) {
    for (const auto& k : kHelpKinds)
        if (kind == k.id) return k.zh;
    return "";
}

// ---- calendar ----------------------------------------------------------------------------------

namespace {
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
std::string two(int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}
}  // namespace

std::optional<CivilDay> parse_day(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    if (!digits(t.substr(0, 4)) || !digits(t.substr(5, 2)) || !digits(t.substr(8, 2))) return std::nullopt;
    CivilDay d{to_int(t.substr(0, 4)), to_int(t.substr(5, 2)), to_int(t.substr(8, 2))};
    if (d.year < 2000 || d.year > 2099 || !is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

std::string day_key(const CivilDay& d) { return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day); }
CivilDay china_day_of(std::int64_t unix_seconds) {
    return civil_from_days(floor_div(unix_seconds + kChinaUtcOffset, 86400));
}
std::int64_t china_day_start(const CivilDay& d) { return days_from_civil(d) * 86400 - kChinaUtcOffset; }
int iso_weekday(const CivilDay& d) { return weekday_of(d) + 1; }

namespace {
// The ISO week-numbering year and week of d.
std::pair<int, int> iso_week(const CivilDay& d) {
    const std::int64_t z = days_from_civil(d);
    const CivilDay thursday = civil_from_days(z + 4 - iso_weekday(d));
    const std::int64_t ordinal = days_from_civil(thursday) - days_from_civil({thursday.year, 1, 1});
    return {thursday.year, static_cast<int>(ordinal / 7 + 1)};
}
CivilDay iso_week_monday(int year, int week) {
    const CivilDay jan4{year, 1, 4};
    return civil_from_days(days_from_civil(jan4) - (iso_weekday(jan4) - 1) + (week - 1) * 7);
}
}  // namespace

std::string iso_week_key(const CivilDay& d) {
    auto [y, w] = iso_week(d);
    return std::to_string(y) + "-W" + two(w);
}
std::string month_key(const CivilDay& d) { return std::to_string(d.year) + "-" + two(d.month); }

// ---- grouping -----------------------------------------------------------------------------------

namespace {
struct GroupInfo {
    StatGroup g;
    const char* id;
    const char* zh;
};
constexpr GroupInfo kGroups[] = {
    {StatGroup::day, "day", "日期"},     {StatGroup::week, "week", "周"},       {StatGroup::month, "month", "月份"},
    {StatGroup::item, "item", "事项"},   {StatGroup::area, "area", "区域"},     {StatGroup::channel, "channel", "入口渠道"},
};
}  // namespace

const char* stat_group_id(StatGroup g) { return kGroups[static_cast<std::size_t>(g)].id; }
const char* stat_group_zh(StatGroup g) { return kGroups[static_cast<std::size_t>(g)].zh; }
std::optional<StatGroup> stat_group_from_id(std::string_view id) {
    for (const auto& g : kGroups)
        if (id == g.id) return g.g;
    return std::nullopt;
}
bool is_period_group(StatGroup g) { return g == StatGroup::day || g == StatGroup::week || g == StatGroup::month; }

std::optional<double> StatFigures::satisfaction() const {
    if (ratings <= 0) return std::nullopt;
    return static_cast<double>(satisfied_ratings) / static_cast<double>(ratings);
}
bool StatFigures::empty() const {
    return doorplate_opens == 0 && guide_views == 0 && searches == 0 && navigations == 0 && help_services == 0 &&
           requests_closed == 0 && ratings == 0;
}

void add_count(StatFigures& f, const EventCount& c) {
    switch (c.type) {
        case StatEvent::doorplate_opened: f.doorplate_opens += c.count; break;
        case StatEvent::guide_viewed: f.guide_views += c.count; break;
        case StatEvent::search: f.searches += c.count; break;
        case StatEvent::navigation_tapped: f.navigations += c.count; break;
        case StatEvent::help_requested: {
            f.help_services += c.count;
            auto it = std::find_if(f.help_by_kind.begin(), f.help_by_kind.end(),
                                   [&](const HelpKindCount& k) { return k.kind == c.kind; });
            if (it == f.help_by_kind.end()) {
                f.help_by_kind.push_back({c.kind, 0});
                it = f.help_by_kind.end() - 1;
                // Keep the fixed kind order (phone, question, prereview, proxy, video; unknown last).
                auto rank = [](const std::string& k) {
                    for (std::size_t i = 0; i < std::size(kHelpKinds); ++i)
                        if (k == kHelpKinds[i].id) return i;
                    return std::size(kHelpKinds);
                };
                std::stable_sort(f.help_by_kind.begin(), f.help_by_kind.end(),
                                 [&](const HelpKindCount& a, const HelpKindCount& b) { return rank(a.kind) < rank(b.kind); });
                it = std::find_if(f.help_by_kind.begin(), f.help_by_kind.end(),
                                  [&](const HelpKindCount& k) { return k.kind == c.kind; });
            }
            it->count += c.count;
            break;
        }
        case StatEvent::request_closed: f.requests_closed += c.count; break;
        case StatEvent::rating:
            f.ratings += c.count;
            if (c.score >= 4) f.satisfied_ratings += c.count;  // 满意 (4) and 非常满意 (5)
            break;
    }
}

StatFigures total_figures(const std::vector<EventCount>& counts) {
    StatFigures f;
    for (const auto& c : counts) add_count(f, c);
    return f;
}

std::string period_label(StatGroup g, const std::string& key) {
    if (g == StatGroup::day) {
        if (auto d = parse_day(key)) return std::to_string(d->month) + "月" + std::to_string(d->day) + "日";
    } else if (g == StatGroup::week) {
        if (key.size() == 8 && key[4] == '-' && key[5] == 'W' && digits(key.substr(0, 4)) && digits(key.substr(6, 2))) {
            const CivilDay monday = iso_week_monday(to_int(key.substr(0, 4)), to_int(key.substr(6, 2)));
            return "第" + std::to_string(to_int(key.substr(6, 2))) + "周（" + std::to_string(monday.month) + "月" +
                   std::to_string(monday.day) + "日起）";
        }
    } else if (g == StatGroup::month) {
        if (key.size() == 7 && key[4] == '-' && digits(key.substr(0, 4)) && digits(key.substr(5, 2)))
            return key.substr(0, 4) + "年" + std::to_string(to_int(key.substr(5, 2))) + "月";
    }
    return key;
}

namespace {
std::string period_key(StatGroup g, const CivilDay& d) {
    if (g == StatGroup::week) return iso_week_key(d);
    if (g == StatGroup::month) return month_key(d);
    return day_key(d);
}
}  // namespace

std::vector<StatRow> group_rows(const std::vector<EventCount>& counts, StatGroup g, const CivilDay& from,
                                const CivilDay& to) {
    std::vector<StatRow> rows;
    if (is_period_group(g)) {
        const std::int64_t first = days_from_civil(from), last = days_from_civil(to);
        std::map<std::string, std::size_t> row_of_day;
        for (std::int64_t z = first; z <= last; ++z) {
            const CivilDay d = civil_from_days(z);
            const std::string key = period_key(g, d);
            if (rows.empty() || rows.back().key != key) rows.push_back({key, period_label(g, key), {}});
            row_of_day[day_key(d)] = rows.size() - 1;
        }
        for (const auto& c : counts) {
            auto it = row_of_day.find(c.key);
            if (it != row_of_day.end()) add_count(rows[it->second].figures, c);
        }
        return rows;
    }
    if (g == StatGroup::channel) {
        for (EntryChannel ch : all_entry_channels()) rows.push_back({entry_channel_id(ch), entry_channel_zh(ch), {}});
        StatRow unrecorded{"", "（未记录）", {}};
        for (const auto& c : counts) {
            auto it = std::find_if(rows.begin(), rows.end(), [&](const StatRow& r) { return r.key == c.key; });
            add_count(it != rows.end() ? it->figures : unrecorded.figures, c);
        }
        if (!unrecorded.figures.empty()) rows.push_back(unrecorded);
        return rows;
    }
    std::map<std::string, StatFigures> by_key;
    for (const auto& c : counts) add_count(by_key[c.key], c);
    for (auto& [key, f] : by_key) rows.push_back({key, key, f});
    std::stable_sort(rows.begin(), rows.end(), [](const StatRow& a, const StatRow& b) {
        const auto& x = a.figures;
        const auto& y = b.figures;
        if (x.look_ups() != y.look_ups()) return x.look_ups() > y.look_ups();
        if (x.navigations != y.navigations) return x.navigations > y.navigations;
        if (x.help_services != y.help_services) return x.help_services > y.help_services;
        return a.key < b.key;
    });
    return rows;
}

// ---- help requests ------------------------------------------------------------------------------

std::optional<RequestTiming> request_timing(const RequestHistory& h, const HelpTimeLimits& limits) {
    HelpRequest r = make_help_request("", h.kind, "", h.created_at);
    for (const auto& [at, status] : h.events) {
        if (r.paused_since && status != "needs_supplement") {
            r.paused_seconds += std::max<std::int64_t>(0, at - *r.paused_since);
            r.paused_since.reset();
        }
        if (status == "needs_supplement" && !r.paused_since) r.paused_since = at;
        if (status == "withdrawn") return std::nullopt;
        if (status == "completed") {
            r.status = HelpStatus::completed;
            r.closed_at = at;
            const HelpClock clock = help_clock(r, at, limits);
            return RequestTiming{at, clock.elapsed, clock.limit, clock.elapsed <= clock.limit};
        }
    }
    return std::nullopt;
}

void ServiceQuality::add(const RequestTiming& t) {
    ++completed;
    if (t.on_time) ++on_time;
    handling_seconds_total += t.handling_seconds;
}
std::optional<double> ServiceQuality::compliance() const {
    if (completed <= 0) return std::nullopt;
    return static_cast<double>(on_time) / static_cast<double>(completed);
}
std::optional<double> ServiceQuality::average_handling_seconds() const {
    if (completed <= 0) return std::nullopt;
    return static_cast<double>(handling_seconds_total) / static_cast<double>(completed);
}

// ---- axes and formats ---------------------------------------------------------------------------

AxisTicks nice_ticks(double min, double max, int max_ticks, bool integer_steps) {
    max_ticks = std::clamp(max_ticks, 2, 20);
    if (!std::isfinite(min) || !std::isfinite(max)) min = 0, max = 1;
    if (max < min) std::swap(min, max);
    if (max - min <= 0) max = min + 1;
    const double raw = (max - min) / max_ticks;
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    if (integer_steps) mag = std::max(mag, 1.0);
    AxisTicks t;
    static const double kSteps[] = {1, 2, 2.5, 5, 10};
    for (int attempt = 0; attempt < 3; ++attempt, mag *= 10) {
        bool found = false;
        for (double s : kSteps) {
            const double step = s * mag;
            if (integer_steps && step != std::round(step)) continue;
            const double lo = std::floor(min / step + 1e-9) * step;
            const double hi = std::ceil(max / step - 1e-9) * step;
            if ((hi - lo) / step <= max_ticks + 1e-9) {
                t.lo = lo, t.hi = hi, t.step = step;
                found = true;
                break;
            }
        }
        if (found) break;
    }
    const int n = static_cast<int>(std::llround((t.hi - t.lo) / t.step));
    for (int i = 0; i <= n; ++i) {
        double v = t.lo + i * t.step;
        v = std::round(v / t.step) * t.step;  // no 0.30000000000000004
        if (std::fabs(v) < t.step * 1e-9) v = 0;
        t.values.push_back(v);
    }
    return t;
}

namespace {
int decimals_for(double step) {
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 6;
}
std::string fixed(double v, int decimals) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}
}  // namespace

std::string tick_label(double value, double step) {
    if (std::fabs(value) >= 10000) {
        return fixed(value / 10000, std::min(decimals_for(step / 10000), 2)) + "万";
    }
    return fixed(value, decimals_for(step));
}

std::string format_percent(double share) {
    std::string s = fixed(share * 100, 1);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s + "%";
}

std::string format_duration_zh(std::int64_t seconds) {
    if (seconds < 60) return "不到1分钟";
    const std::int64_t minutes = (seconds + 30) / 60;
    if (minutes < 60) return std::to_string(minutes) + "分钟";
    if (seconds < 86400) {
        const std::int64_t h = minutes / 60, m = minutes % 60;
        return std::to_string(h) + "小时" + (m ? std::to_string(m) + "分" : "");
    }
    const std::int64_t hours = (seconds + 1800) / 3600;
    const std::int64_t d = hours / 24, h = hours % 24;
    return std::to_string(d) + "天" + (h ? std::to_string(h) + "小时" : "");
}

}  // namespace dp
