// Usage statistics over HTTP: POST /api/v1/events (the apps' batched events: strict, durable,
// idempotent; no personal data, no IP address, no doorplate code stored, only its area), and
// GET /api/v1/stats and /api/v1/stats.csv (supervisors and admins; an agent sees its own area).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>

#include "app.hpp"
#include "auth.hpp"
#include "csv.hpp"
#include "doorplate.hpp"
#include "entry_channels.hpp"
#include "http_util.hpp"
#include "idempotency.hpp"
#include "json_body.hpp"
#include "rate_limit.hpp"
#include "stats_store.hpp"
#include "writer.hpp"

namespace dp {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxEvents = 100;            // per batch
constexpr std::size_t kMaxBatchBytes = 64 * 1024;
constexpr int64_t kMaxFutureSeconds = 3600;        // a phone's clock may run fast
constexpr int64_t kMaxAgeSeconds = 7 * 24 * 3600;  // events queued offline for up to a week
constexpr int kMaxSpanDays = 366;

int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// ---- POST /api/v1/events -------------------------------------------------------------------------

[[noreturn]] void bad_event(const std::string& path, std::size_t index, const std::string& message) {
    throw HttpError(400, "invalid_event", "第 " + std::to_string(index + 1) + " 个事件：" + message,
                    {{"fields", {{path, message}}}});
}

// The fields each type may carry besides type, at, doorplate and channel.
std::vector<std::string> extra_fields(StatEvent t) {
    switch (t) {
        case StatEvent::doorplate_opened: return {};
        case StatEvent::search: return {"item", "results"};
        case StatEvent::guide_viewed: return {"item"};
        case StatEvent::navigation_tapped: return {"place", "app", "item"};
        case StatEvent::help_requested: return {"kind", "item"};
        case StatEvent::request_closed:  // recorded by the server only (refused before this)
        case StatEvent::rating: return {};
    }
    return {};
}

struct EventChecker {
    App& app;
    int64_t now;
    std::map<std::string, std::pair<std::string, std::string>> plates;  // code → (town, area)

    UsageEvent check(const json& e, std::size_t i) {
        const std::string path = "events[" + std::to_string(i) + "]";
        if (!e.is_object()) bad_event(path, i, "应为对象 {\"type\": …}");
        auto type_name = opt_string(e, "type", path + ".type");
        if (!type_name) bad_event(path + ".type", i, "缺少 type（事件类型）");
        auto type = stat_event_from_id(*type_name);
        if (!type)
            bad_event(path + ".type", i,
                      "不认识的事件类型 " + type_name->substr(0, 40) +
                          "（可用：doorplate_opened、search、guide_viewed、navigation_tapped、help_requested）");
        if (*type == StatEvent::request_closed || *type == StatEvent::rating)
            bad_event(path + ".type", i,
                      *type_name + " 事件由服务器在办结或评价时自动记录，应用不要发送（避免重复统计）");
        std::vector<std::string> allowed = {"type", "at", "doorplate", "channel"};
        for (auto& f : extra_fields(*type)) allowed.push_back(f);
        for (auto it = e.begin(); it != e.end(); ++it)
            if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
                std::string list;
                for (auto& a : allowed) list += (list.empty() ? "" : "、") + a;
                bad_event(path + "." + it.key(), i,
                          "不认识的字段 " + it.key().substr(0, 40) + "（" + *type_name + " 事件可有：" + list + "）");
            }

