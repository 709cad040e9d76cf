// Integration tests of /api/v1/places, /api/v1/route, /api/v1/map and the doorplate's nearest
// places, over real HTTP against a server seeded with the generated demo county.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "geo.hpp"
#include "server_process.hpp"

using nlohmann::json;

namespace {

// One server for this file: seeding the county and building the road graph takes a moment.
testing::ServerProcess& server() {
    static testing::ServerProcess s;
    return s;
}

json get(const std::string& path, int expect = 200) {
    auto c = server().client();
    auto res = c.Get(path.c_str());
    REQUIRE(res);
    INFO(path << " → " << res->body.substr(0, 300));
    CHECK(res->status == expect);
    return json::parse(res->body);
}

dp::LatLng loc(const json& j) { return {j["lat"].get<double>(), j["lng"].get<double>()}; }

// Responses round coordinates to 6 decimals, so converted values agree to about 1e-6°.
bool near_deg(const json& got, double want) { return std::abs(got.get<double>() - want) < 1.5e-6; }

const std::string kNear = "lat=24.963&lng=118.386";  // 溪美街道, the county seat

}  // namespace

TEST_CASE("places come nearest first with distances that match the great-circle distance") {
    const auto body = get("/api/v1/places?" + kNear + "&limit=20");
    const auto& places = body["places"];
    REQUIRE(places.size() == 20);
    double last = -1;
    for (const auto& p : places) {
        const double d = p["distance_m"].get<double>();
        CHECK(d >= last);
        last = d;
        CHECK(d == doctest::Approx(dp::haversine_m({24.963, 118.386}, loc(p["location"]))).epsilon(0.001));
        for (const char* key : {"id", "name", "type", "type_name", "area_id", "address", "phone", "hours", "hours_today", "status"})
            CHECK_MESSAGE(p[key].is_string(), key);
        CHECK(p["open_now"].is_boolean());
        CHECK(p["items"].is_array());
    }
    CHECK(get("/api/v1/places?" + kNear)["places"].size() == 10);  // default limit
    CHECK(get("/api/v1/places?" + kNear + "&limit=50")["places"].size() == 50);
}

TEST_CASE("the item and type filters keep only matching places, still nearest first") {
    const auto body = get("/api/v1/places?" + kNear + "&item=id-card-renewal&limit=8");
    REQUIRE(body["places"].size() == 8);
    for (const auto& p : body["places"]) {
        const auto items = p["items"].get<std::vector<std::string>>();
        CHECK(std::find(items.begin(), items.end(), "id-card-renewal") != items.end());
        CHECK((p["type"] == "police" || p["id"] == "SP0001"));  // police stations and the county hall
    }
    for (const char* type : {"service_centre", "village_station", "police", "market_supervision", "kiosk"}) {
        const auto typed = get("/api/v1/places?" + kNear + "&type=" + type + "&limit=3");
        REQUIRE(typed["places"].size() == 3);
        for (const auto& p : typed["places"]) CHECK(p["type"] == type);
    }
}

TEST_CASE("open_now honours the lunch break, weekends and the National Day holiday at the given time") {
    auto open_types = [](const std::string& at) {
        std::set<std::string> types;
        const auto body = get("/api/v1/places?" + kNear + "&open_now=1&limit=50&at=" + at);
        CHECK(body["at"] == at);
        for (const auto& p : body["places"]) {
            CHECK(p["open_now"] == true);
            types.insert(p["type"].get<std::string>());
        }
        return types;
    };
    CHECK(open_types("2026-10-09T10:00").count("service_centre") == 1);   // Friday morning
    CHECK(open_types("2026-10-09T12:45") == std::set<std::string>{"kiosk"});  // lunch break
    CHECK(open_types("2026-10-11T10:00") == std::set<std::string>{"kiosk"});  // Sunday
    CHECK(open_types("2026-10-03T10:00") == std::set<std::string>{"kiosk"});  // National Day (a Saturday)
    CHECK(open_types("2026-10-10T10:00").count("service_centre") == 1);   // Saturday morning service
    // open_by: open at `at` or opening by then. Sunday evening, by Monday 08:30: the centres too.
    const auto monday = get("/api/v1/places?" + kNear + "&type=service_centre&limit=3&at=2026-10-11T20:00&open_by=2026-10-12T08:30");
    REQUIRE(!monday["places"].empty());
    for (const auto& p : monday["places"]) {
        CHECK(p["open_now"] == false);
        CHECK(p["next_opening"].get<std::string>() <= "2026-10-12T08:30");
        CHECK(p["next_opening"].get<std::string>() >= "2026-10-12T00:00");
    }
    CHECK(get("/api/v1/places?" + kNear + "&type=service_centre&at=2026-10-11T20:00&open_by=2026-10-11T23:00")["places"].empty());
    // Without open_now, closed places are listed and say so.
    const auto all = get("/api/v1/places?" + kNear + "&type=service_centre&limit=1&at=2026-10-09T12:45");
    CHECK(all["places"][0]["open_now"] == false);
    CHECK(all["places"][0]["status"].get<std::string>().find("休息中") == 0);
}

