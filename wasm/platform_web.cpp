// C++ half of the browser platform layer (see platform.hpp); the JavaScript half is
// platform_web.js. The exported dp_* functions are the callbacks JavaScript calls.
#include <emscripten.h>

#include <cstdio>
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
void dp_js_download(const char* url, const char* file_name);
void dp_js_open_app_or_web(const char* app, const char* app_ios, const char* web);
void dp_js_publish_test_state(const char* key, const char* json);
void dp_js_fetch_text(int id, const char* url);
void dp_js_fetch(int id, const char* method, const char* url, const char* body, int body_length, const char* headers_json,
                 int timeout_ms, int keepalive);
void dp_js_cancel_fetch(int id);
double dp_js_unix_time();
void dp_js_choose_file(int id, const char* accept);
void dp_js_after(int id, int ms);
void dp_js_install_wheel();
void dp_js_set_text_field_value(const char* id, const char* value);
void dp_js_focus_text_field(const char* id);
void dp_js_load_image(int id, const char* url, int max_width, const char* bearer);
void dp_js_share(int id, const char* title, const char* url);
void dp_js_place_text_field(const char* id, float x, float y, float w, float h, float font, const char* placeholder,
                            const char* value, const char* mode, int flags);
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
void dp_js_load_page(const char* url);
int dp_js_online();
void dp_js_outbox_start();
char* dp_js_outbox_add(const char* entry_json);
char* dp_js_outbox_entries();
void dp_js_pick_image(int id, const char* blob_key, int camera);
void dp_js_store_signature(int id, const char* blob_key, const char* strokes_json, int w, int h);
char* dp_js_blob_url(const char* blob_key);
void dp_js_blob_remove(const char* blob_key);
void dp_js_install_usage_hooks(int seconds);
void dp_js_glyph_box(uint32_t codepoint, float size, int32_t* info);
void dp_js_rasterize_glyphs(int count, const float* requests, uint8_t* out);
}

namespace platform {
namespace {
std::function<bool()> g_frame;
std::map<int, FetchDone> g_fetches;
std::vector<TextFieldEvent> g_text_events;
std::function<void(TouchPhase, float, float)> g_touch;
std::function<void(TouchPhase, float, float, float)> g_pinch;
std::function<void(float, float)> g_wheel;
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
void set_wheel_handler(std::function<void(float, float)> handler) {
    g_wheel = std::move(handler);
    dp_js_install_wheel();
}
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
void download(const std::string& url, const std::string& file_name) { dp_js_download(url.c_str(), file_name.c_str()); }
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
void load_page(const std::string& url) { dp_js_load_page(url.c_str()); }
std::string storage_get(const std::string& key) { return take_string(dp_js_storage_get(key.c_str())); }
void storage_set(const std::string& key, const std::string& value) { dp_js_storage_set(key.c_str(), value.c_str()); }
bool speech_available() { return dp_js_speech_available() != 0; }
void speak(const std::string& text, const std::string& lang) { dp_js_speak(text.c_str(), lang.c_str()); }
void stop_speaking() { dp_js_stop_speaking(); }

void place_text_field(const TextFieldSpec& f) {
    dp_js_place_text_field(f.id.c_str(), f.x, f.y, f.width, f.height, f.font_css, f.placeholder.c_str(),
                           f.value.c_str(), f.input_mode.c_str(), (f.multiline ? 1 : 0) | (f.enter_submits ? 2 : 0));
}
void end_text_fields() { dp_js_end_text_fields(); }
void blur_text_fields() { dp_js_blur_text_fields(); }
void set_text_field_value(const std::string& id, const std::string& value) {
    dp_js_set_text_field_value(id.c_str(), value.c_str());
}
void focus_text_field(const std::string& id) { dp_js_focus_text_field(id.c_str()); }
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
void load_image(const std::string& url, int max_width, ImageDone done, const std::string& bearer) {
    int id = g_next_fetch++;
    g_images[id] = std::move(done);
    dp_js_load_image(id, url.c_str(), max_width, bearer.c_str());
}

void fetch_text(const std::string& url, FetchDone done) {
    int id = g_next_fetch++;
    g_fetches[id] = std::move(done);
    dp_js_fetch_text(id, url.c_str());
}

// JSON string literal of s (for the headers passed to JavaScript).
static std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    return out + "\"";
}

int fetch(const FetchRequest& r, FetchDone done) {
    int id = g_next_fetch++;
    g_fetches[id] = std::move(done);
    std::string headers = "{";
    auto add = [&](const std::string& k, const std::string& v) {
        if (headers.size() > 1) headers += ',';
        headers += json_string(k) + ":" + json_string(v);
    };
    if (!r.content_type.empty()) add("Content-Type", r.content_type);
    for (auto& [k, v] : r.headers) add(k, v);
    headers += "}";
    dp_js_fetch(id, r.method.c_str(), r.url.c_str(), r.body.data(), static_cast<int>(r.body.size()), headers.c_str(),
                r.timeout_ms, r.keepalive ? 1 : 0);
    return id;
}

void cancel_fetch(int id) {
    if (g_fetches.erase(id)) dp_js_cancel_fetch(id);
}

int64_t unix_time() { return static_cast<int64_t>(dp_js_unix_time()); }

std::map<int, std::function<void()>> g_timers;
void after(int ms, std::function<void()> done) {
    int id = g_next_fetch++;
    g_timers[id] = std::move(done);
    dp_js_after(id, ms);
}

std::map<int, FileChosen> g_files;
void choose_file(const std::string& accept, FileChosen done) {
    int id = g_next_fetch++;
    g_files[id] = std::move(done);
    dp_js_choose_file(id, accept.c_str());
}

void fetch_request(const HttpRequest& r, FetchDone done) {
    FetchRequest f;
    f.method = r.method;
    f.url = r.url;
    f.body = r.body;
    if (!r.body.empty()) f.content_type = "application/json";
    if (!r.bearer.empty()) f.headers.emplace_back("Authorization", "Bearer " + r.bearer);
    if (!r.idempotency_key.empty()) f.headers.emplace_back("Idempotency-Key", r.idempotency_key);
    fetch(f, std::move(done));
}
bool online() { return dp_js_online() != 0; }

namespace {
std::function<void(const OutboxResult&)> g_outbox;
std::map<int, std::function<void(bool)>> g_picks;
std::map<int, std::function<void(const std::string&)>> g_signatures;

// A JSON string literal (the outbox entry travels to JavaScript as JSON).
std::string quote(const std::string& s) {
    std::string o = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            o += buf;
        } else {
            o += static_cast<char>(c);
        }
    }
    return o + "\"";
}
}  // namespace

