// RoadGraph: node merging, adjacency per travel mode, the edge grid used for snapping, and
// the A* / Dijkstra search between two snapped points.
#include "road_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <functional>
#include <stdexcept>
#include <unordered_map>

namespace dp {

// ---- road classes and JSON ----

const char* road_class_name(RoadClass c) {
    switch (c) {
        case RoadClass::trunk: return "trunk";
        case RoadClass::primary: return "primary";
        case RoadClass::secondary: return "secondary";
        case RoadClass::tertiary: return "tertiary";
        case RoadClass::residential: return "residential";
        case RoadClass::path: return "path";
    }
    return "residential";
}

std::optional<RoadClass> road_class_from_name(std::string_view name) {
    for (RoadClass c : {RoadClass::trunk, RoadClass::primary, RoadClass::secondary, RoadClass::tertiary,
                        RoadClass::residential, RoadClass::path})
        if (name == road_class_name(c)) return c;
    return std::nullopt;
}

double driving_speed_mps(RoadClass c) {
    switch (c) {
        case RoadClass::trunk: return 60.0 / 3.6;
        case RoadClass::primary: return 50.0 / 3.6;
        case RoadClass::secondary: return 40.0 / 3.6;
        case RoadClass::tertiary: return 30.0 / 3.6;
        case RoadClass::residential: return 20.0 / 3.6;
        case RoadClass::path: return 0.0;
    }
    return 0.0;
}

void to_json(nlohmann::json& j, const Road& r) {
    nlohmann::json line = nlohmann::json::array();
    for (const auto& p : r.line) line.push_back({p.lat, p.lng});
    j = {{"name", r.name}, {"class", road_class_name(r.road_class)}, {"oneway", r.oneway}, {"line", line}};
}

void from_json(const nlohmann::json& j, Road& r) {
    r.name = j.value("name", std::string());
    const std::string cls = j.value("class", std::string("residential"));
    const auto parsed = road_class_from_name(cls);
    if (!parsed) throw std::invalid_argument("unknown road class: " + cls);
    r.road_class = *parsed;
    r.oneway = j.value("oneway", false);
    r.line.clear();
    for (const auto& p : j.at("line")) {
        if (p.is_array()) r.line.push_back(LatLng{p.at(0).get<double>(), p.at(1).get<double>()});
        else r.line.push_back(p.get<LatLng>());
    }
}

// ---- construction ----

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
constexpr std::uint32_t kFromSourceForward = 0xFFFFFFFEu;   // reached from the start along from.edge forward
constexpr std::uint32_t kFromSourceBackward = 0xFFFFFFFDu;  // … backward

// One search's labels, kept between searches on the same thread: a node's g and parent are
// valid only where its stamp equals this search's, so a route costs what it explores instead of
// clearing arrays the size of the whole graph each time (that clearing was most of a short
// route's time, and far more in wasm).
struct SearchLabels {
    std::vector<double> g;
    std::vector<std::uint32_t> parent;
    std::vector<std::uint32_t> stamp;
    std::uint32_t current = 0;

    void start(std::size_t n_nodes) {
        if (stamp.size() != n_nodes || current == 0xFFFFFFFFu) {
            g.assign(n_nodes, 0.0);
            parent.assign(n_nodes, kNone);
            stamp.assign(n_nodes, 0);
            current = 0;
        }
        ++current;
    }
    double cost(std::uint32_t n) const {
        return stamp[n] == current ? g[n] : std::numeric_limits<double>::infinity();
    }
    void set(std::uint32_t n, double cost_s, std::uint32_t via) {
        stamp[n] = current;
        g[n] = cost_s;
        parent[n] = via;
    }
};

struct OpenItem {
    double key;
    double g;
    std::uint32_t node;
    bool operator>(const OpenItem& o) const { return key > o.key; }
};

std::int64_t cell_key(std::int64_t cx, std::int64_t cy) {
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xFFFFFFFFull));
}

