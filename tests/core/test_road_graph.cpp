// Tests of shared/road_graph: node merging, snapping, walking and driving routes with partial
// edges, one-way and path rules, and A* against Dijkstra and Floyd–Warshall on random graphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "road_fixtures.hpp"
#include "road_graph.hpp"

using dp::LatLng;
using dp::Road;
using dp::RoadClass;
using dp::RoadGraph;
using dp::TravelMode;

namespace {

// Uniform doubles in [lo, hi) straight from the 32-bit generator, so that libstdc++ (native)
// and libc++ (wasm) draw the same numbers from the same seed.
struct Uniform {
    double lo, hi;
    Uniform(double a, double b) : lo(a), hi(b) {}
    double operator()(std::mt19937& r) const { return lo + (hi - lo) * (static_cast<double>(r()) / 4294967296.0); }
};

const dp::LocalProjection kPlane(LatLng{24.96, 118.39});

// A point `x` metres east and `y` metres north of 24.96 N 118.39 E.
LatLng m(double x, double y) { return kPlane.unproject({x, y}); }

// A random point (x drawn before y, so that every compiler makes the same points).
template <class Dist>
LatLng random_m(std::mt19937& rng, Dist& d, double scale = 1.0, double x0 = 0, double y0 = 0) {
    const double x = d(rng) * scale;
    const double y = d(rng) * scale;
    return m(x0 + x, y0 + y);
}

using road_fixtures::road;

// A 3×3 grid of 100 m blocks: rows y = 0, 100, 200 and columns x = 0, 100, 200.
std::vector<Road> grid_roads() {
    std::vector<Road> roads;
    for (int i = 0; i < 3; ++i) {
        roads.push_back(road("横" + std::to_string(i) + "路", RoadClass::residential,
                             {m(0, 100.0 * i), m(100, 100.0 * i), m(200, 100.0 * i)}));
        roads.push_back(road("纵" + std::to_string(i) + "路", RoadClass::residential,
                             {m(100.0 * i, 0), m(100.0 * i, 100), m(100.0 * i, 200)}));
    }
    return roads;
}

void check_route_shape(const RoadGraph& g, const dp::Route& r) {
    REQUIRE(r.found);
    REQUIRE(r.polyline.size() >= 1);
    CHECK(r.polyline.front().lat == r.from.point.lat);
    CHECK(r.polyline.back().lng == r.to.point.lng);
    double len = 0, dur = 0;
    for (std::size_t i = 0; i < r.edges.size(); ++i) {
        const auto& p = r.edges[i];
        CHECK(p.from_fraction != p.to_fraction);
        CHECK(p.forward == (p.to_fraction > p.from_fraction));
        CHECK(g.traversable(p.edge, p.forward, r.mode));
        len += p.length_m;
        dur += p.duration_s;
        if (i + 1 < r.edges.size()) {  // consecutive pieces meet at a node
            const auto& e = g.edges()[p.edge];
            const auto& next = g.edges()[r.edges[i + 1].edge];
            const std::uint32_t end_node = p.forward ? e.to : e.from;
            const std::uint32_t start_node = r.edges[i + 1].forward ? next.from : next.to;
            CHECK(end_node == start_node);
        }
    }
    CHECK(r.distance_m == doctest::Approx(len));
    CHECK(r.duration_s == doctest::Approx(dur));
}

}  // namespace

TEST_CASE("road vertices within a metre merge into one node and farther ones do not") {
    std::vector<Road> roads{
        road("甲路", RoadClass::primary, {m(0, 0), m(100, 0)}),
        road("乙路", RoadClass::primary, {m(100.4, 0.3), m(100, 100)}),  // 0.5 m from 甲路's end
        road("丙路", RoadClass::primary, {m(105, 0), m(200, 0)}),        // 5 m away: separate
    };
    RoadGraph g(roads);
    CHECK(g.nodes().size() == 5);
    CHECK(g.edges().size() == 3);
    CHECK(g.edges()[0].to == g.edges()[1].from);
    CHECK(g.edges()[0].length_m == doctest::Approx(100.0).epsilon(1e-3));
    CHECK(g.edges()[0].length_m == doctest::Approx(dp::haversine_m(g.nodes()[0], g.nodes()[1])));
    RoadGraph coarse(roads, 10.0);
    CHECK(coarse.nodes().size() == 4);
}

