// Tests of loading real data (server/import_data): areas, doorplates, service points, roads and
// map features into a real SQLite file, the checks against what the database holds, and
// `doorplate-server --import` end to end (the server then serves what was imported).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "db.hpp"
#include "import_data.hpp"
#include "server_process.hpp"

namespace {

namespace fs = std::filesystem;

std::string demo_file(const char* name) {
    std::ifstream in(std::string(DP_DEMO_DIR) + "/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

int64_t count(dp::Db& db, const char* sql) {
    dp::Stmt q(db, sql);
    q.step();
    return q.int64(0);
}

std::vector<std::string> texts(const dp::ImportReport& r) {
    std::vector<std::string> out;
    for (const auto& i : r.issues) out.push_back(i.text());
    return out;
}

const char* kAreasHeader = "id,name,kind,parent_id,lat,lng\n";
const char* kPlatesHeader = "code,area_id,town_id,county,town,village,road,number,building,lat,lng\n";
const char* kPointsHeader = "id,name,type,area_id,address,lat,lng,phone,hours,items\n";

// A county with one town and one village, listed children first (the import orders them).
const char* kSmallAreas =
        "350583-901-001,新村,village,350583-901,24.90,118.30\n"
        "350583-901,新镇,town,350583,24.91,118.31\n"
        "350583,南安市,county,,24.96,118.386\n";

}  // namespace

TEST_CASE("areas load parents before children whatever their order, and a missing or wrong parent is named") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    dp::Db db((dir / "i.db").string());
    auto ok = dp::import_areas(db, std::string(kAreasHeader) + kSmallAreas);
    CHECK(ok.issues.empty());
    CHECK(ok.loaded == 3);
    CHECK(count(db, "SELECT COUNT(*) FROM areas WHERE id = '350583-901-001' AND parent_id = '350583-901'") == 1);

    auto bad = dp::import_areas(db, std::string(kAreasHeader) +
                                            "350583-901-002,二村,village,350583-909,24.9,118.3\n"  // line 2
                                            "350583-901-003,三村,village,350583,24.9,118.3\n"      // line 3
                                            "350583-901-004,四村,hamlet,350583-901,24.9,118.3\n"   // line 4
                                            "350583-901-005,五村,village,350583-901,24.9,118.3\n");
    CHECK(bad.loaded == 1);
    CHECK(texts(bad) == std::vector<std::string>{
                                "第 2 行 parent_id：没有上级区划 350583-909（先导入它，或写进同一个文件）",
                                "第 3 行 parent_id：350583 是县/市，村的上级应为乡镇/街道",
                                "第 4 行 kind：层级“hamlet”不对：应为 county（县/市）、town（乡镇/街道）、village（村）或 community（社区）"});
    CHECK(count(db, "SELECT COUNT(*) FROM areas") == 4);
    fs::remove_all(dir);
}

TEST_CASE("a doorplate must name a village of the database and that village's town; the good rows still load") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    dp::Db db((dir / "i.db").string());
    dp::import_areas(db, demo_file("areas.csv"));
    const std::string csv = std::string(kPlatesHeader) +
                            "H5GYFKJ,350583-101-001,350583-101,南安市,溪美街道,溪州社区,成功街,2号,10幢,24.964457,118.392944\n"
                            "Y8XWV43,350583-999-001,350583-999,南安市,某镇,某村,某路,1号,,24.96,118.39\n"  // unknown village
                            "Z3W435S,350583-101-001,350583-102,南安市,溪美街道,溪州社区,成功街,13号,8幢,24.96,118.39\n"  // wrong town
                            "KRH8SJE,350583-101,350583,南安市,溪美街道,溪州社区,成功街,11号,,24.96,118.39\n"  // a town, not a village
                            "H5GYFKK,350583-101-001,350583-101,南安市,溪美街道,溪州社区,成功街,2号,,91,118.39\n";  // check char, lat
    auto r = dp::import_doorplates(db, csv);
    CHECK(r.loaded == 1);
    CHECK(texts(r) == std::vector<std::string>{
                              "第 3 行 area_id：没有这个村（社区）350583-999-001，请先导入区划",
                              "第 4 行 town_id：350583-102 不是 350583-101-001 所属的乡镇/街道（应为 350583-101）",
                              "第 5 行 area_id：350583-101 是乡镇/街道，门牌应属于村或社区",
                              "第 6 行 code：门牌码 H5GYFKK 的校验位不对",
                              "第 6 行 lat：纬度应在 -90 到 90 之间"});
    CHECK(count(db, "SELECT COUNT(*) FROM doorplates WHERE code = 'H5GYFKJ' AND building = '10幢'") == 1);

