// /api/v1/desk: the agent console's view of resident requests — list with counts, one request,
// CSV export (all with phones, ID numbers masked), and the audited reveal of one clear value.
#include <cctype>
#include <ctime>

#include "access.hpp"
#include "app.hpp"
#include "auth.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "log.hpp"
#include "mask.hpp"
#include "post_bodies.hpp"
#include "request_lifecycle.hpp"
#include "validate.hpp"

namespace dp {
namespace {

nlohmann::json masked_request_json(const RequestRow& r) {
    return {{"id", r.id},
            {"number", r.number},
            {"kind", r.kind},
            {"item_id", r.item_id},
            {"doorplate_code", r.doorplate_code},
            {"area_id", r.area_id},
            {"town_id", r.town_id},
            {"contact_name", r.contact_name},
            {"contact_phone", mask_mobile(r.contact_phone)},
            {"id_number", r.id_number ? nlohmann::json(mask_id_number(*r.id_number)) : nlohmann::json(nullptr)},
            {"status", r.status},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

// The filters of the list and the export, validated, as SQL on alias r.
struct DeskFilter {
    std::string status, area, kind, light, mine;  // mine: the caller's user id when mine=1
    std::string sql(bool with_status) const {
        std::string s;
        if (!mine.empty()) s += " AND r.agent_id = ?";
        if (with_status && !status.empty()) s += " AND r.status = ?";
        if (!area.empty()) s += " AND (r.area_id = ? OR r.town_id = ?)";
        if (!kind.empty()) s += " AND r.kind = ?";
        return s;
    }
    void bind(Stmt& q, int& i, bool with_status) const {
        if (!mine.empty()) q.bind(i++, mine);
        if (with_status && !status.empty()) q.bind(i++, status);
        if (!area.empty()) {
            q.bind(i++, area);
            q.bind(i++, area);
        }
        if (!kind.empty()) q.bind(i++, kind);
    }
    nlohmann::json json() const {
        return {{"status", status}, {"area", area}, {"kind", kind}, {"light", light}, {"mine", !mine.empty()}};
    }
};

DeskFilter read_filter(const httplib::Request& req, const User& user) {
    DeskFilter f;
    f.light = req.get_param_value("light");
    if (!f.light.empty() && f.light != "green" && f.light != "yellow" && f.light != "red")
        throw HttpError(400, "bad_parameter", "参数 light 只能是 green、yellow 或 red");
    const std::string mine = req.get_param_value("mine");
    if (!mine.empty() && mine != "0" && mine != "1") throw HttpError(400, "bad_parameter", "参数 mine 只能是 0 或 1");
    if (mine == "1") f.mine = std::to_string(user.id);
    f.status = req.get_param_value("status");
    f.area = req.get_param_value("area");
    f.kind = req.get_param_value("kind");
    if (!f.status.empty() && !help_status_from_string(f.status))
        throw HttpError(400, "bad_parameter",
                        "参数 status 只能是 submitted、assigned、in_progress、needs_supplement、completed、withdrawn 或 rated");
    if (!f.kind.empty() && !help_kind_from_string(f.kind))
        throw HttpError(400, "bad_parameter", "参数 kind 只能是 question、prereview、proxy 或 video");
    bool area_ok = f.area.size() <= 32;
    for (char c : f.area)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-') area_ok = false;
    if (!area_ok) throw HttpError(400, "bad_parameter", "参数 area 应为区域编号，例如 350583-101");
    return f;
}

void bind_scope(Stmt& q, int& i, const RequestScope& scope) {
    for (const auto& p : scope.params()) q.bind(i++, p);
}

// The row of the list: masked, with the lifecycle's light and the unread count.
nlohmann::json list_row(App& app, const RequestRow& r, const HelpRequest& state, int64_t now) {
    nlohmann::json row = masked_request_json(r);
    const HelpClock clock = help_clock(state, now);
    row["item_name"] = app.catalogue.catalogue().name_of(r.item_id);
    row["agent_id"] = state.agent_id;
    row["status_label"] = label_zh(state.status);
    row["clock"] = clock;
    row["light"] = to_string(clock.light);
    auto l = app.db.lock();
    Stmt u(app.db,
           "SELECT COUNT(*) FROM help_messages WHERE request_id = ? AND side = 'resident' AND id > "
           "COALESCE((SELECT message_id FROM help_reads WHERE request_id = ? AND side = 'agent'), 0)");
    u.bind(1, r.id).bind(2, r.id);
    u.step();
    row["unread"] = u.int64(0);
    return row;
}

void list_requests(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const DeskFilter f = read_filter(req, user);
    const int limit = int_param(req, "limit", 50, 1, 200);
    const int offset = int_param(req, "offset", 0, 0, 100000000);
    const RequestScope scope = scope_of(user);
    const int64_t now = unix_now();
    nlohmann::json list = nlohmann::json::array();
    nlohmann::json counts = nlohmann::json::object();
    int64_t total = 0;
    {
        auto l = app.db.lock();
        const std::string where = " WHERE 1=1" + scope.sql();
        // With a light filter the lights are computed here (they depend on the clock): open
        // requests only, filtered, then paged.
        const std::string light_sql =
            f.light.empty() ? "" : " AND r.status IN ('submitted','assigned','in_progress','needs_supplement')";
        const std::string page = f.light.empty() ? " LIMIT ? OFFSET ?" : " LIMIT 5000";
        Stmt q(app.db, (std::string(kRequestColumns) + where + f.sql(true) + light_sql +
                        " ORDER BY r.created_at DESC, r.id DESC" + page).c_str());
        int i = 1;
        bind_scope(q, i, scope);
        f.bind(q, i, true);
        if (f.light.empty()) {
            q.bind(i, limit);
            q.bind(i + 1, offset);
        }
        std::vector<RequestRow> rows;
        while (q.step()) rows.push_back(request_from_row(q));
        int64_t matched = 0;
        for (const auto& r : rows) {
            Stmt s(app.db, "SELECT agent_id, lifecycle FROM requests WHERE id = ?");
            s.bind(1, r.id);
            s.step();
            const HelpRequest state = state_from_columns(r.id, r.kind, r.status, r.created_at, r.updated_at, s.text(0), s.text(1));
            if (!f.light.empty()) {
                if (to_string(help_clock(state, now).light) != f.light) continue;
                ++matched;
                if (matched <= offset || matched > offset + limit) continue;
            }
            list.push_back(list_row(app, r, state, now));
        }
        Stmt c(app.db, ("SELECT r.status, COUNT(*) FROM requests r" + where + f.sql(false) + " GROUP BY r.status").c_str());
        i = 1;
        bind_scope(c, i, scope);
        f.bind(c, i, false);
        while (c.step()) {
            counts[c.text(0)] = c.int64(1);
            if (f.status.empty() || c.text(0) == f.status) total += c.int64(1);
        }
        if (!f.light.empty()) total = matched;
    }
    audit(app.db, user.id, "request_list", "requests", "", {{"filter", f.json()}, {"returned", list.size()}});
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"requests", list}, {"total", total}, {"counts", counts}, {"limit", limit}, {"offset", offset}});
}

// The request if this user may see it; 404 otherwise (whether it exists elsewhere is not said).
RequestRow request_for(App& app, const User& user, int64_t id) {
    auto r = load_request(app.db, id);
    if (!r || !request_in_scope(*r, scope_of(user))) throw HttpError(404, "request_not_found", "找不到这个申请");
    return *r;
}

nlohmann::json uploads_of(Db& db, int64_t request_id) {
    nlohmann::json list = nlohmann::json::array();
    auto l = db.lock();
    Stmt q(db,
           "SELECT ru.sha256, ru.material, ru.uploaded_at, ru.uploaded_by, u.mime, u.size FROM request_uploads ru "
           "JOIN uploads u ON u.sha256 = ru.sha256 WHERE ru.request_id = ? ORDER BY ru.rowid");
    q.bind(1, request_id);
    while (q.step())
        list.push_back({{"sha256", q.text(0)},
                        {"material", q.text(1)},
                        {"uploaded_at", q.int64(2)},
                        {"uploaded_by", q.text(3)},
                        {"mime", q.text(4)},
                        {"size", q.int64(5)},
                        {"url", "/api/v1/uploads/" + q.text(0)}});
    return list;
}

void get_request(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const RequestRow r = request_for(app, user, path_id(req));
    nlohmann::json body = masked_request_json(r);
    nlohmann::json payload = nlohmann::json::parse(r.payload, nullptr, false);
    if (payload.is_discarded()) payload = nullptr;
    scrub_json(payload);
    body["payload"] = payload;
    body["uploads"] = uploads_of(app.db, r.id);
    body["item_name"] = app.catalogue.catalogue().name_of(r.item_id);
    if (auto rec = load_help(app.db, r.id)) body.update(help_details(app, *rec, user, unix_now()));
    audit(app.db, user.id, "request_read", "request", std::to_string(r.id));
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"request", body}});
}

