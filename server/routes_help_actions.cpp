// 帮办代办 lifecycle over HTTP: desk actions (claim, assign, transfer, start, request_supplement,
// complete), resident actions (supplement, withdraw, rate), follow-ups of bad ratings, the desk queue
// with traffic lights, the agents list, canned replies and the rating scale.
#include "help_routes.hpp"

#include "help_forms.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "idempotency.hpp"
#include "json_body.hpp"
#include "writer.hpp"

namespace dp {

using nlohmann::json;

json body_or_empty(const httplib::Request& req) {
    if (req.body.empty()) return json::object();
    return parse_json_body(req);
}

void help_post(App& app, const httplib::Request& req, httplib::Response& res, const PrepareWrite& prepare) {
    durable_post(app, req, res, "POST " + req.path, prepare);
    app.help.notify();
}

namespace {

// An agent who may take over the request: an enabled agent whose area is the request's village or town.
void check_target_agent(App& app, const RequestRow& r, const std::string& agent_id) {
    const HttpError bad(400, "invalid", "请检查填写的内容：请选择本区域的帮办人员",
                        {{"fields", {{"agent_id", "请选择本区域的帮办人员"}}}});
    if (agent_id.empty()) return;  // the lifecycle says "请选择要接手的帮办人员"
    if (agent_id.size() > 15 || agent_id.find_first_not_of("0123456789") != std::string::npos) throw bad;
    auto u = find_user(app.db, std::stoll(agent_id));
    if (!u || u->disabled || u->role != Role::agent || (u->area_id != r.area_id && u->area_id != r.town_id)) throw bad;
}

void desk_action(App& app, const httplib::Request& req, httplib::Response& res) {
    const DeskContext ctx = desk_record(app, req);
    const auto type = help_action_from_string(req.matches[2]);
    const json body = body_or_empty(req);
    HelpAction a;
    a.type = *type;
    switch (a.type) {
        case HelpActionType::assign:
        case HelpActionType::transfer:
            if (a.type == HelpActionType::assign) reject_unknown_fields(body, {"agent_id"});
            else reject_unknown_fields(body, {"agent_id", "reason"});
            a.agent_id = opt_string(body, "agent_id", "agent_id").value_or("");
            a.reason = opt_string(body, "reason", "reason").value_or("");
            check_target_agent(app, ctx.record.row, a.agent_id);
            break;
        case HelpActionType::request_supplement:
            reject_unknown_fields(body, {"reason"});
            a.reason = opt_string(body, "reason", "reason").value_or("");
            break;
        case HelpActionType::complete:
            reject_unknown_fields(body, {"result"});
            a.result = opt_string(body, "result", "result").value_or("");
            break;
        default:
            reject_unknown_fields(body, {});
    }
    const int64_t id = ctx.record.row.id;
    const HelpActor actor = user_actor(ctx.user);
    const int64_t user_id = ctx.user.id;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            const ActionOutcome o = commit_action(w, id, a, actor, user_id, unix_now());
            return WriteReply{200, action_reply(o.record, o.seq)};
        };
    });
}

void resident_action(App& app, const httplib::Request& req, httplib::Response& res) {
    const HelpRecord rec = resident_record(app, req);
    const auto type = help_action_from_string(req.matches[2]);
    const json body = body_or_empty(req);
    HelpAction a;
    a.type = *type;
    switch (a.type) {
        case HelpActionType::supplement:
            reject_unknown_fields(body, {"note"});
            a.note = opt_string(body, "note", "note").value_or("");
            break;
        case HelpActionType::withdraw:
            reject_unknown_fields(body, {"reason"});
            a.reason = opt_string(body, "reason", "reason").value_or("");
            break;
        default:  // rate
            reject_unknown_fields(body, {"score", "comment"});
            a.score = static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(99, opt_integer(body, "score", "score").value_or(0))));
            a.comment = opt_string(body, "comment", "comment").value_or("");
    }
    const int64_t id = rec.row.id;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            const ActionOutcome o = commit_action(w, id, a, resident_actor(id), std::nullopt, unix_now());
            return WriteReply{200, action_reply(o.record, o.seq)};
        };
    });
}

