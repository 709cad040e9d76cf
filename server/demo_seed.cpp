// The demo county that doorplate-gencounty generated at build time (areas, doorplates, service
// points, roads, map features), loaded through import_data exactly as real data would be.
#include <fstream>
#include <sstream>

#include "app.hpp"
#include "import_data.hpp"
#include "log.hpp"

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

void report(const char* file, const ImportReport& r) {
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

int seed_demo_county(Db& db, const std::string& demo_dir) {
    int created = 0;
    if (table_empty(db, "doorplates")) {
        if (table_empty(db, "areas")) report("areas.csv", import_areas(db, read_demo_file(demo_dir, "areas.csv")));
        const ImportReport plates = import_doorplates(db, read_demo_file(demo_dir, "doorplates.csv"));
        report("doorplates.csv", plates);
        created = static_cast<int>(plates.loaded);
    }
    if (table_empty(db, "service_points"))
        report("service_points.csv", import_service_points(db, read_demo_file(demo_dir, "service_points.csv"), nullptr));
    if (table_empty(db, "roads")) report("roads.geojson", import_roads(db, read_demo_file(demo_dir, "roads.geojson")));
    if (table_empty(db, "map_features"))
        report("map_features.geojson", import_map_features(db, read_demo_file(demo_dir, "map_features.geojson")));
    if (created > 0) log::info("demo_seeded", {{"doorplates", created}});
    return created;
}

}  // namespace dp
