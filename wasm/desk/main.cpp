// Agent console entry (/desk): session check and login, the queue with its live feed (long
// polling /api/v1/desk/events), the open request with its own long poll (messages, typing,
// status), and every action the views emit, performed against the desk API. Reports
// loading/ready/error on <html data-app-state> and test state on window.Module.dpDesk.
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

#include "model.hpp"
#include "platform.hpp"
#include "stats.hpp"
#include "ui_runtime.hpp"
#include "url.hpp"
#include "view.hpp"

namespace {

using namespace desk;
using nlohmann::json;

Model g_model;
ViewState g_view;
int g_ready_frames = -1;

// Long polls: the queue feed and the open request's events.
int g_feed_fetch = 0;
int g_detail_fetch = 0;
int64_t g_detail_seq = 0;
int g_session_gen = 0;  // bumped at login/logout: callbacks of an older session are ignored
bool g_list_dirty = false;
int64_t g_last_typing_sent = 0;

constexpr int kPollTimeoutMs = 40000;  // the server answers within 25 s

std::string idempotency_key() {
    static std::mt19937_64 rng{std::random_device{}()};
    char buf[40];
    std::snprintf(buf, sizeof buf, "desk-%016llx%016llx", static_cast<unsigned long long>(rng()),
                  static_cast<unsigned long long>(rng()));
    return buf;
}

void dispatch(const Action& a);
void session_expired();

// A JSON call of the desk API; 401 ends the session (the console shows the login again).
void api(const std::string& method, const std::string& url, const json& body,
         std::function<void(int, const std::string&)> done, int timeout_ms = 0, int* fetch_id = nullptr) {
    platform::FetchRequest r;
    r.method = method;
    r.url = url;
    r.timeout_ms = timeout_ms;
    if (method == "POST") {
        r.body = body.is_null() ? "{}" : body.dump();
        r.content_type = "application/json";
        r.headers.push_back({"Idempotency-Key", idempotency_key()});
    }
    const int gen = g_session_gen;
    const bool auth_call = url.rfind("/api/v1/auth/", 0) == 0;
    const int id = platform::fetch(r, [gen, auth_call, done](int status, const std::string& text) {
        if (gen != g_session_gen) return;
        if (status == 401 && !auth_call) return session_expired();
        done(status, text);
    });
    if (fetch_id) *fetch_id = id;
}

std::string base_of(int64_t id) { return "/api/v1/desk/requests/" + std::to_string(id); }

// ---- loading ----

void load_list() {
    if (g_model.list_state == Load::loading) {
        g_list_dirty = true;
        return;
    }
    g_model.list_state = Load::loading;
    g_list_dirty = false;
    std::string url = "/api/v1/desk/requests?limit=200";
    if (!g_model.status_filter.empty()) url += "&status=" + g_model.status_filter;
    if (!g_model.kind_filter.empty()) url += "&kind=" + g_model.kind_filter;
    if (!g_model.area_filter.empty()) url += "&area=" + dp::url_encode(g_model.area_filter);
    if (!g_model.light_filter.empty()) url += "&light=" + g_model.light_filter;
    api("GET", url, nullptr, [](int status, const std::string& body) {
        g_model.list_state = Load::ready;
        if (status != 200) {
            g_model.list_error = status == 0 ? "网络好像断了，正在重试…" : error_message(body, "读取申请列表失败");
            if (status == 0) platform::after(3000, load_list);
        } else {
            try {
                auto j = json::parse(body);
                g_model.rows.clear();
                for (auto& r : j.at("requests")) g_model.rows.push_back(parse_row(r));
                g_model.counts.clear();
                for (auto& [k, v] : j.at("counts").items()) g_model.counts[k] = v.get<int64_t>();
                g_model.total = j.value("total", int64_t{0});
                g_model.list_error.clear();
            } catch (const std::exception&) {
                g_model.list_error = "服务器返回的列表不完整";
            }
        }
        if (g_list_dirty) load_list();
    });
}

void load_queue() {
    api("GET", "/api/v1/desk/queue", nullptr, [](int status, const std::string& body) {
        if (status != 200) return;
        try {
            auto j = json::parse(body);
            g_model.areas = parse_areas(j);
            g_model.time_limits.clear();
            if (j.contains("time_limits"))
                for (auto& [k, v] : j["time_limits"].items()) g_model.time_limits[k] = v.get<int64_t>();
        } catch (const std::exception&) {
        }
    });
}

void load_agents_and_replies() {
    api("GET", "/api/v1/desk/agents", nullptr, [](int status, const std::string& body) {
        if (status != 200) return;
        auto j = json::parse(body, nullptr, false);
        if (j.is_discarded() || !j.contains("agents")) return;
        g_model.agents.clear();
        for (auto& a : j["agents"])
            g_model.agents.push_back(Agent{a.value("id", ""), a.value("username", ""), a.value("display_name", ""),
                                           a.value("area_id", "")});
    });
    api("GET", "/api/v1/desk/canned-replies", nullptr, [](int status, const std::string& body) {
        if (status != 200) return;
        auto j = json::parse(body, nullptr, false);
        if (j.is_discarded() || !j.contains("replies")) return;
        g_model.canned.clear();
        for (auto& r : j["replies"]) g_model.canned.push_back(Canned{r.value("id", ""), r.value("title", ""), r.value("text", "")});
    });
}

// ---- statistics (统计) ----

// One table of the dashboard: `group` into `table` (the trend also brings the headline figures).
void load_stats_table(const std::string& group, StatsTable StatsState::*table) {
    StatsState& st = g_model.stats;
    (st.*table).state = Load::loading;
    (st.*table).error.clear();
    const int gen = st.generation;
    const StatsFilter filter = st.filter;
    const bool trend = group == st.filter.group;
    api("GET", stats_url(st, group), nullptr, [gen, filter, trend, table](int status, const std::string& body) {
        StatsState& s = g_model.stats;
        if (gen != s.generation) return;  // the filter changed meanwhile
        StatsTable& t = s.*table;
        if (status != 200) {
            t.state = Load::failed;
            t.error = status == 0 ? "网络好像断了，统计没有读到。" : error_message(body, "统计数据读取失败");
            return;
        }
        try {
            const json j = json::parse(body);
            t.rows.clear();
            for (auto& r : j.at("rows")) t.rows.push_back(parse_stats_row(r));
            if (trend) {
                s.headline = parse_stats_headline(j.at("headline"));
                const json& area = j.at("area");
                s.area_name = area.is_object() ? area.value("name", "") : "全县";
                if (!filter.village.empty())
                    for (auto& town : s.towns)
                        if (town.id == filter.town) s.area_name = town.name + " · " + s.area_name;
            }
            if (table == &StatsState::areas) {
                std::vector<AreaOption> options;
                for (auto& r : t.rows)
                    if (!r.key.empty()) options.push_back({r.key, r.label});
                std::sort(options.begin(), options.end(), [](auto& a, auto& b) { return a.id < b.id; });
                if (filter.town.empty()) s.towns = options;
                else if (filter.village.empty()) s.villages = options;
            }
            t.state = Load::ready;
        } catch (const std::exception&) {
            t.state = Load::failed;
            t.error = "服务器返回的统计数据不完整";
        }
    });
}

void load_stats() {
    StatsState& st = g_model.stats;
    ++st.generation;
    const auto [from, to] = stats_period_range(st.filter.period, dp::china_day_of(platform::unix_time()));
    st.from = dp::day_key(from);
    st.to = dp::day_key(to);
    load_stats_table(st.filter.group, &StatsState::trend);
    load_stats_table("item", &StatsState::items);
    load_stats_table("area", &StatsState::areas);
    load_stats_table("channel", &StatsState::channels);
}

// Entering the dashboard: fresh figures (a supervisor's console may stay open for days).
void enter_stats() {
    if (g_model.logged_in && g_model.user.supervisor() && g_model.route.page == Page::stats) load_stats();
}

// The queue's live feed: new requests, status changes and messages of the caller's scope.
// The first answers catch up with the past (no reload); later ones reload the list and lights.
void poll_feed(bool caught_up) {
    const int gen = g_session_gen;
    const std::string url = "/api/v1/desk/events?after=" + std::to_string(g_model.feed_seq) + "&wait=" + (caught_up ? "25" : "0");
    api("GET", url, nullptr, [gen, caught_up](int status, const std::string& body) {
        if (gen != g_session_gen) return;
        if (status == 404) {  // a server without the live feed: poll the list instead
            g_model.feed_live = false;
            platform::after(10000, [gen] {
                if (gen != g_session_gen) return;
                load_list();
                poll_feed(true);
            });
            return;
        }
        if (status != 200) {
            platform::after(3000, [gen, caught_up] {
                if (gen == g_session_gen) poll_feed(caught_up);
            });
            return;
        }
        g_model.feed_live = true;
        auto j = json::parse(body, nullptr, false);
        size_t n = 0;
        if (!j.is_discarded()) {
            n = j.contains("events") && j["events"].is_array() ? j["events"].size() : 0;
            g_model.feed_seq = std::max(g_model.feed_seq, j.value("last_seq", g_model.feed_seq));
        }
        if (caught_up && n > 0) {
            load_list();
            load_queue();
        }
        poll_feed(n < 200);
    }, kPollTimeoutMs, &g_feed_fetch);
}

void mark_read() {
    const int64_t id = g_model.detail.row.id;
    int64_t last_resident = 0;
    for (auto& m : g_model.messages)
        if (m.side == "resident") last_resident = m.id;
    if (last_resident == 0 || g_model.read["agent"] >= last_resident) return;
    g_model.read["agent"] = last_resident;
    api("POST", base_of(id) + "/read", {{"message_id", last_resident}}, [](int, const std::string&) {});
}

void add_message(const Message& m) {
    for (auto& x : g_model.messages)
        if (x.id == m.id) return;
    g_model.messages.push_back(m);
}

void load_messages(int64_t id) {
    api("GET", base_of(id) + "/messages?limit=200", nullptr, [id](int status, const std::string& body) {
        if (status != 200 || g_model.route.request_id != id) return;
        auto j = json::parse(body, nullptr, false);
        if (j.is_discarded()) return;
        g_model.messages.clear();
        for (auto& m : j["messages"]) add_message(parse_message(m));
        if (j.contains("read"))
            for (auto& [k, v] : j["read"].items())
                if (v.is_number()) g_model.read[k] = v.get<int64_t>();
        mark_read();
    });
}

void poll_detail(int64_t id);

// The request's own data (after an action or a status event); messages are kept.
void refresh_detail(int64_t id, bool start_poll) {
    api("GET", base_of(id), nullptr, [id, start_poll](int status, const std::string& body) {
        if (g_model.route.request_id != id) return;
        if (status != 200) {
            if (g_model.detail_state != Load::ready || g_model.detail.row.id != id) {
                g_model.detail_state = Load::failed;
                g_model.detail_error = status == 0 ? "网络好像断了，请稍后重试。" : error_message(body, "读取失败");
            }
            return;
        }
        try {
            g_model.detail = parse_detail(json::parse(body).at("request"));
            g_model.detail_state = Load::ready;
        } catch (const std::exception&) {
            g_model.detail_state = Load::failed;
            g_model.detail_error = "服务器返回的申请数据不完整";
            return;
        }
        if (start_poll) {
            g_detail_seq = g_model.detail.last_seq;
            load_messages(id);
            poll_detail(id);
        }
    });
}

void poll_detail(int64_t id) {
    const std::string url = base_of(id) + "/events?after=" + std::to_string(g_detail_seq) +
                            "&wait=25&typing=" + (g_model.resident_typing ? "1" : "0");
    api("GET", url, nullptr, [id](int status, const std::string& body) {
        g_detail_fetch = 0;
        if (g_model.route.request_id != id) return;
        if (status != 200) {
            if (status == 404 && g_model.detail_state == Load::ready) return;  // no live events on this server
            platform::after(3000, [id] {
                if (g_model.route.request_id == id && g_detail_fetch == 0) poll_detail(id);
            });
            return;
        }
        auto j = json::parse(body, nullptr, false);
        if (j.is_discarded()) return poll_detail(id);
        bool refresh = false;
        for (auto& e : j["events"]) {
            const std::string type = e.value("type", "");
            if (type == "message" && e.contains("data") && e["data"].contains("message")) {
                add_message(parse_message(e["data"]["message"]));
            } else if (type == "read" && e.contains("data")) {
                g_model.read[e["data"].value("side", "")] = e["data"].value("message_id", int64_t{0});
            } else if (type != "created") {
                refresh = true;
            }
        }
        g_detail_seq = std::max(g_detail_seq, j.value("last_seq", g_detail_seq));
        if (j.contains("typing") && j["typing"].is_object()) g_model.resident_typing = j["typing"].value("resident", false);
        mark_read();
        if (refresh) refresh_detail(id, false);
        poll_detail(id);
    }, kPollTimeoutMs, &g_detail_fetch);
}

void open_request(int64_t id) {
    if (g_detail_fetch) platform::cancel_fetch(g_detail_fetch);
    g_detail_fetch = 0;
    g_model.detail_state = Load::loading;
    g_model.messages.clear();
    g_model.read.clear();
    g_model.revealed.clear();
    g_model.resident_typing = false;
    g_model.action_error.clear();
    g_model.action_notice.clear();
    if (id > 0) refresh_detail(id, true);
}

void load_follow_ups() {
    if (!g_model.user.supervisor()) return;
    g_model.follow_state = Load::loading;
    const std::string state = g_model.follow_filter;
    api("GET", "/api/v1/desk/follow-ups?state=" + state, nullptr, [state](int status, const std::string& body) {
        if (state != g_model.follow_filter) return;
        if (status != 200) {
            g_model.follow_state = Load::failed;
            g_model.follow_error = status == 0 ? "网络好像断了，请稍后重试。" : error_message(body, "读取回访列表失败");
            return;
        }
        try {
            g_model.follow_ups = parse_follow_ups(json::parse(body));
            g_model.follow_state = Load::ready;
            g_model.follow_error.clear();
        } catch (const std::exception&) {
            g_model.follow_state = Load::failed;
            g_model.follow_error = "服务器返回的回访列表不完整";
        }
    });
}

// A multipart/form-data body with the fields `material` and `file` (the upload API's form).
std::string multipart_body(const std::string& boundary, const std::string& material, const std::string& file_name,
                           const std::string& mime, const std::string& bytes) {
    std::string b;
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n" + material + "\r\n";
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
         "\"\r\nContent-Type: " + mime + "\r\n\r\n";
    b += bytes;
    b += "\r\n--" + boundary + "--\r\n";
    return b;
}

void after_login(const User& u) {
    g_model.user = u;
    g_model.logged_in = true;
    g_model.session = Load::ready;
    g_model.login_error.clear();
    g_view.text["login-password"].clear();
    platform::set_text_field_value("login-password", "");
    load_list();
    load_queue();
    load_agents_and_replies();
    poll_feed(false);
    if (g_model.route.request_id) open_request(g_model.route.request_id);
    enter_stats();
    if (g_model.route.page == Page::follow_ups) load_follow_ups();
}

void stop_polls() {
    if (g_feed_fetch) platform::cancel_fetch(g_feed_fetch);
    if (g_detail_fetch) platform::cancel_fetch(g_detail_fetch);
    g_feed_fetch = g_detail_fetch = 0;
}

void reset_session(const std::string& message) {
    ++g_session_gen;
    stop_polls();
    Model fresh;
    fresh.route = g_model.route;
    fresh.session = Load::ready;
    fresh.login_error = message;
    g_model = std::move(fresh);
}

void session_expired() { reset_session("登录已过期，请重新登录。"); }

void check_session() {
    g_model.session = Load::loading;
    api("GET", "/api/v1/auth/me", nullptr, [](int status, const std::string& body) {
        if (status == 200) {
            auto j = json::parse(body, nullptr, false);
            if (!j.is_discarded() && j.contains("user")) {
                const User u = parse_user(j["user"]);
                if (u.role == "agent" || u.role == "supervisor") return after_login(u);
            }
        }
        g_model.session = Load::ready;
        if (status == 0) g_model.login_error = "连不上服务器，请检查网络后刷新。";
    });
}

// ---- actions ----

std::string trimmed(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

const char* done_notice(const std::string& action) {
    if (action == "claim") return "已受理，这个申请由您办理。";
    if (action == "assign") return "已分派。";
    if (action == "transfer") return "已转办。";
    if (action == "start") return "已开始办理。";
    if (action == "request_supplement") return "已通知居民补件。";
    if (action == "complete") return "已办结，居民会收到办理结果。";
    return "已完成。";
}

// A write on the open request; reloads it (and the list) afterwards.
void request_write(const std::string& path, const json& body, const std::string& notice,
                   std::function<void(const json&)> then = {}) {
    const int64_t id = g_model.detail.row.id;
    g_model.action_busy = true;
    g_model.action_error.clear();
    g_model.action_notice.clear();
    api("POST", base_of(id) + path, body, [id, notice, then](int status, const std::string& text) {
        g_model.action_busy = false;
        if (g_model.route.request_id != id) return;
        if (status == 200 || status == 201) {
            g_model.action_notice = notice;
            g_view.open_form.clear();
            g_view.open_review.clear();
            if (then) then(json::parse(text, nullptr, false));
            refresh_detail(id, false);
            load_list();
        } else {
            g_model.action_error = status == 0 ? "网络好像断了，没有提交成功，请重试。" : error_message(text, "操作没有成功");
        }
    });
}

void clear_field(const std::string& id) {
    g_view.text[id].clear();
    platform::set_text_field_value(id, "");
}

void perform(const Action& a) {
    if (auto* x = std::get_if<Login>(&a)) {
        if (trimmed(x->username).empty() || x->password.empty()) {
            g_model.login_error = "请输入用户名和密码。";
            return;
        }
        g_model.login_busy = true;
        g_model.login_error.clear();
        api("POST", "/api/v1/auth/login", {{"username", trimmed(x->username)}, {"password", x->password}},
            [](int status, const std::string& body) {
                g_model.login_busy = false;
                if (status == 200) {
                    auto j = json::parse(body, nullptr, false);
                    const User u = parse_user(j["user"]);
                    if (u.role != "agent" && u.role != "supervisor") {
                        g_model.login_error = "这个账号不是帮办员或督办主管，不能使用坐席控制台。";
                        api("POST", "/api/v1/auth/logout", nullptr, [](int, const std::string&) {});
                        return;
                    }
                    ++g_session_gen;
                    return after_login(u);
                }
                if (status == 0) g_model.login_error = "连不上服务器，请检查网络后重试。";
                else if (status == 429) g_model.login_error = error_message(body, "尝试次数过多") + "（为保护账号，请稍后再试）";
                else if (status == 401) g_model.login_error = error_message(body, "用户名或密码不正确");
                else g_model.login_error = error_message(body, "登录失败，请稍后再试。");
            });
    } else if (std::holds_alternative<Logout>(a)) {
        api("POST", "/api/v1/auth/logout", nullptr, [](int, const std::string&) {});
        reset_session("");
        g_model.route = Route{};
        platform::replace_url("/desk");
    } else if (auto* x = std::get_if<Navigate>(&a)) {
        const Route before = g_model.route;
        g_model.route = x->route;
        platform::push_url(route_url(x->route));
        if (x->route.request_id != before.request_id) open_request(x->route.request_id);
        if (x->route.page == Page::stats && before.page != Page::stats) enter_stats();
        if (x->route.page == Page::follow_ups && before.page != Page::follow_ups) load_follow_ups();
    } else if (auto* x = std::get_if<SetFilter>(&a)) {
        g_model.status_filter = x->status;
        g_model.kind_filter = x->kind;
        g_model.area_filter = x->area;
        g_model.light_filter = x->light;
        load_list();
    } else if (auto* x = std::get_if<Reveal>(&a)) {
        const int64_t id = g_model.detail.row.id;
        const std::string field = x->field;
        api("POST", base_of(id) + "/reveal", {{"field", field}, {"reason", x->reason}}, [id, field](int status, const std::string& body) {
            if (g_model.route.request_id != id) return;
            if (status == 200) {
                g_model.revealed[field] = json::parse(body, nullptr, false).value("value", "");
                g_view.reveal_field.clear();
            } else {
                g_model.action_error = error_message(body, "没有取得完整信息");
            }
        });
    } else if (auto* x = std::get_if<LifecycleAction>(&a)) {
        json body = json::object();
        if (x->action == "request_supplement") {
            if (trimmed(x->reason).empty()) {
                g_model.action_error = "请填写补件原因，居民会按这个原因补交。";
                return;
            }
            body["reason"] = trimmed(x->reason);
        } else if (x->action == "complete") {
            if (trimmed(x->result).empty()) {
                g_model.action_error = "请填写办理结果。";
                return;
            }
            body["result"] = trimmed(x->result);
        } else if (x->action == "assign" || x->action == "transfer") {
            body["agent_id"] = x->agent_id;
            if (x->action == "transfer" && !trimmed(x->reason).empty()) body["reason"] = trimmed(x->reason);
        }
        const std::string action = x->action;
        request_write("/" + action, body, done_notice(action), [action](const json&) {
            if (action == "request_supplement") clear_field("form-reason");
            if (action == "complete") clear_field("form-result");
        });
    } else if (auto* x = std::get_if<SendMessage>(&a)) {
        const std::string text = trimmed(x->text);
        if (text.empty()) {
            g_model.action_error = "请输入消息内容。";
            return;
        }
        const int64_t id = g_model.detail.row.id;
        g_model.sending = true;
        g_model.action_error.clear();
        api("POST", base_of(id) + "/messages", {{"text", text}}, [id](int status, const std::string& body) {
            g_model.sending = false;
            if (g_model.route.request_id != id) return;
            if (status == 201 || status == 200) {
                auto j = json::parse(body, nullptr, false);
                if (!j.is_discarded() && j.contains("message")) add_message(parse_message(j["message"]));
                clear_field("message");
            } else {
                g_model.action_error = status == 0 ? "网络好像断了，消息没有发出，请重试。" : error_message(body, "消息没有发出");
            }
        });
    } else if (std::holds_alternative<Typing>(a)) {
        const int64_t now = platform::unix_time();
        if (g_model.detail_state != Load::ready || now - g_last_typing_sent < 3) return;
        g_last_typing_sent = now;
        platform::FetchRequest r;
        r.method = "POST";
        r.url = base_of(g_model.detail.row.id) + "/typing";
        r.body = "{}";
        r.content_type = "application/json";
        platform::fetch(r, [](int, const std::string&) {});
    } else if (auto* x = std::get_if<ReviewMaterial>(&a)) {
        json body = {{"decision", x->decision}};
        if (x->decision == "needs_supplement") {
            if (trimmed(x->reason).empty()) {
                g_model.action_error = "请填写补件原因，居民会按这个原因重新上传。";
                return;
            }
            body["reason"] = trimmed(x->reason);
        }
        const std::string fid = "review-reason-" + x->material_id;
        request_write("/materials/" + dp::url_encode(x->material_id) + "/review", body,
                      x->decision == "accepted" ? "已标记为合格。" : "已请居民补交这项材料。",
                      [fid](const json&) { clear_field(fid); });
    } else if (auto* x = std::get_if<ConfirmVideo>(&a)) {
        json body = json::object();
        if (x->slot_at) body["slot_at"] = x->slot_at;
        request_write("/video/confirm", body, x->slot_at ? "已请居民改到这个时间，等居民确认。" : "已确认视频帮办时间，居民会看到。",
                      [](const json&) {
                          g_view.proposing_slot = false;
                          g_view.chosen_slot = 0;
                      });
    } else if (std::holds_alternative<LoadVideoSlots>(a)) {
        const int64_t id = g_model.detail.row.id;
        g_model.video_slots_state = Load::loading;
        api("GET", "/api/v1/help/video-slots?area=" + dp::url_encode(g_model.detail.row.town_id), nullptr,
            [id](int status, const std::string& body) {
                if (g_model.route.request_id != id) return;
                auto j = json::parse(body, nullptr, false);
                if (status != 200 || !j.is_object()) {
                    g_model.video_slots_state = Load::failed;
                    return;
                }
                g_model.video_slots.clear();
                for (auto& s : j.value("slots", json::array()))
                    g_model.video_slots.emplace_back(s.value("at", int64_t{0}), s.value("label", ""));
                g_model.video_slots_state = Load::ready;
            });
    } else if (std::holds_alternative<SendPicture>(a)) {
        const int64_t id = g_model.detail.row.id;
        platform::choose_file("image/jpeg,image/png", [id](const std::string& name, const std::string& bytes) {
            if (g_model.route.request_id != id) return;
            const bool png = bytes.rfind("\x89PNG", 0) == 0;
            const bool jpeg = bytes.rfind("\xFF\xD8", 0) == 0;
            if (!png && !jpeg) {
                g_model.action_error = "只能发送 JPG 或 PNG 图片。";
                return platform::request_frame();
            }
            g_model.sending = true;
            g_model.action_error.clear();
            const std::string boundary = "dpdesk" + idempotency_key().substr(5, 24);
            platform::FetchRequest r;
            r.method = "POST";
            r.url = "/api/v1/requests/" + std::to_string(id) + "/uploads";
            r.content_type = "multipart/form-data; boundary=" + boundary;
            r.body = multipart_body(boundary, "chat", name.empty() ? (png ? "picture.png" : "picture.jpg") : name,
                                    png ? "image/png" : "image/jpeg", bytes);
            const int gen = g_session_gen;
            platform::fetch(r, [id, gen](int status, const std::string& body) {
                if (gen != g_session_gen) return;
                if (status != 200 && status != 201) {
                    g_model.sending = false;
                    g_model.action_error = status == 0 ? "网络好像断了，图片没有发出，请重试。" : error_message(body, "图片没有发出");
                    return;
                }
                auto j = json::parse(body, nullptr, false);
                const std::string sha = j.is_object() && j.contains("upload") ? j["upload"].value("sha256", "") : "";
                api("POST", base_of(id) + "/messages", {{"upload", sha}}, [id](int st, const std::string& text) {
                    g_model.sending = false;
                    if (g_model.route.request_id != id) return;
                    if (st == 201 || st == 200) {
                        auto m = json::parse(text, nullptr, false);
                        if (!m.is_discarded() && m.contains("message")) add_message(parse_message(m["message"]));
                    } else {
                        g_model.action_error = st == 0 ? "网络好像断了，图片没有发出，请重试。" : error_message(text, "图片没有发出");
                    }
                });
            });
        });
    } else if (auto* x = std::get_if<LoadFollowUps>(&a)) {
        g_model.follow_filter = x->state;
        g_model.follow_ups.clear();
        g_model.follow_notice.clear();
        load_follow_ups();
    } else if (auto* x = std::get_if<CloseFollowUp>(&a)) {
        const std::string note = trimmed(x->note);
        if (note.empty()) {
            g_model.follow_error = "请填写回访说明：回访了谁、居民的意见和处理结果。";
            return;
        }
        g_model.follow_busy = true;
        g_model.follow_error.clear();
        g_model.follow_notice.clear();
        const int64_t fid = x->id;
        api("POST", "/api/v1/desk/follow-ups/" + std::to_string(fid) + "/close", {{"note", note}},
            [fid](int status, const std::string& body) {
                g_model.follow_busy = false;
                if (status == 200) {
                    g_model.follow_notice = "已办结这条回访。";
                    g_view.open_follow_up = 0;
                    clear_field("follow-note-" + std::to_string(fid));
                    load_follow_ups();
                } else {
                    g_model.follow_error = status == 0 ? "网络好像断了，没有提交成功，请重试。" : error_message(body, "没有办结");
                }
            });
    } else if (auto* x = std::get_if<ProxyStep>(&a)) {
        json body = {{"step", x->step}};
        if (!trimmed(x->note).empty()) body["note"] = trimmed(x->note);
        request_write("/proxy/step", body, "已记录办理进度。", [](const json&) { clear_field("step-note"); });
    } else if (auto* x = std::get_if<BatchCheck>(&a)) {
        g_model.batch_state = Load::loading;
        g_model.batch_error.clear();
        api("POST", "/api/v1/desk/batch-proxy", {{"item_id", trimmed(x->item_id)}, {"csv", x->csv}, {"dry_run", x->dry_run}},
            [](int status, const std::string& body) {
                if (status == 200 || status == 201) {
                    try {
                        g_model.batch = parse_batch(json::parse(body));
                        g_model.batch_state = Load::ready;
                        if (!g_model.batch.created.empty()) load_list();
                        return;
                    } catch (const std::exception&) {
                    }
                }
                g_model.batch_state = Load::failed;
                g_model.batch_error = status == 0 ? "网络好像断了，请重试。" : error_message(body, "检查没有完成");
            });
    } else if (std::holds_alternative<ChooseCsv>(a)) {
        platform::choose_file(".csv,text/csv,text/plain", [](const std::string& name, const std::string& bytes) {
            std::string text = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? bytes.substr(3) : bytes;
            g_view.text["batch-csv"] = text;
            platform::set_text_field_value("batch-csv", text);
            g_model.batch_file_name = name;
        });
    } else if (std::holds_alternative<ExportCsv>(a)) {
        std::string url = "/api/v1/desk/requests.csv?status=" + g_model.status_filter + "&kind=" + g_model.kind_filter +
                          "&area=" + dp::url_encode(g_model.area_filter);
        platform::open_url(url);
    } else if (std::holds_alternative<Reload>(a)) {
        open_request(g_model.route.request_id);
    } else if (auto* x = std::get_if<SetStatsFilter>(&a)) {
        StatsFilter f = x->filter;
        if (f.town != g_model.stats.filter.town) g_model.stats.villages.clear();
        if (f.town.empty()) f.village.clear();
        g_model.stats.filter = f;
        load_stats();
    } else if (auto* x = std::get_if<ExportStatsCsv>(&a)) {
        const StatsState& st = g_model.stats;
        platform::download(stats_url(st, x->group, true), "stats-" + x->group + "-" + st.from + "-" + st.to + ".csv");
    } else if (std::holds_alternative<ReloadStats>(a)) {
        load_stats();
    }
}

void dispatch(const Action& a) {
    perform(a);
    platform::request_frame();
}

const char* load_id(Load l) {
    return l == Load::loading ? "loading" : l == Load::ready ? "ready" : l == Load::failed ? "failed" : "idle";
}

json stats_state() {
    const StatsState& st = g_model.stats;
    const StatsRow& t = st.headline.totals;
    auto table = [](const StatsTable& x) { return json{{"state", load_id(x.state)}, {"rows", x.rows.size()}, {"error", x.error}}; };
    json towns = json::array(), villages = json::array();
    for (auto& a : st.towns) towns.push_back(a.id);
    for (auto& a : st.villages) villages.push_back(a.id);
    return {{"from", st.from},
            {"to", st.to},
            {"period", stats_period_id(st.filter.period)},
            {"group", st.filter.group},
            {"area", stats_area(st.filter)},
            {"area_name", st.area_name},
            {"look_ups", t.look_ups},
            {"navigations", t.navigations},
            {"help_services", t.help_services},
            {"ratings", t.ratings},
            {"trend", table(st.trend)},
            {"items", table(st.items)},
            {"areas", table(st.areas)},
            {"channels", table(st.channels)},
            {"towns", towns},
            {"villages", villages}};
}

// Publishes the test state; true when it changed (new data arrived or an action took effect).
bool publish_state() {
    json rows = json::array();
    for (auto& r : g_model.rows) rows.push_back({{"id", r.id}, {"number", r.number}, {"status", r.status}, {"light", r.light}});
    json messages = json::array();
    for (auto& m : g_model.messages)
        messages.push_back({{"id", m.id}, {"side", m.side}, {"text", m.text}, {"picture", !m.upload_url.empty()}});
    const char* page = g_model.route.page == Page::batch        ? "batch"
                       : g_model.route.page == Page::stats      ? "stats"
                       : g_model.route.page == Page::follow_ups ? "follow_ups"
                                                                : "queue";
    json follow = json::array();
    for (auto& f : g_model.follow_ups)
        follow.push_back({{"id", f.id}, {"number", f.number}, {"state", f.state}, {"label", f.label}, {"note", f.note}});
    json s = {{"page", page},
              {"logged_in", g_model.logged_in},
              {"user", g_model.user.username},
              {"login_error", g_model.login_error},
              {"rows", rows},
              {"counts", g_model.counts},
              {"total", g_model.total},
              {"feed_live", g_model.feed_live},
              {"detail_id", g_model.detail_state == Load::ready ? g_model.detail.row.id : 0},
              {"detail_status", g_model.detail.row.status},
              {"allowed_actions", g_model.detail.allowed_actions},
              {"revealed", g_model.revealed},
              {"messages", messages},
              {"action_error", g_model.action_error},
              {"action_notice", g_model.action_notice},
              {"batch", g_model.batch_state == Load::ready
                            ? json{{"rows", g_model.batch.rows}, {"valid", g_model.batch.valid}, {"invalid", g_model.batch.invalid},
                                   {"report", g_model.batch.report.size()}}
                            : json(nullptr)},
              {"batch_error", g_model.batch_error},
              {"stats", stats_state()},
              {"video", g_model.detail.video.is_object() ? g_model.detail.video.value("state", "") : ""},
              {"video_slots", g_model.video_slots.size()},
              {"follow_filter", g_model.follow_filter},
              {"follow_ups", follow},
              {"follow_error", g_model.follow_error},
              {"follow_notice", g_model.follow_notice}};
    static std::string last;
    std::string text = s.dump();
    if (text != last) {
        last = text;
        platform::publish_test_state("dpDesk", text);
        return true;
    }
    return false;
}

std::string page_title() {
    if (!g_model.logged_in) return "登录 · 坐席控制台";
    if (g_model.route.page == Page::batch) return "批量代办 · 坐席控制台";
    if (g_model.route.page == Page::stats) return "统计 · 坐席控制台";
    if (g_model.route.page == Page::follow_ups) return "差评回访 · 坐席控制台";
    if (g_model.route.request_id && g_model.detail_state == Load::ready) return g_model.detail.row.number + " · 坐席控制台";
    return "工作台 · 坐席控制台";
}

bool frame(const ui::FrameInfo& f) {
    g_view.now = platform::unix_time();
    const std::string nav = platform::take_navigation();
    if (!nav.empty()) {
        const Route r = parse_route(nav.substr(0, nav.find('?')));
        const int64_t before = g_model.route.request_id;
        const Page before_page = g_model.route.page;
        g_model.route = r;
        if (r.request_id != before) open_request(r.request_id);
        if (r.page == Page::stats && before_page != Page::stats) enter_stats();
        if (r.page == Page::follow_ups && g_model.logged_in) load_follow_ups();
    }
    for (auto& e : platform::take_text_field_events()) {
        g_view.text[e.id] = e.value;
        if (e.id == "message" && !e.submitted && !e.value.empty()) dispatch(Typing{});
        if (!e.submitted) continue;
        if (e.id == "login-password" || e.id == "login-user")
            dispatch(Login{g_view.text["login-user"], g_view.text["login-password"]});
        if (e.id == "message") dispatch(SendMessage{e.value});
    }
    const auto actions = draw(g_model, g_view, f);
    for (auto& a : actions) dispatch(a);
    // Cards size themselves from the previous frame's content: after new data or an action,
    // draw a few more frames so nothing stays clipped (an idle page draws none).
    static int settle = 0;
    if (publish_state() || !actions.empty()) settle = 3;
    static std::string shown_title;
    if (std::string t = page_title(); t != shown_title) {
        shown_title = t;
        platform::set_title(t);
    }
    bool more = settle > 0;
    if (settle > 0) --settle;
    if (g_ready_frames < 0 && g_model.session == Load::ready) g_ready_frames = 0;
    if (g_ready_frames >= 0 && g_ready_frames < 3) {
        if (++g_ready_frames == 2) {
            platform::hide_loading_overlay();
            platform::set_app_state("ready");
        }
        more = true;
    }
    return more;
}

}  // namespace

int main() {
    g_model.route = parse_route(platform::location_path());
    g_view.text["batch-item"] = "senior-allowance";
    ui::Options o;
    o.base_font_css = 14.5f;
    o.desk = true;
    ui::start(frame, o);
    platform::set_loading_progress(0.9f, "正在检查登录状态…");
    check_session();
    return 0;
}
