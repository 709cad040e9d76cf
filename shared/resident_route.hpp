// The resident app's pages as URLs, so the browser's back button and shared links work:
//   /d/<code>                          landing            /d/<code>/settings   settings
//   /d/<code>/search?q=…               search             /d/<code>/guide/<id> guide intro
//   /d/<code>/guide/<id>/q/<question>?<answers>            one situation question
//   /d/<code>/guide/<id>/result?<answers>                  tailored checklist and channels
//   /d/<code>/map                      map of service points near the doorplate
//   /d/<code>/map/place/<id>[?route=walk|drive]            the map with a place's card (and route)
//   /d/<code>/help[?item=<id>&<answers>]  找人帮我办: 代办 / 预审 / 问一问 / 视频帮办 for an item
//   /d/<code>/help/proxy?item=<id>     the 代办 form;  /d/<code>/help/proxy/sign?item=<id> its agreement
//   /d/<code>/help/prereview|ask|video?item=<id>        start a pre-review, a question, a video call
//   /d/<code>/requests                 我的申请 (this phone's requests)
//   /d/<code>/requests/<id>            one request's status (chat, materials, rating)
// The help pages (help_*, requests, request_status) are drawn by the help app (resident_help),
// loaded only when one of them is opened.
// Answers travel as <question id>=<option id> pairs (repeated for multiple choice).
#pragma once
#include <string>
#include <string_view>

#include "guide.hpp"
#include "url.hpp"

namespace dp {

enum class ResidentPage {
    landing, search, settings, guide_intro, guide_question, guide_result, map,
    help_menu, help_proxy, help_proxy_sign, help_prereview, help_ask, help_video, requests, request_status,
    not_found
};
// The pages of the help app (找人帮我办 and 我的申请).
bool is_help_page(ResidentPage page);

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
    std::string item_id;      // help pages: the item (or bundle) the help is for (?item=)
    std::string request_id;   // request_status: the request's id
};

// `path` like "/d/H5GYFKJ/guide/id-card-renewal/q/reason", `query` like "reason=expired" (no '?').
ResidentRoute parse_resident_route(std::string_view path, std::string_view query);
std::string resident_url(const ResidentRoute& route);


}  // namespace dp
