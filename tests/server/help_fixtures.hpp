// Test fixtures of the 帮办代办 tests: a demo server (cheap passwords, private uploads, no rate limit,
// no demo help requests unless asked with --demo-help), requests created through POST /api/v1/requests in 溪美街道 or
// 水头镇, desk logins, and JSON POST/GET helpers with tokens, sessions and Idempotency-Keys.
#pragma once
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "auth_fixtures.hpp"
#include "db.hpp"
#include "validate.hpp"

namespace testing {

inline const char* kXimeiTown = "350583-101";
inline const char* kShuitouTown = "350583-108";

struct HelpServer : AuthServer {
    explicit HelpServer(std::vector<std::string> extra = {})  // {"--demo-help"}: with the demo help requests
        : AuthServer(with_rate(std::move(extra))) {}
    static std::vector<std::string> with_rate(std::vector<std::string> extra) {
        extra.insert(extra.end(), {"--rate-limit", "0"});
        return extra;
    }
    // A doorplate of the town (straight from the server's database).
    std::string doorplate_in(const std::string& town) const {
        dp::Db db(server.db_path().string());
        auto l = db.lock();
        dp::Stmt q(db, "SELECT code FROM doorplates WHERE town_id = ? ORDER BY code LIMIT 1");
        q.bind(1, town);
        REQUIRE(q.step());
        return q.text(0);
    }
    // An item with at least two materials, and those two material ids.
    struct ItemRef {
        std::string id;
        std::vector<std::string> materials;
    };
    ItemRef item_with_materials() const {
        auto c = client();
        auto items = nlohmann::json::parse(c.Get("/api/v1/items?limit=50")->body)["items"];
        for (auto& s : items) {
            if (s["kind"] != "item") continue;
            auto item = nlohmann::json::parse(c.Get(("/api/v1/items/" + s["id"].get<std::string>()).c_str())->body);
            if (item.contains("materials") && item["materials"].size() >= 2)
                return {s["id"], {item["materials"][0]["id"], item["materials"][1]["id"]}};
        }
        FAIL("no item with two materials");
        return {};
    }
};

struct Created {
    int64_t id = 0;
    std::string token, number;
};

inline httplib::Headers with_key(httplib::Headers h, const std::string& key) {
    if (!key.empty()) h.emplace("Idempotency-Key", key);
    return h;
}

inline httplib::Result post(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                            const httplib::Headers& h = {}, const std::string& key = "") {
    return c.Post(path.c_str(), with_key(h, key), body.dump(), "application/json");
}

inline nlohmann::json body_of(const httplib::Result& r) {
    REQUIRE(r);
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    REQUIRE_MESSAGE(!j.is_discarded(), r->body);
    return j;
}

inline std::string error_code(const httplib::Result& r) { return body_of(r)["error"]["code"].get<std::string>(); }

inline Created create_request(HelpServer& s, const std::string& kind, const nlohmann::json& payload,
                              const std::string& town = kXimeiTown, const std::string& item_id = "") {
    auto c = s.client();
    nlohmann::json body = {{"kind", kind},
                           {"item_id", item_id.empty() ? s.item_with_materials().id : item_id},
                           {"doorplate", s.doorplate_in(town)},
                           {"contact", {{"name", "张三"}, {"phone", "13800138000"}}},
                           {"payload", payload}};
    if (kind == "proxy") body["id_number"] = std::string("35058319900101123") + dp::id_card_check_char("35058319900101123");
    auto r = post(c, "/api/v1/requests", body);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 201, r->body);
    auto j = nlohmann::json::parse(r->body);
    return {j["id"].get<int64_t>(), j["token"], j["number"]};
}

inline Created create_question(HelpServer& s, const std::string& town = kXimeiTown) {
    return create_request(s, "question", {{"text", "请问需要带什么材料？"}}, town);
}

inline std::string rpath(const Created& r, const std::string& tail = "") {
    return "/api/v1/requests/" + std::to_string(r.id) + tail;
}
inline std::string dpath(const Created& r, const std::string& tail = "") {
    return "/api/v1/desk/requests/" + std::to_string(r.id) + tail;
}

inline nlohmann::json resident_view(httplib::Client& c, const Created& r) {
    auto g = c.Get(rpath(r).c_str(), bearer(r.token));
    REQUIRE(g);
    REQUIRE_MESSAGE(g->status == 200, g->body);
    return nlohmann::json::parse(g->body);
}

inline nlohmann::json desk_view(httplib::Client& c, const Created& r, const std::string& session) {
    auto g = c.Get(dpath(r).c_str(), bearer(session));
    REQUIRE(g);
    REQUIRE_MESSAGE(g->status == 200, g->body);
    return nlohmann::json::parse(g->body)["request"];
}

// Desk sessions of the demo accounts.
struct Desk {
    std::string ximei, shuitou, supervisor, admin;
    explicit Desk(HelpServer& s) {
        auto c = s.client();
        ximei = login(c, kXimeiAgent, kXimeiPassword);
        shuitou = login(c, kShuitouAgent, kShuitouPassword);
        supervisor = login(c, kSupervisor, kSupervisorPassword);
        admin = login(c, kAdmin, kAdminPassword);
        REQUIRE(!ximei.empty());
        REQUIRE(!shuitou.empty());
        REQUIRE(!supervisor.empty());
        REQUIRE(!admin.empty());
    }
};

inline std::string user_id_of(httplib::Client& c, const std::string& session) {
    auto me = nlohmann::json::parse(c.Get("/api/v1/auth/me", bearer(session))->body);
    if (me.contains("user")) me = me["user"];
    return me["id"].is_string() ? me["id"].get<std::string>() : std::to_string(me["id"].get<int64_t>());
}

inline int64_t count_rows(HelpServer& s, const std::string& sql, const std::string& param = "") {
    dp::Db db(s.server.db_path().string());
    auto l = db.lock();
    dp::Stmt q(db, sql.c_str());
    if (!param.empty()) q.bind(1, param);
    q.step();
    return q.int64(0);
}

}  // namespace testing
