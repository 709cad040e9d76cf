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

// ---- touch: one finger on the canvas, in CSS pixels (GLFW's own touch emulation is bypassed:
// it presses at the previous pointer position) ----
enum class TouchPhase { began, moved, ended };
void set_touch_handler(std::function<void(TouchPhase phase, float css_x, float css_y)> handler);
// Two fingers on the canvas (pinch): the midpoint and the distance between the first two
// touches, in CSS pixels. When the second finger lands, the first finger's touch ends (phase
// ended at its position) and no finger drives the pointer until all are lifted.
void set_pinch_handler(std::function<void(TouchPhase phase, float css_cx, float css_cy, float css_distance)> handler);

// ---- mouse wheel / touchpad on the canvas, in steps (one notch ≈ 1; positive = away from the
// user, i.e. scroll up). Emscripten 3.1.6's GLFW quantizes wheel events badly and ImGui's GLFW
// backend ignores them on the web, so they come through here. ----
void set_wheel_handler(std::function<void(float steps_x, float steps_y)> handler);

// ---- the page ----
void set_app_state(const std::string& state, const std::string& reason = "");  // loading | ready | error
void set_loading_progress(float fraction, const std::string& label);
void hide_loading_overlay();
void set_title(const std::string& title);  // document.title (history entries, screen readers)
float device_pixel_ratio();
void set_canvas_size(int width, int height);  // backing store in physical pixels
void viewport_css_size(int& width, int& height);
// The parts of the viewport hidden by a notch, rounded corners or the home indicator
// (CSS env(safe-area-inset-*), with viewport-fit=cover), in CSS pixels.
struct Insets {
    float top = 0, right = 0, bottom = 0, left = 0;
};
Insets safe_area_insets();
std::string location_path();                       // e.g. "/d/H5GYFKJ"
std::string location_query_param(const std::string& name);
void open_url(const std::string& url);             // links, tel:, map apps
// Saves a same-origin URL (e.g. a CSV export: the session cookie goes along) as a file named
// `file_name` through an <a download> link; the URL is appended to window.Module.dpDownloads.
void download(const std::string& url, const std::string& file_name);
// A map app: on phones tries the app's scheme (iOS or Android form) and opens `web_url` after
// a short timeout unless the page was hidden (the app opened); on desktops opens `web_url`.
// Every URL opened is appended to window.Module.dpExternalUrls (tests, diagnostics).
void open_app_or_web(const std::string& app_url, const std::string& app_url_ios, const std::string& web_url);
std::string location_search();                     // the query string without '?'

// ---- history: each page has its own URL; back/forward arrive as navigation events ----
void push_url(const std::string& url);     // a new history entry (same origin path + query)
void replace_url(const std::string& url);
void history_back();
// Opens another page of the site as a new document (e.g. the help app's pages from the landing).
void load_page(const std::string& url);
// The path+query the browser navigated to with back/forward since the last call ("" if none).
std::string take_navigation();

// ---- small persistent storage on the phone (localStorage) ----
std::string storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);

// ---- read aloud (the browser's speech synthesis) ----
bool speech_available();
void speak(const std::string& text, const std::string& lang);  // replaces anything being read
void stop_speaking();

// ---- text entry: a real HTML <input> placed over the app, so phones open their keyboard and
// Chinese IMEs compose natively (candidate window, paste, selection) ----
struct TextFieldEvent {
    std::string id;
    std::string value;
    bool submitted = false;  // Enter / 搜索 on the keyboard
};
struct TextFieldSpec {
    std::string id;
    float x = 0, y = 0, width = 0, height = 0;  // CSS pixels within the viewport
    float font_css = 17;
    std::string placeholder;
    std::string value;        // the model's value; applied unless the user is composing
    std::string input_mode;   // "search", "text", "tel", "numeric" (inputmode / enterkeyhint); "password" hides it
    bool multiline = false;   // a <textarea> (Shift+Enter adds a line)
    bool enter_submits = true;  // multiline: Enter submits (chat) or adds a line (pasted CSV)
};
// Place each field every frame it is visible; fields not placed in a frame are hidden by
// end_text_fields(), which the runtime calls after each frame.
void place_text_field(const TextFieldSpec& spec);
void end_text_fields();
std::vector<TextFieldEvent> take_text_field_events();
void blur_text_fields();
// Sets a field's text even while it has focus (e.g. empties the message box after sending).
void set_text_field_value(const std::string& id, const std::string& value);
void focus_text_field(const std::string& id);

// ---- tap targets of the last frame, for browser tests and diagnostics ----
// JSON array of {"id","x","y","w","h"} in CSS pixels, exposed as window.Module.dpHitboxes.
void publish_hitboxes(const std::string& json);
// Any other state a test needs to see (e.g. the map camera): window.Module[key] = JSON.
void publish_test_state(const std::string& key, const std::string& json);

// ---- network ----
using FetchDone = std::function<void(int status, const std::string& body)>;  // status 0 = network error
void fetch_text(const std::string& url, FetchDone done);
// Any method, with a body and headers; the session cookie goes along (same origin). With
// timeout_ms the request is aborted after that long (status 0). Returns an id for cancel_fetch.
struct FetchRequest {
    std::string method = "GET";
    std::string url;
    std::string body;
    std::string content_type;  // e.g. "application/json" when there is a body
    std::vector<std::pair<std::string, std::string>> headers;  // e.g. Idempotency-Key
    int timeout_ms = 0;
    bool keepalive = false;  // survives the page being hidden (bodies under 60 KB)
};
int fetch(const FetchRequest& request, FetchDone done);
// Aborts a request (a long poll no longer wanted); its callback is never called.
void cancel_fetch(int id);
// Unix time in seconds from the browser's clock (the core has no clock of its own).
int64_t unix_time();
// Runs `done` once after `ms` milliseconds (a retry after a network error, a polling fallback).
void after(int ms, std::function<void()> done);

