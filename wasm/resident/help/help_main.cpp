// Help app entry (找人帮我办, 我的申请): routes from the URL, loads the doorplate and the item's
// guide, keeps this phone's requests (tokens) in localStorage, and sends everything the
// resident submits through the platform's outbox (sent once, also after being offline).
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>

#include "help_model.hpp"
#include "render_doc.hpp"
#include "help_view.hpp"
#include "platform.hpp"
#include "strings_help.hpp"
#include "ui_runtime.hpp"

namespace {

using namespace help;
using nlohmann::json;

HelpModel g_model;
HelpViewState g_view;
int g_ready_frames = -1;
std::string g_awaiting;  // the outbox key of the submission the resident is waiting for

void dispatch(const Action& a);

std::string error_message(const std::string& body, const std::string& fallback) {
    auto j = json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.contains("error") && j["error"].is_object()) return j["error"].value("message", fallback);
    return fallback;
}

// ---- this phone's requests (localStorage "requests") ----

void load_mine() {
    auto j = json::parse(platform::storage_get("requests"), nullptr, false);
    if (!j.is_array()) return;
    for (auto& r : j) {
        if (!r.is_object()) continue;
        MyRequest m;
        m.id = r.value("id", "");
        m.number = r.value("number", "");
        m.token = r.value("token", "");
        m.kind = r.value("kind", "");
        m.item_id = r.value("item_id", "");
        m.item_name = r.value("item_name", "");
        m.doorplate = r.value("doorplate", "");
        m.created_at = r.value("created_at", 0.0);
        if (!m.id.empty() && !m.token.empty()) g_model.mine.push_back(m);
    }
}

void save_mine() {
    json j = json::array();
    for (auto& r : g_model.mine)
        j.push_back({{"id", r.id}, {"number", r.number}, {"token", r.token}, {"kind", r.kind}, {"item_id", r.item_id},
                     {"item_name", r.item_name}, {"doorplate", r.doorplate}, {"created_at", r.created_at}});
    platform::storage_set("requests", j.dump());
}

std::vector<PendingRequest> read_outbox() {
    std::vector<PendingRequest> out;
    for (auto& e : platform::outbox_entries()) {
        auto t = json::parse(e.tag, nullptr, false);
        if (!t.is_object()) continue;
        PendingRequest p;
        p.key = e.key;
        p.what = t.value("what", "request");
        p.kind = t.value("kind", "");
        p.item_id = t.value("item", "");
        p.item_name = t.value("item_name", "");
        p.doorplate = t.value("doorplate", "");
        p.request_id = t.value("request", "");
        p.text = t.value("text", t.value("material", ""));
        p.queued_at = e.queued_at;
        p.attempts = e.attempts;
        out.push_back(std::move(p));
    }
    return out;
}

void refresh_outbox() {
    auto pending = read_outbox();
    const bool online = platform::online();
    bool same = pending.size() == g_model.pending.size() && online == g_model.online;
    for (size_t i = 0; same && i < pending.size(); ++i)
        same = pending[i].key == g_model.pending[i].key && pending[i].attempts == g_model.pending[i].attempts;
    if (!same) dispatch(OutboxChanged{std::move(pending), online});
}

// ---- loading ----

void load_plate() {
    if (g_model.plate_state != Load::idle) return;
    g_model.plate_state = Load::loading;
    platform::fetch_text("/api/v1/doorplates/" + dp::url_encode(g_model.route.doorplate), [](int status, const std::string& body) {
        if (status == 0) return dispatch(PlateFailed{"网络好像断了，请检查网络后重试。"});
        if (status != 200) return dispatch(PlateFailed{error_message(body, "没有找到这个门牌")});
        try {
            dispatch(PlateLoaded{dp::parse_landing(json::parse(body))});
        } catch (const std::exception&) {
            dispatch(PlateFailed{"门牌数据有误，请稍后再试。"});
        }
    });
}