    // Imported again with a corrected address: the doorplate is updated, not duplicated.
    auto again = dp::import_doorplates(db, std::string(kPlatesHeader) +
                                                   "H5GYFKJ,350583-101-001,350583-101,南安市,溪美街道,溪州社区,成功街,2号,12幢,24.964457,118.392944\n");
    CHECK(again.issues.empty());
    CHECK(count(db, "SELECT COUNT(*) FROM doorplates") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM doorplates WHERE building = '12幢'") == 1);
    fs::remove_all(dir);
}

TEST_CASE("service points are updated by id with their items replaced, and items must be in the catalogue") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    dp::Db db((dir / "i.db").string());
    dp::import_areas(db, demo_file("areas.csv"));
    const std::set<std::string> catalogue = {"id-card-renewal", "residence-permit", "social-security-card"};
    auto first = dp::import_service_points(
            db,
            std::string(kPointsHeader) +
                    "SP9001,溪美派出所,police,350583-101,南安市溪美街道溪美四路14号,24.963,118.388,0595-86374143,"
                    "Mo-Fr 08:00-12:00,id-card-renewal;residence-permit\n"
                    "SP9002,某站,village_station,350583-777,南安市某地,24.9,118.3,,24/7,\n"  // unknown area
                    "SP9003,某站,village_station,350583-101-001,南安市某地,24.9,118.3,,24/7,no-such-item\n",
            &catalogue);
    CHECK(first.loaded == 1);
    REQUIRE(first.issues.size() == 2);
    CHECK(first.issues[0].text() == "第 3 行 area_id：没有这个区划 350583-777，请先导入区划");
    CHECK(first.issues[1].line == 4);
    CHECK(first.issues[1].field == "items");
    CHECK(count(db, "SELECT COUNT(*) FROM service_point_items WHERE service_point_id = 'SP9001'") == 2);

    auto second = dp::import_service_points(
            db,
            std::string(kPointsHeader) +
                    "SP9001,南安市公安局溪美派出所,police,350583-101,南安市溪美街道溪美四路14号,24.963,118.388,"
                    "0595-86374143,Mo-Sa 08:00-12:00,social-security-card\n",
            &catalogue);
    CHECK(second.issues.empty());
    CHECK(count(db, "SELECT COUNT(*) FROM service_points") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM service_points WHERE name = '南安市公安局溪美派出所' AND hours = 'Mo-Sa 08:00-12:00'") == 1);
    CHECK(count(db, "SELECT COUNT(*) FROM service_point_items WHERE service_point_id = 'SP9001'") == 1);
    fs::remove_all(dir);
}

TEST_CASE("a road file replaces the network, but one without a single good road leaves it as it was") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    dp::Db db((dir / "i.db").string());
    auto demo = dp::import_roads(db, demo_file("roads.geojson"));
    CHECK(demo.issues.empty());
    CHECK(demo.loaded >= 400);
    const std::string two =
            R"({"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"溪州路","class":"primary"},
               "geometry":{"type":"LineString","coordinates":[[118.39,24.96],[118.40,24.96]]}},
              {"type":"Feature","properties":{"name":"坏路"},"geometry":{"type":"Point","coordinates":[118.39,24.96]}},
              {"type":"Feature","properties":{"name":"新华街"},
               "geometry":{"type":"LineString","coordinates":[[118.40,24.96],[118.40,24.97]]}}]})";
    auto r = dp::import_roads(db, two);
    CHECK(r.loaded == 2);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].text() == "第 2 个要素 geometry：几何类型应为 LineString 或 MultiLineString，而不是“Point”");
    CHECK(count(db, "SELECT COUNT(*) FROM roads") == 2);

    auto none = dp::import_roads(db, R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]})");
    CHECK(none.loaded == 0);
    CHECK(none.file_rejected());
    CHECK(count(db, "SELECT COUNT(*) FROM roads") == 2);
    auto broken = dp::import_roads(db, "not json");
    CHECK(texts(broken) == std::vector<std::string>{"不是有效的 JSON"});
    CHECK(count(db, "SELECT COUNT(*) FROM roads") == 2);
    fs::remove_all(dir);
}

