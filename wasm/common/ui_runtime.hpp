// The ImGui runtime of the browser apps: a WebGL2 canvas sized to CSS pixels × devicePixelRatio
// (sharp on phones), the browser-font atlas, the public light theme, and frames on demand.
#pragma once
#include <functional>
#include <string>

namespace ui {

struct FrameInfo {
    float dpr = 1;       // physical pixels per CSS pixel
    float scale = 1;     // dpr × zoom: what px() multiplies by
    float width = 0;     // canvas size in physical pixels
    float height = 0;
    double time = 0;     // seconds since start
    // Safe-area insets (notch, rounded corners, home indicator) in physical pixels: keep
    // content and tap targets inside; backgrounds may extend under them.
    float inset_top = 0, inset_right = 0, inset_bottom = 0, inset_left = 0;
};

// Creates the window and ImGui, then calls `draw` inside every frame (between NewFrame and
// Render). `draw` returns true while it needs more frames (animations); otherwise frames stop
// until input, a resize or platform::request_frame() wakes the app.
// The look: the public apps (phones, large touch targets) or the agent console (desktop density).
struct Options {
    float base_font_css = 17.0f;  // body text
    bool desk = false;            // theme::apply_desk instead of theme::apply
};
void start(std::function<bool(const FrameInfo&)> draw, Options options = {});

// Converts CSS pixels (times the user's zoom) to the physical pixels ImGui works in.
float px(float css_pixels);
// Physical pixels → CSS pixels of the page (for placing HTML elements over the canvas).
float to_css(float physical_pixels);
// Records a tap target drawn this frame (published after the frame for tests).
void register_hit(const std::string& id, float x0, float y0, float x1, float y1);

// Two-finger pinch on a touch screen, in physical pixels: the midpoint and the distance of the
// two fingers. `gesture` counts pinches, so a view can tell a new one from the one it follows.
struct Pinch {
    bool active = false;
    float cx = 0, cy = 0, distance = 0;
    int gesture = 0;
    bool during_touch = false;  // a pinch began since the last finger went down: that touch is no tap
};
const Pinch& pinch();

// Elder mode: zoom ≥ 1.4 and high contrast. Takes effect from the next frame.
void set_elder_mode(bool on);
bool elder_mode();

}  // namespace ui
