// 视频帮办: free 30-minute slots per town (working hours, none in the past, not taken by an open video
// request), the resident choosing or accepting a time, and the agent confirming or proposing another.
#include "help_routes.hpp"

#include "help_forms.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "json_body.hpp"
#include "writer.hpp"

namespace dp {

using nlohmann::json;

namespace {

// Times held by open video requests of the town (other than `except`).
std::set<int64_t> taken_slots(Db& db, const std::string& town_id, int64_t except) {
    std::set<int64_t> out;
    auto l = db.lock();
    Stmt q(db,
           "SELECT v.requested_at, v.proposed_at, v.confirmed_at FROM help_video v JOIN requests r ON r.id = v.request_id "
           "WHERE v.town_id = ? AND v.request_id <> ? AND r.status IN ('submitted','assigned','in_progress','needs_supplement')");
    q.bind(1, town_id).bind(2, except);
    while (q.step())
        for (int c = 0; c < 3; ++c)
            if (!q.is_null(c)) out.insert(q.int64(c));
    return out;
}

bool is_free_slot(Db& db, const std::string& town_id, int64_t except, int64_t at, int64_t now) {
    const auto slots = video_slots(now, taken_slots(db, town_id, except));
    return std::find(slots.begin(), slots.end(), at) != slots.end();
}

HttpError slot_error() {
    const char* m = "这个时间已经约满或不在服务时间内，请另选";
    return HttpError(400, "invalid", std::string("请检查填写的内容：") + m, {{"fields", {{"slot_at", m}}}});
}

void slots(App& app, const httplib::Request& req, httplib::Response& res) {
    std::string town;
    const HttpError not_found(404, "not_found", "没有找到这个门牌或区域");
    {
        auto l = app.db.lock();
        if (req.has_param("doorplate")) {
            const std::string code = req.get_param_value("doorplate");
            if (code.empty() || code.size() > 32) throw not_found;
            Stmt q(app.db, "SELECT town_id FROM doorplates WHERE code = ?");
            q.bind(1, code);
            if (!q.step()) throw not_found;
            town = q.text(0);
        } else if (req.has_param("area")) {
            const std::string area = req.get_param_value("area");
            if (area.empty() || area.size() > 32) throw not_found;
            Stmt q(app.db, "SELECT id, kind, COALESCE(parent_id, '') FROM areas WHERE id = ?");
            q.bind(1, area);
            if (!q.step()) throw not_found;
            town = (q.text(1) == "village" || q.text(1) == "community") ? q.text(2) : q.text(0);
        } else {
            throw HttpError(400, "bad_parameter", "请给出参数 doorplate（门牌码）或 area（镇街编号）");
        }
    }
    json list = json::array();
    for (int64_t at : video_slots(unix_now(), taken_slots(app.db, town, 0)))
        list.push_back({{"at", at}, {"label", video_slot_label(at)}});
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"area_id", town}, {"slot_minutes", kVideoSlotSeconds / 60}, {"slots", list}});
}

void require_video(const HelpRecord& rec) {
    if (rec.state.kind != HelpKind::video) throw HttpError(404, "not_found", "这个申请不是视频帮办");
}

int64_t read_slot(const json& body, bool required) {
    const auto slot = opt_integer(body, "slot_at", "slot_at");
    if (!slot) {
        if (required) throw HttpError(400, "invalid", "请检查填写的内容：请选择视频连线的时间", {{"fields", {{"slot_at", "请选择视频连线的时间"}}}});
        return 0;
    }
    return *slot;
}