TEST_CASE("a boundary must name an area of the database") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    dp::Db db((dir / "i.db").string());
    dp::import_areas(db, std::string(kAreasHeader) + kSmallAreas);
    auto r = dp::import_map_features(db, R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"water","name":"西溪"},
         "geometry":{"type":"Polygon","coordinates":[[[118.3,24.9],[118.31,24.9],[118.31,24.91],[118.3,24.9]]]}},
        {"type":"Feature","properties":{"kind":"boundary","name":"某镇","area_id":"350583-555","area_kind":"town"},
         "geometry":{"type":"Polygon","coordinates":[[[118.3,24.9],[118.31,24.9],[118.31,24.91],[118.3,24.9]]]}}]})");
    CHECK(r.loaded == 1);
    CHECK(texts(r) == std::vector<std::string>{"第 2 个要素 area_id：没有这个区划 350583-555，请先导入区划"});
    CHECK(count(db, "SELECT COUNT(*) FROM map_features WHERE kind = 'water'") == 1);
    fs::remove_all(dir);
}

TEST_CASE("--import loads the five files into a new database in dependency order, and the server serves them") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    const std::string db = (dir / "real.db").string();
    const std::string demo = DP_DEMO_DIR;
    // Given doorplates before areas on the command line: areas still load first.
    auto [status, out] = testing::run_server_command(
            {"--db", db, "--catalogue", DP_CATALOGUE_JSON, "--assets", std::string(DP_SOURCE_DIR) + "/assets",
             "--import", "doorplates", demo + "/doorplates.csv", "--import", "areas", demo + "/areas.csv",
             "--import", "service-points", demo + "/service_points.csv", "--import", "roads", demo + "/roads.geojson",
             "--import", "map-features", demo + "/map_features.geojson"});
    CHECK_MESSAGE(status == 0, out);
    CHECK(out.find("areas.csv（区划）：导入 80 条") != std::string::npos);
    CHECK(out.find("doorplates.csv（门牌）：导入 2304 条") != std::string::npos);
    CHECK(out.find("service_points.csv（服务网点）：导入 128 条") != std::string::npos);
    CHECK(out.find("服务重启后生效") != std::string::npos);

    testing::ServerProcess server({}, dir / "real.db");  // no --demo: only what was imported
    auto c = server.client();
    auto list = c.Get("/api/v1/doorplates?limit=1");
    REQUIRE(list);
    CHECK(nlohmann::json::parse(list->body)["total"] == 2304);
    auto route = c.Get("/api/v1/route?from=24.964457,118.392944&to=SP0003&mode=walk");
    REQUIRE(route);
    CHECK(route->status == 200);
    CHECK(nlohmann::json::parse(route->body)["steps"].size() >= 2);
    fs::remove_all(dir);
}

TEST_CASE("--import reports bad rows by file, line and field, exits 1, and keeps the good rows") {
    auto dir = testing::make_temp_dir("doorplate-import-");
    const std::string db = (dir / "real.db").string();
    const std::string areas = write(dir / "areas.csv", std::string(kAreasHeader) + kSmallAreas);
    const std::string plates = write(dir / "plates.csv", std::string(kPlatesHeader) +
                                                                 "H5GYFKJ,350583-901-001,350583-901,南安市,新镇,新村,新路,1号,,24.9,118.3\n"
                                                                 "Y8XWV43,350583-901-001,350583-901,南安市,新镇,新村,新路,,,24.9,118.3\n");
    auto [status, out] = testing::run_server_command(
            {"--db", db, "--import", "areas", areas, "--import", "doorplates", plates});
    CHECK(status == 1);
    CHECK(out.find(plates + " 第 3 行 number：不能为空") != std::string::npos);
    CHECK(out.find("plates.csv（门牌）：导入 1 条，1 个问题（见上），有问题的行未导入") != std::string::npos);
    dp::Db check(db);
    CHECK(count(check, "SELECT COUNT(*) FROM doorplates") == 1);

    auto missing = testing::run_server_command({"--db", db, "--import", "roads", (dir / "none.geojson").string()});
    CHECK(missing.first == 1);
    CHECK(missing.second.find("none.geojson：无法读取文件") != std::string::npos);
    auto kind = testing::run_server_command({"--db", db, "--import", "lakes", areas});
    CHECK(kind.first == 2);
    CHECK(kind.second.find("--import KIND must be areas, doorplates, service-points, roads or map-features") != std::string::npos);
    fs::remove_all(dir);
}