void load_guide(const std::string& id) {
    if (id.empty() || g_model.guide_state[id] != Load::idle) return;
    g_model.guide_state[id] = Load::loading;
    platform::fetch_text("/api/v1/guides/" + dp::url_encode(id), [id](int status, const std::string& body) {
        if (status != 200) return dispatch(GuideFailed{id});
        auto load = dp::parse_catalogue_json(json::parse(body, nullptr, false));
        if (!load.ok()) return dispatch(GuideFailed{id});
        dispatch(GuideLoaded{id, std::make_shared<const dp::Catalogue>(std::move(load.catalogue))});
    });
}

void load_detail(const std::string& id, bool force) {
    const MyRequest* r = find_request(g_model, id);
    if (!r) return;
    auto& d = g_model.details[id];
    if (d.state == Load::loading || (d.state != Load::idle && !force)) return;
    if (d.state == Load::idle || d.state == Load::failed) d.state = Load::loading;
    platform::HttpRequest req;
    req.url = "/api/v1/requests/" + dp::url_encode(id);
    req.bearer = r->token;
    platform::fetch_request(req, [id](int status, const std::string& body) {
        if (status == 0) return dispatch(DetailFailed{id, "网络好像断了，显示的是上次的状态。"});
        auto j = json::parse(body, nullptr, false);
        if (status != 200 || !j.is_object()) return dispatch(DetailFailed{id, error_message(body, "暂时查不到这个申请。")});
        dispatch(DetailLoaded{id, j});
    });
}

void follow_request(const std::string& id);
void load_slots();

void ensure_data() {
    load_plate();
    follow_request(g_model.route.page == dp::ResidentPage::request_status ? g_model.route.request_id : "");
    if (g_model.route.page == dp::ResidentPage::help_video) load_slots();
    load_guide(g_model.route.item_id);
    if (g_model.route.page == dp::ResidentPage::request_status) {
        load_detail(g_model.route.request_id, false);
        if (const MyRequest* r = find_request(g_model, g_model.route.request_id)) load_guide(r->item_id);
    }
}

bool page_data_ready() {
    if (g_model.plate_state == Load::failed) return true;
    if (g_model.plate_state != Load::ready) return false;
    const std::string& item = g_model.route.item_id;
    if (!item.empty()) {
        auto s = g_model.guide_state.find(item);
        if (s == g_model.guide_state.end() || s->second == Load::loading || s->second == Load::idle) return false;
    }
    if (g_model.route.page == dp::ResidentPage::request_status && find_request(g_model, g_model.route.request_id)) {
        auto d = g_model.details.find(g_model.route.request_id);
        return d != g_model.details.end() && d->second.state != Load::loading;
    }
    return true;
}

// ---- submitting ----

json contact() {
    return {{"name", g_model.proxy.values["name"]}, {"phone", g_model.proxy.values["phone"]}};
}

// Queues a new request; `extra` goes into the tag (uploads to make once it exists).
void queue_request(const std::string& kind, const json& payload, bool with_id_number, json extra = json::object()) {
    const std::string item = g_model.route.item_id;
    json body = {{"kind", kind}, {"item_id", item}, {"doorplate", g_model.route.doorplate}, {"contact", contact()},
                 {"payload", payload}};
    if (with_id_number) body["id_number"] = g_model.proxy.values["id_number"];
    json tag = {{"what", "request"}, {"kind", kind}, {"item", item}, {"item_name", item_name(g_model, item)},
                {"doorplate", g_model.route.doorplate}};
    for (auto& [k, v] : extra.items()) tag[k] = v;
    platform::storage_set("contact", contact().dump());  // filled in next time
    g_awaiting = platform::outbox_post_json("/api/v1/requests", body.dump(), "", tag.dump());
    dispatch(Submitted{g_awaiting});
    refresh_outbox();
    if (!platform::online()) {  // 待发送: the list shows it until the phone is back online
        dp::ResidentRoute r = route_to(g_model, dp::ResidentPage::requests);
        dispatch(Navigate{r});
    }
}

