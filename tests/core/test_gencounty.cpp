// Tests of shared/gencounty: the demo county is deterministic, large enough, connected, and its
// doorplates and service points are where and what they should be.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <set>

#include "gencounty.hpp"
#include "geo.hpp"
#include "importers.hpp"

namespace {

const std::string kAssets = std::string(DP_SOURCE_DIR) + "/assets";

nlohmann::json areas_json() {
    std::ifstream in(kAssets + "/demo/areas.json");
    return nlohmann::json::parse(in);
}

std::vector<dp::CatalogueItemRef> catalogue_refs() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(kAssets + "/guides/items"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<dp::CatalogueItemRef> refs;
    for (const auto& f : files) {
        std::ifstream in(f);
        refs.push_back(dp::catalogue_item_ref(nlohmann::json::parse(in)));
    }
    return refs;
}

const dp::DemoCounty& county() {
    static const dp::DemoCounty c = dp::generate_demo_county(areas_json(), catalogue_refs());
    return c;
}

std::string serialised(const dp::DemoCounty& c) {
    return dp::service_points_to_csv(c.service_points) + dp::doorplates_to_csv(c.doorplates) +
           dp::roads_to_geojson(c.roads) + dp::map_features_to_geojson(c.features);
}

}  // namespace

TEST_CASE("the same seed generates the identical county and another seed a different one") {
    const auto again = dp::generate_demo_county(areas_json(), catalogue_refs());
    CHECK(serialised(again) == serialised(county()));
    const auto other = dp::generate_demo_county(areas_json(), catalogue_refs(), 7);
    CHECK(serialised(other) != serialised(county()));
    // The doorplate codes and numbers do not depend on the geometry's seed.
    REQUIRE(other.doorplates.size() == county().doorplates.size());
    CHECK(other.doorplates[100].code == county().doorplates[100].code);
    CHECK(other.doorplates[100].address.full() == county().doorplates[100].address.full());
}

TEST_CASE("the demo county meets the minimum counts of the issue") {
    const auto& c = county();
    const dp::RoadGraph graph(c.roads);
    CHECK(graph.edges().size() >= 5000);
    CHECK(c.service_points.size() >= 120);
    CHECK(c.doorplates.size() == 64 * 36);
    std::set<std::string> ids;
    for (const auto& p : c.service_points) ids.insert(p.id);
    CHECK(ids.size() == c.service_points.size());
}

TEST_CASE("every service point type is present, each town has a centre and each village a station") {
    const auto& c = county();
    std::map<dp::ServicePointType, int> per_type;
    std::set<std::string> centre_areas, station_areas;
    for (const auto& p : c.service_points) {
        ++per_type[p.type];
        if (p.type == dp::ServicePointType::service_centre) centre_areas.insert(p.area_id);
        if (p.type == dp::ServicePointType::village_station) station_areas.insert(p.area_id);
    }
    for (auto t : dp::all_service_point_types()) CHECK_MESSAGE(per_type[t] > 0, dp::service_point_type_id(t));
    int towns = 0, villages = 0;
    const auto areas = areas_json();
    for (const auto& a : areas["areas"]) {
        const std::string kind = a["kind"];
        if (kind == "town") {
            ++towns;
            CHECK_MESSAGE(centre_areas.count(a["id"].get<std::string>()) == 1, a["id"]);
        } else if (kind == "village" || kind == "community") {
            ++villages;
            CHECK_MESSAGE(station_areas.count(a["id"].get<std::string>()) == 1, a["id"]);
        }
    }
    CHECK(towns == 15);
    CHECK(villages == 64);
}

TEST_CASE("the road network is one connected graph with named roads of every expected class") {
    const dp::RoadGraph graph(county().roads);
    std::vector<std::uint32_t> parent(graph.nodes().size());
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](std::uint32_t a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    };
    for (const auto& e : graph.edges()) parent[find(e.from)] = find(e.to);
    std::set<std::uint32_t> roots;
    for (std::uint32_t n = 0; n < parent.size(); ++n) roots.insert(find(n));
    CHECK(roots.size() == 1);

    std::set<dp::RoadClass> classes;
    int unnamed = 0;
    for (const auto& r : county().roads) {
        classes.insert(r.road_class);
        if (r.name.empty()) ++unnamed;
    }
    for (auto cls : {dp::RoadClass::trunk, dp::RoadClass::primary, dp::RoadClass::secondary, dp::RoadClass::tertiary,
                     dp::RoadClass::residential})
        CHECK_MESSAGE(classes.count(cls) == 1, dp::road_class_name(cls));
    CHECK(unnamed == 0);
    // A long walk across the county (石井镇 in the south to 诗山镇 in the north) is routable.
    const auto route = graph.route({24.652, 118.431}, {25.152, 118.328}, dp::TravelMode::drive);
    CHECK(route.found);
}

TEST_CASE("every village's road names from areas.json are roads of the network") {
    std::set<std::string> names;
    for (const auto& r : county().roads) names.insert(r.name);
    const auto areas = areas_json();
    for (const auto& a : areas["areas"])
        if (a.contains("roads"))
            for (const auto& r : a["roads"]) CHECK_MESSAGE(names.count(r.get<std::string>()) == 1, r);
}

