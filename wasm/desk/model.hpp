// The agent console's state as plain data (parsed from the desk API) and the actions its views
// emit. Views (view_*.cpp) read a const Model; main.cpp performs the actions (network, history)
// and stores what comes back.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "stats_model.hpp"

namespace desk {

enum class Load { idle, loading, ready, failed };

struct User {
    std::string id, username, role, area_id, display_name;
    bool supervisor() const { return role == "supervisor"; }
};

// help_clock() of the shared lifecycle, as the server computed it.
struct Clock {
    int64_t limit = 0, elapsed = 0, remaining = 0;
    std::string light = "green";
    bool paused = false, stopped = false;
};

// One row of the queue (GET /api/v1/desk/requests); personal data masked by the server.
struct RequestRow {
    int64_t id = 0;
    std::string number, kind, item_id, item_name, doorplate_code, area_id, town_id;
    std::string contact_name, contact_phone, id_number;  // masked; id_number "" when none
    std::string status, status_label, agent_id, light;
    int64_t created_at = 0, updated_at = 0;
    Clock clock;
    int unread = 0;
};

struct Message {
    int64_t id = 0;
    std::string side, author, text, upload_url;
    int64_t at = 0;
};

struct Material {
    std::string id, name, state, state_label, reason, sample;
    std::vector<std::string> review_points;
    std::string upload_url, upload_mime;
    int64_t uploaded_at = 0;
};

struct Upload {
    std::string sha256, material, mime, url;
    int64_t size = 0, uploaded_at = 0;
};

// One request as the desk sees it (GET /api/v1/desk/requests/<id>).
struct Detail {
    RequestRow row;
    nlohmann::json payload;  // by kind (text, materials, address, slot_at…), masked
    std::vector<Upload> uploads;
    std::vector<std::string> allowed_actions;  // the caller's lifecycle actions now
    std::string supplement_reason, result;
    nlohmann::json rating;  // null or {score,label,comment,at}
    bool follow_up = false;
    std::vector<Material> materials;  // prereview
    bool prereview_passed = false;
    nlohmann::json proxy;  // proxy: {prefill, form, signed, steps}
    nlohmann::json video;  // video: {state, requested_at, proposed_at, confirmed_at, label}
    int64_t last_seq = 0;
    bool allows(const std::string& action) const;
};

struct AreaQueue {
    std::string area_id, area_name;
    std::map<std::string, int64_t> counts, lights;
    int64_t open = 0;
};

struct Agent {
    std::string id, username, display_name, area_id;
};

struct Canned {
    std::string id, title, text;
};

struct BatchReportLine {
    int row = 0;
    std::string field, label, message;
};
struct BatchCreated {
    int row = 0;
    int64_t id = 0;
    std::string number;
};
struct BatchResult {
    bool dry_run = true;
    int rows = 0, valid = 0, invalid = 0;
    std::vector<BatchReportLine> report;
    std::vector<BatchCreated> created;
};

enum class Page { queue, batch, stats, follow_ups };

// A follow-up of a bad rating (不满意 / 非常不满意) for a supervisor (GET /api/v1/desk/follow-ups).
struct FollowUp {
    int64_t id = 0, request_id = 0, score = 0, created_at = 0, closed_at = 0;
    std::string number, area_id, town_id, label, comment, state, note;
};

struct Route {
    Page page = Page::queue;
    int64_t request_id = 0;  // queue page: the open request (0 = none)
};
Route parse_route(const std::string& path);
std::string route_url(const Route& r);

struct Model {
    Route route;
    // session
    Load session = Load::idle;  // checking GET /auth/me
    User user;
    bool logged_in = false;
    bool login_busy = false;
    std::string login_error;

    // queue
    std::string status_filter, kind_filter, area_filter, light_filter;
    Load list_state = Load::idle;
    std::vector<RequestRow> rows;
    std::map<std::string, int64_t> counts;
    int64_t total = 0;
    std::string list_error;
    std::vector<AreaQueue> areas;
    std::map<std::string, int64_t> time_limits;
    int64_t feed_seq = 0;
    bool feed_live = false;  // the queue feed's long poll is running

