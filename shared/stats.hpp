// Usage statistics (统计): the event types the apps send, China-time calendar keys (day, ISO week,
// month), and the ONE place that defines the headline figures and how counts roll up by period,
// item, area and channel; plus help-request handling time and time-limit compliance, and nice
// chart axis ticks. Pure functions over plain structs; the server's SQL only pre-counts rows.
//
// Definitions (docs/api-stats.md repeats them):
//   look-ups (查询)       = doorplate_opened + guide_viewed events (each page a resident looked at:
//                           a doorplate's landing or an item's guide; a search that opens a result
//                           counts through its guide_viewed, the search itself is not a look-up)
//   navigations (导航)    = navigation_tapped events (the 导航 button that opens a map app)
//   help services (帮办)  = help_requested events (phone calls to the hotline from the app, and
//                           every submitted help request, recorded by the server)
//   satisfaction (满意率) = ratings of 4 满意 or 5 非常满意 ÷ all ratings (好差评, 5 levels)
//   compliance (按时办结率) = requests completed within their kind's time limit (pauses for 补件
//                           excluded, shared/request_lifecycle) ÷ requests completed in the period
//   handling time         = submission → completion, minus the waits for the resident's 补件
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "opening_hours.hpp"
#include "request_lifecycle.hpp"

namespace dp {

// ---- event types --------------------------------------------------------------------------------

enum class StatEvent : std::uint8_t {
    doorplate_opened,   // channel (entry_channels), doorplate
    search,             // doorplate; item when a result was opened; results = number of hits
    guide_viewed,       // item
    navigation_tapped,  // place, map app (amap | baidu | tencent)
    help_requested,     // kind: phone | question | prereview | proxy | video
    request_closed,     // kind, item
    rating,             // score 1–5, kind, item
};
const std::vector<StatEvent>& all_stat_events();
const char* stat_event_id(StatEvent e);  // "doorplate_opened"
const char* stat_event_zh(StatEvent e);  // "打开门牌"
std::optional<StatEvent> stat_event_from_id(std::string_view id);

// help_requested kinds: the four request kinds plus "phone" (the hotline button in the app).
bool is_help_kind(std::string_view kind);
const char* help_kind_zh(std::string_view kind);  // "电话求助", "在线咨询"…; "" when unknown

// ---- China-time calendar (UTC+8 all year: no daylight saving) ------------------------------------

// A calendar day: opening_hours' LocalDate (with its days_from_civil / civil_from_days / ==, <).
using CivilDay = LocalDate;
constexpr std::int64_t kChinaUtcOffset = kShanghaiUtcOffsetS;

// "2025-11-03" exactly (zero-padded, a real date, years 2000–2099); nullopt otherwise.
std::optional<CivilDay> parse_day(std::string_view text);
std::string day_key(const CivilDay& d);                 // "2025-11-03"
CivilDay china_day_of(std::int64_t unix_seconds);       // the calendar day in China
std::int64_t china_day_start(const CivilDay& d);        // Unix seconds of 00:00 China time
int iso_weekday(const CivilDay& d);                     // 1 Monday … 7 Sunday
std::string iso_week_key(const CivilDay& d);            // "2025-W45" (ISO 8601 week-numbering year)
std::string month_key(const CivilDay& d);               // "2025-11"

// ---- grouping -----------------------------------------------------------------------------------

enum class StatGroup : std::uint8_t { day, week, month, item, area, channel };
const char* stat_group_id(StatGroup g);
const char* stat_group_zh(StatGroup g);  // the CSV's first column header: "日期", "周", "月份", "事项", "区域", "入口渠道"
std::optional<StatGroup> stat_group_from_id(std::string_view id);
bool is_period_group(StatGroup g);  // day, week, month

// One pre-counted cell from storage: `count` events of one type (and kind / score) under one key.
// The key is the day ("2025-11-03") for period groups, else the item id, area id or channel id.
struct EventCount {
    std::string key;
    StatEvent type = StatEvent::doorplate_opened;
    std::string kind;  // help_requested, request_closed, rating
    int score = 0;     // rating
    std::int64_t count = 0;
};

struct HelpKindCount {
    std::string kind;
    std::int64_t count = 0;
};

struct StatFigures {
    std::int64_t doorplate_opens = 0, guide_views = 0, searches = 0, navigations = 0, help_services = 0,
                 requests_closed = 0, ratings = 0, satisfied_ratings = 0;
    std::vector<HelpKindCount> help_by_kind;  // phone, question, prereview, proxy, video (only those seen)
    std::int64_t look_ups() const { return doorplate_opens + guide_views; }
    std::optional<double> satisfaction() const;  // satisfied ÷ ratings; nullopt without ratings
    bool empty() const;
};
// Adds one pre-counted cell to the figures: the definitions above, in code.
void add_count(StatFigures& f, const EventCount& c);
StatFigures total_figures(const std::vector<EventCount>& counts);

struct StatRow {
    std::string key;    // "2025-11-03", "2025-W45", "2025-11", item id, area id, channel id
    std::string label;  // Chinese: "11月3日", "第45周（11月3日起）", "2025年11月", channel names; item and area
                        // names are the caller's (the label is the key until it sets one)
    StatFigures figures;
};

// The table for group `g` over [from, to] (inclusive). Period groups: one row per day / ISO week /
// month that overlaps the range, in order, zeros included (charts need every period). Item and
// area groups: the keys that have counts, by look-ups then navigations then help services
// (descending), then key. Channel: every entry channel in its fixed order, zeros included.
// Counts whose key lies outside the range (period groups) are ignored.
std::vector<StatRow> group_rows(const std::vector<EventCount>& counts, StatGroup g, const CivilDay& from,
                                const CivilDay& to);
std::string period_label(StatGroup g, const std::string& key);  // for period keys

// ---- help requests: handling time and time limits -----------------------------------------------

struct RequestHistory {
    HelpKind kind = HelpKind::question;
    std::int64_t created_at = 0;
    std::vector<std::pair<std::int64_t, std::string>> events;  // (at, status) in time order
};
struct RequestTiming {
    std::int64_t completed_at = 0;
    std::int64_t handling_seconds = 0;  // pauses for 补件 excluded
    std::int64_t limit_seconds = 0;
    bool on_time = false;               // handling_seconds ≤ limit
};
// nullopt unless the history reaches "completed" (withdrawn or still open requests have no timing).
std::optional<RequestTiming> request_timing(const RequestHistory& h, const HelpTimeLimits& limits = {});

struct ServiceQuality {
    std::int64_t completed = 0, on_time = 0, handling_seconds_total = 0;
    void add(const RequestTiming& t);
    std::optional<double> compliance() const;            // on_time ÷ completed
    std::optional<double> average_handling_seconds() const;
};

// ---- chart axes and number formats ---------------------------------------------------------------

struct AxisTicks {
    double lo = 0, hi = 1, step = 1;  // lo and hi are multiples of step covering [min, max]
    std::vector<double> values;       // lo, lo+step, …, hi
};
// "Nice" ticks (steps of 1, 2, 2.5 or 5 × 10^n) covering [min, max] with at most max_ticks + 1
// values. A zero-height range gets a unit-sized axis above it; max_ticks is clamped to 2–20.
// integer_steps: whole-number steps only (counts: no "0.5 次").
AxisTicks nice_ticks(double min, double max, int max_ticks = 5, bool integer_steps = false);
// A tick value as text with as many decimals as the step needs; ≥ 10,000 as 万 (e.g. "2.5万").
std::string tick_label(double value, double step);
std::string format_percent(double share);  // 0.9346 → "93.5%"
std::string format_duration_zh(std::int64_t seconds);  // "45分钟", "3小时20分", "2天4小时"

}  // namespace dp
