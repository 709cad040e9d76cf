// Resident app entry: routes from the URL, loads what the page needs (doorplate, search index,
// guides), runs the model–view loop, and performs effects: history, storage, links, speech.
// Reports loading/ready/error on <html data-app-state>.
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>

#include "guide_walk.hpp"
#include "model.hpp"
#include "nav_links.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "strings_map.hpp"
#include "ui_runtime.hpp"
#include "usage.hpp"
#include "view.hpp"

namespace {

using namespace resident;

Model g_model;
ViewState g_view;
bool g_first_view_shown = false;  // the search index waits until the first view is on screen

void dispatch(const Action& a);

std::string error_message(const std::string& body, const std::string& fallback) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.contains("error") && j["error"].is_object()) return j["error"].value("message", fallback);
    return fallback;
}

// ---- loading ----

void load_landing() {
    if (g_model.landing_state != Load::idle) return;
    g_model.landing_state = Load::loading;
    platform::set_loading_progress(0.9f, "正在读取门牌信息…");
    std::string url = "/api/v1/doorplates/" + dp::url_encode(g_model.route.doorplate);
    if (!g_model.route.channel.empty()) url += "?src=" + dp::url_encode(g_model.route.channel);
    platform::fetch_text(url, [](int status, const std::string& body) {
        if (status == 0) return dispatch(LandingFailed{"网络好像断了", "请检查网络后点“重新加载”。"});
        if (status != 200)
            return dispatch(LandingFailed{status == 404 ? "没有找到这个门牌" : "暂时打不开",
                                          error_message(body, "门牌码：" + g_model.route.doorplate)});
        try {
            auto j = nlohmann::json::parse(body);
            dispatch(LandingLoaded{dp::parse_landing(j)});
            if (j.contains("nearest_places")) dispatch(NearbyLoaded{dp::parse_places(j["nearest_places"])});
        } catch (const std::exception&) {
            dispatch(LandingFailed{"数据有误", "服务器返回的门牌信息不完整，请稍后再试。"});
        }
    });
}

void load_search_index() {
    if (g_model.search_state != Load::idle) return;
    g_model.search_state = Load::loading;
    platform::fetch_text("/api/v1/search-index", [](int status, const std::string& body) {
        if (status != 200) return dispatch(SearchIndexFailed{});
        try {
            auto j = nlohmann::json::parse(body);
            auto entries = j.at("entries").get<std::vector<dp::SearchEntry>>();
            dispatch(SearchIndexLoaded{std::make_shared<const dp::SearchIndex>(std::move(entries))});
        } catch (const std::exception&) {
            dispatch(SearchIndexFailed{});
        }
    });
}

void load_guide(const std::string& id) {
    auto& g = g_model.guides[id];
    if (g.state != Load::idle) return;
    g.state = Load::loading;
    // Ticks gathered earlier on this phone.
    const std::string saved = platform::storage_get("ticks/" + id);
    auto& ticks = g_model.ticks[id];
    for (size_t i = 0; i < saved.size();) {
        size_t comma = saved.find(',', i);
        if (comma == std::string::npos) comma = saved.size();
        if (comma > i) ticks.insert(saved.substr(i, comma - i));
        i = comma + 1;
    }
    platform::fetch_text("/api/v1/guides/" + dp::url_encode(id), [id](int status, const std::string& body) {
        if (status == 0) return dispatch(GuideFailed{id, "网络好像断了，请检查网络后重试。"});
        if (status != 200) return dispatch(GuideFailed{id, error_message(body, "这份指南暂时打不开。")});
        auto load = dp::parse_catalogue_json(nlohmann::json::parse(body, nullptr, false));
        if (!load.ok()) return dispatch(GuideFailed{id, "指南数据有误，请稍后再试。"});
        dispatch(GuideLoaded{id, std::make_shared<const dp::Catalogue>(std::move(load.catalogue))});
    });
}

