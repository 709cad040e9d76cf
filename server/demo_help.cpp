// Demo 帮办代办 requests for `--demo`: a few requests in various states in 溪美街道 (agent_ximei) and
// 水头镇 (agent_shuitou), so the console is not empty; fixed resident tokens (public, demo only).
#include <cstdio>

#include "app.hpp"
#include "auth.hpp"
#include "help_forms.hpp"
#include "help_store.hpp"
#include "log.hpp"
#include "upload_store.hpp"

namespace dp {

CalendarDate today_in_china();  // routes_validate.cpp

namespace {

using nlohmann::json;

// A drawn-signature squiggle (48×24 grey PNG) and a checkerboard "document photo" (16×16).
const char kSignaturePng[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x30\x00\x00\x00\x18\x08\x00\x00\x00"
    "\x00\x99\x96\x21\x00\x00\x00\x00\x74\x49\x44\x41\x54\x78\xda\xc5\x94\x41\x12\x80\x20\x0c\x03\xf7\xff\x9f\x46\x3d"
    "\xa8\xa5\x4d\xc9\x70\x70\xe4\x62\x49\xb2\xa8\xd0\x81\xb1\x39\xf8\x0b\xe0\x1c\x3b\x00\xb4\x04\x7d\x5e\x13\xe8\x7c"
    "\x78\x78\xe0\x09\x4a\x42\x02\xb5\x5a\x01\x31\x25\x08\xa3\x54\xa2\x28\x60\x6c\xd6\x0b\xd4\x79\x52\xec\x1b\x99\x15"
    "\xf3\xcd\x57\xdc\xed\x4a\xf6\x99\xf7\x5d\x1f\x7c\xac\x08\x4a\xd7\x3d\xaf\x3f\x6e\x00\xfa\x7c\xea\x2d\x5c\x77\x66"
    "\x1f\xd7\xff\xd9\x67\xf9\xbf\xe2\xbc\xbe\xbf\x04\x0e\xad\xc6\xec\x3e\xcf\x09\x12\x96\x00\x00\x00\x00\x49\x45\x4e"
    "\x44\xae\x42\x60\x82";
const char kDocumentPng[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x10\x00\x00\x00\x10\x08\x00\x00\x00"
    "\x00\x3a\x98\xa0\xbd\x00\x00\x00\x1b\x49\x44\x41\x54\x78\xda\x63\xa8\x00\x82\x13\x40\x00\xa3\x19\xc8\x10\x40\xe6"
    "\x80\x68\x72\x04\x06\x89\x3b\x00\x06\x0b\xa0\x01\x53\xf2\x18\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

struct DemoToken {
    const char* token;
    const char* what;
};
const DemoToken kDemoTokens[] = {
    {"demo-token-question-1", "问一问，待受理"},      {"demo-token-question-2", "问一问，办理中，有对话"},
    {"demo-token-prereview-1", "预审，待补件"},       {"demo-token-proxy-1", "代办，已签委托书，办理中"},
    {"demo-token-video-1", "视频帮办，时间已确认"},   {"demo-token-rated-1", "问一问，已评价“不满意”，待回访"},
    {"demo-token-shuitou-1", "水头镇问一问，已超时"},
};

struct Seeder {
    App& app;
    Db& db;
    int64_t now;
    std::string item_id;
    std::vector<std::string> materials;

    std::string plate_of(const std::string& town, std::string& area) {
        Stmt q(db, "SELECT code, area_id FROM doorplates WHERE town_id = ? ORDER BY code LIMIT 1");
        q.bind(1, town);
        if (!q.step()) return "";
        area = q.text(1);
        return q.text(0);
    }
    int64_t create(HelpKind kind, const std::string& token, const std::string& town, json payload, int64_t at,
                   const char* name, const char* phone) {
        NewHelpRequest n;
        n.kind = kind;
        n.item_id = item_id;
        n.town_id = town;
        n.doorplate = plate_of(town, n.area_id);
        n.name = name;
        n.phone = phone;
        n.token = token;
        if (kind == HelpKind::proxy) n.id_number = std::string("35058319800101") + "001" + id_card_check_char("35058319800101001");
        n.payload = std::move(payload);
        return insert_help_request(db, n, at, /*record_usage=*/false).id;  // fixtures, not activity
    }
    void act(int64_t id, HelpActionType type, const HelpActor& actor, std::optional<int64_t> user, int64_t at,
             const std::string& text = "", int score = 0) {
        HelpAction a;
        a.type = type;
        a.reason = type == HelpActionType::request_supplement ? text : "";
        a.result = type == HelpActionType::complete ? text : "";
        a.score = score;
        a.comment = type == HelpActionType::rate ? text : "";
        commit_action(db, id, a, actor, user, at, /*record_usage=*/false);
    }
    void say(int64_t id, const char* side, std::optional<int64_t> user, const std::string& text, int64_t at) {
        add_message(db, *load_request(db, id), side, user, text, "", at);
    }
    std::string attach(int64_t id, const std::string& bytes, const std::string& material, int64_t at) {
        const std::string sha = UploadStore(app.config.auth.uploads_dir).put(bytes);
        Stmt u(db, "INSERT OR IGNORE INTO uploads (sha256, mime, size, created_at) VALUES (?, 'image/png', ?, ?)");
        u.bind(1, sha).bind(2, static_cast<int64_t>(bytes.size())).bind(3, at);
        u.step();
        Stmt r(db, "INSERT OR IGNORE INTO request_uploads (request_id, sha256, material, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, 'resident')");
        r.bind(1, id).bind(2, sha).bind(3, material).bind(4, at);
        r.step();
        return sha;
    }
};

}  // namespace

int seed_demo_help(App& app) {
    Db& db = app.db;
    auto l = db.lock();
    {
        Stmt c(db, "SELECT (SELECT COUNT(*) FROM requests), (SELECT COUNT(*) FROM doorplates)");
        c.step();
        if (c.int64(0) > 0 || c.int64(1) == 0) return 0;
    }
    auto ximei = find_user_by_name(db, "agent_ximei");
    auto shuitou = find_user_by_name(db, "agent_shuitou");
    if (!ximei || !shuitou) return 0;
    // 居民身份证换领、补领 (the questions are about it), else the most popular item with two materials.
    Seeder s{app, db, unix_now(), "", {}};
    int best = -1;
    for (const auto& item : app.catalogue.catalogue().items)
        if (item.materials.size() >= 2 && (item.id == "id-card-renewal" ? 1 << 30 : item.popularity) > best) {
            best = item.id == "id-card-renewal" ? 1 << 30 : item.popularity;
            s.item_id = item.id;
            s.materials = {item.materials[0].id, item.materials[1].id};
        }
    if (s.item_id.empty()) return 0;
    const std::string xm = "350583-101", st = "350583-108";
    const HelpActor agent_x = user_actor(*ximei), agent_s = user_actor(*shuitou);
    const int64_t now = s.now, min = 60, hour = 3600;
    int created = 0;
    try {
        db.transaction([&] {
            // 1 a fresh question
            s.create(HelpKind::question, "demo-token-question-1", xm, {{"text", "请问给刚出生的孩子办户口，需要带哪些材料？"}},
                     now - 30 * min, "陈美玲", "13805951234");
            // 2 a question in progress with a conversation (the latest resident message unread)
            int64_t q2 = s.create(HelpKind::question, "demo-token-question-2", xm, {{"text", "身份证丢了，补办要多久？"}},
                                  now - 100 * min, "林志强", "13905952345");
            s.act(q2, HelpActionType::claim, agent_x, ximei->id, now - 95 * min);
            s.act(q2, HelpActionType::start, agent_x, ximei->id, now - 94 * min);
            s.say(q2, "agent", ximei->id, "您好，补领身份证一般 20 个工作日，可以申请临时身份证。", now - 93 * min);
            s.say(q2, "resident", std::nullopt, "临时身份证当天能拿到吗？", now - 10 * min);
            // 3 a pre-review waiting for a supplement: one material accepted, one to redo
            int64_t p1 = s.create(HelpKind::prereview, "demo-token-prereview-1", xm,
                                  {{"materials", s.materials}, {"note", "请帮忙看看材料对不对"}}, now - 20 * hour, "黄丽华",
                                  "13705953456");
            s.act(p1, HelpActionType::claim, agent_x, ximei->id, now - 19 * hour);
            s.act(p1, HelpActionType::start, agent_x, ximei->id, now - 19 * hour);
            for (size_t i = 0; i < s.materials.size(); ++i) {
                const std::string sha = s.attach(p1, std::string(kDocumentPng, sizeof kDocumentPng - 1) + std::string(1, char('a' + i)),
                                                  s.materials[i], now - 19 * hour);
                Stmt u(db, "UPDATE help_materials SET state = ?, reason = ?, upload_sha256 = ?, updated_at = ? WHERE request_id = ? AND material_id = ?");
                const bool ok = i == 0;
                u.bind(1, std::string(ok ? "accepted" : "needs_supplement")).bind(2, std::string(ok ? "" : "照片反光，看不清文字，请重新拍摄"));
                u.bind(3, sha).bind(4, now - 18 * hour).bind(5, p1).bind(6, s.materials[i]);
                u.step();
                Stmt h(db, "INSERT INTO help_material_history (request_id, material_id, at, event, sha256, reason, by) VALUES (?, ?, ?, 'uploaded', ?, '', 'resident')");
                h.bind(1, p1).bind(2, s.materials[i]).bind(3, now - 19 * hour).bind(4, sha);
                h.step();
                Stmt h2(db, "INSERT INTO help_material_history (request_id, material_id, at, event, sha256, reason, by) VALUES (?, ?, ?, ?, '', ?, ?)");
                h2.bind(1, p1).bind(2, s.materials[i]).bind(3, now - 18 * hour).bind(4, std::string(ok ? "accepted" : "needs_supplement"));
                h2.bind(5, std::string(ok ? "" : "照片反光，看不清文字，请重新拍摄")).bind(6, agent_x.id);
                h2.step();
            }
            s.act(p1, HelpActionType::request_supplement, agent_x, ximei->id, now - 18 * hour,
                  "以下材料需要补正：" + materials_json(app, db, *load_help(db, p1))[1]["name"].get<std::string>() +
                      "（照片反光，看不清文字，请重新拍摄）");
            // 4 a signed proxy in progress
            int64_t d1 = s.create(HelpKind::proxy, "demo-token-proxy-1", xm, {{"address", "溪美街道便民服务中心"}, {"agree", true}},
                                  now - 2 * 24 * hour, "王建国", "13605954567");
            {
                auto rec = load_help(db, d1);
                std::map<std::string, std::string> fields = {
                    {"name", rec->row.contact_name}, {"id_number", rec->row.id_number.value_or("")},
                    {"phone", rec->row.contact_phone}, {"address", doorplate_address(db, rec->row.doorplate_code)},
                    {"handover", "delivery"}, {"delivery_address", "南安市溪美街道成功街 8 号"}};
                ProxyAgreementInput in{rec->row.number, app.catalogue.catalogue().name_of(s.item_id), town_name(db, xm), fields};
                const std::string text = proxy_agreement_text(in);
                const std::string sig = s.attach(d1, std::string(kSignaturePng, sizeof kSignaturePng - 1), "signature",
                                                 now - 2 * 24 * hour);
                const int64_t at = now - 2 * 24 * hour + 5 * min;
                const std::string canonical = proxy_canonical_json(text, fields, rec->row.number, sig, at);
                json form = json::object();
                for (const auto& [k, v] : fields) form[k] = v;
                Stmt p(db, "INSERT INTO help_proxy (request_id, form, agreement_text, signature_sha256, consent, signed_at, canonical, sha256, steps) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)");
                p.bind(1, d1).bind(2, form.dump()).bind(3, text).bind(4, sig).bind(5, at).bind(6, canonical);
                p.bind(7, sha256_hex(canonical));
                p.bind(8, json::array({{{"step", "materials_received"}, {"label", "已收到材料"}, {"note", ""}, {"at", now - 24 * hour}}}).dump());
                p.step();
                add_help_event(db, rec->row, "proxy", {{"what", "signed"}}, at);
            }
            s.act(d1, HelpActionType::claim, agent_x, ximei->id, now - 40 * hour);
            s.act(d1, HelpActionType::start, agent_x, ximei->id, now - 30 * hour);
            // 5 a video call with a confirmed time (the first free slot)
            const auto slots = video_slots(now, {});
            const int64_t slot = slots.empty() ? now + 24 * hour : slots.front();
            int64_t v1 = s.create(HelpKind::video, "demo-token-video-1", xm, {{"slot_at", slot}, {"topic", "想请帮办员视频指导网上申报"}},
                                  now - 3 * hour, "郑秀英", "13505955678");
            s.act(v1, HelpActionType::claim, agent_x, ximei->id, now - 2 * hour);
            {
                Stmt u(db, "UPDATE help_video SET confirmed_at = requested_at WHERE request_id = ?");
                u.bind(1, v1);
                u.step();
                add_help_event(db, *load_request(db, v1), "video", {{"state", "confirmed"}, {"slot_at", slot}}, now - 2 * hour);
                s.say(v1, "system", std::nullopt, "帮办员已确认视频连线时间：" + video_slot_label(slot), now - 2 * hour);
            }
            // 6 completed and rated 不满意: a follow-up for the supervisor
            int64_t r1 = s.create(HelpKind::question, "demo-token-rated-1", xm, {{"text", "社保卡丢了在哪里补办？"}},
                                  now - 3 * 24 * hour, "许文斌", "13405956789");
            s.act(r1, HelpActionType::claim, agent_x, ximei->id, now - 3 * 24 * hour + hour);
            s.act(r1, HelpActionType::start, agent_x, ximei->id, now - 3 * 24 * hour + hour);
            s.act(r1, HelpActionType::complete, agent_x, ximei->id, now - 3 * 24 * hour + 3 * hour, "已答复：到溪美街道便民服务中心社保窗口补办。");
            s.act(r1, HelpActionType::rate, resident_actor(r1), std::nullopt, now - 2 * 24 * hour, "回复太慢了", 2);
            // 7 水头镇: an overdue question
            s.create(HelpKind::question, "demo-token-shuitou-1", st, {{"text", "请问老年人优待证怎么办理？"}}, now - 3 * hour,
                     "吴秋月", "13305957890");
            created = 7;
        });
    } catch (const std::exception& e) {
        log::error("demo_help_failed", {{"error", e.what()}});
        return 0;
    }
    (void)shuitou;
    (void)agent_s;
    log::info("demo_help_seeded", {{"requests", created}});
    return created;
}

void print_demo_help(App& app) {
    std::printf("Demo help requests (resident tokens; open /api/v1/requests/<id> with Authorization: Bearer <token>):\n");
    for (const auto& t : kDemoTokens) {
        auto l = app.db.lock();
        Stmt q(app.db, "SELECT id, number, status FROM requests WHERE token_hash = ?");
        q.bind(1, sha256_hex(t.token));
        if (q.step())
            std::printf("  #%-4lld %-20s %-17s %-24s %s\n", static_cast<long long>(q.int64(0)), q.text(1).c_str(),
                        q.text(2).c_str(), t.token, t.what);
    }
}

}  // namespace dp
