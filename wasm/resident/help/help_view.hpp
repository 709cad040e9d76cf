// The help app's view: draws a const HelpModel with ImGui and returns the resident's actions.
// Transient state (scrolling, drafts of chat messages, the pad being drawn on) lives in
// HelpViewState.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "help_model.hpp"
#include "touch_scroll.hpp"
#include "ui_runtime.hpp"

namespace help {

struct HelpViewState {
    ui::TouchScroll scroll;
    std::string page_url;
    bool animating = false;
    std::map<std::string, std::string> text;  // text fields that are not model data (chat drafts, comments)
    float pad_x0 = 0, pad_y0 = 0, pad_x1 = 0, pad_y1 = 0;  // the signature pad last frame (screen px)
    bool on_pad = false;  // the finger went down on the pad: it draws, the page does not scroll
};

struct Page {
    const HelpModel& m;
    HelpViewState& vs;
    std::vector<Action>& out;
    float width, pad, inner;
    dp::Locale loc;
};

std::vector<Action> draw_help(const HelpModel& m, HelpViewState& vs, const ui::FrameInfo& f);

// help_view.cpp
void draw_menu(Page& p);
void draw_requests(Page& p);
void draw_status(Page& p);
// help_view_forms.cpp
void draw_proxy_form(Page& p);
void draw_proxy_sign(Page& p);
void draw_prereview(Page& p);
void draw_ask(Page& p);
void draw_video(Page& p);

// Shared pieces
// A labelled HTML text field bound to a model value, with its message beside it (red).
void form_field(Page& p, const std::string& id, const std::string& label, const std::string& value,
                const std::string& message, const std::string& input_mode = "text", const std::string& placeholder = "");
void section(Page& p, const std::string& title);
void error_text(Page& p, const std::string& text);
// The error summary at the top of a form (one line per problem).
void error_summary(Page& p, const std::vector<std::string>& lines);
// The sample picture and the 拍照 / 相册 buttons of one material; the picked picture beside.
void material_upload(Page& p, const std::string& request_id, const std::string& material_id, const std::string& name,
                     const std::string& sample, const std::string& picked_blob);
std::string kind_label(const std::string& kind, dp::Locale loc);

}  // namespace help
