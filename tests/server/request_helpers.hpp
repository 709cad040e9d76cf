// Test helpers for resident requests: a real doorplate and item from the running demo server,
// valid submission bodies per kind, and posting with an Idempotency-Key.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "server_process.hpp"

namespace testing {

struct DemoRefs {
    std::string doorplate;
    std::string area_id;
    std::string item_id;            // the most popular item
    std::string material_id;        // one of its materials
};

inline DemoRefs demo_refs(const ServerProcess& server) {
    auto c = server.client();
    DemoRefs r;
    auto plates = nlohmann::json::parse(c.Get("/api/v1/doorplates?limit=1")->body);
    r.doorplate = plates["doorplates"][0]["code"];
    r.area_id = plates["doorplates"][0]["area_id"];
    auto items = nlohmann::json::parse(c.Get("/api/v1/items?limit=20")->body)["items"];
    for (auto& s : items) {
        if (s["kind"] != "item") continue;
        auto item = nlohmann::json::parse(c.Get(("/api/v1/items/" + s["id"].get<std::string>()).c_str())->body);
        if (item.contains("materials") && !item["materials"].empty()) {
            r.item_id = s["id"];
            r.material_id = item["materials"][0]["id"];
            break;
        }
    }
    return r;
}

inline nlohmann::json question_body(const DemoRefs& r, const std::string& text = "我想问一下需要带什么材料？") {
    return {{"kind", "question"},
            {"item_id", r.item_id},
            {"doorplate", r.doorplate},
            {"contact", {{"name", "张三"}, {"phone", "13800138000"}}},
            {"payload", {{"text", text}}}};
}

inline httplib::Result post_json(httplib::Client& c, const std::string& path, const std::string& body,
                                 const std::string& idempotency_key = "") {
    httplib::Headers h;
    if (!idempotency_key.empty()) h.emplace("Idempotency-Key", idempotency_key);
    return c.Post(path.c_str(), h, body, "application/json");
}

inline httplib::Result post_request(httplib::Client& c, const nlohmann::json& body, const std::string& key = "") {
    return post_json(c, "/api/v1/requests", body.dump(), key);
}

}  // namespace testing
