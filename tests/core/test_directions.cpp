// Tests of shared/directions: turn classes, cardinal directions, rounded distances and the
// Chinese steps produced for routes on hand-built graphs with known geometry.
#include <doctest/doctest.h>

#include "road_fixtures.hpp"

#include <cmath>

#include "directions.hpp"

using dp::LatLng;
using dp::Maneuver;
using dp::Road;
using dp::RoadClass;
using dp::RoadGraph;
using dp::TravelMode;

namespace {

const dp::LocalProjection kPlane(LatLng{24.96, 118.39});
LatLng m(double x, double y) { return kPlane.unproject({x, y}); }

using road_fixtures::road;

// A point at `metres` from (x, y) heading `bearing` degrees clockwise from north.
LatLng towards(double x, double y, double bearing, double metres) {
    const double rad = bearing * dp::kPi / 180.0;
    return m(x + metres * std::sin(rad), y + metres * std::cos(rad));
}

std::vector<std::string> instructions(const std::vector<dp::DirectionStep>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps) out.push_back(s.instruction);
    return out;
}

const char* const kCentre = "南安市溪美街道便民服务中心";

}  // namespace

TEST_CASE("turns are classified from the change of heading") {
    CHECK(dp::classify_turn(0) == Maneuver::straight);
    CHECK(dp::classify_turn(19) == Maneuver::straight);
    CHECK(dp::classify_turn(-20) == Maneuver::straight);
    CHECK(dp::classify_turn(35) == Maneuver::slight_right);
    CHECK(dp::classify_turn(-45) == Maneuver::slight_left);
    CHECK(dp::classify_turn(90) == Maneuver::right);
    CHECK(dp::classify_turn(-90) == Maneuver::left);
    CHECK(dp::classify_turn(150) == Maneuver::right);
    CHECK(dp::classify_turn(170) == Maneuver::uturn);
    CHECK(dp::classify_turn(-175) == Maneuver::uturn);
    CHECK(dp::classify_turn(270) == Maneuver::left);   // same as −90
    CHECK(dp::classify_turn(-300) == Maneuver::slight_right);  // same as +60
    CHECK(std::string(dp::maneuver_zh(Maneuver::slight_left)) == "向左前方");
    CHECK(std::string(dp::maneuver_zh(Maneuver::uturn)) == "掉头");
}

TEST_CASE("bearings name the eight cardinal directions") {
    CHECK(std::string(dp::cardinal_zh(0)) == "北");
    CHECK(std::string(dp::cardinal_zh(359)) == "北");
    CHECK(std::string(dp::cardinal_zh(22.4)) == "北");
    CHECK(std::string(dp::cardinal_zh(22.6)) == "东北");
    CHECK(std::string(dp::cardinal_zh(90)) == "东");
    CHECK(std::string(dp::cardinal_zh(135)) == "东南");
    CHECK(std::string(dp::cardinal_zh(180)) == "南");
    CHECK(std::string(dp::cardinal_zh(225)) == "西南");
    CHECK(std::string(dp::cardinal_zh(270)) == "西");
    CHECK(std::string(dp::cardinal_zh(315)) == "西北");
    CHECK(std::string(dp::cardinal_zh(-90)) == "西");
}

TEST_CASE("distances are rounded to 10 m, 50 m or a tenth of a kilometre") {
    CHECK(dp::format_distance_zh(0) == "10 米");
    CHECK(dp::format_distance_zh(4) == "10 米");
    CHECK(dp::format_distance_zh(44) == "40 米");
    CHECK(dp::format_distance_zh(45) == "50 米");
    CHECK(dp::format_distance_zh(99) == "100 米");
    CHECK(dp::format_distance_zh(120) == "100 米");
    CHECK(dp::format_distance_zh(125) == "150 米");
    CHECK(dp::format_distance_zh(320) == "300 米");
    CHECK(dp::format_distance_zh(330) == "350 米");
    CHECK(dp::format_distance_zh(970) == "950 米");
    CHECK(dp::format_distance_zh(980) == "1 公里");
    CHECK(dp::format_distance_zh(1000) == "1 公里");
    CHECK(dp::format_distance_zh(1234) == "1.2 公里");
    CHECK(dp::format_distance_zh(1260) == "1.3 公里");
    CHECK(dp::format_distance_zh(2980) == "3 公里");
    CHECK(dp::format_distance_zh(12345) == "12.3 公里");
}

