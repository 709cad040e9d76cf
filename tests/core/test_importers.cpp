// Tests of shared/importers: CSV areas, doorplates and service points, GeoJSON roads and map
// features; every error kind is reported by line/feature and field, good rows still load.
#include <doctest/doctest.h>

#include <algorithm>

#include "importers.hpp"

namespace {

const std::string kPlateHeader = "code,area_id,town_id,county,town,village,road,number,building,lat,lng\n";
const std::string kPointHeader = "id,name,type,area_id,address,lat,lng,phone,hours,items\n";

std::string plate_row(const std::string& code, const std::string& lat = "24.963", const std::string& lng = "118.392") {
    return code + ",350583-101-001,350583-101,南安市,溪美街道,溪州社区,成功街,2号,," + lat + "," + lng + "\n";
}

std::string point_row(const std::string& id, const std::string& hours = "\"Mo-Fr 08:30-12:00,14:30-17:30\"",
                      const std::string& type = "service_centre", const std::string& items = "id-card-renewal") {
    return id + ",溪美街道便民服务中心," + type + ",350583-101,南安市溪美街道溪美四路99号,24.963,118.386,0595-86383000," +
           hours + "," + items + "\n";
}

bool has_issue(const std::vector<dp::ImportIssue>& issues, int line, const std::string& field, const std::string& part) {
    return std::any_of(issues.begin(), issues.end(), [&](const dp::ImportIssue& i) {
        return (i.line == line || i.feature == line) && i.field == field && i.message.find(part) != std::string::npos;
    });
}

std::string dump(const std::vector<dp::ImportIssue>& issues) {
    std::string s;
    for (const auto& i : issues) s += i.text() + "\n";
    return s;
}

}  // namespace

TEST_CASE("an issue reads as a Chinese sentence naming the line and field") {
    CHECK(dp::ImportIssue{12, 0, "lat", "纬度应在 -90 到 90 之间"}.text() == "第 12 行 lat：纬度应在 -90 到 90 之间");
    CHECK(dp::ImportIssue{0, 3, "geometry", "缺少 geometry"}.text() == "第 3 个要素 geometry：缺少 geometry");
    CHECK(dp::ImportIssue{0, 0, "", "不是有效的 JSON"}.text() == "不是有效的 JSON");
}

TEST_CASE("good doorplate rows load and each bad row is reported by line and field") {
    const std::string text = kPlateHeader + plate_row("H5GYFKJ") +  // line 2: good
                             plate_row("Y8XWV43", "95") +           // line 3: latitude out of range
                             plate_row("H5GYFKK") +                 // line 4: bad check character
                             plate_row("h5gyfkj") +                 // line 5: bad shape
                             plate_row("H5GYFKJ") +                 // line 6: duplicate of line 2
                             plate_row("Y8XWV43", "24.9", "abc") +  // line 7: not a number
                             plate_row("Y8XWV43", "nan") +          // line 8: NaN
                             "Y8XWV43,350583-101-001,350583-101,南安市,溪美街道,溪州社区,,3号,,24.9,118.3\n" +  // 9: empty road
                             "Y8XWV43,1,2\n" +                      // line 10: too few fields
                             plate_row("Y8XWV43", "24.9", "181") +  // line 11: longitude out of range
                             plate_row("Y8XWV43");                  // line 12: good
    const auto r = dp::import_doorplates_csv(text);
    INFO(dump(r.issues));
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].code == "H5GYFKJ");
    CHECK(r.rows[0].address.full() == "南安市溪美街道溪州社区成功街2号");
    CHECK(r.rows[0].location.lat == doctest::Approx(24.963));
    CHECK(r.rows[1].code == "Y8XWV43");
    CHECK(has_issue(r.issues, 3, "lat", "纬度应在 -90 到 90 之间"));
    CHECK(has_issue(r.issues, 4, "code", "校验位"));
    CHECK(has_issue(r.issues, 5, "code", "格式不对"));
    CHECK(has_issue(r.issues, 6, "code", "与第 2 行重复"));
    CHECK(has_issue(r.issues, 7, "lng", "经度应为数字"));
    CHECK(has_issue(r.issues, 8, "lat", "纬度应为数字"));
    CHECK(has_issue(r.issues, 9, "road", "不能为空"));
    CHECK(has_issue(r.issues, 10, "", "表头有 11 列"));
    CHECK(has_issue(r.issues, 11, "lng", "经度应在 -180 到 180 之间"));
    CHECK(r.issues.size() == 9);
}

