// Tests of shared/opening_hours: Shanghai time, weekly and date rules, overnight spans,
// the text form and its errors, and the Chinese descriptions.
#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>

#include "opening_hours.hpp"

using dp::LocalDate;
using dp::LocalDateTime;

namespace {

dp::OpeningHours parse_ok(const std::string& text) {
    auto r = dp::parse_opening_hours(text);
    INFO("text: " << text << " error: " << r.error);
    REQUIRE(r.ok());
    return *r.hours;
}

LocalDateTime at(int y, int mo, int d, int h, int mi) { return LocalDateTime{y, mo, d, h, mi}; }

const char* const kOffice = "Mo-Fr 08:30-12:00,14:30-17:30; Sa 09:00-12:00";

}  // namespace

TEST_CASE("civil dates convert to day numbers and back across many centuries") {
    CHECK(dp::days_from_civil({1970, 1, 1}) == 0);
    CHECK(dp::days_from_civil({2000, 3, 1}) == 11017);
    CHECK(dp::days_from_civil({1969, 12, 31}) == -1);
    for (std::int64_t z = -800000; z <= 800000; z += 997) {
        LocalDate d = dp::civil_from_days(z);
        REQUIRE(dp::is_valid_date(d.year, d.month, d.day));
        REQUIRE(dp::days_from_civil(d) == z);
    }
    CHECK(dp::add_days({2026, 2, 28}, 1) == LocalDate{2026, 3, 1});
    CHECK(dp::add_days({2028, 2, 28}, 1) == LocalDate{2028, 2, 29});
}

TEST_CASE("weekdays count from Monday as zero") {
    CHECK(dp::weekday_of({1970, 1, 1}) == 3);   // Thursday
    CHECK(dp::weekday_of({2026, 10, 1}) == 3);  // Thursday
    CHECK(dp::weekday_of({2026, 9, 27}) == 6);  // Sunday
    CHECK(dp::weekday_of({2026, 9, 28}) == 0);  // Monday
    CHECK(dp::weekday_of({1900, 1, 1}) == 0);   // Monday
}

TEST_CASE("dates are validated including leap years") {
    CHECK(dp::is_valid_date(2024, 2, 29));
    CHECK_FALSE(dp::is_valid_date(2026, 2, 29));
    CHECK_FALSE(dp::is_valid_date(1900, 2, 29));
    CHECK(dp::is_valid_date(2000, 2, 29));
    CHECK_FALSE(dp::is_valid_date(2026, 4, 31));
    CHECK_FALSE(dp::is_valid_date(2026, 13, 1));
    CHECK_FALSE(dp::is_valid_date(2026, 1, 0));
}

TEST_CASE("unix seconds convert to Shanghai wall-clock time at UTC+8") {
    CHECK(dp::shanghai_from_unix(0) == at(1970, 1, 1, 8, 0));
    CHECK(dp::shanghai_from_unix(-1) == at(1970, 1, 1, 7, 59));
    CHECK(dp::shanghai_from_unix(1767196800) == at(2026, 1, 1, 0, 0));  // 2025-12-31 16:00 UTC
    CHECK(dp::shanghai_from_unix(1767196800 + 59) == at(2026, 1, 1, 0, 0));
    CHECK(dp::unix_from_shanghai(at(2026, 1, 1, 0, 0)) == 1767196800);
    CHECK(dp::unix_from_shanghai(at(2026, 10, 1, 9, 30)) % 60 == 0);
    for (std::int64_t t = -100000000; t < 4000000000LL; t += 7777777)
        CHECK(dp::unix_from_shanghai(dp::shanghai_from_unix(t)) == t - ((t % 60) + 60) % 60);
}

