// Drawing the map with ImGui draw lists: land, water, boundaries, roads by class with casings,
// the route, markers by type, the doorplate, and non-overlapping labels. Physical pixels.
#include "view_map_draw.hpp"

#include <cmath>
#include <map>

#include "theme.hpp"
#include "ui_runtime.hpp"

namespace resident {

using ui::px;

namespace {

constexpr ImU32 kLand = IM_COL32(243, 240, 234, 255);
constexpr ImU32 kWater = IM_COL32(168, 206, 238, 255);
constexpr ImU32 kWaterEdge = IM_COL32(128, 176, 220, 255);
constexpr ImU32 kTownLine = IM_COL32(150, 104, 172, 210);
constexpr ImU32 kAreaLine = IM_COL32(170, 140, 186, 170);
constexpr ImU32 kTownLabel = IM_COL32(104, 62, 128, 255);
constexpr ImU32 kAreaLabel = IM_COL32(112, 100, 90, 255);
constexpr ImU32 kWaterLabel = IM_COL32(46, 100, 160, 255);
constexpr ImU32 kLabel = IM_COL32(60, 64, 72, 255);
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 235);

ImU32 col(dp::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

// World shape → screen points (map origin added), thinned to ~1 px steps at this zoom.
std::vector<ImVec2> screen_pts(const dp::MapCamera& cam, const std::vector<dp::Point2>& world, ImVec2 o, bool closed) {
    std::vector<dp::Point2> s;
    s.reserve(world.size());
    for (auto& w : world) s.push_back(cam.to_screen(w));
    if (closed && s.size() > 3 && dp::distance(s.front(), s.back()) < 0.01) s.pop_back();
    s = dp::decimate(s, px(1.2f));
    std::vector<ImVec2> out;
    out.reserve(s.size());
    for (auto& p : s) out.emplace_back(static_cast<float>(p.x) + o.x, static_cast<float>(p.y) + o.y);
    return out;
}

void dashed(ImDrawList* dl, const std::vector<ImVec2>& pts, bool closed, float dash, float gap, ImU32 c, float th) {
    const size_t n = pts.size();
    if (n < 2) return;
    bool on = true;
    float left = dash;
    for (size_t i = 0; i < (closed ? n : n - 1); ++i) {
        const ImVec2 a = pts[i], b = pts[(i + 1) % n];
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        if (len <= 0) continue;
        const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len);
        float t = 0;
        while (t < len) {
            const float step = std::min(left, len - t);
            if (on) dl->AddLine(ImVec2(a.x + d.x * t, a.y + d.y * t), ImVec2(a.x + d.x * (t + step), a.y + d.y * (t + step)), c, th);
            t += step;
            left -= step;
            if (left <= 0) {
                on = !on;
                left = on ? dash : gap;
            }
        }
    }
}

// A thick line with round joins (ImGui's own joins leave notches on wide lines).
void road_line(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 c, float width) {
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), c, ImDrawFlags_None, width);
    if (width >= px(4.5f))  // only wide (major) roads show the notches
        for (size_t i = 1; i + 1 < pts.size(); ++i) dl->AddCircleFilled(pts[i], width * 0.5f, c, 8);
}

// Text with a white halo so it reads over roads.
void halo_text(ImDrawList* dl, ImVec2 at, ImU32 c, const std::string& text) {
    const float d = std::max(1.0f, px(1.2f));
    const ImVec2 offs[8] = {{-d, 0}, {d, 0}, {0, -d}, {0, d}, {-d, -d}, {d, d}, {-d, d}, {d, -d}};
    for (auto& o : offs) dl->AddText(ImVec2(at.x + o.x, at.y + o.y), kHalo, text.c_str());
    dl->AddText(at, c, text.c_str());
}

struct MapLabel {
    std::string text;
    ImU32 colour;
    float size;  // CSS px
};

// Label candidates with what each one draws, placed together by dp::place_labels.
struct LabelSet {
    std::vector<dp::LabelCandidate> cands;
    std::vector<MapLabel> labels;
    void add(const dp::Rect& r, int priority, MapLabel l) {
        cands.push_back({r, priority});
        labels.push_back(std::move(l));
    }
    void draw(ImDrawList* dl, const std::vector<size_t>& placed) const {
        for (size_t k : placed) {
            ImGui::PushFont(nullptr, labels[k].size);
            halo_text(dl, ImVec2(static_cast<float>(cands[k].rect.x0), static_cast<float>(cands[k].rect.y0)), labels[k].colour,
                      labels[k].text);
            ImGui::PopFont();
        }
    }
};

}  // namespace

