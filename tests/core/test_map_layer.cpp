// Tests of shared/map_layer: bounding boxes, point in polygon, simplification within tolerance,
// and clipping lines to a box.
#include <doctest/doctest.h>

#include "geo.hpp"
#include "map_layer.hpp"

namespace {
const dp::LocalProjection kPlane(dp::LatLng{24.96, 118.39});
dp::LatLng m(double x, double y) { return kPlane.unproject({x, y}); }
}  // namespace

TEST_CASE("a bounding box grows by metres and tells containment and overlap") {
    dp::BBox b;
    CHECK(b.empty());
    b.extend(m(0, 0));
    b.extend(m(100, 100));
    CHECK(b.contains(m(50, 50)));
    CHECK(!b.contains(m(150, 50)));
    const auto g = b.expanded_m(100);
    CHECK(g.contains(m(150, 50)));
    CHECK(!g.contains(m(250, 50)));
    CHECK(g.intersects(b));
    CHECK(!dp::BBox::of({m(500, 500), m(600, 600)}).intersects(b));
}

TEST_CASE("point in polygon works for a concave outline") {
    const std::vector<dp::LatLng> u = {m(0, 0), m(300, 0), m(300, 300), m(200, 300), m(200, 100), m(100, 100), m(100, 300), m(0, 300)};
    CHECK(dp::point_in_polygon(m(50, 250), u));
    CHECK(dp::point_in_polygon(m(250, 250), u));
    CHECK(!dp::point_in_polygon(m(150, 250), u));  // in the notch
    CHECK(!dp::point_in_polygon(m(400, 50), u));
}

TEST_CASE("simplification keeps the ends and stays within the tolerance") {
    std::vector<dp::LatLng> line;
    for (int i = 0; i <= 100; ++i) line.push_back(m(i * 10.0, (i % 2) * 0.5 + (i == 50 ? 30 : 0)));
    const auto s = dp::simplify_line(line, 2.0);
    CHECK(s.size() < line.size() / 5);
    CHECK(s.front().lat == line.front().lat);
    CHECK(s.back().lng == line.back().lng);
    // The 30 m bump survives; every original point is within 2 m of the simplified line.
    bool bump = false;
    for (const auto& p : s) bump = bump || std::abs(kPlane.project(p).y - 30) < 1e-6;
    CHECK(bump);
    for (const auto& p : line) {
        double best = 1e9;
        for (size_t i = 0; i + 1 < s.size(); ++i)
            best = std::min(best, dp::project_on_segment(kPlane.project(p), kPlane.project(s[i]), kPlane.project(s[i + 1])).distance);
        CHECK(best <= 2.0 + 1e-6);
    }
}

TEST_CASE("clipping a line to a box gives the pieces that touch it") {
    const auto box = dp::BBox::of({m(0, 0), m(100, 100)});
    // In, out, back in: two pieces; a segment crossing a corner region without a vertex inside counts.
    const std::vector<dp::LatLng> line = {m(-50, 50), m(50, 50), m(50, 300), m(200, 300), m(200, 50), m(50, 20), m(-300, 20)};
    const auto pieces = dp::clip_line_to_bbox(line, box);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].size() == 3);  // (-50,50) (50,50) (50,300)
    CHECK(pieces[1].size() == 3);  // (200,50) (50,20) (-300,20)
    CHECK(dp::clip_line_to_bbox({m(-100, -100), m(-100, 300)}, box).empty());
    CHECK(dp::clip_line_to_bbox({m(-50, 150), m(150, -50)}, box).size() == 1);  // crosses without a vertex inside
}

TEST_CASE("coordinates round to six decimals in JSON arrays") {
    const auto j = dp::latlng_array({{24.123456789, 118.987654321}});
    CHECK(j[0][0].get<double>() == 24.123457);
    CHECK(j[0][1].get<double>() == 118.987654);
}
