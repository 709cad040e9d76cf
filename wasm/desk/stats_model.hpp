// The statistics dashboard's data (统计, supervisors): the filter (period preset, grouping, town and
// village), the four tables read from GET /api/v1/stats (the trend by day/week/month with the
// headline figures, items, areas, entry channels), and the pure helpers the view and main.cpp use
// (period ranges in China time, URLs, parsing, number formats).
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stats.hpp"

namespace desk {

enum class Load;

enum class StatsPeriod { last7, last30, this_month, last_month };
const char* stats_period_id(StatsPeriod p);  // "last7"
const char* stats_period_zh(StatsPeriod p);  // "近7天"
// The inclusive day range of a preset, `today` being China's calendar day.
std::pair<dp::CivilDay, dp::CivilDay> stats_period_range(StatsPeriod p, const dp::CivilDay& today);

struct StatsFilter {
    StatsPeriod period = StatsPeriod::last30;
    std::string group = "day";  // day | week | month (the trend)
    std::string town, village;  // area ids ("" = the whole county / the whole town)
    bool operator==(const StatsFilter& o) const {
        return period == o.period && group == o.group && town == o.town && village == o.village;
    }
};

struct StatsRow {
    std::string key, label;
    int64_t look_ups = 0, doorplate_opens = 0, guide_views = 0, searches = 0, navigations = 0, help_services = 0,
            requests_closed = 0, ratings = 0;
    std::optional<double> satisfaction;
};

struct StatsHeadline {
    StatsRow totals;  // the first block of the API's headline
    std::vector<std::pair<std::string, int64_t>> help_by_kind;
    int64_t satisfied_ratings = 0, requests_completed = 0, completed_on_time = 0;
    std::optional<double> compliance;
    std::optional<int64_t> average_handling_seconds;
    std::string average_handling_label;
};

struct StatsTable {
    Load state{};
    std::string error;
    std::vector<StatsRow> rows;
};

struct AreaOption {
    std::string id, name;
};

struct StatsState {
    StatsFilter filter;
    std::string from, to;       // the range asked for ("2025-11-03")
    std::string area_name;      // "全县", "溪美街道", "溪美街道 · 城东社区"
    StatsHeadline headline;     // arrives with the trend table
    StatsTable trend, items, areas, channels;
    std::vector<AreaOption> towns;     // from the county-wide area table
    std::vector<AreaOption> villages;  // of the selected town, from its area table
    int generation = 0;                // bumped per filter change: older answers are dropped
};

// "/api/v1/stats?from=…&to=…&group_by=…[&area=…]" (or stats.csv)
std::string stats_url(const StatsState& s, const std::string& group, bool csv = false);
// The area the filter names ("" = the whole county).
std::string stats_area(const StatsFilter& f);
StatsRow parse_stats_row(const nlohmann::json& j);
StatsHeadline parse_stats_headline(const nlohmann::json& j);

// 25653 → "25,653"
std::string thousands(int64_t n);

}  // namespace desk
