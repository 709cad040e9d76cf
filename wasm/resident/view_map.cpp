// The map page: camera set-up, gestures (drag with inertia, pinch, wheel, +/−, 回到门牌, taps on
// markers with a slop threshold), the legend, the place card with routes and navigation, the
// map-app chooser; plus the landing's map entry and the settings row for the map app.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "directions.hpp"
#include "geo.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "strings_map.hpp"
#include "theme.hpp"
#include "view.hpp"
#include "view_map_draw.hpp"
#include "widgets.hpp"

namespace resident {

using ui::px;

namespace {

constexpr double kStartMPerCss = 1.6;  // ~600 m across a phone
constexpr double kMinMPerCss = 0.15, kMaxMPerCss = 40;

const dp::MapLayer& empty_layer() {
    static const dp::MapLayer l;
    return l;
}

// The layer to draw: the town's, or (when it failed) just the nearby places.
const dp::MapLayer& layer_of(const Model& m, dp::MapLayer& fallback) {
    if (m.map.layer) return *m.map.layer;
    fallback.places = m.nearby;
    return fallback;
}

void ensure_scene(MapUi& u, const Model& m, const dp::MapLayer& layer) {
    const void* source = m.map.layer ? static_cast<const void*>(m.map.layer.get()) : &empty_layer();
    if (u.scene_source == source && u.scene_doorplate == m.landing.doorplate.code && u.scene.places.size() == layer.places.size())
        return;
    u.scene_source = source;
    u.scene_doorplate = m.landing.doorplate.code;
    u.scene = dp::build_scene(layer, m.landing.doorplate.location);
    u.road_order = dp::road_draw_order(layer);
    u.cam.projection = u.scene.projection;
}

std::string distance_text(const Model& m, const dp::Place& p) {
    const double d = p.distance_m >= 0 ? p.distance_m : dp::haversine_m(m.landing.doorplate.location, p.location);
    return dp::format_distance_zh(d);
}

bool in_rect(ImVec2 p, ImVec2 a, ImVec2 b) { return p.x >= a.x && p.x < b.x && p.y >= a.y && p.y < b.y; }

// A round white button with a drawn symbol ('+', '-') or a text pill; registers its hitbox.
bool map_button(const char* id, ImVec2 at, ImVec2 size, const char* symbol, const std::string& text) {
    ImGui::SetCursorScreenPos(at);
    const bool tapped = ImGui::InvisibleButton(id, size);
    const bool held = ImGui::IsItemActive();
    ui::register_hit(id, at.x, at.y, at.x + size.x, at.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(at.x + size.x, at.y + size.y);
    dl->AddRectFilled(ImVec2(at.x, at.y + px(2)), ImVec2(end.x, end.y + px(2)), IM_COL32(0, 0, 0, 30), px(12));
    dl->AddRectFilled(at, end, held ? IM_COL32(236, 240, 246, 255) : IM_COL32_WHITE, px(12));
    dl->AddRect(at, end, ui::theme::border(), px(12), 0, std::max(1.0f, px(1)));
    const ImVec2 c(at.x + size.x * 0.5f, at.y + size.y * 0.5f);
    const float s = px(8), w = std::max(1.0f, px(2.5f));
    if (symbol && symbol[0] == '+') {
        dl->AddLine(ImVec2(c.x - s, c.y), ImVec2(c.x + s, c.y), ui::theme::kText, w);
        dl->AddLine(ImVec2(c.x, c.y - s), ImVec2(c.x, c.y + s), ui::theme::kText, w);
    } else if (symbol && symbol[0] == '-') {
        dl->AddLine(ImVec2(c.x - s, c.y), ImVec2(c.x + s, c.y), ui::theme::kText, w);
    } else {
        ImGui::PushFont(nullptr, 16);
        const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        const float dot = px(5);
        const float x = c.x - (ts.x + dot * 2 + px(8)) * 0.5f;
        dl->AddCircleFilled(ImVec2(x + dot, c.y), dot, ui::theme::kPrimary);
        dl->AddText(ImVec2(x + dot * 2 + px(8), c.y - ts.y * 0.5f), ui::theme::kText, text.c_str());
        ImGui::PopFont();
    }
    return tapped;
}

// The legend: a marker per type with its name, flowing in rows; returns its bottom.
float draw_legend(ImDrawList* dl, ImVec2 at, float max_w) {
    using T = dp::PlaceType;
    const T types[] = {T::service_centre, T::village_station, T::police, T::market_supervision, T::kiosk};
    ImGui::PushFont(nullptr, 14);
    const float ms = px(20), gap = px(10), pad = px(8), row_h = std::max(ms, ImGui::GetTextLineHeight()) + px(4);
    struct Pos { ImVec2 at; T type; };
    std::vector<Pos> pos;
    float x = at.x + pad, y = at.y + pad, right = x;
    for (T t : types) {
        const float w = ms + px(4) + ImGui::CalcTextSize(dp::place_style(t).legend).x;
        if (x > at.x + pad && x + w > at.x + max_w - pad) {
            x = at.x + pad;
            y += row_h;
        }
        pos.push_back({ImVec2(x, y), t});
        x += w + gap;
        right = std::max(right, x - gap);
    }
    const ImVec2 end(right + pad, y + row_h + pad);
    dl->AddRectFilled(at, end, IM_COL32(255, 255, 255, 235), px(10));
    dl->AddRect(at, end, ui::theme::border(), px(10), 0, std::max(1.0f, px(1)));
    for (auto& p : pos) {
        draw_marker(dl, ImVec2(p.at.x + ms * 0.5f, p.at.y + row_h * 0.5f), p.type, ms, false);
        dl->AddText(ImVec2(p.at.x + ms + px(4), p.at.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f), ui::theme::kText,
                    dp::place_style(p.type).legend);
    }
    ImGui::PopFont();
    return end.y;
}

// Item names for a place's card, from the search index the app already loads.
std::string items_text(const Model& m, const dp::Place& p, dp::Locale loc) {
    if (p.items.empty()) return "";
    std::string out;
    int shown = 0;
    for (auto& id : p.items) {
        const dp::SearchEntry* e = m.search ? m.search->find(id) : nullptr;
        if (!e) continue;
        if (shown == 3) break;
        out += (shown ? "、" : "") + (e->plain_name.empty() ? e->name : e->plain_name);
        ++shown;
    }
    if (shown == 0) return "";
    const int rest = static_cast<int>(p.items.size()) - shown;
    return tr(MapStr::can_do, loc) + out + (rest > 0 ? " " + tr_n(MapStr::more_items, loc, rest) : "");
}

void draw_route_section(Page& p, const std::string& id) {
    const auto& m = p.m;
    auto it = m.map.routes.find(route_key(id, m.route.route_mode));
    const float inner = p.inner;
    if (it == m.map.routes.end() || it->second.state == Load::loading || it->second.state == Load::idle) {
        ui::text_block(tr(MapStr::planning, p.loc), 16, ui::theme::muted(), inner);
        return;
    }
    const auto& r = it->second.route;
    if (it->second.state == Load::failed || !r.found) {
        ui::text_block(tr(MapStr::no_route, p.loc), 16, ui::theme::kText, inner);
        return;
    }
    ui::text_block(r.summary, 19, ui::theme::kAccent, inner);
    ImGui::Dummy(ImVec2(0, px(2)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const auto& s = r.steps[i];
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float badge = px(24);
        dl->AddCircleFilled(ImVec2(at.x + badge * 0.5f, at.y + badge * 0.5f + px(1)), badge * 0.5f, ui::theme::kAccent);
        ImGui::PushFont(nullptr, 14);
        const std::string n = std::to_string(i + 1);
        const ImVec2 ns = ImGui::CalcTextSize(n.c_str());
        dl->AddText(ImVec2(at.x + (badge - ns.x) * 0.5f, at.y + (badge - ns.y) * 0.5f + px(1)), IM_COL32_WHITE, n.c_str());
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(at.x + badge + px(10), at.y));
        ImGui::BeginGroup();
        ui::text_block(s.instruction, 16, ui::theme::kText, inner - badge - px(10));
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetItemRectMax().y + px(6)));
    }
}

void draw_app_chooser(Page& p, MapUi& u, const std::string& id) {
    ui::text_block(tr(MapStr::choose_app, p.loc), 18, ui::theme::kText, p.inner);
    ImGui::Dummy(ImVec2(0, px(2)));
    for (const char* app : {"amap", "baidu", "tencent"}) {
        if (ui::option_card((std::string("nav-") + app).c_str(), nav_app_label(app, p.loc), false, false, p.inner)) {
            p.out.push_back(SetNavApp{app});
            p.out.push_back(StartNavigation{id});
            u.choosing_app = false;
        }
        ImGui::Dummy(ImVec2(0, px(2)));
    }
    ui::text_block(tr(MapStr::choose_app_hint, p.loc), 15, ui::theme::muted(), p.inner);
    if (ui::link("nav-cancel", tr(MapStr::cancel, p.loc))) u.choosing_app = false;
}

// The card's content inside its child window; returns the content height.
float draw_card_content(Page& p, MapUi& u, const dp::Place& place) {
    const auto& m = p.m;
    const float pad = px(16);
    ImGui::SetCursorPos(ImVec2(pad, pad));
    ImGui::BeginGroup();
    const float close = px(44);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_marker(ImGui::GetWindowDrawList(), ImVec2(top.x + px(14), top.y + px(14)), place.type, px(28), false);
    ImGui::SetCursorScreenPos(ImVec2(top.x + px(38), top.y));
    ImGui::BeginGroup();
    ui::text_block(place.name, 20, ui::theme::kText, p.inner - px(38) - close);
    std::string sub = place.type_name;
    if (!m.landing.doorplate.code.empty()) sub += (sub.empty() ? "" : " · ") + tr(MapStr::distance, p.loc) + distance_text(m, place);
    ui::text_block(sub, 15, ui::theme::muted(), p.inner - px(38) - close);
    ImGui::EndGroup();
    const float header_bottom = ImGui::GetItemRectMax().y;
    // Close: a 44 px target at the top right.
    const ImVec2 cp(top.x + p.inner - close + px(8), top.y - px(8));
    ImGui::SetCursorScreenPos(cp);
    if (ImGui::InvisibleButton("card-close", ImVec2(close, close))) p.out.push_back(CloseCard{});
    ui::register_hit("card-close", cp.x, cp.y, cp.x + close, cp.y + close);
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 c(cp.x + close * 0.5f, cp.y + close * 0.5f);
        const float s = px(7), w = std::max(1.0f, px(2.2f));
        dl->AddCircleFilled(c, px(15), IM_COL32(238, 240, 244, 255));
        dl->AddLine(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), ui::theme::muted(), w);
        dl->AddLine(ImVec2(c.x - s, c.y + s), ImVec2(c.x + s, c.y - s), ui::theme::muted(), w);
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(header_bottom, cp.y + close) + px(4)));

    if (!place.status.empty())
        ui::text_block(place.status, 17, place.open_now ? ui::theme::kSuccess : ui::theme::kPrimary, p.inner);
    if (!place.hours_today.empty()) ui::text_block(place.hours_today, 16, ui::theme::kText, p.inner);
    ImGui::Dummy(ImVec2(0, px(2)));

    // Actions first, so they are on screen without scrolling: 步行路线 · 驾车路线 · 导航.
    if (u.choosing_app) {
        draw_app_chooser(p, u, place.id);
    } else {
        const float third = (p.inner - px(16)) / 3;
        auto mode_route = [&](const char* mode) {
            dp::ResidentRoute r = map_route(m, place.id);
            r.route_mode = mode;
            return Navigate{r, true, true};
        };
        if (ui::secondary_button(tr(MapStr::walk, p.loc).c_str(), third)) p.out.push_back(mode_route("walk"));
        ImGui::SameLine(0, px(8));
        if (ui::secondary_button(tr(MapStr::drive, p.loc).c_str(), third)) p.out.push_back(mode_route("drive"));
        ImGui::SameLine(0, px(8));
        if (ui::primary_button(tr(MapStr::navigate, p.loc).c_str(), third)) {
            if (m.settings.nav_app.empty())
                u.choosing_app = true;
            else
                p.out.push_back(StartNavigation{place.id});
        }
        if (!m.route.route_mode.empty()) {
            ImGui::Dummy(ImVec2(0, px(4)));
            draw_route_section(p, place.id);
        }
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    if (!place.address.empty()) ui::text_block(place.address, 15, ui::theme::muted(), p.inner);
    if (!place.phone.empty() && ui::link("card-phone", tr(MapStr::phone, p.loc) + place.phone, 16)) {
        std::string digits;
        for (char c : place.phone)
            if ((c >= '0' && c <= '9') || c == '+' || c == '-') digits += c;
        p.out.push_back(OpenExternal{"tel:" + digits});
    }
    if (auto items = items_text(m, place, p.loc); !items.empty()) ui::text_block(items, 16, ui::theme::kText, p.inner);
    for (auto& line : place.hours_week) ui::text_block(line, 15, ui::theme::muted(), p.inner);
    ImGui::EndGroup();
    return ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY() + pad;
}

