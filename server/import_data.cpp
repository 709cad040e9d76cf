// Loading areas, doorplates, service points, roads and map features into the database, and the
// --import command (see import_data.hpp).
#include "import_data.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "catalogue_store.hpp"
#include "places_store.hpp"

namespace dp {

namespace {

struct AreaRef {
    std::string kind, parent_id;
};

std::map<std::string, AreaRef> areas_in(Db& db) {
    std::map<std::string, AreaRef> out;
    Stmt q(db, "SELECT id, kind, COALESCE(parent_id, '') FROM areas");
    while (q.step()) out[q.text(0)] = {q.text(1), q.text(2)};
    return out;
}

const char* area_kind_zh(const std::string& kind) {
    if (kind == "county") return "县/市";
    if (kind == "town") return "乡镇/街道";
    if (kind == "village") return "村";
    if (kind == "community") return "社区";
    return "区划";
}

int depth(const std::string& kind) { return kind == "county" ? 0 : kind == "town" ? 1 : 2; }

template <class T>
ImportReport start_report(ImportResult<T>& r) {
    ImportReport rep;
    rep.issues = std::move(r.issues);
    return rep;
}

// The rows written, and the importer's own issues with the database checks in file order.
ImportReport finish(ImportReport& rep, std::size_t loaded) {
    rep.loaded = loaded;
    std::stable_sort(rep.issues.begin(), rep.issues.end(), [](const ImportIssue& a, const ImportIssue& b) {
        return a.line != b.line ? a.line < b.line : a.feature < b.feature;
    });
    return std::move(rep);
}

// A database check's finding on one row: the field and what is wrong.
struct Problem {
    std::string field, message;
};

// The parsed rows that pass `check` (a row → optional<Problem>); each failing row becomes an
// issue at its CSV line or GeoJSON feature.
template <class T, class Check>
std::vector<const T*> rows_passing(const ImportResult<T>& parsed, bool by_feature, ImportReport& rep, Check check) {
    std::vector<const T*> good;
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        if (std::optional<Problem> p = check(parsed.rows[i])) {
            const int at = parsed.origins[i];
            rep.issues.push_back({by_feature ? 0 : at, by_feature ? at : 0, p->field, p->message});
        } else {
            good.push_back(&parsed.rows[i]);
        }
    }
    return good;
}

}  // namespace

ImportReport import_areas(Db& db, std::string_view csv) {
    auto parsed = import_areas_csv(csv);
    ImportReport rep = start_report(parsed);
    auto lock = db.lock();
    auto known = areas_in(db);
    for (const auto& a : parsed.rows) known[a.id] = {a.kind, a.parent_id};  // the file's own rows count as known
    auto good = rows_passing(parsed, false, rep, [&](const Area& a) -> std::optional<Problem> {
        if (a.kind == "county") return std::nullopt;
        auto p = known.find(a.parent_id);
        const std::string want = a.kind == "town" ? "county" : "town";
        if (p == known.end()) return Problem{"parent_id", "没有上级区划 " + a.parent_id + "（先导入它，或写进同一个文件）"};
        if (p->second.kind != want)
            return Problem{"parent_id", a.parent_id + " 是" + area_kind_zh(p->second.kind) + "，" + area_kind_zh(a.kind) +
                                            "的上级应为" + area_kind_zh(want)};
        return std::nullopt;
    });
    // Parents before children (the parent_id reference), whatever the order in the file.
    std::stable_sort(good.begin(), good.end(), [](const Area* a, const Area* b) { return depth(a->kind) < depth(b->kind); });
    db.transaction([&] {
        Stmt up(db,
                "INSERT INTO areas (id, name, kind, parent_id, lat, lng) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id, "
                "lat = excluded.lat, lng = excluded.lng");
        for (const Area* a : good) {
            up.reset();
            up.bind(1, a->id).bind(2, a->name).bind(3, a->kind);
            if (a->kind == "county")
                up.bind_null(4);
            else
                up.bind(4, a->parent_id);
            up.bind(5, a->centre.lat).bind(6, a->centre.lng);
            up.step();
        }
    });
    return finish(rep, good.size());
}

