// Tests of shared/map_data: the map layer, places and routes parse from the server's JSON
// (the fixture town in tests/fixtures/map/), and bad JSON is rejected.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "map_data.hpp"
#include "map_view.hpp"

namespace {
nlohmann::json fixture(const std::string& name) {
    std::ifstream in(std::string(DP_SOURCE_DIR) + "/tests/fixtures/map/" + name);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}
}  // namespace

TEST_CASE("the fixture town parses into roads of every class, water, boundaries and places of every type") {
    auto m = dp::parse_map_layer(fixture("town.json"));
    CHECK(m.town_id == "350583-101");
    CHECK(m.town_name == "溪美街道");
    CHECK(m.roads.size() >= 50);
    std::set<dp::RoadClass> classes;
    for (auto& r : m.roads) {
        classes.insert(r.road_class);
        CHECK(r.line.size() >= 2);
    }
    CHECK(classes.size() == dp::kRoadClassCount);
    REQUIRE(m.water.size() >= 1);
    CHECK(m.water[0].name == "西溪");
    CHECK(m.boundaries.size() >= 1);
    std::set<dp::PlaceType> types;
    for (auto& p : m.places) types.insert(p.type);
    CHECK(types.size() == 5);
    CHECK(types.count(dp::PlaceType::other) == 0);
    CHECK(m.bbox.north > m.bbox.south);
    CHECK(m.bbox.east > m.bbox.west);
}

TEST_CASE("a place keeps its card fields and has no distance unless the API gave one") {
    auto j = nlohmann::json::parse(R"({"id":"SP0001","name":"溪美街道便民服务中心","type":"service_centre",
        "type_name":"便民服务中心","location":{"lat":24.96,"lng":118.39},"phone":"0595-86383000",
        "status":"营业中 · 至 12:00","hours_today":"今日 08:30–12:00","open_now":true,"items":["a","b"],
        "hours_week":["周一 08:30–12:00"]})");
    auto p = dp::parse_place(j);
    CHECK(p.type == dp::PlaceType::service_centre);
    CHECK(p.location.lat == doctest::Approx(24.96));
    CHECK(p.open_now);
    CHECK(p.items == std::vector<std::string>{"a", "b"});
    CHECK(p.distance_m < 0);
    CHECK(p.hours_week.size() == 1);
    j["distance_m"] = 123;
    CHECK(dp::parse_place(j).distance_m == doctest::Approx(123));
}

TEST_CASE("a place without a location or an id is rejected") {
    CHECK_THROWS(dp::parse_place(nlohmann::json::parse(R"({"id":"SP1","name":"x"})")));
    CHECK_THROWS(dp::parse_place(nlohmann::json::parse(R"({"name":"x","location":{"lat":1,"lng":2}})")));
}

TEST_CASE("a found route has its polyline, steps and destination") {
    auto r = dp::parse_route(fixture("route_walk.json"));
    CHECK(r.found);
    CHECK(r.mode == "walk");
    CHECK(r.summary == "步行 550 米，约 7 分钟");
    CHECK(r.polyline.size() == 4);
    REQUIRE(r.steps.size() == 3);
    CHECK(r.steps[0].instruction == "沿成功街向北步行 450 米");
    CHECK(r.steps[2].maneuver == "arrive");
    CHECK(r.to.id == "SP9001");
}

TEST_CASE("unknown road classes and place types fall back instead of failing") {
    CHECK(dp::road_class_from("unclassified") == dp::RoadClass::residential);
    CHECK(dp::road_class_from("trunk") == dp::RoadClass::trunk);
    CHECK(dp::place_type_from("museum") == dp::PlaceType::other);
    auto m = dp::parse_map_layer(nlohmann::json::parse(
        R"({"roads":[{"name":"x","class":"weird","line":[[1,2],[1,3]]},{"name":"one point","line":[[1,2]]}]})"));
    REQUIRE(m.roads.size() == 1);  // a road needs two points
    CHECK(m.roads[0].road_class == dp::RoadClass::residential);
}

TEST_CASE("area names come with their kind and location, and a nameless area is dropped") {
    auto m = dp::parse_map_layer(nlohmann::json::parse(R"({"areas":[
        {"id":"350583-101","name":"溪美街道","kind":"town","location":{"lat":24.963,"lng":118.386}},
        {"id":"350583-101-001","name":"","kind":"community","location":{"lat":24.96,"lng":118.39}},
        {"id":"350583-101-002","name":"南门社区","kind":"community"}]})"));
    REQUIRE(m.areas.size() == 1);
    CHECK(m.areas[0].name == "溪美街道");
    CHECK(m.areas[0].kind == "town");
    CHECK(m.areas[0].location.lng == doctest::Approx(118.386));
    const auto scene = dp::build_scene(m, {24.96, 118.386});
    REQUIRE(scene.areas.size() == 1);
    CHECK(scene.areas[0].y == doctest::Approx(333.6).epsilon(0.01));  // 0.003° north
}
