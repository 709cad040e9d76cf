// The life of a help request (帮办代办: question, pre-review, proxy, video): states, who may do what,
// the pure apply() step with its audit entry, 好差评 ratings, and time limits with traffic lights.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dp {

enum class HelpKind { question, prereview, proxy, video };

// submitted → assigned → in_progress ⇄ needs_supplement → completed → rated; withdrawn from any
// open state (submitted, assigned, in_progress, needs_supplement).
enum class HelpStatus { submitted, assigned, in_progress, needs_supplement, completed, withdrawn, rated };

enum class ActorRole { resident, agent, supervisor, system };

enum class HelpActionType { claim, assign, start, request_supplement, supplement, complete, withdraw, rate, transfer };

struct HelpActor {
    std::string id;  // user id; required
    ActorRole role = ActorRole::resident;
};

// Who may do what (checked in this order: role, then identity, then state, then the payload):
//   claim               agent, supervisor        submitted → assigned (to the actor)
//   assign              supervisor, system       submitted → assigned (to agent_id, required)
//   start               assigned agent, supervisor   assigned → in_progress
//   request_supplement  assigned agent, supervisor   in_progress → needs_supplement (reason required)
//   supplement          the resident who submitted   needs_supplement → in_progress (note optional)
//   complete            assigned agent, supervisor   in_progress → completed (result required)
//   withdraw            the resident who submitted   any open state → withdrawn (reason optional)
//   rate                the resident who submitted   completed → rated, once (score 1–5, comment optional)
//   transfer            assigned agent, supervisor   assigned / in_progress / needs_supplement → same state,
//                                                    another agent (agent_id, required, ≠ current agent)
// The system role only assigns (automatic round-robin assignment lives elsewhere).
struct HelpAction {
    HelpActionType type = HelpActionType::claim;
    std::string agent_id;  // assign, transfer
    std::string reason;    // request_supplement (required, ≤ 500 characters); withdraw, transfer (optional)
    std::string result;    // complete (required, ≤ 2000 characters)
    std::string note;      // supplement (optional, ≤ 500 characters)
    int score = 0;         // rate: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
    std::string comment;   // rate (optional, ≤ 500 characters)
};

struct HelpRating {
    int score = 0;
    std::string comment;
    std::int64_t at = 0;
};

// Times are Unix seconds passed in by the caller (the core has no clock).
struct HelpRequest {
    std::string id;
    HelpKind kind = HelpKind::question;
    HelpStatus status = HelpStatus::submitted;
    std::string resident_id;  // who submitted; the only resident who may act on it
    std::string agent_id;     // the agent handling it; "" while submitted
    std::int64_t submitted_at = 0;
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> closed_at;     // set on complete and withdraw
    std::optional<std::int64_t> paused_since;  // set while needs_supplement
    std::int64_t paused_seconds = 0;           // finished waits for the resident, added up
    int supplement_rounds = 0;
    std::string supplement_reason;  // the latest request_supplement reason
    std::string result;             // set on complete
    std::string withdraw_reason;
    std::optional<HelpRating> rating;
    bool follow_up = false;  // a 不满意/非常不满意 rating: a supervisor must verify, fix or explain and call back
};

HelpRequest make_help_request(std::string id, HelpKind kind, std::string resident_id, std::int64_t now);

struct HelpAuditEntry {
    std::string request_id;
    std::string who;
    ActorRole role = ActorRole::resident;
    HelpActionType action = HelpActionType::claim;
    HelpStatus from = HelpStatus::submitted;
    HelpStatus to = HelpStatus::submitted;  // == from when refused (and for transfer)
    std::int64_t at = 0;
    bool accepted = false;
    std::string detail;  // what was decided (target agent, reason, result, rating) or why it was refused
};

struct HelpApplyResult {
    bool ok = false;
    HelpRequest state;       // the new state; the unchanged input when refused
    std::string error_code;  // "lifecycle.role" …; "" when ok
    std::string error;       // plain Chinese message; "" when ok
    HelpAuditEntry audit;    // filled either way; persist it when ok (refusals may be logged too)
};