TEST_CASE("coord=gcj02 and bd09 convert every location and say so") {
    const auto wgs = get("/api/v1/places?" + kNear + "&limit=3");
    const auto gcj = get("/api/v1/places?" + kNear + "&limit=3&coord=gcj02");
    const auto bd = get("/api/v1/places?" + kNear + "&limit=3&coord=bd09");
    CHECK(!wgs.contains("coord"));
    CHECK(gcj["coord"] == "gcj02");
    CHECK(bd["coord"] == "bd09");
    for (size_t i = 0; i < 3; ++i) {
        const auto w = loc(wgs["places"][i]["location"]);
        const auto g = dp::wgs84_to_gcj02(w), b = dp::wgs84_to_bd09(w);
        CHECK(near_deg(gcj["places"][i]["location"]["lat"], g.lat));
        CHECK(near_deg(gcj["places"][i]["location"]["lng"], g.lng));
        CHECK(near_deg(bd["places"][i]["location"]["lng"], b.lng));
        CHECK(gcj["places"][i]["distance_m"] == wgs["places"][i]["distance_m"]);
    }
}

TEST_CASE("one place comes with its week and its date rules") {
    const auto p = get("/api/v1/places/SP0002?at=2026-09-30T10:00");
    CHECK(p["name"] == "溪美街道便民服务中心");
    CHECK(p["type_name"] == "便民服务中心");
    REQUIRE(p["hours_week"].size() >= 2);
    CHECK(p["hours_week"][0].get<std::string>().find("周一至周五") == 0);
    CHECK(p["hours_dates"] == json::array({"10月1日至10月8日 休息"}));
    CHECK(!p.contains("distance_m"));
    const auto err = get("/api/v1/places/SP9999", 404);
    CHECK(err["error"]["code"] == "place_not_found");
}

TEST_CASE("bad coordinates, limits, types, items, coordinate systems and times get specific 400s") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"lng=118.386", "bad_coordinate"},
        {"lat=24.963", "bad_coordinate"},
        {"lat=abc&lng=118.386", "bad_coordinate"},
        {"lat=91&lng=118.386", "bad_coordinate"},
        {"lat=24.9&lng=-181", "bad_coordinate"},
        {"lat=nan&lng=118.386", "bad_coordinate"},
        {"lat=inf&lng=118.386", "bad_coordinate"},
        {"lat=1e999&lng=118.386", "bad_coordinate"},
        {kNear + "&limit=0", "bad_parameter"},
        {kNear + "&limit=51", "bad_parameter"},
        {kNear + "&limit=ten", "bad_parameter"},
        {kNear + "&type=bank", "unknown_type"},
        {kNear + "&item=no-such-item", "unknown_item"},
        {kNear + "&coord=wgs", "bad_coord"},
        {kNear + "&open_now=maybe", "bad_parameter"},
        {kNear + "&at=2026-02-30T10:00", "bad_time"},
        {kNear + "&at=tomorrow", "bad_time"},
        {kNear + "&open_by=monday", "bad_time"},
        {kNear + "&at=2026-10-09T10:00&open_by=2026-10-09T09:59", "bad_time"},
    };
    for (const auto& [query, code] : cases) {
        const auto err = get("/api/v1/places?" + query, 400);
        CHECK_MESSAGE(err["error"]["code"] == code, query);
        CHECK(!err["error"]["message"].get<std::string>().empty());
    }
}

