// Drag-to-scroll with inertia for a scrollable ImGui window (phones): a drag past a small
// threshold scrolls instead of tapping, and a flick keeps gliding and slows down.
#pragma once

namespace ui {

struct TouchScroll {
    bool tracking = false;   // finger/mouse is down in the window
    bool dragging = false;   // moved past the threshold: this gesture scrolls, never taps
    float start_y = 0, last_y = 0;
    float velocity = 0;      // physical px per second (positive = content moves down)
};

// Call right after Begin() of the window to scroll. Returns true while it animates (inertia),
// i.e. while it needs more frames.
bool touch_scroll(TouchScroll& s);

}  // namespace ui