// Gestures on the map area (not on the card or the buttons): drag with inertia, pinch, wheel, tap.
void handle_input(Page& p, MapUi& u, ImVec2 o, float card_top, const std::vector<MarkerOnScreen>& markers) {
    ImGuiIO& io = ImGui::GetIO();
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60;
    const ImVec2 mouse = io.MousePos;
    const ImVec2 map_end(o.x + static_cast<float>(u.cam.width), card_top);
    const bool over_map = in_rect(mouse, o, map_end) && ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered();
    const dp::Point2 local{mouse.x - o.x, mouse.y - o.y};

    if (ImGui::IsMouseClicked(0) && over_map) {
        u.pressing = true;
        u.dragging = false;
        u.pinched = false;
        u.press_at = u.last = local;
        u.inertia.stop();
    }
    const ui::Pinch& pinch = ui::pinch();
    if (pinch.active) {
        const dp::Point2 c{pinch.cx - o.x, pinch.cy - o.y};
        if (pinch.gesture != u.pinch_gesture) {
            u.pinch_gesture = pinch.gesture;
            u.pinch_on_map = in_rect(ImVec2(pinch.cx, pinch.cy), o, map_end);
            u.pinched = true;
        } else if (u.pinch_on_map && u.pinch_distance > 0) {
            u.cam.pan(c.x - u.pinch_centre.x, c.y - u.pinch_centre.y);
            u.cam.zoom_about(pinch.distance / u.pinch_distance, c);
        }
        u.pinch_distance = pinch.distance;
        u.pinch_centre = c;
        u.inertia.stop();
    } else if (u.pressing && ImGui::IsMouseDown(0) && !u.pinched) {
        if (!u.dragging && dp::distance(local, u.press_at) > px(10)) u.dragging = true;  // slop: never a tap now
        if (u.dragging) {
            const double dx = local.x - u.last.x, dy = local.y - u.last.y;
            u.cam.pan(dx, dy);
            u.inertia.track(dx, dy, dt);
        }
        u.last = local;
    }
    if (u.pressing && !ImGui::IsMouseDown(0)) {
        u.pressing = false;
        if (u.pinched) u.inertia.stop();
        if (!u.dragging && !u.pinched && !pinch.during_touch) {  // a tap
            std::vector<dp::Point2> pts;
            for (auto& m : markers) pts.push_back({m.at.x - o.x, m.at.y - o.y});
            const int hit = dp::hit_marker(pts, local, px(24));
            if (hit >= 0)
                p.out.push_back(Navigate{map_route(p.m, markers[static_cast<size_t>(hit)].id), true, !p.m.route.place_id.empty()});
            else if (!p.m.route.place_id.empty())
                p.out.push_back(CloseCard{});
        }
    }
    if (io.MouseWheel != 0 && in_rect(mouse, o, map_end) && ImGui::IsWindowHovered())
        u.cam.zoom_about(std::pow(1.25, io.MouseWheel), local);
    if (!u.pressing) {
        double dx = 0, dy = 0;
        if (u.inertia.step(dt, dx, dy, px(30))) {
            u.cam.pan(dx, dy);
            p.vs.animating = true;
        }
    }
}