TEST_CASE("a missing required column stops the file with a clear message and loads nothing") {
    const auto r = dp::import_doorplates_csv("code,area_id,town_id,county,town,village,road,number,lat\n" + plate_row("H5GYFKJ"));
    CHECK(r.rows.empty());
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].text() == "第 1 行 lng：缺少列 lng");
    const auto empty = dp::import_service_points_csv("");
    CHECK(empty.rows.empty());
    CHECK(has_issue(empty.issues, 1, "", "文件是空的"));
}

TEST_CASE("a UTF-8 BOM, CRLF line ends, reordered and extra columns and quoted fields are read") {
    const std::string text =
        "\xEF\xBB\xBFlng,lat,code,area_id,town_id,county,town,village,road,number,note\r\n"
        "118.392,24.963,H5GYFKJ,350583-101-001,350583-101,南安市,溪美街道,溪州社区,\"成功街\",\"88号\",\"a, \"\"quoted\"\"\r\nnote\"\r\n"
        "\r\n"
        "118.3,24.9,Y8XWV43,350583-101-001,350583-101,南安市,溪美街道,溪州社区,新华街,1号,x\r\n";
    const auto r = dp::import_doorplates_csv(text);
    INFO(dump(r.issues));
    CHECK(r.issues.empty());
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].address.road == "成功街");
    CHECK(r.rows[0].address.number == "88号");
    CHECK(r.rows[0].location.lng == doctest::Approx(118.392));
    CHECK(r.rows[0].address.building == "");
    CHECK(r.rows[1].code == "Y8XWV43");
}

TEST_CASE("a record spanning lines is reported at the line it starts on, and an open quote at its line") {
    const std::string text = kPlateHeader +
                             "H5GYFKJ,350583-101-001,350583-101,南安市,溪美街道,\"溪州\n社区\",成功街,2号,,24.9,118.3\n" +  // lines 2–3
                             plate_row("Y8XWV43", "91") +                                                                      // line 4
                             "Y8XWV43,\"unterminated\n";                                                                        // line 5
    const auto r = dp::import_doorplates_csv(text);
    INFO(dump(r.issues));
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].address.village == "溪州\n社区");
    CHECK(has_issue(r.issues, 4, "lat", "纬度应在"));
    CHECK(has_issue(r.issues, 5, "", "引号没有闭合"));
}

TEST_CASE("service points: types, hours with the parser's message, phones, items and duplicate ids") {
    const std::set<std::string> known = {"id-card-renewal", "residence-permit"};
    const std::string text = kPointHeader + point_row("SP0001") +                                          // 2 good
                             point_row("SP0002", "\"Mx-Fr 08:00-12:00\"") +                                 // 3 bad day
                             point_row("SP0003", "24/7", "bank") +                                           // 4 bad type
                             point_row("SP0001") +                                                           // 5 duplicate
                             point_row("SP0004", "24/7", "kiosk", "\"id-card-renewal;residence-permit\"") +  // 6 good
                             point_row("SP0005", "24/7", "kiosk", "unknown-item") +                          // 7 unknown item
                             point_row("SP0006", "24/7", "kiosk", "Bad_Item!") +                             // 8 bad item id
                             "SP0007,站,village_station,350583-101-001,地址,24.9,118.3,call me,24/7,\n" +     // 9 bad phone
                             point_row("SP0008", "");                                                       // 10 empty hours
    const auto r = dp::import_service_points_csv(text, &known);
    INFO(dump(r.issues));
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].id == "SP0001");
    CHECK(r.rows[0].type == dp::ServicePointType::service_centre);
    CHECK(dp::to_text(r.rows[0].hours) == "Mo-Fr 08:30-12:00,14:30-17:30");
    CHECK(r.rows[1].items == std::vector<std::string>{"id-card-renewal", "residence-permit"});
    CHECK(r.rows[1].hours.always_open());
    const auto parser = dp::parse_opening_hours("Mx-Fr 08:00-12:00");
    REQUIRE(!parser.ok());
    CHECK(has_issue(r.issues, 3, "hours", "营业时间格式不对：" + parser.error));
    CHECK(has_issue(r.issues, 4, "type", "应为 service_centre"));
    CHECK(has_issue(r.issues, 5, "id", "与第 2 行重复"));
    CHECK(has_issue(r.issues, 7, "items", "不在事项目录中"));
    CHECK(has_issue(r.issues, 8, "items", "格式不对"));
    CHECK(has_issue(r.issues, 9, "phone", "电话号码"));
    CHECK(has_issue(r.issues, 10, "hours", "不能为空"));
    CHECK(r.issues.size() == 7);
}

