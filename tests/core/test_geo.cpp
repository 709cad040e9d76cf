// Tests of shared/geo: published conversion vectors, round trips over China, distances,
// bearings and the local projection.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "geo.hpp"

using dp::LatLng;

namespace {

double max_abs_diff(LatLng a, LatLng b) { return std::max(std::fabs(a.lat - b.lat), std::fabs(a.lng - b.lng)); }

}  // namespace

TEST_CASE("WGS-84 to GCJ-02 matches the widely published coordtransform vector") {
    // wandergis/coordtransform README: wgs84togcj02(116.404, 39.915)
    LatLng g = dp::wgs84_to_gcj02({39.915, 116.404});
    CHECK(std::fabs(g.lng - 116.41024449916938) < 1e-12);
    CHECK(std::fabs(g.lat - 39.91640428150164) < 1e-12);
}

TEST_CASE("GCJ-02 to BD-09 matches the published vector and BD-09 back is within 2 cm of it") {
    LatLng b = dp::gcj02_to_bd09({39.915, 116.404});
    CHECK(std::fabs(b.lng - 116.41036949371029) < 1e-12);
    CHECK(std::fabs(b.lat - 39.92133699351022) < 1e-12);
    // bd09togcj02(116.404, 39.915) is published from the closed-form approximation; ours is
    // refined by iteration, so it may differ by the approximation's error (~2e-7° here).
    LatLng g = dp::bd09_to_gcj02({39.915, 116.404});
    CHECK(std::fabs(g.lng - 116.39762729119315) < 5e-7);
    CHECK(std::fabs(g.lat - 39.90865673957631) < 5e-7);
    CHECK(max_abs_diff(dp::gcj02_to_bd09(g), {39.915, 116.404}) < 1e-11);
}

TEST_CASE("GCJ-02 to WGS-84 improves on the published one-step inverse") {
    // The published gcj02towgs84(116.404, 39.915) is a single correction step, good to ~1 m.
    LatLng w = dp::gcj02_to_wgs84({39.915, 116.404});
    CHECK(std::fabs(w.lng - 116.39775550083061) < 2e-5);
    CHECK(std::fabs(w.lat - 39.91359571849836) < 2e-5);
    CHECK(max_abs_diff(dp::wgs84_to_gcj02(w), {39.915, 116.404}) < 1e-11);
}

TEST_CASE("the GCJ-02 offset in Nan'an is a few hundred metres to the north-east") {
    LatLng w{24.96, 118.39};
    LatLng g = dp::wgs84_to_gcj02(w);
    double off = dp::haversine_m(w, g);
    CHECK(off > 300);
    CHECK(off < 800);
    CHECK(g.lng > w.lng);  // Nan'an's offset is mostly eastward
}

TEST_CASE("points outside China are not shifted by any conversion") {
    LatLng paris{48.8566, 2.3522};
    CHECK_FALSE(dp::in_china_box(paris));
    CHECK(dp::wgs84_to_gcj02(paris).lat == paris.lat);
    CHECK(dp::wgs84_to_gcj02(paris).lng == paris.lng);
    CHECK(dp::gcj02_to_wgs84(paris).lng == paris.lng);
    CHECK(dp::in_china_box({24.96, 118.39}));
}

TEST_CASE("round trips over a grid of points in China stay within 1e-11 degrees") {
    // Measured maximum on this grid: ~3e-14° for both GCJ round trips and ~6e-14° for BD-09.
    double worst_gcj_back = 0, worst_wgs_back = 0, worst_bd = 0, worst_bd_wgs = 0;
    int points = 0;
    for (double lat = 18.0; lat <= 53.0; lat += 0.7) {
        for (double lng = 74.0; lng <= 134.0; lng += 0.9) {
            LatLng p{lat, lng};
            worst_gcj_back = std::max(worst_gcj_back, max_abs_diff(dp::wgs84_to_gcj02(dp::gcj02_to_wgs84(p)), p));
            worst_wgs_back = std::max(worst_wgs_back, max_abs_diff(dp::gcj02_to_wgs84(dp::wgs84_to_gcj02(p)), p));
            worst_bd = std::max(worst_bd, max_abs_diff(dp::bd09_to_gcj02(dp::gcj02_to_bd09(p)), p));
            worst_bd_wgs = std::max(worst_bd_wgs, max_abs_diff(dp::bd09_to_wgs84(dp::wgs84_to_bd09(p)), p));
            ++points;
        }
    }
    CHECK(points > 3000);
    CHECK(worst_gcj_back < 1e-11);
    CHECK(worst_wgs_back < 1e-11);
    CHECK(worst_bd < 1e-11);
    CHECK(worst_bd_wgs < 1e-11);
}