void set_outbox_handler(std::function<void(const OutboxResult&)> handler) {
    g_outbox = std::move(handler);
    dp_js_outbox_start();
}
std::string outbox_post_json(const std::string& url, const std::string& body, const std::string& bearer,
                             const std::string& tag) {
    const std::string e = "{\"url\":" + quote(url) + ",\"json\":" + quote(body) + ",\"bearer\":" + quote(bearer) +
                          ",\"tag\":" + quote(tag) + "}";
    return take_string(dp_js_outbox_add(e.c_str()));
}
std::string outbox_upload(const std::string& url, const std::string& bearer, const std::string& material,
                          const std::string& blob_key, const std::string& tag) {
    const std::string e = "{\"url\":" + quote(url) + ",\"blob\":" + quote(blob_key) + ",\"material\":" +
                          quote(material) + ",\"bearer\":" + quote(bearer) + ",\"tag\":" + quote(tag) + "}";
    return take_string(dp_js_outbox_add(e.c_str()));
}
std::vector<OutboxEntry> outbox_entries() {
    // One entry per line: key \t queued_at \t attempts \t tag (tags hold no tabs or newlines).
    std::vector<OutboxEntry> out;
    const std::string s = take_string(dp_js_outbox_entries());
    size_t i = 0;
    while (i < s.size()) {
        size_t nl = s.find('\n', i);
        if (nl == std::string::npos) nl = s.size();
        const std::string line = s.substr(i, nl - i);
        i = nl + 1;
        size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
        if (t1 == std::string::npos || t2 == std::string::npos || t3 == std::string::npos) continue;
        OutboxEntry e;
        e.key = line.substr(0, t1);
        e.queued_at = std::atof(line.substr(t1 + 1, t2 - t1 - 1).c_str());
        e.attempts = std::atoi(line.substr(t2 + 1, t3 - t2 - 1).c_str());
        e.tag = line.substr(t3 + 1);
        out.push_back(std::move(e));
    }
    return out;
}

