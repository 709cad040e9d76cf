// Parsing of the desk API's answers into the console's plain structs, routes and labels.
#include "model.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace desk {

using nlohmann::json;

namespace {

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return it->dump();
}
int64_t num(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return 0;
    return it->get<int64_t>();
}
json member(const json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() ? json() : *it;
}
// An object of counts ({"submitted": 3, …}); empty when absent.
std::map<std::string, int64_t> counts_of(const json& j, const char* key) {
    std::map<std::string, int64_t> out;
    if (auto it = j.find(key); it != j.end() && it->is_object())
        for (auto& [k, v] : it->items()) out[k] = v.get<int64_t>();
    return out;
}

}  // namespace

bool Detail::allows(const std::string& action) const {
    for (auto& a : allowed_actions)
        if (a == action) return true;
    return false;
}

Route parse_route(const std::string& path) {
    Route r;
    const std::string prefix = "/desk/requests/";
    if (path.rfind(prefix, 0) == 0) {
        r.request_id = std::strtoll(path.c_str() + prefix.size(), nullptr, 10);
        if (r.request_id < 0) r.request_id = 0;
    } else if (path == "/desk/batch") {
        r.page = Page::batch;
    } else if (path == "/desk/stats") {
        r.page = Page::stats;
    } else if (path == "/desk/follow-ups") {
        r.page = Page::follow_ups;
    }
    return r;
}

std::string route_url(const Route& r) {
    switch (r.page) {
        case Page::batch: return "/desk/batch";
        case Page::stats: return "/desk/stats";
        case Page::follow_ups: return "/desk/follow-ups";
        case Page::queue: break;
    }
    return r.request_id > 0 ? "/desk/requests/" + std::to_string(r.request_id) : "/desk";
}

User parse_user(const json& j) {
    User u;
    u.id = str(j, "id");
    u.username = str(j, "username");
    u.role = str(j, "role");
    u.area_id = str(j, "area_id");
    u.display_name = str(j, "display_name");
    return u;
}

static Clock parse_clock(const json& j) {
    Clock c;
    if (!j.is_object()) return c;
    c.limit = num(j, "limit");
    c.elapsed = num(j, "elapsed");
    c.remaining = num(j, "remaining");
    c.light = str(j, "light");
    if (c.light.empty()) c.light = "green";
    c.paused = j.value("paused", false);
    c.stopped = j.value("stopped", false);
    return c;
}

RequestRow parse_row(const json& j) {
    RequestRow r;
    r.id = num(j, "id");
    r.number = str(j, "number");
    r.kind = str(j, "kind");
    r.item_id = str(j, "item_id");
    r.item_name = str(j, "item_name");
    if (r.item_name.empty()) r.item_name = r.item_id;
    r.doorplate_code = str(j, "doorplate_code");
    r.area_id = str(j, "area_id");
    r.town_id = str(j, "town_id");
    r.contact_name = str(j, "contact_name");
    r.contact_phone = str(j, "contact_phone");
    r.id_number = str(j, "id_number");
    r.status = str(j, "status");
    r.status_label = str(j, "status_label");
    if (r.status_label.empty()) r.status_label = status_label(r.status);
    r.agent_id = str(j, "agent_id");
    r.created_at = num(j, "created_at");
    r.updated_at = num(j, "updated_at");
    r.clock = parse_clock(member(j, "clock"));
    r.light = str(j, "light");
    if (r.light.empty()) r.light = r.clock.light;
    r.unread = static_cast<int>(num(j, "unread"));
    return r;
}

Message parse_message(const json& j) {
    Message m;
    m.id = num(j, "id");
    m.side = str(j, "side");
    m.author = str(j, "author");
    m.text = str(j, "text");
    const json up = member(j, "upload");
    if (up.is_object()) m.upload_url = str(up, "url");
    m.at = num(j, "at");
    return m;
}

static Material parse_material(const json& j) {
    Material m;
    m.id = str(j, "id");
    m.name = str(j, "name");
    m.state = str(j, "state");
    m.state_label = str(j, "state_label");
    m.reason = str(j, "reason");
    m.sample = str(j, "sample");
    if (auto it = j.find("review_points"); it != j.end() && it->is_array())
        for (auto& p : *it)
            if (p.is_string()) m.review_points.push_back(p.get<std::string>());
    const json up = member(j, "upload");
    if (up.is_object()) {
        m.upload_url = str(up, "url");
        m.upload_mime = str(up, "mime");
        m.uploaded_at = num(up, "uploaded_at");
    }
    return m;
}