// The map page: the town's layer, the open place's details and the route asked for.
void load_map() {
    if (g_model.route.page != dp::ResidentPage::map || g_model.landing_state != Load::ready) return;
    auto& md = g_model.map;
    if (md.layer_state == Load::idle) {
        md.layer_state = Load::loading;
        const std::string town = g_model.landing.doorplate.town_id;
        platform::fetch_text("/api/v1/map?town=" + dp::url_encode(town), [](int status, const std::string& body) {
            if (status != 200) return dispatch(MapLayerFailed{});
            try {
                dispatch(MapLayerLoaded{std::make_shared<const dp::MapLayer>(dp::parse_map_layer(nlohmann::json::parse(body)))});
            } catch (const std::exception&) {
                dispatch(MapLayerFailed{});
            }
        });
    }
    const std::string id = g_model.route.place_id;
    if (!id.empty() && md.details_requested.insert(id).second) {
        platform::fetch_text("/api/v1/places/" + dp::url_encode(id), [](int status, const std::string& body) {
            if (status != 200) return;  // the card shows what the layer already has
            try {
                dispatch(PlaceLoaded{dp::parse_place(nlohmann::json::parse(body))});
            } catch (const std::exception&) {
            }
        });
    }
    const std::string mode = g_model.route.route_mode;
    if (!id.empty() && !mode.empty()) {
        const std::string key = route_key(id, mode);
        auto& r = md.routes[key];
        if (r.state != Load::idle) return;
        r.state = Load::loading;
        const dp::LatLng from = g_model.landing.doorplate.location;
        char ll[64];
        std::snprintf(ll, sizeof ll, "%.6f,%.6f", from.lat, from.lng);
        platform::fetch_text("/api/v1/route?from=" + std::string(ll) + "&to=" + dp::url_encode(id) + "&mode=" + mode,
                             [key](int status, const std::string& body) {
                                 if (status != 200) return dispatch(RouteFailed{key});
                                 try {
                                     dispatch(RouteLoaded{key, dp::parse_route(nlohmann::json::parse(body))});
                                 } catch (const std::exception&) {
                                     dispatch(RouteFailed{key});
                                 }
                             });
    }
}

// Opens the chosen map app with navigation from the doorplate to the place.
void start_navigation(const std::string& place_id) {
    const dp::Place* p = find_place(g_model, place_id);
    if (!p || g_model.settings.nav_app.empty()) return;
    const auto& plate = g_model.landing.doorplate;
    dp::NavOptions o;
    o.origin = dp::NavPlace{plate.address.road + plate.address.number, plate.location, plate.address.full()};
    const dp::NavPlace to{p->name, p->location, p->address};
    const dp::NavMode mode = g_model.route.route_mode == "drive" ? dp::NavMode::drive : dp::NavMode::walk;
    const std::string& app = g_model.settings.nav_app;
    const dp::MapLinks l = app == "baidu"     ? dp::baidu_links(to, mode, o)
                           : app == "tencent" ? dp::tencent_links(to, mode, o)
                                              : dp::amap_links(to, mode, o);
    platform::open_app_or_web(l.app, l.app_ios, l.navigation);
}

// Loads whatever the current page needs and is not loaded yet.
void ensure_data() {
    load_landing();
    const auto page = g_model.route.page;
    if (page == dp::ResidentPage::search || (g_model.landing_state == Load::ready && g_first_view_shown))
        load_search_index();
    if (!g_model.route.guide_id.empty()) load_guide(g_model.route.guide_id);
    load_map();
}

bool page_data_ready() {
    if (g_model.landing_state == Load::failed) return true;  // the error is the complete view
    if (g_model.landing_state != Load::ready) return false;
    if (g_model.route.page == dp::ResidentPage::map)
        return g_model.map.layer_state == Load::ready || g_model.map.layer_state == Load::failed;
    if (!g_model.route.guide_id.empty()) {
        auto it = g_model.guides.find(g_model.route.guide_id);
        return it != g_model.guides.end() && (it->second.state == Load::ready || it->second.state == Load::failed);
    }
    return true;
}

// ---- settings ----

void load_settings() {
    auto loc = dp::locale_from_tag(platform::storage_get("locale"));
    if (loc) g_model.settings.locale = *loc;
    g_model.settings.elder = platform::storage_get("elder") == "1";
    g_model.settings.nav_app = platform::storage_get("nav_app");
    ui::set_elder_mode(g_model.settings.elder);
}

// ---- dispatch: update, then effects ----

