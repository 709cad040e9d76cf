// Tests of shared/map_view: the camera's transforms, pan, zoom about a point, limits and fit;
// culling; decimation; label placement; marker hit testing; road styles; inertia.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "map_view.hpp"

using dp::Point2;

namespace {

dp::MapCamera camera() {
    dp::MapCamera c;
    c.projection = dp::LocalProjection({24.963, 118.386});
    c.width = 1170;
    c.height = 2000;
    c.m_per_px = 1;
    return c;
}

bool near(Point2 a, Point2 b, double eps = 1e-6) { return std::fabs(a.x - b.x) < eps && std::fabs(a.y - b.y) < eps; }

dp::MapLayer town() {
    std::ifstream in(std::string(DP_SOURCE_DIR) + "/tests/fixtures/map/town.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return dp::parse_map_layer(nlohmann::json::parse(ss.str()));
}

}  // namespace

TEST_CASE("the centre of the camera is the middle of the screen and north is up") {
    auto c = camera();
    CHECK(near(c.to_screen({0, 0}), {585, 1000}));
    CHECK(near(c.to_screen({100, 0}), {685, 1000}));  // east is right
    CHECK(near(c.to_screen({0, 100}), {585, 900}));   // north is up
    auto s = c.screen_of({24.963, 118.386});
    CHECK(near(s, {585, 1000}, 1e-6));
}

TEST_CASE("screen and world transforms are inverses, also through latitude and longitude") {
    auto c = camera();
    c.centre = {123.4, -56.7};
    c.m_per_px = 0.37;
    for (Point2 s : {Point2{0, 0}, Point2{1170, 2000}, Point2{17.5, 1999}}) {
        CHECK(near(c.to_screen(c.to_world(s)), s, 1e-6));
        CHECK(near(c.screen_of(c.latlng_at(s)), s, 1e-4));
    }
}

TEST_CASE("panning moves the map with the finger") {
    auto c = camera();
    const Point2 before = c.to_screen({50, 50});
    c.pan(30, -20);
    const Point2 after = c.to_screen({50, 50});
    CHECK(after.x - before.x == doctest::Approx(30));
    CHECK(after.y - before.y == doctest::Approx(-20));
}

TEST_CASE("zooming keeps the world point under the pinch centre in place") {
    auto c = camera();
    const Point2 at{200, 300};
    const Point2 world = c.to_world(at);
    c.zoom_about(2.0, at);
    CHECK(c.m_per_px == doctest::Approx(0.5));
    CHECK(near(c.to_screen(world), at, 1e-6));
    c.zoom_about(0.25, {900, 1500});
    CHECK(c.m_per_px == doctest::Approx(2.0));
}

TEST_CASE("zoom stays within its limits") {
    auto c = camera();
    c.min_m_per_px = 0.1;
    c.max_m_per_px = 10;
    c.zoom_about(1000, {10, 10});
    CHECK(c.m_per_px == doctest::Approx(0.1));
    c.zoom_about(1e-6, {10, 10});
    CHECK(c.m_per_px == doctest::Approx(10));
    c.zoom_about(0, {10, 10});  // nonsense factors are ignored
    CHECK(c.m_per_px == doctest::Approx(10));
}

TEST_CASE("fit puts the whole box inside the free part of the screen") {
    auto c = camera();
    dp::Bounds b;
    b.add({-500, -200});
    b.add({700, 900});
    const double top = 100, bottom = 800;
    c.fit(b, 20, top, 20, bottom);
    const Point2 lo = c.to_screen({b.min_x, b.min_y}), hi = c.to_screen({b.max_x, b.max_y});
    CHECK(lo.x >= 20 - 1e-6);
    CHECK(hi.x <= 1150 + 1e-6);
    CHECK(hi.y >= top - 1e-6);
    CHECK(lo.y <= 2000 - bottom + 1e-6);
    // Tight along one axis.
    CHECK((std::fabs(hi.x - lo.x - 1130) < 1e-6 || std::fabs(lo.y - hi.y - 1100) < 1e-6));
}

TEST_CASE("only shapes that meet the visible box are drawn") {
    auto scene = dp::build_scene(town(), {24.963, 118.386});
    auto c = camera();
    c.m_per_px = 0.2;  // about 234 m × 400 m around the centre
    auto vis = dp::visible_shapes(scene.roads, c.visible());
    CHECK(vis.size() > 0);
    CHECK(vis.size() < scene.roads.size() / 2);
    for (std::size_t i = 0; i < scene.roads.size(); ++i) {
        const bool listed = std::find(vis.begin(), vis.end(), i) != vis.end();
        CHECK(listed == scene.roads[i].box.intersects(c.visible()));
    }
    c.m_per_px = 20;
    CHECK(dp::visible_shapes(scene.roads, c.visible()).size() == scene.roads.size());
    c.centre = {1e6, 1e6};
    CHECK(dp::visible_shapes(scene.roads, c.visible()).empty());
}

TEST_CASE("decimation drops points closer than the minimum distance but keeps both ends") {
    std::vector<Point2> pts;
    for (int i = 0; i <= 100; ++i) pts.push_back({i * 0.5, 0});
    auto d = dp::decimate(pts, 2.0);
    CHECK(d.size() < 30);
    CHECK(near(d.front(), pts.front()));
    CHECK(near(d.back(), pts.back()));
    for (std::size_t i = 1; i + 1 < d.size(); ++i) CHECK(dp::distance(d[i - 1], d[i]) >= 2.0 - 1e-9);
    CHECK(dp::decimate({{0, 0}, {0.1, 0}}, 5).size() == 2);
}

TEST_CASE("placed labels never overlap and higher priority wins") {
    std::vector<dp::LabelCandidate> c = {
        {{0, 0, 100, 20}, 10},    // 0: overlaps 1, loses
        {{50, 10, 150, 30}, 50},  // 1
        {{200, 0, 300, 20}, 5},   // 2: free
        {{140, 25, 210, 45}, 5},  // 3: overlaps 1 → out
    };
    auto placed = dp::place_labels(c);
    CHECK(placed == std::vector<std::size_t>{1, 2});
    // Many random candidates: no two placed rectangles meet.
    std::vector<dp::LabelCandidate> many;
    unsigned s = 12345;
    auto rnd = [&] { s = s * 1103515245u + 12345u; return (s >> 16) % 1000; };
    for (int i = 0; i < 300; ++i) {
        double x = rnd(), y = rnd();
        many.push_back({{x, y, x + 20 + rnd() % 80, y + 15}, static_cast<int>(rnd() % 5)});
    }
    std::vector<dp::Rect> obstacles = {{400, 400, 600, 600}};
    auto p = dp::place_labels(many, obstacles);
    CHECK(p.size() > 20);
    for (std::size_t i = 0; i < p.size(); ++i) {
        CHECK_FALSE(many[p[i]].rect.intersects(obstacles[0]));
        for (std::size_t j = i + 1; j < p.size(); ++j) CHECK_FALSE(many[p[i]].rect.intersects(many[p[j]].rect));
    }
    // Every rejected candidate meets a placed one of at least its priority, or the obstacle.
    for (std::size_t i = 0; i < many.size(); ++i) {
        if (std::find(p.begin(), p.end(), i) != p.end()) continue;
        bool blocked = many[i].rect.intersects(obstacles[0]);
        for (auto k : p) blocked = blocked || (many[k].rect.intersects(many[i].rect) && many[k].priority >= many[i].priority);
        CHECK(blocked);
    }
}

TEST_CASE("a road label sits on the longest segment inside the viewport") {
    dp::Rect vp{0, 0, 1000, 1000};
    auto a = dp::road_label_anchor({{0, 10}, {10, 10}, {210, 10}, {220, 20}}, 50, vp);
    REQUIRE(a.ok);
    CHECK(near(a.at, {110, 10}));
    CHECK_FALSE(dp::road_label_anchor({{0, 0}, {10, 0}}, 50, vp).ok);           // too short
    CHECK_FALSE(dp::road_label_anchor({{2000, 0}, {2500, 0}}, 50, vp).ok);      // off screen
}

TEST_CASE("a tap hits the nearest marker within the touch radius, and nothing farther") {
    const double dpr = 3, radius = 22 * dpr;  // 22 CSS px at devicePixelRatio 3
    std::vector<Point2> markers = {{100, 100}, {160, 100}, {600, 600}};
    CHECK(dp::hit_marker(markers, {125, 100}, radius) == 0);
    CHECK(dp::hit_marker(markers, {140, 110}, radius) == 1);
    CHECK(dp::hit_marker(markers, {100 + 60, 100 + 30}, radius) == 1);
    CHECK(dp::hit_marker(markers, {600 + radius - 1, 600}, radius) == 2);
    CHECK(dp::hit_marker(markers, {600 + radius + 1, 600}, radius) == -1);
    CHECK(dp::hit_marker({}, {0, 0}, radius) == -1);
}

TEST_CASE("major roads are drawn after minor ones, wider and with a casing") {
    auto layer = town();
    auto order = dp::road_draw_order(layer);
    REQUIRE(order.size() == layer.roads.size());
    for (std::size_t i = 1; i < order.size(); ++i)
        CHECK(dp::road_style(layer.roads[order[i - 1]].road_class).order <= dp::road_style(layer.roads[order[i]].road_class).order);
    const auto& trunk = dp::road_style(dp::RoadClass::trunk);
    const auto& lane = dp::road_style(dp::RoadClass::residential);
    CHECK(trunk.fill_css > lane.fill_css);
    CHECK(trunk.casing_css > 0);
    CHECK(trunk.label_priority > lane.label_priority);
    CHECK(lane.hide_above_m_per_css < trunk.hide_above_m_per_css);
    CHECK(dp::road_width_factor(0.5) > dp::road_width_factor(2.0));
    CHECK(dp::road_width_factor(2.0) == doctest::Approx(1.0));
}

TEST_CASE("every place type has its own colour, shape and glyph") {
    using T = dp::PlaceType;
    const T types[] = {T::service_centre, T::village_station, T::police, T::market_supervision, T::kiosk};
    for (auto a : types)
        for (auto b : types) {
            if (a == b) continue;
            const auto &sa = dp::place_style(a), &sb = dp::place_style(b);
            CHECK(std::string(sa.glyph) != sb.glyph);
            CHECK((sa.colour.r != sb.colour.r || sa.colour.g != sb.colour.g || sa.colour.b != sb.colour.b));
        }
    CHECK(std::string(dp::place_style(T::service_centre).glyph) == "办");
    CHECK(std::string(dp::place_style(T::kiosk).glyph) == "自");
}

TEST_CASE("a flick keeps moving the same way, slows down and stops") {
    dp::Inertia in;
    for (int i = 0; i < 5; ++i) in.track(20, -10, 1.0 / 60);
    double total_x = 0, total_y = 0, dx = 0, dy = 0, last_dx = 1e9;
    int steps = 0;
    while (in.step(1.0 / 60, dx, dy, 30) && steps < 1000) {
        CHECK(dx > 0);
        CHECK(dy < 0);
        CHECK(dx <= last_dx);
        last_dx = dx;
        total_x += dx;
        total_y += dy;
        ++steps;
    }
    CHECK(steps < 1000);
    CHECK(total_x > 100);
    CHECK(total_y < -50);
    CHECK_FALSE(in.step(1.0 / 60, dx, dy, 30));
    CHECK(dx == 0);
}