std::map<std::string, std::string> proxy_fields() {
    auto& v = g_model.proxy.values;
    const bool delivery = v["handover"] == "delivery";
    return {{"name", v["name"]},       {"id_number", v["id_number"]}, {"phone", v["phone"]},
            {"address", v["address"]}, {"handover", delivery ? "delivery" : "pickup"},
            {"delivery_address", delivery ? v["delivery_address"] : ""}};
}

// 代办: the request, then the signature PNG, then the signed agreement (each step queued when
// the one before it was answered, so the chain survives being offline and page reloads).
void submit_proxy() {
    const auto fields = proxy_fields();
    json payload = {{"address", fields.at("address")}, {"agree", true}};
    const std::string blob = "sig-" + std::to_string(static_cast<long long>(ImGui::GetTime() * 1000)) + "-" +
                             std::to_string(g_model.mine.size());
    platform::store_signature_png(blob, g_model.signature.strokes, 600, 240, [payload, blob, fields](const std::string& sha) {
        queue_request("proxy", payload, true, {{"signature", blob}, {"signature_sha256", sha}, {"fields", fields}});
    });
}

std::string request_url(const std::string& id, const std::string& rest) { return "/api/v1/requests/" + id + rest; }

void queue_upload(const MyRequest& r, const std::string& material, const std::string& blob, json then) {
    json tag = {{"what", "upload"}, {"request", r.id}, {"material", material}, {"blob", blob}, {"then", then}};
    platform::outbox_upload(request_url(r.id, "/uploads"), r.token, material, blob, tag.dump());
}

void queue_post(const MyRequest& r, const std::string& rest, const json& body, json tag) {
    tag["request"] = r.id;
    platform::outbox_post_json(request_url(r.id, rest), body.dump(), r.token, tag.dump());
}

void on_request_created(const platform::OutboxResult& res, const json& tag, const json& body) {
    MyRequest m;
    m.id = std::to_string(body.value("id", 0LL));
    m.number = body.value("number", "");
    m.token = body.value("token", "");
    m.kind = tag.value("kind", "");
    m.item_id = tag.value("item", "");
    m.item_name = tag.value("item_name", "");
    m.doorplate = tag.value("doorplate", "");
    m.created_at = static_cast<double>(std::time(nullptr));
    dispatch(RequestCreated{m});
    save_mine();
    if (tag.contains("signature"))
        queue_upload(m, "signature", tag.value("signature", ""),
                     {{"sign", {{"fields", tag.value("fields", json::object())}, {"signature", tag.value("signature_sha256", "")}}}});
    if (tag.contains("uploads") && tag["uploads"].is_object())
        for (auto& [material, blob] : tag["uploads"].items())
            queue_upload(m, material, blob.get<std::string>(), {{"attach", material}});
    if (res.key == g_awaiting) {
        g_awaiting.clear();
        dp::ResidentRoute st = route_to(g_model, dp::ResidentPage::request_status);
        st.request_id = m.id;
        st.item_id.clear();
        st.answers.clear();
        dispatch(Navigate{st});
    }
}

