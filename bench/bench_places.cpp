// Benchmark on the generated demo county (doorplate-gencounty): the 5 nearest places for every
// doorplate, and a walking route from each of 100 doorplates to its nearest service centre.
// Usage: bench_places DEMO_DIR. Prints one JSON line per figure ({"name","value","unit"}).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "importers.hpp"
#include "road_graph.hpp"
#include "spatial_index.hpp"

namespace {
void emit(const std::string& name, double value, const char* unit) {
    std::printf("{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", name.c_str(), value, unit);
}
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_places DEMO_DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    const auto points = dp::import_service_points_csv(slurp(dir + "/service_points.csv")).rows;
    const auto plates = dp::import_doorplates_csv(slurp(dir + "/doorplates.csv")).rows;
    auto t0 = Clock::now();
    const dp::RoadGraph graph(dp::import_roads_geojson(slurp(dir + "/roads.geojson")).rows);
    emit("demo_road_graph_build", micros_since(t0) / 1000.0, "ms");
    emit("demo_road_graph_edges", static_cast<double>(graph.edges().size()), "count");
    emit("demo_service_points", static_cast<double>(points.size()), "count");
    emit("demo_doorplates", static_cast<double>(plates.size()), "count");

    std::vector<dp::LatLng> locs;
    for (const auto& p : points) locs.push_back(p.location);
    const dp::SpatialIndex index(locs);
    std::vector<double> knn;
    double checksum = 0;
    t0 = Clock::now();
    for (const auto& d : plates) {
        const auto t = Clock::now();
        const auto hits = index.nearest(d.location, 5);
        knn.push_back(micros_since(t));
        checksum += hits.empty() ? 0 : hits[0].distance_m;
    }
    emit("demo_nearest5_all_doorplates", micros_since(t0) / 1000.0, "ms");
    emit("demo_nearest5_median", percentile(knn, 0.5), "us");

    std::vector<double> routes;
    int found = 0;
    for (size_t i = 0; i < plates.size() && routes.size() < 100; i += plates.size() / 100) {
        const auto hits = index.nearest(plates[i].location, 1, [&](size_t k) {
            return points[k].type == dp::ServicePointType::service_centre;
        });
        if (hits.empty()) continue;
        const auto t = Clock::now();
        const auto r = graph.route(plates[i].location, points[hits[0].index].location, dp::TravelMode::walk);
        routes.push_back(micros_since(t) / 1000.0);
        found += r.found ? 1 : 0;
        checksum += r.distance_m;
    }
    emit("demo_route_to_centre_median", percentile(routes, 0.5), "ms");
    emit("demo_route_to_centre_p99", percentile(routes, 0.99), "ms");
    emit("demo_route_to_centre_found", found, "count");
    if (checksum < 0) std::printf("impossible\n");
    return 0;
}