TEST_CASE("an office with a lunch break is open only inside its intervals") {
    auto h = parse_ok(kOffice);
    // 2026-09-28 is a Monday.
    CHECK(h.is_open(at(2026, 9, 28, 8, 30)));
    CHECK(h.is_open(at(2026, 9, 28, 11, 59)));
    CHECK_FALSE(h.is_open(at(2026, 9, 28, 12, 0)));
    CHECK_FALSE(h.is_open(at(2026, 9, 28, 13, 0)));
    CHECK(h.is_open(at(2026, 9, 28, 14, 30)));
    CHECK_FALSE(h.is_open(at(2026, 9, 28, 17, 30)));
    CHECK_FALSE(h.is_open(at(2026, 9, 28, 8, 29)));
    CHECK(h.is_open(at(2026, 10, 3, 10, 0)));        // Saturday morning
    CHECK_FALSE(h.is_open(at(2026, 10, 3, 14, 30)));  // Saturday afternoon
    CHECK_FALSE(h.is_open(at(2026, 10, 4, 10, 0)));   // Sunday
}

TEST_CASE("the next opening skips the lunch break, the evening and the weekend") {
    auto h = parse_ok(kOffice);
    CHECK(*h.next_opening(at(2026, 9, 28, 12, 10)) == at(2026, 9, 28, 14, 30));
    CHECK(*h.next_opening(at(2026, 9, 28, 6, 0)) == at(2026, 9, 28, 8, 30));
    CHECK(*h.next_opening(at(2026, 10, 2, 18, 0)) == at(2026, 10, 3, 9, 0));   // Fri evening → Sat
    CHECK(*h.next_opening(at(2026, 10, 3, 12, 30)) == at(2026, 10, 5, 8, 30));  // Sat noon → Mon
    CHECK(*h.next_opening(at(2026, 9, 28, 10, 0)) == at(2026, 9, 28, 10, 0));   // open now
    CHECK(*h.next_closing(at(2026, 9, 28, 10, 0)) == at(2026, 9, 28, 12, 0));
    CHECK_FALSE(h.next_closing(at(2026, 9, 28, 13, 0)).has_value());
}

TEST_CASE("overnight intervals spill into the next morning and belong to the day they start") {
    auto h = parse_ok("Fr-Sa 22:00-02:00");
    // 2026-10-02 is a Friday.
    CHECK(h.is_open(at(2026, 10, 2, 23, 0)));
    CHECK(h.is_open(at(2026, 10, 3, 1, 59)));
    CHECK_FALSE(h.is_open(at(2026, 10, 3, 2, 0)));
    CHECK(h.is_open(at(2026, 10, 4, 1, 0)));  // Saturday night's spill into Sunday
    CHECK_FALSE(h.is_open(at(2026, 10, 5, 1, 0)));
    CHECK_FALSE(h.is_open(at(2026, 10, 2, 21, 59)));
    CHECK(*h.next_closing(at(2026, 10, 2, 23, 0)) == at(2026, 10, 3, 2, 0));
    CHECK(*h.next_opening(at(2026, 10, 3, 2, 0)) == at(2026, 10, 3, 22, 0));
    CHECK(*h.next_opening(at(2026, 10, 4, 3, 0)) == at(2026, 10, 9, 22, 0));
    CHECK(h.week[4][0].end_min == 26 * 60);
}

TEST_CASE("touching intervals across midnight close only at the real end") {
    auto h = parse_ok("Mo 18:00-24:00; Tu 00:00-03:00");
    CHECK(*h.next_closing(at(2026, 9, 28, 20, 0)) == at(2026, 9, 29, 3, 0));
    CHECK(h.is_open(at(2026, 9, 28, 23, 59)));
    CHECK(h.is_open(at(2026, 9, 29, 0, 0)));
}

TEST_CASE("a 24/7 place is always open and never closes within the week") {
    auto h = parse_ok("24/7");
    CHECK(h.always_open());
    CHECK(h.is_open(at(2026, 1, 1, 0, 0)));
    CHECK(h.is_open(at(2026, 12, 31, 23, 59)));
    CHECK_FALSE(h.next_closing(at(2026, 5, 5, 5, 5)).has_value());
    CHECK(dp::describe_week_zh(h) == std::vector<std::string>{"24小时营业"});
    CHECK(dp::describe_today_zh(h, {2026, 5, 5}) == "24小时营业");
    CHECK(dp::status_zh(h, at(2026, 5, 5, 3, 0)) == "24小时营业");
}

