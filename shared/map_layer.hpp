// Map features (water, area boundaries) and the geometry used to serve a map layer: bounding
// boxes, clipping lines to a box, Douglas–Peucker simplification, point-in-polygon.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "doorplate.hpp"

namespace dp {

// A polygon on the map: a river or lake ("water") or an area's outline ("boundary").
struct MapFeature {
    std::string kind;       // "water" | "boundary"
    std::string name;       // 晋江, 溪美街道
    std::string area_id;    // boundaries: the area's id
    std::string area_kind;  // boundaries: "county" | "town" | "village" | "community"
    std::vector<LatLng> polygon;  // outer ring, WGS-84, not repeating the first point
};

struct BBox {
    double south = 90, west = 180, north = -90, east = -180;  // empty until extended
    bool empty() const { return south > north; }
    void extend(LatLng p);
    bool contains(LatLng p) const;
    bool intersects(const BBox& o) const;
    // Grown by `metres` on every side.
    BBox expanded_m(double metres) const;
    static BBox of(const std::vector<LatLng>& points);
};

// Ray casting; points on the edge may count either way.
bool point_in_polygon(LatLng p, const std::vector<LatLng>& polygon);

// Douglas–Peucker in a local projection: keeps the ends and every point needed so that the
// result stays within tolerance_m of the original line.
std::vector<LatLng> simplify_line(const std::vector<LatLng>& line, double tolerance_m);

// The pieces of a line that touch the box: each a run of consecutive points whose segments
// intersect the box (so a piece may start and end just outside it). Empty when none does.
std::vector<std::vector<LatLng>> clip_line_to_bbox(const std::vector<LatLng>& line, const BBox& box);

// Latitude/longitude rounded to `decimals` places (6 ≈ 0.1 m), for compact JSON.
LatLng round_latlng(LatLng p, int decimals = 6);
// [[lat, lng], …] with rounded coordinates.
nlohmann::json latlng_array(const std::vector<LatLng>& line, int decimals = 6);

}  // namespace dp
