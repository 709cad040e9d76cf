// Help-request state machine: permission rules, the pure apply() step and its audit entry, ratings,
// time-limit clocks, enum names and JSON. See request_lifecycle.hpp for the rules in one table.
#include "request_lifecycle.hpp"

#include "validate.hpp"

#include <algorithm>
#include <utility>

namespace dp {

namespace {

struct Refusal {
    std::string code;
    std::string message;
};

bool has_agent(HelpStatus s) {
    return s == HelpStatus::assigned || s == HelpStatus::in_progress || s == HelpStatus::needs_supplement;
}

bool is_closed(HelpStatus s) { return !is_open(s); }

std::string state_refusal_text(const HelpRequest& r, HelpActionType type) {
    return std::string("该请求当前为“") + label_zh(r.status) + "”，不能" + label_zh(type);
}

// Role, identity and state; the payload is checked by apply().
std::optional<Refusal> check_permission(const HelpRequest& r, HelpActionType type, const HelpActor& actor) {
    if (actor.id.empty()) return Refusal{"lifecycle.actor", "缺少操作人员身份，请重新登录后再试"};
    const ActorRole role = actor.role;
    const bool agent_or_supervisor = role == ActorRole::agent || role == ActorRole::supervisor;
    const bool owner = role == ActorRole::resident && actor.id == r.resident_id;
    auto state_error = [&] { return Refusal{"lifecycle.state", state_refusal_text(r, type)}; };
    // The agent actions: the assigned agent, or any supervisor.
    auto check_worker = [&]() -> std::optional<Refusal> {
        if (!agent_or_supervisor) return Refusal{"lifecycle.role", std::string("只有帮办人员可以") + label_zh(type)};
        if (role == ActorRole::agent && has_agent(r.status) && actor.id != r.agent_id)
            return Refusal{"lifecycle.not_assigned", "该请求由其他帮办人员办理，您不能" + std::string(label_zh(type))};
        return std::nullopt;
    };
    // The resident actions: only the resident who submitted.
    auto check_owner = [&]() -> std::optional<Refusal> {
        if (role != ActorRole::resident)
            return Refusal{"lifecycle.role", std::string("只有提交请求的居民本人可以") + label_zh(type)};
        if (!owner) return Refusal{"lifecycle.not_owner", std::string("这不是您提交的请求，不能") + label_zh(type)};
        return std::nullopt;
    };

    switch (type) {
        case HelpActionType::claim:
            if (!agent_or_supervisor) return Refusal{"lifecycle.role", "只有帮办人员可以认领请求"};
            if (has_agent(r.status))
                return Refusal{"lifecycle.already_claimed", actor.id == r.agent_id ? "您已认领该请求"
                                                                                    : "该请求已由其他帮办人员认领"};
            if (r.status != HelpStatus::submitted) return state_error();
            return std::nullopt;
        case HelpActionType::assign:
            if (role != ActorRole::supervisor && role != ActorRole::system)
                return Refusal{"lifecycle.role", "只有管理人员可以分派请求"};
            if (has_agent(r.status))
                return Refusal{"lifecycle.already_claimed", "该请求已分派，如需更换帮办人员请使用转交"};
            if (r.status != HelpStatus::submitted) return state_error();
            return std::nullopt;
        case HelpActionType::start:
        case HelpActionType::request_supplement:
        case HelpActionType::complete:
        case HelpActionType::transfer: {
            if (auto refusal = check_worker()) return refusal;
            const bool state_ok =
                type == HelpActionType::start                ? r.status == HelpStatus::assigned
                : type == HelpActionType::request_supplement ? r.status == HelpStatus::in_progress
                : type == HelpActionType::complete           ? r.status == HelpStatus::in_progress
                                                             : has_agent(r.status);
            if (!state_ok) return state_error();
            return std::nullopt;
        }
        case HelpActionType::supplement:
            if (auto refusal = check_owner()) return refusal;
            if (r.status != HelpStatus::needs_supplement) return Refusal{"lifecycle.state", "目前不需要补充材料"};
            return std::nullopt;
        case HelpActionType::withdraw:
            if (auto refusal = check_owner()) return refusal;
            if (!is_open(r.status)) return state_error();
            return std::nullopt;
        case HelpActionType::rate:
            if (auto refusal = check_owner()) return refusal;
            if (r.status == HelpStatus::rated || r.rating)
                return Refusal{"lifecycle.already_rated", "您已评价过这件事，每件事只能评价一次"};
            if (r.status != HelpStatus::completed) return Refusal{"lifecycle.state", "请求办结后才能评价"};
            return std::nullopt;
    }
    return Refusal{"lifecycle.state", "未知的操作"};
}

// Trims and checks a free-text payload; on success `out` holds the trimmed text.
std::optional<Refusal> read_text(const std::string& in, const char* label, std::size_t max_chars, bool required,
                                 const char* required_code, const char* required_message, std::string& out) {
    out.clear();
    const ValidationResult r = validate_text(in, label, max_chars);
    if (r.ok) {
        out = r.normalized;
        return std::nullopt;
    }
    if (r.code == "text.empty") {
        if (required) return Refusal{required_code, required_message};
        return std::nullopt;
    }
    return Refusal{"lifecycle.text", r.message};
}

std::int64_t non_negative(std::int64_t v) { return v < 0 ? 0 : v; }

}  // namespace

bool is_open(HelpStatus s) {
    return s == HelpStatus::submitted || s == HelpStatus::assigned || s == HelpStatus::in_progress ||
           s == HelpStatus::needs_supplement;
}

HelpRequest make_help_request(std::string id, HelpKind kind, std::string resident_id, std::int64_t now) {
    HelpRequest r;
    r.id = std::move(id);
    r.kind = kind;
    r.resident_id = std::move(resident_id);
    r.submitted_at = now;
    r.updated_at = now;
    return r;
}

HelpApplyResult apply(const HelpRequest& request, const HelpAction& action, const HelpActor& actor,
                      std::int64_t now) {
    HelpApplyResult out;
    out.state = request;
    out.audit.request_id = request.id;
    out.audit.who = actor.id;
    out.audit.role = actor.role;
    out.audit.action = action.type;
    out.audit.from = request.status;
    out.audit.to = request.status;
    out.audit.at = now;

    auto refuse = [&](const Refusal& refusal) {
        out.ok = false;
        out.state = request;
        out.error_code = refusal.code;
        out.error = refusal.message;
        out.audit.accepted = false;
        out.audit.to = request.status;
        out.audit.detail = refusal.message;
        return out;
    };

    if (auto refusal = check_permission(request, action.type, actor)) return refuse(*refusal);

    HelpRequest& s = out.state;
    std::string text;
    switch (action.type) {
        case HelpActionType::claim:
            s.agent_id = actor.id;
            s.status = HelpStatus::assigned;
            out.audit.detail = "由 " + actor.id + " 认领";
            break;
        case HelpActionType::assign:
        case HelpActionType::transfer: {
            if (action.agent_id.empty() || !is_valid_utf8(action.agent_id))
                return refuse({"lifecycle.target_required", "请选择要接手的帮办人员"});
            if (action.type == HelpActionType::transfer && action.agent_id == request.agent_id)
                return refuse({"lifecycle.transfer_same", "该请求已由这位帮办人员办理，请选择其他人员"});
            if (auto r = read_text(action.reason, "转交说明", 500, false, "", "", text)) return refuse(*r);
            s.agent_id = action.agent_id;
            if (action.type == HelpActionType::assign) {
                s.status = HelpStatus::assigned;
                out.audit.detail = "分派给 " + action.agent_id;
            } else {
                out.audit.detail = "由 " + request.agent_id + " 转交给 " + action.agent_id;
                if (!text.empty()) out.audit.detail += "：" + text;
            }
            break;
        }
        case HelpActionType::start:
            s.status = HelpStatus::in_progress;
            break;
        case HelpActionType::request_supplement:
            if (auto r = read_text(action.reason, "补件说明", 500, true, "lifecycle.reason_required",
                                   "请写明需要补充或更正的材料及原因", text))
                return refuse(*r);
            s.status = HelpStatus::needs_supplement;
            s.supplement_reason = text;
            s.supplement_rounds += 1;
            s.paused_since = now;
            out.audit.detail = text;
            break;
        case HelpActionType::supplement:
            if (auto r = read_text(action.note, "补件留言", 500, false, "", "", text)) return refuse(*r);
            s.status = HelpStatus::in_progress;
            if (s.paused_since) s.paused_seconds += non_negative(now - *s.paused_since);
            s.paused_since.reset();
            out.audit.detail = text;
            break;
        case HelpActionType::complete:
            if (auto r = read_text(action.result, "办理结果", 2000, true, "lifecycle.result_required",
                                   "请填写办理结果，告诉居民办得怎么样、下一步做什么", text))
                return refuse(*r);
            s.status = HelpStatus::completed;
            s.result = text;
            s.closed_at = now;
            out.audit.detail = text;
            break;
        case HelpActionType::withdraw:
            if (auto r = read_text(action.reason, "撤回原因", 500, false, "", "", text)) return refuse(*r);
            s.status = HelpStatus::withdrawn;
            s.withdraw_reason = text;
            if (s.paused_since) s.paused_seconds += non_negative(now - *s.paused_since);
            s.paused_since.reset();
            s.closed_at = now;
            out.audit.detail = text;
            break;
        case HelpActionType::rate: {
            if (action.score < 1 || action.score > 5)
                return refuse({"lifecycle.score_range", "请选择评价：非常满意、满意、基本满意、不满意或非常不满意"});
            if (auto r = read_text(action.comment, "评价内容", 500, false, "", "", text)) return refuse(*r);
            s.status = HelpStatus::rated;
            s.rating = HelpRating{action.score, text, now};
            s.follow_up = is_bad_rating(action.score);
            out.audit.detail = std::string(rating_label(action.score)) + "（" + std::to_string(action.score) + "分）";
            if (!text.empty()) out.audit.detail += "：" + text;
            break;
        }
    }
    s.updated_at = now;
    out.ok = true;
    out.audit.accepted = true;
    out.audit.to = s.status;
    return out;
}

std::vector<HelpActionType> allowed_actions(const HelpRequest& request, const HelpActor& actor) {
    static constexpr HelpActionType kAll[] = {
        HelpActionType::claim,    HelpActionType::assign,   HelpActionType::start,
        HelpActionType::request_supplement, HelpActionType::supplement, HelpActionType::complete,
        HelpActionType::withdraw, HelpActionType::rate,     HelpActionType::transfer};
    std::vector<HelpActionType> out;
    for (HelpActionType t : kAll)
        if (!check_permission(request, t, actor)) out.push_back(t);
    return out;
}

// ---- 好差评 ------------------------------------------------------------------------------------------

const char* rating_label(int score) {
    switch (score) {
        case 5: return "非常满意";
        case 4: return "满意";
        case 3: return "基本满意";
        case 2: return "不满意";
        case 1: return "非常不满意";
        default: return "";
    }
}

bool is_bad_rating(int score) { return score == 1 || score == 2; }

// ---- Time limits --------------------------------------------------------------------------------------

std::int64_t HelpTimeLimits::for_kind(HelpKind kind) const {
    switch (kind) {
        case HelpKind::question: return question;
        case HelpKind::prereview: return prereview;
        case HelpKind::proxy: return proxy;
        case HelpKind::video: return video;
    }
    return question;
}

HelpClock help_clock(const HelpRequest& request, std::int64_t now, const HelpTimeLimits& limits) {
    HelpClock c;
    c.limit = limits.for_kind(request.kind);
    c.stopped = is_closed(request.status);
    c.paused = request.status == HelpStatus::needs_supplement;
    const std::int64_t end = request.closed_at ? *request.closed_at : now;
    std::int64_t paused = request.paused_seconds;
    if (request.paused_since) paused += non_negative(end - *request.paused_since);
    c.elapsed = non_negative(end - request.submitted_at - paused);
    c.remaining = c.limit - c.elapsed;
    if (c.elapsed > c.limit)
        c.light = TrafficLight::red;
    else if (c.elapsed * 4 >= c.limit * 3)
        c.light = TrafficLight::yellow;
    else
        c.light = TrafficLight::green;
    return c;
}

// ---- Names -----------------------------------------------------------------------------------------

namespace {

template <typename E, std::size_t N>
std::optional<E> find_name(const std::string& s, const E (&values)[N]) {
    for (E v : values)
        if (s == to_string(v)) return v;
    return std::nullopt;
}

constexpr HelpKind kKinds[] = {HelpKind::question, HelpKind::prereview, HelpKind::proxy, HelpKind::video};
constexpr HelpStatus kStatuses[] = {HelpStatus::submitted, HelpStatus::assigned,  HelpStatus::in_progress,
                                    HelpStatus::needs_supplement, HelpStatus::completed, HelpStatus::withdrawn,
                                    HelpStatus::rated};
constexpr ActorRole kRoles[] = {ActorRole::resident, ActorRole::agent, ActorRole::supervisor, ActorRole::system};
constexpr HelpActionType kActions[] = {
    HelpActionType::claim,    HelpActionType::assign,   HelpActionType::start,
    HelpActionType::request_supplement, HelpActionType::supplement, HelpActionType::complete,
    HelpActionType::withdraw, HelpActionType::rate,     HelpActionType::transfer};

}  // namespace

const char* to_string(HelpKind v) {
    switch (v) {
        case HelpKind::question: return "question";
        case HelpKind::prereview: return "prereview";
        case HelpKind::proxy: return "proxy";
        case HelpKind::video: return "video";
    }
    return "question";
}

const char* to_string(HelpStatus v) {
    switch (v) {
        case HelpStatus::submitted: return "submitted";
        case HelpStatus::assigned: return "assigned";
        case HelpStatus::in_progress: return "in_progress";
        case HelpStatus::needs_supplement: return "needs_supplement";
        case HelpStatus::completed: return "completed";
        case HelpStatus::withdrawn: return "withdrawn";
        case HelpStatus::rated: return "rated";
    }
    return "submitted";
}

const char* to_string(ActorRole v) {
    switch (v) {
        case ActorRole::resident: return "resident";
        case ActorRole::agent: return "agent";
        case ActorRole::supervisor: return "supervisor";
        case ActorRole::system: return "system";
    }
    return "resident";
}

const char* to_string(HelpActionType v) {
    switch (v) {
        case HelpActionType::claim: return "claim";
        case HelpActionType::assign: return "assign";
        case HelpActionType::start: return "start";
        case HelpActionType::request_supplement: return "request_supplement";
        case HelpActionType::supplement: return "supplement";
        case HelpActionType::complete: return "complete";
        case HelpActionType::withdraw: return "withdraw";
        case HelpActionType::rate: return "rate";
        case HelpActionType::transfer: return "transfer";
    }
    return "claim";
}

const char* to_string(TrafficLight v) {
    switch (v) {
        case TrafficLight::green: return "green";
        case TrafficLight::yellow: return "yellow";
        case TrafficLight::red: return "red";
    }
    return "green";
}

const char* label_zh(HelpKind v) {
    switch (v) {
        case HelpKind::question: return "在线咨询";
        case HelpKind::prereview: return "材料预审";
        case HelpKind::proxy: return "代办申请";
        case HelpKind::video: return "视频帮办";
    }
    return "";
}

const char* label_zh(HelpStatus v) {
    switch (v) {
        case HelpStatus::submitted: return "待受理";
        case HelpStatus::assigned: return "已受理";
        case HelpStatus::in_progress: return "办理中";
        case HelpStatus::needs_supplement: return "待补件";
        case HelpStatus::completed: return "已办结";
        case HelpStatus::withdrawn: return "已撤回";
        case HelpStatus::rated: return "已评价";
    }
    return "";
}

const char* label_zh(ActorRole v) {
    switch (v) {
        case ActorRole::resident: return "居民";
        case ActorRole::agent: return "帮办人员";
        case ActorRole::supervisor: return "管理人员";
        case ActorRole::system: return "系统";
    }
    return "";
}

const char* label_zh(HelpActionType v) {
    switch (v) {
        case HelpActionType::claim: return "认领";
        case HelpActionType::assign: return "分派";
        case HelpActionType::start: return "开始办理";
        case HelpActionType::request_supplement: return "要求补件";
        case HelpActionType::supplement: return "补充材料";
        case HelpActionType::complete: return "办结";
        case HelpActionType::withdraw: return "撤回";
        case HelpActionType::rate: return "评价";
        case HelpActionType::transfer: return "转交";
    }
    return "";
}

std::optional<HelpKind> help_kind_from_string(const std::string& s) { return find_name(s, kKinds); }
std::optional<HelpStatus> help_status_from_string(const std::string& s) { return find_name(s, kStatuses); }
std::optional<ActorRole> actor_role_from_string(const std::string& s) { return find_name(s, kRoles); }
std::optional<HelpActionType> help_action_from_string(const std::string& s) { return find_name(s, kActions); }

// ---- JSON ------------------------------------------------------------------------------------------

namespace {

template <typename E>
E enum_field(const nlohmann::json& j, const char* key, std::optional<E> (*parse)(const std::string&)) {
    const std::string s = j.at(key).get<std::string>();
    if (auto v = parse(s)) return *v;
    throw nlohmann::json::other_error::create(501, std::string("unknown ") + key + " \"" + s + "\"", &j);
}

template <typename T>
void put_optional(nlohmann::json& j, const char* key, const std::optional<T>& v) {
    if (v)
        j[key] = *v;
    else
        j[key] = nullptr;
}

template <typename T>
std::optional<T> get_optional(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<T>();
}

}  // namespace

void to_json(nlohmann::json& j, const HelpActor& v) { j = {{"id", v.id}, {"role", to_string(v.role)}}; }
void from_json(const nlohmann::json& j, HelpActor& v) {
    v.id = j.at("id").get<std::string>();
    v.role = enum_field(j, "role", actor_role_from_string);
}

void to_json(nlohmann::json& j, const HelpAction& v) {
    j = {{"type", to_string(v.type)}, {"agent_id", v.agent_id}, {"reason", v.reason}, {"result", v.result},
         {"note", v.note},            {"score", v.score},       {"comment", v.comment}};
}
void from_json(const nlohmann::json& j, HelpAction& v) {
    v.type = enum_field(j, "type", help_action_from_string);
    v.agent_id = j.value("agent_id", "");
    v.reason = j.value("reason", "");
    v.result = j.value("result", "");
    v.note = j.value("note", "");
    v.score = j.value("score", 0);
    v.comment = j.value("comment", "");
}

void to_json(nlohmann::json& j, const HelpRequest& v) {
    j = {{"id", v.id},
         {"kind", to_string(v.kind)},
         {"status", to_string(v.status)},
         {"resident_id", v.resident_id},
         {"agent_id", v.agent_id},
         {"submitted_at", v.submitted_at},
         {"updated_at", v.updated_at},
         {"paused_seconds", v.paused_seconds},
         {"supplement_rounds", v.supplement_rounds},
         {"supplement_reason", v.supplement_reason},
         {"result", v.result},
         {"withdraw_reason", v.withdraw_reason},
         {"follow_up", v.follow_up}};
    put_optional(j, "closed_at", v.closed_at);
    put_optional(j, "paused_since", v.paused_since);
    if (v.rating)
        j["rating"] = {{"score", v.rating->score},
                       {"label", rating_label(v.rating->score)},
                       {"comment", v.rating->comment},
                       {"at", v.rating->at}};
    else
        j["rating"] = nullptr;
}

void from_json(const nlohmann::json& j, HelpRequest& v) {
    v.id = j.at("id").get<std::string>();
    v.kind = enum_field(j, "kind", help_kind_from_string);
    v.status = enum_field(j, "status", help_status_from_string);
    v.resident_id = j.value("resident_id", "");
    v.agent_id = j.value("agent_id", "");
    v.submitted_at = j.value("submitted_at", std::int64_t{0});
    v.updated_at = j.value("updated_at", v.submitted_at);
    v.closed_at = get_optional<std::int64_t>(j, "closed_at");
    v.paused_since = get_optional<std::int64_t>(j, "paused_since");
    v.paused_seconds = j.value("paused_seconds", std::int64_t{0});
    v.supplement_rounds = j.value("supplement_rounds", 0);
    v.supplement_reason = j.value("supplement_reason", "");
    v.result = j.value("result", "");
    v.withdraw_reason = j.value("withdraw_reason", "");
    v.follow_up = j.value("follow_up", false);
    v.rating.reset();
    if (j.contains("rating") && !j.at("rating").is_null()) {
        const auto& r = j.at("rating");
        v.rating = HelpRating{r.at("score").get<int>(), r.value("comment", ""), r.value("at", std::int64_t{0})};
    }
}

void to_json(nlohmann::json& j, const HelpAuditEntry& v) {
    j = {{"request_id", v.request_id}, {"who", v.who},           {"role", to_string(v.role)},
         {"action", to_string(v.action)}, {"from", to_string(v.from)}, {"to", to_string(v.to)},
         {"at", v.at},                 {"accepted", v.accepted}, {"detail", v.detail}};
}
void from_json(const nlohmann::json& j, HelpAuditEntry& v) {
    v.request_id = j.value("request_id", "");
    v.who = j.at("who").get<std::string>();
    v.role = enum_field(j, "role", actor_role_from_string);
    v.action = enum_field(j, "action", help_action_from_string);
    v.from = enum_field(j, "from", help_status_from_string);
    v.to = enum_field(j, "to", help_status_from_string);
    v.at = j.at("at").get<std::int64_t>();
    v.accepted = j.value("accepted", false);
    v.detail = j.value("detail", "");
}

void to_json(nlohmann::json& j, const HelpTimeLimits& v) {
    j = {{"question", v.question}, {"prereview", v.prereview}, {"proxy", v.proxy}, {"video", v.video}};
}
void from_json(const nlohmann::json& j, HelpTimeLimits& v) {
    v.question = j.value("question", v.question);
    v.prereview = j.value("prereview", v.prereview);
    v.proxy = j.value("proxy", v.proxy);
    v.video = j.value("video", v.video);
}

void to_json(nlohmann::json& j, const HelpClock& v) {
    j = {{"limit", v.limit},   {"elapsed", v.elapsed}, {"remaining", v.remaining},
         {"light", to_string(v.light)}, {"paused", v.paused},   {"stopped", v.stopped}};
}

}  // namespace dp
