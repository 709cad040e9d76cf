// The demo county: areas from assets/demo/areas.json, and the doorplates, service points,
// roads and map features that doorplate-gencounty generated at build time, loaded through
// the importers (shared/importers) exactly as real data would be.
#include <fstream>
#include <sstream>

#include "app.hpp"
#include "doorplate.hpp"
#include "importers.hpp"
#include "log.hpp"
#include "places_store.hpp"

namespace dp {

namespace {

std::string read_demo_file(const std::string& dir, const char* name) {
    const std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path +
                                 " (the demo county is generated at build time by doorplate-gencounty: run `make native`, "
                                 "or pass --demo-data DIR)");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

template <class T>
void report(const char* file, const ImportResult<T>& r) {
    for (std::size_t i = 0; i < r.issues.size() && i < 20; ++i)
        log::warn("demo_import_issue", {{"file", file}, {"issue", r.issues[i].text()}});
    if (r.issues.size() > 20) log::warn("demo_import_issues_more", {{"file", file}, {"count", r.issues.size() - 20}});
}

bool table_empty(Db& db, const char* table) {
    auto l = db.lock();
    Stmt c(db, (std::string("SELECT COUNT(*) FROM ") + table).c_str());
    c.step();
    return c.int64(0) == 0;
}

}  // namespace

int seed_demo_county(Db& db, const std::string& assets_dir, const std::string& demo_dir) {
    int created = 0;
    if (table_empty(db, "doorplates")) {
        std::ifstream in(assets_dir + "/demo/areas.json");
        if (!in) throw std::runtime_error("cannot read " + assets_dir + "/demo/areas.json");
        auto data = nlohmann::json::parse(in);
        auto plates = import_doorplates_csv(read_demo_file(demo_dir, "doorplates.csv"));
        report("doorplates.csv", plates);
        db.transaction([&] {
            if (table_empty(db, "areas")) {
                Stmt area(db, "INSERT INTO areas (id, name, kind, parent_id, lat, lng) VALUES (?, ?, ?, ?, ?, ?)");
                for (auto& a : data.at("areas")) {
                    area.reset();
                    area.bind(1, a.at("id").get<std::string>()).bind(2, a.at("name").get<std::string>());
                    area.bind(3, a.at("kind").get<std::string>());
                    if (a.at("parent_id").get<std::string>().empty())
                        area.bind_null(4);
                    else
                        area.bind(4, a.at("parent_id").get<std::string>());
                    area.bind(5, a.at("lat").get<double>()).bind(6, a.at("lng").get<double>());
                    area.step();
                }
            }
            Stmt plate(db,
                       "INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, building, "
                       "lat, lng) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (const auto& d : plates.rows) {
                plate.reset();
                plate.bind(1, d.code).bind(2, d.area_id).bind(3, d.town_id).bind(4, d.address.county);
                plate.bind(5, d.address.town).bind(6, d.address.village).bind(7, d.address.road);
                plate.bind(8, d.address.number).bind(9, d.address.building);
                plate.bind(10, d.location.lat).bind(11, d.location.lng);
                plate.step();
                ++created;
            }
        });
    }
    if (table_empty(db, "service_points")) {
        auto points = import_service_points_csv(read_demo_file(demo_dir, "service_points.csv"));
        report("service_points.csv", points);
        insert_service_points(db, points.rows);
    }
    if (table_empty(db, "roads")) {
        auto roads = import_roads_geojson(read_demo_file(demo_dir, "roads.geojson"));
        report("roads.geojson", roads);
        insert_roads(db, roads.rows);
    }
    if (table_empty(db, "map_features")) {
        auto features = import_map_features_geojson(read_demo_file(demo_dir, "map_features.geojson"));
        report("map_features.geojson", features);
        insert_map_features(db, features.rows);
    }
    if (created > 0) log::info("demo_seeded", {{"doorplates", created}});
    return created;
}

}  // namespace dp
