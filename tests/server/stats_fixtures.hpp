// Test fixtures of the statistics tests: demo doorplates in two towns, an item and a service
// point from the running server, posting event batches, and reading usage_events from SQLite.
#pragma once
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "auth_fixtures.hpp"
#include "db.hpp"
#include "stats.hpp"

namespace testing {

struct StatsRefs {
    std::string plate_a, town_a, area_a;  // two doorplates in different towns
    std::string plate_b, town_b, area_b;
    std::string item, item_name, place;
};

inline StatsRefs stats_refs(httplib::Client& c) {
    StatsRefs r;
    auto plates = nlohmann::json::parse(c.Get("/api/v1/doorplates?limit=500")->body)["doorplates"];
    r.plate_a = plates[0]["code"], r.town_a = plates[0]["town_id"], r.area_a = plates[0]["area_id"];
    for (auto& p : plates)
        if (p["town_id"] != r.town_a) {
            r.plate_b = p["code"], r.town_b = p["town_id"], r.area_b = p["area_id"];
            break;
        }
    auto one = nlohmann::json::parse(c.Get(("/api/v1/doorplates/" + r.plate_a).c_str())->body);
    r.item = one["popular_items"][0]["id"];
    r.item_name = one["popular_items"][0]["name"];
    r.place = one["nearest_places"][0]["id"];
    return r;
}

inline httplib::Result post_events(httplib::Client& c, const nlohmann::json& batch, const std::string& key = "") {
    httplib::Headers h;
    if (!key.empty()) h.emplace("Idempotency-Key", key);
    return c.Post("/api/v1/events", h, batch.dump(), "application/json");
}

inline int64_t count_rows(const fs::path& db_path, const std::string& sql) {
    dp::Db db(db_path.string());
    auto l = db.lock();
    dp::Stmt q(db, sql.c_str());
    return q.step() ? q.int64(0) : -1;
}

inline std::string error_code(const httplib::Result& r) {
    if (!r) return "no response";
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : r->body;
}
inline std::string error_message(const httplib::Result& r) {
    if (!r) return "no response";
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["message"].get<std::string>() : r->body;
}

// Noon (China time) `days_ago` days before today.
inline int64_t noon_days_ago(int days_ago) {
    const dp::CivilDay today = dp::china_day_of(dp::unix_now());
    return dp::china_day_start(dp::civil_from_days(dp::days_from_civil(today) - days_ago)) + 12 * 3600;
}
inline std::string day_ago(int days_ago) { return dp::day_key(dp::china_day_of(noon_days_ago(days_ago))); }

}  // namespace testing
