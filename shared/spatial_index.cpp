// The k-d tree of SpatialIndex: build by median split on the widest axis, and best-first
// descent with pruning for k-nearest and radius queries.
#include "spatial_index.hpp"

#include <algorithm>
#include <cmath>

#include "geo.hpp"

namespace dp {

namespace {

constexpr std::uint32_t kLeafSize = 8;

// Non-finite points get a vector far outside the unit sphere, so no query ever returns them.
void unit_vector(LatLng p, double out[3]) {
    if (!std::isfinite(p.lat) || !std::isfinite(p.lng)) {
        out[0] = out[1] = out[2] = 1e3;
        return;
    }
    const double lat = p.lat * kPi / 180.0, lng = p.lng * kPi / 180.0;
    const double c = std::cos(lat);
    out[0] = c * std::cos(lng);
    out[1] = c * std::sin(lng);
    out[2] = std::sin(lat);
}

// Squared chord length on the unit sphere for a great-circle distance in metres.
double chord_sq_for_metres(double metres) {
    if (!(metres < kPi * kEarthRadiusM)) return 4.0 + 1e-9;  // everything, including antipodes
    if (metres < 0) return -1.0;
    const double c = 2.0 * std::sin(metres / (2.0 * kEarthRadiusM));
    return c * c * (1.0 + 1e-12) + 1e-300;  // tiny slack so a point exactly at the radius counts
}

struct Candidate {
    double d2;
    std::uint32_t id;
    bool operator<(const Candidate& o) const { return d2 < o.d2 || (d2 == o.d2 && id < o.id); }
};

}  // namespace

SpatialIndex::SpatialIndex(const std::vector<LatLng>& points) : locations_(points) {
    const std::size_t n = points.size();
    pts_.resize(n);
    ids_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        unit_vector(points[i], pts_[i].v);
        ids_[i] = static_cast<std::uint32_t>(i);
    }
    unsorted_ = pts_;
    nodes_.reserve(n / kLeafSize * 2 + 2);
    if (n > 0) root_ = build(0, static_cast<std::uint32_t>(n));
    for (std::size_t i = 0; i < n; ++i) pts_[i] = unsorted_[ids_[i]];
    unsorted_.clear();
    unsorted_.shrink_to_fit();
}

std::int32_t SpatialIndex::build(std::uint32_t begin, std::uint32_t end) {
    const std::int32_t index = static_cast<std::int32_t>(nodes_.size());
    nodes_.push_back(Node{});
    nodes_[index].begin = begin;
    nodes_[index].end = end;
    if (end - begin <= kLeafSize) return index;

    double lo[3] = {1e9, 1e9, 1e9}, hi[3] = {-1e9, -1e9, -1e9};
    for (std::uint32_t i = begin; i < end; ++i) {
        for (int d = 0; d < 3; ++d) {
            lo[d] = std::min(lo[d], unsorted_[ids_[i]].v[d]);
            hi[d] = std::max(hi[d], unsorted_[ids_[i]].v[d]);
        }
    }
    std::uint8_t dim = 0;
    for (std::uint8_t d = 1; d < 3; ++d)
        if (hi[d] - lo[d] > hi[dim] - lo[dim]) dim = d;
    if (hi[dim] - lo[dim] <= 0) return index;  // all points coincide: keep one leaf

    // Partition the range around the median of the split axis (ids_ is permuted along).
    const std::uint32_t mid = begin + (end - begin) / 2;
    std::nth_element(ids_.begin() + begin, ids_.begin() + mid, ids_.begin() + end,
                     [&](std::uint32_t a, std::uint32_t b) { return unsorted_[a].v[dim] < unsorted_[b].v[dim]; });
    const double split = unsorted_[ids_[mid]].v[dim];
    nodes_[index].dim = dim;
    nodes_[index].split = split;
    const std::int32_t left = build(begin, mid);
    const std::int32_t right = build(mid, end);
    nodes_[index].left = left;
    nodes_[index].right = right;
    return index;
}

