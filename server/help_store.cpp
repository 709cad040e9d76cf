// 帮办代办 storage: records, who is asking, committing lifecycle actions, events and views
// (see help_store.hpp).
#include "help_store.hpp"

#include <ctime>

#include "digest.hpp"
#include "help_forms.hpp"
#include "http_util.hpp"
#include "mask.hpp"
#include "stats_store.hpp"
#include "upload_store.hpp"

namespace dp {

using nlohmann::json;

std::string resident_actor_id(int64_t request_id) { return "resident:" + std::to_string(request_id); }

HelpActor resident_actor(int64_t request_id) { return {resident_actor_id(request_id), ActorRole::resident}; }

HelpActor user_actor(const User& user) {
    return {std::to_string(user.id), user.role == Role::supervisor ? ActorRole::supervisor : ActorRole::agent};
}

HelpRequest state_from_columns(int64_t id, const std::string& kind, const std::string& status, int64_t created_at,
                               int64_t updated_at, const std::string& agent_id, const std::string& lifecycle) {
    HelpRequest state;
    const json lc = json::parse(lifecycle, nullptr, false);
    bool loaded = false;
    if (lc.is_object()) {
        try {
            state = lc.get<HelpRequest>();
            loaded = true;
        } catch (const json::exception&) {
        }
    }
    if (!loaded) {
        state = make_help_request(std::to_string(id), help_kind_from_string(kind).value_or(HelpKind::question),
                                  resident_actor_id(id), created_at);
        state.agent_id = agent_id;
        state.updated_at = updated_at;
    }
    // The status column is the truth for lists; keep the state in step with it.
    if (auto s = help_status_from_string(status)) state.status = *s;
    return state;
}

std::optional<HelpRecord> load_help(Db& db, int64_t id) {
    auto l = db.lock();
    auto row = load_request(db, id);
    if (!row) return std::nullopt;
    HelpRecord rec;
    rec.row = *row;
    Stmt q(db, "SELECT agent_id, lifecycle FROM requests WHERE id = ?");
    q.bind(1, id);
    q.step();
    rec.state = state_from_columns(id, row->kind, row->status, row->created_at, row->updated_at, q.text(0), q.text(1));
    return rec;
}

namespace {
const HttpError& resident_not_found() {
    static const HttpError e(404, "request_not_found", "没有找到这个求助，或者链接已经失效");
    return e;
}
}  // namespace

HelpRecord resident_record(App& app, const httplib::Request& req, size_t id_match) {
    const std::string id_text = req.matches[id_match];
    std::string token = bearer_token(req);
    if (token.empty()) token = req.get_param_value("token");
    if (id_text.empty() || id_text.size() > 15 || token.empty() || token.size() > 256) throw resident_not_found();
    for (char c : id_text)
        if (c < '0' || c > '9') throw resident_not_found();
    const int64_t id = std::stoll(id_text);
    if (!is_request_token(app.db, id, token)) throw resident_not_found();
    auto rec = load_help(app.db, id);
    if (!rec) throw resident_not_found();
    return *rec;
}

DeskContext desk_record(App& app, const httplib::Request& req, size_t id_match) {
    User user = require_user(req, app, {Role::agent, Role::supervisor});
    const int64_t id = path_id(req, id_match);
    auto rec = load_help(app.db, id);
    if (!rec || !request_in_scope(rec->row, scope_of(user))) throw HttpError(404, "request_not_found", "找不到这个申请");
    return {std::move(user), std::move(*rec)};
}

// ---- writes ----

int64_t add_help_event(Db& w, const RequestRow& r, const std::string& type, const json& data, int64_t now) {
    auto l = w.lock();
    Stmt s(w, "INSERT INTO help_events (request_id, area_id, town_id, at, type, data) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, r.id).bind(2, r.area_id).bind(3, r.town_id).bind(4, now).bind(5, type);
    s.bind(6, data.dump(-1, ' ', false, json::error_handler_t::replace));
    s.step();
    return w.last_insert_id();
}

int64_t add_message(Db& w, const RequestRow& r, const std::string& side, std::optional<int64_t> user_id,
                    const std::string& text, const std::string& upload_sha256, int64_t now, int64_t* seq) {
    auto l = w.lock();
    Stmt s(w, "INSERT INTO help_messages (request_id, at, side, user_id, text, upload_sha256) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, r.id).bind(2, now).bind(3, side);
    if (user_id) s.bind(4, *user_id);
    else s.bind_null(4);
    s.bind(5, text);
    if (upload_sha256.empty()) s.bind_null(6);
    else s.bind(6, upload_sha256);
    s.step();
    const int64_t id = w.last_insert_id();
    const int64_t q = add_help_event(w, r, "message", {{"message", message_json(w, id)}}, now);
    if (seq) *seq = q;
    return id;
}

std::string new_request_number(Db& w, HelpKind kind, int64_t now) {
    const char* prefix = kind == HelpKind::question ? "Q" : kind == HelpKind::prereview ? "P" : kind == HelpKind::proxy ? "D" : "V";
    std::time_t t = static_cast<std::time_t>(now + 8 * 3600);  // Asia/Shanghai
    std::tm tm{};
    gmtime_r(&t, &tm);
    char date[16];
    std::strftime(date, sizeof date, "%Y%m%d", &tm);
    std::string number;
    for (int attempt = 0;; ++attempt) {
        number = std::string(prefix) + "-" + date + "-" + digest::random_code(6);
        Stmt q(w, "SELECT 1 FROM requests WHERE number = ?");
        q.bind(1, number);
        if (!q.step() || attempt >= 8) break;
    }
    return number;
}

CreatedHelp insert_help_request(Db& w, const NewHelpRequest& r, int64_t now, bool record_usage) {
    auto l = w.lock();
    CreatedHelp out;
    out.number = new_request_number(w, r.kind, now);
    Stmt ins(w,
             "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, "
             "contact_phone, id_number, payload, status, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)");
    ins.bind(1, out.number).bind(2, digest::sha256_hex(r.token)).bind(3, std::string(to_string(r.kind)));
    ins.bind(4, r.item_id).bind(5, r.doorplate).bind(6, r.area_id).bind(7, r.town_id);
    ins.bind(8, r.name).bind(9, r.phone);
    if (r.id_number) ins.bind(10, *r.id_number);
    else ins.bind_null(10);
    ins.bind(11, r.payload.dump()).bind(12, now).bind(13, now);
    ins.step();
    out.id = w.last_insert_id();
    Stmt ev(w, "INSERT INTO request_events (request_id, at, status, actor, note) VALUES (?, ?, 'submitted', 'resident', '')");
    ev.bind(1, out.id).bind(2, now);
    ev.step();
    init_help_rows(w, out.id, now);
    if (record_usage) record_help_requested(w, to_string(r.kind), r.item_id, r.town_id, r.area_id, now);
    return out;
}

void init_help_rows(Db& w, int64_t request_id, int64_t now) {
    auto l = w.lock();
    auto row = load_request(w, request_id);
    if (!row) return;
    init_help_rows(w, *row, json::parse(row->payload, nullptr, false), now);
}

void init_help_rows(Db& w, const RequestRow& row, const json& payload, int64_t now) {
    auto l = w.lock();
    if (row.kind == "prereview" && payload.is_object() && payload.contains("materials") && payload["materials"].is_array()) {
        int position = 0;
        for (const auto& m : payload["materials"]) {
            if (!m.is_string()) continue;
            Stmt s(w, "INSERT OR IGNORE INTO help_materials (request_id, material_id, position, updated_at) VALUES (?, ?, ?, ?)");
            s.bind(1, row.id).bind(2, m.get<std::string>()).bind(3, position++).bind(4, now);
            s.step();
        }
    }
    if (row.kind == "video") {
        Stmt s(w, "INSERT OR IGNORE INTO help_video (request_id, town_id, requested_at) VALUES (?, ?, ?)");
        s.bind(1, row.id).bind(2, row.town_id);
        if (payload.is_object() && payload.contains("slot_at") && payload["slot_at"].is_number_integer())
            s.bind(3, payload["slot_at"].get<int64_t>());
        else
            s.bind_null(3);
        s.step();
    }
    add_help_event(w, row, "created", {{"status", row.status}, {"kind", row.kind}}, now);
}

void save_state(Db& w, const HelpRecord& rec) {
    auto l = w.lock();
    Stmt s(w, "UPDATE requests SET status = ?, agent_id = ?, lifecycle = ?, updated_at = ? WHERE id = ?");
    s.bind(1, std::string(to_string(rec.state.status))).bind(2, rec.state.agent_id);
    s.bind(3, json(rec.state).dump(-1, ' ', false, json::error_handler_t::replace));
    s.bind(4, rec.state.updated_at).bind(5, rec.row.id);
    s.step();
}

void throw_lifecycle_error(const std::string& code, const std::string& message) {
    const bool payload = code == "lifecycle.target_required" || code == "lifecycle.transfer_same" ||
                         code == "lifecycle.reason_required" || code == "lifecycle.result_required" ||
                         code == "lifecycle.score_range" || code == "lifecycle.text";
    throw HttpError(payload ? 400 : 409, code, message);
}

namespace {
std::string system_text(const HelpAction& a, const HelpRequest& s) {
    switch (a.type) {
        case HelpActionType::claim: return "帮办员已受理您的申请";
        case HelpActionType::assign: return "已为您分派帮办员";
        case HelpActionType::transfer: return "已转交给其他帮办员继续办理";
        case HelpActionType::start: return "帮办员开始办理";
        case HelpActionType::request_supplement: return "需要补充材料：" + s.supplement_reason;
        case HelpActionType::supplement: return "居民已补充材料";
        case HelpActionType::complete: return "已办结：" + s.result;
        case HelpActionType::withdraw: return "居民已撤回申请";
        case HelpActionType::rate: return std::string("居民已评价：") + rating_label(s.rating ? s.rating->score : 0);
    }
    return "";
}
}  // namespace

ActionOutcome commit_action(Db& w, int64_t request_id, const HelpAction& action, const HelpActor& actor,
                            std::optional<int64_t> user_id, int64_t now, bool record_usage) {
    auto l = w.lock();
    auto rec = load_help(w, request_id);
    if (!rec) throw HttpError(404, "request_not_found", "找不到这个申请");
    const HelpApplyResult r = apply(rec->state, action, actor, now);
    if (!r.ok) throw_lifecycle_error(r.error_code, r.error);
    rec->state = r.state;
    rec->row.status = to_string(r.state.status);
    rec->row.updated_at = r.state.updated_at;
    save_state(w, *rec);
    const std::string who = actor.role == ActorRole::resident ? "resident" : std::string(to_string(actor.role)) + ":" + actor.id;
    {
        Stmt ev(w, "INSERT INTO request_events (request_id, at, status, actor, note) VALUES (?, ?, ?, ?, ?)");
        ev.bind(1, request_id).bind(2, now).bind(3, rec->row.status).bind(4, who);
        ev.bind(5, scrub_personal_data(r.audit.detail));
        ev.step();
    }
    ActionOutcome out;
    out.seq = add_help_event(w, rec->row, "status",
                             {{"status", rec->row.status},
                              {"status_label", label_zh(r.state.status)},
                              {"action", to_string(action.type)},
                              {"agent_id", r.state.agent_id}},
                             now);
    add_message(w, rec->row, "system", std::nullopt, system_text(action, r.state), "", now, &out.seq);
    audit(w, user_id, std::string("help_") + to_string(action.type), "request", std::to_string(request_id),
          {{"from", to_string(r.audit.from)}, {"to", to_string(r.audit.to)}, {"by", who}, {"detail", r.audit.detail}});
    if (action.type == HelpActionType::rate && r.state.rating) {
        if (is_bad_rating(r.state.rating->score)) {
            Stmt f(w, "INSERT OR IGNORE INTO help_follow_ups (request_id, score, comment, created_at) VALUES (?, ?, ?, ?)");
            f.bind(1, request_id).bind(2, r.state.rating->score).bind(3, r.state.rating->comment).bind(4, now);
            f.step();
        }
        out.seq = add_help_event(w, rec->row, "rating",
                                 {{"score", r.state.rating->score},
                                  {"label", rating_label(r.state.rating->score)},
                                  {"follow_up", is_bad_rating(r.state.rating->score)}},
                                 now);
    }
    if (record_usage && action.type == HelpActionType::complete) record_request_closed(w, request_id, now);
    if (record_usage && action.type == HelpActionType::rate && r.state.rating)
        record_rating(w, request_id, r.state.rating->score, now);
    out.record = std::move(*rec);
    return out;
}

json action_reply(const HelpRecord& rec, int64_t seq) {
    return {{"request",
             {{"id", rec.row.id},
              {"number", rec.row.number},
              {"status", rec.row.status},
              {"status_label", label_zh(rec.state.status)},
              {"agent_id", rec.state.agent_id},
              {"updated_at", rec.row.updated_at}}},
            {"seq", seq}};
}

// ---- views ----

std::string town_name(Db& db, const std::string& town_id) {
    auto l = db.lock();
    Stmt q(db, "SELECT name FROM areas WHERE id = ?");
    q.bind(1, town_id);
    return q.step() ? q.text(0) : std::string();
}

std::string doorplate_address(Db& db, const std::string& code) {
    auto l = db.lock();
    Stmt q(db, "SELECT county || town || village || road || number || building FROM doorplates WHERE code = ?");
    q.bind(1, code);
    return q.step() ? q.text(0) : std::string();
}

json message_json(Db& db, int64_t message_id) {
    auto l = db.lock();
    Stmt q(db,
           "SELECT m.id, m.side, m.text, m.upload_sha256, m.at, u.display_name, up.mime FROM help_messages m "
           "LEFT JOIN users u ON u.id = m.user_id LEFT JOIN uploads up ON up.sha256 = m.upload_sha256 WHERE m.id = ?");
    q.bind(1, message_id);
    if (!q.step()) return nullptr;
    const std::string side = q.text(1);
    std::string author = side == "resident" ? "居民" : side == "system" ? "系统" : q.text(5);
    if (author.empty()) author = "帮办员";
    json upload = nullptr;
    if (!q.is_null(3))
        upload = {{"sha256", q.text(3)}, {"mime", q.text(6)}, {"url", "/api/v1/uploads/" + q.text(3)}};
    return {{"id", q.int64(0)}, {"side", side}, {"author", author}, {"text", q.text(2)}, {"upload", upload},
            {"at", q.int64(4)}};
}

json reads_json(Db& db, int64_t request_id) {
    json r = {{"resident", 0}, {"agent", 0}};
    auto l = db.lock();
    Stmt q(db, "SELECT side, message_id FROM help_reads WHERE request_id = ?");
    q.bind(1, request_id);
    while (q.step()) r[q.text(0)] = q.int64(1);
    return r;
}

int64_t last_seq(Db& db, int64_t request_id) {
    auto l = db.lock();
    Stmt q(db, "SELECT COALESCE(MAX(seq), 0) FROM help_events WHERE request_id = ?");
    q.bind(1, request_id);
    q.step();
    return q.int64(0);
}

namespace {
const Material* find_material(const Catalogue& cat, const std::string& item_id, const std::string& material_id) {
    if (const Item* item = cat.find_item(item_id)) return item->find_material(material_id);
    if (const Bundle* b = cat.find_bundle(item_id))
        for (const auto& i : b->items)
            if (const Item* item = cat.find_item(i))
                if (const Material* m = item->find_material(material_id)) return m;
    return nullptr;
}
}  // namespace

json materials_json(App& app, Db& db, const HelpRecord& rec, const std::string& only) {
    const Catalogue& cat = app.catalogue.catalogue();
    json list = json::array();
    auto l = db.lock();
    Stmt q(db,
           "SELECT m.material_id, m.state, m.reason, m.upload_sha256, u.mime, u.size, m.updated_at FROM help_materials m "
           "LEFT JOIN uploads u ON u.sha256 = m.upload_sha256 WHERE m.request_id = ? AND (? = '' OR m.material_id = ?) "
           "ORDER BY m.position");
    q.bind(1, rec.row.id).bind(2, only).bind(3, only);
    while (q.step()) {
        const std::string id = q.text(0);
        const Material* m = find_material(cat, rec.row.item_id, id);
        const auto state = material_state_from_string(q.text(1)).value_or(MaterialState::missing);
        json item = {{"id", id},
                     {"name", m ? m->name : id},
                     {"state", to_string(state)},
                     {"state_label", label_zh(state)},
                     {"reason", q.text(2)},
                     {"sample", m ? m->sample : ""},
                     {"review_points", m ? m->review_points : std::vector<std::string>{}},
                     {"upload", nullptr}};
        if (!q.is_null(3))
            item["upload"] = {{"sha256", q.text(3)},
                              {"mime", q.text(4)},
                              {"size", q.int64(5)},
                              {"url", "/api/v1/uploads/" + q.text(3)},
                              {"uploaded_at", q.int64(6)}};
        json history = json::array();
        Stmt h(db,
               "SELECT at, event, sha256, reason, by FROM help_material_history WHERE request_id = ? AND material_id = ? "
               "ORDER BY id");
        h.bind(1, rec.row.id).bind(2, id);
        while (h.step()) {
            json e = {{"at", h.int64(0)}, {"event", h.text(1)}, {"by", h.text(4)}};
            if (!h.text(2).empty()) e["sha256"] = h.text(2);
            if (!h.text(3).empty()) e["reason"] = h.text(3);
            history.push_back(e);
        }
        // The upload's time is when it was attached (its last "uploaded" entry).
        for (auto it = history.rbegin(); it != history.rend(); ++it)
            if ((*it)["event"] == "uploaded" && !item["upload"].is_null()) {
                item["upload"]["uploaded_at"] = (*it)["at"];
                break;
            }
        item["history"] = history;
        list.push_back(item);
    }
    return list;
}

json proxy_json(App& app, Db& db, const HelpRecord& rec, bool masked) {
    const RequestRow& r = rec.row;
    json out = json::object();
    json prefill = {{"name", r.contact_name},
                    {"id_number", r.id_number ? json(*r.id_number) : json("")},
                    {"phone", r.contact_phone},
                    {"address", doorplate_address(db, r.doorplate_code)}};
    auto mask_form = [&](json& f) {
        if (!masked || !f.is_object()) return;
        if (f.contains("id_number") && f["id_number"].is_string()) f["id_number"] = mask_id_number(f["id_number"].get<std::string>());
        if (f.contains("phone") && f["phone"].is_string()) f["phone"] = mask_mobile(f["phone"].get<std::string>());
    };
    mask_form(prefill);
    out["prefill"] = prefill;
    out["form"] = nullptr;
    out["signed"] = nullptr;
    out["steps"] = json::array();
    out["batch_id"] = "";
    std::string canonical, sha, agreement, signature, fields_text;
    int64_t signed_at = 0;
    bool consent = false, is_signed = false;
    {
        auto l = db.lock();
        Stmt q(db,
               "SELECT form, agreement_text, signature_sha256, consent, signed_at, canonical, sha256, steps, batch_id "
               "FROM help_proxy WHERE request_id = ?");
        q.bind(1, r.id);
        if (!q.step()) return out;
        if (!q.is_null(0)) {
            fields_text = q.text(0);
            json form = json::parse(fields_text, nullptr, false);
            mask_form(form);
            out["form"] = form.is_discarded() ? json(nullptr) : form;
        }
        if (!q.is_null(4)) {
            is_signed = true;
            agreement = q.text(1);
            signature = q.text(2);
            consent = q.int64(3) != 0;
            signed_at = q.int64(4);
            canonical = q.text(5);
            sha = q.text(6);
        }
        json steps = json::parse(q.text(7), nullptr, false);
        if (steps.is_array()) out["steps"] = steps;
        out["batch_id"] = q.text(8);
    }
    if (is_signed) {
        // Rebuild what was signed from its stored parts and check both hashes.
        std::map<std::string, std::string> fields;
        json f = json::parse(fields_text, nullptr, false);
        if (f.is_object())
            for (auto& [k, v] : f.items())
                if (v.is_string()) fields[k] = v.get<std::string>();
        const std::string rebuilt = proxy_canonical_json(agreement, fields, r.number, signature, signed_at);
        auto bytes = UploadStore(app.config.auth.uploads_dir).read(signature);
        const bool verified = rebuilt == canonical && sha256_hex(rebuilt) == sha && bytes && sha256_hex(*bytes) == signature;
        out["signed"] = {{"agreement_text", masked ? scrub_personal_data(agreement) : agreement},
                         {"signature_sha256", signature},
                         {"signature_url", "/api/v1/uploads/" + signature},
                         {"consent", consent},
                         {"signed_at", signed_at},
                         {"canonical", masked ? scrub_personal_data(canonical) : canonical},
                         {"sha256", sha},
                         {"verified", verified}};
    }
    return out;
}

json video_json(Db& db, int64_t request_id) {
    auto l = db.lock();
    Stmt q(db, "SELECT requested_at, proposed_at, confirmed_at FROM help_video WHERE request_id = ?");
    q.bind(1, request_id);
    if (!q.step()) return nullptr;
    auto opt = [&](int c) { return q.is_null(c) ? json(nullptr) : json(q.int64(c)); };
    json v = {{"requested_at", opt(0)}, {"proposed_at", opt(1)}, {"confirmed_at", opt(2)}};
    if (!q.is_null(2)) {
        v["state"] = "confirmed";
        v["label"] = "已确认：" + video_slot_label(q.int64(2));
    } else if (!q.is_null(1)) {
        v["state"] = "proposed";
        v["label"] = "帮办员建议改为：" + video_slot_label(q.int64(1));
    } else {
        v["state"] = "requested";
        v["label"] = q.is_null(0) ? std::string("待确认") : "待确认：" + video_slot_label(q.int64(0));
    }
    return v;
}

json help_details(App& app, const HelpRecord& rec, const std::optional<User>& viewer, int64_t now) {
    const HelpRequest& s = rec.state;
    json d = json::object();
    d["agent"] = nullptr;
    if (!s.agent_id.empty()) {
        try {
            if (auto u = find_user(app.db, std::stoll(s.agent_id)))
                d["agent"] = {{"id", s.agent_id}, {"display_name", u->display_name}};
        } catch (const std::exception&) {
        }
    }
    d["agent_id"] = s.agent_id;
    const HelpActor actor = viewer ? user_actor(*viewer) : resident_actor(rec.row.id);
    json actions = json::array();
    for (HelpActionType t : allowed_actions(s, actor)) actions.push_back(to_string(t));
    d["allowed_actions"] = actions;
    d["clock"] = help_clock(s, now);
    d["status_label"] = label_zh(s.status);
    d["supplement_reason"] = s.supplement_reason;
    d["result"] = s.result;
    d["rating"] = nullptr;
    if (s.rating)
        d["rating"] = {{"score", s.rating->score}, {"label", rating_label(s.rating->score)}, {"comment", s.rating->comment},
                       {"at", s.rating->at}};
    if (viewer) d["follow_up"] = s.follow_up;
    const json reads = reads_json(app.db, rec.row.id);
    {
        auto l = app.db.lock();
        Stmt q(app.db,
               viewer ? "SELECT COALESCE(MAX(id), 0), SUM(side = 'resident' AND id > ?) FROM help_messages WHERE request_id = ?"
                      : "SELECT COALESCE(MAX(id), 0), SUM(side <> 'resident' AND id > ?) FROM help_messages WHERE request_id = ?");
        q.bind(1, reads[viewer ? "agent" : "resident"].get<int64_t>()).bind(2, rec.row.id);
        q.step();
        d["chat"] = {{"last_message_id", q.int64(0)}, {"unread", q.is_null(1) ? 0 : q.int64(1)}, {"read", reads}};
    }
    d["last_seq"] = last_seq(app.db, rec.row.id);
    if (s.kind == HelpKind::prereview) {
        d["materials"] = materials_json(app, app.db, rec);
        std::vector<MaterialState> states;
        for (const auto& m : d["materials"]) states.push_back(*material_state_from_string(m["state"].get<std::string>()));
        d["prereview_passed"] = prereview_outcome(states) == PrereviewOutcome::passed;
    }
    if (s.kind == HelpKind::proxy) d["proxy"] = proxy_json(app, app.db, rec, viewer.has_value());
    if (s.kind == HelpKind::video) d["video"] = video_json(app.db, rec.row.id);
    return d;
}

}  // namespace dp
