// update() and the route logic of the resident app (see model.hpp).
#include "model.hpp"

#include "guide_walk.hpp"

namespace resident {

namespace {
template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;
}  // namespace

const dp::Catalogue* guide_catalogue(const Model& m, const std::string& id) {
    auto it = m.guides.find(id);
    return it != m.guides.end() && it->second.state == Load::ready ? it->second.catalogue.get() : nullptr;
}

dp::ResidentRoute route_to(const Model& m, dp::ResidentPage page) {
    dp::ResidentRoute r = m.route;
    r.page = page;
    return r;
}

dp::ResidentRoute guide_route(const Model& m, const std::string& guide_id) {
    dp::ResidentRoute r = route_to(m, dp::ResidentPage::guide_intro);
    r.guide_id = guide_id;
    r.answers.clear();
    return r;
}

dp::ResidentRoute first_question_route(const Model& m) {
    dp::ResidentRoute r = m.route;
    r.answers.clear();
    r.page = dp::ResidentPage::guide_result;
    if (const dp::Catalogue* c = guide_catalogue(m, r.guide_id)) {
        auto w = dp::walk_guide(*c, r.guide_id, {}, m.settings.locale);
        if (w.status == dp::FlowStatus::asking) {
            r.page = dp::ResidentPage::guide_question;
            r.question_id = w.next_question;
        }
    }
    return r;
}

dp::ResidentRoute route_after_answer(const Model& m, const std::string& question,
                                     const std::vector<std::string>& options) {
    dp::ResidentRoute r = m.route;
    r.answers[question] = options;
    r.page = dp::ResidentPage::guide_result;
    r.question_id.clear();
    if (const dp::Catalogue* c = guide_catalogue(m, r.guide_id)) {
        auto w = dp::walk_guide(*c, r.guide_id, r.answers, m.settings.locale);
        r.answers = w.answers;  // answers off the new path are dropped
        if (w.status == dp::FlowStatus::asking) {
            r.page = dp::ResidentPage::guide_question;
            r.question_id = w.next_question;
        }
    }
    return r;
}

const dp::Place* find_place(const Model& m, const std::string& id) {
    if (auto it = m.map.details.find(id); it != m.map.details.end()) return &it->second;
    if (m.map.layer)
        for (auto& p : m.map.layer->places)
            if (p.id == id) return &p;
    for (auto& p : m.nearby)
        if (p.id == id) return &p;
    return nullptr;
}

std::string route_key(const std::string& place_id, const std::string& mode) { return place_id + "/" + mode; }

dp::ResidentRoute map_route(const Model& m, const std::string& place_id) {
    dp::ResidentRoute r = route_to(m, dp::ResidentPage::map);
    r.guide_id.clear();
    r.question_id.clear();
    r.answers.clear();
    r.place_id = place_id;
    r.route_mode.clear();
    return r;
}

Model update(Model m, const Action& a) {
    std::visit(overloaded{
                   [&](const Navigate& x) {
                       const bool from_plain_map = m.route.page == dp::ResidentPage::map && m.route.place_id.empty();
                       const bool to_card = x.route.page == dp::ResidentPage::map && !x.route.place_id.empty();
                       if (!to_card) m.card_pushed = false;
                       else if (x.push && !x.replace) m.card_pushed = from_plain_map;
                       else if (!x.push) m.card_pushed = false;
                       m.route = x.route;
                       if (x.route.page == dp::ResidentPage::search) m.search_text = x.route.query;
                   },
                   [&](const LandingLoaded& x) {
                       m.landing = x.landing;
                       m.landing_state = Load::ready;
                   },
                   [&](const LandingFailed& x) {
                       m.landing_state = Load::failed;
                       m.error_title = x.title;
                       m.error_detail = x.detail;
                   },
                   [&](const SearchIndexLoaded& x) {
                       m.search = x.index;
                       m.search_state = Load::ready;
                   },
                   [&](const SearchIndexFailed&) { m.search_state = Load::failed; },
                   [&](const GuideLoaded& x) {
                       auto& g = m.guides[x.id];
                       g.state = Load::ready;
                       g.catalogue = x.catalogue;
                   },
                   [&](const GuideFailed& x) {
                       auto& g = m.guides[x.id];
                       g.state = Load::failed;
                       g.error = x.message;
                   },
                   [&](const SearchTyped& x) {
                       m.search_text = x.text;
                       m.route.page = dp::ResidentPage::search;
                       m.route.query = x.text;
                   },
                   [&](const Answer& x) { m.route = route_after_answer(m, x.question, x.options); },
                   [&](const ToggleTick& x) {
                       auto& set = m.ticks[x.guide];
                       if (!set.erase(x.material)) set.insert(x.material);
                   },
                   [&](const ShowStep& x) { m.stepper_step[x.key] = x.step; },
                   [&](const ToggleFaq& x) {
                       if (!m.open_faq.erase(x.key)) m.open_faq.insert(x.key);
                   },
                   [&](const SetLocale& x) { m.settings.locale = x.locale; },
                   [&](const SetElder& x) { m.settings.elder = x.on; },
                   [&](const Retry&) {
                       if (m.landing_state == Load::failed) m.landing_state = Load::idle;
                       for (auto& [id, g] : m.guides)
                           if (g.state == Load::failed) g.state = Load::idle;
                       if (m.search_state == Load::failed) m.search_state = Load::idle;
                       if (m.map.layer_state == Load::failed) m.map.layer_state = Load::idle;
                       for (auto& [key, r] : m.map.routes)
                           if (r.state == Load::failed) r.state = Load::idle;
                   },
                   [&](const Back&) {},
                   [&](const OpenExternal&) {},
                   [&](const ReadAloud&) {},
                   [&](const NearbyLoaded& x) { m.nearby = x.places; },
                   [&](const MapLayerLoaded& x) {
                       m.map.layer = x.layer;
                       m.map.layer_state = Load::ready;
                   },
                   [&](const MapLayerFailed&) { m.map.layer_state = Load::failed; },
                   [&](const PlaceLoaded& x) { m.map.details[x.place.id] = x.place; },
                   [&](const RouteLoaded& x) { m.map.routes[x.key] = {Load::ready, x.route}; },
                   [&](const RouteFailed& x) { m.map.routes[x.key].state = Load::failed; },
                   [&](const CloseCard&) {},
                   [&](const SetNavApp& x) { m.settings.nav_app = x.app; },
                   [&](const StartNavigation&) {},
                   [&](const Share&) {},
               },
               a);
    return m;
}

}  // namespace resident