void draw_marker(ImDrawList* dl, ImVec2 c, dp::PlaceType type, float size, bool selected) {
    const dp::PlaceStyle& st = dp::place_style(type);
    const ImU32 fill = col(st.colour), white = IM_COL32_WHITE;
    const float h = size * 0.5f, b = std::max(1.0f, px(2));
    dl->AddCircleFilled(ImVec2(c.x, c.y + px(2)), h + px(1), IM_COL32(0, 0, 0, 45));
    if (selected) dl->AddCircleFilled(c, h * 1.55f, IM_COL32(st.colour.r, st.colour.g, st.colour.b, 60));
    auto poly = [&](std::initializer_list<ImVec2> unit, float scale) {
        ImVec2 pts[8];
        int n = 0;
        for (auto& u : unit) pts[n++] = ImVec2(c.x + u.x * scale, c.y + u.y * scale);
        return std::vector<ImVec2>(pts, pts + n);
    };
    switch (st.shape) {
        case dp::MarkerShape::rounded_square:
            dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), white, px(8));
            dl->AddRectFilled(ImVec2(c.x - h + b, c.y - h + b), ImVec2(c.x + h - b, c.y + h - b), fill, px(7));
            break;
        case dp::MarkerShape::square:
            dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), white, px(1));
            dl->AddRectFilled(ImVec2(c.x - h + b, c.y - h + b), ImVec2(c.x + h - b, c.y + h - b), fill);
            break;
        case dp::MarkerShape::shield:
        case dp::MarkerShape::diamond: {
            const bool shield = st.shape == dp::MarkerShape::shield;
            const auto unit = shield ? std::initializer_list<ImVec2>{{-1, -1}, {1, -1}, {1, 0.3f}, {0, 1.2f}, {-1, 0.3f}}
                                     : std::initializer_list<ImVec2>{{0, -1.25f}, {1.25f, 0}, {0, 1.25f}, {-1.25f, 0}};
            auto outer = poly(unit, h), inner = poly(unit, h - b * 1.2f);
            dl->AddConvexPolyFilled(outer.data(), static_cast<int>(outer.size()), white);
            dl->AddConvexPolyFilled(inner.data(), static_cast<int>(inner.size()), fill);
            break;
        }
        case dp::MarkerShape::circle:
            dl->AddCircleFilled(c, h, white);
            dl->AddCircleFilled(c, h - b, fill);
            break;
    }
    ImGui::PushFont(nullptr, size / px(1) * 0.56f);  // font sizes are CSS px
    const ImVec2 ts = ImGui::CalcTextSize(st.glyph);
    dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), white, st.glyph);
    ImGui::PopFont();
}

