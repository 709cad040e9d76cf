// Shared by the road-graph and directions tests: building a Road from a name, class and line.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "road_graph.hpp"

namespace road_fixtures {

inline dp::Road road(std::string name, dp::RoadClass c, std::vector<dp::LatLng> line, bool oneway = false) {
    dp::Road r;
    r.name = std::move(name);
    r.road_class = c;
    r.oneway = oneway;
    r.line = std::move(line);
    return r;
}

}  // namespace road_fixtures
