// Opening hours of a service point: weekly intervals (lunch breaks, overnight spans, 24/7),
// closed and special dates, a compact OSM-like text form, and Chinese card descriptions.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dp {

// Local civil time in Asia/Shanghai (UTC+8 all year, no daylight saving).
struct LocalDate {
    int year = 1970;
    int month = 1;  // 1–12
    int day = 1;    // 1–31
};

struct LocalDateTime {
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;    // 0–23
    int minute = 0;  // 0–59
    LocalDate date() const { return LocalDate{year, month, day}; }
};

bool operator==(const LocalDate& a, const LocalDate& b);
bool operator<(const LocalDate& a, const LocalDate& b);
bool operator==(const LocalDateTime& a, const LocalDateTime& b);

constexpr std::int64_t kShanghaiUtcOffsetS = 8 * 3600;

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_civil(LocalDate d);
LocalDate civil_from_days(std::int64_t days);
bool is_valid_date(int year, int month, int day);
// 0 = Monday … 6 = Sunday.
int weekday_of(LocalDate d);
LocalDate add_days(LocalDate d, std::int64_t n);

// Unix seconds ↔ Shanghai wall-clock time (seconds are dropped; floors for negatives).
LocalDateTime shanghai_from_unix(std::int64_t unix_seconds);
std::int64_t unix_from_shanghai(const LocalDateTime& t);
// "2026-10-01T09:30" ↔ LocalDateTime; parsing gives nullopt on any other shape or an
// impossible date or time.
std::string format_local_time(const LocalDateTime& t);
std::optional<LocalDateTime> parse_local_time(std::string_view text);

// One opening interval, in minutes from the start of its day. end > start; an end beyond
// 1440 spills into the next day (22:00–02:00 is {1320, 1560}); 00:00–24:00 is {0, 1440}.
struct TimeInterval {
    int start_min = 0;
    int end_min = 0;
};
bool operator==(const TimeInterval& a, const TimeInterval& b);

// A rule for the dates from..to (inclusive) that replaces the weekly schedule on them:
// closed (节假日 "off") or open at the given intervals (调休 working days).
struct DateOverride {
    LocalDate from;
    LocalDate to;
    bool closed = false;
    std::vector<TimeInterval> intervals;  // empty when closed
};

struct OpeningHours {
    std::array<std::vector<TimeInterval>, 7> week;  // Monday first; sorted by start
    std::vector<DateOverride> dates;                // when several match, the last one wins

    // The intervals that start on this date (date rules first, else the weekly schedule).
    const std::vector<TimeInterval>& intervals_on(LocalDate d) const;
    bool is_open(const LocalDateTime& t) const;
    // The first moment at or after t when the place is open: t itself when open now;
    // nullopt when it never opens within the next 400 days.
    std::optional<LocalDateTime> next_opening(const LocalDateTime& t) const;
    // When the current opening period ends (touching intervals count as one period);
    // nullopt when closed now or when it stays open for the next 7 days (24-hour places).
    std::optional<LocalDateTime> next_closing(const LocalDateTime& t) const;
    // Every day 00:00–24:00 and no date rules.
    bool always_open() const;
};

bool operator==(const OpeningHours& a, const OpeningHours& b);

// Result of parsing the text form. On failure `error` says what is wrong (in Chinese, for
// editors) and `offending` is the exact piece of the input that caused it.
struct OpeningHoursParse {
    std::optional<OpeningHours> hours;
    std::string error;
    std::string offending;
    bool ok() const { return hours.has_value(); }
};

// The text form, a subset of OSM opening_hours. Rules are separated by ';'; a later rule
// replaces earlier ones for the days/dates it names:
//   "24/7"                                   every day, all day
//   "Mo-Fr 08:30-12:00,14:30-17:30"          weekdays (Mo Tu We Th Fr Sa Su; ranges may wrap: Sa-Mo)
//   "Mo,We,Fr 09:00-12:00" / "Sa off"        lists; "off" or "closed" closes those days
//   "22:00-02:00"                            no selector: every day; end < start: overnight
//   "2026-10-01..2026-10-07 off"             closed dates (inclusive range)
//   "2026-09-27 08:30-12:00,14:30-17:30"     special opening on a date (调休 working day)
OpeningHoursParse parse_opening_hours(std::string_view text);

// The canonical text form; parse_opening_hours(to_text(h)) == h.
std::string to_text(const OpeningHours& h);

// Chinese descriptions for cards. Times use "–", several intervals "、", overnight ends
// "次日02:00".
//   describe_week_zh:  {"周一至周五 08:30–12:00、14:30–17:30", "周六 09:00–12:00", "周日 休息"},
//                      {"24小时营业"} or {"每天 08:00–18:00"}
//   describe_dates_zh: date rules that have not ended before `today`, e.g. "10月1日至10月7日 休息",
//                      "9月27日 08:30–12:00" (the year is shown when it is not today's)
//   describe_today_zh: "今日 08:30–12:00、14:30–17:30", "24小时营业", "今日休息"
//   status_zh:         "营业中 · 至 12:00", "营业中 · 至次日 02:00", "24小时营业",
//                      "休息中 · 今天 14:30 开门", "休息中 · 明天 08:30 开门",
//                      "休息中 · 周一 08:30 开门", "休息中 · 10月8日 08:30 开门", "暂停服务"
std::vector<std::string> describe_week_zh(const OpeningHours& h);
std::vector<std::string> describe_dates_zh(const OpeningHours& h, LocalDate today);
std::string describe_today_zh(const OpeningHours& h, LocalDate today);
std::string status_zh(const OpeningHours& h, const LocalDateTime& now);

}  // namespace dp
