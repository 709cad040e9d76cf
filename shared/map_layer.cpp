// Map-layer geometry (see map_layer.hpp).
#include "map_layer.hpp"

#include <algorithm>
#include <cmath>

#include "geo.hpp"

namespace dp {

void BBox::extend(LatLng p) {
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
    west = std::min(west, p.lng);
    east = std::max(east, p.lng);
}

bool BBox::contains(LatLng p) const {
    return p.lat >= south && p.lat <= north && p.lng >= west && p.lng <= east;
}

bool BBox::intersects(const BBox& o) const {
    return !empty() && !o.empty() && o.south <= north && o.north >= south && o.west <= east && o.east >= west;
}

BBox BBox::expanded_m(double metres) const {
    if (empty()) return *this;
    const double dlat = metres / (kEarthRadiusM * kPi / 180.0);
    const double mid = (south + north) / 2 * kPi / 180.0;
    const double dlng = dlat / std::max(0.01, std::cos(mid));
    return BBox{south - dlat, west - dlng, north + dlat, east + dlng};
}

BBox BBox::of(const std::vector<LatLng>& points) {
    BBox b;
    for (const auto& p : points) b.extend(p);
    return b;
}

bool point_in_polygon(LatLng p, const std::vector<LatLng>& poly) {
    bool inside = false;
    const size_t n = poly.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const LatLng a = poly[i], b = poly[j];
        if ((a.lat > p.lat) != (b.lat > p.lat)) {
            const double x = a.lng + (p.lat - a.lat) * (b.lng - a.lng) / (b.lat - a.lat);
            if (p.lng < x) inside = !inside;
        }
    }
    return inside;
}

std::vector<LatLng> simplify_line(const std::vector<LatLng>& line, double tolerance_m) {
    if (line.size() <= 2) return line;
    const LocalProjection proj(line.front());
    std::vector<Point2> xy;
    xy.reserve(line.size());
    for (const auto& p : line) xy.push_back(proj.project(p));
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<size_t, size_t>> stack = {{0, line.size() - 1}};
    while (!stack.empty()) {
        auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double d = project_on_segment(xy[i], xy[a], xy[b]).distance;
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tolerance_m) {
            keep[at] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
    std::vector<LatLng> out;
    for (size_t i = 0; i < line.size(); ++i)
        if (keep[i]) out.push_back(line[i]);
    return out;
}

namespace {
// Does segment a–b touch the box? (Its own bounding box test, then a separating-axis check.)
bool segment_touches(LatLng a, LatLng b, const BBox& box) {
    if (box.contains(a) || box.contains(b)) return true;
    BBox s;
    s.extend(a);
    s.extend(b);
    if (!s.intersects(box)) return false;
    // The box's corners must not all lie on one side of the segment's line.
    const double dx = b.lng - a.lng, dy = b.lat - a.lat;
    int pos = 0, neg = 0;
    for (LatLng c : {LatLng{box.south, box.west}, LatLng{box.south, box.east}, LatLng{box.north, box.west},
                     LatLng{box.north, box.east}}) {
        const double cross = dx * (c.lat - a.lat) - dy * (c.lng - a.lng);
        if (cross >= 0) ++pos;
        if (cross <= 0) ++neg;
    }
    return pos > 0 && neg > 0;
}
}  // namespace

std::vector<std::vector<LatLng>> clip_line_to_bbox(const std::vector<LatLng>& line, const BBox& box) {
    std::vector<std::vector<LatLng>> pieces;
    std::vector<LatLng> cur;
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        if (segment_touches(line[i], line[i + 1], box)) {
            if (cur.empty()) cur.push_back(line[i]);
            cur.push_back(line[i + 1]);
        } else if (!cur.empty()) {
            pieces.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) pieces.push_back(std::move(cur));
    return pieces;
}

LatLng round_latlng(LatLng p, int decimals) {
    const double f = std::pow(10.0, decimals);
    return LatLng{std::round(p.lat * f) / f, std::round(p.lng * f) / f};
}

nlohmann::json latlng_array(const std::vector<LatLng>& line, int decimals) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& p : line) {
        const LatLng r = round_latlng(p, decimals);
        a.push_back({r.lat, r.lng});
    }
    return a;
}

}  // namespace dp
