// 问一问 chat and live updates: messages (resident by token, agents by session), read markers,
// "typing" (in memory), the per-request long poll and the desk's queue feed (see docs/api-help.md).
#include "help_routes.hpp"

#include "help_store.hpp"
#include "http_util.hpp"
#include "json_body.hpp"
#include "upload_store.hpp"
#include "validate.hpp"
#include "writer.hpp"

namespace dp {

using nlohmann::json;

namespace {

constexpr size_t kMessageMaxChars = 2000;
constexpr int kMaxWaitSeconds = 25;
constexpr int kMaxEvents = 200;

int64_t int64_param(const httplib::Request& req, const char* name, int64_t def) {
    if (!req.has_param(name)) return def;
    const std::string v = req.get_param_value(name);
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        throw HttpError(400, "bad_parameter", std::string("参数 ") + name + " 应为不小于 0 的整数");
    return std::stoll(v);
}

// Who is on which side of a request's chat.
struct ChatParty {
    HelpRecord record;
    std::optional<User> user;  // nullopt = the resident
    const char* side() const { return user ? "agent" : "resident"; }
    const char* other_side() const { return user ? "resident" : "agent"; }
};

ChatParty resident_party(App& app, const httplib::Request& req) { return {resident_record(app, req), std::nullopt}; }
ChatParty desk_party(App& app, const httplib::Request& req) {
    DeskContext c = desk_record(app, req);
    return {std::move(c.record), std::move(c.user)};
}

void list_messages(App& app, const ChatParty& p, const httplib::Request& req, httplib::Response& res) {
    const int64_t after = int64_param(req, "after", 0);
    const int limit = int_param(req, "limit", 100, 1, 200);
    json list = json::array();
    std::vector<int64_t> ids;
    {
        auto l = app.db.lock();
        Stmt q(app.db, "SELECT id FROM help_messages WHERE request_id = ? AND id > ? ORDER BY id LIMIT ?");
        q.bind(1, p.record.row.id).bind(2, after).bind(3, limit);
        while (q.step()) ids.push_back(q.int64(0));
    }
    for (int64_t id : ids) list.push_back(message_json(app.db, id));
    if (p.user) audit(app.db, p.user->id, "help_messages_read", "request", std::to_string(p.record.row.id));
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"messages", list}, {"read", reads_json(app.db, p.record.row.id)}});
}

void post_message(App& app, const ChatParty& p, const httplib::Request& req, httplib::Response& res) {
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"text", "upload"});
    const auto text_in = opt_string(body, "text", "text");
    const auto upload_in = opt_string(body, "upload", "upload");
    json fields = json::object();
    std::string text;
    if (text_in) {
        const ValidationResult t = validate_text(*text_in, "消息", kMessageMaxChars);
        if (t.ok) text = t.normalized;
        else if (t.code != "text.empty") fields["text"] = t.message;
    }
    std::string upload;
    if (upload_in && !upload_in->empty()) {
        bool ok = is_sha256_hex(*upload_in);
        std::string mime;
        if (ok) {
            auto l = app.db.lock();
            Stmt q(app.db,
                   "SELECT u.mime FROM request_uploads ru JOIN uploads u ON u.sha256 = ru.sha256 "
                   "WHERE ru.request_id = ? AND ru.sha256 = ?");
            q.bind(1, p.record.row.id).bind(2, *upload_in);
            ok = q.step();
            if (ok) mime = q.text(0);
        }
        if (!ok) fields["upload"] = "找不到这张图片，请重新上传";
        else if (mime != "image/jpeg" && mime != "image/png") fields["upload"] = "聊天中只能发送图片";
        else upload = *upload_in;
    }
    if (fields.empty() && text.empty() && upload.empty()) fields["text"] = "请输入消息内容";
    if (!fields.empty())
        throw HttpError(400, "invalid", "请检查填写的内容：" + fields.begin().value().get<std::string>(), {{"fields", fields}});
    const int64_t id = p.record.row.id;
    const std::string side = p.side();
    const std::optional<int64_t> user_id = p.user ? std::optional<int64_t>(p.user->id) : std::nullopt;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto rec = load_help(w, id);
            if (!rec || !is_open(rec->state.status))
                throw HttpError(409, "request_closed", "这个申请已经结束，不能再发消息");
            int64_t seq = 0;
            const int64_t now = unix_now();
            const int64_t message_id = add_message(w, rec->row, side, user_id, text, upload, now, &seq);
            if (user_id) audit(w, user_id, "help_message", "request", std::to_string(id), {{"message_id", message_id}});
            return WriteReply{201, {{"message", message_json(w, message_id)}, {"seq", seq}}};
        };
    });
}

void post_read(App& app, const ChatParty& p, const httplib::Request& req, httplib::Response& res) {
    const json body = parse_json_body(req);
    reject_unknown_fields(body, {"message_id"});
    const auto mid = opt_integer(body, "message_id", "message_id");
    const auto bad = [](const char* m) {
        return HttpError(400, "invalid", std::string("请检查填写的内容：") + m, {{"fields", {{"message_id", m}}}});
    };
    if (!mid || *mid < 0) throw bad("请给出已读到的消息编号");
    const int64_t id = p.record.row.id;
    const std::string side = p.side();
    const int64_t message_id = *mid;
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            auto l = w.lock();
            Stmt last(w, "SELECT COALESCE(MAX(id), 0) FROM help_messages WHERE request_id = ?");
            last.bind(1, id);
            last.step();
            if (message_id > last.int64(0)) throw bad("没有这条消息");
            const json before = reads_json(w, id);
            if (message_id > before[side].get<int64_t>()) {
                Stmt u(w,
                       "INSERT INTO help_reads (request_id, side, message_id) VALUES (?, ?, ?) "
                       "ON CONFLICT (request_id, side) DO UPDATE SET message_id = MAX(message_id, excluded.message_id)");
                u.bind(1, id).bind(2, side).bind(3, message_id);
                u.step();
                auto rec = load_help(w, id);
                add_help_event(w, rec->row, "read", {{"side", side}, {"message_id", message_id}}, unix_now());
            }
            return WriteReply{200, {{"read", reads_json(w, id)}}};
        };
    });
}

