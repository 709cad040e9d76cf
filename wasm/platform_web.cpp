// C++ half of the browser platform layer (see platform.hpp); the JavaScript half is
// platform_web.js. The exported dp_* functions are the callbacks JavaScript calls.
#include <emscripten.h>

#include <cstdlib>
#include <map>

#include "platform.hpp"

extern "C" {
void dp_js_request_frame();
int dp_js_frames_drawn();
void dp_js_install_wake_listeners();
void dp_js_set_app_state(const char* state, const char* reason);
void dp_js_set_loading_progress(float fraction, const char* label);
void dp_js_hide_loading_overlay();
void dp_js_set_title(const char* title);
double dp_js_device_pixel_ratio();
void dp_js_set_canvas_size(int w, int h);
void dp_js_viewport_css_size(int* w, int* h);
void dp_js_safe_area_insets(float* out4);
char* dp_js_location_path();
char* dp_js_query_param(const char* name);
void dp_js_open_url(const char* url);
void dp_js_open_app_or_web(const char* app, const char* app_ios, const char* web);
void dp_js_publish_test_state(const char* key, const char* json);
void dp_js_fetch_text(int id, const char* url);
void dp_js_load_image(int id, const char* url, int max_width);
void dp_js_share(int id, const char* title, const char* url);
void dp_js_place_text_field(const char* id, float x, float y, float w, float h, float font, const char* placeholder,
                            const char* value, const char* mode);
void dp_js_end_text_fields();
char* dp_js_location_search();
void dp_js_push_url(const char* url, int replace);
void dp_js_history_back();
char* dp_js_take_navigation();
char* dp_js_storage_get(const char* key);
void dp_js_storage_set(const char* key, const char* value);
int dp_js_speech_available();
void dp_js_speak(const char* text, const char* lang);
void dp_js_stop_speaking();
void dp_js_blur_text_fields();
void dp_js_publish_hitboxes(const char* json);
void dp_js_font_metrics(float size, float* out);
void dp_js_post_json_keepalive(int id, const char* url, const char* body, const char* key);
void dp_js_install_usage_hooks(int seconds);
int dp_js_is_online();
double dp_js_now_ms();
uint8_t* dp_js_rasterize_glyph(uint32_t codepoint, float size, int metrics_only, int32_t* info);
}

