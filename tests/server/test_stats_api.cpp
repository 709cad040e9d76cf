// GET /api/v1/stats and /api/v1/stats.csv over real HTTP: figures of a known fixture set of events
// and request histories, every grouping, the area filter, CSV export, parameter errors, who may
// see what, and the demo month seeded by --demo-activity.
#include <doctest/doctest.h>

#include "csv.hpp"
#include "stats_store.hpp"
#include "stats_fixtures.hpp"

using nlohmann::json;
using namespace testing;

namespace {

// Two days of events (3 and 2 days ago, noon China time) in two towns, and two completed requests.
void post_fixture(AuthServer& s, const StatsRefs& r) {
    auto c = s.client();
    const int64_t d0 = noon_days_ago(3), d1 = noon_days_ago(2);
    json batch = json::array();
    for (int i = 0; i < 3; ++i)
        batch.push_back({{"type", "doorplate_opened"}, {"doorplate", r.plate_a}, {"channel", "poster"}, {"at", d0}});
    batch.push_back({{"type", "doorplate_opened"}, {"doorplate", r.plate_b}, {"channel", "wechat"}, {"at", d0}});
    for (int i = 0; i < 2; ++i)
        batch.push_back({{"type", "guide_viewed"}, {"doorplate", r.plate_a}, {"channel", "poster"}, {"item", r.item}, {"at", d0}});
    batch.push_back({{"type", "search"}, {"doorplate", r.plate_a}, {"results", 0}, {"at", d0}});
    batch.push_back({{"type", "navigation_tapped"}, {"doorplate", r.plate_a}, {"place", r.place}, {"app", "baidu"},
                     {"item", r.item}, {"at", d1}});
    batch.push_back({{"type", "help_requested"}, {"doorplate", r.plate_b}, {"kind", "phone"}, {"at", d1}});
    REQUIRE(post_events(c, batch)->status == 200);

    // A question answered in 1 h (limit 2 h: on time) and a pre-review done in 30 h (limit 24 h: late),
    // both in town A, completed on d0 and d1; two ratings on d1 (5 in town A, 3 in town B), which
    // the server records itself when residents rate (apps cannot send them).
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    for (auto [score, town, area] : {std::tuple{5, r.town_a, r.area_a}, std::tuple{3, r.town_b, r.area_b}}) {
        dp::UsageEvent e;
        e.at = d1, e.type = dp::StatEvent::rating, e.score = score, e.town_id = town, e.area_id = area;
        dp::insert_usage_event(db, e);
    }
    auto add = [&](const std::string& kind, int64_t created, int64_t completed, const std::string& number) {
        dp::Stmt q(db,
                   "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, "
                   "contact_name, contact_phone, payload, status, created_at, updated_at) "
                   "VALUES (?, 'x', ?, ?, ?, ?, ?, '测试', '13800000000', '{}', 'completed', ?, ?)");
        q.bind(1, number).bind(2, kind).bind(3, r.item).bind(4, r.plate_a).bind(5, r.area_a).bind(6, r.town_a);
        q.bind(7, created).bind(8, completed);
        q.step();
        const int64_t id = db.last_insert_id();
        for (auto [at, st] : std::vector<std::pair<int64_t, std::string>>{
                 {created, "submitted"}, {created + 60, "assigned"}, {completed, "completed"}}) {
            dp::Stmt e(db, "INSERT INTO request_events (request_id, at, status, actor) VALUES (?, ?, ?, 'test')");
            e.bind(1, id).bind(2, at).bind(3, st);
            e.step();
        }
    };
    add("question", d0 - 3600, d0, "T-1");
    add("prereview", d1 - 30 * 3600, d1, "T-2");
}

json get_json(httplib::Client& c, const std::string& path, const std::string& token, int expect = 200) {
    auto res = c.Get(path.c_str(), bearer(token));
    REQUIRE(res);
    CAPTURE(path);
    CAPTURE(res->body.substr(0, 300));
    CHECK(res->status == expect);
    return json::parse(res->body);
}

}  // namespace