void publish(MapUi& u, const MapDrawStats& st, const std::vector<MarkerOnScreen>& markers, const std::string& selected,
             float card_h) {
    const dp::LatLng c = u.cam.projection.unproject(u.cam.centre);
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "{\"ready\":true,\"lat\":%.7f,\"lng\":%.7f,\"m_per_css_px\":%.5f,\"roads\":%d,\"labels\":%d,"
                  "\"markers\":%d,\"route_points\":%d,\"card_css_h\":%.1f,\"selected\":\"",
                  c.lat, c.lng, u.cam.m_per_px * px(1), st.roads, st.labels, static_cast<int>(markers.size()),
                  st.route_points, ui::to_css(card_h));
    const std::string json = buf + selected + "\"}";
    if (json != u.published) {
        u.published = json;
        platform::publish_test_state("dpMap", json);
    }
}

}  // namespace

void draw_map(Page& p) {
    const Model& m = p.m;
    MapUi& u = p.vs.map;
    const std::string title =
        tr(MapStr::title, p.loc) + (m.map.layer && !m.map.layer->town_name.empty() ? " · " + m.map.layer->town_name : "");
    if (ui::top_bar(tr(Str::back, p.loc).c_str(), title, p.width)) p.out.push_back(Back{});
    if (m.landing_state == Load::failed) return draw_message(p, m.error_title, m.error_detail, true);
    if (m.landing_state != Load::ready || m.map.layer_state == Load::loading || m.map.layer_state == Load::idle)
        return draw_message(p, tr(MapStr::loading, p.loc), "", false);

    static dp::MapLayer fallback;
    const dp::MapLayer& layer = layer_of(m, fallback);
    ensure_scene(u, m, layer);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float W = p.width, H = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - o.y;
    u.cam.width = W;
    u.cam.height = H;
    u.cam.min_m_per_px = kMinMPerCss / px(1);
    u.cam.max_m_per_px = kMaxMPerCss / px(1);
    if (!u.cam_ready) {
        u.cam.centre = {0, 0};  // the doorplate is the projection's origin
        u.cam.m_per_px = kStartMPerCss / px(1);
        u.cam_ready = true;
    }

    const dp::Place* open = m.route.place_id.empty() ? nullptr : find_place(m, m.route.place_id);
    const float hint_h = px(56);
    const float card_max = H * (m.route.route_mode.empty() ? 0.55f : 0.5f);
    const float card_h = open ? std::min(u.card_h > 0 ? u.card_h : card_max, card_max) : hint_h;
    const float card_top = o.y + H - card_h;
    if (!open) u.choosing_app = false;

    // Bring the card's place into view once, and fit a route once it arrives.
    if (open && u.focused_place != open->id) {
        u.focused_place = open->id;
        const dp::Point2 s = u.cam.screen_of(open->location);
        if (s.x < px(40) || s.x > W - px(40) || s.y < px(90) || s.y > H - card_max - px(40)) {
            const dp::Point2 w = u.cam.projection.project(open->location);
            u.cam.centre = {w.x, w.y - (H * 0.5 - (H - card_max) * 0.5) * u.cam.m_per_px};
        }
    }
    if (!open) u.focused_place.clear();
    const dp::RouteResult* route = nullptr;
    if (open && !m.route.route_mode.empty()) {
        const std::string key = route_key(open->id, m.route.route_mode);
        if (auto it = m.map.routes.find(key); it != m.map.routes.end() && it->second.state == Load::ready && it->second.route.found) {
            route = &it->second.route;
            if (u.fitted_route != key) {
                u.fitted_route = key;
                dp::Bounds b;
                for (auto& ll : route->polyline) b.add(u.cam.projection.project(ll));
                b.add(u.cam.projection.project(open->location));
                b.add(dp::Point2{0, 0});
                // Clear of the legend and the 你在这里 pill above the doorplate (top), the zoom
                // buttons (right), and the 回到门牌 pill above the card (bottom).
                u.cam.fit(b, px(40), px(135), px(76), card_max + px(76));
            }
        }
    }
    if (!route) u.fitted_route.clear();

    // Markers on screen (this frame's camera is final after input; markers are recomputed below).
    auto markers_now = [&] {
        std::vector<MarkerOnScreen> out;
        for (size_t i = 0; i < layer.places.size(); ++i) {
            const dp::Point2 s = u.cam.to_screen(u.scene.places[i]);
            if (s.x < -px(30) || s.x > W + px(30) || s.y < -px(30) || s.y > H + px(30)) continue;
            const auto& pl = layer.places[i];
            out.push_back({pl.id, pl.name, pl.type, ImVec2(static_cast<float>(s.x) + o.x, static_cast<float>(s.y) + o.y),
                           open && open->id == pl.id});
        }
        return out;
    };

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    // Controls over the map: legend, zoom buttons, back to the doorplate.
    const float legend_bottom = draw_legend(dl, ImVec2(o.x + px(10), o.y + px(10)), W - px(20));
    const ImVec2 bsz(px(48), px(48));
    const float bx = o.x + W - px(12) - bsz.x;
    const float by = std::max(legend_bottom + px(12), o.y + (card_top - o.y) * 0.5f - bsz.y - px(4));
    const dp::Point2 mid{W * 0.5, (card_top - o.y) * 0.5};
    if (map_button("map-zoom-in", ImVec2(bx, by), bsz, "+", "")) u.cam.zoom_about(1.6, mid);
    if (map_button("map-zoom-out", ImVec2(bx, by + bsz.y + px(8)), bsz, "-", "")) u.cam.zoom_about(1 / 1.6, mid);
    const std::string home = tr(MapStr::back_home, p.loc);
    ImGui::PushFont(nullptr, 16);
    const float hw = ImGui::CalcTextSize(home.c_str()).x + px(44);
    ImGui::PopFont();
    // Where the controls are: markers under them get no hitbox (a tap there hits the control).
    const ImVec2 home_at(o.x + px(12), card_top - px(12) - px(48));
    const ImVec4 controls[] = {{o.x, o.y, o.x + W, legend_bottom},
                               {bx, by, bx + bsz.x, by + 2 * bsz.y + px(8)},
                               {home_at.x, home_at.y, home_at.x + hw, home_at.y + px(48)}};
    if (map_button("map-home", home_at, ImVec2(hw, px(48)), nullptr, home)) {
        u.cam.centre = {0, 0};
        u.cam.m_per_px = kStartMPerCss / px(1);
        u.inertia.stop();
    }

    dl->ChannelsSetCurrent(0);
    handle_input(p, u, o, card_top, markers_now());
    const auto markers = markers_now();
    MapOverlay ov;
    ov.origin = o;
    ov.card_h = card_h;
    ov.markers = markers;
    const dp::Point2 hs = u.cam.to_screen({0, 0});
    ov.doorplate = ImVec2(static_cast<float>(hs.x) + o.x, static_cast<float>(hs.y) + o.y);
    ov.you_are_here = tr(MapStr::you_are_here, p.loc);
    ov.route = route;
    for (auto& c : controls) ov.controls.push_back({c.x, c.y, c.z, c.w});
    const MapDrawStats stats = draw_map_layers(dl, u, layer, ov);
    dl->ChannelsMerge();

    // Marker hitboxes (tests tap through them): only where a tap reaches the map.
    for (auto& mk : markers) {
        const float r = px(22);
        bool reachable = mk.at.y > o.y + r && mk.at.y < card_top - r && mk.at.x > o.x + r && mk.at.x < o.x + W - r;
        for (auto& c : controls)
            reachable = reachable && !(mk.at.x > c.x - r && mk.at.x < c.z + r && mk.at.y > c.y - r && mk.at.y < c.w + r);
        if (reachable) ui::register_hit("marker:" + mk.id, mk.at.x - r, mk.at.y - r, mk.at.x + r, mk.at.y + r);
    }

    // The bottom card (or a hint when no place is open).
    ImGui::SetCursorScreenPos(ImVec2(o.x, card_top));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(16));
    ImGui::BeginChild("map-card", ImVec2(W, card_h + px(16)), ImGuiChildFlags_Borders, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    if (open) {
        const std::string card_key = open->id + "/" + m.route.route_mode + (u.choosing_app ? "/choose" : "");
        if (card_key != u.card_for) {
            u.card_for = card_key;
            u.card_scroll = {};
            ImGui::SetScrollY(0);
        }
        if (ui::touch_scroll(u.card_scroll)) p.vs.animating = true;
        const float content = draw_card_content(p, u, *open);
        const float want = std::min(content + px(16), card_max);
        if (std::fabs(want - u.card_h) > 0.5f) {
            u.card_h = want;
            p.vs.animating = true;  // lay out again at the new height
        }
        ImGui::Dummy(ImVec2(0, px(16)));
    } else {
        ImGui::SetCursorPos(ImVec2(px(16), (hint_h - px(22)) * 0.5f));
        const std::string hint = tr(MapStr::tap_hint, p.loc) + " · " + tr_n(MapStr::places_n, p.loc, static_cast<int>(layer.places.size()));
        ui::text_block(m.map.layer_state == Load::failed ? tr(MapStr::failed, p.loc) : hint, 15, ui::theme::muted(), W - px(32));
    }
    ImGui::EndChild();
    publish(u, stats, markers, open ? open->id : "", card_h);
}

