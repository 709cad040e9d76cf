// 代办 proxy: the form spec, the agreement preview, the signed agreement (drawn PNG signature,
// consent, time, SHA-256 of the canonical JSON of exactly what was signed) and the agent's case steps.
#include "help_routes.hpp"

#include "digest.hpp"
#include "help_forms.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "json_body.hpp"
#include "upload_store.hpp"
#include "validate.hpp"
#include "writer.hpp"

namespace dp {

CalendarDate today_in_china();  // routes_validate.cpp

using nlohmann::json;

namespace {

void require_proxy(const HelpRecord& rec) {
    if (rec.state.kind != HelpKind::proxy) throw HttpError(404, "not_found", "这个申请不是代办申请");
}

// The "fields" object as strings (absent → ""); wrong types → 400 bad_type naming the field.
std::map<std::string, std::string> read_fields(const json& body) {
    const json* f = opt_object(body, "fields", "fields");
    std::map<std::string, std::string> values;
    if (!f) return values;
    reject_unknown_fields(*f, {"name", "id_number", "phone", "address", "handover", "delivery_address"}, "fields.");
    for (const char* k : {"name", "id_number", "phone", "address", "handover", "delivery_address"})
        if (auto v = opt_string(*f, k, std::string("fields.") + k)) values[k] = *v;
    return values;
}

// Field errors of the proxy form as "fields.<name>" paths, plus the summary for the top of the form.
void add_form_errors(const FormResult& r, json& fields, json& summary) {
    for (const auto& e : r.errors) fields["fields." + e.field] = e.message;
    for (const auto& s : r.summary) summary.push_back({{"field", "fields." + s.field}, {"text", s.text}});
}

std::string agreement_for(App& app, const HelpRecord& rec, const std::map<std::string, std::string>& normalized) {
    ProxyAgreementInput in;
    in.request_number = rec.row.number;
    in.item_name = app.catalogue.catalogue().name_of(rec.row.item_id);
    in.town_name = town_name(app.db, rec.row.town_id);
    in.fields = normalized;
    return proxy_agreement_text(in);
}

void preview(App& app, const httplib::Request& req, httplib::Response& res) {
    const HelpRecord rec = resident_record(app, req);
    require_proxy(rec);
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"fields"});
    const FormResult r = validate_proxy_form(read_fields(body), today_in_china());
    if (!r.ok) {
        json fields = json::object(), summary = json::array();
        add_form_errors(r, fields, summary);
        throw HttpError(400, "invalid", "请检查填写的内容：" + r.errors.front().message, {{"fields", fields}, {"summary", summary}});
    }
    const std::string text = agreement_for(app, rec, r.normalized);
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"agreement_text", text}, {"agreement_sha256", sha256_hex(text)}, {"fields", r.normalized}});
}

void sign(App& app, const httplib::Request& req, httplib::Response& res) {
    const HelpRecord rec = resident_record(app, req);
    require_proxy(rec);
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"fields", "signature", "consent", "agreement_sha256"});
    const FormResult r = validate_proxy_form(read_fields(body), today_in_china());
    json fields = json::object(), summary = json::array();
    add_form_errors(r, fields, summary);
    const auto consent = opt_bool(body, "consent", "consent");
    if (!consent || !*consent) {
        fields["consent"] = "请阅读并同意代办委托书";
        summary.push_back({{"field", "consent"}, {"text", "请阅读并同意代办委托书"}});
    }
    const std::string signature = opt_string(body, "signature", "signature").value_or("");
    bool png = false;
    if (is_sha256_hex(signature)) {
        auto l = app.db.lock();
        Stmt q(app.db,
               "SELECT u.mime FROM request_uploads ru JOIN uploads u ON u.sha256 = ru.sha256 "
               "WHERE ru.request_id = ? AND ru.sha256 = ?");
        q.bind(1, rec.row.id).bind(2, signature);
        png = q.step() && q.text(0) == "image/png";
    }
    if (!png) {
        fields["signature"] = "请先手写签名";
        summary.push_back({{"field", "signature"}, {"text", "请先手写签名"}});
    }
    const std::string shown = opt_string(body, "agreement_sha256", "agreement_sha256").value_or("");
    if (!fields.empty())
        throw HttpError(400, "invalid", "请检查填写的内容：" + summary.front()["text"].get<std::string>(),
                        {{"fields", fields}, {"summary", summary}});
    const std::string text = agreement_for(app, rec, r.normalized);
    if (!shown.empty() && shown != sha256_hex(text))
        throw HttpError(409, "agreement_changed", "委托书内容已变化，请重新阅读后签署");
    const int64_t id = rec.row.id;
    const std::map<std::string, std::string> normalized = r.normalized;
    App* a = &app;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            auto cur = load_help(w, id);
            if (!is_open(cur->state.status)) throw HttpError(409, "request_closed", "这个申请已经结束，不能再签署委托书");
            {
                Stmt q(w, "SELECT signed_at FROM help_proxy WHERE request_id = ?");
                q.bind(1, id);
                if (q.step() && !q.is_null(0) && cur->state.status != HelpStatus::needs_supplement)
                    throw HttpError(409, "already_signed", "委托书已经签署");
            }
            const int64_t now = unix_now();
            const std::string canonical = proxy_canonical_json(text, normalized, cur->row.number, signature, now);
            const std::string hash = sha256_hex(canonical);
            json form = json::object();
            for (const auto& [k, v] : normalized) form[k] = v;
            Stmt u(w,
                   "INSERT INTO help_proxy (request_id, form, agreement_text, signature_sha256, consent, signed_at, canonical, sha256) "
                   "VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (request_id) DO UPDATE SET form = excluded.form, "
                   "agreement_text = excluded.agreement_text, signature_sha256 = excluded.signature_sha256, consent = 1, "
                   "signed_at = excluded.signed_at, canonical = excluded.canonical, sha256 = excluded.sha256");
            u.bind(1, id).bind(2, form.dump()).bind(3, text).bind(4, signature).bind(5, now).bind(6, canonical).bind(7, hash);
            u.step();
            const int64_t seq = add_help_event(w, cur->row, "proxy", {{"what", "signed"}, {"sha256", hash}}, now);
            audit(w, std::nullopt, "help_proxy_signed", "request", std::to_string(id), {{"sha256", hash}});
            return WriteReply{201, {{"proxy", proxy_json(*a, w, *cur, false)}, {"seq", seq}}};
        };
    });
}