TEST_CASE("durations are whole minutes rounded up, with hours when long") {
    CHECK(dp::format_duration_zh(0) == "不到 1 分钟");
    CHECK(dp::format_duration_zh(59) == "不到 1 分钟");
    CHECK(dp::format_duration_zh(60) == "1 分钟");
    CHECK(dp::format_duration_zh(61) == "2 分钟");
    CHECK(dp::format_duration_zh(3600) == "1 小时");
    CHECK(dp::format_duration_zh(3900) == "1 小时 5 分钟");
}

TEST_CASE("a walk east along one road then right onto another reads as two steps and arrival") {
    // 溪州路 runs east 330 m from (0,0); 成功街 runs south 150 m from its end.
    RoadGraph g({road("溪州路", RoadClass::primary, {m(0, 0), m(150, 0), m(330, 0)}),
                 road("成功街", RoadClass::residential, {m(330, 0), m(330, -150)})});
    auto r = g.route(m(0, 2), m(332, -150), TravelMode::walk);
    REQUIRE(r.found);
    auto steps = dp::directions_zh(g, r, kCentre);
    CHECK(instructions(steps) == std::vector<std::string>{"沿溪州路向东步行 350 米", "右转进入成功街，步行 150 米",
                                                          "到达 南安市溪美街道便民服务中心"});
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].maneuver == Maneuver::depart);
    CHECK(steps[0].distance_m == doctest::Approx(330).epsilon(1e-3));
    CHECK(steps[0].duration_s == doctest::Approx(330 / 1.2).epsilon(1e-3));
    CHECK(steps[0].bearing_deg == doctest::Approx(90).epsilon(1e-3));
    CHECK(steps[1].maneuver == Maneuver::right);
    CHECK(steps[1].road == "成功街");
    CHECK(steps[1].distance_m == doctest::Approx(150).epsilon(1e-3));
    CHECK(dp::haversine_m(steps[1].location, m(330, 0)) < 0.01);
    CHECK(steps[2].maneuver == Maneuver::arrive);
    CHECK(steps[2].distance_m == 0.0);
    CHECK(dp::haversine_m(steps[2].location, m(330, -150)) < 0.01);
    CHECK(dp::route_summary_zh(r) == "步行 500 米，约 7 分钟");
}

TEST_CASE("pieces of the same road split across records are merged into one step") {
    RoadGraph g({road("溪州路", RoadClass::primary, {m(0, 0), m(100, 0)}),
                 road("溪州路", RoadClass::primary, {m(100, 0), m(200, 0), m(300, 0)}),
                 road("北街", RoadClass::residential, {m(300, 0), m(300, 60)})});
    auto steps = dp::directions_zh(g, g.route(m(0, 0), m(300, 60), TravelMode::walk), "");
    CHECK(instructions(steps) == std::vector<std::string>{"沿溪州路向东步行 300 米", "左转进入北街，步行 60 米", "到达目的地"});
}