void resident_slot(App& app, const httplib::Request& req, httplib::Response& res) {
    const HelpRecord rec = resident_record(app, req);
    require_video(rec);
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"slot_at"});
    const int64_t at = read_slot(body, true);
    const int64_t id = rec.row.id;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            auto cur = load_help(w, id);
            if (!is_open(cur->state.status)) throw HttpError(409, "request_closed", "这个申请已经结束，不能再预约时间");
            Stmt q(w, "SELECT proposed_at FROM help_video WHERE request_id = ?");
            q.bind(1, id);
            const bool accepting = q.step() && !q.is_null(0) && q.int64(0) == at;
            const int64_t now = unix_now();
            if (!accepting && !is_free_slot(w, cur->row.town_id, id, at, now)) throw slot_error();
            Stmt u(w, accepting ? "UPDATE help_video SET requested_at = ?, proposed_at = NULL, confirmed_at = ? WHERE request_id = ?"
                                : "UPDATE help_video SET requested_at = ?, proposed_at = NULL, confirmed_at = NULL WHERE request_id = ?");
            u.bind(1, at);
            if (accepting) u.bind(2, at).bind(3, id);
            else u.bind(2, id);
            u.step();
            const char* state = accepting ? "confirmed" : "requested";
            int64_t seq = add_help_event(w, cur->row, "video", {{"state", state}, {"slot_at", at}}, now);
            add_message(w, cur->row, "system", std::nullopt,
                        (accepting ? "居民已同意视频连线时间：" : "居民预约了视频连线时间：") + video_slot_label(at), "", now, &seq);
            audit(w, std::nullopt, "help_video_slot", "request", std::to_string(id), {{"slot_at", at}, {"state", state}});
            return WriteReply{200, {{"video", video_json(w, id)}, {"seq", seq}}};
        };
    });
}

void desk_confirm(App& app, const httplib::Request& req, httplib::Response& res) {
    const DeskContext ctx = desk_record(app, req);
    require_video(ctx.record);
    const json body = body_or_empty(req);
    reject_unknown_fields(body, {"slot_at"});
    const int64_t at = read_slot(body, false);
    const int64_t id = ctx.record.row.id;
    const int64_t user_id = ctx.user.id;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            auto cur = load_help(w, id);
            if (!is_open(cur->state.status)) throw HttpError(409, "request_closed", "这个申请已经结束，不能再确认时间");
            Stmt q(w, "SELECT requested_at FROM help_video WHERE request_id = ?");
            q.bind(1, id);
            const std::optional<int64_t> requested = q.step() && !q.is_null(0) ? std::optional<int64_t>(q.int64(0)) : std::nullopt;
            const int64_t now = unix_now();
            const bool confirm = at == 0 || (requested && *requested == at);
            if (confirm && !requested) throw HttpError(400, "invalid", "请检查填写的内容：居民还没有选择时间，请提出一个时间",
                                                       {{"fields", {{"slot_at", "居民还没有选择时间，请提出一个时间"}}}});
            if (!confirm && !is_free_slot(w, cur->row.town_id, id, at, now)) throw slot_error();
            const int64_t slot = confirm ? *requested : at;
            Stmt u(w, confirm ? "UPDATE help_video SET proposed_at = NULL, confirmed_at = ? WHERE request_id = ?"
                              : "UPDATE help_video SET proposed_at = ?, confirmed_at = NULL WHERE request_id = ?");
            u.bind(1, slot).bind(2, id);
            u.step();
            const char* state = confirm ? "confirmed" : "proposed";
            int64_t seq = add_help_event(w, cur->row, "video", {{"state", state}, {"slot_at", slot}}, now);
            add_message(w, cur->row, "system", std::nullopt,
                        (confirm ? "帮办员已确认视频连线时间：" : "帮办员建议改为：") + video_slot_label(slot) +
                            (confirm ? "" : "，请确认或另选时间"),
                        "", now, &seq);
            audit(w, user_id, "help_video_confirm", "request", std::to_string(id), {{"slot_at", slot}, {"state", state}});
            return WriteReply{200, {{"video", video_json(w, id)}, {"seq", seq}}};
        };
    });
}

}  // namespace

void register_help_video_routes(Routes& server, App& app) {
    server.Get("/api/v1/help/video-slots", [&app](const httplib::Request& req, httplib::Response& res) { slots(app, req, res); });
    server.Post(R"(/api/v1/requests/(\d+)/video/slot)",
                [&app](const httplib::Request& req, httplib::Response& res) { resident_slot(app, req, res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/video/confirm)",
                [&app](const httplib::Request& req, httplib::Response& res) { desk_confirm(app, req, res); });
}

}  // namespace dp