        UsageEvent out;
        out.type = *type;
        out.at = now;
        if (auto at = opt_integer(e, "at", path + ".at")) {
            if (*at > now + kMaxFutureSeconds) bad_event(path + ".at", i, "事件时间 at 在未来（手机时间不对？）");
            if (*at < now - kMaxAgeSeconds) bad_event(path + ".at", i, "事件时间 at 早于 7 天前，不再接收");
            out.at = *at;
        }
        if (auto code = opt_string(e, "doorplate", path + ".doorplate")) {
            auto [town, area] = area_of(*code, path + ".doorplate", i);
            out.town_id = town;
            out.area_id = area;
        } else if (*type == StatEvent::doorplate_opened) {
            bad_event(path + ".doorplate", i, "doorplate_opened 事件需要 doorplate（门牌码）");
        }
        if (auto ch = opt_string(e, "channel", path + ".channel")) {
            bool known = false;
            for (EntryChannel c : all_entry_channels()) known = known || *ch == entry_channel_id(c);
            if (!known)
                bad_event(path + ".channel", i,
                          "不认识的入口渠道 " + ch->substr(0, 40) + "（可用：poster、wechat、miniprogram、lift_ad、sms、web、other）");
            out.channel = *ch;
        } else if (*type == StatEvent::doorplate_opened) {
            bad_event(path + ".channel", i, "doorplate_opened 事件需要 channel（入口渠道）");
        }
        if (auto item = opt_string(e, "item", path + ".item")) {
            const Catalogue& cat = app.catalogue.catalogue();
            if (!cat.find_item(*item) && !cat.find_bundle(*item))
                bad_event(path + ".item", i, "没有这个事项：" + item->substr(0, 80));
            out.item_id = *item;
        } else if (*type == StatEvent::guide_viewed) {
            bad_event(path + ".item", i, "guide_viewed 事件需要 item（事项编号）");
        }
        if (auto results = opt_integer(e, "results", path + ".results")) {
            if (*results < 0 || *results > 10000) bad_event(path + ".results", i, "results 应为 0 到 10000 的整数");
            out.results = static_cast<int>(*results);
        }
        if (*type == StatEvent::navigation_tapped) {
            auto place = opt_string(e, "place", path + ".place");
            if (!place) bad_event(path + ".place", i, "navigation_tapped 事件需要 place（办事点编号）");
            if (!app.places.index_of(*place)) bad_event(path + ".place", i, "没有这个办事点：" + place->substr(0, 80));
            out.place_id = *place;
            auto map_app = opt_string(e, "app", path + ".app");
            if (!map_app) bad_event(path + ".app", i, "navigation_tapped 事件需要 app（amap、baidu 或 tencent）");
            if (*map_app != "amap" && *map_app != "baidu" && *map_app != "tencent")
                bad_event(path + ".app", i, "app 只能是 amap、baidu 或 tencent");
            out.map_app = *map_app;
        }
        if (auto kind = opt_string(e, "kind", path + ".kind")) {
            if (help_kind_from_string(*kind))
                bad_event(path + ".kind", i,
                          "kind=" + *kind + " 的求助由服务器在收到求助时记录，应用不要重复发送（应用只发 phone）");
            if (*kind != "phone") bad_event(path + ".kind", i, "help_requested 的 kind 只能是 phone（拨打求助电话）");
            out.kind = *kind;
        } else if (*type == StatEvent::help_requested) {
            bad_event(path + ".kind", i, *type_name + " 事件需要 kind");
        }
        return out;
    }

    std::pair<std::string, std::string> area_of(const std::string& code, const std::string& path, std::size_t i) {
        auto hit = plates.find(code);
        if (hit != plates.end()) return hit->second;
        if (!is_plausible_doorplate_code(code) || !doorplate_code_has_valid_check(code))
            bad_event(path, i, "门牌码格式或校验位不对：" + code.substr(0, 20));
        auto lock = app.db.lock();
        Stmt q(app.db, "SELECT town_id, area_id FROM doorplates WHERE code = ?");
        q.bind(1, code);
        if (!q.step()) bad_event(path, i, "没有找到门牌码 " + code);
        return plates[code] = {q.text(0), q.text(1)};
    }
};

void post_events(App& app, const httplib::Request& req, httplib::Response& res) {
    enforce_rate_limit(app.submit_limit, req, res);
    durable_post(app, req, res, "POST /api/v1/events", [&app, &req]() -> DurableWrite {
        JsonBodyLimits limits;
        limits.max_bytes = kMaxBatchBytes;
        limits.max_depth = 4;
        limits.allow_array = true;
        const json body = parse_json_body(req, limits);
        if (!body.is_array()) throw HttpError(400, "not_array", "提交的内容应为事件数组 [{\"type\": …}, …]");
        if (body.empty()) throw HttpError(400, "empty_batch", "事件数组是空的");
        if (body.size() > kMaxEvents)
            throw HttpError(413, "too_many_events", "一批最多 " + std::to_string(kMaxEvents) + " 个事件，请分批发送");
        EventChecker checker{app, now_seconds(), {}};
        auto events = std::make_shared<std::vector<UsageEvent>>();
        for (std::size_t i = 0; i < body.size(); ++i) events->push_back(checker.check(body[i], i));
        return [events](Db& w) {
            UsageEventInserter ins(w);
            for (const auto& e : *events) ins.insert(e);
            return WriteReply{200, {{"accepted", events->size()}}};
        };
    });
}

