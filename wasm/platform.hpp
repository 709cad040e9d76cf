// The platform interface of the browser apps: everything that needs JavaScript (network,
// frame scheduling, glyph rasterization with the browser's fonts, page state, links) goes
// through these functions. platform_web.cpp/.js implement it; CMake picks the implementation.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace platform {

// ---- frames: nothing is drawn unless something asks for a frame ----
// Runs `frame` in the browser's animation-frame callback whenever a frame was requested.
// `frame` returns true when it needs another frame soon (animation, settling after input).
void run_frames(std::function<bool()> frame);
void request_frame();     // coalesced; input events request frames by themselves
uint64_t frames_drawn();  // for diagnostics and tests

// ---- the page ----
void set_app_state(const std::string& state, const std::string& reason = "");  // loading | ready | error
void set_loading_progress(float fraction, const std::string& label);
void hide_loading_overlay();
float device_pixel_ratio();
void set_canvas_size(int width, int height);  // backing store in physical pixels
void viewport_css_size(int& width, int& height);
std::string location_path();                       // e.g. "/d/H5GYFKJ"
std::string location_query_param(const std::string& name);
void open_url(const std::string& url);             // links, tel:, map apps

// ---- network ----
using FetchDone = std::function<void(int status, const std::string& body)>;  // status 0 = network error
void fetch_text(const std::string& url, FetchDone done);

// ---- glyphs from the browser's own fonts (Canvas 2D) ----
struct FontMetrics {
    float ascent = 0, descent = 0;  // pixels above / below the baseline (both positive)
};
struct GlyphBitmap {
    float advance = 0;
    int x0 = 0, y0 = 0;  // top-left of the bitmap relative to the pen position on the baseline
    int width = 0, height = 0;
    std::vector<uint8_t> alpha;  // width * height coverage values
};
FontMetrics font_metrics(float size_px);
// Fills `out`; with metrics_only, only `advance` is set. Returns false for characters the
// browser cannot draw.
bool rasterize_glyph(uint32_t codepoint, float size_px, bool metrics_only, GlyphBitmap& out);

}  // namespace platform
