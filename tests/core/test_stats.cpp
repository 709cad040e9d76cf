// Tests of shared/stats: China-time calendar keys, the figure definitions and grouping against
// hand-computed fixtures, request handling time and compliance, axis ticks and number formats.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "stats.hpp"

using dp::CivilDay;
using dp::EventCount;
using dp::StatEvent;
using dp::StatGroup;

TEST_CASE("event ids and group ids map both ways; unknown ones are refused") {
    for (StatEvent e : dp::all_stat_events()) CHECK(dp::stat_event_from_id(dp::stat_event_id(e)) == e);
    CHECK(dp::all_stat_events().size() == 7);
    CHECK_FALSE(dp::stat_event_from_id("page_view").has_value());
    CHECK(dp::stat_group_from_id("week") == StatGroup::week);
    CHECK_FALSE(dp::stat_group_from_id("year").has_value());
    CHECK(dp::is_help_kind("phone"));
    CHECK(dp::is_help_kind("proxy"));
    CHECK_FALSE(dp::is_help_kind("email"));
    CHECK(std::string(dp::help_kind_zh("video")) == "视频连线");
}

TEST_CASE("calendar: days, China time, ISO weeks, months") {
    CHECK(dp::parse_day("2024-02-29").has_value());
    CHECK_FALSE(dp::parse_day("2025-02-29").has_value());
    CHECK_FALSE(dp::parse_day("2025-1-01").has_value());
    CHECK_FALSE(dp::parse_day("2025-13-01").has_value());
    CHECK_FALSE(dp::parse_day("1999-12-31").has_value());
    CHECK_FALSE(dp::parse_day("2025-11-03 ").has_value());
    CHECK(dp::day_key({2025, 11, 3}) == "2025-11-03");
    CHECK(dp::days_from_civil({1970, 1, 1}) == 0);
    CHECK(dp::civil_from_days(dp::days_from_civil({2024, 2, 29})) == CivilDay{2024, 2, 29});
    // 1,700,000,000 s = 2023-11-14 22:13:20 UTC = 2023-11-15 06:13:20 in China.
    CHECK(dp::china_day_of(1700000000) == CivilDay{2023, 11, 15});
    const CivilDay d{2025, 11, 3};
    CHECK(dp::china_day_of(dp::china_day_start(d)) == d);
    CHECK(dp::china_day_of(dp::china_day_start(d) - 1) == CivilDay{2025, 11, 2});
    CHECK(dp::china_day_start(d) == 1762099200);  // 2025-11-02 16:00:00 UTC
    CHECK(dp::iso_weekday({1970, 1, 1}) == 4);
    CHECK(dp::iso_weekday(d) == 1);
    CHECK(dp::iso_week_key({2025, 11, 1}) == "2025-W44");
    CHECK(dp::iso_week_key(d) == "2025-W45");
    CHECK(dp::iso_week_key({2025, 12, 29}) == "2026-W01");
    CHECK(dp::iso_week_key({2021, 1, 3}) == "2020-W53");
    CHECK(dp::iso_week_key({2024, 12, 30}) == "2025-W01");
    CHECK(dp::month_key(d) == "2025-11");
    CHECK(dp::period_label(StatGroup::day, "2025-11-03") == "11月3日");
    CHECK(dp::period_label(StatGroup::week, "2025-W45") == "第45周（11月3日起）");
    CHECK(dp::period_label(StatGroup::week, "2026-W01") == "第1周（12月29日起）");
    CHECK(dp::period_label(StatGroup::month, "2025-11") == "2025年11月");
}

namespace {
// 2025-11-01 (Saturday) … 2025-11-10 (Monday), plus one count after the range.
std::vector<EventCount> fixture() {
    return {
        {"2025-11-01", StatEvent::doorplate_opened, "", 0, 10},
        {"2025-11-01", StatEvent::guide_viewed, "", 0, 5},
        {"2025-11-02", StatEvent::navigation_tapped, "", 0, 3},
        {"2025-11-03", StatEvent::help_requested, "question", 0, 1},
        {"2025-11-03", StatEvent::help_requested, "phone", 0, 2},
        {"2025-11-09", StatEvent::rating, "question", 5, 3},
        {"2025-11-10", StatEvent::rating, "proxy", 3, 1},
        {"2025-11-10", StatEvent::rating, "proxy", 4, 1},
        {"2025-11-10", StatEvent::search, "", 0, 7},
        {"2025-11-10", StatEvent::request_closed, "question", 0, 2},
        {"2025-11-11", StatEvent::doorplate_opened, "", 0, 100},
    };
}
}  // namespace