TEST_CASE("a walking route to a place has Chinese steps whose distances add up to the total") {
    const auto near = get("/api/v1/places?lat=24.9725&lng=118.3891&type=service_centre&limit=1");
    const std::string id = near["places"][0]["id"];
    const auto r = get("/api/v1/route?from=24.9725,118.3891&to=" + id + "&mode=walk");
    CHECK(r["found"] == true);
    CHECK(r["mode"] == "walk");
    CHECK(r["summary"].get<std::string>().find("步行") == 0);
    CHECK(r["to"]["id"] == id);
    REQUIRE(r["steps"].size() >= 2);
    double sum = 0, secs = 0;
    for (const auto& s : r["steps"]) {
        sum += s["distance_m"].get<double>();
        secs += s["duration_s"].get<double>();
        CHECK(s["location"]["lat"].is_number());
    }
    CHECK(sum == doctest::Approx(r["distance_m"].get<double>()).epsilon(0.002));
    CHECK(secs == doctest::Approx(r["duration_s"].get<double>()).epsilon(0.002));
    CHECK(r["distance_m"].get<double>() == doctest::Approx(r["duration_s"].get<double>() * 1.2).epsilon(0.01));
    const auto& first = r["steps"][0];
    CHECK(first["maneuver"] == "depart");
    CHECK(first["instruction"].get<std::string>().find("沿") == 0);
    CHECK(first["instruction"].get<std::string>().find("步行") != std::string::npos);
    CHECK(r["steps"].back()["maneuver"] == "arrive");
    CHECK(r["steps"].back()["instruction"].get<std::string>().find(near["places"][0]["name"].get<std::string>()) !=
          std::string::npos);
    // The polyline runs from near the start to near the place.
    REQUIRE(r["polyline"].size() >= 2);
    const dp::LatLng start{r["polyline"][0][0].get<double>(), r["polyline"][0][1].get<double>()};
    CHECK(dp::haversine_m(start, {24.9725, 118.3891}) < 100);
    const auto& end = r["polyline"].back();
    CHECK(dp::haversine_m({end[0].get<double>(), end[1].get<double>()}, loc(r["to"]["location"])) < 100);
    // The network distance is at least the straight line.
    CHECK(r["distance_m"].get<double>() >= dp::haversine_m(start, {end[0].get<double>(), end[1].get<double>()}) - 1);
}

TEST_CASE("driving is faster than walking between two towns, and says 驾车") {
    const std::string q = "/api/v1/route?from=24.963,118.386&to=24.918,118.432";  // 溪美 → 省新
    const auto walk = get(q + "&mode=walk");
    const auto drive = get(q + "&mode=drive");
    CHECK(drive["mode"] == "drive");
    CHECK(drive["summary"].get<std::string>().find("驾车") == 0);
    CHECK(drive["duration_s"].get<double>() < walk["duration_s"].get<double>() / 3);
    CHECK(!walk.contains("to"));
    CHECK(drive["steps"][0]["instruction"].get<std::string>().find("行驶") != std::string::npos);
    // coord=gcj02 converts the polyline and the steps too.
    const auto gcj = get(q + "&mode=drive&coord=gcj02");
    CHECK(gcj["coord"] == "gcj02");
    const auto g = dp::wgs84_to_gcj02({drive["polyline"][0][0].get<double>(), drive["polyline"][0][1].get<double>()});
    CHECK(near_deg(gcj["polyline"][0][0], g.lat));
    CHECK(near_deg(gcj["steps"][0]["location"]["lng"], dp::wgs84_to_gcj02(loc(drive["steps"][0]["location"])).lng));
}

TEST_CASE("route errors: bad points, modes and places are 400/404, a point far from any road is no_route") {
    CHECK(get("/api/v1/route?to=SP0002", 400)["error"]["code"] == "bad_coordinate");
    CHECK(get("/api/v1/route?from=24.96,118.39", 400)["error"]["code"] == "bad_parameter");
    CHECK(get("/api/v1/route?from=24.96&to=SP0002", 400)["error"]["code"] == "bad_coordinate");
    CHECK(get("/api/v1/route?from=24.96,abc&to=SP0002", 400)["error"]["code"] == "bad_coordinate");
    CHECK(get("/api/v1/route?from=24.96,118.39&to=95,118.39", 400)["error"]["code"] == "bad_coordinate");
    CHECK(get("/api/v1/route?from=24.96,118.39&to=SP0002&mode=fly", 400)["error"]["code"] == "bad_mode");
    CHECK(get("/api/v1/route?from=24.96,118.39&to=SP9999", 404)["error"]["code"] == "place_not_found");
    const auto far = get("/api/v1/route?from=39.9,116.4&to=SP0002", 404);
    CHECK(far["error"]["code"] == "no_route");
    CHECK(far["error"]["message"].get<std::string>().find("道路") != std::string::npos);
}