ImportReport import_doorplates(Db& db, std::string_view csv) {
    auto parsed = import_doorplates_csv(csv);
    ImportReport rep = start_report(parsed);
    auto lock = db.lock();
    const auto known = areas_in(db);
    auto good = rows_passing(parsed, false, rep, [&](const Doorplate& d) -> std::optional<Problem> {
        auto a = known.find(d.area_id);
        if (a == known.end()) return Problem{"area_id", "没有这个村（社区）" + d.area_id + "，请先导入区划"};
        if (a->second.kind != "village" && a->second.kind != "community")
            return Problem{"area_id", d.area_id + " 是" + area_kind_zh(a->second.kind) + "，门牌应属于村或社区"};
        if (a->second.parent_id != d.town_id)
            return Problem{"town_id", d.town_id + " 不是 " + d.area_id + " 所属的乡镇/街道（应为 " + a->second.parent_id + "）"};
        return std::nullopt;
    });
    db.transaction([&] {
        Stmt up(db,
                "INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, building, lat, lng) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET area_id = excluded.area_id, "
                "town_id = excluded.town_id, county = excluded.county, town = excluded.town, village = excluded.village, "
                "road = excluded.road, number = excluded.number, building = excluded.building, lat = excluded.lat, "
                "lng = excluded.lng");
        for (const Doorplate* d : good) {
            up.reset();
            up.bind(1, d->code).bind(2, d->area_id).bind(3, d->town_id).bind(4, d->address.county);
            up.bind(5, d->address.town).bind(6, d->address.village).bind(7, d->address.road);
            up.bind(8, d->address.number).bind(9, d->address.building);
            up.bind(10, d->location.lat).bind(11, d->location.lng);
            up.step();
        }
    });
    return finish(rep, good.size());
}

ImportReport import_service_points(Db& db, std::string_view csv, const std::set<std::string>* known_items) {
    auto parsed = import_service_points_csv(csv, known_items);
    ImportReport rep = start_report(parsed);
    auto lock = db.lock();
    const auto known = areas_in(db);
    auto good = rows_passing(parsed, false, rep, [&](const ServicePoint& p) -> std::optional<Problem> {
        if (known.count(p.area_id)) return std::nullopt;
        return Problem{"area_id", "没有这个区划 " + p.area_id + "，请先导入区划"};
    });
    db.transaction([&] {
        Stmt up(db,
                "INSERT INTO service_points (id, name, type, area_id, address, lat, lng, phone, hours) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                "type = excluded.type, area_id = excluded.area_id, address = excluded.address, lat = excluded.lat, "
                "lng = excluded.lng, phone = excluded.phone, hours = excluded.hours");
        Stmt clear(db, "DELETE FROM service_point_items WHERE service_point_id = ?");
        Stmt item(db, "INSERT OR IGNORE INTO service_point_items (service_point_id, item_id) VALUES (?, ?)");
        for (const ServicePoint* p : good) {
            up.reset();
            up.bind(1, p->id).bind(2, p->name).bind(3, std::string(service_point_type_id(p->type)));
            up.bind(4, p->area_id).bind(5, p->address).bind(6, p->location.lat).bind(7, p->location.lng);
            up.bind(8, p->phone).bind(9, to_text(p->hours));
            up.step();
            clear.reset();
            clear.bind(1, p->id);
            clear.step();
            for (const auto& id : p->items) {
                item.reset();
                item.bind(1, p->id).bind(2, id);
                item.step();
            }
        }
    });
    return finish(rep, good.size());
}

ImportReport import_roads(Db& db, std::string_view geojson) {
    auto parsed = import_roads_geojson(geojson);
    ImportReport rep = start_report(parsed);
    if (parsed.rows.empty()) return finish(rep, 0);  // an empty or unreadable file never wipes the network
    db.transaction([&] {
        db.exec("DELETE FROM roads");
        Stmt ins(db, "INSERT INTO roads (name, class, oneway, line) VALUES (?, ?, ?, ?)");
        for (const auto& r : parsed.rows) {
            ins.reset();
            ins.bind(1, r.name).bind(2, std::string(road_class_name(r.road_class))).bind(3, r.oneway ? 1 : 0);
            ins.bind(4, stored_line(r.line));
            ins.step();
        }
    });
    return finish(rep, parsed.rows.size());
}

