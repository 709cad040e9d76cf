// Batch proxy (case 4): an agent or agency files one proxy case per person from a CSV; every row is
// checked on its own and reported by row, field and Chinese message; good rows are created (assigned
// to the caller) unless it is a dry run. Bad rows never block good rows.
#include <algorithm>

#include "help_routes.hpp"

#include "digest.hpp"
#include "help_forms.hpp"
#include "help_store.hpp"
#include "http_util.hpp"
#include "json_body.hpp"
#include "writer.hpp"

namespace dp {

CalendarDate today_in_china();  // routes_validate.cpp

using nlohmann::json;

namespace {

struct PlateInfo {
    std::string area_id, town_id, address;
};

json problem_json(const BatchProblem& p) {
    return {{"row", p.row}, {"field", p.field}, {"label", p.label}, {"message", p.message}};
}

void batch_proxy(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor});
    const json body = parse_json_body(req, {1024 * 1024, 16});
    reject_unknown_fields(body, {"item_id", "csv", "dry_run"});
    const std::string item_id = opt_string(body, "item_id", "item_id").value_or("");
    const Catalogue& cat = app.catalogue.catalogue();
    if (item_id.empty() || (!cat.find_item(item_id) && !cat.find_bundle(item_id)))
        throw HttpError(400, "invalid", "请检查填写的内容：请选择要代办的事项",
                        {{"fields", {{"item_id", item_id.empty() ? "请选择要代办的事项" : "没有找到这个事项"}}}});
    const auto csv = opt_string(body, "csv", "csv");
    const bool dry_run = opt_bool(body, "dry_run", "dry_run").value_or(false);
    if (!csv || csv->empty())
        throw HttpError(400, "invalid", "请检查填写的内容：请上传名单（CSV）", {{"fields", {{"csv", "请上传名单（CSV）"}}}});
    BatchParse parsed = parse_batch_proxy_csv(*csv, today_in_china());
    if (!parsed.file_errors.empty()) {
        json report = json::array();
        for (const auto& p : parsed.file_errors) report.push_back(problem_json(p));
        throw HttpError(400, "invalid", "名单无法读取：" + parsed.file_errors.front().message,
                        {{"fields", {{"csv", parsed.file_errors.front().message}}}, {"report", report}});
    }
    // The doorplates: they must exist and, for an agent, be in the agent's area.
    const RequestScope scope = scope_of(user);
    std::vector<BatchRow> good;
    std::map<std::string, PlateInfo> plates;
    for (auto& row : parsed.valid) {
        const std::string code = row.values["doorplate"];
        PlateInfo info;
        bool found = false;
        {
            auto l = app.db.lock();
            Stmt q(app.db, "SELECT area_id, town_id, county || town || village || road || number || building FROM doorplates WHERE code = ?");
            q.bind(1, code);
            if (q.step()) found = true, info = {q.text(0), q.text(1), q.text(2)};
        }
        RequestRow probe;
        probe.area_id = info.area_id;
        probe.town_id = info.town_id;
        if (!found) {
            parsed.report.push_back({row.row, "doorplate", "门牌码", "没有找到这个门牌"});
        } else if (!request_in_scope(probe, scope)) {
            parsed.report.push_back({row.row, "doorplate", "门牌码", "这个门牌不在您负责的区域"});
        } else {
            plates[code] = info;
            good.push_back(row);
            continue;
        }
        ++parsed.invalid;
    }
    std::stable_sort(parsed.report.begin(), parsed.report.end(),
                     [](const BatchProblem& a, const BatchProblem& b) { return a.row < b.row; });
    json report = json::array();
    for (const auto& p : parsed.report) report.push_back(problem_json(p));
    const json summary = {{"dry_run", dry_run},
                          {"rows", parsed.rows},
                          {"valid", static_cast<int>(good.size())},
                          {"invalid", parsed.invalid},
                          {"report", report}};
    const int64_t user_id = user.id;
    const HelpActor actor = user_actor(user);
    help_post(app, req, res, [=]() -> DurableWrite {
        return [=](Db& w) {
            json out = summary;
            out["created"] = json::array();
            if (dry_run) return WriteReply{200, out};
            const int64_t now = unix_now();
            const std::string batch_id = "B-" + digest::random_code(8);
            for (const auto& row : good) {
                const PlateInfo& p = plates.at(row.values.at("doorplate"));
                std::map<std::string, std::string> form = row.values;
                form.erase("doorplate");
                if (form["address"].empty()) form["address"] = p.address;
                NewHelpRequest n;
                n.kind = HelpKind::proxy;
                n.item_id = item_id;
                n.doorplate = row.values.at("doorplate");
                n.area_id = p.area_id;
                n.town_id = p.town_id;
                n.name = form["name"];
                n.phone = form["phone"];
                n.id_number = form["id_number"];
                n.token = digest::random_token();
                n.payload = {{"address", form["address"]}, {"agree", true}, {"note", "批量代办 " + batch_id}};
                const CreatedHelp c = insert_help_request(w, n, now);
                json f = json::object();
                for (const auto& [k, v] : form) f[k] = v;
                Stmt ins(w, "INSERT INTO help_proxy (request_id, form, batch_id) VALUES (?, ?, ?)");
                ins.bind(1, c.id).bind(2, f.dump()).bind(3, batch_id);
                ins.step();
                // Filed by the caller, so handled by the caller.
                HelpAction act;
                act.type = HelpActionType::claim;
                commit_action(w, c.id, act, actor, user_id, now);
                out["created"].push_back({{"row", row.row}, {"id", c.id}, {"number", c.number}, {"token", n.token}});
            }
            audit(w, user_id, "help_batch_proxy", "requests", batch_id,
                  {{"item_id", item_id}, {"rows", out["rows"]}, {"created", good.size()}, {"invalid", out["invalid"]}});
            return WriteReply{201, out};
        };
    });
}

}  // namespace

void register_help_batch_routes(Routes& server, App& app) {
    server.Post("/api/v1/desk/batch-proxy",
                [&app](const httplib::Request& req, httplib::Response& res) { batch_proxy(app, req, res); });
}

}  // namespace dp