TEST_CASE("repeated points in a road do not make zero-length edges") {
    RoadGraph g({road("甲路", RoadClass::primary, {m(0, 0), m(0, 0), m(0.2, 0), m(50, 0)})});
    CHECK(g.nodes().size() == 2);
    REQUIRE(g.edges().size() == 1);
    CHECK(g.edges()[0].length_m == doctest::Approx(50.0).epsilon(1e-3));
}

TEST_CASE("a vertex that is not a number breaks the road and cannot be snapped to") {
    RoadGraph g({road("甲路", RoadClass::primary, {m(0, 0), m(100, 0), LatLng{std::nan(""), 118.39}, m(300, 0), m(400, 0)})});
    CHECK(g.nodes().size() == 4);
    CHECK(g.edges().size() == 2);
    CHECK_FALSE(g.route(m(0, 0), m(400, 0), TravelMode::walk).found);
    CHECK_FALSE(g.snap(LatLng{std::nan(""), 0}, TravelMode::walk).has_value());
}

TEST_CASE("a point snaps to the nearest edge with its projection and distance") {
    RoadGraph g(grid_roads());
    auto s = g.snap(m(130, 12), TravelMode::walk);
    REQUIRE(s.has_value());
    const auto& e = g.edges()[s->edge];
    CHECK(dp::road_class_name(g.roads()[e.road].road_class) == std::string("residential"));
    CHECK(g.roads()[e.road].name == "横0路");
    CHECK(s->distance_m == doctest::Approx(12.0).epsilon(1e-3));
    CHECK(dp::haversine_m(s->point, m(130, 0)) < 0.01);
    // Beyond a vertex the projection clamps to the node.
    auto corner = g.snap(m(-30, -40), TravelMode::walk);
    REQUIRE(corner.has_value());
    CHECK(corner->distance_m == doctest::Approx(50.0).epsilon(1e-3));
    CHECK(dp::haversine_m(corner->point, m(0, 0)) < 0.01);
    // Far outside the network, and with a maximum distance.
    auto far = g.snap(m(5000, 5000), TravelMode::walk);
    REQUIRE(far.has_value());
    CHECK(dp::haversine_m(far->point, m(200, 200)) < 0.01);
    CHECK_FALSE(g.snap(m(5000, 5000), TravelMode::walk, 1000).has_value());
    CHECK_FALSE(RoadGraph().snap(m(0, 0), TravelMode::walk).has_value());
}

TEST_CASE("snapping equals brute force over all edges for random points") {
    std::mt19937 rng(5150);
    Uniform u(-3000, 3000);
    std::vector<Road> roads;
    for (int i = 0; i < 300; ++i) {
        const double x = u(rng), y = u(rng);
        Uniform step(-400, 400);
        roads.push_back(road("", i % 5 == 0 ? RoadClass::path : RoadClass::tertiary,
                             {m(x, y), random_m(rng, step, 1.0, x, y), random_m(rng, step, 1.0, x, y)}));
    }
    roads.push_back(road("长路", RoadClass::trunk, {m(-3000, -3000), m(3000, 3000)}));  // spans many cells
    RoadGraph g(roads);
    for (int q = 0; q < 400; ++q) {
        const LatLng p = random_m(rng, u, 1.3);
        for (TravelMode mode : {TravelMode::walk, TravelMode::drive}) {
            double best = std::numeric_limits<double>::infinity();
            for (std::uint32_t i = 0; i < g.edges().size(); ++i) {
                if (!g.traversable(i, true, mode) && !g.traversable(i, false, mode)) continue;
                const auto& e = g.edges()[i];
                auto sp = dp::project_on_segment(g.projection().project(p), g.projection().project(g.nodes()[e.from]),
                                                 g.projection().project(g.nodes()[e.to]));
                best = std::min(best, sp.distance);
            }
            auto s = g.snap(p, mode);
            REQUIRE(s.has_value());
            const auto& e = g.edges()[s->edge];
            auto mine = dp::project_on_segment(g.projection().project(p), g.projection().project(g.nodes()[e.from]),
                                               g.projection().project(g.nodes()[e.to]));
            CHECK(mine.distance == doctest::Approx(best).epsilon(1e-9));
            if (mode == TravelMode::drive) CHECK(g.roads()[e.road].road_class != RoadClass::path);
        }
    }
}

