// Loading real data into the database: areas, doorplates, service points, roads and map
// features read by the shared importers, checked against what the database already holds (an
// area's parent, a doorplate's village and town, a place's area and items), written in one
// transaction per file. `doorplate-server --import KIND FILE` and the demo seeding use it.
#pragma once
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "db.hpp"
#include "importers.hpp"

namespace dp {

// What one file gave: rows written, and every problem (bad rows are skipped, good rows load).
struct ImportReport {
    std::size_t loaded = 0;
    std::vector<ImportIssue> issues;  // by line (or feature), in file order
    // Nothing loaded, because of the issues (a missing column, not GeoJSON, no good row).
    bool file_rejected() const { return loaded == 0 && !issues.empty(); }
};

// Each writes the file's good rows and returns the report. Areas, doorplates and service points
// are added or updated by their id/code; roads and map features replace the whole network
// (a file is the complete network) unless no feature in it was good. known_items: the
// catalogue's item ids, to check a place's items against (null: only their form is checked).
ImportReport import_areas(Db& db, std::string_view csv);
ImportReport import_doorplates(Db& db, std::string_view csv);
ImportReport import_service_points(Db& db, std::string_view csv, const std::set<std::string>* known_items);
ImportReport import_roads(Db& db, std::string_view geojson);
ImportReport import_map_features(Db& db, std::string_view geojson);

// One kind of file --import takes. import_kinds() lists them in the order they must load
// (doorplates need their areas, places their areas).
struct ImportKind {
    const char* id;         // "areas", "doorplates", "service-points", "roads", "map-features"
    const char* name_zh;    // 区划, 门牌, 服务网点, 道路, 地图要素
    bool read_at_start_up;  // a running server reads it only when it starts (places, roads, map features)
    ImportReport (*load)(Db& db, std::string_view text, const std::set<std::string>* known_items);
};
const std::vector<ImportKind>& import_kinds();
const ImportKind* find_import_kind(std::string_view id);  // null when unknown

struct ImportJob {
    const ImportKind* kind;
    std::string path;
};

// --import: runs the jobs in import_kinds() order, prints every issue (file, line, field) to
// `err` and a summary line per file to `out`. Returns 0 when every row loaded, 1 when a row
// was skipped or a file could not be read (the good rows are kept either way).
int run_import(const ServerConfig& config, const std::vector<ImportJob>& jobs, std::FILE* out, std::FILE* err);

}  // namespace dp
