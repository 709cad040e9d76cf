// Benchmark of the map core: k-nearest among 100,000 points and routes on a ~100,000-edge
// road graph around Nan'an. Prints one JSON line per figure ({"name","value","unit"}).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "geo.hpp"
#include "road_graph.hpp"
#include "spatial_index.hpp"

namespace {

// Uniform doubles in [lo, hi) straight from the 32-bit generator, so that libstdc++ (native)
// and libc++ (wasm) draw the same numbers from the same seed.
struct Uniform {
    double lo, hi;
    Uniform(double a, double b) : lo(a), hi(b) {}
    double operator()(std::mt19937& r) const { return lo + (hi - lo) * (static_cast<double>(r()) / 4294967296.0); }
};

#ifdef __EMSCRIPTEN__
const char* const kSuffix = "_wasm";
#else
const char* const kSuffix = "_native";
#endif


void emit(const std::string& name, double value, const char* unit) {
    std::printf("{\"name\":\"%s%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", name.c_str(), kSuffix, value, unit);
    std::fflush(stdout);
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// The same queries are timed in kRounds rounds, and the lowest median and the lowest p99 of the
// rounds are reported, natively and in wasm alike: on this 2-core machine one round's p99 of a
// 2 µs query moved 3-4× with whatever else ran at that moment.
constexpr int kRounds = 3;
using Rounds = std::vector<std::vector<double>>;  // [round][sample]

void emit_distribution(const std::string& name, const Rounds& rounds, double scale, const char* unit) {
    double median = 1e300, p99 = 1e300;
    for (const auto& samples : rounds) {
        median = std::min(median, percentile(samples, 0.5));
        p99 = std::min(p99, percentile(samples, 0.99));
    }
    emit(name + "_median", median * scale, unit);
    emit(name + "_p99", p99 * scale, unit);
}

const dp::LatLng kNanan{24.96, 118.39};

void bench_knn() {
    std::mt19937 rng(20260101);
    Uniform u(-0.15, 0.15);  // ~33 km square
    std::vector<dp::LatLng> points(100000);
    for (auto& p : points) p = dp::LatLng{kNanan.lat + u(rng), kNanan.lng + u(rng)};
    std::vector<bool> handles(points.size());
    for (std::size_t i = 0; i < handles.size(); ++i) handles[i] = rng() % 10 == 0;  // 10 % match

    auto t0 = Clock::now();
    dp::SpatialIndex index(points);
    emit("knn_build_100k", micros_since(t0) / 1000.0, "ms");

    const int queries = 20000;
    std::vector<dp::LatLng> qs(queries);
    for (auto& q : qs) q = dp::LatLng{kNanan.lat + u(rng), kNanan.lng + u(rng)};
    Rounds plain(kRounds), filtered(kRounds);
    double checksum = 0;
    dp::SpatialIndex::Filter accept = [&](std::size_t i) { return static_cast<bool>(handles[i]); };
    // Untimed first calls (see bench_routes): in wasm, the first thousand or so queries still ran
    // partly in V8's baseline code, and 1-2 % of them were 3-50× slower than the rest.
    for (int i = 0; i < 2000; ++i)
        checksum += index.nearest(qs[static_cast<std::size_t>(i)], 5).back().distance_m +
                    index.nearest(qs[static_cast<std::size_t>(i)], 5, accept).back().distance_m;
    for (int r = 0; r < kRounds; ++r)
        for (const auto& q : qs) {
            auto t = Clock::now();
            auto hits = index.nearest(q, 5);
            plain[r].push_back(micros_since(t));
            checksum += hits.back().distance_m;
            t = Clock::now();
            auto fhits = index.nearest(q, 5, accept);
            filtered[r].push_back(micros_since(t));
            checksum += fhits.back().distance_m;
        }
    emit_distribution("knn_k5", plain, 1.0, "us");
    emit_distribution("knn_k5_filter10pct", filtered, 1.0, "us");
    if (checksum < 0) std::printf("impossible\n");
}

// A jittered grid of 224 × 224 junctions 80 m apart (≈ 18 km square, ≈ 100,000 edges):
// every 8th street is primary, every 32nd trunk, a few are one-way, some are footpaths.
std::vector<dp::Road> grid_roads(std::mt19937& rng) {
    const int n = 224;
    const double spacing = 80.0;
    dp::LocalProjection plane(kNanan);
    Uniform jitter(-15.0, 15.0);
    std::vector<dp::LatLng> junction(static_cast<std::size_t>(n) * n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            junction[static_cast<std::size_t>(i) * n + j] =
                plane.unproject({(j - n / 2) * spacing + jitter(rng), (i - n / 2) * spacing + jitter(rng)});
    auto cls = [](int k) {
        if (k % 32 == 0) return dp::RoadClass::trunk;
        if (k % 8 == 0) return dp::RoadClass::primary;
        if (k % 8 == 3) return dp::RoadClass::path;
        return dp::RoadClass::residential;
    };
    std::vector<dp::Road> roads;
    for (int i = 0; i < n; ++i) {
        dp::Road row, col;
        row.name = "东西" + std::to_string(i) + "路";
        col.name = "南北" + std::to_string(i) + "路";
        row.road_class = cls(i);
        col.road_class = cls(i + 4);
        row.oneway = i % 16 == 5;
        col.oneway = i % 16 == 9;
        for (int j = 0; j < n; ++j) {
            row.line.push_back(junction[static_cast<std::size_t>(i) * n + j]);
            col.line.push_back(junction[static_cast<std::size_t>(j) * n + i]);
        }
        roads.push_back(std::move(row));
        roads.push_back(std::move(col));
    }
    return roads;
}

void bench_routes() {
    std::mt19937 rng(7);
    auto roads = grid_roads(rng);
    auto t0 = Clock::now();
    dp::RoadGraph graph(std::move(roads));
    emit("road_graph_build", micros_since(t0) / 1000.0, "ms");
    emit("road_graph_edges", static_cast<double>(graph.edges().size()), "count");

    Uniform u(-0.075, 0.075);
    const int routes = 200, warm_up = 10, snaps = 2000;
    Rounds snap_us(kRounds), walk_ms(kRounds), drive_ms(kRounds), dijkstra_ms(kRounds);
    double checksum = 0;
    std::vector<dp::LatLng> snap_points(snaps);
    for (auto& p : snap_points) p = {kNanan.lat + u(rng), kNanan.lng + u(rng)};
    std::vector<std::pair<dp::LatLng, dp::LatLng>> pairs(routes);
    for (auto& [a, b] : pairs) {
        a = {kNanan.lat + u(rng), kNanan.lng + u(rng)};
        b = {kNanan.lat + u(rng), kNanan.lng + u(rng)};
    }
    // Untimed first calls, for both builds alike: in wasm they also give V8 the time to replace
    // its baseline code (Liftoff) with optimised code, as it does early in a page's life.
    for (int i = 0; i < warm_up; ++i) {
        const auto& [a, b] = pairs[static_cast<std::size_t>(i)];
        checksum += graph.route(a, b, dp::TravelMode::walk).distance_m + graph.route(a, b, dp::TravelMode::drive).duration_s;
    }
    for (int i = 0; i < 50 * warm_up; ++i) {
        auto sa = graph.snap(snap_points[static_cast<std::size_t>(i)], dp::TravelMode::walk);
        checksum += sa ? sa->distance_m : 0;
    }
    for (int r = 0; r < kRounds; ++r) {
        for (const auto& a : snap_points) {
            const auto t = Clock::now();
            auto sa = graph.snap(a, dp::TravelMode::walk);
            snap_us[r].push_back(micros_since(t));
            checksum += sa ? sa->distance_m : 0;
        }
        for (int i = 0; i < routes; ++i) {
            const auto& [a, b] = pairs[static_cast<std::size_t>(i)];
            auto t = Clock::now();
            auto walk = graph.route(a, b, dp::TravelMode::walk);
            walk_ms[r].push_back(micros_since(t) / 1000.0);
            t = Clock::now();
            auto drive = graph.route(a, b, dp::TravelMode::drive);
            drive_ms[r].push_back(micros_since(t) / 1000.0);
            checksum += walk.distance_m + drive.duration_s;
            if (i % 10 == 0) {  // the reference, for comparison only
                t = Clock::now();
                auto ref = graph.route(a, b, dp::TravelMode::walk, dp::RouteAlgorithm::dijkstra);
                dijkstra_ms[r].push_back(micros_since(t) / 1000.0);
                checksum += ref.distance_m;
            }
        }
    }
    emit_distribution("snap", snap_us, 1.0, "us");
    emit_distribution("route_walk_100k", walk_ms, 1.0, "ms");
    emit_distribution("route_drive_100k", drive_ms, 1.0, "ms");
    emit_distribution("route_walk_100k_dijkstra", dijkstra_ms, 1.0, "ms");
    if (checksum < 0) std::printf("impossible\n");
}

}  // namespace

int main() {
    bench_knn();
    bench_routes();
    return 0;
}