TEST_CASE("a walking route across the grid is the Manhattan distance with partial edges") {
    RoadGraph g(grid_roads());
    // From 30 m along the bottom row to 20 m below the top-right corner on the right column.
    auto r = g.route(m(30, 3), m(197, 180), TravelMode::walk);
    check_route_shape(g, r);
    CHECK(r.distance_m == doctest::Approx(170.0 + 180.0).epsilon(1e-3));
    CHECK(r.duration_s == doctest::Approx(r.distance_m / 1.2));
    CHECK(r.edges.front().from_fraction == doctest::Approx(0.3).epsilon(1e-3));
    CHECK(dp::haversine_m(r.polyline.front(), m(30, 0)) < 0.01);
    CHECK(dp::haversine_m(r.polyline.back(), m(200, 180)) < 0.01);
    auto d = g.route(m(30, 3), m(197, 180), TravelMode::walk, dp::RouteAlgorithm::dijkstra);
    CHECK(d.duration_s == doctest::Approx(r.duration_s));
}

TEST_CASE("two points on the same edge are joined directly along it") {
    RoadGraph g(grid_roads());
    auto r = g.route(m(20, 1), m(80, -1), TravelMode::walk);
    check_route_shape(g, r);
    REQUIRE(r.edges.size() == 1);
    CHECK(r.distance_m == doctest::Approx(60.0).epsilon(1e-3));
    auto back = g.route(m(80, -1), m(20, 1), TravelMode::walk);
    REQUIRE(back.edges.size() == 1);
    CHECK_FALSE(back.edges[0].forward);
    CHECK(back.distance_m == doctest::Approx(60.0).epsilon(1e-3));
    auto same = g.route(m(50, 0), m(50, 0), TravelMode::walk);
    REQUIRE(same.found);
    CHECK(same.distance_m == doctest::Approx(0.0));
    CHECK(same.edges.empty());
}

TEST_CASE("driving respects one-way roads while walking ignores them") {
    // A one-way eastward street 甲 from A(0,0) to B(300,0), and a two-way detour A–(0,200)–(300,200)–B.
    std::vector<Road> roads{
        road("单行街", RoadClass::residential, {m(0, 0), m(300, 0)}, true),
        road("绕行路", RoadClass::residential, {m(0, 0), m(0, 200), m(300, 200), m(300, 0)}),
    };
    RoadGraph g(roads);
    auto east = g.route(m(0, 0), m(300, 0), TravelMode::drive);
    check_route_shape(g, east);
    CHECK(east.distance_m == doctest::Approx(300).epsilon(1e-3));
    auto west = g.route(m(300, 0), m(0, 0), TravelMode::drive);
    check_route_shape(g, west);
    CHECK(west.distance_m == doctest::Approx(700).epsilon(1e-3));
    auto walk_west = g.route(m(300, 0), m(0, 0), TravelMode::walk);
    CHECK(walk_west.distance_m == doctest::Approx(300).epsilon(1e-3));
    // On the one-way edge itself, going backward means the detour (both ends partial).
    auto behind = g.route(m(200, 0), m(100, 0), TravelMode::drive);
    check_route_shape(g, behind);
    CHECK(behind.distance_m == doctest::Approx(100 + 700 + 100).epsilon(1e-3));
}

