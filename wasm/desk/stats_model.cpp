// The statistics dashboard's pure helpers (see stats_model.hpp).
#include "stats_model.hpp"

#include "url.hpp"

namespace desk {

using nlohmann::json;

const char* stats_period_id(StatsPeriod p) {
    switch (p) {
        case StatsPeriod::last7: return "last7";
        case StatsPeriod::last30: return "last30";
        case StatsPeriod::this_month: return "this_month";
        case StatsPeriod::last_month: return "last_month";
    }
    return "last30";
}

const char* stats_period_zh(StatsPeriod p) {
    switch (p) {
        case StatsPeriod::last7: return "近7天";
        case StatsPeriod::last30: return "近30天";
        case StatsPeriod::this_month: return "本月";
        case StatsPeriod::last_month: return "上月";
    }
    return "";
}

std::pair<dp::CivilDay, dp::CivilDay> stats_period_range(StatsPeriod p, const dp::CivilDay& today) {
    const auto back = [&](int days) { return dp::civil_from_days(dp::days_from_civil(today) - days); };
    dp::CivilDay first = today;
    first.day = 1;
    switch (p) {
        case StatsPeriod::last7: return {back(6), today};
        case StatsPeriod::last30: return {back(29), today};
        case StatsPeriod::this_month: return {first, today};
        case StatsPeriod::last_month: {
            const dp::CivilDay end = dp::civil_from_days(dp::days_from_civil(first) - 1);
            dp::CivilDay start = end;
            start.day = 1;
            return {start, end};
        }
    }
    return {back(29), today};
}

std::string stats_area(const StatsFilter& f) { return f.village.empty() ? f.town : f.village; }

std::string stats_url(const StatsState& s, const std::string& group, bool csv) {
    std::string url = std::string("/api/v1/stats") + (csv ? ".csv" : "") + "?from=" + s.from + "&to=" + s.to +
                      "&group_by=" + group;
    const std::string area = stats_area(s.filter);
    if (!area.empty()) url += "&area=" + dp::url_encode(area);
    return url;
}

namespace {
int64_t count(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}
std::optional<double> share(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}
}  // namespace

StatsRow parse_stats_row(const json& j) {
    StatsRow r;
    r.key = j.value("key", "");
    r.label = j.value("label", r.key);
    r.look_ups = count(j, "look_ups");
    r.doorplate_opens = count(j, "doorplate_opens");
    r.guide_views = count(j, "guide_views");
    r.searches = count(j, "searches");
    r.navigations = count(j, "navigations");
    r.help_services = count(j, "help_services");
    r.requests_closed = count(j, "requests_closed");
    r.ratings = count(j, "ratings");
    r.satisfaction = share(j, "satisfaction");
    return r;
}

StatsHeadline parse_stats_headline(const json& j) {
    StatsHeadline h;
    h.totals = parse_stats_row(j);
    if (j.contains("help_by_kind") && j["help_by_kind"].is_object())
        for (auto& [k, v] : j["help_by_kind"].items())
            if (v.is_number_integer()) h.help_by_kind.emplace_back(k, v.get<int64_t>());
    h.satisfied_ratings = count(j, "satisfied_ratings");
    h.requests_completed = count(j, "requests_completed");
    h.completed_on_time = count(j, "completed_on_time");
    h.compliance = share(j, "time_limit_compliance");
    if (j.contains("average_handling_seconds") && j["average_handling_seconds"].is_number_integer())
        h.average_handling_seconds = j["average_handling_seconds"].get<int64_t>();
    if (j.contains("average_handling_label") && j["average_handling_label"].is_string())
        h.average_handling_label = j["average_handling_label"].get<std::string>();
    return h;
}

std::string thousands(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

}  // namespace desk