TEST_CASE("headline figures: look-ups are opens + guide views; help services; satisfaction is 4–5 of all ratings") {
    auto counts = fixture();
    counts.pop_back();  // the server passes only the period's counts
    const dp::StatFigures f = dp::total_figures(counts);
    CHECK(f.doorplate_opens == 10);
    CHECK(f.guide_views == 5);
    CHECK(f.look_ups() == 15);
    CHECK(f.searches == 7);
    CHECK(f.navigations == 3);
    CHECK(f.help_services == 3);
    REQUIRE(f.help_by_kind.size() == 2);
    CHECK(f.help_by_kind[0].kind == "phone");  // fixed order: phone before question
    CHECK(f.help_by_kind[0].count == 2);
    CHECK(f.help_by_kind[1].kind == "question");
    CHECK(f.requests_closed == 2);
    CHECK(f.ratings == 5);
    CHECK(f.satisfied_ratings == 4);
    REQUIRE(f.satisfaction().has_value());
    CHECK(*f.satisfaction() == doctest::Approx(0.8));
    CHECK_FALSE(dp::StatFigures{}.satisfaction().has_value());
}

TEST_CASE("grouping by day, ISO week and month covers every period of the range with zeros") {
    const CivilDay from{2025, 11, 1}, to{2025, 11, 10};
    auto days = dp::group_rows(fixture(), StatGroup::day, from, to);
    REQUIRE(days.size() == 10);
    CHECK(days[0].key == "2025-11-01");
    CHECK(days[0].label == "11月1日");
    CHECK(days[0].figures.look_ups() == 15);
    CHECK(days[1].figures.navigations == 3);
    CHECK(days[2].figures.help_services == 3);
    CHECK(days[4].figures.empty());
    CHECK(days[9].figures.ratings == 2);
    CHECK(days[9].figures.searches == 7);
    std::int64_t opened = 0;
    for (auto& r : days) opened += r.figures.doorplate_opens;
    CHECK(opened == 10);  // 2025-11-11 is outside the range

    auto weeks = dp::group_rows(fixture(), StatGroup::week, from, to);
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].key == "2025-W44");
    CHECK(weeks[0].figures.look_ups() == 15);
    CHECK(weeks[0].figures.navigations == 3);
    CHECK(weeks[1].key == "2025-W45");
    CHECK(weeks[1].figures.help_services == 3);
    CHECK(weeks[1].figures.ratings == 3);
    CHECK(*weeks[1].figures.satisfaction() == doctest::Approx(1.0));
    CHECK(weeks[2].key == "2025-W46");
    CHECK(weeks[2].label == "第46周（11月10日起）");
    CHECK(*weeks[2].figures.satisfaction() == doctest::Approx(0.5));

    auto months = dp::group_rows(fixture(), StatGroup::month, from, to);
    REQUIRE(months.size() == 1);
    CHECK(months[0].figures.look_ups() == 15);
    CHECK(months[0].figures.ratings == 5);

    auto across = dp::group_rows({}, StatGroup::month, {2025, 12, 30}, {2026, 1, 2});
    REQUIRE(across.size() == 2);
    CHECK(across[1].key == "2026-01");
    auto one_week = dp::group_rows({}, StatGroup::week, {2025, 12, 30}, {2026, 1, 2});
    REQUIRE(one_week.size() == 1);
    CHECK(one_week[0].key == "2026-W01");
}

TEST_CASE("grouping by item and area ranks by look-ups, then navigations; channels keep their order") {
    std::vector<EventCount> items = {
        {"a", StatEvent::guide_viewed, "", 0, 5}, {"b", StatEvent::guide_viewed, "", 0, 9},
        {"a", StatEvent::navigation_tapped, "", 0, 4}, {"c", StatEvent::guide_viewed, "", 0, 5},
        {"c", StatEvent::navigation_tapped, "", 0, 1},
    };
    auto rows = dp::group_rows(items, StatGroup::item, {2025, 11, 1}, {2025, 11, 1});
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].key == "b");
    CHECK(rows[1].key == "a");
    CHECK(rows[2].key == "c");
    CHECK(rows[1].figures.navigations == 4);

    std::vector<EventCount> channels = {
        {"wechat", StatEvent::doorplate_opened, "", 0, 2},
        {"poster", StatEvent::doorplate_opened, "", 0, 6},
        {"poster", StatEvent::guide_viewed, "", 0, 3},
        {"", StatEvent::help_requested, "question", 0, 1},
    };
    auto by_channel = dp::group_rows(channels, StatGroup::channel, {2025, 11, 1}, {2025, 11, 1});
    REQUIRE(by_channel.size() == 8);  // the 7 channels and the events without one
    CHECK(by_channel[0].key == "poster");
    CHECK(by_channel[0].label == "门牌海报");
    CHECK(by_channel[0].figures.look_ups() == 9);
    CHECK(by_channel[1].figures.doorplate_opens == 2);
    CHECK(by_channel[6].key == "other");
    CHECK(by_channel[6].figures.empty());
    CHECK(by_channel[7].label == "（未记录）");
    CHECK(by_channel[7].figures.help_services == 1);
    CHECK(dp::group_rows({}, StatGroup::channel, {2025, 11, 1}, {2025, 11, 1}).size() == 7);
}

