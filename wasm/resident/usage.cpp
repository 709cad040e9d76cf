// Resident actions → usage events (see usage.hpp): a doorplate opened (with the visit's entry
// channel), a guide viewed, a search (debounced; with the result opened), navigation started in
// a map app, and a phone call for help (the 12345 hotline or a service point's number).
#include "usage.hpp"

#include "entry_channels.hpp"
#include "events.hpp"
#include "search.hpp"

namespace resident {

void track_usage(const UsageBefore& before, const Model& m, const Action& a) {
    if (std::holds_alternative<LandingLoaded>(a)) {
        usage::start();
        usage::set_context(m.route.doorplate, dp::entry_channel_id(dp::entry_channel_from_src(m.route.channel)));
        usage::doorplate_opened();
        return;
    }
    if (!m.route.guide_id.empty() && m.route.guide_id != before.guide_id) {
        if (before.page == dp::ResidentPage::search) usage::search_result_opened(m.route.guide_id);
        usage::guide_viewed(m.route.guide_id);
    }
    if (auto* x = std::get_if<SearchTyped>(&a)) {
        const int results = m.search ? static_cast<int>(m.search->search(x->text, 30).size()) : 0;
        usage::search_typed(x->text, results);
    }
    if (auto* x = std::get_if<StartNavigation>(&a); x && !m.settings.nav_app.empty())
        usage::navigation_tapped(x->place_id, m.settings.nav_app);
    if (auto* x = std::get_if<OpenExternal>(&a); x && x->url.compare(0, 4, "tel:") == 0)
        usage::phone_help(m.route.guide_id);
}

}  // namespace resident