MapDrawStats draw_map_layers(ImDrawList* dl, const MapUi& u, const dp::MapLayer& layer, const MapOverlay& ov) {
    MapDrawStats stats;
    const dp::MapCamera& cam = u.cam;
    const ImVec2 o = ov.origin;
    const ImVec2 end(o.x + static_cast<float>(cam.width), o.y + static_cast<float>(cam.height));
    dl->PushClipRect(o, end, true);
    dl->AddRectFilled(o, end, kLand);
    const dp::Bounds view = cam.visible();
    const double m_per_css = cam.m_per_px * px(1);

    for (size_t i : dp::visible_shapes(u.scene.water, view)) {
        auto pts = screen_pts(cam, u.scene.water[i].pts, o, true);
        if (pts.size() < 3) continue;
        dl->AddConcavePolyFilled(pts.data(), static_cast<int>(pts.size()), kWater);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), kWaterEdge, ImDrawFlags_Closed, std::max(1.0f, px(1)));
    }
    for (size_t i : dp::visible_shapes(u.scene.boundaries, view)) {
        auto pts = screen_pts(cam, u.scene.boundaries[i].pts, o, true);
        const bool town = layer.boundaries[i].kind == "town";
        dashed(dl, pts, true, px(town ? 9 : 6), px(town ? 5 : 4), town ? kTownLine : kAreaLine,
               std::max(1.0f, px(town ? 2.0f : 1.2f)));
    }

    // Roads: casings of all visible roads (minor first), then their fills.
    const double wf = dp::road_width_factor(m_per_css);
    std::vector<std::pair<size_t, std::vector<ImVec2>>> roads;
    for (size_t i : u.road_order) {
        const auto& st = dp::road_style(layer.roads[i].road_class);
        if (m_per_css > st.hide_above_m_per_css || !u.scene.roads[i].box.intersects(view)) continue;
        roads.emplace_back(i, screen_pts(cam, u.scene.roads[i].pts, o, false));
    }
    stats.roads = static_cast<int>(roads.size());
    for (auto& [i, pts] : roads) {
        const auto& st = dp::road_style(layer.roads[i].road_class);
        if (st.casing_css > 0) road_line(dl, pts, col(st.casing), std::max(1.0f, px(static_cast<float>((st.fill_css + 2 * st.casing_css) * wf))));
    }
    for (auto& [i, pts] : roads) {
        const auto& st = dp::road_style(layer.roads[i].road_class);
        const float w = std::max(1.0f, px(static_cast<float>(st.fill_css * wf)));
        if (layer.roads[i].road_class == dp::RoadClass::path)
            dashed(dl, pts, false, px(5), px(3), col(st.fill), w);
        else
            road_line(dl, pts, col(st.fill), w);
    }

    // The route: a white-cased blue line from the doorplate to the place.
    std::vector<ImVec2> route_pts;
    if (ov.route && ov.route->polyline.size() >= 2) {
        std::vector<dp::Point2> world;
        for (auto& ll : ov.route->polyline) world.push_back(u.scene.projection.project(ll));
        route_pts = screen_pts(cam, world, o, false);
        const auto& pts = route_pts;
        road_line(dl, pts, IM_COL32_WHITE, px(9));
        road_line(dl, pts, ui::theme::kAccent, px(5.5f));
        dl->AddCircleFilled(pts.front(), px(5), IM_COL32_WHITE);
        dl->AddCircleFilled(pts.front(), px(3.5f), ui::theme::kAccent);
        stats.route_points = static_cast<int>(ov.route->polyline.size());
    }

    // Obstacles for labels: the controls, markers and the "you are here" pill; for the map's own
    // names (roads, areas, rivers) also the route line, which they must not hide.
    std::vector<dp::Rect> obstacles = ov.controls, route_obstacles;
    const double route_half = px(6), route_step = px(10);
    for (size_t k = 1; k < route_pts.size(); ++k) {
        const ImVec2 a = route_pts[k - 1], b = route_pts[k];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        for (double t = 0; t <= len; t += route_step) {
            const double f = len > 0 ? t / len : 0, x = a.x + (b.x - a.x) * f, y = a.y + (b.y - a.y) * f;
            if (x >= o.x && x <= end.x && y >= o.y && y <= end.y)  // only where labels can be
                route_obstacles.push_back({x - route_half, y - route_half, x + route_half, y + route_half});
        }
    }
    const float ms = px(30);
    for (auto& m : ov.markers)
        obstacles.push_back({m.at.x - ms * 0.6, m.at.y - ms * 0.6, m.at.x + ms * 0.6, m.at.y + ms * 0.6});
    const ImVec2 home = ov.doorplate;
    ImGui::PushFont(nullptr, 15);
    const ImVec2 you_sz = ImGui::CalcTextSize(ov.you_are_here.c_str());
    ImGui::PopFont();
    const float pill_pad = px(8), pill_h = you_sz.y + px(8);
    const dp::Rect you_rect{home.x - you_sz.x * 0.5 - pill_pad, home.y - px(18) - pill_h, home.x + you_sz.x * 0.5 + pill_pad,
                            home.y - px(18)};
    obstacles.push_back(you_rect);
    obstacles.push_back({home.x - px(12), home.y - px(12), home.x + px(12), home.y + px(12)});

    // Labels: place names (near the markers, the selected one first), then the map's names: towns
    // (zoomed out), roads, rivers and villages, each road and river name once.
    LabelSet place_names, map_names;
    const dp::Rect vp{o.x, o.y, end.x, end.y - ov.card_h};
    const auto inside = [&](const dp::Rect& r) { return r.x0 >= vp.x0 && r.x1 <= vp.x1 && r.y0 >= vp.y0 && r.y1 <= vp.y1; };
    const auto text_size = [](const std::string& t, float size) {
        ImGui::PushFont(nullptr, size);
        const ImVec2 sz = ImGui::CalcTextSize(t.c_str());
        ImGui::PopFont();
        return sz;
    };
    const bool names_of_places = m_per_css < 3.0;
    for (auto& m : ov.markers) {
        if (!names_of_places && !m.selected) continue;
        const ImVec2 sz = text_size(m.name, 14);
        const double x0 = m.at.x + ms * 0.65, y0 = m.at.y - sz.y * 0.5;
        place_names.add({x0, y0, x0 + sz.x, y0 + sz.y}, m.selected ? 1000 : 200 + dp::place_style(m.type).priority,
                        {m.name, ui::theme::kText, 14});
    }
    // Towns when zoomed out, villages/communities in between (not at street level).
    for (size_t i = 0; i < layer.areas.size() && i < u.scene.areas.size(); ++i) {
        const auto& a = layer.areas[i];
        const bool town = a.kind == "town";
        if (town ? m_per_css < 2.5 : (m_per_css < 0.8 || m_per_css >= 5.0)) continue;
        const float size = town ? 16.0f : 13.0f;
        const ImVec2 sz = text_size(a.name, size);
        const dp::Point2 c = cam.to_screen(u.scene.areas[i]);
        const dp::Rect r{o.x + c.x - sz.x * 0.5, o.y + c.y - sz.y * 0.5, o.x + c.x + sz.x * 0.5, o.y + c.y + sz.y * 0.5};
        if (!inside(r)) continue;
        map_names.add(r, town ? 300 : 90, {a.name, town ? kTownLabel : kAreaLabel, size});
    }
    // Roads and rivers: along the longest visible piece, the copy nearest the middle of the screen.
    std::map<std::string, std::pair<double, size_t>> best_line;  // name → (distance to middle, candidate)
    const auto line_label = [&](const std::string& name, const std::vector<ImVec2>& pts, int prio, ImU32 colour) {
        const ImVec2 sz = text_size(name, 14);
        std::vector<dp::Point2> sp;
        for (auto& p : pts) sp.push_back({p.x, p.y});
        auto a = dp::road_label_anchor(sp, sz.x * 0.9, vp);
        if (!a.ok) return;
        const dp::Rect r{a.at.x - sz.x * 0.5, a.at.y - sz.y * 0.5, a.at.x + sz.x * 0.5, a.at.y + sz.y * 0.5};
        if (!inside(r)) return;
        const double off = std::hypot(a.at.x - (o.x + end.x) * 0.5, a.at.y - (o.y + end.y) * 0.5);
        auto it = best_line.find(name);
        if (it != best_line.end() && off >= it->second.first) return;
        if (it != best_line.end()) {
            map_names.cands[it->second.second] = {r, prio};
            it->second.first = off;
            return;
        }
        best_line[name] = {off, map_names.cands.size()};
        map_names.add(r, prio, {name, colour, 14});
    };
    for (auto& [i, pts] : roads) {
        const auto& r = layer.roads[i];
        const int prio = dp::road_style(r.road_class).label_priority;
        if (!r.name.empty() && prio > 0) line_label(r.name, pts, prio, kLabel);
    }
    for (size_t i : dp::visible_shapes(u.scene.water, view))
        if (!layer.water[i].name.empty()) line_label(layer.water[i].name, screen_pts(cam, u.scene.water[i].pts, o, true), 100, kWaterLabel);
    // Place names first; then the map's names, also clear of the route and of the place names.
    const std::vector<size_t> placed_places = dp::place_labels(place_names.cands, obstacles);
    for (size_t k : placed_places) route_obstacles.push_back(place_names.cands[k].rect);
    route_obstacles.insert(route_obstacles.end(), obstacles.begin(), obstacles.end());
    const std::vector<size_t> placed_names = dp::place_labels(map_names.cands, route_obstacles);
    map_names.draw(dl, placed_names);  // under the markers; place names go above them
    stats.labels = static_cast<int>(placed_places.size() + placed_names.size());

    // The doorplate.
    dl->AddCircleFilled(home, px(20), IM_COL32(196, 30, 58, 40));
    dl->AddCircleFilled(home, px(10), IM_COL32_WHITE);
    dl->AddCircleFilled(home, px(7), ui::theme::kPrimary);

    for (auto& m : ov.markers)
        if (!m.selected) draw_marker(dl, m.at, m.type, ms, false);
    for (auto& m : ov.markers)
        if (m.selected) draw_marker(dl, m.at, m.type, ms * 1.25f, true);

    place_names.draw(dl, placed_places);

    // "你在这里": a dark pill above the doorplate with a pointer.
    const ImVec2 a(static_cast<float>(you_rect.x0), static_cast<float>(you_rect.y0)),
        b(static_cast<float>(you_rect.x1), static_cast<float>(you_rect.y1));
    dl->AddRectFilled(a, b, IM_COL32(28, 33, 41, 235), px(8));
    dl->AddTriangleFilled(ImVec2(home.x - px(6), b.y), ImVec2(home.x + px(6), b.y), ImVec2(home.x, b.y + px(7)),
                          IM_COL32(28, 33, 41, 235));
    ImGui::PushFont(nullptr, 15);
    dl->AddText(ImVec2(home.x - you_sz.x * 0.5f, a.y + px(4)), IM_COL32_WHITE, ov.you_are_here.c_str());
    ImGui::PopFont();

    dl->PopClipRect();
    return stats;
}

}  // namespace resident
