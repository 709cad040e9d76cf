// The help app's state (找人帮我办 and 我的申请) as plain data, its actions and `update`.
// Views read a const HelpModel and return actions; help_main.cpp performs the effects
// (network, the outbox, storage, history).
#pragma once
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "catalogue.hpp"
#include "landing.hpp"
#include "render_doc.hpp"
#include "resident_route.hpp"
#include "validate.hpp"

namespace help {

enum class Load { idle, loading, ready, failed };

// A request this phone made, as the server numbered it (kept in localStorage "requests": the
// token is the resident's only key to it).
struct MyRequest {
    std::string id, number, token, kind, item_id, item_name, doorplate;
    double created_at = 0;
};
// Something submitted and not yet answered by the server (the outbox), or refused by it.
struct PendingRequest {
    std::string key, kind, item_id, item_name, doorplate, what;  // what: "request" | "message" | "upload"
    std::string request_id;  // message / upload: the request it belongs to
    std::string text;        // message: its text
    double queued_at = 0;
    int attempts = 0;
};
struct Rejected {
    std::string kind, item_name, message;
    std::map<std::string, std::string> fields;  // server field path → message
};

// The 代办 form. Field names: name, id_number, phone, address, handover ("pickup" | "delivery"),
// delivery_address. Nothing typed is ever cleared by a failed check.
struct ProxyForm {
    std::map<std::string, std::string> values;
    bool submit_tried = false;                         // show every problem, "required" included
    std::map<std::string, std::string> server_errors;  // form field → the server's message
    std::string server_summary;
};
struct Signature {
    std::vector<std::vector<float>> strokes;  // x0,y0,x1,y1… in 0–1 of the pad
    std::vector<std::vector<float>> undone;   // for 重做
    bool consent = false;
};

struct Detail {
    Load state = Load::idle;
    nlohmann::json data;  // GET /api/v1/requests/<id>
    std::string error;
};

// 问一问: the conversation of one request, kept current by long polling.
struct Chat {
    std::vector<nlohmann::json> messages;  // oldest first
    long long agent_read = 0;              // the agent side's read marker (message id)
    bool agent_typing = false;
    long long last_seq = 0;
};

struct HelpModel {
    dp::ResidentRoute route;
    dp::Locale locale = dp::Locale::zh_hans;
    bool elder = false;

    Load plate_state = Load::idle;
    dp::Landing landing;
    std::string plate_error;

    std::map<std::string, Load> guide_state;  // by item id
    std::map<std::string, std::shared_ptr<const dp::Catalogue>> guides;

    ProxyForm proxy;
    Signature signature;
    bool submitting = false;
    std::string submit_error;

    std::vector<MyRequest> mine;         // newest first
    std::vector<PendingRequest> pending;  // the outbox, oldest first
    std::vector<Rejected> rejected;
    std::map<std::string, Detail> details;  // by request id
    std::map<std::string, std::string> picked;  // "<request id>/<material id>" → blob key (pre-review)
    std::string question_text;                  // 问一问: the first question
    long long video_slot = 0;                   // 视频帮办: the slot chosen (Unix seconds)
    std::map<std::string, int> rating;          // request id → 1…5 chosen, not yet sent
    std::map<std::string, Chat> chats;          // by request id
    Load slots_state = Load::idle;              // 视频帮办: the offered slots
    std::vector<std::pair<long long, std::string>> slots;  // (Unix seconds, label)
    bool online = true;
    std::string confirm_withdraw;  // the request whose 撤回 is waiting for the resident's yes
};

// ---- actions ----
struct Navigate {
    dp::ResidentRoute route;
    bool push = true;
};
struct Back {};
struct Home {};  // the doorplate landing (another app: a new page)
struct PlateLoaded { dp::Landing landing; };
struct PlateFailed { std::string message; };
struct GuideLoaded { std::string id; std::shared_ptr<const dp::Catalogue> catalogue; };
struct GuideFailed { std::string id; };
struct EditField { std::string field, value; };
struct GoToSign {};  // checks the form; the agreement page when it passes
struct AddStrokePoint { float x, y; bool start; };
struct ClearSignature {};
struct UndoStroke {};
struct RedoStroke {};
struct SetConsent { bool on; };
struct SubmitProxy {};
struct SubmitQuestion {};
struct SubmitPrereview {};
struct SubmitVideo {};
struct Submitted { std::string key; };        // queued in the outbox
struct SubmitFailed { std::string message; std::map<std::string, std::string> fields; };
struct RequestCreated { MyRequest request; };
struct RequestRejected { Rejected rejected; };
struct OutboxChanged { std::vector<PendingRequest> pending; bool online; };
struct DetailLoaded { std::string id; nlohmann::json data; };
struct DetailFailed { std::string id, message; };
struct PickMaterial { std::string request_id, material; bool camera; };
struct Picked { std::string request_id, material, blob; };
struct UploadMaterial { std::string request_id, material; };
struct SendMessage { std::string request_id, text; };
struct AttachPicture { std::string request_id; bool camera = false; };
struct AcceptSlot { std::string request_id; long long at = 0; };  // 视频帮办: the agent's proposed time
struct AskWithdraw { std::string request_id; };                   // shows the confirmation
struct CancelWithdraw {};
struct Withdraw { std::string request_id; };                      // confirmed: sent (through the outbox)
struct ChooseSlot { long long at; };
struct SetRating { std::string request_id; int level; };
struct SendRating { std::string request_id, comment; };
struct EditQuestion { std::string text; };
struct Refresh { std::string request_id; };
struct ChatLoaded { std::string id; std::vector<nlohmann::json> messages; long long agent_read; };
struct ChatEvents { std::string id; nlohmann::json events; bool agent_typing; long long last_seq; };
struct SlotsLoaded { std::vector<std::pair<long long, std::string>> slots; };
struct SlotsFailed {};

using Action = std::variant<Navigate, Back, Home, PlateLoaded, PlateFailed, GuideLoaded, GuideFailed, EditField, GoToSign,
                            AddStrokePoint, ClearSignature, UndoStroke, RedoStroke, SetConsent, SubmitProxy,
                            SubmitQuestion, SubmitPrereview, SubmitVideo, Submitted, SubmitFailed, RequestCreated,
                            RequestRejected, OutboxChanged, DetailLoaded, DetailFailed, PickMaterial, Picked,
                            UploadMaterial, SendMessage, AttachPicture, ChooseSlot, SetRating, SendRating,
                            EditQuestion, Refresh, ChatLoaded, ChatEvents, SlotsLoaded, SlotsFailed, AcceptSlot,
                            AskWithdraw, CancelWithdraw, Withdraw>;

HelpModel update(HelpModel m, const Action& a);

// The 代办 form's check with `today`: shared/help_forms, exactly what the server runs.
dp::FormResult check_proxy_form(const ProxyForm& form, const dp::CalendarDate& today);
// The message to show beside `field` now: a check's message once it is worth showing (a value
// still being typed is not yet "too short"), else the server's; "" when none.
std::string field_message(const ProxyForm& form, const dp::FormResult& check, const std::string& field);
// Today in China (UTC+8), from the clock.
dp::CalendarDate today_in_china();

// The item's names (from its catalogue or the landing's popular items); the id when unknown.
std::string item_name(const HelpModel& m, const std::string& item_id);
const dp::Catalogue* item_catalogue(const HelpModel& m, const std::string& item_id);
dp::ResidentRoute route_to(const HelpModel& m, dp::ResidentPage page);
const MyRequest* find_request(const HelpModel& m, const std::string& id);

}  // namespace help
