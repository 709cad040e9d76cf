// 预审 pre-review: the resident attaches an upload to each material of the checklist, the agent
// accepts it or asks for a supplement with a reason; the request follows (needs_supplement when any
// needs redoing, back to in_progress when the resident has redone them, completed 预审通过 when all pass).
#include "help_routes.hpp"

#include "help_forms.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "json_body.hpp"
#include "upload_store.hpp"
#include "validate.hpp"
#include "writer.hpp"

namespace dp {

using nlohmann::json;

namespace {

HttpError material_not_found() { return HttpError(404, "material_not_found", "这个申请没有这项材料"); }

std::string check_material_id(const httplib::Request& req, size_t index) {
    const std::string id = req.matches[index];
    if (id.empty() || id.size() > 100) throw material_not_found();
    return id;
}

std::optional<MaterialState> material_state(Db& db, int64_t request_id, const std::string& material_id) {
    auto l = db.lock();
    Stmt q(db, "SELECT state FROM help_materials WHERE request_id = ? AND material_id = ?");
    q.bind(1, request_id).bind(2, material_id);
    if (!q.step()) return std::nullopt;
    return material_state_from_string(q.text(0));
}

void add_history(Db& w, int64_t request_id, const std::string& material_id, int64_t now, const char* event,
                 const std::string& sha, const std::string& reason, const std::string& by) {
    Stmt h(w, "INSERT INTO help_material_history (request_id, material_id, at, event, sha256, reason, by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    h.bind(1, request_id).bind(2, material_id).bind(3, now).bind(4, std::string(event)).bind(5, sha).bind(6, reason).bind(7, by);
    h.step();
}

std::vector<MaterialState> all_states(Db& w, int64_t request_id) {
    std::vector<MaterialState> out;
    Stmt q(w, "SELECT state FROM help_materials WHERE request_id = ? ORDER BY position");
    q.bind(1, request_id);
    while (q.step()) out.push_back(material_state_from_string(q.text(0)).value_or(MaterialState::missing));
    return out;
}

void resident_upload(App& app, const httplib::Request& req, httplib::Response& res) {
    const HelpRecord rec = resident_record(app, req);
    const std::string material_id = check_material_id(req, 2);
    if (rec.state.kind != HelpKind::prereview || !material_state(app.db, rec.row.id, material_id)) throw material_not_found();
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"upload"});
    const std::string sha = opt_string(body, "upload", "upload").value_or("");
    bool attached = is_sha256_hex(sha);
    if (attached) {
        auto l = app.db.lock();
        Stmt q(app.db, "SELECT 1 FROM request_uploads WHERE request_id = ? AND sha256 = ?");
        q.bind(1, rec.row.id).bind(2, sha);
        attached = q.step();
    }
    if (!attached)
        throw HttpError(400, "invalid", "请检查填写的内容：找不到这个文件，请重新上传",
                        {{"fields", {{"upload", sha.empty() ? "请先上传这项材料的照片或文件" : "找不到这个文件，请重新上传"}}}});
    const int64_t id = rec.row.id;
    App* a = &app;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            auto r = load_help(w, id);
            if (!is_open(r->state.status)) throw HttpError(409, "request_closed", "这个申请已经结束，不能再上传材料");
            if (material_state(w, id, material_id) == MaterialState::accepted)
                throw HttpError(409, "material_accepted", "这项材料已审核通过，不需要重新上传");
            const int64_t now = unix_now();
            Stmt u(w, "UPDATE help_materials SET state = 'submitted', reason = '', upload_sha256 = ?, updated_at = ? "
                      "WHERE request_id = ? AND material_id = ?");
            u.bind(1, sha).bind(2, now).bind(3, id).bind(4, material_id);
            u.step();
            add_history(w, id, material_id, now, "uploaded", sha, "", "resident");
            int64_t seq = add_help_event(w, r->row, "material", {{"material_id", material_id}, {"state", "submitted"}}, now);
            audit(w, std::nullopt, "help_material_upload", "request", std::to_string(id), {{"material", material_id}, {"sha256", sha}});
            // Everything that was asked for is redone: the request goes back to the agent.
            if (r->state.status == HelpStatus::needs_supplement) {
                bool pending = false;
                for (MaterialState s : all_states(w, id)) pending = pending || s == MaterialState::needs_supplement;
                if (!pending) {
                    HelpAction act;
                    act.type = HelpActionType::supplement;
                    act.note = "已重新上传需要补正的材料";
                    seq = commit_action(w, id, act, resident_actor(id), std::nullopt, now).seq;
                }
            }
            auto after = load_help(w, id);
            return WriteReply{200, {{"material", materials_json(*a, w, *after, material_id).at(0)},
                                    {"request", action_reply(*after, seq)["request"]},
                                    {"seq", seq}}};
        };
    });
}