TEST_CASE("every doorplate lies within a few metres of a road of its own name and not in a river") {
    const auto& c = county();
    const dp::LocalProjection proj({24.96, 118.386});
    std::map<std::string, std::vector<const dp::Road*>> by_name;
    for (const auto& r : c.roads) by_name[r.name].push_back(&r);
    std::vector<const dp::MapFeature*> water;
    for (const auto& f : c.features)
        if (f.kind == "water") water.push_back(&f);
    CHECK(water.size() == 3);
    int far = 0, wet = 0;
    for (const auto& d : c.doorplates) {
        double best = 1e300;
        const dp::Point2 p = proj.project(d.location);
        for (const dp::Road* r : by_name[d.address.road])
            for (size_t i = 0; i + 1 < r->line.size(); ++i)
                best = std::min(best, dp::project_on_segment(p, proj.project(r->line[i]), proj.project(r->line[i + 1])).distance);
        if (best > 15.0) {
            ++far;
            MESSAGE(d.code << " " << d.address.full() << " is " << best << " m from its road");
        }
        for (const auto* w : water)
            if (dp::point_in_polygon(d.location, w->polygon)) ++wet;
    }
    CHECK(far == 0);
    CHECK(wet == 0);
}

TEST_CASE("doorplate codes keep the earlier scheme: valid, unique, and the first is H5GYFKJ") {
    const auto& c = county();
    std::set<std::string> codes;
    for (const auto& d : c.doorplates) {
        CHECK(dp::doorplate_code_has_valid_check(d.code));
        codes.insert(d.code);
    }
    CHECK(codes.size() == c.doorplates.size());
    CHECK(c.doorplates.front().code == "H5GYFKJ");
    CHECK(c.doorplates.front().address.village == "溪州社区");
}

TEST_CASE("every service point has valid hours, a phone and items from the catalogue") {
    std::set<std::string> catalogue;
    std::set<std::string> self_service;
    for (const auto& r : catalogue_refs()) {
        catalogue.insert(r.id);
        for (const auto& ch : r.channels)
            if (ch == "kiosk" || ch == "online") self_service.insert(r.id);
    }
    const dp::LocalDateTime holiday{2026, 10, 3, 10, 0}, weekday{2026, 10, 9, 10, 0}, lunch{2026, 10, 9, 12, 45},
        sunday{2026, 10, 11, 10, 0}, midnight{2026, 10, 11, 3, 0};
    int saturday_open = 0;
    for (const auto& p : county().service_points) {
        const auto text = dp::to_text(p.hours);
        const auto parsed = dp::parse_opening_hours(text);
        REQUIRE_MESSAGE(parsed.ok(), p.id << " " << text);
        CHECK(*parsed.hours == p.hours);
        CHECK(p.phone.rfind("0595-", 0) == 0);
        CHECK(!p.items.empty());
        for (const auto& id : p.items) CHECK_MESSAGE(catalogue.count(id) == 1, id);
        if (p.type == dp::ServicePointType::kiosk) {
            CHECK(p.hours.always_open());
            CHECK(p.hours.is_open(midnight));
            for (const auto& id : p.items) CHECK_MESSAGE(self_service.count(id) == 1, id);
        } else {
            CHECK_MESSAGE(!p.hours.is_open(holiday), p.id);  // National Day 2026
            CHECK_MESSAGE(p.hours.is_open(weekday), p.id);
            CHECK_MESSAGE(!p.hours.is_open(lunch), p.id);    // lunch break
            CHECK_MESSAGE(!p.hours.is_open(sunday), p.id);
            if (p.hours.is_open({2026, 10, 10, 10, 0})) ++saturday_open;
        }
    }
    CHECK(saturday_open > 0);
}

TEST_CASE("the generated files load through the importers without a single issue") {
    const auto& c = county();
    const auto areas = dp::import_areas_csv(dp::areas_to_csv(c.areas));
    CHECK(areas.issues.empty());
    CHECK(areas.rows.size() == c.areas.size());
    CHECK(c.areas.size() >= 1 + 10 + 60);
    const auto points = dp::import_service_points_csv(dp::service_points_to_csv(c.service_points));
    CHECK(points.issues.empty());
    CHECK(points.rows.size() == c.service_points.size());
    const auto plates = dp::import_doorplates_csv(dp::doorplates_to_csv(c.doorplates));
    CHECK(plates.issues.empty());
    REQUIRE(plates.rows.size() == c.doorplates.size());
    CHECK(plates.rows[5].location.lat == c.doorplates[5].location.lat);
    const auto roads = dp::import_roads_geojson(dp::roads_to_geojson(c.roads));
    CHECK(roads.issues.empty());
    REQUIRE(roads.rows.size() == c.roads.size());
    CHECK(roads.rows[3].line.size() == c.roads[3].line.size());
    const auto features = dp::import_map_features_geojson(dp::map_features_to_geojson(c.features));
    CHECK(features.issues.empty());
    CHECK(features.rows.size() == c.features.size());
    int towns = 0;
    for (const auto& f : features.rows)
        if (f.kind == "boundary" && f.area_kind == "town") ++towns;
    CHECK(towns == 15);
}

TEST_CASE("each town's service centre lies inside its own boundary") {
    const auto& c = county();
    for (const auto& p : c.service_points) {
        if (p.type != dp::ServicePointType::service_centre) continue;
        const dp::MapFeature* cell = nullptr;
        for (const auto& f : c.features)
            if (f.kind == "boundary" && f.area_id == p.area_id) cell = &f;
        REQUIRE(cell);
        CHECK_MESSAGE(dp::point_in_polygon(p.location, cell->polygon), p.name);
    }
}
