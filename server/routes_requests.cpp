// Resident requests (帮办代办): POST /api/v1/requests, checked strictly per kind (submission.hpp) and
// stored durably through the writer with Idempotency-Key support; GET /api/v1/requests/<id> with its token.
#include <sqlite3.h>

#include <chrono>
#include <ctime>

#include "app.hpp"
#include "digest.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "idempotency.hpp"
#include "json_body.hpp"
#include "rate_limit.hpp"
#include "submission.hpp"
#include "request_lifecycle.hpp"
#include "stats_store.hpp"
#include "writer.hpp"

namespace dp {

CalendarDate today_in_china();  // routes_validate.cpp

namespace {

using nlohmann::json;

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

std::string request_number(HelpKind kind, int64_t now) {
    return std::string(number_prefix(kind)) + "-" + date_digits(now) + "-" + digest::random_code(6);
}

// Runs on the writer: the request, its first event, and the reply with the token (shown once).
// The number drawn by the route is tried as it is: only when the UNIQUE index refuses it (32^6
// numbers a day per kind) is another drawn, so a submission costs no look-up of its own.
WriteReply insert_request(Db& w, const NewRequest& r, int64_t now) {
    RequestRow row;
    row.number = r.number;
    row.kind = to_string(r.kind);
    row.area_id = r.area_id;
    row.town_id = r.town_id;
    row.status = "submitted";
    const std::string payload = r.payload.dump();
    for (int attempt = 0;; ++attempt) {
        Stmt ins(w,
                 "INSERT INTO requests (number, token_hash, kind, item_id, doorplate_code, area_id, town_id, contact_name, "
                 "contact_phone, id_number, payload, status, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)");
        ins.bind(1, row.number).bind(2, r.token_hash).bind(3, row.kind);
        ins.bind(4, r.item_id).bind(5, r.doorplate).bind(6, r.area_id).bind(7, r.town_id);
        ins.bind(8, r.name).bind(9, r.phone);
        if (r.id_number) ins.bind(10, *r.id_number);
        else ins.bind_null(10);
        ins.bind(11, payload).bind(12, now).bind(13, now);
        try {
            ins.step();
            break;
        } catch (const DbError& e) {
            if (e.sqlite_code != SQLITE_CONSTRAINT_UNIQUE || attempt >= 8) throw;
            row.number = request_number(r.kind, now);  // taken: draw again
        }
    }
    row.id = w.last_insert_id();
    Stmt ev(w, "INSERT INTO request_events (request_id, at, status, actor, note) VALUES (?, ?, 'submitted', 'resident', '')");
    ev.bind(1, row.id).bind(2, now);
    ev.step();
    init_help_rows(w, row, r.payload, now);  // live-update event, pre-review materials, video slot
    // Statistics: one help service, recorded here (the app does not send help_requested for requests).
    record_help_requested(w, row.kind, r.item_id, r.town_id, r.area_id, now);
    return {201, {{"id", row.id}, {"number", row.number}, {"token", r.token}, {"status", "submitted"}}};
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

void register_request_routes(Routes& server, App& app) {
    server.Post("/api/v1/requests", [&app](const httplib::Request& req, httplib::Response& res) {
        enforce_rate_limit(app.submit_limit, req, res);
        durable_post(app, req, res, "POST /api/v1/requests", [&app, &req]() -> DurableWrite {
            const int64_t now = unix_now();
            SubmissionContext ctx{app.catalogue.catalogue(), [&app](const std::string& code) {
                                      return app.doorplate_areas.find(app.db, code);
                                  }, now, today_in_china()};
            auto r = std::make_shared<NewRequest>(check_submission(parse_json_body(req), ctx));
            r->token = digest::random_token();
            r->token_hash = digest::sha256_hex(r->token);
            r->number = request_number(r->kind, now);
            return [r, now](Db& w) { return insert_request(w, *r, now); };
        });
        app.help.notify();
    });
    server.Get(R"(/api/v1/requests/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        get_request(app, req, res);
    });
}

}  // namespace dp