// ---- GET /api/v1/stats ---------------------------------------------------------------------------

struct AreaRow {
    std::string id, name, kind, parent_id;
};

std::optional<AreaRow> find_area(Db& db, const std::string& id) {
    auto lock = db.lock();
    Stmt q(db, "SELECT id, name, kind, COALESCE(parent_id, '') FROM areas WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return AreaRow{q.text(0), q.text(1), q.text(2), q.text(3)};
}

struct StatsQuery {
    StatScope scope;
    StatGroup group = StatGroup::day;
    std::optional<AreaRow> area;
};

CivilDay day_param(const httplib::Request& req, const char* name, CivilDay fallback) {
    if (!req.has_param(name)) return fallback;
    auto d = parse_day(req.get_param_value(name));
    if (!d) throw HttpError(400, "bad_parameter", std::string("参数 ") + name + " 应为日期，格式如 2025-11-03");
    return *d;
}

StatsQuery read_query(App& app, const httplib::Request& req, const User& user) {
    for (const auto& [name, value] : req.params)
        if (name != "from" && name != "to" && name != "area" && name != "group_by")
            throw HttpError(400, "unknown_parameter",
                            "不认识的参数 " + name.substr(0, 40) + "（可用：from、to、area、group_by）");
    StatsQuery q;
    const CivilDay today = china_day_of(now_seconds());
    q.scope.to = day_param(req, "to", today);
    q.scope.from = day_param(req, "from", civil_from_days(days_from_civil(q.scope.to) - 29));
    if (q.scope.to < q.scope.from) throw HttpError(400, "bad_parameter", "参数 from 不能晚于 to");
    if (days_from_civil(q.scope.to) - days_from_civil(q.scope.from) + 1 > kMaxSpanDays)
        throw HttpError(400, "bad_parameter", "统计时段最长 " + std::to_string(kMaxSpanDays) + " 天");
    if (req.has_param("group_by")) {
        auto g = stat_group_from_id(req.get_param_value("group_by"));
        if (!g) throw HttpError(400, "bad_parameter", "参数 group_by 只能是 day、week、month、item、area 或 channel");
        q.group = *g;
    }
    std::string area_id = req.get_param_value("area");
    bool shape_ok = area_id.size() <= 32;
    for (char c : area_id) shape_ok = shape_ok && (std::isdigit(static_cast<unsigned char>(c)) || c == '-');
    if (!shape_ok) throw HttpError(400, "bad_parameter", "参数 area 应为区域编号，例如 350583-101");
    if (user.role == Role::agent) {
        // An agent sees its own area (a town or a village) and the villages of its town.
        if (user.area_id.empty()) throw HttpError(403, "forbidden", "这个帐号没有负责的区域，不能查看统计");
        if (area_id.empty()) area_id = user.area_id;
    }
    if (!area_id.empty()) {
        q.area = find_area(app.db, area_id);
        if (!q.area) throw HttpError(400, "bad_parameter", "没有编号为 " + area_id + " 的区域");
        if (user.role == Role::agent && q.area->id != user.area_id && q.area->parent_id != user.area_id) {
            auto own = find_area(app.db, user.area_id);
            throw HttpError(403, "forbidden", "只能查看自己负责区域（" + (own ? own->name : user.area_id) + "）的统计");
        }
        if (q.area->kind == "town") q.scope.town_id = q.area->id;
        else if (q.area->kind != "county") q.scope.area_id = q.area->id;
    }
    return q;
}

json figures_json(const StatFigures& f) {
    json kinds = json::object();
    for (const auto& k : f.help_by_kind) kinds[k.kind] = k.count;
    auto sat = f.satisfaction();
    return {{"look_ups", f.look_ups()},
            {"doorplate_opens", f.doorplate_opens},
            {"guide_views", f.guide_views},
            {"searches", f.searches},
            {"navigations", f.navigations},
            {"help_services", f.help_services},
            {"help_by_kind", kinds},
            {"requests_closed", f.requests_closed},
            {"ratings", f.ratings},
            {"satisfied_ratings", f.satisfied_ratings},
            {"satisfaction", sat ? json(*sat) : json(nullptr)}};
}

std::map<std::string, std::string> area_names(Db& db) {
    std::map<std::string, std::string> names;
    auto lock = db.lock();
    Stmt q(db, "SELECT id, name FROM areas");
    while (q.step()) names[q.text(0)] = q.text(1);
    return names;
}

// The rows of the query's table with item and area names as labels; `total` = the same events summed.
std::vector<StatRow> table_rows(App& app, const StatsQuery& q, StatFigures* total = nullptr) {
    const auto counts = count_events(app.db, q.scope, q.group);
    if (total) *total = total_figures(counts);
    auto rows = group_rows(counts, q.group, q.scope.from, q.scope.to);
    if (q.group == StatGroup::item) {
        for (auto& r : rows) r.label = app.catalogue.catalogue().name_of(r.key);
    } else if (q.group == StatGroup::area) {
        const auto names = area_names(app.db);
        for (auto& r : rows) {
            auto it = names.find(r.key);
            r.label = r.key.empty() ? "（未知区域）" : it != names.end() ? it->second : r.key;
        }
    }
    return rows;
}

void get_stats(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor, Role::admin});
    const StatsQuery q = read_query(app, req, user);
    const StatFigures total = total_figures(count_totals(app.db, q.scope));
    const ServiceQuality quality = service_quality(app.db, q.scope);
    json headline = figures_json(total);
    auto compliance = quality.compliance();
    auto average = quality.average_handling_seconds();
    headline["requests_completed"] = quality.completed;
    headline["completed_on_time"] = quality.on_time;
    headline["time_limit_compliance"] = compliance ? json(*compliance) : json(nullptr);
    headline["average_handling_seconds"] = average ? json(std::llround(*average)) : json(nullptr);
    headline["average_handling_label"] = average ? json(format_duration_zh(std::llround(*average))) : json(nullptr);
    json rows = json::array();
    for (const auto& r : table_rows(app, q)) {
        json row = figures_json(r.figures);
        row["key"] = r.key;
        row["label"] = r.label;
        rows.push_back(row);
    }
    json area = nullptr;
    if (q.area) area = {{"id", q.area->id}, {"name", q.area->name}, {"kind", q.area->kind}};
    res.set_header("Cache-Control", "no-store");
    send_json(res, {{"from", day_key(q.scope.from)},
                    {"to", day_key(q.scope.to)},
                    {"area", area},
                    {"group_by", stat_group_id(q.group)},
                    {"headline", headline},
                    {"rows", rows}});
}