void unit_vector(LatLng p, double out[3]) {
    const double lat = p.lat * kPi / 180.0, lng = p.lng * kPi / 180.0;
    const double c = std::cos(lat);
    out[0] = c * std::cos(lng);
    out[1] = c * std::sin(lng);
    out[2] = std::sin(lat);
}

}  // namespace

RoadGraph::RoadGraph(std::vector<Road> roads, double merge_tolerance_m) : roads_(std::move(roads)) {
    // Project around the centre of everything.
    double min_lat = 1e9, max_lat = -1e9, min_lng = 1e9, max_lng = -1e9;
    for (const auto& r : roads_) {
        for (const auto& p : r.line) {
            if (!std::isfinite(p.lat) || !std::isfinite(p.lng)) continue;
            min_lat = std::min(min_lat, p.lat);
            max_lat = std::max(max_lat, p.lat);
            min_lng = std::min(min_lng, p.lng);
            max_lng = std::max(max_lng, p.lng);
        }
    }
    if (min_lat <= max_lat) proj_ = LocalProjection(LatLng{(min_lat + max_lat) / 2, (min_lng + max_lng) / 2});

    // Merge vertices within the tolerance through a hash grid of tolerance-sized cells.
    const double tol = std::max(merge_tolerance_m, 1e-6);
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> buckets;
    auto node_for = [&](LatLng p) -> std::uint32_t {
        const Point2 xy = proj_.project(p);
        const std::int64_t cx = static_cast<std::int64_t>(std::floor(xy.x / tol));
        const std::int64_t cy = static_cast<std::int64_t>(std::floor(xy.y / tol));
        std::uint32_t best = kNone;
        double best_d2 = tol * tol;
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                auto it = buckets.find(cell_key(cx + dx, cy + dy));
                if (it == buckets.end()) continue;
                for (std::uint32_t n : it->second) {
                    const double d2 = distance_sq(xy, node_xy_[n]);
                    if (d2 <= best_d2) {
                        best_d2 = d2;
                        best = n;
                    }
                }
            }
        }
        if (best != kNone) return best;
        const auto id = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back(p);
        node_xy_.push_back(xy);
        buckets[cell_key(cx, cy)].push_back(id);
        return id;
    };

    for (std::uint32_t r = 0; r < roads_.size(); ++r) {
        std::uint32_t prev = kNone;
        for (const auto& p : roads_[r].line) {
            if (!std::isfinite(p.lat) || !std::isfinite(p.lng)) {  // a hole in the data breaks the line
                prev = kNone;
                continue;
            }
            const std::uint32_t n = node_for(p);
            if (prev != kNone && prev != n)
                edges_.push_back(GraphEdge{prev, n, r, haversine_m(nodes_[prev], nodes_[n])});
            prev = n;
        }
    }
    node_unit_.resize(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) unit_vector(nodes_[i], node_unit_[i].v);
    for (const auto& e : edges_) max_drive_speed_ = std::max(max_drive_speed_, driving_speed_mps(roads_[e.road].road_class));

    build_adjacency(TravelMode::walk, walk_offsets_, walk_arcs_);
    build_adjacency(TravelMode::drive, drive_offsets_, drive_arcs_);
    build_edge_grid();
}

bool RoadGraph::traversable(std::uint32_t edge, bool forward, TravelMode mode) const {
    if (mode == TravelMode::walk) return true;
    const Road& r = roads_[edges_[edge].road];
    if (r.road_class == RoadClass::path) return false;
    return forward || !r.oneway;
}

double RoadGraph::edge_duration_s(std::uint32_t edge, TravelMode mode) const {
    const GraphEdge& e = edges_[edge];
    if (mode == TravelMode::walk) return e.length_m / kWalkingSpeedMps;
    const double v = driving_speed_mps(roads_[e.road].road_class);
    return v > 0 ? e.length_m / v : std::numeric_limits<double>::infinity();
}

LatLng RoadGraph::point_on_edge(std::uint32_t edge, double fraction) const {
    const GraphEdge& e = edges_[edge];
    if (fraction <= 0) return nodes_[e.from];
    if (fraction >= 1) return nodes_[e.to];
    const Point2 a = node_xy_[e.from], b = node_xy_[e.to];
    return proj_.unproject(Point2{a.x + (b.x - a.x) * fraction, a.y + (b.y - a.y) * fraction});
}