TEST_CASE("service points and doorplates written by the writers read back equal") {
    dp::ServicePoint p;
    p.id = "SP0009";
    p.name = "丰州镇便民服务中心, \"老街\"";
    p.type = dp::ServicePointType::police;
    p.area_id = "350583-115";
    p.address = "南安市丰州镇丰州一路1号";
    p.location = {24.951234, 118.498765};
    p.phone = "0595-86000000";
    p.hours = *dp::parse_opening_hours("Mo-Fr 08:00-12:00,14:30-17:30; 2026-10-01..2026-10-08 off").hours;
    p.items = {"a-item", "b-item"};
    const auto back = dp::import_service_points_csv(dp::service_points_to_csv({p}));
    INFO(dump(back.issues));
    REQUIRE(back.rows.size() == 1);
    CHECK(nlohmann::json(back.rows[0]) == nlohmann::json(p));
}

TEST_CASE("areas: every level, a parent except for the county, duplicate ids, and each row's line") {
    const std::string text = "id,name,kind,parent_id,lat,lng\n"
                             "350583,南安市,county,,24.96,118.386\n"
                             "350583-101,溪美街道,town,350583,24.963,118.386\n"
                             "350583-101-001,溪州社区,community,350583-101,24.963,118.392\n"
                             "350583-101-002,某村,hamlet,350583-101,24.96,118.39\n"
                             "350583-101-003,某村,village,,24.96,118.39\n"
                             "350583-101,溪美街道,town,350583,24.963,118.386\n"
                             "350583-101-004,自己,village,350583-101-004,24.96,118.39\n";
    const auto r = dp::import_areas_csv(text);
    INFO(dump(r.issues));
    REQUIRE(r.rows.size() == 3);
    CHECK(r.origins == std::vector<int>{2, 3, 4});
    CHECK(r.rows[2].parent_id == "350583-101");
    CHECK(r.rows[2].centre.lng == doctest::Approx(118.392));
    CHECK(has_issue(r.issues, 5, "kind", "hamlet"));
    CHECK(has_issue(r.issues, 6, "parent_id", "上级区划"));
    CHECK(has_issue(r.issues, 7, "id", "与第 3 行重复"));
    CHECK(has_issue(r.issues, 8, "parent_id", "不能是自己"));
    CHECK(r.issues.size() == 4);
    const auto back = dp::import_areas_csv(dp::areas_to_csv(r.rows));
    CHECK(back.issues.empty());
    REQUIRE(back.rows.size() == 3);
    CHECK(back.rows[0].kind == "county");
    CHECK(back.rows[1].name == "溪美街道");
}