namespace platform {
namespace {
std::function<bool()> g_frame;
std::map<int, FetchDone> g_fetches;
std::vector<TextFieldEvent> g_text_events;
std::function<void(TouchPhase, float, float)> g_touch;
std::function<void(TouchPhase, float, float, float)> g_pinch;
int g_next_fetch = 1;

std::string take_string(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}
}  // namespace

void run_frames(std::function<bool()> frame) {
    g_frame = std::move(frame);
    dp_js_install_wake_listeners();
    dp_js_request_frame();
}
void request_frame() { dp_js_request_frame(); }
void set_touch_handler(std::function<void(TouchPhase, float, float)> handler) { g_touch = std::move(handler); }
void set_pinch_handler(std::function<void(TouchPhase, float, float, float)> handler) { g_pinch = std::move(handler); }
uint64_t frames_drawn() { return static_cast<uint64_t>(dp_js_frames_drawn()); }

void set_app_state(const std::string& state, const std::string& reason) {
    dp_js_set_app_state(state.c_str(), reason.c_str());
}
void set_loading_progress(float fraction, const std::string& label) {
    dp_js_set_loading_progress(fraction, label.c_str());
}
void hide_loading_overlay() { dp_js_hide_loading_overlay(); }
void set_title(const std::string& title) { dp_js_set_title(title.c_str()); }
float device_pixel_ratio() { return static_cast<float>(dp_js_device_pixel_ratio()); }
void set_canvas_size(int width, int height) { dp_js_set_canvas_size(width, height); }
void viewport_css_size(int& width, int& height) { dp_js_viewport_css_size(&width, &height); }
Insets safe_area_insets() {
    float v[4] = {0, 0, 0, 0};
    dp_js_safe_area_insets(v);
    return Insets{v[0], v[1], v[2], v[3]};
}
std::string location_path() { return take_string(dp_js_location_path()); }
std::string location_query_param(const std::string& name) { return take_string(dp_js_query_param(name.c_str())); }
void open_url(const std::string& url) { dp_js_open_url(url.c_str()); }
void open_app_or_web(const std::string& app_url, const std::string& app_url_ios, const std::string& web_url) {
    dp_js_open_app_or_web(app_url.c_str(), app_url_ios.c_str(), web_url.c_str());
}
void publish_test_state(const std::string& key, const std::string& json) {
    dp_js_publish_test_state(key.c_str(), json.c_str());
}
std::string location_search() { return take_string(dp_js_location_search()); }
void push_url(const std::string& url) { dp_js_push_url(url.c_str(), 0); }
void replace_url(const std::string& url) { dp_js_push_url(url.c_str(), 1); }
void history_back() { dp_js_history_back(); }
std::string take_navigation() { return take_string(dp_js_take_navigation()); }
std::string storage_get(const std::string& key) { return take_string(dp_js_storage_get(key.c_str())); }
void storage_set(const std::string& key, const std::string& value) { dp_js_storage_set(key.c_str(), value.c_str()); }
bool speech_available() { return dp_js_speech_available() != 0; }
void speak(const std::string& text, const std::string& lang) { dp_js_speak(text.c_str(), lang.c_str()); }
void stop_speaking() { dp_js_stop_speaking(); }

void place_text_field(const TextFieldSpec& f) {
    dp_js_place_text_field(f.id.c_str(), f.x, f.y, f.width, f.height, f.font_css, f.placeholder.c_str(),
                           f.value.c_str(), f.input_mode.c_str());
}
void end_text_fields() { dp_js_end_text_fields(); }
void blur_text_fields() { dp_js_blur_text_fields(); }
void publish_hitboxes(const std::string& json) { dp_js_publish_hitboxes(json.c_str()); }
std::vector<TextFieldEvent> take_text_field_events() {
    std::vector<TextFieldEvent> out;
    out.swap(g_text_events);
    return out;
}

// The callback of an asynchronous request (fetch, image, share), removed as it is taken;
// empty when the id is unknown.
template <class Callback>
Callback take_callback(std::map<int, Callback>& pending, int id) {
    auto it = pending.find(id);
    if (it == pending.end()) return {};
    Callback done = std::move(it->second);
    pending.erase(it);
    return done;
}

std::map<int, std::function<void(ShareResult)>> g_shares;
void share(const std::string& title, const std::string& url, std::function<void(ShareResult)> done) {
    int id = g_next_fetch++;
    g_shares[id] = std::move(done);
    dp_js_share(id, title.c_str(), url.c_str());
}

std::map<int, ImageDone> g_images;
void load_image(const std::string& url, int max_width, ImageDone done) {
    int id = g_next_fetch++;
    g_images[id] = std::move(done);
    dp_js_load_image(id, url.c_str(), max_width);
}

void fetch_text(const std::string& url, FetchDone done) {
    int id = g_next_fetch++;
    g_fetches[id] = std::move(done);
    dp_js_fetch_text(id, url.c_str());
}

FontMetrics font_metrics(float size_px) {
    float out[2] = {0, 0};
    dp_js_font_metrics(size_px, out);
    return {out[0], out[1]};
}

bool rasterize_glyph(uint32_t codepoint, float size_px, bool metrics_only, GlyphBitmap& out) {
    int32_t info[6] = {0, 0, 0, 0, 0, 0};
    uint8_t* pixels = dp_js_rasterize_glyph(codepoint, size_px, metrics_only ? 1 : 0, info);
    out.advance = static_cast<float>(info[0]) / 64.0f;
    out.x0 = info[1];
    out.y0 = info[2];
    out.width = info[3];
    out.height = info[4];
    out.alpha.clear();
    if (pixels) {
        out.alpha.assign(pixels, pixels + static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
        std::free(pixels);
    }
    return info[5] != 0;
}

// ---- usage events ----
namespace {
std::function<void()> g_usage_tick, g_usage_hidden;
}  // namespace
void post_json_keepalive(const std::string& url, const std::string& json_body, const std::string& idempotency_key,
                         FetchDone done) {
    const int id = g_next_fetch++;
    g_fetches[id] = std::move(done);
    dp_js_post_json_keepalive(id, url.c_str(), json_body.c_str(), idempotency_key.c_str());
}
void set_usage_hooks(int seconds, std::function<void()> on_tick, std::function<void()> on_hidden) {
    g_usage_tick = std::move(on_tick);
    g_usage_hidden = std::move(on_hidden);
    dp_js_install_usage_hooks(seconds);
}
void usage_signal(bool hidden) {
    auto& f = hidden ? g_usage_hidden : g_usage_tick;
    if (f) f();
}
bool is_online() { return dp_js_is_online() != 0; }
std::int64_t unix_seconds() { return static_cast<std::int64_t>(dp_js_now_ms() / 1000.0); }

}  // namespace platform

extern "C" {
EMSCRIPTEN_KEEPALIVE void dp_frame() {
    if (platform::g_frame && platform::g_frame()) platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_fetch(int id, int status, const char* body, int length) {
    if (auto done = platform::take_callback(platform::g_fetches, id)) done(status, std::string(body, static_cast<size_t>(length)));
}
EMSCRIPTEN_KEEPALIVE void dp_on_image(int id, int width, int height, const uint8_t* rgba) {
    if (auto done = platform::take_callback(platform::g_images, id)) done(width, height, rgba);
}
EMSCRIPTEN_KEEPALIVE void dp_on_share(int id, int result) {
    if (auto done = platform::take_callback(platform::g_shares, id)) done(static_cast<platform::ShareResult>(result));
}
EMSCRIPTEN_KEEPALIVE void dp_on_event(int) { platform::request_frame(); }
EMSCRIPTEN_KEEPALIVE void dp_on_usage_signal(int hidden) { platform::usage_signal(hidden != 0); }
EMSCRIPTEN_KEEPALIVE void dp_on_touch(int phase, float x, float y) {
    if (platform::g_touch) platform::g_touch(static_cast<platform::TouchPhase>(phase), x, y);
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_pinch(int phase, float cx, float cy, float distance) {
    if (platform::g_pinch) platform::g_pinch(static_cast<platform::TouchPhase>(phase), cx, cy, distance);
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_text(const char* id, const char* value, int submitted) {
    platform::g_text_events.push_back({id, value, submitted != 0});
    platform::request_frame();
}
}
