// The platform-free half of the map view: the camera (world ↔ screen through a LocalProjection,
// pan, zoom about a point, fit), projected geometry with culling, screen-space simplification,
// non-overlapping label placement, marker hit testing, road and marker styles as data, inertia.
// Screen coordinates are physical pixels, x right, y down, relative to the map's top-left.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo.hpp"
#include "map_data.hpp"

namespace dp {

// An axis-aligned box (world metres or screen pixels). Empty until a point is added.
struct Bounds {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    bool empty() const { return min_x > max_x; }
    void add(Point2 p);
    void add_box(const Bounds& b);
    bool intersects(const Bounds& o) const;
    bool contains(Point2 p) const;
};
Bounds bounds_of(const std::vector<Point2>& pts);

class MapCamera {
public:
    LocalProjection projection;  // world = metres east/north of its origin
    Point2 centre;               // world point at the middle of the screen
    double m_per_px = 1;         // metres per physical pixel (larger = zoomed out)
    double width = 1, height = 1;  // screen size, physical px
    double min_m_per_px = 0.05, max_m_per_px = 50;  // zoom limits (set from the device pixel ratio)

    Point2 to_screen(Point2 world) const;
    Point2 to_world(Point2 screen) const;
    Point2 screen_of(LatLng p) const { return to_screen(projection.project(p)); }
    LatLng latlng_at(Point2 screen) const { return projection.unproject(to_world(screen)); }

    // The content follows the finger: a drag by (dx, dy) moves every world point by (dx, dy).
    void pan(double dx, double dy);
    // factor > 1 zooms in; the world point under `at` stays under `at`. Clamped to the limits.
    void zoom_about(double factor, Point2 at);
    // Centres `b` in the screen minus the margins (px) and zooms to fit it (within the limits).
    void fit(const Bounds& b, double left, double top, double right, double bottom);
    // The world box visible on screen (for culling).
    Bounds visible() const;
};

// Geometry projected once when the layer arrives; each piece keeps its bounding box.
struct ProjectedShape {
    std::vector<Point2> pts;
    Bounds box;
};
struct MapScene {
    LocalProjection projection;
    std::vector<ProjectedShape> roads, water, boundaries;  // same order as the layer
    std::vector<Point2> places;
    std::vector<Point2> areas;  // the layer's area names
    Bounds extent;  // everything
};
MapScene build_scene(const MapLayer& layer, LatLng origin);
ProjectedShape project_shape(const LocalProjection& proj, const std::vector<LatLng>& line);
// Indices of shapes whose box meets `view` (the only ones a frame needs to touch).
std::vector<std::size_t> visible_shapes(const std::vector<ProjectedShape>& shapes, const Bounds& view);

// Drops points closer than `min_dist` to the last kept one (screen space, so the detail kept
// follows the zoom); the first and last points always stay.
std::vector<Point2> decimate(const std::vector<Point2>& pts, double min_dist);

// ---- labels ----
struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool intersects(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};
struct LabelCandidate {
    Rect rect;
    int priority = 0;  // higher wins
};
// Greedy placement: candidates by descending priority (ties: input order); a candidate is
// placed when it meets no placed label and no obstacle. Returns placed indices.
std::vector<std::size_t> place_labels(const std::vector<LabelCandidate>& candidates,
                                      const std::vector<Rect>& obstacles = {});

// Where a road's name goes: the middle of its longest on-screen segment, if that segment is
// at least `min_length` long and its middle lies inside `viewport`.
struct LabelAnchor {
    bool ok = false;
    Point2 at;
};
LabelAnchor road_label_anchor(const std::vector<Point2>& screen_pts, double min_length, const Rect& viewport);

// Index of the marker nearest to `tap` within `radius` (px), or -1.
int hit_marker(const std::vector<Point2>& markers, Point2 tap, double radius);

// ---- styles as data ----
struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};
struct RoadStyle {
    float fill_css = 1;    // line width at the reference zoom (CSS px)
    float casing_css = 0;  // extra outline width on each side; 0 = no casing
    Rgba fill, casing;
    int order = 0;                 // drawn in ascending order (minor roads first)
    double hide_above_m_per_css = 1e9;  // not drawn when zoomed out beyond this
    int label_priority = 0;        // 0 = never labelled
};
const RoadStyle& road_style(RoadClass c);
// Width multiplier for the zoom (1 at 2 m per CSS px; thinner zoomed out, wider zoomed in).
double road_width_factor(double m_per_css_px);
// Road indices in drawing order (by style order, stable).
std::vector<std::size_t> road_draw_order(const MapLayer& layer);

enum class MarkerShape : std::uint8_t { rounded_square, circle, shield, diamond, square };
struct PlaceStyle {
    Rgba colour;
    MarkerShape shape;
    const char* glyph;   // 办 站 警 监 自
    const char* legend;  // short legend label
    int priority;        // label / drawing priority
};
const PlaceStyle& place_style(PlaceType t);

// ---- inertia after a flick ----
struct Inertia {
    double vx = 0, vy = 0;  // px per second
    // Feeds a drag movement (dx, dy px over dt seconds) into a smoothed velocity.
    void track(double dx, double dy, double dt);
    // Advances by dt: writes the displacement and returns true while still moving.
    bool step(double dt, double& dx, double& dy, double stop_speed);
    void stop() { vx = vy = 0; }
};

}  // namespace dp