std::vector<SpatialIndex::Hit> SpatialIndex::nearest(LatLng q, std::size_t k, const Filter& accept,
                                                     double max_distance_m) const {
    std::vector<Hit> hits;
    if (k == 0 || root_ < 0 || !std::isfinite(q.lat) || !std::isfinite(q.lng)) return hits;
    double qv[3];
    unit_vector(q, qv);
    const double limit = chord_sq_for_metres(max_distance_m);
    if (limit < 0) return hits;

    std::vector<Candidate> heap;  // max-heap of the best k so far
    heap.reserve(k + 1);
    auto worst = [&]() { return heap.size() < k ? limit : heap.front().d2; };

    struct Pending {
        std::int32_t node;
        double bound;  // lower bound of the squared chord to anything in the node
    };
    std::vector<Pending> stack;
    stack.reserve(64);
    stack.push_back({root_, 0.0});
    while (!stack.empty()) {
        const Pending p = stack.back();
        stack.pop_back();
        if (p.bound > worst()) continue;
        const Node& node = nodes_[static_cast<std::size_t>(p.node)];
        if (node.left < 0) {
            for (std::uint32_t i = node.begin; i < node.end; ++i) {
                const double dx = pts_[i].v[0] - qv[0], dy = pts_[i].v[1] - qv[1], dz = pts_[i].v[2] - qv[2];
                const Candidate c{dx * dx + dy * dy + dz * dz, ids_[i]};
                if (c.d2 > worst()) continue;
                if (heap.size() == k && !(c < heap.front())) continue;
                if (accept && !accept(c.id)) continue;
                heap.push_back(c);
                std::push_heap(heap.begin(), heap.end());
                if (heap.size() > k) {
                    std::pop_heap(heap.begin(), heap.end());
                    heap.pop_back();
                }
            }
            continue;
        }
        const double diff = qv[node.dim] - node.split;
        const std::int32_t near_child = diff < 0 ? node.left : node.right;
        const std::int32_t far_child = diff < 0 ? node.right : node.left;
        stack.push_back({far_child, std::max(p.bound, diff * diff)});
        stack.push_back({near_child, p.bound});
    }
    std::sort(heap.begin(), heap.end());
    hits.reserve(heap.size());
    for (const auto& c : heap) hits.push_back(Hit{c.id, haversine_m(q, locations_[c.id])});
    return hits;
}

std::vector<SpatialIndex::Hit> SpatialIndex::within(LatLng q, double radius_m, const Filter& accept) const {
    std::vector<Hit> hits;
    if (root_ < 0 || !std::isfinite(q.lat) || !std::isfinite(q.lng)) return hits;
    double qv[3];
    unit_vector(q, qv);
    const double limit = chord_sq_for_metres(radius_m);
    if (limit < 0) return hits;
    std::vector<Candidate> found;
    std::vector<std::int32_t> stack{root_};
    while (!stack.empty()) {
        const Node& node = nodes_[static_cast<std::size_t>(stack.back())];
        stack.pop_back();
        if (node.left < 0) {
            for (std::uint32_t i = node.begin; i < node.end; ++i) {
                const double dx = pts_[i].v[0] - qv[0], dy = pts_[i].v[1] - qv[1], dz = pts_[i].v[2] - qv[2];
                const double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= limit && (!accept || accept(ids_[i]))) found.push_back({d2, ids_[i]});
            }
            continue;
        }
        const double diff = qv[node.dim] - node.split;
        if (diff < 0 || diff * diff <= limit) stack.push_back(node.left);
        if (diff >= 0 || diff * diff <= limit) stack.push_back(node.right);
    }
    std::sort(found.begin(), found.end());
    hits.reserve(found.size());
    for (const auto& c : found) hits.push_back(Hit{c.id, haversine_m(q, locations_[c.id])});
    return hits;
}

}  // namespace dp
