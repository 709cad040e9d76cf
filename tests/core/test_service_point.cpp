// Tests of shared/service_point: type names, JSON, the Place object at a time (open until,
// opening next), local times, and the place filter giving the k nearest matching points.
#include <doctest/doctest.h>

#include "geo.hpp"
#include "service_point.hpp"

namespace {
dp::ServicePoint point(const std::string& id, dp::ServicePointType type, dp::LatLng at, const std::string& hours,
                       std::vector<std::string> items) {
    dp::ServicePoint p;
    p.id = id;
    p.name = id + "便民服务中心";
    p.type = type;
    p.area_id = "350583-101";
    p.address = "南安市溪美街道";
    p.location = at;
    p.phone = "0595-86383000";
    p.hours = *dp::parse_opening_hours(hours).hours;
    p.items = std::move(items);
    return p;
}
}  // namespace

TEST_CASE("service point types have stable ids and Chinese names") {
    CHECK(dp::all_service_point_types().size() == 5);
    for (auto t : dp::all_service_point_types()) CHECK(dp::service_point_type_from_id(dp::service_point_type_id(t)) == t);
    CHECK(std::string(dp::service_point_type_zh(dp::ServicePointType::village_station)) == "便民服务站");
    CHECK(std::string(dp::service_point_type_zh(dp::ServicePointType::kiosk)) == "24小时自助服务终端");
    CHECK(!dp::service_point_type_from_id("bank"));
}

TEST_CASE("a service point survives its JSON form and rejects unknown types and bad hours") {
    auto p = point("SP0001", dp::ServicePointType::police, {24.96, 118.39}, "Mo-Fr 08:00-12:00; Sa off", {"id-card-renewal"});
    nlohmann::json j = p;
    CHECK(j["type"] == "police");
    CHECK(j["hours"] == "Mo-Fr 08:00-12:00");
    CHECK(nlohmann::json(j.get<dp::ServicePoint>()) == j);
    j["type"] = "bank";
    CHECK_THROWS_AS(j.get<dp::ServicePoint>(), std::invalid_argument);
    j["type"] = "police";
    j["hours"] = "Mo-Xx 08:00";
    CHECK_THROWS_AS(j.get<dp::ServicePoint>(), std::invalid_argument);
}

TEST_CASE("the Place object says whether it is open at the given time, in Chinese, with a distance") {
    auto p = point("SP0001", dp::ServicePointType::service_centre, {24.96, 118.39},
                   "Mo-Fr 08:30-12:00,14:30-17:30; 2026-10-01..2026-10-08 off", {"a"});
    auto open = dp::place_json(p, {2026, 10, 9, 9, 0}, 123.4);
    CHECK(open["open_now"] == true);
    CHECK(open["status"] == "营业中 · 至 12:00");
    CHECK(open["hours_today"] == "今日 08:30–12:00、14:30–17:30");
    CHECK(open["type_name"] == "便民服务中心");
    CHECK(open["distance_m"] == 123);
    auto lunch = dp::place_json(p, {2026, 10, 9, 12, 30});
    CHECK(lunch["open_now"] == false);
    CHECK(lunch["status"] == "休息中 · 今天 14:30 开门");
    CHECK(!lunch.contains("distance_m"));
    auto holiday = dp::place_json(p, {2026, 10, 2, 10, 0});
    CHECK(holiday["open_now"] == false);
    CHECK(holiday["hours_today"] == "今日休息");
}

TEST_CASE("the Place object says when an open place closes and when a closed one opens next") {
    auto p = point("SP0001", dp::ServicePointType::service_centre, {24.96, 118.39},
                   "Mo-Fr 08:30-12:00,14:30-17:30; 2026-10-01..2026-10-08 off", {"a"});
    auto open = dp::place_json(p, {2026, 10, 9, 9, 0});
    CHECK(open["closes_at"] == "2026-10-09T12:00");
    CHECK(!open.contains("next_opening"));
    auto lunch = dp::place_json(p, {2026, 10, 9, 12, 30});
    CHECK(lunch["next_opening"] == "2026-10-09T14:30");
    CHECK(!lunch.contains("closes_at"));
    CHECK(dp::place_json(p, {2026, 10, 2, 10, 0})["next_opening"] == "2026-10-09T08:30");  // after the holiday
    CHECK(dp::place_json(p, {2026, 10, 9, 18, 0})["next_opening"] == "2026-10-12T08:30");  // Friday evening
    auto kiosk = dp::place_json(point("K", dp::ServicePointType::kiosk, {24.96, 118.39}, "24/7", {}), {2026, 10, 9, 3, 0});
    CHECK(kiosk["open_now"] == true);
    CHECK(!kiosk.contains("closes_at"));
    CHECK(!kiosk.contains("next_opening"));
}

