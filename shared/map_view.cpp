// Camera, culling, simplification, labels, hit testing, styles and inertia (see map_view.hpp).
#include "map_view.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dp {

void Bounds::add(Point2 p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
}
void Bounds::add_box(const Bounds& b) {
    if (b.empty()) return;
    add(Point2{b.min_x, b.min_y});
    add(Point2{b.max_x, b.max_y});
}
bool Bounds::intersects(const Bounds& o) const {
    return !empty() && !o.empty() && min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y;
}
bool Bounds::contains(Point2 p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }

Bounds bounds_of(const std::vector<Point2>& pts) {
    Bounds b;
    for (auto& p : pts) b.add(p);
    return b;
}

// ---- camera ----

Point2 MapCamera::to_screen(Point2 w) const {
    return {width * 0.5 + (w.x - centre.x) / m_per_px, height * 0.5 - (w.y - centre.y) / m_per_px};
}
Point2 MapCamera::to_world(Point2 s) const {
    return {centre.x + (s.x - width * 0.5) * m_per_px, centre.y - (s.y - height * 0.5) * m_per_px};
}
void MapCamera::pan(double dx, double dy) {
    centre.x -= dx * m_per_px;
    centre.y += dy * m_per_px;
}
void MapCamera::zoom_about(double factor, Point2 at) {
    if (!(factor > 0)) return;
    const Point2 anchor = to_world(at);
    m_per_px = std::clamp(m_per_px / factor, min_m_per_px, max_m_per_px);
    const Point2 now = to_world(at);  // move the centre so the anchor is back under `at`
    centre.x += anchor.x - now.x;
    centre.y += anchor.y - now.y;
}
void MapCamera::fit(const Bounds& b, double left, double top, double right, double bottom) {
    if (b.empty()) return;
    const double avail_w = std::max(1.0, width - left - right), avail_h = std::max(1.0, height - top - bottom);
    const double need = std::max((b.max_x - b.min_x) / avail_w, (b.max_y - b.min_y) / avail_h);
    m_per_px = std::clamp(need, min_m_per_px, max_m_per_px);
    // The box's middle goes to the middle of the free area.
    const Point2 mid{(b.min_x + b.max_x) * 0.5, (b.min_y + b.max_y) * 0.5};
    const double sx = left + avail_w * 0.5, sy = top + avail_h * 0.5;
    centre.x = mid.x - (sx - width * 0.5) * m_per_px;
    centre.y = mid.y + (sy - height * 0.5) * m_per_px;
}
Bounds MapCamera::visible() const {
    Bounds b;
    b.add(to_world({0, 0}));
    b.add(to_world({width, height}));
    return b;
}

// ---- geometry ----

ProjectedShape project_shape(const LocalProjection& proj, const std::vector<LatLng>& line) {
    ProjectedShape s;
    s.pts.reserve(line.size());
    for (auto& p : line) s.pts.push_back(proj.project(p));
    s.box = bounds_of(s.pts);
    return s;
}

MapScene build_scene(const MapLayer& layer, LatLng origin) {
    MapScene s;
    s.projection = LocalProjection(origin);
    auto add_all = [&](auto& dst, auto& src, auto member) {
        dst.reserve(src.size());
        for (auto& x : src) {
            dst.push_back(project_shape(s.projection, x.*member));
            s.extent.add_box(dst.back().box);
        }
    };
    add_all(s.roads, layer.roads, &Road::line);
    add_all(s.water, layer.water, &MapWater::polygon);
    add_all(s.boundaries, layer.boundaries, &MapBoundary::polygon);
    for (auto& p : layer.places) {
        s.places.push_back(s.projection.project(p.location));
        s.extent.add(s.places.back());
    }
    for (auto& a : layer.areas) s.areas.push_back(s.projection.project(a.location));
    return s;
}

std::vector<std::size_t> visible_shapes(const std::vector<ProjectedShape>& shapes, const Bounds& view) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].box.intersects(view)) out.push_back(i);
    return out;
}

std::vector<Point2> decimate(const std::vector<Point2>& pts, double min_dist) {
    if (pts.size() <= 2) return pts;
    std::vector<Point2> out;
    out.reserve(pts.size());
    out.push_back(pts.front());
    const double d2 = min_dist * min_dist;
    for (std::size_t i = 1; i + 1 < pts.size(); ++i)
        if (distance_sq(pts[i], out.back()) >= d2) out.push_back(pts[i]);
    if (out.size() > 1 && distance_sq(pts.back(), out.back()) < d2) out.back() = pts.back();
    else out.push_back(pts.back());
    return out;
}

// ---- labels and hits ----