// ---- follow-ups ----

json follow_up_json(const Stmt& q) {
    return {{"id", q.int64(0)},         {"request_id", q.int64(1)}, {"number", q.text(2)},
            {"area_id", q.text(3)},     {"town_id", q.text(4)},     {"score", q.int64(5)},
            {"label", rating_label(static_cast<int>(q.int64(5)))},  {"comment", q.text(6)},
            {"created_at", q.int64(7)}, {"state", q.text(8)},       {"note", q.text(9)},
            {"closed_at", q.is_null(10) ? json(nullptr) : json(q.int64(10))}};
}
constexpr const char* kFollowUpColumns =
    "SELECT f.id, f.request_id, r.number, r.area_id, r.town_id, f.score, f.comment, f.created_at, f.state, f.note, "
    "f.closed_at FROM help_follow_ups f JOIN requests r ON r.id = f.request_id ";

void list_follow_ups(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::supervisor});
    std::string state = req.has_param("state") ? req.get_param_value("state") : "open";
    if (state != "open" && state != "closed" && state != "all")
        throw HttpError(400, "bad_parameter", "参数 state 只能是 open、closed 或 all");
    json list = json::array();
    {
        auto l = app.db.lock();
        Stmt q(app.db, (std::string(kFollowUpColumns) + (state == "all" ? "" : "WHERE f.state = ? ") +
                        "ORDER BY f.created_at DESC, f.id DESC LIMIT 500").c_str());
        if (state != "all") q.bind(1, state);
        while (q.step()) list.push_back(follow_up_json(q));
    }
    audit(app.db, user.id, "follow_up_list", "follow_ups", "", {{"state", state}, {"returned", list.size()}});
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"follow_ups", list}});
}

void close_follow_up(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::supervisor});
    const int64_t id = path_id(req);
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"note"});
    const ValidationResult note = validate_text(opt_string(body, "note", "note").value_or(""), "回访说明", 500);
    if (!note.ok)
        throw HttpError(400, "invalid", "请检查填写的内容：" + (note.code == "text.empty" ? std::string("请填写回访说明") : note.message),
                        {{"fields", {{"note", note.code == "text.empty" ? "请填写回访说明" : note.message}}}});
    const std::string text = note.normalized;
    const int64_t user_id = user.id;
    durable_post(app, req, res, "POST " + req.path, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            Stmt q(w, (std::string(kFollowUpColumns) + "WHERE f.id = ?").c_str());
            q.bind(1, id);
            if (!q.step()) throw HttpError(404, "not_found", "找不到这条回访");
            if (q.text(8) == "closed") throw HttpError(409, "follow_up_closed", "这条回访已经办结");
            const int64_t now = unix_now();
            Stmt u(w, "UPDATE help_follow_ups SET state = 'closed', note = ?, closed_by = ?, closed_at = ? WHERE id = ?");
            u.bind(1, text).bind(2, user_id).bind(3, now).bind(4, id);
            u.step();
            audit(w, user_id, "follow_up_close", "request", std::to_string(q.int64(1)), {{"follow_up", id}, {"note", text}});
            Stmt again(w, (std::string(kFollowUpColumns) + "WHERE f.id = ?").c_str());
            again.bind(1, id);
            again.step();
            return WriteReply{200, {{"follow_up", follow_up_json(again)}}};
        };
    });
}

// ---- queue, agents, canned replies, rating scale ----