TEST_CASE("cars stay off paths and take faster classes; walkers take the short path") {
    // A footpath straight across (200 m) against a 400 m trunk detour.
    std::vector<Road> roads{
        road("步道", RoadClass::path, {m(0, 0), m(200, 0)}),
        road("国道", RoadClass::trunk, {m(0, 0), m(0, 100), m(200, 100), m(200, 0)}),
        road("小巷", RoadClass::residential, {m(0, 0), m(100, -50), m(200, 0)}),  // ~224 m at 20 km/h
    };
    RoadGraph g(roads);
    auto walk = g.route(m(0, 0), m(200, 0), TravelMode::walk);
    CHECK(walk.distance_m == doctest::Approx(200).epsilon(1e-3));
    CHECK(g.roads()[g.edges()[walk.edges[0].edge].road].name == "步道");
    auto drive = g.route(m(0, 0), m(200, 0), TravelMode::drive);
    check_route_shape(g, drive);
    CHECK(drive.distance_m == doctest::Approx(400).epsilon(1e-3));  // 24 s by trunk beats 40 s by lane
    CHECK(drive.duration_s == doctest::Approx(400 / (60 / 3.6)).epsilon(1e-3));
    CHECK(dp::driving_speed_mps(RoadClass::path) == 0.0);
    // A point on the path snaps to a drivable road for driving.
    auto s = g.snap(m(100, 1), TravelMode::drive);
    REQUIRE(s.has_value());
    CHECK(g.roads()[g.edges()[s->edge].road].road_class != RoadClass::path);
}

TEST_CASE("disconnected parts of the network give no route") {
    std::vector<Road> roads{
        road("东路", RoadClass::residential, {m(0, 0), m(100, 0)}),
        road("西路", RoadClass::residential, {m(500, 0), m(600, 0)}),
    };
    RoadGraph g(roads);
    auto r = g.route(m(10, 0), m(590, 0), TravelMode::walk);
    CHECK_FALSE(r.found);
    CHECK(r.polyline.empty());
    auto none = RoadGraph().route(m(0, 0), m(1, 1), TravelMode::walk);
    CHECK_FALSE(none.found);
}

TEST_CASE("roads survive a JSON round trip and unknown classes are rejected") {
    Road r = road("溪州路", RoadClass::secondary, {m(0, 0), m(10, 10)}, true);
    nlohmann::json j = r;
    CHECK(j["class"] == "secondary");
    auto back = j.get<Road>();
    CHECK(back.name == "溪州路");
    CHECK(back.oneway);
    CHECK(back.road_class == RoadClass::secondary);
    REQUIRE(back.line.size() == 2);
    CHECK(back.line[1].lat == r.line[1].lat);
    auto objects = nlohmann::json::parse(R"({"name":"","class":"path","line":[{"lat":1,"lng":2},{"lat":1.001,"lng":2}]})");
    CHECK(objects.get<Road>().line[0].lng == 2.0);
    CHECK_THROWS(nlohmann::json::parse(R"({"class":"motorway","line":[]})").get<Road>());
}