void draw_map_entry(Page& p) {
    ImGui::Dummy(ImVec2(0, px(4)));
    if (ui::item_card("map-entry", tr(MapStr::entry, p.loc), tr(MapStr::entry_detail, p.loc), p.inner))
        p.out.push_back(Navigate{map_route(p.m, "")});
    if (p.m.nearby.empty()) return;
    ImGui::Dummy(ImVec2(0, px(4)));
    ui::text_block(tr(MapStr::nearest, p.loc), 17, ui::theme::kText, p.inner);
    const size_t n = std::min<size_t>(p.m.settings.elder ? 2 : 3, p.m.nearby.size());
    for (size_t i = 0; i < n; ++i) {
        const auto& pl = p.m.nearby[i];
        std::string sub = pl.type_name + " · " + distance_text(p.m, pl);
        if (!pl.status.empty()) sub += " · " + pl.status;
        if (ui::item_card(("near:" + pl.id).c_str(), pl.name, sub, p.inner)) p.out.push_back(Navigate{map_route(p.m, pl.id)});
        ImGui::Dummy(ImVec2(0, px(2)));
    }
}

void draw_nav_app_setting(Page& p) {
    ImGui::Dummy(ImVec2(0, px(8)));
    ui::text_block(tr(MapStr::nav_app_setting, p.loc), 20, ui::theme::kText, p.inner);
    const std::string& app = p.m.settings.nav_app;
    ui::text_block(app.empty() ? tr(MapStr::nav_app_none, p.loc) : nav_app_label(app, p.loc), 16,
                   app.empty() ? ui::theme::muted() : ui::theme::kText, p.inner);
    if (!app.empty() && ui::secondary_button(tr(MapStr::nav_app_reset, p.loc).c_str(), p.inner))
        p.out.push_back(SetNavApp{""});
}

}  // namespace resident
