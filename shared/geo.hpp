// Geodesy for the map: WGS-84 ↔ GCJ-02 ↔ BD-09 conversions, great-circle distance and
// bearing, and a local equirectangular projection (metres east/north of an origin).
#pragma once
#include "doorplate.hpp"

namespace dp {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusM = 6371008.8;  // mean Earth radius (IUGG), used for haversine

// The rough box in which GCJ-02 applies (the usual "out of China" test of published
// converters: lng 72.004–137.8347, lat 0.8293–55.8271). Outside it the offset is zero.
bool in_china_box(LatLng p);

// WGS-84 → GCJ-02 (Krasovsky a = 6378245.0, ee = 0.00669342162296594323). Outside the box
// the point is returned unchanged.
LatLng wgs84_to_gcj02(LatLng wgs);

// GCJ-02 → WGS-84. GCJ-02 has no closed-form inverse; this iterates
//   w ← w − (wgs84_to_gcj02(w) − g)
// starting from w = g until the step is below 1e-12° (at most 30 rounds; in practice 3–6).
// Over a grid of ~3,000 points across China (tests/core/test_geo.cpp) both round trips,
// wgs84_to_gcj02(gcj02_to_wgs84(g)) and gcj02_to_wgs84(wgs84_to_gcj02(w)), come back within
// 3e-14° (a few nanometres); the test asserts < 1e-11° (about a micrometre).
LatLng gcj02_to_wgs84(LatLng gcj);

// GCJ-02 ↔ BD-09 (x_pi = π·3000/180). bd09_to_gcj02 starts from the published closed-form
// approximation (off by up to ~2e-6°, 0.2 m) and refines it by iteration, so that
// gcj02_to_bd09(bd09_to_gcj02(b)) reproduces b to better than 1e-11°.
LatLng gcj02_to_bd09(LatLng gcj);
LatLng bd09_to_gcj02(LatLng bd);
LatLng wgs84_to_bd09(LatLng wgs);
LatLng bd09_to_wgs84(LatLng bd);

// Great-circle distance in metres on a sphere of radius kEarthRadiusM.
double haversine_m(LatLng a, LatLng b);

// Initial bearing (forward azimuth) from `from` towards `to`, degrees clockwise from north
// in [0, 360). 0 for coincident points.
double initial_bearing_deg(LatLng from, LatLng to);

// Angle `a` normalised to (-180, 180].
double normalize_angle_deg(double a);

// A point in a local plane: metres east (x) and north (y) of a projection's origin.
struct Point2 {
    double x = 0;
    double y = 0;
};

// Local equirectangular projection around `origin`: x = R·Δλ·cos φ0, y = R·Δφ (radians).
// Distances within ~20 km of the origin are within ~0.2 % of the great-circle distance
// at the latitudes of China; use it for geometry within a county, not across provinces.
class LocalProjection {
public:
    LocalProjection() : LocalProjection(LatLng{0, 0}) {}
    explicit LocalProjection(LatLng origin);
    LatLng origin() const { return origin_; }
    Point2 project(LatLng p) const;
    LatLng unproject(Point2 p) const;

private:
    LatLng origin_;
    double m_per_deg_lat_;
    double m_per_deg_lng_;
};

// Plane helpers.
double distance(Point2 a, Point2 b);
double distance_sq(Point2 a, Point2 b);

// The point of segment [a, b] nearest to p, with t in [0, 1] its position along the segment.
struct SegmentProjection {
    Point2 point;
    double t = 0;
    double distance = 0;
};
SegmentProjection project_on_segment(Point2 p, Point2 a, Point2 b);

}  // namespace dp