TEST_CASE("A* equals plain Dijkstra and Floyd-Warshall on hundreds of random graphs") {
    std::mt19937 rng(424242);
    const RoadClass classes[] = {RoadClass::trunk, RoadClass::primary, RoadClass::secondary,
                                 RoadClass::tertiary, RoadClass::residential, RoadClass::path};
    int compared = 0, found = 0;
    for (int trial = 0; trial < 300; ++trial) {
        // Random vertices in a 2 km square; roads are random walks over them so they share nodes.
        const int nv = 6 + static_cast<int>(rng() % 40);
        Uniform u(-1000, 1000);
        std::vector<LatLng> verts(static_cast<std::size_t>(nv));
        for (auto& v : verts) v = random_m(rng, u);
        std::vector<Road> roads;
        const int nr = 2 + static_cast<int>(rng() % 20);
        for (int r = 0; r < nr; ++r) {
            std::vector<LatLng> line;
            const int len = 2 + static_cast<int>(rng() % 5);
            for (int k = 0; k < len; ++k) line.push_back(verts[rng() % verts.size()]);
            const RoadClass cls = classes[rng() % 6];
            const bool oneway = rng() % 3 == 0;
            roads.push_back(road("路" + std::to_string(r), cls, line, oneway));
        }
        RoadGraph g(roads);
        if (g.edges().empty()) continue;
        for (TravelMode mode : {TravelMode::walk, TravelMode::drive}) {
            // Floyd–Warshall over nodes, from the public edge list.
            const std::size_t n = g.nodes().size();
            const double inf = std::numeric_limits<double>::infinity();
            std::vector<double> d(n * n, inf);
            for (std::size_t i = 0; i < n; ++i) d[i * n + i] = 0;
            for (std::uint32_t e = 0; e < g.edges().size(); ++e) {
                const auto& ed = g.edges()[e];
                const double c = g.edge_duration_s(e, mode);
                if (g.traversable(e, true, mode)) d[ed.from * n + ed.to] = std::min(d[ed.from * n + ed.to], c);
                if (g.traversable(e, false, mode)) d[ed.to * n + ed.from] = std::min(d[ed.to * n + ed.from], c);
            }
            for (std::size_t k = 0; k < n; ++k)
                for (std::size_t i = 0; i < n; ++i)
                    for (std::size_t j = 0; j < n; ++j)
                        if (d[i * n + k] + d[k * n + j] < d[i * n + j]) d[i * n + j] = d[i * n + k] + d[k * n + j];
            for (int q = 0; q < 6; ++q) {
                auto sa = g.snap(random_m(rng, u), mode);
                auto sb = g.snap(random_m(rng, u), mode);
                if (!sa || !sb) continue;
                auto astar = g.route_snapped(*sa, *sb, mode, dp::RouteAlgorithm::astar);
                auto dijkstra = g.route_snapped(*sa, *sb, mode, dp::RouteAlgorithm::dijkstra);
                // The reference: leave the start edge at either end, cross the network, enter
                // the destination edge at either end; or go straight along a shared edge.
                const auto& ea = g.edges()[sa->edge];
                const auto& eb = g.edges()[sb->edge];
                const double da = g.edge_duration_s(sa->edge, mode), db = g.edge_duration_s(sb->edge, mode);
                double ref = inf;
                if (sa->edge == sb->edge) {
                    if (sb->fraction >= sa->fraction && g.traversable(sa->edge, true, mode))
                        ref = std::min(ref, (sb->fraction - sa->fraction) * da);
                    if (sb->fraction <= sa->fraction && g.traversable(sa->edge, false, mode))
                        ref = std::min(ref, (sa->fraction - sb->fraction) * da);
                }
                for (int leave = 0; leave < 2; ++leave) {
                    if (!g.traversable(sa->edge, leave == 0, mode)) continue;
                    const std::uint32_t u0 = leave == 0 ? ea.to : ea.from;
                    const double c0 = leave == 0 ? (1 - sa->fraction) * da : sa->fraction * da;
                    for (int enter = 0; enter < 2; ++enter) {
                        if (!g.traversable(sb->edge, enter == 0, mode)) continue;
                        const std::uint32_t v0 = enter == 0 ? eb.from : eb.to;
                        const double c1 = enter == 0 ? sb->fraction * db : (1 - sb->fraction) * db;
                        ref = std::min(ref, c0 + d[u0 * n + v0] + c1);
                    }
                }
                ++compared;
                REQUIRE(astar.found == dijkstra.found);
                REQUIRE(astar.found == (ref < inf));
                if (!astar.found) continue;
                ++found;
                CHECK(astar.duration_s == doctest::Approx(dijkstra.duration_s).epsilon(1e-9));
                CHECK(astar.duration_s == doctest::Approx(ref).epsilon(1e-9));
                check_route_shape(g, astar);
            }
        }
    }
    CHECK(compared > 2000);
    CHECK(found > 1000);
}