void queue(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const RequestScope scope = scope_of(user);
    const int64_t now = unix_now();
    std::map<std::string, json> areas;  // town id → entry
    auto entry = [&](const std::string& town) -> json& {
        auto it = areas.find(town);
        if (it == areas.end())
            it = areas.emplace(town, json{{"area_id", town},
                                          {"area_name", town_name(app.db, town)},
                                          {"counts", json::object()},
                                          {"lights", {{"green", 0}, {"yellow", 0}, {"red", 0}}},
                                          {"open", 0}})
                     .first;
        return it->second;
    };
    if (user.role == Role::agent && !user.area_id.empty()) {
        // The agent's own area first, even when it is empty (an agent's area is a town).
        auto l = app.db.lock();
        Stmt t(app.db, "SELECT COALESCE((SELECT parent_id FROM areas WHERE id = ? AND kind IN ('village','community')), ?)");
        t.bind(1, user.area_id).bind(2, user.area_id);
        t.step();
        entry(t.text(0));
    }
    {
        auto l = app.db.lock();
        Stmt q(app.db, ("SELECT r.id, r.kind, r.status, r.created_at, r.updated_at, r.agent_id, r.lifecycle, r.town_id "
                        "FROM requests r WHERE 1=1" + scope.sql()).c_str());
        int i = 1;
        for (const auto& p : scope.params()) q.bind(i++, p);
        while (q.step()) {
            json& e = entry(q.text(7));
            const std::string status = q.text(2);
            e["counts"][status] = e["counts"].value(status, 0) + 1;
            const HelpRequest s = state_from_columns(q.int64(0), q.text(1), status, q.int64(3), q.int64(4), q.text(5), q.text(6));
            if (!is_open(s.status)) continue;
            const char* light = to_string(help_clock(s, now).light);
            e["lights"][light] = e["lights"][light].get<int>() + 1;
            e["open"] = e["open"].get<int>() + 1;
        }
    }
    json list = json::array();
    for (auto& [k, v] : areas) list.push_back(v);
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"areas", list}, {"time_limits", HelpTimeLimits{}}});
}

void agents(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    json list = json::array();
    auto l = app.db.lock();
    Stmt q(app.db, user.role == Role::agent
                       ? "SELECT id, username, display_name, COALESCE(area_id, '') FROM users WHERE role = 'agent' AND disabled = 0 AND area_id = ? ORDER BY id"
                       : "SELECT id, username, display_name, COALESCE(area_id, '') FROM users WHERE role = 'agent' AND disabled = 0 ORDER BY id");
    if (user.role == Role::agent) q.bind(1, user.area_id);
    while (q.step())
        list.push_back({{"id", std::to_string(q.int64(0))}, {"username", q.text(1)}, {"display_name", q.text(2)},
                        {"area_id", q.text(3)}});
    send_json(res, {{"agents", list}});
}

}  // namespace

void register_help_action_routes(Routes& server, App& app) {
    server.Post(R"(/api/v1/desk/requests/(\d+)/(claim|assign|transfer|start|request_supplement|complete))",
                [&app](const httplib::Request& req, httplib::Response& res) { desk_action(app, req, res); });
    server.Post(R"(/api/v1/requests/(\d+)/(supplement|withdraw|rate))",
                [&app](const httplib::Request& req, httplib::Response& res) { resident_action(app, req, res); });
    server.Get("/api/v1/desk/follow-ups", [&app](const httplib::Request& req, httplib::Response& res) { list_follow_ups(app, req, res); });
    server.Post(R"(/api/v1/desk/follow-ups/(\d+)/close)",
                [&app](const httplib::Request& req, httplib::Response& res) { close_follow_up(app, req, res); });
    server.Get("/api/v1/desk/queue", [&app](const httplib::Request& req, httplib::Response& res) { queue(app, req, res); });
    server.Get("/api/v1/desk/agents", [&app](const httplib::Request& req, httplib::Response& res) { agents(app, req, res); });
    server.Get("/api/v1/desk/canned-replies", [&app](const httplib::Request& req, httplib::Response& res) {
        require_user(req, app, {Role::agent, Role::supervisor});
        json list = json::array();
        for (const auto& c : canned_replies()) list.push_back({{"id", c.id}, {"title", c.title}, {"text", c.text}});
        send_json(res, {{"replies", list}});
    });
    server.Get("/api/v1/help/rating-scale", [](const httplib::Request&, httplib::Response& res) {
        json list = json::array();
        for (int s = 5; s >= 1; --s) list.push_back({{"score", s}, {"label", rating_label(s)}});
        send_json(res, {{"scale", list}});
    });
}

void register_help_routes(Routes& server, App& app) {
    register_help_action_routes(server, app);
    register_help_chat_routes(server, app);
    register_help_prereview_routes(server, app);
    register_help_proxy_routes(server, app);
    register_help_batch_routes(server, app);
    register_help_video_routes(server, app);
}


}  // namespace dp
