// Resident requests (帮办代办): POST /api/v1/requests, checked strictly per kind and stored durably
// through the writer with Idempotency-Key support; GET /api/v1/requests/<id> with its token.
#include <chrono>
#include <ctime>

#include "app.hpp"
#include "digest.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "idempotency.hpp"
#include "json_body.hpp"
#include "rate_limit.hpp"
#include "request_lifecycle.hpp"
#include "stats_store.hpp"
#include "validate.hpp"
#include "writer.hpp"

namespace dp {

CalendarDate today_in_china();  // routes_validate.cpp

namespace {

using nlohmann::json;

constexpr size_t kQuestionMaxChars = 2000;
constexpr size_t kNoteMaxChars = 500;
constexpr size_t kAddressMaxChars = 200;
constexpr size_t kMaxMaterials = 50;
constexpr int64_t kVideoEarliest = 10 * 60;         // a slot at least 10 minutes ahead
constexpr int64_t kVideoLatest = 30 * 24 * 3600;    // and at most 30 days ahead

struct NewRequest {
    HelpKind kind = HelpKind::question;
    std::string item_id, doorplate, area_id, town_id, name, phone;
    std::optional<std::string> id_number;
    json payload = json::object();
};

// Field errors collected in order; the first message per field wins.
struct FieldErrors {
    json fields = json::object();
    std::string first;
    void add(const std::string& path, const std::string& message) {
        if (fields.contains(path)) return;
        fields[path] = message;
        if (first.empty()) first = message;
    }
    void raise_if_any() const {
        if (!fields.empty()) throw HttpError(400, "invalid", "请检查填写的内容：" + first, {{"fields", fields}});
    }
};

// Free text: valid, not blank when required, at most max_chars; the trimmed text.
std::optional<std::string> check_text(FieldErrors& errors, const json& obj, const char* name, const std::string& path,
                                      const std::string& label, size_t max_chars, bool required) {
    auto v = opt_string(obj, name, path);
    ValidationResult r = validate_text(v.value_or(""), label, max_chars);
    if (r.code == "text.empty") {  // absent or blank: "请输入<label>" when required
        if (required) errors.add(path, r.message);
        return std::nullopt;
    }
    if (!r.ok) {
        errors.add(path, r.message);
        return std::nullopt;
    }
    return r.normalized;
}

// The material ids a prereview may name: the item's materials, or every material of a bundle's items.
std::vector<std::string> known_materials(const Catalogue& cat, const std::string& id) {
    std::vector<std::string> out;
    auto add_item = [&](const Item* item) {
        if (item)
            for (auto& m : item->materials) out.push_back(m.id);
    };
    if (const Item* item = cat.find_item(id)) add_item(item);
    if (const Bundle* b = cat.find_bundle(id))
        for (auto& i : b->items) add_item(cat.find_item(i));
    return out;
}

json check_payload(FieldErrors& errors, const json& p, HelpKind kind, const Catalogue& cat, const std::string& item_id,
                   int64_t now) {
    json out = json::object();
    switch (kind) {
        case HelpKind::question: {
            reject_unknown_fields(p, {"text"}, "payload.");
            if (auto t = check_text(errors, p, "text", "payload.text", "要咨询的问题", kQuestionMaxChars, true))
                out["text"] = *t;
            break;
        }
        case HelpKind::prereview: {
            reject_unknown_fields(p, {"materials", "note"}, "payload.");
            const json* list = opt_array(p, "materials", "payload.materials");
            if (!list || list->empty()) {
                errors.add("payload.materials", "请至少选择一项要预审的材料");
            } else if (list->size() > kMaxMaterials) {
                errors.add("payload.materials", "一次最多预审 " + std::to_string(kMaxMaterials) + " 项材料");
            } else {
                const auto known = known_materials(cat, item_id);
                json ids = json::array();
                for (size_t i = 0; i < list->size(); ++i) {
                    const std::string path = "payload.materials[" + std::to_string(i) + "]";
                    const json& m = (*list)[i];
                    if (!m.is_string()) throw HttpError(400, "bad_type", "字段 " + path + " 应为材料编号（文字）",
                                                        {{"fields", {{path, "应为材料编号（文字）"}}}});
                    const std::string id = m.get<std::string>();
                    if (std::find(known.begin(), known.end(), id) == known.end())
                        errors.add(path, "这个事项没有名为 " + id.substr(0, 80) + " 的材料");
                    else if (std::find(ids.begin(), ids.end(), id) != ids.end())
                        errors.add(path, "材料 " + id + " 重复了");
                    else
                        ids.push_back(id);
                }
                out["materials"] = ids;
            }
            if (auto n = check_text(errors, p, "note", "payload.note", "备注", kNoteMaxChars, false)) out["note"] = *n;
            break;
        }
        case HelpKind::proxy: {
            reject_unknown_fields(p, {"address", "agree", "note"}, "payload.");
            if (auto a = check_text(errors, p, "address", "payload.address", "材料交接地址", kAddressMaxChars, true))
                out["address"] = *a;
            auto agree = opt_bool(p, "agree", "payload.agree");
            if (!agree || !*agree) errors.add("payload.agree", "请阅读并同意代办协议");
            else out["agree"] = true;
            if (auto n = check_text(errors, p, "note", "payload.note", "备注", kNoteMaxChars, false)) out["note"] = *n;
            break;
        }
        case HelpKind::video: {
            reject_unknown_fields(p, {"slot_at", "topic"}, "payload.");
            auto slot = opt_integer(p, "slot_at", "payload.slot_at");
            if (!slot) errors.add("payload.slot_at", "请选择视频连线的时间");
            else if (*slot < now + kVideoEarliest) errors.add("payload.slot_at", "视频连线的时间应在 10 分钟以后");
            else if (*slot > now + kVideoLatest) errors.add("payload.slot_at", "视频连线最多预约 30 天以内的时间");
            else out["slot_at"] = *slot;
            if (auto t = check_text(errors, p, "topic", "payload.topic", "想咨询的内容", kNoteMaxChars, false))
                out["topic"] = *t;
            break;
        }
    }
    return out;
}

NewRequest check_submission(App& app, const json& body, int64_t now) {
    reject_unknown_fields(body, {"kind", "item_id", "doorplate", "contact", "id_number", "payload"});
    FieldErrors errors;
    NewRequest r;

    auto kind = opt_string(body, "kind", "kind");
    std::optional<HelpKind> k;
    if (kind) k = help_kind_from_string(*kind);
    if (!kind) errors.add("kind", "请选择求助方式");
    else if (!k) errors.add("kind", "求助方式只能是 question、prereview、proxy 或 video");
    else r.kind = *k;

    const Catalogue& cat = app.catalogue.catalogue();
    auto item = opt_string(body, "item_id", "item_id");
    if (!item || item->empty()) errors.add("item_id", "请选择要办的事项");
    else if (!cat.find_item(*item) && !cat.find_bundle(*item)) errors.add("item_id", "没有找到这个事项");
    else r.item_id = *item;

    auto plate = opt_string(body, "doorplate", "doorplate");
    if (!plate || plate->empty()) {
        errors.add("doorplate", "缺少门牌码");
    } else if (plate->size() > 32) {
        errors.add("doorplate", "没有找到这个门牌");
    } else {
        auto lock = app.db.lock();
        Stmt q(app.db, "SELECT area_id, town_id FROM doorplates WHERE code = ?");
        q.bind(1, *plate);
        if (!q.step()) errors.add("doorplate", "没有找到这个门牌");
        else r.doorplate = *plate, r.area_id = q.text(0), r.town_id = q.text(1);
    }

    const json* contact = opt_object(body, "contact", "contact");
    if (!contact) {
        errors.add("contact.name", "请填写联系人姓名");
        errors.add("contact.phone", "请填写手机号码");
    } else {
        reject_unknown_fields(*contact, {"name", "phone"}, "contact.");
        auto name = opt_string(*contact, "name", "contact.name");
        ValidationResult n = validate_person_name(name.value_or(""));
        if (!n.ok) errors.add("contact.name", name ? n.message : "请填写联系人姓名");
        else r.name = n.normalized;
        auto phone = opt_string(*contact, "phone", "contact.phone");
        ValidationResult m = validate_mobile(phone.value_or(""));
        if (!m.ok) errors.add("contact.phone", phone ? m.message : "请填写手机号码");
        else r.phone = m.normalized;
    }

    auto id_number = opt_string(body, "id_number", "id_number");
    if (id_number && !id_number->empty()) {
        ValidationResult v = validate_id_card(*id_number, today_in_china());
        if (!v.ok) errors.add("id_number", v.message);
        else r.id_number = v.normalized;
    } else if (k.has_value() && *k == HelpKind::proxy) {
        errors.add("id_number", "代办需要填写申请人的身份证号码");
    }

    const json* payload = opt_object(body, "payload", "payload");
    static const json empty = json::object();
    if (k) r.payload = check_payload(errors, payload ? *payload : empty, *k, cat, r.item_id, now);

    errors.raise_if_any();
    return r;
}

const char* number_prefix(HelpKind k) {
    switch (k) {
        case HelpKind::question: return "Q";
        case HelpKind::prereview: return "P";
        case HelpKind::proxy: return "D";
        case HelpKind::video: return "V";
    }
    return "R";
}

std::string date_digits(int64_t now) {
    std::time_t t = static_cast<std::time_t>(now + 8 * 3600);  // Asia/Shanghai
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
    return buf;
}

// Runs on the writer: the request, its first event, and the reply with the token (shown once).
WriteReply insert_request(Db& w, const NewRequest& r, int64_t now) {
    const std::string token = digest::random_token();
    std::string number;
    for (int attempt = 0;; ++attempt) {
        number = std::string(number_prefix(r.kind)) + "-" + date_digits(now) + "-" + digest::random_code(6);
        Stmt q(w, "SELECT 1 FROM requests WHERE number = ?");
        q.bind(1, number);
        if (!q.step() || attempt >= 8) break;
    }
    Stmt ins(w,
             "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, "
             "contact_phone, id_number, payload, status, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)");
    ins.bind(1, number).bind(2, digest::sha256_hex(token)).bind(3, std::string(to_string(r.kind)));
    ins.bind(4, r.item_id).bind(5, r.doorplate).bind(6, r.area_id).bind(7, r.town_id);
    ins.bind(8, r.name).bind(9, r.phone);
    if (r.id_number) ins.bind(10, *r.id_number);
    else ins.bind_null(10);
    ins.bind(11, r.payload.dump()).bind(12, now).bind(13, now);
    ins.step();
    const int64_t id = w.last_insert_id();
    Stmt ev(w, "INSERT INTO request_events (request_id, at, status, actor, note) VALUES (?, ?, 'submitted', 'resident', '')");
    ev.bind(1, id).bind(2, now);
    ev.step();
    init_help_rows(w, id, now);  // live-update event, pre-review materials, video slot
    // Statistics: one help service, recorded here (the app does not send help_requested for requests).
    UsageEvent help;
    help.at = now, help.type = StatEvent::help_requested, help.kind = to_string(r.kind), help.item_id = r.item_id;
    help.town_id = r.town_id, help.area_id = r.area_id;
    insert_usage_event(w, help);
    return {201, {{"id", id}, {"number", number}, {"token", token}, {"status", "submitted"}}};
}

std::string resident_token(const httplib::Request& req) {
    const std::string auth = req.get_header_value("Authorization");
    if (auth.size() > 7 && (auth.compare(0, 7, "Bearer ") == 0 || auth.compare(0, 7, "bearer ") == 0))
        return auth.substr(7);
    return req.get_param_value("token");
}

void get_request(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string id_text = req.matches[1];
    const std::string token = resident_token(req);
    // Unknown id, malformed id, missing or wrong token: all the same 404 (existence is not revealed).
    const HttpError not_found(404, "request_not_found", "没有找到这个求助，或者链接已经失效");
    if (id_text.empty() || id_text.size() > 18 || token.empty() || token.size() > 100) throw not_found;
    for (char c : id_text)
        if (c < '0' || c > '9') throw not_found;
    const std::string token_hash = digest::sha256_hex(token);

    auto lock = app.db.lock();
    Stmt q(app.db,
           "SELECT id, number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, contact_phone, "
           "id_number, payload, status, created_at, updated_at FROM requests WHERE id = ?");
    q.bind(1, static_cast<int64_t>(std::stoll(id_text)));
    if (!q.step() || !digest::equal(q.text(2), token_hash)) throw not_found;
    json body = {{"id", q.int64(0)},
                 {"number", q.text(1)},
                 {"kind", q.text(3)},
                 {"item_id", q.text(4)},
                 {"item_name", app.catalogue.catalogue().name_of(q.text(4))},
                 {"doorplate", q.text(5)},
                 {"area_id", q.text(6)},
                 {"town_id", q.text(7)},
                 {"contact", {{"name", q.text(8)}, {"phone", q.text(9)}}},
                 {"id_number", q.is_null(10) ? json(nullptr) : json(q.text(10))},
                 {"payload", json::parse(q.text(11), nullptr, false)},
                 {"status", q.text(12)},
                 {"created_at", q.int64(13)},
                 {"updated_at", q.int64(14)}};
    if (auto st = help_status_from_string(q.text(12))) body["status_label"] = label_zh(*st);
    json events = json::array();
    Stmt e(app.db, "SELECT at, status, actor, note FROM request_events WHERE request_id = ? ORDER BY at, id");
    e.bind(1, q.int64(0));
    while (e.step()) events.push_back({{"at", e.int64(0)}, {"status", e.text(1)}, {"actor", e.text(2)}, {"note", e.text(3)}});
    body["events"] = events;
    if (auto rec = load_help(app.db, q.int64(0))) body.update(help_details(app, *rec, std::nullopt, unix_now()));
    res.set_header("Cache-Control", "no-store");
    send_json(res, body);
}

}  // namespace

void register_request_routes(httplib::Server& server, App& app) {
    server.Post("/api/v1/requests", [&app](const httplib::Request& req, httplib::Response& res) {
        enforce_rate_limit(app.submit_limit, req, res);
        durable_post(app, req, res, "POST /api/v1/requests", [&app, &req]() -> DurableWrite {
            const int64_t now = unix_now();
            auto r = std::make_shared<NewRequest>(check_submission(app, parse_json_body(req), now));
            return [r, now](Db& w) { return insert_request(w, *r, now); };
        });
        app.help.notify();
    });
    server.Get(R"(/api/v1/requests/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        get_request(app, req, res);
    });
}

}  // namespace dp
