// Service points (便民服务中心, 便民服务站, 派出所, 市场监管所, 24小时自助服务终端): the model, its
// JSON, the "Place" JSON of the API at a local time, and the filter used with SpatialIndex.
#pragma once
#include <nlohmann/json.hpp>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doorplate.hpp"
#include "opening_hours.hpp"
#include "spatial_index.hpp"

namespace dp {

enum class ServicePointType : std::uint8_t {
    service_centre,      // 便民服务中心 (town/street level; also the county's hall)
    village_station,     // 便民服务站 (village/community)
    police,              // 派出所
    market_supervision,  // 市场监管所
    kiosk,               // 24小时自助服务终端
};

// Every type, in the order above.
const std::array<ServicePointType, 5>& all_service_point_types();
// "service_centre", "village_station", "police", "market_supervision", "kiosk".
const char* service_point_type_id(ServicePointType t);
// "便民服务中心", "便民服务站", "派出所", "市场监管所", "24小时自助服务终端".
const char* service_point_type_zh(ServicePointType t);
std::optional<ServicePointType> service_point_type_from_id(std::string_view id);

struct ServicePoint {
    std::string id;       // "SP0001"
    std::string name;     // "溪美街道便民服务中心"
    ServicePointType type = ServicePointType::service_centre;
    std::string area_id;  // the town/street or village/community it belongs to
    std::string address;  // "南安市溪美街道溪美大道1号"
    LatLng location;      // WGS-84
    std::string phone;    // "0595-86383000" (may be empty)
    OpeningHours hours;
    std::vector<std::string> items;  // catalogue item ids it handles, sorted

    bool handles(std::string_view item_id) const;
};

// Storage JSON: {"id","name","type","area_id","address","location":{"lat","lng"},"phone",
// "hours":"<text form>","items":[…]}. from_json throws std::invalid_argument on an unknown
// type or unparsable hours.
void to_json(nlohmann::json& j, const ServicePoint& p);
void from_json(const nlohmann::json& j, ServicePoint& p);

// The coordinate system locations are shown in (storage is always WGS-84).
enum class CoordSystem : std::uint8_t { wgs84, gcj02, bd09 };
const char* coord_system_id(CoordSystem c);  // "wgs84", "gcj02", "bd09"
std::optional<CoordSystem> coord_system_from_id(std::string_view id);
LatLng wgs84_to(CoordSystem c, LatLng wgs);

// The API's Place object at local time `now`: the storage fields plus "type_name",
// "hours_today", "status", "open_now", "closes_at" (when open and it closes within the week)
// or "next_opening" (when closed and it opens within 400 days), both "YYYY-MM-DDTHH:MM", and
// "distance_m" (rounded to the metre) when given.
// "location" is converted to `coord`.
nlohmann::json place_json(const ServicePoint& p, const LocalDateTime& now,
                          std::optional<double> distance_m = std::nullopt, CoordSystem coord = CoordSystem::wgs84);

// What a resident asks for: places that handle an item, of a type, open at a local time.
struct PlaceQuery {
    std::string item;                       // "" = any
    std::optional<ServicePointType> type;   // nullopt = any
    std::optional<LocalDateTime> open_at;   // nullopt = open or not
    // With open_at: open at some moment from open_at up to open_by (open now, or opening
    // next by then), instead of open at open_at itself.
    std::optional<LocalDateTime> open_by;
};
bool place_matches(const ServicePoint& p, const PlaceQuery& q);
// A SpatialIndex filter over `points` (indexes as given to the index); null when q filters
// nothing. `points` must outlive the filter.
SpatialIndex::Filter place_filter(const std::vector<ServicePoint>& points, const PlaceQuery& q);

}  // namespace dp