TEST_CASE("stats JSON of a known fixture: headline, days, weeks, months, items, areas, channels, area filter") {
    AuthServer s;
    auto c = s.client();
    const StatsRefs r = stats_refs(c);
    post_fixture(s, r);
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    const std::string range = "from=" + day_ago(3) + "&to=" + day_ago(2);

    json j = get_json(c, "/api/v1/stats?" + range, token);
    CHECK(j["from"] == day_ago(3));
    CHECK(j["group_by"] == "day");
    CHECK(j["area"].is_null());
    const json& h = j["headline"];
    CHECK(h["look_ups"] == 6);  // 4 opens + 2 guide views
    CHECK(h["doorplate_opens"] == 4);
    CHECK(h["guide_views"] == 2);
    CHECK(h["searches"] == 1);
    CHECK(h["navigations"] == 1);
    CHECK(h["help_services"] == 1);
    CHECK(h["help_by_kind"] == json{{"phone", 1}});
    CHECK(h["ratings"] == 2);
    CHECK(h["satisfaction"].get<double>() == doctest::Approx(0.5));
    CHECK(h["requests_completed"] == 2);
    CHECK(h["completed_on_time"] == 1);
    CHECK(h["time_limit_compliance"].get<double>() == doctest::Approx(0.5));
    // Handling time runs from submission to completion: 3,600 s and 108,000 s.
    CHECK(h["average_handling_seconds"] == (3600 + 108000) / 2);
    CHECK(h["average_handling_label"] == "15小时30分");
    REQUIRE(j["rows"].size() == 2);
    CHECK(j["rows"][0]["key"] == day_ago(3));
    CHECK(j["rows"][0]["look_ups"] == 6);
    CHECK(j["rows"][0]["navigations"] == 0);
    CHECK(j["rows"][1]["navigations"] == 1);
    CHECK(j["rows"][1]["satisfaction"].get<double>() == doctest::Approx(0.5));

    json weeks = get_json(c, "/api/v1/stats?group_by=week&" + range, token);
    int64_t look_ups = 0;
    for (auto& row : weeks["rows"]) look_ups += row["look_ups"].get<int64_t>();
    CHECK(look_ups == 6);
    CHECK(weeks["rows"][0]["key"].get<std::string>().find("-W") == 4);
    json months = get_json(c, "/api/v1/stats?group_by=month&" + range, token);
    CHECK(months["rows"][0]["label"].get<std::string>().find("年") != std::string::npos);

    json items = get_json(c, "/api/v1/stats?group_by=item&" + range, token);
    REQUIRE(items["rows"].size() == 1);  // only events that name an item
    CHECK(items["rows"][0]["key"] == r.item);
    CHECK(items["rows"][0]["label"] == r.item_name);
    CHECK(items["rows"][0]["look_ups"] == 2);
    CHECK(items["rows"][0]["navigations"] == 1);

    json areas = get_json(c, "/api/v1/stats?group_by=area&" + range, token);
    REQUIRE(areas["rows"].size() == 2);  // by town: A (3 opens, 2 views), B (1 open)
    CHECK(areas["rows"][0]["key"] == r.town_a);
    CHECK(areas["rows"][0]["look_ups"] == 5);
    CHECK(areas["rows"][1]["key"] == r.town_b);
    CHECK(areas["rows"][1]["help_services"] == 1);
    CHECK_FALSE(areas["rows"][0]["label"].get<std::string>().empty());

    json town_b = get_json(c, "/api/v1/stats?group_by=area&area=" + r.town_b + "&" + range, token);
    CHECK(town_b["area"]["id"] == r.town_b);
    CHECK(town_b["area"]["kind"] == "town");
    CHECK(town_b["headline"]["look_ups"] == 1);
    CHECK(town_b["headline"]["help_services"] == 1);
    CHECK(town_b["headline"]["requests_completed"] == 0);
    REQUIRE(town_b["rows"].size() == 1);  // by village within the town
    CHECK(town_b["rows"][0]["key"] == r.area_b);

    json channels = get_json(c, "/api/v1/stats?group_by=channel&" + range, token);
    REQUIRE(channels["rows"].size() >= 7);
    CHECK(channels["rows"][0]["key"] == "poster");
    CHECK(channels["rows"][0]["look_ups"] == 5);
    CHECK(channels["rows"][1]["key"] == "wechat");
    CHECK(channels["rows"][1]["doorplate_opens"] == 1);

    // Another period: nothing.
    json before = get_json(c, "/api/v1/stats?from=" + day_ago(20) + "&to=" + day_ago(10), token);
    CHECK(before["headline"]["look_ups"] == 0);
    CHECK(before["headline"]["satisfaction"].is_null());
    CHECK(before["headline"]["time_limit_compliance"].is_null());
    CHECK(before["rows"].size() == 11);
}

TEST_CASE("stats CSV: UTF-8 with BOM, CRLF rows, the same figures as the JSON, and a total row") {
    AuthServer s;
    auto c = s.client();
    const StatsRefs r = stats_refs(c);
    post_fixture(s, r);
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    auto res = c.Get(("/api/v1/stats.csv?group_by=area&from=" + day_ago(3) + "&to=" + day_ago(2)).c_str(), bearer(token));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(res->get_header_value("Content-Disposition").find("attachment; filename=\"stats-area-") == 0);
    REQUIRE(res->body.compare(0, 3, "\xEF\xBB\xBF") == 0);
    CHECK(res->body.find("\r\n") != std::string::npos);
    auto parsed = dp::parse_csv(res->body);
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.records.size() == 4);  // header, two towns, total
    CHECK(parsed.records[0].fields[0] == "区域");
    CHECK(parsed.records[0].fields[2] == "查询次数");
    CHECK(parsed.records[1].fields[1] == r.town_a);
    CHECK(parsed.records[1].fields[2] == "5");
    CHECK(parsed.records[3].fields[0] == "合计");
    CHECK(parsed.records[3].fields[2] == "6");
    CHECK(parsed.records[3].fields[10] == "50%");
}