ImportReport import_map_features(Db& db, std::string_view geojson) {
    auto parsed = import_map_features_geojson(geojson);
    ImportReport rep = start_report(parsed);
    auto lock = db.lock();
    const auto known = areas_in(db);
    auto good = rows_passing(parsed, true, rep, [&](const MapFeature& f) -> std::optional<Problem> {
        if (f.kind != "boundary" || known.count(f.area_id)) return std::nullopt;
        return Problem{"area_id", "没有这个区划 " + f.area_id + "，请先导入区划"};
    });
    if (good.empty()) return finish(rep, 0);
    db.transaction([&] {
        db.exec("DELETE FROM map_features");
        Stmt ins(db, "INSERT INTO map_features (kind, name, area_id, area_kind, polygon) VALUES (?, ?, ?, ?, ?)");
        for (const MapFeature* f : good) {
            ins.reset();
            ins.bind(1, f->kind).bind(2, f->name).bind(3, f->area_id).bind(4, f->area_kind).bind(5, stored_line(f->polygon));
            ins.step();
        }
    });
    return finish(rep, good.size());
}

const std::vector<ImportKind>& import_kinds() {
    static const std::vector<ImportKind> kinds = {
        {"areas", "区划", false, [](Db& db, std::string_view t, const std::set<std::string>*) { return import_areas(db, t); }},
        {"doorplates", "门牌", false,
         [](Db& db, std::string_view t, const std::set<std::string>*) { return import_doorplates(db, t); }},
        {"service-points", "服务网点", true, import_service_points},
        {"roads", "道路", true, [](Db& db, std::string_view t, const std::set<std::string>*) { return import_roads(db, t); }},
        {"map-features", "地图要素", true,
         [](Db& db, std::string_view t, const std::set<std::string>*) { return import_map_features(db, t); }},
    };
    return kinds;
}

const ImportKind* find_import_kind(std::string_view id) {
    for (const auto& k : import_kinds())
        if (id == k.id) return &k;
    return nullptr;
}

int run_import(const ServerConfig& config, const std::vector<ImportJob>& jobs, std::FILE* out, std::FILE* err) {
    Db db(config.db_path);
    std::set<std::string> items;
    const std::set<std::string>* known_items = nullptr;
    if (std::any_of(jobs.begin(), jobs.end(), [](const ImportJob& j) { return j.kind->load == import_service_points; })) {
        try {
            CatalogueStore catalogue;
            catalogue.load(config.catalogue_path, config.assets_dir + "/guides");
            for (const auto& it : catalogue.catalogue().items) items.insert(it.id);
            known_items = &items;
        } catch (const std::exception& e) {
            std::fprintf(err, "doorplate-server: 读不到事项目录（%s），只检查服务网点事项编号的格式\n", e.what());
        }
    }
    int status = 0;
    bool restart = false;
    for (const auto& kind : import_kinds())
        for (const auto& job : jobs) {
            if (job.kind != &kind) continue;
            std::ifstream in(job.path, std::ios::binary);
            if (!in) {
                std::fprintf(err, "%s：无法读取文件\n", job.path.c_str());
                status = 1;
                continue;
            }
            std::ostringstream text;
            text << in.rdbuf();
            const ImportReport rep = kind.load(db, text.str(), known_items);
            for (const auto& issue : rep.issues) std::fprintf(err, "%s %s\n", job.path.c_str(), issue.text().c_str());
            std::fprintf(out, "%s（%s）：导入 %zu 条", job.path.c_str(), kind.name_zh, rep.loaded);
            if (!rep.issues.empty()) std::fprintf(out, "，%zu 个问题（见上），有问题的行未导入", rep.issues.size());
            if (rep.file_rejected()) std::fprintf(out, "；整个文件未导入");
            std::fprintf(out, "\n");
            if (!rep.issues.empty()) status = 1;
            if (rep.loaded > 0 && kind.read_at_start_up) restart = true;
        }
    if (restart) std::fprintf(out, "服务网点、道路和地图要素在服务重启后生效。\n");
    return status;
}

}  // namespace dp
