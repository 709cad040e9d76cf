// GET /api/v1/bundles/area/<area id>: everything the resident app needs offline for one area (the
// area and its town, every guide, the search index, service points), with an ETag (304 on match),
// kept with its brotli and gzip encodings.
#include <map>
#include <mutex>

#include "app.hpp"
#include "etag.hpp"
#include "http_util.hpp"

namespace dp {
namespace {

nlohmann::json area_row(App& app, const std::string& id) {
    auto lock = app.db.lock();
    Stmt q(app.db, "SELECT id, name, kind, parent_id, lat, lng FROM areas WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return nullptr;
    return {{"id", q.text(0)},
            {"name", q.text(1)},
            {"kind", q.text(2)},
            {"parent_id", q.is_null(3) ? nlohmann::json(nullptr) : nlohmann::json(q.text(3))},
            {"lat", q.real(4)},
            {"lng", q.real(5)}};
}


// The service points of a town/street and its villages, without the fields that depend on the
// moment of the request (open now, today's hours): the app works those out from "hours". The
// bundle is built once per area; service points do not change while the server runs.
nlohmann::json area_places(App& app, const std::string& town_id) {
    nlohmann::json out = nlohmann::json::array();
    if (town_id.empty()) return out;
    const LocalDateTime any{2026, 1, 5, 9, 0};
    for (const ServicePoint& p : app.places.points()) {
        if (p.area_id != town_id && p.area_id.rfind(town_id + "-", 0) != 0) continue;
        nlohmann::json j = place_json(p, any, std::nullopt, CoordSystem::wgs84);
        for (const char* k : {"open_now", "status", "hours_today"}) j.erase(k);
        out.push_back(std::move(j));
    }
    return out;
}

std::string build_bundle(App& app, const std::string& area_id) {
    nlohmann::json area = area_row(app, area_id);
    if (area.is_null()) throw HttpError(404, "area_not_found", "没有找到这个村（社区）或镇：" + area_id);
    nlohmann::json town = nullptr;
    if (area["kind"] == "village" || area["kind"] == "community") {
        if (area["parent_id"].is_string()) town = area_row(app, area["parent_id"].get<std::string>());
    } else if (area["kind"] == "town") {
        town = area;
    }
    const CatalogueStore& store = app.catalogue;
    // One guide document that holds every guide: the app opens any item or bundle from it.
    nlohmann::json guides = {{"version", store.version()}, {"items", nlohmann::json::array()},
                             {"bundles", nlohmann::json::array()}};
    nlohmann::json summaries = nlohmann::json::array();
    for (const Item* item : store.by_popularity()) {
        if (auto* j = store.item_json(item->id)) guides["items"].push_back(*j);
        summaries.push_back(store.summary(item->id));
    }
    for (const Bundle& b : store.catalogue().bundles) {
        if (auto* j = store.bundle_json(b.id)) guides["bundles"].push_back(*j);
        summaries.push_back(store.summary(b.id));
    }
    nlohmann::json body = {
        {"format", 1},
        {"catalogue_version", store.version()},
        {"area", area},
        {"town", town},
        {"summaries", summaries},
        {"guides", guides},
        {"search_index", {{"version", store.version()}, {"entries", store.search().entries()}}},
        {"places", area_places(app, town.is_object() ? town.value("id", "") : area.value("id", ""))},
    };
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void register_area_bundle_routes(Routes& server, App& app) {
    // Bodies per area, built on first use: the catalogue and areas do not change while serving.
    auto cache =
        std::make_shared<std::pair<std::mutex, std::map<std::string, std::shared_ptr<const PrecompressedJson>>>>();
    server.Get(R"(/api/v1/bundles/area/([^/]+))", [&app, cache](const httplib::Request& req, httplib::Response& res) {
        const std::string id = req.matches[1];
        if (id.empty() || id.size() > 40) throw HttpError(400, "bad_id", "地区编号格式不对");
        for (char c : id)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
                throw HttpError(400, "bad_id", "地区编号只能包含字母、数字、“-”和“_”");
        std::shared_ptr<const PrecompressedJson> body;
        {
            std::lock_guard<std::mutex> l(cache->first);
            auto it = cache->second.find(id);
            if (it != cache->second.end()) body = it->second;
        }
        if (!body) {
            body = std::make_shared<const PrecompressedJson>(build_bundle(app, id));
            std::lock_guard<std::mutex> l(cache->first);
            cache->second.emplace(id, body);
        }
        send_precompressed_json(req, res, *body);
    });
}

}  // namespace dp