TEST_CASE("closed dates and working Saturdays replace the weekly schedule") {
    auto h = parse_ok("Mo-Fr 08:30-12:00,14:30-17:30; 2026-10-01..2026-10-07 off; 2026-09-27 08:30-12:00,14:30-17:30");
    REQUIRE(h.dates.size() == 2);
    CHECK(h.dates[0].closed);
    CHECK(h.dates[0].from == LocalDate{2026, 10, 1});
    CHECK(h.dates[0].to == LocalDate{2026, 10, 7});
    CHECK(h.is_open(at(2026, 9, 27, 9, 0)));             // 调休: Sunday working day
    CHECK_FALSE(h.is_open(at(2026, 9, 27, 13, 0)));
    CHECK_FALSE(h.is_open(at(2026, 10, 1, 10, 0)));       // National Day
    CHECK_FALSE(h.is_open(at(2026, 10, 7, 10, 0)));
    CHECK(h.is_open(at(2026, 10, 8, 10, 0)));
    CHECK(*h.next_opening(at(2026, 9, 30, 18, 0)) == at(2026, 10, 8, 8, 30));
    CHECK_FALSE(h.is_open(at(2026, 10, 4, 10, 0)));       // an ordinary Sunday stays closed
}

TEST_CASE("a later rule replaces earlier ones for the days it names") {
    auto h = parse_ok("Mo-Fr 08:00-17:00; We 14:00-16:00");
    CHECK_FALSE(h.is_open(at(2026, 9, 30, 9, 0)));  // Wednesday
    CHECK(h.is_open(at(2026, 9, 30, 15, 0)));
    CHECK(h.is_open(at(2026, 10, 1, 9, 0)));        // Thursday keeps the first rule
    auto k = parse_ok("24/7; 2026-10-01 off; Su off");
    CHECK_FALSE(k.always_open());
    CHECK_FALSE(k.is_open(at(2026, 10, 1, 12, 0)));
    CHECK_FALSE(k.is_open(at(2026, 10, 4, 12, 0)));
    CHECK(k.is_open(at(2026, 10, 2, 12, 0)));
    auto w = parse_ok("Sa-Mo 10:00-11:00");  // wrapping range
    CHECK(w.week[5].size() == 1);
    CHECK(w.week[6].size() == 1);
    CHECK(w.week[0].size() == 1);
    CHECK(w.week[1].empty());
}

TEST_CASE("times without a day selector apply to every day and lists may have spaces") {
    auto h = parse_ok("  08:00-12:00, 13:00-18:00 ;");
    for (const auto& day : h.week) {
        REQUIRE(day.size() == 2);
        CHECK(day[1].start_min == 13 * 60);
    }
    auto l = parse_ok("Mo,We,Fr 9:00-11:30");
    CHECK(l.week[0][0].start_min == 9 * 60);
    CHECK(l.week[1].empty());
    CHECK(l.week[4][0].end_min == 11 * 60 + 30);
}

TEST_CASE("parse errors name the offending part of the text") {
    auto bad_minute = dp::parse_opening_hours("Mo-Fr 08:30-12:00; Sa 09:00-12:60");
    CHECK_FALSE(bad_minute.ok());
    CHECK(bad_minute.offending == "12:60");
    CHECK(bad_minute.error.find("第2条") != std::string::npos);
    CHECK(bad_minute.error.find("12:60") != std::string::npos);

    auto bad_day = dp::parse_opening_hours("Mx-Fr 08:30-12:00");
    CHECK(bad_day.offending == "Mx");
    CHECK(dp::parse_opening_hours("Mo-Fri 08:30-12:00").offending == "Fri");
    CHECK(dp::parse_opening_hours("2026-02-30 off").offending == "2026-02-30");
    CHECK(dp::parse_opening_hours("2026-10-07..2026-10-01 off").offending == "2026-10-07..2026-10-01");
    CHECK(dp::parse_opening_hours("2026-10-01..2026-1-07 off").offending == "2026-1-07");
    CHECK(dp::parse_opening_hours("Mo-Fr 08:00-08:00").offending == "08:00-08:00");
    CHECK(dp::parse_opening_hours("Sa 24:00-02:00").offending == "24:00");
    CHECK(dp::parse_opening_hours("Sa 09:00").offending == "09:00");
    CHECK(dp::parse_opening_hours("Sa 09:00-1200").offending == "1200");
    CHECK(dp::parse_opening_hours("PH off").offending == "PH");
    CHECK(dp::parse_opening_hours("工作日 09:00-17:00").offending == "工作日");
    auto missing = dp::parse_opening_hours("Mo-Fr");
    CHECK_FALSE(missing.ok());
    CHECK(missing.error.find("缺少营业时间") != std::string::npos);
    auto empty = dp::parse_opening_hours(" ; ");
    CHECK_FALSE(empty.ok());
    CHECK(empty.error == "营业时间为空");
}