void on_outbox(const platform::OutboxResult& r) {
    auto tag = json::parse(r.tag, nullptr, false);
    if (!tag.is_object()) tag = json::object();
    const std::string what = tag.value("what", "request");
    auto body = json::parse(r.body, nullptr, false);
    if (!body.is_object()) body = json::object();
    const bool ok = r.status >= 200 && r.status < 300;
    const MyRequest* req = find_request(g_model, tag.value("request", ""));
    if (what == "request") {
        if (ok) {
            on_request_created(r, tag, body);
        } else {
            Rejected x;
            x.kind = tag.value("kind", "");
            x.item_name = tag.value("item_name", "");
            x.message = error_message(r.body, "提交没有成功");
            if (body.contains("error") && body["error"].is_object() && body["error"].contains("fields"))
                for (auto& [k, v] : body["error"]["fields"].items())
                    if (v.is_string()) x.fields[k] = v.get<std::string>();
            dispatch(RequestRejected{x});
            if (r.key == g_awaiting) {
                g_awaiting.clear();
                dispatch(SubmitFailed{x.message, x.fields});
                if (x.kind == "proxy") dispatch(Navigate{route_to(g_model, dp::ResidentPage::help_proxy)});
            }
        }
    } else if (what == "upload" && req) {
        if (ok) {
            platform::blob_remove(tag.value("blob", ""));
            const std::string sha = body.contains("upload") ? body["upload"].value("sha256", "") : "";
            const json then = tag.value("then", json::object());
            if (then.contains("sign")) {
                json sign = {{"fields", then["sign"].value("fields", json::object())},
                             {"signature", sha.empty() ? then["sign"].value("signature", "") : sha},
                             {"consent", true}};
                queue_post(*req, "/proxy/sign", sign, {{"what", "sign"}});
            } else if (then.contains("attach")) {
                const std::string material = then.value("attach", "");
                queue_post(*req, "/materials/" + dp::url_encode(material), {{"upload", sha}},
                           {{"what", "attach"}, {"material", material}});
            } else if (then.contains("message")) {
                queue_post(*req, "/messages", {{"upload", sha}}, {{"what", "message"}, {"text", "[图片]"}});
            }
        } else {
            dispatch(DetailFailed{req->id, error_message(r.body, "照片没有传上去，请重新选择。")});
        }
        load_detail(req->id, true);
    } else if (req) {
        if (!ok) dispatch(DetailFailed{req->id, error_message(r.body, "提交没有成功")});
        if (what == "message" && ok && body.contains("message"))
            dispatch(ChatLoaded{req->id, {body["message"]}, 0});
        load_detail(req->id, true);
    }
    refresh_outbox();
}

// ---- 问一问: messages, long polling for live updates, read markers, typing ----

std::string g_polling;  // the request whose events are being polled ("" = none)
std::map<std::string, long long> g_read_sent;

void mark_read(const std::string& id) {
    const MyRequest* r = find_request(g_model, id);
    auto c = g_model.chats.find(id);
    if (!r || c == g_model.chats.end() || c->second.messages.empty()) return;
    const long long last = c->second.messages.back().value("id", 0LL);
    if (last <= g_read_sent[id]) return;
    g_read_sent[id] = last;
    platform::HttpRequest q;
    q.method = "POST";
    q.url = request_url(id, "/read");
    q.bearer = r->token;
    q.body = json{{"message_id", last}}.dump();
    platform::fetch_request(q, [](int, const std::string&) {});
}

void poll_events(const std::string& id);

void load_chat(const std::string& id) {
    const MyRequest* r = find_request(g_model, id);
    if (!r) return;
    platform::HttpRequest q;
    q.url = request_url(id, "/messages?after=0&limit=200");
    q.bearer = r->token;
    platform::fetch_request(q, [id](int status, const std::string& body) {
        auto j = json::parse(body, nullptr, false);
        if (status != 200 || !j.is_object()) return;
        std::vector<json> msgs;
        for (auto& m : j.value("messages", json::array())) msgs.push_back(m);
        long long read = j.contains("read") ? j["read"].value("agent", 0LL) : 0;
        dispatch(ChatLoaded{id, msgs, read});
        if (g_model.route.page == dp::ResidentPage::request_status && g_model.route.request_id == id) mark_read(id);
    });
}

void poll_events(const std::string& id) {
    const MyRequest* r = find_request(g_model, id);
    if (!r || g_polling != id) return;
    const auto& chat = g_model.chats[id];
    platform::HttpRequest q;
    q.url = request_url(id, "/events?after=" + std::to_string(chat.last_seq) + "&wait=25&typing=" +
                                (chat.agent_typing ? "1" : "0"));
    q.bearer = r->token;
    platform::fetch_request(q, [id](int status, const std::string& body) {
        if (g_polling != id) return;
        auto j = json::parse(body, nullptr, false);
        if (status != 200 || !j.is_object()) {
            platform::after(status == 0 ? 5000 : 10000, [id] { poll_events(id); });  // offline or a server problem
            return;
        }
        const json events = j.value("events", json::array());
        const bool typing = j.contains("typing") && j["typing"].is_object() && j["typing"].value("agent", false);
        dispatch(ChatEvents{id, events, typing, j.value("last_seq", 0LL)});
        bool changed = false;
        for (auto& e : events) changed = changed || e.value("type", "") != "read";
        if (changed) load_detail(id, true);
        if (g_model.route.page == dp::ResidentPage::request_status && g_model.route.request_id == id) mark_read(id);
        poll_events(id);
    });
}

