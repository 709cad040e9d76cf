// k-nearest and radius queries over many WGS-84 points (service points, doorplates), with
// an optional filter ("handles item X", "open now") that still yields the k nearest matches.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "doorplate.hpp"

namespace dp {

// A static k-d tree. Points are projected onto the unit sphere in 3-D (x, y, z); straight-line
// (chord) distance there is strictly increasing with great-circle distance, so the k nearest
// by chord are exactly the k nearest by haversine, anywhere on Earth and with no distortion
// away from a projection origin. Reported distances are haversine metres (geo.hpp).
class SpatialIndex {
public:
    struct Hit {
        std::size_t index = 0;  // position in the vector given to the constructor
        double distance_m = 0;
    };
    // Returns true for the points that may be returned; called only for candidates that are
    // nearer than the current k-th best, so an expensive test is called rarely.
    using Filter = std::function<bool(std::size_t index)>;

    SpatialIndex() = default;
    explicit SpatialIndex(const std::vector<LatLng>& points);

    std::size_t size() const { return ids_.size(); }

    // The k nearest accepted points, nearest first (ties: lower index first); fewer when
    // fewer than k points are accepted within max_distance_m.
    std::vector<Hit> nearest(LatLng q, std::size_t k, const Filter& accept = nullptr,
                             double max_distance_m = std::numeric_limits<double>::infinity()) const;

    // Every accepted point within radius_m, nearest first.
    std::vector<Hit> within(LatLng q, double radius_m, const Filter& accept = nullptr) const;

private:
    struct Node {
        std::uint32_t begin = 0, end = 0;  // range of pts_ (leaves)
        std::int32_t left = -1, right = -1;
        std::uint8_t dim = 0;
        double split = 0;
    };
    struct Vec3 {
        double v[3];
    };
    std::int32_t build(std::uint32_t begin, std::uint32_t end);

    std::vector<Vec3> pts_;          // reordered by the tree
    std::vector<Vec3> unsorted_;     // by original index, during construction only
    std::vector<std::uint32_t> ids_; // original index of each entry of pts_
    std::vector<LatLng> locations_;  // original points, by original index
    std::vector<Node> nodes_;
    std::int32_t root_ = -1;
};

}  // namespace dp