Detail parse_detail(const json& j) {
    Detail d;
    d.row = parse_row(j);
    d.payload = member(j, "payload");
    if (auto it = j.find("uploads"); it != j.end() && it->is_array())
        for (auto& u : *it)
            d.uploads.push_back(Upload{str(u, "sha256"), str(u, "material"), str(u, "mime"), str(u, "url"),
                                       num(u, "size"), num(u, "uploaded_at")});
    if (auto it = j.find("allowed_actions"); it != j.end() && it->is_array())
        for (auto& a : *it)
            if (a.is_string()) d.allowed_actions.push_back(a.get<std::string>());
    d.supplement_reason = str(j, "supplement_reason");
    d.result = str(j, "result");
    d.rating = member(j, "rating");
    d.follow_up = j.value("follow_up", false);
    if (auto it = j.find("materials"); it != j.end() && it->is_array())
        for (auto& m : *it) d.materials.push_back(parse_material(m));
    d.prereview_passed = j.value("prereview_passed", false);
    d.proxy = member(j, "proxy");
    d.video = member(j, "video");
    d.last_seq = num(j, "last_seq");
    return d;
}

std::vector<AreaQueue> parse_areas(const json& j) {
    std::vector<AreaQueue> out;
    for (auto& a : j.at("areas")) {
        AreaQueue q;
        q.area_id = str(a, "area_id");
        q.area_name = str(a, "area_name");
        q.counts = counts_of(a, "counts");
        q.lights = counts_of(a, "lights");
        q.open = num(a, "open");
        out.push_back(std::move(q));
    }
    return out;
}

BatchResult parse_batch(const json& j) {
    BatchResult b;
    b.dry_run = j.value("dry_run", true);
    b.rows = static_cast<int>(num(j, "rows"));
    b.valid = static_cast<int>(num(j, "valid"));
    b.invalid = static_cast<int>(num(j, "invalid"));
    for (auto& r : j.at("report"))
        b.report.push_back({static_cast<int>(num(r, "row")), str(r, "field"), str(r, "label"), str(r, "message")});
    if (auto it = j.find("created"); it != j.end() && it->is_array())
        for (auto& c : *it) b.created.push_back({static_cast<int>(num(c, "row")), num(c, "id"), str(c, "number")});
    return b;
}

std::vector<FollowUp> parse_follow_ups(const json& j) {
    std::vector<FollowUp> out;
    for (auto& f : j.at("follow_ups")) {
        FollowUp x;
        x.id = num(f, "id");
        x.request_id = num(f, "request_id");
        x.score = num(f, "score");
        x.created_at = num(f, "created_at");
        x.closed_at = num(f, "closed_at");
        x.number = str(f, "number");
        x.area_id = str(f, "area_id");
        x.town_id = str(f, "town_id");
        x.label = str(f, "label");
        x.comment = str(f, "comment");
        x.state = str(f, "state");
        x.note = str(f, "note");
        out.push_back(std::move(x));
    }
    return out;
}

std::string error_message(const std::string& body, const std::string& fallback) {
    auto j = json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("error") && j["error"].is_object()) {
        std::string m = j["error"].value("message", fallback);
        if (auto f = j["error"].find("fields"); f != j["error"].end() && f->is_object())
            for (auto& [k, v] : f->items())
                if (v.is_string() && m.find(v.get<std::string>()) == std::string::npos) m += "；" + v.get<std::string>();
        return m;
    }
    return fallback;
}

const char* kind_label(const std::string& kind) {
    if (kind == "question") return "问一问";
    if (kind == "prereview") return "预审";
    if (kind == "proxy") return "代办";
    if (kind == "video") return "视频帮办";
    return "申请";
}

const char* status_label(const std::string& s) {
    if (s == "submitted") return "待受理";
    if (s == "assigned") return "已受理";
    if (s == "in_progress") return "办理中";
    if (s == "needs_supplement") return "待补件";
    if (s == "completed") return "已办结";
    if (s == "withdrawn") return "已撤回";
    if (s == "rated") return "已评价";
    return "全部";
}

std::string duration_text(int64_t s) {
    if (s < 0) s = -s;
    const int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
    char buf[48];
    if (d > 0)
        std::snprintf(buf, sizeof buf, "%lld 天 %lld 小时", static_cast<long long>(d), static_cast<long long>(h));
    else if (h > 0)
        std::snprintf(buf, sizeof buf, "%lld 小时 %lld 分", static_cast<long long>(h), static_cast<long long>(m));
    else
        std::snprintf(buf, sizeof buf, "%lld 分钟", static_cast<long long>(m < 1 ? 1 : m));
    return buf;
}

std::string age_text(int64_t s) {
    if (s < 60) return "刚刚";
    char buf[32];
    if (s < 3600)
        std::snprintf(buf, sizeof buf, "%lld 分钟前", static_cast<long long>(s / 60));
    else if (s < 86400)
        std::snprintf(buf, sizeof buf, "%lld 小时前", static_cast<long long>(s / 3600));
    else
        std::snprintf(buf, sizeof buf, "%lld 天前", static_cast<long long>(s / 86400));
    return buf;
}

std::string china_time(int64_t t) {
    std::time_t s = static_cast<std::time_t>(t + 8 * 3600);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%d月%d日 %02d:%02d", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
    return buf;
}

}  // namespace desk
