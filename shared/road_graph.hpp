// The road network for walking and driving directions: a graph built from road polylines
// (vertices merged where they coincide), snapping points to edges, and A*/Dijkstra routes.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doorplate.hpp"
#include "geo.hpp"

namespace dp {

enum class RoadClass : std::uint8_t { trunk, primary, secondary, tertiary, residential, path };
enum class TravelMode : std::uint8_t { walk, drive };

// "trunk", "primary", "secondary", "tertiary", "residential", "path".
const char* road_class_name(RoadClass c);
std::optional<RoadClass> road_class_from_name(std::string_view name);

constexpr double kWalkingSpeedMps = 1.2;
// Driving speeds in a county town (m/s): trunk 60 km/h, primary 50, secondary 40,
// tertiary 30, residential 20; 0 for path (no driving).
double driving_speed_mps(RoadClass c);

struct Road {
    std::string name;  // "" when unnamed
    RoadClass road_class = RoadClass::residential;
    bool oneway = false;      // drivable only in the order of `line`
    std::vector<LatLng> line; // WGS-84, at least two points to be of use
};
// JSON: {"name": "溪州路", "class": "primary", "oneway": false, "line": [[lat, lng], ...]}
void to_json(nlohmann::json& j, const Road& r);
void from_json(const nlohmann::json& j, Road& r);

// One straight segment of a road between two graph nodes.
struct GraphEdge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::uint32_t road = 0;  // index into roads()
    double length_m = 0;     // haversine between the two nodes
};

// A point placed on an edge: fraction 0 is the edge's `from` node, 1 its `to` node.
struct EdgeSnap {
    std::uint32_t edge = 0;
    double fraction = 0;
    LatLng point;            // the snapped point on the edge
    double distance_m = 0;   // from the original point to `point`
};

// One piece of a route: (part of) an edge, travelled forward (from → to) or backward.
struct RouteEdge {
    std::uint32_t edge = 0;
    bool forward = true;
    double from_fraction = 0;  // where on the edge this piece starts
    double to_fraction = 1;    // and ends (less than from_fraction when backward)
    double length_m = 0;
    double duration_s = 0;
};

struct Route {
    bool found = false;
    TravelMode mode = TravelMode::walk;
    double distance_m = 0;   // along the network, from from.point to to.point
    double duration_s = 0;   // walking at kWalkingSpeedMps; driving at driving_speed_mps
    std::vector<LatLng> polyline;  // from.point … to.point
    std::vector<RouteEdge> edges;  // zero-length pieces are left out
    EdgeSnap from;
    EdgeSnap to;
};

enum class RouteAlgorithm : std::uint8_t {
    astar,     // A* with a straight-line (3-D chord) lower bound; stops at the destination
    dijkstra,  // plain Dijkstra over the whole reachable graph: the reference
};

class RoadGraph {
public:
    RoadGraph() = default;
    // Vertices of all roads closer than merge_tolerance_m become one node (junctions are
    // where roads share a vertex; crossings without one, such as bridges, stay apart).
    // A non-finite vertex breaks its road in two.
    explicit RoadGraph(std::vector<Road> roads, double merge_tolerance_m = 1.0);

    const std::vector<Road>& roads() const { return roads_; }
    const std::vector<LatLng>& nodes() const { return nodes_; }
    const std::vector<GraphEdge>& edges() const { return edges_; }
    const LocalProjection& projection() const { return proj_; }

    // Can the edge be travelled in this direction? Walking: always. Driving: never on
    // paths, and one-way roads only forward.
    bool traversable(std::uint32_t edge, bool forward, TravelMode mode) const;
    // Seconds to travel the whole edge in this mode (infinity when not drivable).
    double edge_duration_s(std::uint32_t edge, TravelMode mode) const;
    LatLng point_on_edge(std::uint32_t edge, double fraction) const;

    // The nearest edge usable in this mode (driving skips paths), within max_distance_m.
    std::optional<EdgeSnap> snap(LatLng p, TravelMode mode,
                                 double max_distance_m = std::numeric_limits<double>::infinity()) const;

    // The fastest route between two arbitrary points, each snapped to its nearest usable
    // edge (partial edges at both ends). Walking is shortest by distance and ignores
    // one-way; driving is fastest by time and respects one-way.
    Route route(LatLng from, LatLng to, TravelMode mode, RouteAlgorithm algo = RouteAlgorithm::astar) const;
    // The same between points already snapped (e.g. a service point's snap kept from start-up).
    Route route_snapped(const EdgeSnap& from, const EdgeSnap& to, TravelMode mode,
                        RouteAlgorithm algo = RouteAlgorithm::astar) const;

private:
    struct Arc {  // 16 bytes: the search is bound by memory traffic
        std::uint32_t to;
        std::uint32_t edge_dir;  // edge << 1 | forward
        double cost;             // seconds
        std::uint32_t edge() const { return edge_dir >> 1; }
        bool forward() const { return (edge_dir & 1u) != 0; }
    };
    struct Vec3 {
        double v[3];
    };
    void build_adjacency(TravelMode mode, std::vector<std::uint32_t>& offsets, std::vector<Arc>& arcs) const;
    void build_edge_grid();

    std::vector<Road> roads_;
    std::vector<LatLng> nodes_;
    std::vector<Point2> node_xy_;
    std::vector<Vec3> node_unit_;  // for the A* lower bound
    std::vector<GraphEdge> edges_;
    LocalProjection proj_;

    std::vector<std::uint32_t> walk_offsets_, drive_offsets_;
    std::vector<Arc> walk_arcs_, drive_arcs_;
    double max_drive_speed_ = 0;

    // Uniform grid of edges over the projected plane, for snapping.
    double cell_m_ = 1;
    Point2 grid_min_;
    int grid_w_ = 0, grid_h_ = 0;
    std::vector<std::uint32_t> cell_offsets_;
    std::vector<std::uint32_t> cell_edges_;
};

}  // namespace dp