void RoadGraph::build_adjacency(TravelMode mode, std::vector<std::uint32_t>& offsets, std::vector<Arc>& arcs) const {
    offsets.assign(nodes_.size() + 1, 0);
    for (std::uint32_t i = 0; i < edges_.size(); ++i) {
        if (traversable(i, true, mode)) ++offsets[edges_[i].from + 1];
        if (traversable(i, false, mode)) ++offsets[edges_[i].to + 1];
    }
    for (std::size_t n = 0; n < nodes_.size(); ++n) offsets[n + 1] += offsets[n];
    arcs.resize(offsets.back());
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (std::uint32_t i = 0; i < edges_.size(); ++i) {
        const double cost = edge_duration_s(i, mode);
        if (traversable(i, true, mode)) arcs[fill[edges_[i].from]++] = Arc{edges_[i].to, i << 1 | 1u, cost};
        if (traversable(i, false, mode)) arcs[fill[edges_[i].to]++] = Arc{edges_[i].from, i << 1, cost};
    }
}

void RoadGraph::build_edge_grid() {
    grid_w_ = grid_h_ = 0;
    cell_offsets_.clear();
    cell_edges_.clear();
    if (edges_.empty()) return;
    Point2 lo{1e300, 1e300}, hi{-1e300, -1e300};
    double total = 0;
    for (const auto& e : edges_) {
        for (std::uint32_t n : {e.from, e.to}) {
            lo.x = std::min(lo.x, node_xy_[n].x);
            lo.y = std::min(lo.y, node_xy_[n].y);
            hi.x = std::max(hi.x, node_xy_[n].x);
            hi.y = std::max(hi.y, node_xy_[n].y);
        }
        total += distance(node_xy_[e.from], node_xy_[e.to]);
    }
    // Cells about twice the mean edge length, but no more cells than ~4 per edge.
    double cell = std::max(10.0, 2.0 * total / static_cast<double>(edges_.size()));
    const double max_cells = 4.0 * static_cast<double>(edges_.size()) + 1024.0;
    auto cells_for = [&](double c) { return (std::floor((hi.x - lo.x) / c) + 1) * (std::floor((hi.y - lo.y) / c) + 1); };
    while (cells_for(cell) > max_cells) cell *= 1.25;
    cell_m_ = cell;
    grid_min_ = lo;
    grid_w_ = static_cast<int>(std::floor((hi.x - lo.x) / cell)) + 1;
    grid_h_ = static_cast<int>(std::floor((hi.y - lo.y) / cell)) + 1;

    // Every cell a segment touches: per row of cells, the x-range of the segment in that band.
    auto for_each_cell = [&](const GraphEdge& e, auto&& visit) {
        const Point2 a = node_xy_[e.from], b = node_xy_[e.to];
        const double eps = 1e-7 * cell;
        const int cy0 = std::clamp(static_cast<int>(std::floor((std::min(a.y, b.y) - lo.y - eps) / cell)), 0, grid_h_ - 1);
        const int cy1 = std::clamp(static_cast<int>(std::floor((std::max(a.y, b.y) - lo.y + eps) / cell)), 0, grid_h_ - 1);
        for (int cy = cy0; cy <= cy1; ++cy) {
            double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
            const double dy = b.y - a.y;
            if (dy != 0) {
                const double band_lo = lo.y + cy * cell - eps, band_hi = lo.y + (cy + 1) * cell + eps;
                const double t0 = std::clamp((band_lo - a.y) / dy, 0.0, 1.0), t1 = std::clamp((band_hi - a.y) / dy, 0.0, 1.0);
                const double xa = a.x + (b.x - a.x) * t0, xb = a.x + (b.x - a.x) * t1;
                x0 = std::min(xa, xb);
                x1 = std::max(xa, xb);
            }
            const int cx0 = std::clamp(static_cast<int>(std::floor((x0 - lo.x - eps) / cell)), 0, grid_w_ - 1);
            const int cx1 = std::clamp(static_cast<int>(std::floor((x1 - lo.x + eps) / cell)), 0, grid_w_ - 1);
            for (int cx = cx0; cx <= cx1; ++cx) visit(static_cast<std::size_t>(cy) * grid_w_ + cx);
        }
    };
    cell_offsets_.assign(static_cast<std::size_t>(grid_w_) * grid_h_ + 1, 0);
    for (const auto& e : edges_) for_each_cell(e, [&](std::size_t c) { ++cell_offsets_[c + 1]; });
    for (std::size_t c = 0; c + 1 < cell_offsets_.size(); ++c) cell_offsets_[c + 1] += cell_offsets_[c];
    cell_edges_.resize(cell_offsets_.back());
    std::vector<std::uint32_t> fill(cell_offsets_.begin(), cell_offsets_.end() - 1);
    for (std::uint32_t i = 0; i < edges_.size(); ++i)
        for_each_cell(edges_[i], [&](std::size_t c) { cell_edges_[fill[c]++] = i; });
}