void pick_image(const std::string& blob_key, bool camera, std::function<void(bool)> done) {
    int id = g_next_fetch++;
    g_picks[id] = std::move(done);
    dp_js_pick_image(id, blob_key.c_str(), camera ? 1 : 0);
}
void store_signature_png(const std::string& blob_key, const std::vector<std::vector<float>>& strokes, int width,
                         int height, std::function<void(const std::string&)> done) {
    std::string j = "[";
    for (size_t s = 0; s < strokes.size(); ++s) {
        j += s ? ",[" : "[";
        for (size_t k = 0; k < strokes[s].size(); ++k) {
            char buf[24];
            std::snprintf(buf, sizeof buf, "%s%.4f", k ? "," : "", static_cast<double>(strokes[s][k]));
            j += buf;
        }
        j += "]";
    }
    j += "]";
    int id = g_next_fetch++;
    g_signatures[id] = std::move(done);
    dp_js_store_signature(id, blob_key.c_str(), j.c_str(), width, height);
}
std::string blob_url(const std::string& blob_key) { return take_string(dp_js_blob_url(blob_key.c_str())); }
void blob_remove(const std::string& blob_key) { dp_js_blob_remove(blob_key.c_str()); }

FontMetrics font_metrics(float size_px) {
    float out[2] = {0, 0};
    dp_js_font_metrics(size_px, out);
    return {out[0], out[1]};
}

GlyphBox glyph_box(uint32_t codepoint, float size_px) {
    int32_t info[6] = {0, 0, 0, 0, 0, 0};
    dp_js_glyph_box(codepoint, size_px, info);
    GlyphBox b;
    b.advance = static_cast<float>(info[0]) / 64.0f;
    b.x0 = info[1];
    b.y0 = info[2];
    b.width = info[3];
    b.height = info[4];
    b.ok = info[5] != 0;
    return b;
}

void rasterize_glyphs(const std::vector<GlyphRequest>& requests, std::vector<uint8_t>& alpha) {
    // Per glyph: codepoint, size, width, height, x0, y0 (as floats: all are small integers but
    // the size).
    std::vector<float> packed;
    packed.reserve(requests.size() * 6);
    size_t bytes = 0;
    for (const auto& r : requests) {
        packed.insert(packed.end(), {static_cast<float>(r.codepoint), r.size_px, static_cast<float>(r.box.width),
                                     static_cast<float>(r.box.height), static_cast<float>(r.box.x0),
                                     static_cast<float>(r.box.y0)});
        bytes += static_cast<size_t>(r.box.width) * static_cast<size_t>(r.box.height);
    }
    alpha.assign(bytes, 0);
    if (!requests.empty()) dp_js_rasterize_glyphs(static_cast<int>(requests.size()), packed.data(), alpha.data());
}

// ---- usage events ----
namespace {
std::function<void()> g_usage_tick, g_usage_hidden;
}  // namespace
void post_json_keepalive(const std::string& url, const std::string& json_body, const std::string& idempotency_key,
                         FetchDone done) {
    FetchRequest r;
    r.method = "POST";
    r.url = url;
    r.body = json_body;
    r.content_type = "application/json";
    if (!idempotency_key.empty()) r.headers.emplace_back("Idempotency-Key", idempotency_key);
    r.keepalive = true;
    fetch(r, std::move(done));
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
EMSCRIPTEN_KEEPALIVE void dp_on_wheel(float x, float y) {
    if (platform::g_wheel) platform::g_wheel(x, y);
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_timer(int id) {
    if (auto done = platform::take_callback(platform::g_timers, id)) done();
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_file(int id, const char* name, const char* bytes, int length) {
    if (auto done = platform::take_callback(platform::g_files, id)) done(name, std::string(bytes, static_cast<size_t>(length)));
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_outbox(const char* key, int status, const char* body, int length, const char* tag) {
    if (platform::g_outbox)
        platform::g_outbox(platform::OutboxResult{key, tag, status, std::string(body, static_cast<size_t>(length))});
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_pick(int id, int ok) {
    if (auto done = platform::take_callback(platform::g_picks, id)) done(ok != 0);
    platform::request_frame();
}
EMSCRIPTEN_KEEPALIVE void dp_on_signature(int id, const char* sha256) {
    if (auto done = platform::take_callback(platform::g_signatures, id)) done(sha256);
    platform::request_frame();
}
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