TEST_CASE("the canonical text form parses back to the same schedule") {
    const char* samples[] = {
        kOffice,
        "24/7",
        "24/7; 2026-10-01..2026-10-07 off",
        "Mo,Tu,We,Th,Fr 08:00-17:00; Sa,Su 22:00-02:00",
        "Mo-Fr 08:30-12:00,14:30-17:30; 2026-10-01..2026-10-07 off; 2026-09-27 08:30-12:00,14:30-17:30",
        "off; 2026-01-05 09:00-10:00",
        "Tu 00:00-24:00",
    };
    for (const char* s : samples) {
        auto h = parse_ok(s);
        std::string text = dp::to_text(h);
        INFO(s << " -> " << text);
        CHECK(parse_ok(text) == h);
    }
    CHECK(dp::to_text(parse_ok("Mo,Tu,We,Th,Fr 08:00-17:00")) == "Mo-Fr 08:00-17:00");
    CHECK(dp::to_text(parse_ok("Fr 22:00-02:00")) == "Fr 22:00-02:00");
    CHECK(dp::to_text(parse_ok("2026-10-01..2026-10-07 off")) == "off; 2026-10-01..2026-10-07 off");
}

TEST_CASE("the week is described in Chinese, grouping equal consecutive days") {
    CHECK(dp::describe_week_zh(parse_ok(kOffice)) ==
          std::vector<std::string>{"周一至周五 08:30–12:00、14:30–17:30", "周六 09:00–12:00", "周日 休息"});
    CHECK(dp::describe_week_zh(parse_ok("Mo-Su 08:00-18:00")) == std::vector<std::string>{"每天 08:00–18:00"});
    CHECK(dp::describe_week_zh(parse_ok("Mo-Fr 09:00-17:00; Sa-Su 22:00-02:00")) ==
          std::vector<std::string>{"周一至周五 09:00–17:00", "周六、周日 22:00–次日02:00"});
    CHECK(dp::describe_week_zh(parse_ok("off")) == std::vector<std::string>{"暂停服务"});
    CHECK(dp::describe_week_zh(parse_ok("Mo 00:00-24:00")) == std::vector<std::string>{"周一 24小时", "周二至周日 休息"});
}

TEST_CASE("date rules are described from today on, with the year only when it differs") {
    auto h = parse_ok("Mo-Fr 08:30-17:30; 2026-09-27 08:30-12:00; 2026-10-01..2026-10-07 off; 2027-01-01 off");
    CHECK(dp::describe_dates_zh(h, {2026, 9, 20}) ==
          std::vector<std::string>{"9月27日 08:30–12:00", "10月1日至10月7日 休息", "2027年1月1日 休息"});
    CHECK(dp::describe_dates_zh(h, {2026, 10, 5}) ==
          std::vector<std::string>{"10月1日至10月7日 休息", "2027年1月1日 休息"});
}

TEST_CASE("today's card line says the hours, 24 hours or closed today") {
    auto h = parse_ok(kOffice);
    CHECK(dp::describe_today_zh(h, {2026, 9, 28}) == "今日 08:30–12:00、14:30–17:30");
    CHECK(dp::describe_today_zh(h, {2026, 10, 3}) == "今日 09:00–12:00");
    CHECK(dp::describe_today_zh(h, {2026, 10, 4}) == "今日休息");
}