// ---- snapping ----

std::optional<EdgeSnap> RoadGraph::snap(LatLng p, TravelMode mode, double max_distance_m) const {
    if (grid_w_ == 0 || !(max_distance_m >= 0)) return std::nullopt;
    const Point2 xy = proj_.project(p);
    if (!std::isfinite(xy.x) || !std::isfinite(xy.y)) return std::nullopt;
    const std::int64_t cx = static_cast<std::int64_t>(std::floor((xy.x - grid_min_.x) / cell_m_));
    const std::int64_t cy = static_cast<std::int64_t>(std::floor((xy.y - grid_min_.y) / cell_m_));
    // Chebyshev distance (in cells) from the query's cell to the grid, and to its far side.
    auto outside = [](std::int64_t c, std::int64_t n) { return c < 0 ? -c : (c >= n ? c - n + 1 : 0); };
    const std::int64_t r0 = std::max(outside(cx, grid_w_), outside(cy, grid_h_));
    const std::int64_t r_max = std::max({cx, grid_w_ - 1 - cx, cy, grid_h_ - 1 - cy});

    std::uint32_t best_edge = kNone;
    SegmentProjection best{};
    double best_d = max_distance_m;
    auto consider_cell = [&](std::int64_t x, std::int64_t y) {
        const std::size_t c = static_cast<std::size_t>(y) * grid_w_ + static_cast<std::size_t>(x);
        for (std::uint32_t k = cell_offsets_[c]; k < cell_offsets_[c + 1]; ++k) {
            const std::uint32_t i = cell_edges_[k];
            if (mode == TravelMode::drive && !traversable(i, true, mode) && !traversable(i, false, mode)) continue;
            const SegmentProjection sp = project_on_segment(xy, node_xy_[edges_[i].from], node_xy_[edges_[i].to]);
            const bool better = best_edge == kNone ? sp.distance <= best_d
                                                   : (sp.distance < best_d || (sp.distance == best_d && i < best_edge));
            if (better) {
                best_d = sp.distance;
                best = sp;
                best_edge = i;
            }
        }
    };
    for (std::int64_t r = r0; r <= r_max; ++r) {
        // Cells of ring r are at least (r - 1) cells away from the query point.
        if (r >= 1 && static_cast<double>(r - 1) * cell_m_ > best_d) break;
        const std::int64_t y_lo = std::max<std::int64_t>(cy - r, 0), y_hi = std::min<std::int64_t>(cy + r, grid_h_ - 1);
        for (std::int64_t y = y_lo; y <= y_hi; ++y) {
            if (y == cy - r || y == cy + r) {
                const std::int64_t x_lo = std::max<std::int64_t>(cx - r, 0), x_hi = std::min<std::int64_t>(cx + r, grid_w_ - 1);
                for (std::int64_t x = x_lo; x <= x_hi; ++x) consider_cell(x, y);
            } else {
                if (cx - r >= 0 && cx - r < grid_w_) consider_cell(cx - r, y);
                if (r > 0 && cx + r >= 0 && cx + r < grid_w_) consider_cell(cx + r, y);
            }
        }
    }
    if (best_edge == kNone) return std::nullopt;
    EdgeSnap s;
    s.edge = best_edge;
    s.fraction = best.t;
    s.point = best.t <= 0 ? nodes_[edges_[best_edge].from]
                          : (best.t >= 1 ? nodes_[edges_[best_edge].to] : proj_.unproject(best.point));
    s.distance_m = haversine_m(p, s.point);
    return s;
}

