// /api/v1/doorplates: the doorplate listing and one doorplate with its area and popular items.
#include "app.hpp"
#include "entry_channels.hpp"
#include "doorplate.hpp"
#include "etag.hpp"
#include "geo_params.hpp"
#include "http_util.hpp"

namespace dp {
namespace {

const char* kDoorplateColumns =
    "SELECT code, area_id, town_id, county, town, village, road, number, building, lat, lng FROM doorplates ";

Doorplate doorplate_from_row(const Stmt& s) {
    Doorplate d;
    d.code = s.text(0);
    d.area_id = s.text(1);
    d.town_id = s.text(2);
    d.address = {s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8)};
    d.location = {s.real(9), s.real(10)};
    return d;
}

void list_doorplates(App& app, const httplib::Request& req, httplib::Response& res) {
    int limit = int_param(req, "limit", 50, 1, 500);
    int offset = int_param(req, "offset", 0, 0, 100000000);
    auto lock = app.db.lock();
    nlohmann::json list = nlohmann::json::array();
    Stmt q(app.db, (std::string(kDoorplateColumns) + "ORDER BY area_id, road, CAST(number AS INTEGER), code LIMIT ? OFFSET ?").c_str());
    q.bind(1, limit).bind(2, offset);
    while (q.step()) list.push_back(doorplate_from_row(q));
    Stmt c(app.db, "SELECT COUNT(*) FROM doorplates");
    c.step();
    send_json(res, {{"total", c.int64(0)}, {"limit", limit}, {"offset", offset}, {"doorplates", list}});
}

void get_doorplate(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string code = req.matches[1];
    const CoordSystem coord = coord_param(req);
    const LocalDateTime at = at_param(req);
    if (!is_plausible_doorplate_code(code))
        throw HttpError(400, "bad_doorplate_code", "门牌码格式不对：应为4到16位大写字母或数字");
    if (!doorplate_code_has_valid_check(code))
        throw HttpError(404, "doorplate_not_found", "门牌码 " + code + " 的校验位不对，请核对二维码下方的号码");
    auto lock = app.db.lock();
    Stmt q(app.db, (std::string(kDoorplateColumns) + "WHERE code = ?").c_str());
    q.bind(1, code);
    if (!q.step()) throw HttpError(404, "doorplate_not_found", "没有找到门牌码 " + code);
    nlohmann::json j = doorplate_from_row(q);
    nlohmann::json popular = nlohmann::json::array();
    for (const Item* item : app.catalogue.by_popularity()) {
        if (popular.size() >= 8) break;
        popular.push_back(app.catalogue.summary(item->id));
    }
    j["popular_items"] = popular;
    // Where to go: the nearest service points, and the nearest service centre if not among them.
    const Doorplate d = j.get<Doorplate>();
    j["location"] = wgs84_to(coord, d.location);
    j["nearest_places"] = nearest_places_json(app, d.location, 5, at, coord);
    bool has_centre = false;
    for (const auto& p : j["nearest_places"]) has_centre = has_centre || p["type"] == "service_centre";
    if (!has_centre) {
        PlaceQuery centre;
        centre.type = ServicePointType::service_centre;
        for (const auto& hit : app.places.nearest(d.location, 1, centre))
            j["nearest_service_centre"] = place_json(app.places.points()[hit.index], at, hit.distance_m, coord);
    }
    if (coord != CoordSystem::wgs84) j["coord"] = coord_system_id(coord);
    // The entry channel from ?src= (poster, wechat, …; unknown values count as "other").
    const EntryChannel channel = entry_channel_from_src(req.get_param_value("src"));
    // Opens are counted from the app's doorplate_opened event (POST /api/v1/events), not here:
    // the app also opens doorplates offline from its cache, and a GET may be retried or prefetched.
    j["channel"] = entry_channel_id(channel);
    send_json_compressed(req, res, j);  // on the first view's path: 7 KB become 2 KB
}

}  // namespace

void register_doorplate_routes(Routes& server, App& app) {
    server.Get("/api/v1/doorplates", [&app](const httplib::Request& req, httplib::Response& res) {
        list_doorplates(app, req, res);
    });
    server.Get(R"(/api/v1/doorplates/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
        get_doorplate(app, req, res);
    });
}

}  // namespace dp