TEST_CASE("the status line says until when it is open or when it opens next") {
    auto h = parse_ok(kOffice + std::string("; 2026-10-01..2026-10-07 off"));
    CHECK(dp::status_zh(h, at(2026, 9, 28, 10, 0)) == "营业中 · 至 12:00");
    CHECK(dp::status_zh(h, at(2026, 9, 28, 12, 30)) == "休息中 · 今天 14:30 开门");
    CHECK(dp::status_zh(h, at(2026, 9, 28, 18, 0)) == "休息中 · 明天 08:30 开门");
    CHECK(dp::status_zh(h, at(2026, 9, 26, 13, 0)) == "休息中 · 周一 08:30 开门");  // Saturday → Monday
    CHECK(dp::status_zh(h, at(2026, 9, 30, 18, 0)) == "休息中 · 10月8日 08:30 开门");
    auto night = parse_ok("Mo-Su 20:00-02:00");
    CHECK(dp::status_zh(night, at(2026, 9, 28, 21, 0)) == "营业中 · 至次日 02:00");
    auto late = parse_ok("Mo-Su 18:00-24:00");
    CHECK(dp::status_zh(late, at(2026, 9, 28, 21, 0)) == "营业中 · 至 24:00");
    CHECK(dp::status_zh(parse_ok("off"), at(2026, 9, 28, 21, 0)) == "暂停服务");
}

TEST_CASE("next opening and next closing agree with is_open minute by minute on random schedules") {
    std::mt19937 rng(20260927);
    const char* const codes[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    auto clock = [](int m) {
        char b[16];
        std::snprintf(b, sizeof b, "%02d:%02d", m / 60, m % 60);
        return std::string(b);
    };
    for (int iter = 0; iter < 60; ++iter) {
        std::string text;
        const int rules = 1 + static_cast<int>(rng() % 4);
        for (int r = 0; r < rules; ++r) {
            if (!text.empty()) text += "; ";
            int a = static_cast<int>(rng() % 7), b = static_cast<int>(rng() % 7);
            text += std::string(codes[a]) + "-" + codes[b] + " ";
            if (rng() % 5 == 0) {
                text += "off";
                continue;
            }
            const int n = 1 + static_cast<int>(rng() % 3);
            for (int i = 0; i < n; ++i) {
                int s = static_cast<int>(rng() % 96) * 15, e = static_cast<int>(rng() % 96) * 15;
                if (s == e) e = (e + 60) % 1440;
                if (i) text += ",";
                text += clock(s) + "-" + clock(e);
            }
        }
        if (rng() % 2) text += "; 2026-10-01..2026-10-03 off";
        auto h = parse_ok(text);
        INFO("schedule: " << text);
        for (int probe = 0; probe < 4; ++probe) {
            const std::int64_t start = dp::unix_from_shanghai(at(2026, 9, 27, 0, 0)) +
                                       static_cast<std::int64_t>(rng() % (10 * 1440)) * 60;
            const LocalDateTime t = dp::shanghai_from_unix(start);
            auto open_at = h.next_opening(t);
            if (open_at) {
                const std::int64_t until = dp::unix_from_shanghai(*open_at);
                REQUIRE(h.is_open(*open_at));
                for (std::int64_t s = start; s < until; s += 60) REQUIRE_FALSE(h.is_open(dp::shanghai_from_unix(s)));
            }
            auto close_at = h.next_closing(t);
            if (close_at) {
                const std::int64_t until = dp::unix_from_shanghai(*close_at);
                REQUIRE_FALSE(h.is_open(*close_at));
                for (std::int64_t s = start; s < until; s += 60) REQUIRE(h.is_open(dp::shanghai_from_unix(s)));
            } else if (h.is_open(t)) {
                for (std::int64_t s = start; s < start + 7 * 86400; s += 60) REQUIRE(h.is_open(dp::shanghai_from_unix(s)));
            }
        }
    }
}
