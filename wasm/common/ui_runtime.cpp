// ImGui + GLFW + WebGL2 runtime with frames on demand (see ui_runtime.hpp).
#define GLFW_INCLUDE_ES3
#include "ui_runtime.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "browser_font.hpp"
#include "glyph_texture.hpp"
#include "platform.hpp"
#include "theme.hpp"

namespace ui {
namespace {

constexpr int kSettleFrames = 4;       // frames drawn after input so ImGui can settle

struct Runtime {
    GLFWwindow* window = nullptr;
    std::function<bool(const FrameInfo&)> draw;
    Options options;
    float dpr = 0;
    float zoom = 1;
    bool elder = false;
    bool style_dirty = true;
    int settle = kSettleFrames;
    std::string hits;  // JSON objects of this frame's tap targets
    Pinch pinch;
} g;

std::string json_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    return out;
}

// Keeps the canvas backing store at CSS size × devicePixelRatio; returns true if it changed.
bool sync_canvas_size() {
    int css_w = 0, css_h = 0;
    platform::viewport_css_size(css_w, css_h);
    const float dpr = platform::device_pixel_ratio();
    const int want_w = static_cast<int>(std::lround(css_w * dpr));
    const int want_h = static_cast<int>(std::lround(css_h * dpr));
    int have_w = 0, have_h = 0;
    glfwGetWindowSize(g.window, &have_w, &have_h);
    bool changed = false;
    if (have_w != want_w || have_h != want_h) {
        platform::set_canvas_size(want_w, want_h);
        changed = true;
    }
    if (dpr != g.dpr || g.style_dirty) {
        g.dpr = dpr;
        g.style_dirty = false;
        theme::set_high_contrast(g.elder);
        if (g.options.desk)
            theme::apply_desk(ImGui::GetStyle(), dpr * g.zoom);
        else
            theme::apply(ImGui::GetStyle(), dpr * g.zoom);
        ImGui::GetStyle().FontSizeBase = g.options.base_font_css;
        changed = true;
    }
    return changed;
}

bool frame() {
    const bool resized = sync_canvas_size();
    const bool had_input = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    FrameInfo info;
    info.dpr = g.dpr;
    info.scale = g.dpr * g.zoom;
    info.width = ImGui::GetIO().DisplaySize.x;
    info.height = ImGui::GetIO().DisplaySize.y;
    info.time = ImGui::GetTime();
    const platform::Insets safe = platform::safe_area_insets();
    info.inset_top = safe.top * g.dpr;
    info.inset_right = safe.right * g.dpr;
    info.inset_bottom = safe.bottom * g.dpr;
    info.inset_left = safe.left * g.dpr;
    bool want_more = g.draw(info);
    flush_browser_glyphs();  // the pixels of every glyph this frame placed, in one batch
    ImGui::Render();
    if (flush_browser_glyphs()) want_more = true;  // placed while ImGui ended the frame (rare)

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(g.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme::kBackground);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    upload_alpha_textures(ImGui::GetDrawData());
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    platform::end_text_fields();
    platform::publish_hitboxes("[" + g.hits + "]");
    g.hits.clear();

    if (resized || had_input || ImGui::IsAnyMouseDown()) g.settle = kSettleFrames;
    if (g.settle > 0) {
        --g.settle;
        want_more = true;
    }
    return want_more;
}

}  // namespace

void register_hit(const std::string& id, float x0, float y0, float x1, float y1) {
    ImVec2 clip_min = ImGui::GetWindowPos();
    ImVec2 clip_max(clip_min.x + ImGui::GetWindowWidth(), clip_min.y + ImGui::GetWindowHeight());
    // A child window is also clipped by its parents (a card scrolled out of its panel).
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    clip_min.y = std::max(clip_min.y, clip.Min.y);
    clip_max.y = std::min(clip_max.y, clip.Max.y);
    if (y1 < clip_min.y || y0 > clip_max.y) return;  // scrolled out of view
    char buf[96];
    std::snprintf(buf, sizeof buf, "\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", to_css(x0), to_css(y0),
                  to_css(x1 - x0), to_css(y1 - y0));
    if (!g.hits.empty()) g.hits += ',';
    g.hits += "{\"id\":\"" + json_escape(id) + buf;
}

const Pinch& pinch() { return g.pinch; }
float px(float css_pixels) { return css_pixels * (g.dpr > 0 ? g.dpr : 1.0f) * g.zoom; }
float to_css(float physical_pixels) { return physical_pixels / (g.dpr > 0 ? g.dpr : 1.0f); }
void set_elder_mode(bool on) {
    if (on == g.elder) return;
    g.elder = on;
    g.zoom = on ? 1.4f : 1.0f;
    g.style_dirty = true;
    platform::request_frame();
}
bool elder_mode() { return g.elder; }

void start(std::function<bool(const FrameInfo&)> draw, Options options) {
    g.draw = std::move(draw);
    g.options = options;
    glfwInit();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    int css_w = 0, css_h = 0;
    platform::viewport_css_size(css_w, css_h);
    const float dpr = platform::device_pixel_ratio();
    g.window = glfwCreateWindow(static_cast<int>(css_w * dpr), static_cast<int>(css_h * dpr), "Doorplate", nullptr,
                                nullptr);
    glfwMakeContextCurrent(g.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames forever
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    // The first view's glyphs fill a 1024 × 1024 atlas on a 3× phone. Started at ImGui's 512 × 128,
    // the atlas grew four times during that view, each time a new texture cleared, repacked and
    // uploaded whole (about 0.3 s of a slow phone's main thread). Set before the font builds it.
    io.Fonts->TexMinWidth = io.Fonts->TexMinHeight = dpr > 1.5f ? 1024 : 512;
    use_alpha_atlas(io.Fonts);
    add_browser_font(io.Fonts, options.base_font_css);

    ImGui_ImplGlfw_InitForOpenGL(g.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    platform::set_touch_handler([](platform::TouchPhase phase, float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x * g.dpr, y * g.dpr);
        if (phase == platform::TouchPhase::began) {
            g.pinch.during_touch = false;
            io.AddMouseButtonEvent(0, true);
        }
        if (phase == platform::TouchPhase::ended) io.AddMouseButtonEvent(0, false);
    });
    platform::set_pinch_handler([](platform::TouchPhase phase, float cx, float cy, float distance) {
        if (phase == platform::TouchPhase::began) {
            ++g.pinch.gesture;
            g.pinch.during_touch = true;
        }
        g.pinch.active = phase != platform::TouchPhase::ended;
        g.pinch.cx = cx * g.dpr;
        g.pinch.cy = cy * g.dpr;
        g.pinch.distance = distance * g.dpr;
    });
    platform::set_wheel_handler([](float x, float y) { ImGui::GetIO().AddMouseWheelEvent(x, y); });
    sync_canvas_size();
    platform::run_frames(frame);
}

}  // namespace ui
