// JSON → map structs (see map_data.hpp).
#include "map_data.hpp"

namespace dp {
namespace {

LatLng pair_latlng(const nlohmann::json& p) {
    if (!p.is_array() || p.size() < 2) throw nlohmann::json::type_error::create(302, "expected [lat,lng]", &p);
    return {p[0].get<double>(), p[1].get<double>()};
}

std::vector<LatLng> line_of(const nlohmann::json& a) {
    std::vector<LatLng> out;
    out.reserve(a.size());
    for (auto& p : a) out.push_back(pair_latlng(p));
    return out;
}

std::vector<std::string> strings_of(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (auto& s : *it)
            if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double num(const nlohmann::json& j, const char* key, double fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

}  // namespace

PlaceType place_type_from(std::string_view s) {
    if (s == "service_centre") return PlaceType::service_centre;
    if (s == "village_station") return PlaceType::village_station;
    if (s == "police") return PlaceType::police;
    if (s == "market_supervision") return PlaceType::market_supervision;
    if (s == "kiosk") return PlaceType::kiosk;
    return PlaceType::other;
}

RoadClass road_class_from(std::string_view s) {
    if (s == "motorway") return RoadClass::trunk;
    if (s == "footway") return RoadClass::path;
    return road_class_from_name(s).value_or(RoadClass::residential);
}

Place parse_place(const nlohmann::json& j) {
    Place p;
    p.id = j.at("id").get<std::string>();
    p.name = j.at("name").get<std::string>();
    p.type = place_type_from(str(j, "type"));
    p.type_name = str(j, "type_name");
    p.area_id = str(j, "area_id");
    p.address = str(j, "address");
    const auto& loc = j.at("location");
    p.location = {loc.at("lat").get<double>(), loc.at("lng").get<double>()};
    p.phone = str(j, "phone");
    p.hours = str(j, "hours");
    p.hours_today = str(j, "hours_today");
    p.status = str(j, "status");
    p.open_now = j.value("open_now", false);
    p.items = strings_of(j, "items");
    p.distance_m = num(j, "distance_m", -1);
    p.hours_week = strings_of(j, "hours_week");
    p.hours_dates = strings_of(j, "hours_dates");
    return p;
}

std::vector<Place> parse_places(const nlohmann::json& array) {
    std::vector<Place> out;
    for (auto& p : array) out.push_back(parse_place(p));
    return out;
}

MapLayer parse_map_layer(const nlohmann::json& j) {
    MapLayer m;
    if (auto t = j.find("town"); t != j.end() && t->is_object()) {
        m.town_id = str(*t, "id");
        m.town_name = str(*t, "name");
    }
    if (auto b = j.find("bbox"); b != j.end() && b->is_object())
        m.bbox = {num(*b, "south", 0), num(*b, "west", 0), num(*b, "north", 0), num(*b, "east", 0)};
    for (auto& r : j.value("roads", nlohmann::json::array())) {
        Road road;
        road.name = str(r, "name");
        road.road_class = road_class_from(str(r, "class"));
        road.oneway = r.value("oneway", false);
        road.line = line_of(r.at("line"));
        if (road.line.size() >= 2) m.roads.push_back(std::move(road));
    }
    for (auto& w : j.value("water", nlohmann::json::array())) {
        MapWater water{str(w, "name"), line_of(w.at("polygon"))};
        if (water.polygon.size() >= 3) m.water.push_back(std::move(water));
    }
    for (auto& b : j.value("boundaries", nlohmann::json::array())) {
        MapBoundary bd{str(b, "area_id"), str(b, "name"), str(b, "kind"), line_of(b.at("polygon"))};
        if (bd.polygon.size() >= 3) m.boundaries.push_back(std::move(bd));
    }
    for (auto& a : j.value("areas", nlohmann::json::array()))
        if (a.contains("location") && !str(a, "name").empty())
            m.areas.push_back({str(a, "id"), str(a, "name"), str(a, "kind"), a.at("location").get<LatLng>()});
    m.places = parse_places(j.value("places", nlohmann::json::array()));
    return m;
}

RouteResult parse_route(const nlohmann::json& j) {
    RouteResult r;
    r.found = j.value("found", false);
    r.mode = str(j, "mode");
    r.summary = str(j, "summary");
    r.distance_m = num(j, "distance_m", 0);
    r.duration_s = num(j, "duration_s", 0);
    if (!r.found) return r;
    r.polyline = line_of(j.at("polyline"));
    for (auto& s : j.value("steps", nlohmann::json::array())) {
        RouteStep step;
        step.instruction = s.at("instruction").get<std::string>();
        step.road = str(s, "road");
        step.maneuver = str(s, "maneuver");
        step.distance_m = num(s, "distance_m", 0);
        step.duration_s = num(s, "duration_s", 0);
        if (auto loc = s.find("location"); loc != s.end() && loc->is_object())
            step.location = {num(*loc, "lat", 0), num(*loc, "lng", 0)};
        r.steps.push_back(std::move(step));
    }
    if (auto to = j.find("to"); to != j.end() && to->is_object()) r.to = parse_place(*to);
    return r;
}

}  // namespace dp