TEST_CASE("GCJ-02 offsets anywhere in China stay under a kilometre") {
    double worst = 0;
    for (double lat = 18.0; lat <= 53.0; lat += 1.0)
        for (double lng = 74.0; lng <= 134.0; lng += 1.0)
            worst = std::max(worst, dp::haversine_m({lat, lng}, dp::wgs84_to_gcj02({lat, lng})));
    CHECK(worst > 100);
    CHECK(worst < 1000);
}

TEST_CASE("haversine gives a degree of latitude as 111.195 km and is symmetric") {
    CHECK(dp::haversine_m({0, 0}, {1, 0}) == doctest::Approx(111195.08).epsilon(1e-6));
    CHECK(dp::haversine_m({0, 0}, {0, 1}) == doctest::Approx(111195.08).epsilon(1e-6));
    LatLng beijing{39.9042, 116.4074}, shanghai{31.2304, 121.4737};
    double d = dp::haversine_m(beijing, shanghai);
    CHECK(d == doctest::Approx(1067.3e3).epsilon(0.002));
    CHECK(dp::haversine_m(shanghai, beijing) == doctest::Approx(d));
    CHECK(dp::haversine_m(beijing, beijing) == 0.0);
    // Antipodes: half the circumference, no NaN.
    CHECK(dp::haversine_m({0, 0}, {0, 180}) == doctest::Approx(dp::kPi * dp::kEarthRadiusM));
}

TEST_CASE("initial bearing is measured clockwise from north") {
    CHECK(dp::initial_bearing_deg({0, 0}, {1, 0}) == doctest::Approx(0.0));
    CHECK(dp::initial_bearing_deg({0, 0}, {0, 1}) == doctest::Approx(90.0));
    CHECK(dp::initial_bearing_deg({0, 0}, {-1, 0}) == doctest::Approx(180.0));
    CHECK(dp::initial_bearing_deg({0, 0}, {0, -1}) == doctest::Approx(270.0));
    CHECK(dp::initial_bearing_deg({24.96, 118.39}, {24.97, 118.40}) == doctest::Approx(42.2).epsilon(0.01));
    CHECK(dp::initial_bearing_deg({24.96, 118.39}, {24.96, 118.39}) == 0.0);
}

TEST_CASE("angles normalise into the half-open range from -180 to 180") {
    CHECK(dp::normalize_angle_deg(190) == doctest::Approx(-170));
    CHECK(dp::normalize_angle_deg(-190) == doctest::Approx(170));
    CHECK(dp::normalize_angle_deg(180) == doctest::Approx(180));
    CHECK(dp::normalize_angle_deg(-180) == doctest::Approx(180));
    CHECK(dp::normalize_angle_deg(720 + 45) == doctest::Approx(45));
}

TEST_CASE("the local projection gives metres east and north and inverts exactly") {
    LatLng origin{24.96, 118.39};
    dp::LocalProjection proj(origin);
    dp::Point2 o = proj.project(origin);
    CHECK(o.x == 0.0);
    CHECK(o.y == 0.0);
    // 0.01° north is ~1112 m; 0.01° east is ~1112·cos(24.96°) ≈ 1008 m.
    dp::Point2 n = proj.project({24.97, 118.39});
    CHECK(n.x == doctest::Approx(0.0));
    CHECK(n.y == doctest::Approx(1111.95).epsilon(1e-4));
    dp::Point2 e = proj.project({24.96, 118.40});
    CHECK(e.x == doctest::Approx(1008.2).epsilon(1e-3));
    LatLng back = proj.unproject({1234.5, -678.9});
    dp::Point2 again = proj.project(back);
    CHECK(again.x == doctest::Approx(1234.5));
    CHECK(again.y == doctest::Approx(-678.9));
    // Within ~5 km of the origin plane distances agree with haversine to 0.1 %.
    LatLng a{24.95, 118.37}, b{24.99, 118.41};
    CHECK(dp::distance(proj.project(a), proj.project(b)) == doctest::Approx(dp::haversine_m(a, b)).epsilon(1e-3));
}

TEST_CASE("projecting a point on a segment clamps to the segment's ends") {
    dp::Point2 a{0, 0}, b{10, 0};
    auto mid = dp::project_on_segment({4, 3}, a, b);
    CHECK(mid.t == doctest::Approx(0.4));
    CHECK(mid.distance == doctest::Approx(3.0));
    auto before = dp::project_on_segment({-5, 0}, a, b);
    CHECK(before.t == 0.0);
    CHECK(before.distance == doctest::Approx(5.0));
    auto after = dp::project_on_segment({13, 4}, a, b);
    CHECK(after.t == 1.0);
    CHECK(after.distance == doctest::Approx(5.0));
    auto degenerate = dp::project_on_segment({3, 4}, a, a);
    CHECK(degenerate.t == 0.0);
    CHECK(degenerate.distance == doctest::Approx(5.0));
}
