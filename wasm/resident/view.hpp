// The resident app's view: draws a const Model with ImGui and returns the actions the
// resident took this frame. Transient widget state lives in ViewState.
#pragma once
#include <vector>

#include "model.hpp"
#include "ui_runtime.hpp"

namespace resident {

struct ViewState {
    float scroll_y = 0;
};

std::vector<Action> draw(const Model& model, ViewState& vs, const ui::FrameInfo& frame);

}  // namespace resident
