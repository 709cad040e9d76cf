// Service points: type names, JSON, the API's Place object and the place filter.
#include "service_point.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "geo.hpp"

namespace dp {

const std::array<ServicePointType, 5>& all_service_point_types() {
    static const std::array<ServicePointType, 5> all = {ServicePointType::service_centre,
                                                        ServicePointType::village_station, ServicePointType::police,
                                                        ServicePointType::market_supervision, ServicePointType::kiosk};
    return all;
}

const char* service_point_type_id(ServicePointType t) {
    switch (t) {
        case ServicePointType::service_centre: return "service_centre";
        case ServicePointType::village_station: return "village_station";
        case ServicePointType::police: return "police";
        case ServicePointType::market_supervision: return "market_supervision";
        case ServicePointType::kiosk: return "kiosk";
    }
    return "service_centre";
}

const char* service_point_type_zh(ServicePointType t) {
    switch (t) {
        case ServicePointType::service_centre: return "便民服务中心";
        case ServicePointType::village_station: return "便民服务站";
        case ServicePointType::police: return "派出所";
        case ServicePointType::market_supervision: return "市场监管所";
        case ServicePointType::kiosk: return "24小时自助服务终端";
    }
    return "";
}

std::optional<ServicePointType> service_point_type_from_id(std::string_view id) {
    for (ServicePointType t : all_service_point_types())
        if (id == service_point_type_id(t)) return t;
    return std::nullopt;
}

bool ServicePoint::handles(std::string_view item_id) const {
    return std::find(items.begin(), items.end(), item_id) != items.end();
}

void to_json(nlohmann::json& j, const ServicePoint& p) {
    j = {{"id", p.id},           {"name", p.name},         {"type", service_point_type_id(p.type)},
         {"area_id", p.area_id}, {"address", p.address},   {"location", p.location},
         {"phone", p.phone},     {"hours", to_text(p.hours)}, {"items", p.items}};
}

void from_json(const nlohmann::json& j, ServicePoint& p) {
    p.id = j.at("id").get<std::string>();
    p.name = j.at("name").get<std::string>();
    const std::string type = j.at("type").get<std::string>();
    const auto t = service_point_type_from_id(type);
    if (!t) throw std::invalid_argument("unknown service point type: " + type);
    p.type = *t;
    p.area_id = j.value("area_id", "");
    p.address = j.value("address", "");
    p.location = j.at("location").get<LatLng>();
    p.phone = j.value("phone", "");
    const auto parsed = parse_opening_hours(j.at("hours").get<std::string>());
    if (!parsed.ok()) throw std::invalid_argument("bad opening hours: " + parsed.error);
    p.hours = *parsed.hours;
    p.items = j.value("items", std::vector<std::string>{});
}

const char* coord_system_id(CoordSystem c) {
    switch (c) {
        case CoordSystem::wgs84: return "wgs84";
        case CoordSystem::gcj02: return "gcj02";
        case CoordSystem::bd09: return "bd09";
    }
    return "wgs84";
}

std::optional<CoordSystem> coord_system_from_id(std::string_view id) {
    for (CoordSystem c : {CoordSystem::wgs84, CoordSystem::gcj02, CoordSystem::bd09})
        if (id == coord_system_id(c)) return c;
    return std::nullopt;
}

LatLng wgs84_to(CoordSystem c, LatLng wgs) {
    switch (c) {
        case CoordSystem::wgs84: return wgs;
        case CoordSystem::gcj02: return wgs84_to_gcj02(wgs);
        case CoordSystem::bd09: return wgs84_to_bd09(wgs);
    }
    return wgs;
}

nlohmann::json place_json(const ServicePoint& p, const LocalDateTime& now, std::optional<double> distance_m,
                          CoordSystem coord) {
    nlohmann::json j = p;
    j["location"] = wgs84_to(coord, p.location);
    j["type_name"] = service_point_type_zh(p.type);
    j["hours_today"] = describe_today_zh(p.hours, now.date());
    j["status"] = status_zh(p.hours, now);
    const bool open = p.hours.is_open(now);
    j["open_now"] = open;
    if (open) {
        if (auto end = p.hours.next_closing(now)) j["closes_at"] = format_local_time(*end);
    } else if (auto next = p.hours.next_opening(now)) {
        j["next_opening"] = format_local_time(*next);
    }
    if (distance_m) j["distance_m"] = std::llround(*distance_m);
    return j;
}

bool place_matches(const ServicePoint& p, const PlaceQuery& q) {
    if (q.type && p.type != *q.type) return false;
    if (!q.item.empty() && !p.handles(q.item)) return false;
    if (q.open_at && q.open_by) {
        const auto next = p.hours.next_opening(*q.open_at);
        return next && unix_from_shanghai(*next) <= unix_from_shanghai(*q.open_by);
    }
    if (q.open_at && !p.hours.is_open(*q.open_at)) return false;
    return true;
}

SpatialIndex::Filter place_filter(const std::vector<ServicePoint>& points, const PlaceQuery& q) {
    if (q.item.empty() && !q.type && !q.open_at) return nullptr;
    return [&points, q](std::size_t i) { return i < points.size() && place_matches(points[i], q); };
}

}  // namespace dp