void get_stats_csv(App& app, const httplib::Request& req, httplib::Response& res) {
    const User user = require_user(req, app, {Role::agent, Role::supervisor, Role::admin});
    const StatsQuery q = read_query(app, req, user);
    StatFigures total;
    auto rows = table_rows(app, q, &total);
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
    out += csv_row({stat_group_zh(q.group), "编号", "查询次数", "打开门牌", "查看指南", "搜索", "导航", "帮办服务",
                    "办结", "评价数", "满意率"});
    auto line = [&](const std::string& label, const std::string& key, const StatFigures& f) {
        auto sat = f.satisfaction();
        out += csv_row({label, key, std::to_string(f.look_ups()), std::to_string(f.doorplate_opens),
                        std::to_string(f.guide_views), std::to_string(f.searches), std::to_string(f.navigations),
                        std::to_string(f.help_services), std::to_string(f.requests_closed), std::to_string(f.ratings),
                        sat ? format_percent(*sat) : ""});
    };
    for (const auto& r : rows) line(r.label, r.key, r.figures);
    line("合计", "", total);
    const std::string name = std::string("stats-") + stat_group_id(q.group) + "-" + day_key(q.scope.from) + "-" +
                             day_key(q.scope.to) + ".csv";
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    res.set_header("Cache-Control", "no-store");
    res.set_content(out, "text/csv; charset=utf-8");
}

}  // namespace

void register_stats_routes(Routes& server, App& app) {
    server.Post("/api/v1/events", [&app](const httplib::Request& req, httplib::Response& res) {
        post_events(app, req, res);
    });
    server.Get("/api/v1/stats", [&app](const httplib::Request& req, httplib::Response& res) { get_stats(app, req, res); });
    server.Get("/api/v1/stats.csv", [&app](const httplib::Request& req, httplib::Response& res) {
        get_stats_csv(app, req, res);
    });
}

}  // namespace dp
