// /api/v1/admin: accounts (list, create, disable; admins only) and the audit log (supervisors, admins).
#include "access.hpp"
#include "app.hpp"
#include "auth.hpp"
#include "http_util.hpp"
#include "post_bodies.hpp"

namespace dp {
namespace {

void list_users(App& app, const httplib::Request& req, httplib::Response& res) {
    const User admin = require_user(req, app, {Role::admin});
    nlohmann::json list = nlohmann::json::array();
    {
        auto l = app.db.lock();
        Stmt q(app.db, "SELECT id FROM users ORDER BY id");
        std::vector<int64_t> ids;
        while (q.step()) ids.push_back(q.int64(0));
        for (int64_t id : ids)
            if (auto u = find_user(app.db, id)) list.push_back(user_json(*u, true));
    }
    audit(app.db, admin.id, "user_list", "users", "");
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"users", list}});
}

void add_user(App& app, const httplib::Request& req, httplib::Response& res) {
    const User admin = require_user(req, app, {Role::admin});
    const NewUser n = parse_new_user_body(req);
    const User u = create_user(app.db, n, password_cost(app));
    audit(app.db, admin.id, "user_created", "user", std::to_string(u.id),
          {{"username", u.username}, {"role", to_string(u.role)}, {"area_id", u.area_id}});
    send_json(res, {{"user", user_json(u, true)}}, 201);
}

void disable_user(App& app, const httplib::Request& req, httplib::Response& res) {
    const User admin = require_user(req, app, {Role::admin});
    const std::string id_text = req.matches[1];
    auto target = id_text.size() <= 15 ? find_user(app.db, std::stoll(id_text)) : std::nullopt;
    if (!target) throw HttpError(404, "user_not_found", "找不到这个账号");
    if (target->id == admin.id) throw HttpError(409, "cannot_disable_self", "不能停用自己正在使用的账号");
    {
        auto l = app.db.lock();
        Stmt s(app.db, "UPDATE users SET disabled = 1 WHERE id = ?");
        s.bind(1, target->id);
        s.step();
    }
    revoke_user_sessions(app, target->id);
    audit(app.db, admin.id, "user_disabled", "user", std::to_string(target->id), {{"username", target->username}});
    send_json(res, {{"user", user_json(*find_user(app.db, target->id), true)}});
}

void list_audit(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::supervisor, Role::admin});
    const int limit = int_param(req, "limit", 50, 1, 500);
    const int offset = int_param(req, "offset", 0, 0, 100000000);
    nlohmann::json list = nlohmann::json::array();
    int64_t total = 0;
    {
        auto l = app.db.lock();
        Stmt q(app.db,
               "SELECT a.id, a.at, a.user_id, u.username, a.action, a.target_type, a.target_id, a.detail "
               "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.id DESC LIMIT ? OFFSET ?");
        q.bind(1, limit).bind(2, offset);
        while (q.step()) {
            nlohmann::json detail = nlohmann::json::parse(q.text(7), nullptr, false);
            if (detail.is_discarded()) detail = nlohmann::json::object();
            list.push_back({{"id", q.int64(0)},
                            {"at", q.int64(1)},
                            {"user_id", q.is_null(2) ? nlohmann::json(nullptr) : nlohmann::json(q.int64(2))},
                            {"username", q.is_null(3) ? nlohmann::json(nullptr) : nlohmann::json(q.text(3))},
                            {"action", q.text(4)},
                            {"target_type", q.text(5)},
                            {"target_id", q.text(6)},
                            {"detail", detail}});
        }
        Stmt c(app.db, "SELECT COUNT(*) FROM audit_log");
        c.step();
        total = c.int64(0);
    }
    audit(app.db, user.id, "audit_read", "audit_log", "", {{"limit", limit}, {"offset", offset}});
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"entries", list}, {"total", total}, {"limit", limit}, {"offset", offset}});
}

}  // namespace

void register_admin_routes(Routes& server, App& app) {
    server.Get("/api/v1/admin/users", [&app](const httplib::Request& req, httplib::Response& res) { list_users(app, req, res); });
    server.Post("/api/v1/admin/users", [&app](const httplib::Request& req, httplib::Response& res) { add_user(app, req, res); });
    server.Post(R"(/api/v1/admin/users/(\d+)/disable)", [&app](const httplib::Request& req, httplib::Response& res) { disable_user(app, req, res); });
    server.Get("/api/v1/admin/audit", [&app](const httplib::Request& req, httplib::Response& res) { list_audit(app, req, res); });
}

}  // namespace dp