TEST_CASE("slight turns, straight-on name changes and U-turns are named") {
    // West to east: 甲路 100 m, then 乙路 straight on, then 丙路 bending 40° right,
    // then 丁路 bending 45° left, then 戊路 doubling back (170°).
    const LatLng a = m(0, 0), b = m(100, 0), c = m(200, 0);
    const LatLng d = towards(200, 0, 130, 100);
    const dp::Point2 dp2 = kPlane.project(d);
    const LatLng e = towards(dp2.x, dp2.y, 85, 100);
    const dp::Point2 ep = kPlane.project(e);
    const LatLng f = towards(ep.x, ep.y, 85 + 170, 80);
    RoadGraph g({road("甲路", RoadClass::residential, {a, b}), road("乙路", RoadClass::residential, {b, c}),
                 road("丙路", RoadClass::residential, {c, d}), road("丁路", RoadClass::residential, {d, e}),
                 road("戊路", RoadClass::residential, {e, f})});
    auto steps = dp::directions_zh(g, g.route(a, f, TravelMode::walk), kCentre);
    REQUIRE(steps.size() == 6);
    CHECK(steps[0].instruction == "沿甲路向东步行 100 米");
    CHECK(steps[1].maneuver == Maneuver::straight);
    CHECK(steps[1].instruction == "直行进入乙路，步行 100 米");
    CHECK(steps[2].maneuver == Maneuver::slight_right);
    CHECK(steps[2].instruction == "向右前方进入丙路，步行 100 米");
    CHECK(steps[3].maneuver == Maneuver::slight_left);
    CHECK(steps[3].instruction == "向左前方进入丁路，步行 100 米");
    CHECK(steps[4].maneuver == Maneuver::uturn);
    CHECK(steps[4].instruction == "掉头进入戊路，步行 80 米");
    CHECK(steps[5].instruction == "到达 南安市溪美街道便民服务中心");
}

TEST_CASE("unnamed roads are called 无名道路 and kept apart from each other") {
    RoadGraph g({road("", RoadClass::path, {m(0, 0), m(0, 80)}), road("", RoadClass::path, {m(0, 80), m(-60, 80)})});
    auto steps = dp::directions_zh(g, g.route(m(0, 0), m(-60, 80), TravelMode::walk), "村委会");
    CHECK(instructions(steps) ==
          std::vector<std::string>{"沿无名道路向北步行 80 米", "左转进入无名道路，步行 60 米", "到达 村委会"});
    CHECK(steps[0].road == "无名道路");
}

TEST_CASE("driving directions say 行驶 and take their durations from road speeds") {
    RoadGraph g({road("滨江大道", RoadClass::trunk, {m(0, 0), m(0, -1200)}),
                 road("成功街", RoadClass::residential, {m(0, -1200), m(-90, -1200)})});
    auto r = g.route(m(0, 0), m(-90, -1200), TravelMode::drive);
    auto steps = dp::directions_zh(g, r, kCentre);
    CHECK(instructions(steps) == std::vector<std::string>{"沿滨江大道向南行驶 1.2 公里", "右转进入成功街，行驶 90 米",
                                                          "到达 南安市溪美街道便民服务中心"});
    CHECK(steps[0].duration_s == doctest::Approx(1200 / (60 / 3.6)).epsilon(1e-3));
    CHECK(steps[1].duration_s == doctest::Approx(90 / (20 / 3.6)).epsilon(1e-3));
    CHECK(dp::route_summary_zh(r) == "驾车 1.3 公里，约 2 分钟");
}

TEST_CASE("a start in the middle of an edge heads the right way and a missing route has no steps") {
    RoadGraph g({road("溪州路", RoadClass::primary, {m(0, 0), m(400, 0)}),
                 road("成功街", RoadClass::residential, {m(0, 0), m(0, 200)})});
    // From the middle of 溪州路 westwards to 成功街.
    auto steps = dp::directions_zh(g, g.route(m(200, 0), m(0, 100), TravelMode::walk), "服务站");
    CHECK(instructions(steps) == std::vector<std::string>{"沿溪州路向西步行 200 米", "右转进入成功街，步行 100 米", "到达 服务站"});
    dp::Route none;
    CHECK(dp::directions_zh(g, none, "服务站").empty());
    CHECK(dp::route_summary_zh(none) == "未找到路线");
    auto here = g.route(m(200, 0), m(200, 0), TravelMode::walk);
    CHECK(instructions(dp::directions_zh(g, here, "服务站")) == std::vector<std::string>{"到达 服务站"});
}
