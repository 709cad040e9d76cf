// The resident app's pages as URLs, so the browser's back button and shared links work:
//   /d/<code>                          landing            /d/<code>/settings   settings
//   /d/<code>/search?q=…               search             /d/<code>/guide/<id> guide intro
//   /d/<code>/guide/<id>/q/<question>?<answers>            one situation question
//   /d/<code>/guide/<id>/result?<answers>                  tailored checklist and channels
//   /d/<code>/map                      map of service points near the doorplate
//   /d/<code>/map/place/<id>[?route=walk|drive]            the map with a place's card (and route)
// Answers travel as <question id>=<option id> pairs (repeated for multiple choice).
#pragma once
#include <string>
#include <string_view>

#include "guide.hpp"
#include "url.hpp"

namespace dp {

enum class ResidentPage { landing, search, settings, guide_intro, guide_question, guide_result, map, not_found };

struct ResidentRoute {
    ResidentPage page = ResidentPage::not_found;
    std::string doorplate;    // code from /d/<code>
    std::string query;        // search
    std::string guide_id;     // item or bundle
    std::string question_id;  // guide_question
    Answers answers;          // guide_question, guide_result
    std::string channel;      // ?src= on the landing (poster, wechat, …)
    std::string place_id;     // map: the place whose card is open
    std::string route_mode;   // map with a place: "walk" | "drive" when the route is shown
};

// `path` like "/d/H5GYFKJ/guide/id-card-renewal/q/reason", `query` like "reason=expired" (no '?').
ResidentRoute parse_resident_route(std::string_view path, std::string_view query);
std::string resident_url(const ResidentRoute& route);


}  // namespace dp