void desk_review(App& app, const httplib::Request& req, httplib::Response& res) {
    const DeskContext ctx = desk_record(app, req);
    const std::string material_id = check_material_id(req, 2);
    if (ctx.record.state.kind != HelpKind::prereview || !material_state(app.db, ctx.record.row.id, material_id))
        throw material_not_found();
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"decision", "reason"});
    const std::string decision = opt_string(body, "decision", "decision").value_or("");
    if (decision != "accepted" && decision != "needs_supplement")
        throw HttpError(400, "invalid", "请检查填写的内容：请选择合格或需补件",
                        {{"fields", {{"decision", "请选择合格（accepted）或需补件（needs_supplement）"}}}});
    std::string reason;
    if (decision == "needs_supplement") {
        const ValidationResult r = validate_text(opt_string(body, "reason", "reason").value_or(""), "补件原因", 500);
        const std::string m = r.code == "text.empty" ? "请写明这项材料需要怎样补正" : r.message;
        if (!r.ok) throw HttpError(400, "invalid", "请检查填写的内容：" + m, {{"fields", {{"reason", m}}}});
        reason = r.normalized;
    } else if (body.contains("reason") && !body["reason"].is_null() && !body["reason"].is_string()) {
        opt_string(body, "reason", "reason");  // 400 bad_type
    }
    const int64_t id = ctx.record.row.id;
    const HelpActor actor = user_actor(ctx.user);
    const int64_t user_id = ctx.user.id;
    App* a = &app;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            auto r = load_help(w, id);
            const int64_t now = unix_now();
            if (actor.role == ActorRole::agent && !r->state.agent_id.empty() && r->state.agent_id != actor.id &&
                is_open(r->state.status))
                throw HttpError(409, "lifecycle.not_assigned", "该请求由其他帮办人员办理，您不能审核材料");
            if (r->state.status == HelpStatus::submitted)
                throw HttpError(409, "lifecycle.state", "请先认领这个申请，再审核材料");
            // The material first (a decided one says so whatever the request's state), then the request.
            const auto state = material_state(w, id, material_id);
            if (state == MaterialState::missing) throw HttpError(409, "material_state", "这项材料还没有上传");
            if (state != MaterialState::submitted)
                throw HttpError(409, "material_state", "这项材料已经审核过了，等居民重新上传后再审核");
            int64_t seq = 0;
            if (r->state.status == HelpStatus::assigned) {
                HelpAction start;
                start.type = HelpActionType::start;
                seq = commit_action(w, id, start, actor, user_id, now).seq;
                r = load_help(w, id);
            }
            if (r->state.status != HelpStatus::in_progress)
                throw HttpError(409, "lifecycle.state",
                                std::string("该请求当前为“") + label_zh(r->state.status) + "”，不能审核材料");
            Stmt u(w, "UPDATE help_materials SET state = ?, reason = ?, updated_at = ? WHERE request_id = ? AND material_id = ?");
            u.bind(1, decision).bind(2, reason).bind(3, now).bind(4, id).bind(5, material_id);
            u.step();
            add_history(w, id, material_id, now, decision.c_str(), "", reason, actor.id);
            seq = add_help_event(w, r->row, "material", {{"material_id", material_id}, {"state", decision}}, now);
            audit(w, user_id, "help_material_review", "request", std::to_string(id),
                  {{"material", material_id}, {"decision", decision}, {"reason", reason}});
            const PrereviewOutcome outcome = prereview_outcome(all_states(w, id));
            if (outcome != PrereviewOutcome::undecided) {
                HelpAction next;
                if (outcome == PrereviewOutcome::passed) {
                    next.type = HelpActionType::complete;
                    next.result = "预审通过：全部材料审核合格";
                } else {
                    next.type = HelpActionType::request_supplement;
                    std::string text = "以下材料需要补正：";
                    bool first = true;
                    for (const auto& m : materials_json(*a, w, *r))
                        if (m["state"] == "needs_supplement") {
                            text += (first ? "" : "；") + m["name"].get<std::string>() + "（" + m["reason"].get<std::string>() + "）";
                            first = false;
                        }
                    // The lifecycle keeps a reason to 500 characters.
                    auto cps = decode_utf8_strict(text);
                    if (cps && cps->size() > 500) text = encode_utf8_codepoints(cps->substr(0, 497)) + "…";
                    next.reason = text;
                }
                seq = commit_action(w, id, next, actor, user_id, now).seq;
            }
            auto after = load_help(w, id);
            return WriteReply{200, {{"material", materials_json(*a, w, *after, material_id).at(0)},
                                    {"request", action_reply(*after, seq)["request"]},
                                    {"seq", seq}}};
        };
    });
}

}  // namespace

void register_help_prereview_routes(Routes& server, App& app) {
    server.Post(R"(/api/v1/requests/(\d+)/materials/([^/]+))",
                [&app](const httplib::Request& req, httplib::Response& res) { resident_upload(app, req, res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/materials/([^/]+)/review)",
                [&app](const httplib::Request& req, httplib::Response& res) { desk_review(app, req, res); });
}

}  // namespace dp