// ---- routing ----

Route RoadGraph::route(LatLng from, LatLng to, TravelMode mode, RouteAlgorithm algo) const {
    const auto a = snap(from, mode), b = snap(to, mode);
    if (!a || !b) {
        Route r;
        r.mode = mode;
        return r;
    }
    return route_snapped(*a, *b, mode, algo);
}

Route RoadGraph::route_snapped(const EdgeSnap& from, const EdgeSnap& to, TravelMode mode, RouteAlgorithm algo) const {
    Route res;
    res.mode = mode;
    res.from = from;
    res.to = to;
    if (from.edge >= edges_.size() || to.edge >= edges_.size()) return res;
    const auto& offsets = mode == TravelMode::walk ? walk_offsets_ : drive_offsets_;
    const auto& arcs = mode == TravelMode::walk ? walk_arcs_ : drive_arcs_;
    const GraphEdge& ef = edges_[from.edge];
    const GraphEdge& et = edges_[to.edge];
    const double dur_f = edge_duration_s(from.edge, mode), dur_t = edge_duration_s(to.edge, mode);
    constexpr double kInf = std::numeric_limits<double>::infinity();

    // The best complete route found so far.
    enum class Via { none, direct_forward, direct_backward, node };
    Via via = Via::none;
    double best = kInf;
    std::uint32_t best_node = kNone;
    bool best_tail_forward = true;
    if (from.edge == to.edge) {
        if (to.fraction >= from.fraction && traversable(from.edge, true, mode)) {
            best = (to.fraction - from.fraction) * dur_f;
            via = Via::direct_forward;
        }
        if (to.fraction <= from.fraction && traversable(from.edge, false, mode) &&
            (from.fraction - to.fraction) * dur_f < best) {
            best = (from.fraction - to.fraction) * dur_f;
            via = Via::direct_backward;
        }
    }
    // Arriving at et.from and going forward to the point, or at et.to and going backward.
    const double tail_forward = traversable(to.edge, true, mode) ? to.fraction * dur_t : kInf;
    const double tail_backward = traversable(to.edge, false, mode) ? (1.0 - to.fraction) * dur_t : kInf;

    // Lower bound of the remaining time: straight-line (chord) distance at the top speed.
    // The 0.999 keeps it admissible where a partial edge's length (a fraction of the edge
    // in the projected plane) is slightly shorter than the great-circle distance.
    const double top_speed = mode == TravelMode::walk ? kWalkingSpeedMps : max_drive_speed_;
    const double h_scale = (algo == RouteAlgorithm::astar && top_speed > 0) ? 0.999 * kEarthRadiusM / top_speed : 0.0;
    double target[3];
    unit_vector(to.point, target);
    auto heuristic = [&](std::uint32_t n) {
        if (h_scale == 0) return 0.0;
        const double* v = node_unit_[n].v;
        const double dx = v[0] - target[0], dy = v[1] - target[1], dz = v[2] - target[2];
        return h_scale * std::sqrt(dx * dx + dy * dy + dz * dz);
    };

    // g (seconds from the start) and parent (arc index, or a kFromSource… marker) per node.
    thread_local SearchLabels labels;
    thread_local std::vector<OpenItem> open;  // a binary min-heap on key (std::push_heap/pop_heap)
    labels.start(nodes_.size());
    open.clear();
    const auto push = [](std::vector<OpenItem>& heap, OpenItem item) {
        heap.push_back(item);
        std::push_heap(heap.begin(), heap.end(), std::greater<OpenItem>());
    };
    if (traversable(from.edge, true, mode)) {
        const double g0 = (1.0 - from.fraction) * dur_f;
        labels.set(ef.to, g0, kFromSourceForward);
        push(open, {g0 + heuristic(ef.to), g0, ef.to});
    }
    if (traversable(from.edge, false, mode) && from.fraction * dur_f < labels.cost(ef.from)) {
        const double g0 = from.fraction * dur_f;
        labels.set(ef.from, g0, kFromSourceBackward);
        push(open, {g0 + heuristic(ef.from), g0, ef.from});
    }
    while (!open.empty()) {
        std::pop_heap(open.begin(), open.end(), std::greater<OpenItem>());
        const OpenItem it = open.back();
        open.pop_back();
        const std::uint32_t n = it.node;
        const double gn = labels.cost(n);
        if (it.g > gn) continue;  // stale
        if (algo == RouteAlgorithm::astar && it.key >= best) break;
        if (n == et.from && gn + tail_forward < best) {
            best = gn + tail_forward;
            via = Via::node;
            best_node = n;
            best_tail_forward = true;
        }
        if (n == et.to && gn + tail_backward < best) {
            best = gn + tail_backward;
            via = Via::node;
            best_node = n;
            best_tail_forward = false;
        }
        for (std::uint32_t k = offsets[n]; k < offsets[n + 1]; ++k) {
            const Arc& a = arcs[k];
            const double ng = gn + a.cost;
            if (ng < labels.cost(a.to)) {
                labels.set(a.to, ng, k);
                push(open, {ng + heuristic(a.to), ng, a.to});
            }
        }
    }
    const std::vector<std::uint32_t>& parent = labels.parent;
    if (via == Via::none) return res;

    // Rebuild the pieces from start to end.
    std::vector<RouteEdge> pieces;
    auto piece = [&](std::uint32_t edge, bool forward, double f0, double f1) {
        RouteEdge p;
        p.edge = edge;
        p.forward = forward;
        p.from_fraction = f0;
        p.to_fraction = f1;
        p.length_m = std::fabs(f1 - f0) * edges_[edge].length_m;
        p.duration_s = std::fabs(f1 - f0) * edge_duration_s(edge, mode);
        return p;
    };
    if (via == Via::direct_forward || via == Via::direct_backward) {
        pieces.push_back(piece(from.edge, via == Via::direct_forward, from.fraction, to.fraction));
    } else {
        std::vector<RouteEdge> middle;
        std::uint32_t n = best_node;
        while (parent[n] != kFromSourceForward && parent[n] != kFromSourceBackward) {
            const Arc& a = arcs[parent[n]];
            const bool fwd = a.forward();
            middle.push_back(piece(a.edge(), fwd, fwd ? 0.0 : 1.0, fwd ? 1.0 : 0.0));
            n = fwd ? edges_[a.edge()].from : edges_[a.edge()].to;
        }
        if (parent[n] == kFromSourceForward) pieces.push_back(piece(from.edge, true, from.fraction, 1.0));
        else pieces.push_back(piece(from.edge, false, from.fraction, 0.0));
        pieces.insert(pieces.end(), middle.rbegin(), middle.rend());
        if (best_tail_forward) pieces.push_back(piece(to.edge, true, 0.0, to.fraction));
        else pieces.push_back(piece(to.edge, false, 1.0, to.fraction));
    }

    res.found = true;
    res.polyline.push_back(from.point);
    for (const auto& p : pieces) {
        if (p.from_fraction == p.to_fraction) continue;
        res.edges.push_back(p);
        res.distance_m += p.length_m;
        res.duration_s += p.duration_s;
        const LatLng end = (&p == &pieces.back()) ? to.point : point_on_edge(p.edge, p.to_fraction);
        const LatLng& last = res.polyline.back();
        if (end.lat != last.lat || end.lng != last.lng) res.polyline.push_back(end);
    }
    const LatLng& last = res.polyline.back();
    if (to.point.lat != last.lat || to.point.lng != last.lng) res.polyline.push_back(to.point);
    return res;
}

}  // namespace dp
