// The server's places: service points in a SpatialIndex (each with its snap onto the road
// graph kept for routing), the RoadGraph of all roads and the map features. Loaded from the
// database at start-up; read-only afterwards, so every request thread may use it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db.hpp"
#include "map_layer.hpp"
#include "road_graph.hpp"
#include "service_point.hpp"
#include "spatial_index.hpp"

namespace dp {

class PlacesStore {
public:
    // Service points farther than this from every road are kept but cannot be routed to.
    static constexpr double kMaxSnapM = 1000;

    void load(Db& db);

    const std::vector<ServicePoint>& points() const { return points_; }
    std::optional<std::size_t> index_of(const std::string& id) const;
    // The k nearest points matching the query, nearest first.
    std::vector<SpatialIndex::Hit> nearest(LatLng q, std::size_t k, const PlaceQuery& query) const;
    // Every point within the box.
    std::vector<std::size_t> points_in(const BBox& box) const;

    const RoadGraph& graph() const { return graph_; }
    const std::optional<EdgeSnap>& snap(std::size_t point, TravelMode mode) const;

    const std::vector<MapFeature>& features() const { return features_; }
    const MapFeature* boundary(const std::string& area_id) const;

private:
    std::vector<ServicePoint> points_;
    std::map<std::string, std::size_t> by_id_;
    SpatialIndex index_;
    RoadGraph graph_;
    std::vector<std::optional<EdgeSnap>> walk_snaps_, drive_snaps_;
    std::vector<MapFeature> features_;
};

// The stored form of a road's line or a feature's ring (roads.line, map_features.polygon):
// [[lat,lng],…] with 7 decimals, as load() reads it back.
std::string stored_line(const std::vector<LatLng>& line);

}  // namespace dp