// ---- files the user chooses (the browser's file dialog; must follow a click or key) ----
// `done` gets the file's name and bytes; it is not called when the dialog is cancelled.
using FileChosen = std::function<void(const std::string& name, const std::string& bytes)>;
void choose_file(const std::string& accept, FileChosen done);

// A request with a method, headers and a body (JSON APIs). Never queued: see the outbox.
struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::string body;          // sent as application/json when not empty
    std::string bearer;        // Authorization: Bearer <bearer> when not empty
    std::string idempotency_key;
};
void fetch_request(const HttpRequest& request, FetchDone done);
bool online();  // navigator.onLine

// ---- the outbox: what the resident submits is kept on the phone (localStorage) until the
// server has answered it, sent at once when online, again whenever the phone comes back online
// (and every few seconds while a send failed). Each entry's key is its Idempotency-Key,
// made when it was queued, so a retry after a lost response never makes a duplicate. ----
struct OutboxEntry {
    std::string key;   // also the Idempotency-Key
    std::string tag;   // the app's own note about the entry (JSON), returned with the result
    double queued_at = 0;  // Unix seconds
    int attempts = 0;
};
struct OutboxResult {
    std::string key, tag;
    int status = 0;  // the server's final answer (2xx or 4xx); 5xx, 429 and network errors are retried
    std::string body;
};
// Results arrive here, also for entries queued before this page was loaded. Setting the
// handler starts sending what is queued.
void set_outbox_handler(std::function<void(const OutboxResult&)> handler);
// A JSON POST. Returns the entry's key.
std::string outbox_post_json(const std::string& url, const std::string& body, const std::string& bearer,
                             const std::string& tag);
// A multipart upload (file + material) of a stored blob (see blobs below).
std::string outbox_upload(const std::string& url, const std::string& bearer, const std::string& material,
                          const std::string& blob_key, const std::string& tag);
std::vector<OutboxEntry> outbox_entries();

// ---- blobs: pictures and signatures kept on the phone until they are uploaded ----
// Opens the camera or the gallery (<input type=file accept="image/*" capture>); the picture is
// scaled to at most 1600 px, stored as JPEG under `blob_key`; done(true) when one was chosen.
void pick_image(const std::string& blob_key, bool camera, std::function<void(bool ok)> done);
// Draws the strokes (points in 0–1 of the pad, one vector per stroke: x0,y0,x1,y1,…) black on
// white into a width×height PNG stored under `blob_key`; returns its SHA-256 (hex) via done.
void store_signature_png(const std::string& blob_key, const std::vector<std::vector<float>>& strokes, int width,
                         int height, std::function<void(const std::string& sha256)> done);
std::string blob_url(const std::string& blob_key);  // an object URL for pictures ("" if none)
void blob_remove(const std::string& blob_key);

// ---- usage events (statistics): sends that outlive the page ----
// POSTs `json_body` with fetch({keepalive: true}) and an Idempotency-Key, so a send started as
// the page is hidden still completes; `done` gets the status (0 = network error) and the body.
void post_json_keepalive(const std::string& url, const std::string& json_body, const std::string& idempotency_key,
                         FetchDone done);
// `on_hidden` runs when the page is hidden or unloaded (visibilitychange → hidden, pagehide): the
// last chance to send. `on_tick` runs every `seconds` and when the browser comes back online.
void set_usage_hooks(int seconds, std::function<void()> on_tick, std::function<void()> on_hidden);

// ---- sharing: the system share sheet (phones), else the link is copied to the clipboard ----
enum class ShareResult { shared, copied, failed };
void share(const std::string& title, const std::string& url, std::function<void(ShareResult)> done);

// ---- pictures, decoded by the browser (PNG, JPEG, SVG) ----
// RGBA pixels, scaled down to at most max_width pixels wide; width 0 when the picture could
// not be loaded. `done` runs once, later.
using ImageDone = std::function<void(int width, int height, const uint8_t* rgba)>;
// With `bearer`, the picture is fetched with "Authorization: Bearer <bearer>" (a resident's
// request token for the pictures of their own request).
void load_image(const std::string& url, int max_width, ImageDone done, const std::string& bearer = "");

// ---- glyphs from the browser's own fonts (Canvas 2D) ----
struct FontMetrics {
    float ascent = 0, descent = 0;  // pixels above / below the baseline (both positive)
};
FontMetrics font_metrics(float size_px);
// A glyph's advance and the box its bitmap needs, relative to the pen position on the baseline
// (measured once per character and size; later asks are answered from memory).
struct GlyphBox {
    float advance = 0;
    int x0 = 0, y0 = 0;  // top-left of the bitmap
    int width = 0, height = 0;  // 0 × 0 for blanks (a space)
    bool ok = false;            // false for characters the browser cannot draw
};
GlyphBox glyph_box(uint32_t codepoint, float size_px);
// Draws many glyphs at once, each into the box glyph_box gave it (one canvas, one read-back):
// `alpha` receives the coverage bytes of every box (width * height each), in request order.
struct GlyphRequest {
    uint32_t codepoint = 0;
    float size_px = 0;
    GlyphBox box;
};
void rasterize_glyphs(const std::vector<GlyphRequest>& requests, std::vector<uint8_t>& alpha);

}  // namespace platform