TEST_CASE("a doorplate comes with its location and its five nearest places") {
    const std::string code = get("/api/v1/doorplates?limit=1")["doorplates"][0]["code"];
    const auto d = get("/api/v1/doorplates/" + code + "?at=2026-10-09T10:00");
    const auto here = loc(d["location"]);
    CHECK(here.lat == doctest::Approx(24.96).epsilon(0.02));
    REQUIRE(d["nearest_places"].size() == 5);
    double last = -1;
    bool centre = false;
    for (const auto& p : d["nearest_places"]) {
        CHECK(p["distance_m"].get<double>() >= last);
        last = p["distance_m"].get<double>();
        CHECK(last == doctest::Approx(dp::haversine_m(here, loc(p["location"]))).epsilon(0.001));
        centre = centre || p["type"] == "service_centre";
    }
    CHECK(centre != d.contains("nearest_service_centre"));
    // The first of them is close: the demo puts a station in every village.
    CHECK(d["nearest_places"][0]["distance_m"].get<double>() < 1500);
}

TEST_CASE("a town's map layer has roads, water, boundaries and places within the size budget") {
    auto c = server().client();
    auto res = c.Get("/api/v1/map?town=350583-101");
    REQUIRE(res);
    CHECK(res->status == 200);
    MESSAGE("map layer of 溪美街道: " << res->body.size() << " bytes");
    CHECK(res->body.size() < 150 * 1024);
    const auto m = json::parse(res->body);
    CHECK(m["town"]["name"] == "溪美街道");
    const auto& b = m["bbox"];
    CHECK(b["south"].get<double>() < 24.963);
    CHECK(b["north"].get<double>() > 24.963);
    CHECK(m["roads"].size() > 20);
    std::set<std::string> classes, names;
    for (const auto& r : m["roads"]) {
        classes.insert(r["class"].get<std::string>());
        names.insert(r["name"].get<std::string>());
        CHECK(r["line"].size() >= 2);
    }
    CHECK(classes.count("secondary") == 1);
    CHECK(classes.count("residential") == 1);
    CHECK(names.count("溪州路") == 1);  // a road of one of its communities
    CHECK(m["water"].size() >= 1);
    // The county around it: every town's name and boundary, and major roads beyond the box.
    int towns = 0, villages = 0;
    for (const auto& a : m["areas"]) {
        towns += a["kind"] == "town";
        villages += a["kind"] == "village" || a["kind"] == "community";
        CHECK(a["location"]["lat"].is_number());
    }
    CHECK(towns >= 10);
    CHECK(villages >= 3);
    CHECK(m["boundaries"].size() >= static_cast<size_t>(towns));
    bool beyond = false;
    for (const auto& r : m["roads"])
        for (const auto& p : r["line"]) beyond = beyond || p[0].get<double>() > b["north"].get<double>() + 0.02;
    CHECK(beyond);
    bool own = false;
    for (const auto& f : m["boundaries"]) own = own || (f["area_id"] == "350583-101" && f["kind"] == "town");
    CHECK(own);
    bool centre = false;
    for (const auto& p : m["places"]) {
        centre = centre || p["name"] == "溪美街道便民服务中心";
        const auto l = loc(p["location"]);
        CHECK(l.lat >= b["south"].get<double>());
        CHECK(l.lng <= b["east"].get<double>());
    }
    CHECK(centre);
    // Every town's layer stays within the budget.
    for (int t = 101; t <= 115; ++t) {
        auto r = c.Get(("/api/v1/map?town=350583-" + std::to_string(t)).c_str());
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK_MESSAGE(r->body.size() < 150 * 1024, t << ": " << r->body.size());
    }
    CHECK(get("/api/v1/map?town=350583-999", 404)["error"]["code"] == "town_not_found");
    CHECK(get("/api/v1/map?town=350583-101-001", 404)["error"]["code"] == "town_not_found");
    CHECK(get("/api/v1/map", 400)["error"]["code"] == "bad_parameter");
}
