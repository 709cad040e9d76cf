// Geodesy for the map: coordinate-system conversions (WGS-84, GCJ-02, BD-09), haversine,
// bearings and the local equirectangular projection.
#include "geo.hpp"

#include <algorithm>
#include <cmath>

namespace dp {

namespace {

constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyEE = 0.00669342162296594323;
constexpr double kXPi = kPi * 3000.0 / 180.0;
constexpr double kDegToRad = kPi / 180.0;
constexpr double kRadToDeg = 180.0 / kPi;

double transform_lat(double x, double y) {
    double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    ret += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return ret;
}

double transform_lng(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    ret += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    ret += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return ret;
}

// The GCJ-02 offset (degrees) applied at a WGS-84 point, without the box test.
LatLng gcj_offset(LatLng wgs) {
    double dlat = transform_lat(wgs.lng - 105.0, wgs.lat - 35.0);
    double dlng = transform_lng(wgs.lng - 105.0, wgs.lat - 35.0);
    const double rad_lat = wgs.lat * kDegToRad;
    double magic = std::sin(rad_lat);
    magic = 1 - kKrasovskyEE * magic * magic;
    const double sqrt_magic = std::sqrt(magic);
    dlat = (dlat * 180.0) / ((kKrasovskyA * (1 - kKrasovskyEE)) / (magic * sqrt_magic) * kPi);
    dlng = (dlng * 180.0) / (kKrasovskyA / sqrt_magic * std::cos(rad_lat) * kPi);
    return LatLng{dlat, dlng};
}

}  // namespace

bool in_china_box(LatLng p) {
    return p.lng >= 72.004 && p.lng <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

LatLng wgs84_to_gcj02(LatLng wgs) {
    if (!in_china_box(wgs)) return wgs;
    const LatLng d = gcj_offset(wgs);
    return LatLng{wgs.lat + d.lat, wgs.lng + d.lng};
}

LatLng gcj02_to_wgs84(LatLng gcj) {
    if (!in_china_box(gcj)) return gcj;
    LatLng w = gcj;
    for (int i = 0; i < 30; ++i) {
        const LatLng d = gcj_offset(w);
        const double err_lat = w.lat + d.lat - gcj.lat;
        const double err_lng = w.lng + d.lng - gcj.lng;
        w.lat -= err_lat;
        w.lng -= err_lng;
        if (std::fabs(err_lat) < 1e-12 && std::fabs(err_lng) < 1e-12) break;
    }
    return w;
}

LatLng gcj02_to_bd09(LatLng gcj) {
    const double x = gcj.lng, y = gcj.lat;
    const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kXPi);
    return LatLng{z * std::sin(theta) + 0.006, z * std::cos(theta) + 0.0065};
}

LatLng bd09_to_gcj02(LatLng bd) {
    // The published closed-form approximation (good to ~2e-6°, about 0.2 m) ...
    const double x = bd.lng - 0.0065, y = bd.lat - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
    LatLng g{z * std::sin(theta), z * std::cos(theta)};
    // ... refined by the same fixed-point iteration as GCJ-02 → WGS-84.
    for (int i = 0; i < 10; ++i) {
        const LatLng b = gcj02_to_bd09(g);
        const double err_lat = b.lat - bd.lat, err_lng = b.lng - bd.lng;
        g.lat -= err_lat;
        g.lng -= err_lng;
        if (std::fabs(err_lat) < 1e-12 && std::fabs(err_lng) < 1e-12) break;
    }
    return g;
}

LatLng wgs84_to_bd09(LatLng wgs) { return gcj02_to_bd09(wgs84_to_gcj02(wgs)); }
LatLng bd09_to_wgs84(LatLng bd) { return gcj02_to_wgs84(bd09_to_gcj02(bd)); }

double haversine_m(LatLng a, LatLng b) {
    const double p1 = a.lat * kDegToRad, p2 = b.lat * kDegToRad;
    const double dp = (b.lat - a.lat) * kDegToRad;
    const double dl = (b.lng - a.lng) * kDegToRad;
    const double s1 = std::sin(dp / 2), s2 = std::sin(dl / 2);
    double h = s1 * s1 + std::cos(p1) * std::cos(p2) * s2 * s2;
    h = std::min(1.0, std::max(0.0, h));
    return 2 * kEarthRadiusM * std::asin(std::sqrt(h));
}

double initial_bearing_deg(LatLng from, LatLng to) {
    const double p1 = from.lat * kDegToRad, p2 = to.lat * kDegToRad;
    const double dl = (to.lng - from.lng) * kDegToRad;
    const double y = std::sin(dl) * std::cos(p2);
    const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
    if (x == 0 && y == 0) return 0;
    double deg = std::atan2(y, x) * kRadToDeg;
    if (deg < 0) deg += 360.0;
    if (deg >= 360.0) deg -= 360.0;
    return deg;
}

double normalize_angle_deg(double a) {
    a = std::fmod(a, 360.0);
    if (a <= -180.0) a += 360.0;
    if (a > 180.0) a -= 360.0;
    return a;
}

LocalProjection::LocalProjection(LatLng origin)
    : origin_(origin),
      m_per_deg_lat_(kEarthRadiusM * kDegToRad),
      m_per_deg_lng_(kEarthRadiusM * kDegToRad * std::cos(origin.lat * kDegToRad)) {}

Point2 LocalProjection::project(LatLng p) const {
    return Point2{(p.lng - origin_.lng) * m_per_deg_lng_, (p.lat - origin_.lat) * m_per_deg_lat_};
}

LatLng LocalProjection::unproject(Point2 p) const {
    return LatLng{origin_.lat + p.y / m_per_deg_lat_, origin_.lng + p.x / m_per_deg_lng_};
}

double distance_sq(Point2 a, Point2 b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

double distance(Point2 a, Point2 b) { return std::sqrt(distance_sq(a, b)); }

SegmentProjection project_on_segment(Point2 p, Point2 a, Point2 b) {
    const double vx = b.x - a.x, vy = b.y - a.y;
    const double len_sq = vx * vx + vy * vy;
    double t = 0;
    if (len_sq > 0) t = std::clamp(((p.x - a.x) * vx + (p.y - a.y) * vy) / len_sq, 0.0, 1.0);
    SegmentProjection r;
    r.point = Point2{a.x + t * vx, a.y + t * vy};
    r.t = t;
    r.distance = distance(p, r.point);
    return r;
}

}  // namespace dp