TEST_CASE("request timing: pauses for 补件 excluded, on time against the kind's limit") {
    dp::RequestHistory q{dp::HelpKind::question, 1000,
                         {{1000, "submitted"}, {1100, "assigned"}, {1200, "in_progress"},
                          {2000, "needs_supplement"}, {5000, "in_progress"}, {9000, "completed"}, {9500, "rated"}}};
    auto t = dp::request_timing(q);
    REQUIRE(t.has_value());
    CHECK(t->handling_seconds == 5000);  // 8,000 s minus the 3,000 s waiting for the resident
    CHECK(t->limit_seconds == 7200);
    CHECK(t->on_time);
    CHECK(t->completed_at == 9000);

    dp::RequestHistory late{dp::HelpKind::prereview, 0, {{0, "submitted"}, {90000, "completed"}}};
    auto l = dp::request_timing(late);
    REQUIRE(l.has_value());
    CHECK(l->handling_seconds == 90000);
    CHECK_FALSE(l->on_time);  // the limit is 86,400 s

    dp::RequestHistory exactly{dp::HelpKind::question, 0, {{7200, "completed"}}};
    CHECK(dp::request_timing(exactly)->on_time);
    CHECK_FALSE(dp::request_timing({dp::HelpKind::proxy, 0, {{10, "assigned"}, {20, "withdrawn"}}}).has_value());
    CHECK_FALSE(dp::request_timing({dp::HelpKind::proxy, 0, {{10, "assigned"}}}).has_value());

    dp::ServiceQuality s;
    CHECK_FALSE(s.compliance().has_value());
    s.add(*t);
    s.add(*l);
    CHECK(s.completed == 2);
    CHECK(*s.compliance() == doctest::Approx(0.5));
    CHECK(*s.average_handling_seconds() == doctest::Approx(47500));
}

TEST_CASE("nice axis ticks") {
    auto a = dp::nice_ticks(0, 937, 5);
    CHECK(a.step == 200);
    CHECK(a.hi == 1000);
    CHECK(a.values == std::vector<double>{0, 200, 400, 600, 800, 1000});
    auto b = dp::nice_ticks(0, 0.87, 4);
    CHECK(b.step == doctest::Approx(0.25));
    CHECK(b.values.size() == 5);
    CHECK(b.values[3] == doctest::Approx(0.75));
    auto c = dp::nice_ticks(0, 25653, 5);
    CHECK(c.step == 10000);
    CHECK(c.hi == 30000);
    auto d = dp::nice_ticks(12, 47, 5);
    CHECK(d.step == 10);
    CHECK(d.lo == 10);
    CHECK(d.hi == 50);
    auto flat = dp::nice_ticks(0, 0, 5, true);
    CHECK(flat.lo == 0);
    CHECK(flat.hi == 1);
    CHECK(flat.step == 1);
    auto small = dp::nice_ticks(0, 3, 5, true);
    CHECK(small.step == 1);
    CHECK(small.values.size() == 4);
    auto tiny = dp::nice_ticks(0, 3, 5);
    CHECK(tiny.step == doctest::Approx(1));  // 0, 1, 2, 3: 3 intervals (0.5 would need 6)
    for (auto& t : {a, b, c, d, flat, small})
        CHECK(t.values.size() <= 6);
}

TEST_CASE("labels and formats") {
    CHECK(dp::tick_label(200, 200) == "200");
    CHECK(dp::tick_label(0.75, 0.25) == "0.75");
    CHECK(dp::tick_label(25000, 5000) == "2.5万");
    CHECK(dp::tick_label(20000, 10000) == "2万");
    CHECK(dp::format_percent(0.93456) == "93.5%");
    CHECK(dp::format_percent(1.0) == "100%");
    CHECK(dp::format_percent(0.8) == "80%");
    CHECK(dp::format_duration_zh(30) == "不到1分钟");
    CHECK(dp::format_duration_zh(45 * 60) == "45分钟");
    CHECK(dp::format_duration_zh(3 * 3600 + 20 * 60) == "3小时20分");
    CHECK(dp::format_duration_zh(7200) == "2小时");
    CHECK(dp::format_duration_zh(2 * 86400 + 4 * 3600) == "2天4小时");
    CHECK(dp::format_duration_zh(86400) == "1天");
}