void step(App& app, const httplib::Request& req, httplib::Response& res) {
    const DeskContext ctx = desk_record(app, req);
    require_proxy(ctx.record);
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"step", "note"});
    const std::string step_id = opt_string(body, "step", "step").value_or("");
    if (std::string(proxy_step_label(step_id)).empty())
        throw HttpError(400, "invalid", "请检查填写的内容：请选择办理步骤",
                        {{"fields", {{"step", "步骤只能是 materials_received、submitted、result_ready、delivered 或 picked_up"}}}});
    const ValidationResult note = validate_text(opt_string(body, "note", "note").value_or(""), "备注", 500);
    if (!note.ok && note.code != "text.empty")
        throw HttpError(400, "invalid", "请检查填写的内容：" + note.message, {{"fields", {{"note", note.message}}}});
    const std::string note_text = note.ok ? note.normalized : "";
    const int64_t id = ctx.record.row.id;
    const HelpActor actor = user_actor(ctx.user);
    const int64_t user_id = ctx.user.id;
    App* a = &app;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            auto cur = load_help(w, id);
            if (actor.role == ActorRole::agent && cur->state.agent_id != actor.id)
                throw HttpError(409, "lifecycle.not_assigned", "该请求由其他帮办人员办理，您不能记录办理步骤");
            if (cur->state.status != HelpStatus::in_progress)
                throw HttpError(409, "lifecycle.state",
                                std::string("该请求当前为“") + label_zh(cur->state.status) + "”，请先开始办理再记录步骤");
            const int64_t now = unix_now();
            Stmt ins(w, "INSERT OR IGNORE INTO help_proxy (request_id) VALUES (?)");
            ins.bind(1, id);
            ins.step();
            Stmt q(w, "SELECT steps FROM help_proxy WHERE request_id = ?");
            q.bind(1, id);
            q.step();
            json steps = json::parse(q.text(0), nullptr, false);
            if (!steps.is_array()) steps = json::array();
            steps.push_back({{"step", step_id}, {"label", proxy_step_label(step_id)}, {"note", note_text}, {"at", now}});
            Stmt u(w, "UPDATE help_proxy SET steps = ? WHERE request_id = ?");
            u.bind(1, steps.dump()).bind(2, id);
            u.step();
            int64_t seq = add_help_event(w, cur->row, "proxy", {{"what", "step"}, {"step", step_id}}, now);
            add_message(w, cur->row, "system", std::nullopt, std::string("代办进度：") + proxy_step_label(step_id) +
                                                                 (note_text.empty() ? "" : "（" + note_text + "）"),
                        "", now, &seq);
            audit(w, user_id, "help_proxy_step", "request", std::to_string(id), {{"step", step_id}, {"note", note_text}});
            return WriteReply{200, {{"proxy", proxy_json(*a, w, *cur, true)}, {"seq", seq}}};
        };
    });
}

}  // namespace

void register_help_proxy_routes(Routes& server, App& app) {
    server.Get("/api/v1/help/proxy-form",
               [](const httplib::Request&, httplib::Response& res) { send_json(res, proxy_form_json()); });
    server.Post(R"(/api/v1/requests/(\d+)/proxy/preview)",
                [&app](const httplib::Request& req, httplib::Response& res) { preview(app, req, res); });
    server.Post(R"(/api/v1/requests/(\d+)/proxy/sign)",
                [&app](const httplib::Request& req, httplib::Response& res) { sign(app, req, res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/proxy/step)",
                [&app](const httplib::Request& req, httplib::Response& res) { step(app, req, res); });
}

}  // namespace dp
