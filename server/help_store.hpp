// 帮办代办 storage: a request with its lifecycle state, who is asking (resident token or desk user),
// the one place lifecycle actions are committed (status, history, event, audit, system message,
// follow-up), live-update events, and the JSON views of chat, materials, proxy and video.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "access.hpp"
#include "app.hpp"
#include "auth.hpp"
#include "request_lifecycle.hpp"

namespace dp {

struct HelpRecord {
    RequestRow row;
    HelpRequest state;  // the shared lifecycle's view (resident_id "resident:<id>", agent ids = user ids)
};

std::string resident_actor_id(int64_t request_id);
HelpActor resident_actor(int64_t request_id);
HelpActor user_actor(const User& user);  // agent / supervisor

// The lifecycle state from the request's columns (lifecycle JSON, or derived when it is '').
HelpRequest state_from_columns(int64_t id, const std::string& kind, const std::string& status, int64_t created_at,
                               int64_t updated_at, const std::string& agent_id, const std::string& lifecycle);
// Loads on `db` (App::db for reads, the writer's connection inside a write).
std::optional<HelpRecord> load_help(Db& db, int64_t id);

// The resident's request: the token (Bearer or ?token=) must be this request's; else 404.
HelpRecord resident_record(App& app, const httplib::Request& req, size_t id_match = 1);
// The desk user (agent/supervisor; 401/403) and a request in their scope (else 404).
struct DeskContext {
    User user;
    HelpRecord record;
};
DeskContext desk_record(App& app, const httplib::Request& req, size_t id_match = 1);

// ---- writes (on the writer's connection, inside durable_post) ----

// Appends a live-update event; returns its seq.
int64_t add_help_event(Db& w, const RequestRow& r, const std::string& type, const nlohmann::json& data, int64_t now);
// A chat message; returns its id (and adds the "message" event; *seq receives it when given).
int64_t add_message(Db& w, const RequestRow& r, const std::string& side, std::optional<int64_t> user_id,
                    const std::string& text, const std::string& upload_sha256, int64_t now, int64_t* seq = nullptr);

// A new request written directly (batch proxy, demo data): the same rows as POST /api/v1/requests
// plus the help rows (init_help_rows). token is stored hashed; number is generated.
struct NewHelpRequest {
    HelpKind kind = HelpKind::question;
    std::string item_id, doorplate, area_id, town_id, name, phone, token;
    std::optional<std::string> id_number;
    nlohmann::json payload = nlohmann::json::object();
};
struct CreatedHelp {
    int64_t id = 0;
    std::string number;
};
// Records the request's `help_requested` usage event unless `record_usage` is false (demo fixtures).
CreatedHelp insert_help_request(Db& w, const NewHelpRequest& r, int64_t now, bool record_usage = true);
std::string new_request_number(Db& w, HelpKind kind, int64_t now);
// The help rows of a just-inserted request: its "created" event, its pre-review materials
// (payload.materials) or its video slot (payload.slot_at).
void init_help_rows(Db& w, int64_t request_id, int64_t now);
// The same for a request whose row the caller has just written (its id, kind, area, town and
// status set) and whose payload it holds: no read of the row back.
void init_help_rows(Db& w, const RequestRow& row, const nlohmann::json& payload, int64_t now);

struct ActionOutcome {
    HelpRecord record;  // after
    int64_t seq = 0;
};
// Applies one lifecycle action on the writer's connection, re-reading the request there (so two
// agents claiming at once cannot both win). Refusals throw HttpError 409 (state, role, identity)
// or 400 (payload). `user_id` is the desk user for the audit log (nullopt = the resident).
// Statistics: completing records a `request_closed` usage event and rating a `rating` event, in the
// same transaction (the server is their only source); `record_usage` false only for fixtures that
// are not activity (the --demo help requests).
ActionOutcome commit_action(Db& w, int64_t request_id, const HelpAction& action, const HelpActor& actor,
                            std::optional<int64_t> user_id, int64_t now, bool record_usage = true);
void save_state(Db& w, const HelpRecord& rec);  // status, agent_id, lifecycle, updated_at

// {"request":{id,number,status,status_label,agent_id,updated_at},"seq"}
nlohmann::json action_reply(const HelpRecord& rec, int64_t seq);

// ---- views (on App::db) ----

std::string town_name(Db& db, const std::string& town_id);
std::string doorplate_address(Db& db, const std::string& code);
nlohmann::json message_json(Db& db, int64_t message_id);
nlohmann::json reads_json(Db& db, int64_t request_id);  // {"resident":id,"agent":id}
// The request's materials in checklist order (only that one when `only` is given), on `db`.
nlohmann::json materials_json(App& app, Db& db, const HelpRecord& rec, const std::string& only = "");
nlohmann::json proxy_json(App& app, Db& db, const HelpRecord& rec, bool masked);  // masked: desk view
nlohmann::json video_json(Db& db, int64_t request_id);
int64_t last_seq(Db& db, int64_t request_id);
// Everything GET adds to a request (see docs/api-help.md): agent, allowed_actions, clock, chat, … .
// `viewer` is the resident (nullopt user) or a desk user (masked proxy form, follow_up flag).
nlohmann::json help_details(App& app, const HelpRecord& rec, const std::optional<User>& viewer, int64_t now);

// The lifecycle error as an HttpError: payload codes 400, the rest 409.
[[noreturn]] void throw_lifecycle_error(const std::string& code, const std::string& message);

}  // namespace dp
