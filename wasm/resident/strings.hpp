// The resident app's own UI wording in 简体, 繁體 and English (guide content comes localised
// from the catalogue; fixed guide labels from shared/render_doc).
#pragma once
#include <string>
#include <vector>

#include "render_doc.hpp"

namespace resident {

enum class Str {
    app_title, search_placeholder, popular_here, life_events, help_title, help_body, help_call,
    settings, language, elder_mode, elder_desc, read_aloud, read_aloud_desc, back, prev_step, continue_,
    start, see_result, step_n, loading_catalogue, no_results, results_n, loading_guide, guide_failed,
    text_version, share, choose_one, choose_any, change, your_answers, tick_hint, retry, not_found,
    not_found_detail, network_down, network_down_detail, start_over, gathered_n, nearby_hint, home, loading_doorplate, search_title,
    show_sample, link_copied, share_failed, help_open, help_open_detail, my_requests, opening,
    count
};

std::string tr(Str key, dp::Locale locale);
std::string tr_n(Str key, dp::Locale locale, int n);  // replaces {n}

struct LifeEvent {
    const char* key;
    const char* zh_hans;
    const char* zh_hant;
    const char* en;
};
const std::vector<LifeEvent>& life_events();
std::string life_event_label(const LifeEvent& e, dp::Locale locale);

}  // namespace resident