std::vector<std::size_t> place_labels(const std::vector<LabelCandidate>& candidates, const std::vector<Rect>& obstacles) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {  // ties keep input order
        return candidates[a].priority != candidates[b].priority ? candidates[a].priority > candidates[b].priority : a < b;
    });
    std::vector<std::size_t> placed;
    for (std::size_t i : order) {
        const Rect& r = candidates[i].rect;
        bool free = std::none_of(obstacles.begin(), obstacles.end(), [&](const Rect& o) { return r.intersects(o); });
        for (std::size_t k = 0; free && k < placed.size(); ++k) free = !r.intersects(candidates[placed[k]].rect);
        if (free) placed.push_back(i);
    }
    return placed;
}

LabelAnchor road_label_anchor(const std::vector<Point2>& pts, double min_length, const Rect& vp) {
    LabelAnchor best;
    double best_len = min_length;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const double len = distance(pts[i - 1], pts[i]);
        const Point2 mid{(pts[i - 1].x + pts[i].x) * 0.5, (pts[i - 1].y + pts[i].y) * 0.5};
        if (len >= best_len && mid.x > vp.x0 && mid.x < vp.x1 && mid.y > vp.y0 && mid.y < vp.y1) {
            best_len = len;
            best = {true, mid};
        }
    }
    return best;
}

int hit_marker(const std::vector<Point2>& markers, Point2 tap, double radius) {
    int best = -1;
    double best_d2 = radius * radius;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const double d2 = distance_sq(markers[i], tap);
        if (d2 <= best_d2) {
            best_d2 = d2;
            best = static_cast<int>(i);
        }
    }
    return best;
}

// ---- styles ----

const RoadStyle& road_style(RoadClass c) {
    //                                 fill  casing  fill colour           casing colour       order hide  label
    static const RoadStyle kStyles[kRoadClassCount] = {
        {7.0f, 1.2f, {248, 170, 140, 255}, {196, 108, 84, 255}, 5, 1e9, 60},   // trunk
        {6.0f, 1.0f, {252, 214, 150, 255}, {200, 146, 80, 255}, 4, 1e9, 50},   // primary
        {5.0f, 1.0f, {250, 246, 196, 255}, {176, 170, 120, 255}, 3, 40, 40},   // secondary
        {4.0f, 0.8f, {255, 255, 255, 255}, {186, 186, 186, 255}, 2, 16, 30},   // tertiary
        {3.0f, 0.7f, {255, 255, 255, 255}, {204, 204, 204, 255}, 1, 7, 20},    // residential
        {1.5f, 0.0f, {160, 140, 120, 255}, {0, 0, 0, 0}, 0, 4, 10},            // path
    };
    return kStyles[static_cast<int>(c)];
}

double road_width_factor(double m_per_css_px) {
    return std::clamp(std::sqrt(2.0 / std::max(m_per_css_px, 1e-6)), 0.6, 1.8);
}

std::vector<std::size_t> road_draw_order(const MapLayer& layer) {
    std::vector<std::size_t> order(layer.roads.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {  // ties keep input order
        const int oa = road_style(layer.roads[a].road_class).order, ob = road_style(layer.roads[b].road_class).order;
        return oa != ob ? oa < ob : a < b;
    });
    return order;
}

const PlaceStyle& place_style(PlaceType t) {
    static const PlaceStyle kStyles[] = {
        {{196, 30, 58, 255}, MarkerShape::rounded_square, "办", "服务中心", 100},
        {{26, 127, 55, 255}, MarkerShape::circle, "站", "便民站", 80},
        {{22, 80, 170, 255}, MarkerShape::shield, "警", "派出所", 70},
        {{206, 104, 0, 255}, MarkerShape::diamond, "监", "市场监管", 60},
        {{118, 60, 170, 255}, MarkerShape::square, "自", "自助终端", 50},
        {{110, 116, 126, 255}, MarkerShape::circle, "·", "其他", 10},
    };
    return kStyles[static_cast<int>(t)];
}

// ---- inertia ----

void Inertia::track(double dx, double dy, double dt) {
    if (dt <= 0) return;
    vx = 0.6 * vx + 0.4 * (dx / dt);
    vy = 0.6 * vy + 0.4 * (dy / dt);
}

bool Inertia::step(double dt, double& dx, double& dy, double stop_speed) {
    dx = dy = 0;
    if (std::hypot(vx, vy) < stop_speed) {
        stop();
        return false;
    }
    dx = vx * dt;
    dy = vy * dt;
    const double decay = std::exp(-dt * 4.0);
    vx *= decay;
    vy *= decay;
    return true;
}

}  // namespace dp
