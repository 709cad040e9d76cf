// The demo county generator: from the areas of assets/demo/areas.json and the catalogue's
// items, a deterministic road network, rivers, area boundaries, service points and doorplates
// for Nan'an (南安市). No file access here (tools/gencounty writes the files).
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "doorplate.hpp"
#include "map_layer.hpp"
#include "road_graph.hpp"
#include "service_point.hpp"

namespace dp {

// What the generator needs to know of a catalogue item to choose where it is handled.
struct CatalogueItemRef {
    std::string id;
    std::string department;             // 南安市公安局
    std::vector<std::string> channels;  // channel kinds: nearest_hall, city_hall, online, kiosk, mobile
};
// From an item of assets/guides/items/*.json (id, department, channels[].kind).
CatalogueItemRef catalogue_item_ref(const nlohmann::json& item);

struct DemoCounty {
    std::vector<Area> areas;           // as in areas.json (county, towns, villages/communities)
    std::vector<Road> roads;
    std::vector<MapFeature> features;  // water, then the county and town boundaries
    std::vector<ServicePoint> service_points;
    std::vector<Doorplate> doorplates;
};

constexpr std::uint64_t kDemoCountySeed = 20261128;

// The county for `areas` (the JSON of assets/demo/areas.json: county, towns, villages with
// their road names). The same inputs and seed give the same output. Coordinates are WGS-84
// rounded to 6 decimals. Generates: per town a street grid, per village its named roads
// (shared names are one road through the villages naming it) and lanes, trunk/primary roads
// between towns, every part joined into one network (junctions are shared vertices); the
// rivers 西溪, 东溪 and 晋江; Voronoi town boundaries inside a county outline; a county hall,
// a service centre, police station, market-supervision office and 24-hour kiosk per town and a
// station per village; 36 doorplates per village along its named roads (codes from
// make_doorplate_code, as the earlier seeding made them).
DemoCounty generate_demo_county(const nlohmann::json& areas, const std::vector<CatalogueItemRef>& items,
                                std::uint64_t seed = kDemoCountySeed);

}  // namespace dp
