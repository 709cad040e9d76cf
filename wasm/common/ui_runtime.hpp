// The ImGui runtime of the browser apps: a WebGL2 canvas sized to CSS pixels × devicePixelRatio
// (sharp on phones), the browser-font atlas, the public light theme, and frames on demand.
#pragma once
#include <functional>

namespace ui {

struct FrameInfo {
    float dpr = 1;       // physical pixels per CSS pixel
    float width = 0;     // canvas size in physical pixels
    float height = 0;
    double time = 0;     // seconds since start
};

// Creates the window and ImGui, then calls `draw` inside every frame (between NewFrame and
// Render). `draw` returns true while it needs more frames (animations); otherwise frames stop
// until input, a resize or platform::request_frame() wakes the app.
void start(std::function<bool(const FrameInfo&)> draw);

// Converts CSS pixels to the physical pixels ImGui works in.
float px(float css_pixels);

}  // namespace ui