void follow_request(const std::string& id) {
    if (g_polling == id) return;
    g_polling = id;
    if (id.empty()) return;
    load_chat(id);
    auto it = g_model.details.find(id);
    if (it != g_model.details.end() && it->second.state == Load::ready)
        g_model.chats[id].last_seq = std::max(g_model.chats[id].last_seq, it->second.data.value("last_seq", 0LL));
    poll_events(id);
}

double g_typing_sent = -10;
void send_typing(const std::string& id) {
    const MyRequest* r = find_request(g_model, id);
    if (!r || ImGui::GetTime() - g_typing_sent < 3) return;
    g_typing_sent = ImGui::GetTime();
    platform::HttpRequest q;
    q.method = "POST";
    q.url = request_url(id, "/typing");
    q.bearer = r->token;
    q.body = "{}";
    platform::fetch_request(q, [](int, const std::string&) {});
}

void load_slots() {
    if (g_model.slots_state != Load::idle) return;
    g_model.slots_state = Load::loading;
    platform::fetch_text("/api/v1/help/video-slots?doorplate=" + dp::url_encode(g_model.route.doorplate),
                         [](int status, const std::string& body) {
                             auto j = json::parse(body, nullptr, false);
                             if (status != 200 || !j.is_object()) return dispatch(SlotsFailed{});
                             std::vector<std::pair<long long, std::string>> slots;
                             for (auto& s : j.value("slots", json::array()))
                                 slots.emplace_back(s.value("at", 0LL), s.value("label", ""));
                             dispatch(SlotsLoaded{slots});
                         });
}

// ---- dispatch: update, then effects ----