TEST_CASE("stats parameters are checked, with clear messages") {
    AuthServer s;
    auto c = s.client();
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    struct Case {
        std::string query, part;
    };
    for (const auto& k : std::vector<Case>{{"from=2025-13-01", "from"},
                                          {"to=yesterday", "to"},
                                          {"from=2025-11-10&to=2025-11-01", "不能晚于"},
                                          {"from=2024-01-01&to=2025-06-01", "366"},
                                          {"group_by=year", "group_by"},
                                          {"area=350583-999", "区域"},
                                          {"area=x'y", "area"},
                                          {"town=350583-101", "不认识的参数 town"}}) {
        CAPTURE(k.query);
        for (const char* path : {"/api/v1/stats?", "/api/v1/stats.csv?"}) {
            auto res = c.Get((path + k.query).c_str(), bearer(token));
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(error_message(res).find(k.part) != std::string::npos);
        }
    }
}

TEST_CASE("who may see statistics: supervisors and admins all, an agent its own area only") {
    AuthServer s;
    auto c = s.client();
    CHECK(c.Get("/api/v1/stats")->status == 401);
    CHECK(c.Get("/api/v1/stats.csv")->status == 401);
    for (auto [user, password] : {std::pair{kSupervisor, kSupervisorPassword}, std::pair{kAdmin, kAdminPassword}}) {
        const std::string token = login(c, user, password);
        CHECK(get_json(c, "/api/v1/stats", token)["area"].is_null());
        CHECK(get_json(c, "/api/v1/stats?area=350583-108", token)["area"]["id"] == "350583-108");
    }
    const std::string agent = login(c, kXimeiAgent, kXimeiPassword);  // 溪美街道 350583-101
    json own = get_json(c, "/api/v1/stats?group_by=area", agent);
    CHECK(own["area"]["id"] == "350583-101");
    CHECK(get_json(c, "/api/v1/stats?area=350583-101-001", agent)["area"]["id"] == "350583-101-001");
    json other = get_json(c, "/api/v1/stats?area=350583-108", agent, 403);
    CHECK(other["error"]["message"].get<std::string>().find("自己负责区域") != std::string::npos);
    CHECK(c.Get("/api/v1/stats.csv?area=350583-108", bearer(agent))->status == 403);
    CHECK(c.Get("/api/v1/stats.csv", bearer(agent))->status == 200);
}

TEST_CASE("--demo-activity seeds the seed's first-month figures over the last 30 days") {
    AuthServer s({"--demo-activity"});
    auto c = s.client();
    const std::string token = login(c, kSupervisor, kSupervisorPassword);
    json j = get_json(c, "/api/v1/stats", token);  // default: the 30 days up to today
    const json& h = j["headline"];
    CHECK(h["look_ups"] == 25653);
    CHECK(h["navigations"] == 1080);
    CHECK(h["help_services"] == 937);
    CHECK(h["satisfaction"].get<double>() > 0.85);
    CHECK(h["time_limit_compliance"].get<double>() > 0.8);
    CHECK(h["requests_completed"].get<int64_t>() > 400);
    REQUIRE(j["rows"].size() == 30);
    // Weekdays are busier than weekends (full days only: today is partial).
    double weekday = 0, weekend = 0;
    int n_weekday = 0, n_weekend = 0;
    for (std::size_t i = 0; i + 1 < j["rows"].size(); ++i) {
        const auto d = dp::parse_day(j["rows"][i]["key"].get<std::string>());
        const double v = j["rows"][i]["look_ups"].get<double>();
        if (dp::iso_weekday(*d) >= 6) weekend += v, ++n_weekend;
        else weekday += v, ++n_weekday;
    }
    CHECK(weekday / n_weekday > 1.3 * (weekend / n_weekend));
    json channels = get_json(c, "/api/v1/stats?group_by=channel", token);
    CHECK(channels["rows"][0]["key"] == "poster");
    CHECK(channels["rows"][0]["doorplate_opens"].get<int64_t>() > channels["rows"][1]["doorplate_opens"].get<int64_t>());
    json areas = get_json(c, "/api/v1/stats?group_by=area", token);
    CHECK(areas["rows"].size() >= 3);
    json items = get_json(c, "/api/v1/stats?group_by=item", token);
    CHECK(items["rows"].size() >= 10);
    CHECK(count_rows(s.server.db_path(), "SELECT COUNT(*) FROM requests") > 500);
}
