// The resident app's state as plain data, the actions that change it, and `update`.
// Views (view_*.cpp) read a const Model and return actions; main.cpp performs the effects
// (network, history, storage) that follow from an action.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "catalogue.hpp"
#include "landing.hpp"
#include "map_data.hpp"
#include "render_doc.hpp"
#include "resident_route.hpp"
#include "search.hpp"

namespace resident {

enum class Load { idle, loading, ready, failed };

struct Settings {
    dp::Locale locale = dp::Locale::zh_hans;
    bool elder = false;  // 长辈模式: larger text, higher contrast, fewer things per screen
    std::string nav_app;  // map app for navigation: "amap" | "baidu" | "tencent" | "" (ask)
};

struct GuideData {
    Load state = Load::idle;
    std::shared_ptr<const dp::Catalogue> catalogue;  // the guide and what it refers to
    std::string error;
};

struct RouteData {
    Load state = Load::idle;
    dp::RouteResult route;
};

// The map page's data: the town's layer, place details and routes as they arrive.
struct MapData {
    Load layer_state = Load::idle;
    std::shared_ptr<const dp::MapLayer> layer;
    std::map<std::string, dp::Place> details;  // GET /api/v1/places/<id>
    std::set<std::string> details_requested;
    std::map<std::string, RouteData> routes;   // by route_key()
};

struct Model {
    dp::ResidentRoute route;
    Settings settings;

    Load landing_state = Load::idle;
    dp::Landing landing;
    std::string error_title, error_detail;  // landing failures

    Load search_state = Load::idle;
    std::shared_ptr<const dp::SearchIndex> search;
    std::string search_text;  // what is in the search box

    std::map<std::string, GuideData> guides;                    // by guide id
    std::map<std::string, std::set<std::string>> ticks;         // guide id → materials gathered
    std::map<std::string, int> stepper_step;                    // "<guide>/<channel title>" → step shown
    std::set<std::string> open_faq;  // opened disclosures: "<guide>/<faq index>", "<guide>/sample/<material>"

    std::vector<dp::Place> nearby;  // the doorplate's nearest places (landing JSON)
    MapData map;
    bool card_pushed = false;  // the open place card has the plain map as its previous history entry
};

// Actions
struct Navigate {
    dp::ResidentRoute route;
    bool push = true;  // false: it came from the browser (back/forward)
    bool replace = false;  // with push: replace the current history entry instead of adding one
};
struct LandingLoaded { dp::Landing landing; };
struct LandingFailed { std::string title, detail; };
struct SearchIndexLoaded { std::shared_ptr<const dp::SearchIndex> index; };
struct SearchIndexFailed {};
struct GuideLoaded { std::string id; std::shared_ptr<const dp::Catalogue> catalogue; };
struct GuideFailed { std::string id, message; };
struct SearchTyped { std::string text; bool submitted = false; };
struct Answer { std::string question; std::vector<std::string> options; };  // then go on
struct ToggleTick { std::string guide, material; };
struct ShowStep { std::string key; int step; };
struct ToggleFaq { std::string key; };
struct SetLocale { dp::Locale locale; };
struct SetElder { bool on; };
struct Retry {};
struct Back {};
struct OpenExternal { std::string url; };
struct ReadAloud { std::string text; };
struct Share { std::string title; std::string url; };  // the system share sheet, else copy the link
struct NearbyLoaded { std::vector<dp::Place> places; };
struct MapLayerLoaded { std::shared_ptr<const dp::MapLayer> layer; };
struct MapLayerFailed {};
struct PlaceLoaded { dp::Place place; };
struct RouteLoaded { std::string key; dp::RouteResult route; };
struct RouteFailed { std::string key; };
struct CloseCard {};                        // back to the plain map
struct SetNavApp { std::string app; };      // "" forgets the choice
struct StartNavigation { std::string place_id; };  // opens the chosen map app

using Action = std::variant<Navigate, LandingLoaded, LandingFailed, SearchIndexLoaded, SearchIndexFailed, GuideLoaded,
                            GuideFailed, SearchTyped, Answer, ToggleTick, ShowStep, ToggleFaq, SetLocale, SetElder,
                            Retry, Back, OpenExternal, ReadAloud, Share, NearbyLoaded, MapLayerLoaded, MapLayerFailed,
                            PlaceLoaded, RouteLoaded, RouteFailed, CloseCard, SetNavApp, StartNavigation>;

Model update(Model m, const Action& a);

// The route after answering `question` on the current guide: the next unanswered question,
// or the result page when the flow is complete.
dp::ResidentRoute route_after_answer(const Model& m, const std::string& question,
                                     const std::vector<std::string>& options);
// Another page of the same doorplate, keeping the rest of the current route.
dp::ResidentRoute route_to(const Model& m, dp::ResidentPage page);
// The intro page of a guide, with no answers yet.
dp::ResidentRoute guide_route(const Model& m, const std::string& guide_id);

// The first page of a guide's questions (or its result when it has none).
dp::ResidentRoute first_question_route(const Model& m);

// A place by id from the details, the map layer or the nearby list; null when unknown.
const dp::Place* find_place(const Model& m, const std::string& id);
// The key of a route in MapData::routes: "<place id>/<walk|drive>".
std::string route_key(const std::string& place_id, const std::string& mode);
// The map page, with the card of `place_id` open ("" = none).
dp::ResidentRoute map_route(const Model& m, const std::string& place_id);

// The guide's catalogue if loaded, else null.
const dp::Catalogue* guide_catalogue(const Model& m, const std::string& id);

}  // namespace resident
