// The agent console's view: draws a const Model with ImGui and returns the actions taken this
// frame. What is typed but not yet sent (drafts, open forms) lives in ViewState.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model.hpp"
#include "ui_runtime.hpp"

namespace desk {

struct ViewState {
    // drafts, by text field id (updated from platform::take_text_field_events in main.cpp)
    std::map<std::string, std::string> text;
    std::string reveal_field;   // the personal datum whose reveal reason is being chosen
    std::string open_form;      // the lifecycle action whose form is open (request_supplement, complete, assign, transfer)
    std::string chosen_agent;   // assign / transfer target
    std::string open_review;    // material id whose supplement reason is being written
    int64_t shown_request = 0;  // resets the forms when another request opens
    size_t shown_messages = 0;  // scrolls the conversation down when messages arrive
    int64_t open_follow_up = 0;  // the follow-up whose closing note is being written
    bool proposing_slot = false; // 视频帮办: the list of other times is open
    int64_t chosen_slot = 0;     // the other time chosen there
    int64_t now = 0;            // Unix seconds of this frame
    std::map<std::string, float> stats_heights;  // dashboard cards: the height each took last frame
};

std::vector<Action> draw(const Model& m, ViewState& vs, const ui::FrameInfo& f);

struct Ctx {
    const Model& m;
    ViewState& vs;
    std::vector<Action>& out;
};

// Pages and panels (view_*.cpp)
void draw_login(Ctx& c, float width, float height);
void draw_queue_panel(Ctx& c, float width, float height);
void draw_detail_panel(Ctx& c, float width, float height);
void draw_conversation(Ctx& c, float width);
void draw_kind_section(Ctx& c, float width);  // pre-review materials, proxy case, video slot, question text
void draw_batch(Ctx& c, float width, float height);
void draw_stats(Ctx& c, float width, float height);  // view_stats.cpp
void draw_follow_ups(Ctx& c, float width, float height);
// The draft of a text field ("" when none).
const std::string& draft(const ViewState& vs, const std::string& id);

}  // namespace desk