void reveal(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const RequestRow r = request_for(app, user, path_id(req));
    const RevealBody body = parse_reveal_body(req);
    const std::string& field = body.field;
    const std::string& reason = body.reason;
    const std::string value = field == "contact_phone" ? r.contact_phone : r.id_number.value_or("");
    if (value.empty()) throw HttpError(404, "no_value", "这个申请没有填写这一项");
    audit(app.db, user.id, "reveal", "request", std::to_string(r.id), {{"field", field}, {"reason", reason}});
    log::info("reveal", {{"user_id", user.id}, {"request_id", r.id}, {"field", field}});
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"value", value}});
}

// ---- CSV export ----

std::string csv_cell(std::string v) {
    // A leading = + - @ would be a formula in a spreadsheet: prefix it with an apostrophe.
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(0, "'");
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string china_time(int64_t t) {
    std::time_t s = static_cast<std::time_t>(t) + 8 * 3600;
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

void export_csv(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const DeskFilter f = read_filter(req, user);
    const RequestScope scope = scope_of(user);
    std::string csv = "\xEF\xBB\xBF";  // BOM: spreadsheets then read the Chinese as UTF-8
    csv += "编号,类型,状态,事项,门牌码,村社区,镇街,联系人,联系电话,身份证号,提交时间,更新时间\r\n";
    int rows = 0;
    {
        auto l = app.db.lock();
        Stmt q(app.db, (std::string(kRequestColumns) + " WHERE 1=1" + scope.sql() + f.sql(true) +
                        " ORDER BY r.created_at, r.id LIMIT 10000").c_str());
        int i = 1;
        bind_scope(q, i, scope);
        f.bind(q, i, true);
        while (q.step()) {
            const RequestRow r = request_from_row(q);
            const std::vector<std::string> cells = {
                r.number, r.kind, r.status, r.item_id, r.doorplate_code, r.area_id, r.town_id,
                mask_name(r.contact_name), mask_mobile(r.contact_phone), r.id_number ? mask_id_number(*r.id_number) : "",
                china_time(r.created_at), china_time(r.updated_at)};
            for (size_t k = 0; k < cells.size(); ++k) csv += (k ? "," : "") + csv_cell(scrub_personal_data(cells[k]));
            csv += "\r\n";
            ++rows;
        }
    }
    audit(app.db, user.id, "request_export", "requests", "", {{"filter", f.json()}, {"rows", rows}});
    res.set_header("Content-Disposition", "attachment; filename=\"requests.csv\"");
    res.set_header("Cache-Control", "no-store");
    res.set_content(csv, "text/csv; charset=utf-8");
}

}  // namespace

void register_desk_routes(Routes& server, App& app) {
    server.Get("/api/v1/desk/requests", [&app](const httplib::Request& req, httplib::Response& res) { list_requests(app, req, res); });
    server.Get("/api/v1/desk/requests.csv", [&app](const httplib::Request& req, httplib::Response& res) { export_csv(app, req, res); });
    server.Get(R"(/api/v1/desk/requests/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) { get_request(app, req, res); });
    server.Post(R"(/api/v1/desk/requests/(\d+)/reveal)", [&app](const httplib::Request& req, httplib::Response& res) { reveal(app, req, res); });
}

}  // namespace dp
