// Service points, a town's map layer (roads, water, boundaries) and routes as plain structs,
// parsed from the server's JSON (/api/v1/places, /api/v1/map, /api/v1/route). No platform headers.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doorplate.hpp"
#include "road_graph.hpp"

namespace dp {

enum class PlaceType : std::uint8_t { service_centre, village_station, police, market_supervision, kiosk, other };
PlaceType place_type_from(std::string_view s);  // unknown → other

// A service point (Place in the API). Locations are WGS-84.
struct Place {
    std::string id;  // SP0001
    std::string name;
    PlaceType type = PlaceType::other;
    std::string type_name;  // 便民服务中心
    std::string area_id;
    std::string address;
    LatLng location;
    std::string phone;
    std::string hours;        // compact weekly form
    std::string hours_today;  // 今日 08:30–12:00、14:30–17:30
    std::string status;       // 营业中 · 至 12:00
    bool open_now = false;
    std::vector<std::string> items;  // item ids handled there
    double distance_m = -1;          // only when the request had a query point
    std::vector<std::string> hours_week, hours_dates;  // GET /api/v1/places/<id> only
};

constexpr int kRoadClassCount = 6;  // RoadClass (road_graph.hpp): trunk … path
RoadClass road_class_from(std::string_view s);  // unknown → residential

struct MapWater {
    std::string name;
    std::vector<LatLng> polygon;
};
struct MapBoundary {
    std::string area_id, name, kind;
    std::vector<LatLng> polygon;
};
// A name on the map: a town, or a village/community of the layer's town, at its centre.
struct MapArea {
    std::string id, name, kind;  // kind: town | village | community
    LatLng location;
};
struct GeoBox {
    double south = 0, west = 0, north = 0, east = 0;
};

// GET /api/v1/map?town=<id>
struct MapLayer {
    std::string town_id, town_name;
    GeoBox bbox;
    std::vector<Road> roads;  // road_graph.hpp's Road: name, class, oneway, line
    std::vector<MapWater> water;
    std::vector<MapBoundary> boundaries;
    std::vector<MapArea> areas;
    std::vector<Place> places;
};

struct RouteStep {
    std::string instruction;  // 沿溪州路向东步行 300 米
    std::string road, maneuver;
    double distance_m = 0, duration_s = 0;
    LatLng location;
};

// GET /api/v1/route?from=lat,lng&to=<place>&mode=walk|drive
struct RouteResult {
    bool found = false;
    std::string mode;     // walk | drive
    std::string summary;  // 步行 650 米，约 8 分钟
    double distance_m = 0, duration_s = 0;
    std::vector<LatLng> polyline;
    std::vector<RouteStep> steps;
    Place to;
};

// Each throws nlohmann::json::exception when a required field (ids, names, locations,
// geometry) is missing or has the wrong type; optional fields default.
Place parse_place(const nlohmann::json& j);
std::vector<Place> parse_places(const nlohmann::json& array);  // [Place…]
MapLayer parse_map_layer(const nlohmann::json& j);
RouteResult parse_route(const nlohmann::json& j);

}  // namespace dp