void dispatch(const Action& a) {
    const std::string url_before = dp::resident_url(g_model.route);
    g_model = update(std::move(g_model), a);
    const std::string url_after = dp::resident_url(g_model.route);
    if (auto* nav = std::get_if<Navigate>(&a); nav && nav->push && url_after != url_before) {
        if (dp::is_help_page(nav->route.page))
            platform::push_url(url_after);
        else
            platform::load_page(url_after);  // the resident app's pages
    }
    if (std::holds_alternative<Back>(a)) platform::history_back();
    if (std::holds_alternative<Home>(a)) {
        dp::ResidentRoute home;
        home.page = dp::ResidentPage::landing;
        home.doorplate = g_model.route.doorplate;
        platform::load_page(dp::resident_url(home));
    }
    if (std::holds_alternative<GoToSign>(a)) {
        if (check_proxy_form(g_model.proxy, today_in_china()).ok)
            dispatch(Navigate{route_to(g_model, dp::ResidentPage::help_proxy_sign)});
    }
    if (std::holds_alternative<SubmitProxy>(a)) submit_proxy();
    if (std::holds_alternative<SubmitQuestion>(a))
        queue_request("question", {{"text", g_model.question_text}}, false);
    if (std::holds_alternative<SubmitVideo>(a))
        queue_request("video", {{"slot_at", g_model.video_slot}}, false);
    if (std::holds_alternative<SubmitPrereview>(a)) {
        // Every material of the tailored checklist is reviewed; those photographed already go up
        // at once, the others can be added on the request's page.
        json materials = json::array(), uploads = json::object();
        const std::string prefix = "new/";
        if (const dp::Catalogue* c = item_catalogue(g_model, g_model.route.item_id))
            if (auto doc = dp::render_guide(*c, g_model.route.item_id, g_model.route.answers, g_model.locale))
                for (auto& block : doc->blocks)
                    if (auto* mat = std::get_if<dp::MaterialBlock>(&block)) materials.push_back(mat->id);
        for (auto& [key, blob] : g_model.picked)
            if (key.rfind(prefix, 0) == 0) uploads[key.substr(prefix.size())] = blob;
        queue_request("prereview", {{"materials", materials}}, false, {{"uploads", uploads}});
        for (auto it = g_model.picked.begin(); it != g_model.picked.end();)
            it = it->first.rfind(prefix, 0) == 0 ? g_model.picked.erase(it) : std::next(it);
    }
    if (auto* x = std::get_if<PickMaterial>(&a)) {
        const std::string blob = "m-" + x->request_id + "-" + x->material + "-" +
                                 std::to_string(static_cast<long long>(ImGui::GetTime() * 1000));
        const std::string rid = x->request_id, mat = x->material;
        platform::pick_image(blob, x->camera, [rid, mat, blob](bool ok) {
            if (ok) dispatch(Picked{rid, mat, blob});
        });
    }
    if (auto* x = std::get_if<UploadMaterial>(&a)) {
        const MyRequest* r = find_request(g_model, x->request_id);
        auto it = g_model.picked.find(x->request_id + "/" + x->material);
        if (r && it != g_model.picked.end()) {
            queue_upload(*r, x->material, it->second, {{"attach", x->material}});
            g_model.picked.erase(it);
            refresh_outbox();
        }
    }
    if (auto* x = std::get_if<Refresh>(&a)) load_detail(x->request_id, true);
    if (auto* x = std::get_if<SendMessage>(&a)) {
        if (const MyRequest* r = find_request(g_model, x->request_id)) {
            queue_post(*r, "/messages", {{"text", x->text}}, {{"what", "message"}, {"text", x->text}});
            g_view.text.erase("chat-" + x->request_id);
            platform::blur_text_fields();
            refresh_outbox();
        }
    }
    if (auto* x = std::get_if<AttachPicture>(&a)) {
        const std::string rid = x->request_id;
        const std::string blob = "chat-" + rid + "-" + std::to_string(static_cast<long long>(ImGui::GetTime() * 1000));
        platform::pick_image(blob, x->camera, [rid, blob](bool ok) {
            const MyRequest* r = find_request(g_model, rid);
            if (!ok || !r) return;
            queue_upload(*r, "chat", blob, {{"message", true}});
            refresh_outbox();
        });
    }
    if (auto* x = std::get_if<AcceptSlot>(&a)) {
        if (const MyRequest* r = find_request(g_model, x->request_id)) {
            queue_post(*r, "/video/slot", {{"slot_at", x->at}}, {{"what", "video"}});
            refresh_outbox();
        }
    }
    if (auto* x = std::get_if<Withdraw>(&a)) {
        if (const MyRequest* r = find_request(g_model, x->request_id)) {
            queue_post(*r, "/withdraw", json::object(), {{"what", "withdraw"}});
            refresh_outbox();
        }
    }
    if (auto* x = std::get_if<SendRating>(&a)) {
        const MyRequest* r = find_request(g_model, x->request_id);
        auto it = g_model.rating.find(x->request_id);
        if (r && it != g_model.rating.end()) {
            json body = {{"score", it->second}};
            if (!x->comment.empty()) body["comment"] = x->comment;
            queue_post(*r, "/rate", body, {{"what", "rate"}});
            g_view.text.erase("comment-" + x->request_id);
            refresh_outbox();
        }
    }
    if (url_after != url_before || std::holds_alternative<PlateLoaded>(a) || std::holds_alternative<RequestCreated>(a))
        ensure_data();
    platform::request_frame();
}

std::string page_title() {
    const std::string app = tr(HelpStr::help_title, g_model.locale);
    if (g_model.route.page == dp::ResidentPage::requests) return tr(HelpStr::my_requests, g_model.locale) + " · " + app;
    if (g_model.route.page == dp::ResidentPage::request_status)
        if (const MyRequest* r = find_request(g_model, g_model.route.request_id)) return r->number + " · " + app;
    return app;
}