void dispatch(const Action& a) {
    // The help pages are another app (resident_help), loaded only when one is opened; this
    // page stays as it is, so the browser's back button returns to it unchanged.
    if (auto* nav = std::get_if<Navigate>(&a); nav && nav->push && dp::is_help_page(nav->route.page))
        return platform::load_page(dp::resident_url(nav->route));
    const std::string url_before = dp::resident_url(g_model.route);
    const auto page_before = g_model.route.page;
    const UsageBefore usage_before{page_before, g_model.route.guide_id};
    g_model = update(std::move(g_model), a);
    track_usage(usage_before, g_model, a);  // statistics (usage.cpp)
    const std::string url_after = dp::resident_url(g_model.route);

    if (auto* nav = std::get_if<Navigate>(&a); nav && nav->push && url_after != url_before) {
        if (nav->replace)
            platform::replace_url(url_after);
        else
            platform::push_url(url_after);
    } else if (std::holds_alternative<SearchTyped>(a) && url_after != url_before) {
        if (page_before == dp::ResidentPage::search)
            platform::replace_url(url_after);
        else
            platform::push_url(url_after);
    } else if (std::holds_alternative<Answer>(a) && url_after != url_before) {
        platform::push_url(url_after);
    }
    if (std::holds_alternative<Back>(a)) platform::history_back();
    if (auto* x = std::get_if<OpenExternal>(&a)) platform::open_url(x->url);
    if (auto* x = std::get_if<Share>(&a)) {
        platform::share(x->title, x->url, [](platform::ShareResult r) {
            if (r == platform::ShareResult::shared) return;
            g_view.notice = tr(r == platform::ShareResult::copied ? Str::link_copied : Str::share_failed,
                               g_model.settings.locale);
            g_view.notice_until = ImGui::GetTime() + 4.0;
        });
    }
    if (auto* x = std::get_if<ReadAloud>(&a)) platform::speak(x->text, dp::locale_tag(g_model.settings.locale));
    if (auto* x = std::get_if<ToggleTick>(&a)) {
        std::string saved;
        for (auto& id : g_model.ticks[x->guide]) saved += (saved.empty() ? "" : ",") + id;
        platform::storage_set("ticks/" + x->guide, saved);
    }
    if (std::holds_alternative<CloseCard>(a)) {
        if (g_model.card_pushed) platform::history_back();  // the browser's back lands on the map
        else dispatch(Navigate{map_route(g_model, ""), true, true});
    }
    if (auto* x = std::get_if<SetNavApp>(&a)) platform::storage_set("nav_app", x->app);
    if (auto* x = std::get_if<StartNavigation>(&a)) start_navigation(x->place_id);
    if (auto* x = std::get_if<SetLocale>(&a)) platform::storage_set("locale", dp::locale_tag(x->locale));
    if (auto* x = std::get_if<SetElder>(&a)) {
        platform::storage_set("elder", x->on ? "1" : "0");
        ui::set_elder_mode(x->on);
    }
    if (auto* x = std::get_if<LandingFailed>(&a)) {
        platform::set_app_state("error", x->title + "：" + x->detail);
        platform::hide_loading_overlay();
    }
    if (url_after != url_before || std::holds_alternative<Retry>(a) || std::holds_alternative<LandingLoaded>(a) ||
        std::holds_alternative<MapLayerLoaded>(a))
        ensure_data();
    platform::request_frame();
}

// What the browser tab (and a screen reader) calls the current page.
std::string page_title() {
    const std::string app = tr(Str::app_title, g_model.settings.locale);
    const auto& r = g_model.route;
    if (!r.guide_id.empty())
        if (const dp::Catalogue* c = guide_catalogue(g_model, r.guide_id)) {
            auto w = dp::walk_guide(*c, r.guide_id, r.answers, g_model.settings.locale);
            if (w.found) return w.title + " · " + app;
        }
    if (r.page == dp::ResidentPage::search) return tr(Str::search_title, g_model.settings.locale) + " · " + app;
    if (r.page == dp::ResidentPage::map) {
        const dp::Place* p = r.place_id.empty() ? nullptr : find_place(g_model, r.place_id);
        return (p ? p->name : tr(MapStr::title, g_model.settings.locale)) + " · " + app;
    }
    if (r.page == dp::ResidentPage::settings) return tr(Str::settings, g_model.settings.locale) + " · " + app;
    if (g_model.landing_state == Load::ready) return g_model.landing.doorplate.address.full() + " · " + app;
    return app;
}

bool frame(const ui::FrameInfo& f) {
    // Back/forward in the browser.
    const std::string nav = platform::take_navigation();
    if (!nav.empty()) {
        auto q = nav.find('?');
        auto route = dp::parse_resident_route(nav.substr(0, q), q == std::string::npos ? "" : nav.substr(q + 1));
        dispatch(Navigate{route, false});
    }
    for (auto& e : platform::take_text_field_events())
        if (e.id == "search") dispatch(SearchTyped{e.value, e.submitted});

    const bool data_was_ready = !g_first_view_shown && page_data_ready();  // before this frame's draw
    for (auto& a : draw(g_model, g_view, f)) dispatch(a);
    static std::string shown_title;
    if (std::string t = page_title(); t != shown_title) {
        shown_title = t;
        platform::set_title(t);
    }

    bool more = g_view.animating;
    if (!g_first_view_shown && g_model.landing_state != Load::failed) {
        // "ready" once a complete view is on screen: a frame whose data was all there before it
        // was drawn, in a page window laid out on an earlier frame (ImGui lays a new window out
        // on its first frame and shows it on the next). Not two frames later: those drew the
        // same pixels again (a slow phone's first view came 0.2 s later).
        if (data_was_ready && platform::frames_drawn() >= 2) {  // this frame is the 2nd or later
            platform::hide_loading_overlay();
            platform::set_app_state("ready");
            g_first_view_shown = true;
            ensure_data();
        } else if (page_data_ready()) {
            more = true;  // the data came during this frame, or the window is new: draw it again
        }
    }
    return more;
}

}  // namespace

int main() {
    g_model.route = dp::parse_resident_route(platform::location_path(), platform::location_search());
    g_model.search_text = g_model.route.query;
    load_settings();
    ui::start(frame);
    if (g_model.route.doorplate.empty()) {
        dispatch(LandingFailed{"这不是门牌链接", "请扫描门牌上的二维码，或者检查链接是否完整。"});
        return 0;
    }
    ensure_data();
    return 0;
}
