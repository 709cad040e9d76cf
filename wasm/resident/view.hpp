// The resident app's view: draws a const Model with ImGui and returns the actions the
// resident took this frame. Transient widget state (scrolling, a choice not yet confirmed)
// lives in ViewState, never in the Model.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model.hpp"
#include "touch_scroll.hpp"
#include "ui_runtime.hpp"
#include "view_map.hpp"

namespace resident {

struct ViewState {
    ui::TouchScroll scroll;
    std::string page_url;                                    // scroll resets when it changes
    std::map<std::string, std::vector<std::string>> choice;  // question → options picked, not yet confirmed
    bool animating = false;
    MapUi map;  // the map page's camera, gestures and card
    std::string notice;        // a short message at the bottom ("链接已复制…")
    double notice_until = 0;   // ImGui time when it goes away
};

// Everything a page needs to draw itself.
struct Page {
    const Model& m;
    ViewState& vs;
    std::vector<Action>& out;
    float width;  // page width, physical px
    float pad;    // side padding
    float inner;  // width - 2 * pad
    dp::Locale loc;
};

std::vector<Action> draw(const Model& model, ViewState& vs, const ui::FrameInfo& frame);

// Pages (view_*.cpp)
void draw_landing(Page& p);
void draw_search(Page& p);
void draw_settings(Page& p);
void draw_guide(Page& p);  // intro, question or result, by route
void draw_map(Page& p);                // view_map.cpp: the map with markers, card and route
void draw_map_entry(Page& p);          // the landing's "地图 / 附近办事点" card and nearest places
void draw_nav_app_setting(Page& p);    // settings: the remembered map app, and a reset
void draw_message(Page& p, const std::string& title, const std::string& detail, bool retry);
// The search box (a real HTML input) at the cursor, full inner width.
void search_field(Page& p);

}  // namespace resident