bool frame(const ui::FrameInfo& f) {
    const std::string nav = platform::take_navigation();
    if (!nav.empty()) {
        auto q = nav.find('?');
        dispatch(Navigate{dp::parse_resident_route(nav.substr(0, q), q == std::string::npos ? "" : nav.substr(q + 1)), false});
    }
    for (auto& e : platform::take_text_field_events()) {
        if (e.id.rfind("f-", 0) == 0) dispatch(EditField{e.id.substr(2), e.value});
        else if (e.id == "question") dispatch(EditQuestion{e.value});
        else g_view.text[e.id] = e.value;
        if (e.id.rfind("chat-", 0) == 0 && !e.value.empty()) send_typing(e.id.substr(5));
        if (e.submitted) platform::blur_text_fields();
    }
    refresh_outbox();
    for (auto& a : draw_help(g_model, g_view, f)) dispatch(a);
    // What a test needs to see that is drawn on the canvas: the messages beside the fields.
    {
        json shown = json::object();
        const dp::FormResult check = check_proxy_form(g_model.proxy, today_in_china());
        for (const char* field : {"name", "id_number", "phone", "address", "delivery_address"}) {
            const std::string msg = field_message(g_model.proxy, check, field);
            if (!msg.empty()) shown[field] = msg;
        }
        json state = {{"page", dp::resident_url(g_model.route)}, {"fields", shown}, {"pending", g_model.pending.size()},
                      {"online", g_model.online}};
        // The open request as the status page shows it: status, video state, the conversation.
        if (g_model.route.page == dp::ResidentPage::request_status) {
            const std::string& id = g_model.route.request_id;
            auto d = g_model.details.find(id);
            if (d != g_model.details.end() && d->second.state == Load::ready) {
                state["status"] = d->second.data.value("status", "");
                if (d->second.data.contains("video") && d->second.data["video"].is_object())
                    state["video"] = d->second.data["video"].value("state", "");
            }
            json chat = json::array();
            if (auto c = g_model.chats.find(id); c != g_model.chats.end())
                for (auto& m : c->second.messages)
                    chat.push_back({{"id", m.value("id", 0LL)}, {"side", m.value("side", "")}, {"text", m.value("text", "")},
                                    {"picture", m.contains("upload") && m["upload"].is_object()}});
            state["chat"] = chat;
            state["confirm_withdraw"] = g_model.confirm_withdraw == id;
        }
        static std::string published;
        if (std::string s = state.dump(); s != published) {
            published = s;
            platform::publish_test_state("dpHelp", s);
        }
    }
    static std::string shown_title;
    if (std::string t = page_title(); t != shown_title) {
        shown_title = t;
        platform::set_title(t);
    }
    bool more = g_view.animating;
    if (g_ready_frames >= 0 && g_ready_frames < 3) {
        if (++g_ready_frames == 2) {
            platform::hide_loading_overlay();
            platform::set_app_state("ready");
        }
        more = true;
    } else if (g_ready_frames < 0 && page_data_ready()) {
        g_ready_frames = 0;
        more = true;
    }
    return more;
}

}  // namespace

int main() {
    g_model.route = dp::parse_resident_route(platform::location_path(), platform::location_search());
    auto loc = dp::locale_from_tag(platform::storage_get("locale"));
    if (loc) g_model.locale = *loc;
    g_model.elder = platform::storage_get("elder") == "1";
    ui::set_elder_mode(g_model.elder);
    auto c = json::parse(platform::storage_get("contact"), nullptr, false);
    if (c.is_object()) {
        g_model.proxy.values["name"] = c.value("name", "");
        g_model.proxy.values["phone"] = c.value("phone", "");
    }
    g_model.proxy.values["handover"] = "pickup";
    load_mine();
    g_model.pending = read_outbox();
    g_model.online = platform::online();
    ui::start(frame);
    platform::set_outbox_handler(on_outbox);
    if (g_model.route.doorplate.empty()) {
        platform::set_app_state("error", "这不是门牌链接");
        platform::hide_loading_overlay();
        return 0;
    }
    ensure_data();
    return 0;
}