    // the open request
    Load detail_state = Load::idle;
    Detail detail;
    std::string detail_error;
    std::vector<Message> messages;
    std::map<std::string, int64_t> read;  // side → last message read
    bool resident_typing = false;
    std::map<std::string, std::string> revealed;  // field → clear value (this view only)
    std::string action_error, action_notice;
    bool action_busy = false;
    bool sending = false;

    std::vector<Agent> agents;
    std::vector<Canned> canned;

    // batch proxy
    std::string batch_item = "resident-id-card";
    Load batch_state = Load::idle;
    BatchResult batch;
    std::string batch_error;
    std::map<std::string, std::string> batch_field_errors;
    std::string batch_file_name;

    // statistics (supervisors)
    StatsState stats;

    // follow-ups of bad ratings (supervisors)
    std::string follow_filter = "open";  // open | closed | all
    Load follow_state = Load::idle;
    std::vector<FollowUp> follow_ups;
    std::string follow_error, follow_notice;
    bool follow_busy = false;

    // 视频帮办: free slots of the open request's town, to propose another time
    Load video_slots_state = Load::idle;
    std::vector<std::pair<int64_t, std::string>> video_slots;  // (Unix seconds, label)
};

// ---- parsing (throws nlohmann::json::exception on a malformed answer) ----
User parse_user(const nlohmann::json& j);
RequestRow parse_row(const nlohmann::json& j);
Detail parse_detail(const nlohmann::json& j);
Message parse_message(const nlohmann::json& j);
std::vector<AreaQueue> parse_areas(const nlohmann::json& j);
BatchResult parse_batch(const nlohmann::json& j);
std::vector<FollowUp> parse_follow_ups(const nlohmann::json& j);
// The error message of an error answer, or `fallback`.
std::string error_message(const std::string& body, const std::string& fallback);

// ---- labels ----
const char* kind_label(const std::string& kind);
const char* status_label(const std::string& status);
// "3 分钟前", "2 小时前", "5 天前"
std::string age_text(int64_t seconds);
// "1 小时 20 分" (absolute value)
std::string duration_text(int64_t seconds);
// "6月11日 14:05" in China time
std::string china_time(int64_t unix_seconds);

// ---- actions the views emit ----
struct Login { std::string username, password; };
struct Logout {};
struct Navigate { Route route; };
struct SetFilter { std::string status, kind, area, light; };
struct Reveal { std::string field, reason; };
// A lifecycle action: claim, assign, transfer, start, request_supplement, complete.
struct LifecycleAction { std::string action, agent_id, reason, result; };
struct SendMessage { std::string text; };
struct Typing {};
struct ReviewMaterial { std::string material_id, decision, reason; };
struct ConfirmVideo { int64_t slot_at = 0; };  // 0: confirm the resident's time; else propose this one
struct LoadVideoSlots {};
struct SendPicture {};  // choose a JPEG/PNG, upload it to the open request, post it in the chat
struct LoadFollowUps { std::string state; };
struct CloseFollowUp { int64_t id = 0; std::string note; };
struct ProxyStep { std::string step, note; };
struct BatchCheck { std::string item_id, csv; bool dry_run = true; };
struct ChooseCsv {};
struct ExportCsv {};
struct Reload {};
// The dashboard: a new filter (reloads every table), a table's CSV (group: day, week, month, item,
// area, channel), and a retry after an error.
struct SetStatsFilter { StatsFilter filter; };
struct ExportStatsCsv { std::string group; };
struct ReloadStats {};

using Action = std::variant<Login, Logout, Navigate, SetFilter, Reveal, LifecycleAction, SendMessage, Typing,
                            ReviewMaterial, ConfirmVideo, LoadVideoSlots, SendPicture, LoadFollowUps, CloseFollowUp,
                            ProxyStep, BatchCheck, ChooseCsv, ExportCsv, Reload, SetStatsFilter, ExportStatsCsv, ReloadStats>;

}  // namespace desk