TEST_CASE("local times print and parse as YYYY-MM-DDTHH:MM and nothing else") {
    CHECK(dp::format_local_time({2026, 10, 9, 8, 5}) == "2026-10-09T08:05");
    const auto t = dp::parse_local_time("2028-02-29T23:59");
    REQUIRE(t);
    CHECK(dp::format_local_time(*t) == "2028-02-29T23:59");
    for (const char* bad : {"2026-02-29T10:00", "2026-10-09T24:00", "2026-10-09T10:60", "2026-10-09 10:00",
                            "2026-10-9T10:00", "tomorrow", "", "2026-10-09T10:00Z", "2026-1a-09T10:00"})
        CHECK_MESSAGE(!dp::parse_local_time(bad), bad);
}

TEST_CASE("Place locations are converted to the asked coordinate system") {
    auto p = point("SP0001", dp::ServicePointType::kiosk, {24.96, 118.39}, "24/7", {"a"});
    const auto gcj = dp::wgs84_to_gcj02({24.96, 118.39});
    auto j = dp::place_json(p, {2026, 10, 9, 9, 0}, std::nullopt, dp::CoordSystem::gcj02);
    CHECK(j["location"]["lat"].get<double>() == doctest::Approx(gcj.lat).epsilon(1e-12));
    CHECK(j["location"]["lng"].get<double>() == doctest::Approx(gcj.lng).epsilon(1e-12));
    CHECK(dp::coord_system_from_id("bd09") == dp::CoordSystem::bd09);
    CHECK(!dp::coord_system_from_id("wgs"));
}

TEST_CASE("the place filter yields the nearest points that handle the item and are open") {
    std::vector<dp::ServicePoint> pts = {
        point("A", dp::ServicePointType::service_centre, {24.960, 118.390}, "Mo-Fr 08:00-12:00", {"x"}),
        point("B", dp::ServicePointType::kiosk, {24.961, 118.390}, "24/7", {"y"}),
        point("C", dp::ServicePointType::police, {24.962, 118.390}, "Mo-Fr 08:00-12:00,14:30-17:30", {"x", "y"}),
        point("D", dp::ServicePointType::service_centre, {24.970, 118.390}, "Mo-Fr 14:00-18:00", {"x"}),
    };
    std::vector<dp::LatLng> locs;
    for (const auto& p : pts) locs.push_back(p.location);
    const dp::SpatialIndex index(locs);
    const dp::LatLng q{24.9599, 118.390};
    auto ids = [&](const dp::PlaceQuery& query, size_t k) {
        std::string s;
        for (const auto& h : index.nearest(q, k, dp::place_filter(pts, query))) s += pts[h.index].id;
        return s;
    };
    CHECK(ids({}, 10) == "ABCD");
    CHECK(!dp::place_filter(pts, {}));
    CHECK(ids({"x", std::nullopt, std::nullopt, std::nullopt}, 10) == "ACD");
    CHECK(ids({"y", std::nullopt, std::nullopt, std::nullopt}, 1) == "B");
    CHECK(ids({"", dp::ServicePointType::service_centre, std::nullopt, std::nullopt}, 10) == "AD");
    CHECK(ids({"x", std::nullopt, dp::LocalDateTime{2026, 10, 9, 15, 0}, std::nullopt}, 10) == "CD");  // afternoon
    CHECK(ids({"", std::nullopt, dp::LocalDateTime{2026, 10, 11, 3, 0}, std::nullopt}, 10) == "B");     // Sunday night
    // Open now or opening next by a time: Friday 11:00, by 14:00 (D opens at 14:00; C reopens at 14:30).
    dp::PlaceQuery soon{"x", std::nullopt, dp::LocalDateTime{2026, 10, 9, 11, 0}, dp::LocalDateTime{2026, 10, 9, 14, 0}};
    CHECK(ids(soon, 10) == "ACD");
    dp::PlaceQuery lunch{"x", std::nullopt, dp::LocalDateTime{2026, 10, 9, 12, 30}, dp::LocalDateTime{2026, 10, 9, 14, 29}};
    CHECK(ids(lunch, 10) == "D");
    // Sunday night, by Monday 08:00: A and C open at 08:00 (the end of the window counts), D not.
    dp::PlaceQuery monday{"x", std::nullopt, dp::LocalDateTime{2026, 10, 11, 22, 0}, dp::LocalDateTime{2026, 10, 12, 8, 0}};
    CHECK(ids(monday, 10) == "AC");
}