// Pure: the same inputs always give the same result. Error codes: lifecycle.actor | role | not_owner |
// not_assigned | state | already_claimed | already_rated | target_required | transfer_same |
// reason_required | result_required | score_range | text.
HelpApplyResult apply(const HelpRequest& request, const HelpAction& action, const HelpActor& actor, std::int64_t now);

// The actions this actor may take now (role, identity and state; payload aside), for buttons.
std::vector<HelpActionType> allowed_actions(const HelpRequest& request, const HelpActor& actor);

bool is_open(HelpStatus status);  // submitted, assigned, in_progress, needs_supplement

// ---- 好差评 ------------------------------------------------------------------------------------------

const char* rating_label(int score);  // 5 "非常满意" … 1 "非常不满意"; "" outside 1–5
bool is_bad_rating(int score);        // 不满意 or 非常不满意

// ---- Time limits and traffic lights ----------------------------------------------------------------

// Seconds allowed from submission to completion, per kind. Plain elapsed time: working hours and
// holidays are not modelled ("1 working day" is taken as 24 h).
struct HelpTimeLimits {
    std::int64_t question = 2 * 3600;
    std::int64_t prereview = 24 * 3600;
    std::int64_t proxy = 5 * 24 * 3600;
    std::int64_t video = 24 * 3600;
    std::int64_t for_kind(HelpKind kind) const;
};

enum class TrafficLight { green, yellow, red };

// The clock runs from submission and stops while the request waits for the resident's supplement
// (needs_supplement: 补正时间不计入办理时限) and for good once it is completed or withdrawn.
// yellow: elapsed ≥ 75 % of the limit; red: elapsed > limit (overdue).
struct HelpClock {
    std::int64_t limit = 0;
    std::int64_t elapsed = 0;    // counted seconds (pauses excluded)
    std::int64_t remaining = 0;  // limit − elapsed; negative when overdue
    TrafficLight light = TrafficLight::green;
    bool paused = false;   // waiting for a supplement
    bool stopped = false;  // completed, rated or withdrawn: the light is the final one
};
HelpClock help_clock(const HelpRequest& request, std::int64_t now, const HelpTimeLimits& limits = {});

// ---- Names -----------------------------------------------------------------------------------------

const char* to_string(HelpKind v);        // "question"
const char* to_string(HelpStatus v);      // "needs_supplement"
const char* to_string(ActorRole v);       // "supervisor"
const char* to_string(HelpActionType v);  // "request_supplement"
const char* to_string(TrafficLight v);    // "yellow"
const char* label_zh(HelpKind v);         // 在线咨询
const char* label_zh(HelpStatus v);       // 待补件
const char* label_zh(ActorRole v);        // 帮办人员
const char* label_zh(HelpActionType v);   // 要求补件
std::optional<HelpKind> help_kind_from_string(const std::string& s);
std::optional<HelpStatus> help_status_from_string(const std::string& s);
std::optional<ActorRole> actor_role_from_string(const std::string& s);
std::optional<HelpActionType> help_action_from_string(const std::string& s);

// ---- JSON (enums as their to_string names; unknown names throw nlohmann::json::exception) --------

void to_json(nlohmann::json& j, const HelpActor& v);
void from_json(const nlohmann::json& j, HelpActor& v);
void to_json(nlohmann::json& j, const HelpAction& v);
void from_json(const nlohmann::json& j, HelpAction& v);
void to_json(nlohmann::json& j, const HelpRequest& v);
void from_json(const nlohmann::json& j, HelpRequest& v);
void to_json(nlohmann::json& j, const HelpAuditEntry& v);
void from_json(const nlohmann::json& j, HelpAuditEntry& v);
void to_json(nlohmann::json& j, const HelpTimeLimits& v);    // {"question":7200,…} seconds
void from_json(const nlohmann::json& j, HelpTimeLimits& v);  // missing kinds keep their defaults
void to_json(nlohmann::json& j, const HelpClock& v);

}  // namespace dp