TEST_CASE("roads from GeoJSON: [lng, lat] order, MultiLineString, properties, and per-feature errors") {
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"溪州路","class":"primary","oneway":true},
       "geometry":{"type":"LineString","coordinates":[[118.39,24.96],[118.391,24.961]]}},
      {"type":"Feature","properties":{"name":"成功街","oneway":"no"},
       "geometry":{"type":"MultiLineString","coordinates":[[[118.39,24.96],[118.39,24.962]],[[118.38,24.96],[118.381,24.96]]]}},
      {"type":"Feature","properties":{"name":"坏路","class":"motorway"},
       "geometry":{"type":"LineString","coordinates":[[118.39,24.96],[118.391,24.961]]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[118.39,24.96]}},
      {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[118.39,24.96]]}},
      {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[118.39,95],[118.39,24.9]]}},
      {"type":"Feature","properties":{"oneway":"maybe"},"geometry":{"type":"LineString","coordinates":[[118.39,24.96],[118.391,24.961]]}},
      {"type":"Feature","properties":{}}
    ]})";
    const auto r = dp::import_roads_geojson(text);
    INFO(dump(r.issues));
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].name == "溪州路");
    CHECK(r.rows[0].road_class == dp::RoadClass::primary);
    CHECK(r.rows[0].oneway);
    CHECK(r.rows[0].line[0].lat == doctest::Approx(24.96));
    CHECK(r.rows[0].line[0].lng == doctest::Approx(118.39));
    CHECK(r.rows[1].name == "成功街");
    CHECK(r.rows[1].road_class == dp::RoadClass::residential);
    CHECK(!r.rows[1].oneway);
    CHECK(r.rows[2].name == "成功街");
    CHECK(has_issue(r.issues, 3, "class", "道路等级"));
    CHECK(has_issue(r.issues, 4, "geometry", "LineString 或 MultiLineString"));
    CHECK(has_issue(r.issues, 5, "geometry", "至少需要两个点"));
    CHECK(has_issue(r.issues, 6, "geometry", "纬度应在 -90 到 90 之间"));
    CHECK(has_issue(r.issues, 7, "oneway", "单行"));
    CHECK(has_issue(r.issues, 8, "geometry", "缺少 geometry"));
    CHECK(r.issues.size() == 6);
}

TEST_CASE("a file that is not a GeoJSON FeatureCollection is one clear issue") {
    CHECK(dp::import_roads_geojson("{not json").issues.at(0).message == "不是有效的 JSON");
    const auto r = dp::import_map_features_geojson(R"({"type":"Feature"})");
    CHECK(r.rows.empty());
    CHECK(has_issue(r.issues, 0, "type", "FeatureCollection"));
}

TEST_CASE("a number where GeoJSON wants a type name is reported, not thrown (a fuzzing finding)") {
    const auto doc = dp::import_roads_geojson(R"({"type":2222,"features":[]})");
    CHECK(doc.rows.empty());
    CHECK(has_issue(doc.issues, 0, "type", "FeatureCollection"));
    const auto geometry = dp::import_roads_geojson(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":7,"coordinates":[]}}]})");
    CHECK(geometry.rows.empty());
    CHECK(has_issue(geometry.issues, 1, "geometry", "LineString"));
}

TEST_CASE("map features: water and boundary polygons, closed rings opened, bad kinds and rings reported") {
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"kind":"water","name":"西溪"},
       "geometry":{"type":"Polygon","coordinates":[[[118.3,24.9],[118.4,24.9],[118.4,24.95],[118.3,24.9]]]}},
      {"type":"Feature","properties":{"kind":"boundary","name":"溪美街道","area_id":"350583-101","area_kind":"town"},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[118.3,24.9],[118.4,24.9],[118.4,24.95]]],[[[118.5,24.9],[118.6,24.9],[118.6,24.95]]]]}},
      {"type":"Feature","properties":{"kind":"park"},"geometry":{"type":"Polygon","coordinates":[[[118.3,24.9],[118.4,24.9],[118.4,24.95]]]}},
      {"type":"Feature","properties":{"kind":"boundary"},"geometry":{"type":"Polygon","coordinates":[[[118.3,24.9],[118.4,24.9],[118.4,24.95]]]}},
      {"type":"Feature","properties":{"kind":"water"},"geometry":{"type":"Polygon","coordinates":[[[118.3,24.9],[118.4,24.9],[118.3,24.9]]]}}
    ]})";
    const auto r = dp::import_map_features_geojson(text);
    INFO(dump(r.issues));
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].kind == "water");
    CHECK(r.rows[0].polygon.size() == 3);  // the closing point is dropped
    CHECK(r.rows[1].area_id == "350583-101");
    CHECK(r.rows[1].area_kind == "town");
    CHECK(r.rows[2].polygon[0].lng == doctest::Approx(118.5));
    CHECK(has_issue(r.issues, 3, "kind", "water 或 boundary"));
    CHECK(has_issue(r.issues, 4, "area_id", "需要 area_id"));
    CHECK(has_issue(r.issues, 5, "geometry", "三个不同的点"));
    CHECK(r.issues.size() == 3);
}
