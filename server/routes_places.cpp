// /api/v1/places, /api/v1/places/<id>, /api/v1/route and /api/v1/map: nearest service points,
// one place with its week, walking/driving routes with Chinese directions, a town's map layer.
#include <cmath>

#include "app.hpp"
#include "directions.hpp"
#include "geo.hpp"
#include "geo_params.hpp"
#include "http_util.hpp"

namespace dp {
namespace {

constexpr double kMaxRouteSnapM = 2000;  // a route starts/ends at most this far from a road
constexpr double kMapMarginM = 1500;     // around a town's villages in /api/v1/map

double round1(double v) { return std::round(v * 10) / 10; }

nlohmann::json location_json(LatLng p, CoordSystem c) {
    const LatLng q = round_latlng(wgs84_to(c, p), 6);
    return {{"lat", q.lat}, {"lng", q.lng}};
}

nlohmann::json line_json(const std::vector<LatLng>& line, CoordSystem c) {
    std::vector<LatLng> out;
    out.reserve(line.size());
    for (const auto& p : line) out.push_back(wgs84_to(c, p));
    return latlng_array(out, 6);
}

void add_coord(nlohmann::json& j, CoordSystem c) {
    if (c != CoordSystem::wgs84) j["coord"] = coord_system_id(c);
}

const char* maneuver_id(Maneuver m) {
    switch (m) {
        case Maneuver::depart: return "depart";
        case Maneuver::straight: return "straight";
        case Maneuver::slight_left: return "slight_left";
        case Maneuver::left: return "left";
        case Maneuver::slight_right: return "slight_right";
        case Maneuver::right: return "right";
        case Maneuver::uturn: return "uturn";
        case Maneuver::arrive: return "arrive";
    }
    return "straight";
}

PlaceQuery place_query(App& app, const httplib::Request& req, const LocalDateTime& at) {
    PlaceQuery q;
    if (req.has_param("item") && !req.get_param_value("item").empty()) {
        q.item = req.get_param_value("item");
        if (!app.catalogue.item_json(q.item))
            throw HttpError(400, "unknown_item", "没有这个事项：" + q.item);
    }
    if (req.has_param("type") && !req.get_param_value("type").empty()) {
        const std::string t = req.get_param_value("type");
        q.type = service_point_type_from_id(t);
        if (!q.type)
            throw HttpError(400, "unknown_type",
                            "参数 type 应为 service_centre、village_station、police、market_supervision 或 kiosk，而不是“" +
                                t + "”");
    }
    if (req.has_param("open_now")) {
        const std::string v = req.get_param_value("open_now");
        if (v == "1" || v == "true")
            q.open_at = at;
        else if (!(v == "0" || v == "false" || v.empty()))
            throw HttpError(400, "bad_parameter", "参数 open_now 应为 1 或 0");
    }
    if (req.has_param("open_by")) {  // open now, or opening next by then
        const LocalDateTime by = local_time_param(req, "open_by");
        if (unix_from_shanghai(by) < unix_from_shanghai(at))
            throw HttpError(400, "bad_time", "参数 open_by（" + format_local_time(by) + "）不能早于查询时间 " + format_local_time(at));
        q.open_at = at;
        q.open_by = by;
    }
    return q;
}

void list_places(App& app, const httplib::Request& req, httplib::Response& res) {
    const LatLng q{latitude_param(req, "lat"), longitude_param(req, "lng")};
    const int limit = int_param(req, "limit", 10, 1, 50);
    const CoordSystem coord = coord_param(req);
    const LocalDateTime at = at_param(req);
    const PlaceQuery query = place_query(app, req, at);
    nlohmann::json places = nlohmann::json::array();
    for (const auto& hit : app.places.nearest(q, static_cast<std::size_t>(limit), query))
        places.push_back(place_json(app.places.points()[hit.index], at, hit.distance_m, coord));
    nlohmann::json body = {{"places", places}, {"at", format_local_time(at)}};
    add_coord(body, coord);
    send_json(res, body);
}

std::size_t place_index(App& app, const std::string& id) {
    auto i = app.places.index_of(id);
    if (!i) throw HttpError(404, "place_not_found", "没有找到服务网点 " + id);
    return *i;
}

void get_place(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const CoordSystem coord = coord_param(req);
    const LocalDateTime at = at_param(req);
    const ServicePoint& p = app.places.points()[place_index(app, id)];
    nlohmann::json j = place_json(p, at, std::nullopt, coord);
    j["hours_week"] = describe_week_zh(p.hours);
    j["hours_dates"] = describe_dates_zh(p.hours, at.date());
    j["at"] = format_local_time(at);
    add_coord(j, coord);
    send_json(res, j);
}

void get_route(App& app, const httplib::Request& req, httplib::Response& res) {
    if (!req.has_param("from")) throw HttpError(400, "bad_coordinate", "缺少参数 from（起点“纬度,经度”）");
    if (!req.has_param("to")) throw HttpError(400, "bad_parameter", "缺少参数 to（服务网点编号或“纬度,经度”）");
    const LatLng from = parse_latlng_text(req.get_param_value("from"), "from");
    TravelMode mode = TravelMode::walk;
    if (req.has_param("mode")) {
        const std::string m = req.get_param_value("mode");
        if (m == "drive")
            mode = TravelMode::drive;
        else if (m != "walk")
            throw HttpError(400, "bad_mode", "参数 mode 应为 walk（步行）或 drive（驾车），而不是“" + m + "”");
    }
    const CoordSystem coord = coord_param(req);
    const LocalDateTime at = at_param(req);
    const RoadGraph& graph = app.places.graph();
    if (graph.edges().empty()) throw HttpError(404, "no_route", "还没有导入道路数据，无法规划路线");

    const std::string to_text_value = req.get_param_value("to");
    std::optional<std::size_t> to_place;
    std::optional<EdgeSnap> to_snap;
    std::string destination = "目的地";
    if (to_text_value.find(',') != std::string::npos) {
        const LatLng to = parse_latlng_text(to_text_value, "to");
        to_snap = graph.snap(to, mode, kMaxRouteSnapM);
    } else {
        to_place = place_index(app, to_text_value);
        to_snap = app.places.snap(*to_place, mode);
        destination = app.places.points()[*to_place].name;
    }
    const auto from_snap = graph.snap(from, mode, kMaxRouteSnapM);
    if (!from_snap) throw HttpError(404, "no_route", "起点附近 2 公里内没有可通行的道路，无法规划路线");
    if (!to_snap) throw HttpError(404, "no_route", "终点附近没有可通行的道路，无法规划路线");
    const Route route = graph.route_snapped(*from_snap, *to_snap, mode);
    if (!route.found)
        throw HttpError(404, "no_route", std::string("两地之间没有可") + (mode == TravelMode::walk ? "步行" : "驾车") + "的道路");

    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : directions_zh(graph, route, destination))
        steps.push_back({{"instruction", s.instruction},
                         {"road", s.road},
                         {"maneuver", maneuver_id(s.maneuver)},
                         {"distance_m", round1(s.distance_m)},
                         {"duration_s", round1(s.duration_s)},
                         {"location", location_json(s.location, coord)}});
    nlohmann::json j = {{"found", true},
                        {"mode", mode == TravelMode::walk ? "walk" : "drive"},
                        {"distance_m", round1(route.distance_m)},
                        {"duration_s", round1(route.duration_s)},
                        {"summary", route_summary_zh(route)},
                        {"polyline", line_json(route.polyline, coord)},
                        {"steps", steps}};
    if (to_place) j["to"] = place_json(app.places.points()[*to_place], at, std::nullopt, coord);
    add_coord(j, coord);
    send_json(res, j);
}

void get_map(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string town = req.has_param("town") ? req.get_param_value("town") : "";
    if (town.empty()) throw HttpError(400, "bad_parameter", "缺少参数 town（乡镇/街道编号，如 350583-101）");
    const CoordSystem coord = coord_param(req);
    const LocalDateTime at = at_param(req);
    std::string town_name;
    BBox box;
    {
        auto lock = app.db.lock();
        Stmt t(app.db, "SELECT name, lat, lng FROM areas WHERE id = ? AND kind = 'town'");
        t.bind(1, town);
        if (!t.step()) throw HttpError(404, "town_not_found", "没有找到乡镇/街道 " + town);
        town_name = t.text(0);
        box.extend({t.real(1), t.real(2)});
        Stmt v(app.db, "SELECT lat, lng FROM areas WHERE parent_id = ?");
        v.bind(1, town);
        while (v.step()) box.extend({v.real(0), v.real(1)});
    }
    box = box.expanded_m(kMapMarginM);

    // The town in detail (its roads clipped to the box), and the county around it for a map zoomed
    // out: the major roads whole, every river and every boundary.
    nlohmann::json roads = nlohmann::json::array();
    const auto add_road = [&](const Road& r, const std::vector<LatLng>& line, double tolerance_m) {
        roads.push_back({{"name", r.name},
                         {"class", road_class_name(r.road_class)},
                         {"oneway", r.oneway},
                         {"line", line_json(simplify_line(line, tolerance_m), coord)}});
    };
    for (const auto& r : app.places.graph().roads()) {
        const bool major = r.road_class == RoadClass::trunk || r.road_class == RoadClass::primary ||
                           r.road_class == RoadClass::secondary;
        if (major && !r.line.empty()) {
            add_road(r, r.line, BBox::of(r.line).intersects(box) ? 2.0 : 6.0);
            continue;
        }
        for (const auto& piece : clip_line_to_bbox(r.line, box)) add_road(r, piece, 2.0);
    }
    nlohmann::json water = nlohmann::json::array(), boundaries = nlohmann::json::array();
    for (const auto& f : app.places.features()) {
        std::vector<LatLng> ring = f.polygon;
        ring.push_back(ring.front());
        ring = simplify_line(ring, f.kind == "water" ? 8.0 : 20.0);
        ring.pop_back();
        if (f.kind == "water")
            water.push_back({{"name", f.name}, {"polygon", line_json(ring, coord)}});
        else
            boundaries.push_back({{"area_id", f.area_id}, {"name", f.name}, {"kind", f.area_kind},
                                  {"polygon", line_json(ring, coord)}});
    }
    // Names for the map: every town, and the villages/communities of this one.
    nlohmann::json areas = nlohmann::json::array();
    {
        auto lock = app.db.lock();
        Stmt q(app.db, "SELECT id, name, kind, lat, lng FROM areas WHERE kind = 'town' OR parent_id = ? ORDER BY id");
        q.bind(1, town);
        while (q.step())
            areas.push_back({{"id", q.text(0)}, {"name", q.text(1)}, {"kind", q.text(2)},
                             {"location", location_json({q.real(3), q.real(4)}, coord)}});
    }
    nlohmann::json places = nlohmann::json::array();
    for (std::size_t i : app.places.points_in(box)) places.push_back(place_json(app.places.points()[i], at, std::nullopt, coord));
    // The box's corners are converted like every other location.
    const LatLng sw = round_latlng(wgs84_to(coord, {box.south, box.west})), ne = round_latlng(wgs84_to(coord, {box.north, box.east}));
    nlohmann::json j = {{"town", {{"id", town}, {"name", town_name}}},
                        {"bbox", {{"south", sw.lat}, {"west", sw.lng}, {"north", ne.lat}, {"east", ne.lng}}},
                        {"roads", roads},
                        {"water", water},
                        {"boundaries", boundaries},
                        {"areas", areas},
                        {"places", places},
                        {"at", format_local_time(at)}};
    add_coord(j, coord);
    send_json(res, j);
}

}  // namespace

nlohmann::json nearest_places_json(App& app, LatLng q, std::size_t k, const LocalDateTime& at, CoordSystem coord) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& hit : app.places.nearest(q, k, PlaceQuery{}))
        list.push_back(place_json(app.places.points()[hit.index], at, hit.distance_m, coord));
    return list;
}

void register_places_routes(Routes& server, App& app) {
    server.Get("/api/v1/places", [&app](const httplib::Request& req, httplib::Response& res) { list_places(app, req, res); });
    server.Get(R"(/api/v1/places/([^/]+))",
               [&app](const httplib::Request& req, httplib::Response& res) { get_place(app, req, res); });
    server.Get("/api/v1/route", [&app](const httplib::Request& req, httplib::Response& res) { get_route(app, req, res); });
    server.Get("/api/v1/map", [&app](const httplib::Request& req, httplib::Response& res) { get_map(app, req, res); });
}

}  // namespace dp