void post_typing(App& app, const ChatParty& p, httplib::Response& res) {
    app.help.set_typing(p.record.row.id, p.side());
    send_json(res, {{"typing", true}, {"expires_in", HelpHub::kTypingSeconds}});
}

struct PollParams {
    int64_t after = 0;
    int wait = kMaxWaitSeconds;
    bool typing = false;
};

PollParams poll_params(const httplib::Request& req) {
    PollParams p;
    p.after = int64_param(req, "after", 0);
    p.wait = int_param(req, "wait", kMaxWaitSeconds, 0, kMaxWaitSeconds);
    p.typing = int_param(req, "typing", 0, 0, 1) == 1;
    return p;
}

void request_events(App& app, const ChatParty& p, const httplib::Request& req, httplib::Response& res) {
    const PollParams pp = poll_params(req);
    const int64_t id = p.record.row.id;
    const char* other = p.other_side();
    auto has_events = [&] {
        auto l = app.db.lock();
        Stmt q(app.db, "SELECT 1 FROM help_events WHERE request_id = ? AND seq > ? LIMIT 1");
        q.bind(1, id).bind(2, pp.after);
        return q.step();
    };
    app.help.wait(pp.wait, [&] { return has_events() || app.help.is_typing(id, other) != pp.typing; });
    json events = json::array();
    int64_t last = pp.after;
    {
        auto l = app.db.lock();
        Stmt q(app.db, "SELECT seq, type, at, data FROM help_events WHERE request_id = ? AND seq > ? ORDER BY seq LIMIT ?");
        q.bind(1, id).bind(2, pp.after).bind(3, kMaxEvents);
        while (q.step()) {
            json data = json::parse(q.text(3), nullptr, false);
            events.push_back({{"seq", q.int64(0)}, {"type", q.text(1)}, {"at", q.int64(2)},
                              {"data", data.is_discarded() ? json::object() : data}});
            last = q.int64(0);
        }
    }
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"events", events},
                    {"last_seq", last},
                    {"typing", {{"resident", app.help.is_typing(id, "resident")}, {"agent", app.help.is_typing(id, "agent")}}}});
}

void desk_events(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const PollParams pp = poll_params(req);
    const RequestScope scope = scope_of(user);
    // Alias r: the scope's SQL names r.area_id / r.town_id, which help_events carries too.
    const std::string where = " FROM help_events r JOIN requests q ON q.id = r.request_id WHERE r.seq > ?" + scope.sql();
    auto bind = [&](Stmt& s) {
        int i = 1;
        s.bind(i++, pp.after);
        for (const auto& v : scope.params()) s.bind(i++, v);
        return i;
    };
    auto has_events = [&] {
        auto l = app.db.lock();
        Stmt q(app.db, ("SELECT 1" + where + " LIMIT 1").c_str());
        bind(q);
        return q.step();
    };
    app.help.wait(pp.wait, has_events);
    json events = json::array();
    int64_t last = pp.after;
    {
        auto l = app.db.lock();
        Stmt q(app.db, ("SELECT r.seq, r.request_id, r.type, r.at, q.status" + where + " ORDER BY r.seq LIMIT ?").c_str());
        q.bind(bind(q), kMaxEvents);
        while (q.step()) {
            events.push_back({{"seq", q.int64(0)}, {"request_id", q.int64(1)}, {"type", q.text(2)}, {"at", q.int64(3)},
                              {"status", q.text(4)}});
            last = q.int64(0);
        }
    }
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"events", events}, {"last_seq", last}});
}

}  // namespace

void register_help_chat_routes(Routes& server, App& app) {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    server.Get(R"(/api/v1/requests/(\d+)/messages)", [&app](Req req, Res res) { list_messages(app, resident_party(app, req), req, res); });
    server.Get(R"(/api/v1/desk/requests/(\d+)/messages)", [&app](Req req, Res res) { list_messages(app, desk_party(app, req), req, res); });
    server.Post(R"(/api/v1/requests/(\d+)/messages)", [&app](Req req, Res res) { post_message(app, resident_party(app, req), req, res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/messages)", [&app](Req req, Res res) { post_message(app, desk_party(app, req), req, res); });
    server.Post(R"(/api/v1/requests/(\d+)/read)", [&app](Req req, Res res) { post_read(app, resident_party(app, req), req, res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/read)", [&app](Req req, Res res) { post_read(app, desk_party(app, req), req, res); });
    server.Post(R"(/api/v1/requests/(\d+)/typing)", [&app](Req req, Res res) { post_typing(app, resident_party(app, req), res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/typing)", [&app](Req req, Res res) { post_typing(app, desk_party(app, req), res); });
    server.Get(R"(/api/v1/requests/(\d+)/events)", [&app](Req req, Res res) { request_events(app, resident_party(app, req), req, res); });
    server.Get(R"(/api/v1/desk/requests/(\d+)/events)", [&app](Req req, Res res) { request_events(app, desk_party(app, req), req, res); });
    server.Get("/api/v1/desk/events", [&app](Req req, Res res) { desk_events(app, req, res); });
}

}  // namespace dp
