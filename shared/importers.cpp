// CSV and GeoJSON importers and writers (see importers.hpp).
#include "importers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "csv.hpp"

namespace dp {

std::string ImportIssue::text() const {
    std::string where;
    if (line > 0)
        where = "第 " + std::to_string(line) + " 行";
    else if (feature > 0)
        where = "第 " + std::to_string(feature) + " 个要素";
    if (!field.empty()) where += where.empty() ? field : " " + field;
    if (where.empty()) return message;
    return where + "：" + message;
}

namespace {

// ---- CSV tables ----

struct Table {
    std::map<std::string, size_t> columns;
    std::vector<CsvRecord> rows;
    size_t header_size = 0;
    bool ok = false;
};

Table read_table(std::string_view text, const std::vector<std::string>& required, std::vector<ImportIssue>& issues) {
    Table t;
    CsvParse csv = parse_csv(text);
    for (const auto& e : csv.errors) issues.push_back({e.line, 0, "", e.message});
    if (csv.records.empty()) {
        issues.push_back({1, 0, "", "文件是空的：第一行应为列名"});
        return t;
    }
    const CsvRecord& header = csv.records.front();
    t.header_size = header.fields.size();
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const std::string& name = header.fields[i];
        if (name.empty()) continue;
        if (t.columns.count(name))
            issues.push_back({header.line, 0, name, "列名重复"});
        else
            t.columns[name] = i;
    }
    bool missing = false;
    for (const auto& r : required)
        if (!t.columns.count(r)) {
            issues.push_back({header.line, 0, r, "缺少列 " + r});
            missing = true;
        }
    if (missing) return t;
    t.rows.assign(csv.records.begin() + 1, csv.records.end());
    t.ok = true;
    return t;
}

struct RowReader {
    const Table& table;
    const CsvRecord& rec;
    std::vector<ImportIssue>& issues;
    size_t header_size;
    bool bad = false;

    void fail(const std::string& field, const std::string& message) {
        issues.push_back({rec.line, 0, field, message});
        bad = true;
    }
    bool has(const std::string& col) const { return table.columns.count(col) > 0; }
    std::string get(const std::string& col) const {
        auto it = table.columns.find(col);
        if (it == table.columns.end() || it->second >= rec.fields.size()) return "";
        return rec.fields[it->second];
    }
    std::string required(const std::string& col) {
        std::string v = get(col);
        if (v.empty()) fail(col, "不能为空");
        return v;
    }
    double coordinate(const std::string& col, bool latitude) {
        const std::string v = get(col);
        const char* what = latitude ? "纬度" : "经度";
        if (v.empty()) {
            fail(col, std::string(what) + "不能为空");
            return 0;
        }
        auto d = parse_number(v);
        if (!d) {
            fail(col, std::string(what) + "应为数字，而不是“" + v + "”");
            return 0;
        }
        const double limit = latitude ? 90 : 180;
        if (*d < -limit || *d > limit) {
            fail(col, std::string(what) + (latitude ? "应在 -90 到 90 之间" : "应在 -180 到 180 之间"));
            return 0;
        }
        return *d;
    }
    static std::optional<double> parse_number(const std::string& v) {
        if (v.empty() || v.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size() || !std::isfinite(d)) return std::nullopt;
        return d;
    }
};

bool field_count_ok(const CsvRecord& rec, size_t header_size, std::vector<ImportIssue>& issues) {
    if (rec.fields.size() == header_size) return true;
    issues.push_back({rec.line, 0, "",
                      "本行有 " + std::to_string(rec.fields.size()) + " 个字段，表头有 " +
                          std::to_string(header_size) + " 列"});
    return false;
}

bool valid_item_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

bool valid_phone(const std::string& p) {
    if (p.size() < 3 || p.size() > 24) return false;
    for (char c : p)
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ')) return false;
    return true;
}

// ---- GeoJSON ----

// A string member of a JSON object; "" when absent, null or not a string (a number where a
// string belongs is reported by the caller, never thrown).
std::string json_string_prop(const nlohmann::json& props, const char* key) {
    if (!props.is_object() || !props.contains(key) || !props[key].is_string()) return "";
    return props[key].get<std::string>();
}

// A feature's geometry object; a feature without one is reported (by its 1-based index) and
// nullptr returned.
const nlohmann::json* feature_geometry(const nlohmann::json& f, int index, std::vector<ImportIssue>& issues) {
    if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object()) {
        issues.push_back({0, index, "geometry", "缺少 geometry"});
        return nullptr;
    }
    return &f["geometry"];
}

// A feature's properties ({} when absent or not an object).
nlohmann::json feature_properties(const nlohmann::json& f) {
    return f.contains("properties") && f["properties"].is_object() ? f["properties"] : nlohmann::json::object();
}

std::optional<nlohmann::json> parse_feature_collection(std::string_view text, std::vector<ImportIssue>& issues) {
    nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        issues.push_back({0, 0, "", "不是有效的 JSON"});
        return std::nullopt;
    }
    if (!doc.is_object() || json_string_prop(doc, "type") != "FeatureCollection" || !doc.contains("features") ||
        !doc["features"].is_array()) {
        issues.push_back({0, 0, "type", "应为 GeoJSON FeatureCollection（含 features 数组）"});
        return std::nullopt;
    }
    return doc;
}

// Calls fn(index, type, geometry, properties) for each feature of a FeatureCollection that has a
// geometry object (the others are reported); `index` (from 1) names the feature in issues.
template <class Fn>
void for_each_feature(std::string_view text, std::vector<ImportIssue>& issues, Fn fn) {
    auto doc = parse_feature_collection(text, issues);
    if (!doc) return;
    int index = 0;
    for (const auto& f : (*doc)["features"]) {
        ++index;
        const nlohmann::json* geometry = feature_geometry(f, index, issues);
        if (!geometry) continue;
        fn(index, json_string_prop(*geometry, "type"), *geometry, feature_properties(f));
    }
}

// [lng, lat] positions → LatLng; nullopt (with an issue) on a bad position.
std::optional<std::vector<LatLng>> read_positions(const nlohmann::json& coords, int feature,
                                                  std::vector<ImportIssue>& issues) {
    if (!coords.is_array()) {
        issues.push_back({0, feature, "geometry", "coordinates 应为坐标数组"});
        return std::nullopt;
    }
    std::vector<LatLng> out;
    for (size_t i = 0; i < coords.size(); ++i) {
        const auto& p = coords[i];
        if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
            issues.push_back({0, feature, "geometry", "第 " + std::to_string(i + 1) + " 个坐标应为 [经度, 纬度]"});
            return std::nullopt;
        }
        const double lng = p[0].get<double>(), lat = p[1].get<double>();
        if (!std::isfinite(lat) || lat < -90 || lat > 90) {
            issues.push_back({0, feature, "geometry", "第 " + std::to_string(i + 1) + " 个坐标的纬度应在 -90 到 90 之间"});
            return std::nullopt;
        }
        if (!std::isfinite(lng) || lng < -180 || lng > 180) {
            issues.push_back({0, feature, "geometry", "第 " + std::to_string(i + 1) + " 个坐标的经度应在 -180 到 180 之间"});
            return std::nullopt;
        }
        out.push_back({lat, lng});
    }
    return out;
}

nlohmann::json positions_json(const std::vector<LatLng>& line) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& p : line) a.push_back({p.lng, p.lat});
    return a;
}


}  // namespace

// ---- areas ----

ImportResult<Area> import_areas_csv(std::string_view text) {
    ImportResult<Area> out;
    Table t = read_table(text, {"id", "name", "kind", "parent_id", "lat", "lng"}, out.issues);
    if (!t.ok) return out;
    std::map<std::string, int> seen;
    for (const auto& rec : t.rows) {
        if (!field_count_ok(rec, t.header_size, out.issues)) continue;
        RowReader r{t, rec, out.issues, t.header_size};
        Area a;
        a.id = r.required("id");
        if (!a.id.empty() && seen.count(a.id))
            r.fail("id", "区划编号 " + a.id + " 与第 " + std::to_string(seen[a.id]) + " 行重复");
        a.name = r.required("name");
        a.kind = r.required("kind");
        if (!a.kind.empty() && a.kind != "county" && a.kind != "town" && a.kind != "village" && a.kind != "community")
            r.fail("kind", "层级“" + a.kind + "”不对：应为 county（县/市）、town（乡镇/街道）、village（村）或 community（社区）");
        a.parent_id = r.get("parent_id");
        if (a.kind != "county" && !a.kind.empty() && a.parent_id.empty()) r.fail("parent_id", "除县/市外都要写上级区划编号");
        if (!a.parent_id.empty() && a.parent_id == a.id) r.fail("parent_id", "上级区划不能是自己");
        a.centre.lat = r.coordinate("lat", true);
        a.centre.lng = r.coordinate("lng", false);
        if (r.bad) continue;
        seen[a.id] = rec.line;
        out.add(std::move(a), rec.line);
    }
    return out;
}

std::string areas_to_csv(const std::vector<Area>& areas) {
    std::string out = csv_row({"id", "name", "kind", "parent_id", "lat", "lng"});
    for (const auto& a : areas) {
        nlohmann::json lat = a.centre.lat, lng = a.centre.lng;
        out += csv_row({a.id, a.name, a.kind, a.parent_id, lat.dump(), lng.dump()});
    }
    return out;
}

// ---- doorplates ----

ImportResult<Doorplate> import_doorplates_csv(std::string_view text) {
    ImportResult<Doorplate> out;
    const std::vector<std::string> required = {"code", "area_id", "town_id", "county", "town",
                                               "village", "road", "number", "lat", "lng"};
    Table t = read_table(text, required, out.issues);
    if (!t.ok) return out;
    const size_t header_size = t.header_size;
    std::map<std::string, int> seen;
    for (const auto& rec : t.rows) {
        if (!field_count_ok(rec, header_size, out.issues)) continue;
        RowReader r{t, rec, out.issues, header_size};
        Doorplate d;
        d.code = r.required("code");
        if (!d.code.empty()) {
            if (!is_plausible_doorplate_code(d.code))
                r.fail("code", "门牌码格式不对：应为4到16位大写字母或数字");
            else if (!doorplate_code_has_valid_check(d.code))
                r.fail("code", "门牌码 " + d.code + " 的校验位不对");
            else if (seen.count(d.code))
                r.fail("code", "门牌码 " + d.code + " 与第 " + std::to_string(seen[d.code]) + " 行重复");
        }
        d.area_id = r.required("area_id");
        d.town_id = r.required("town_id");
        d.address.county = r.required("county");
        d.address.town = r.required("town");
        d.address.village = r.required("village");
        d.address.road = r.required("road");
        d.address.number = r.required("number");
        d.address.building = r.get("building");
        d.location.lat = r.coordinate("lat", true);
        d.location.lng = r.coordinate("lng", false);
        if (r.bad) continue;
        seen[d.code] = rec.line;
        out.add(std::move(d), rec.line);
    }
    return out;
}

std::string doorplates_to_csv(const std::vector<Doorplate>& doorplates) {
    std::string out = csv_row({"code", "area_id", "town_id", "county", "town", "village", "road", "number",
                               "building", "lat", "lng"});
    for (const auto& d : doorplates) {
        const auto num = [](double v) {
            nlohmann::json j = v;
            return j.dump();
        };
        out += csv_row({d.code, d.area_id, d.town_id, d.address.county, d.address.town, d.address.village,
                        d.address.road, d.address.number, d.address.building, num(d.location.lat),
                        num(d.location.lng)});
    }
    return out;
}

// ---- service points ----

ImportResult<ServicePoint> import_service_points_csv(std::string_view text, const std::set<std::string>* known_items) {
    ImportResult<ServicePoint> out;
    const std::vector<std::string> required = {"id", "name", "type", "area_id", "address", "lat", "lng", "hours"};
    Table t = read_table(text, required, out.issues);
    if (!t.ok) return out;
    const size_t header_size = t.header_size;
    std::map<std::string, int> seen;
    for (const auto& rec : t.rows) {
        if (!field_count_ok(rec, header_size, out.issues)) continue;
        RowReader r{t, rec, out.issues, header_size};
        ServicePoint p;
        p.id = r.required("id");
        if (!p.id.empty() && seen.count(p.id))
            r.fail("id", "编号 " + p.id + " 与第 " + std::to_string(seen[p.id]) + " 行重复");
        p.name = r.required("name");
        const std::string type = r.required("type");
        if (!type.empty()) {
            if (auto ty = service_point_type_from_id(type))
                p.type = *ty;
            else
                r.fail("type", "类型“" + type +
                                   "”不对：应为 service_centre、village_station、police、market_supervision 或 kiosk");
        }
        p.area_id = r.required("area_id");
        p.address = r.required("address");
        p.location.lat = r.coordinate("lat", true);
        p.location.lng = r.coordinate("lng", false);
        p.phone = r.get("phone");
        if (!p.phone.empty() && !valid_phone(p.phone)) r.fail("phone", "电话号码只能包含数字和连字符，如 0595-86383000");
        const std::string hours = r.required("hours");
        if (!hours.empty()) {
            const auto parsed = parse_opening_hours(hours);
            if (parsed.ok())
                p.hours = *parsed.hours;
            else
                r.fail("hours", "营业时间格式不对：" + parsed.error +
                                    (parsed.offending.empty() ? "" : "（“" + parsed.offending + "”）"));
        }
        const std::string items = r.get("items");
        size_t b = 0;
        while (b <= items.size() && !items.empty()) {
            size_t e = items.find(';', b);
            if (e == std::string::npos) e = items.size();
            std::string id = items.substr(b, e - b);
            while (!id.empty() && (id.front() == ' ')) id.erase(id.begin());
            while (!id.empty() && (id.back() == ' ')) id.pop_back();
            if (!id.empty()) {
                if (!valid_item_id(id))
                    r.fail("items", "事项编号“" + id + "”格式不对：只能用小写字母、数字和连字符");
                else if (known_items && !known_items->count(id))
                    r.fail("items", "事项“" + id + "”不在事项目录中");
                else
                    p.items.push_back(id);
            }
            b = e + 1;
        }
        std::sort(p.items.begin(), p.items.end());
        p.items.erase(std::unique(p.items.begin(), p.items.end()), p.items.end());
        if (r.bad) continue;
        seen[p.id] = rec.line;
        out.add(std::move(p), rec.line);
    }
    return out;
}

std::string service_points_to_csv(const std::vector<ServicePoint>& points) {
    std::string out =
        csv_row({"id", "name", "type", "area_id", "address", "lat", "lng", "phone", "hours", "items"});
    for (const auto& p : points) {
        std::string items;
        for (size_t i = 0; i < p.items.size(); ++i) items += (i ? ";" : "") + p.items[i];
        nlohmann::json lat = p.location.lat, lng = p.location.lng;
        out += csv_row({p.id, p.name, service_point_type_id(p.type), p.area_id, p.address, lat.dump(), lng.dump(),
                        p.phone, to_text(p.hours), items});
    }
    return out;
}

// ---- roads ----

ImportResult<Road> import_roads_geojson(std::string_view text) {
    ImportResult<Road> out;
    for_each_feature(text, out.issues, [&out](int index, const std::string& type, const nlohmann::json& g,
                                              const nlohmann::json& props) {
        Road base;
        base.name = json_string_prop(props, "name");
        bool bad = false;
        if (props.contains("class") && !props["class"].is_null()) {
            const std::string cls = props["class"].is_string() ? props["class"].get<std::string>() : "";
            if (auto c = road_class_from_name(cls))
                base.road_class = *c;
            else {
                out.issues.push_back({0, index, "class",
                                      "道路等级“" + cls + "”不对：应为 trunk、primary、secondary、tertiary、residential 或 path"});
                bad = true;
            }
        }
        if (props.contains("oneway") && !props["oneway"].is_null()) {
            const auto& o = props["oneway"];
            if (o.is_boolean())
                base.oneway = o.get<bool>();
            else if (o.is_number_integer() && (o.get<int>() == 0 || o.get<int>() == 1))
                base.oneway = o.get<int>() == 1;
            else if (o.is_string() && (o == "yes" || o == "no" || o == "true" || o == "false"))
                base.oneway = o == "yes" || o == "true";
            else {
                out.issues.push_back({0, index, "oneway", "单行标记应为 true 或 false"});
                bad = true;
            }
        }
        std::vector<nlohmann::json> lines;
        if (type == "LineString")
            lines.push_back(g.value("coordinates", nlohmann::json()));
        else if (type == "MultiLineString" && g.contains("coordinates") && g["coordinates"].is_array())
            for (const auto& l : g["coordinates"]) lines.push_back(l);
        else {
            out.issues.push_back({0, index, "geometry", "几何类型应为 LineString 或 MultiLineString，而不是“" + type + "”"});
            return;
        }
        if (bad) return;
        std::vector<Road> roads;
        for (const auto& l : lines) {
            auto pts = read_positions(l, index, out.issues);
            if (!pts) {
                bad = true;
                break;
            }
            if (pts->size() < 2) {
                out.issues.push_back({0, index, "geometry", "道路线至少需要两个点"});
                bad = true;
                break;
            }
            Road r = base;
            r.line = std::move(*pts);
            roads.push_back(std::move(r));
        }
        if (bad) return;
        for (auto& r : roads) out.add(std::move(r), index);
    });
    return out;
}

std::string roads_to_geojson(const std::vector<Road>& roads) {
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (size_t i = 0; i < roads.size(); ++i) {
        const Road& r = roads[i];
        nlohmann::json f = {{"type", "Feature"},
                            {"properties", {{"name", r.name}, {"class", road_class_name(r.road_class)}, {"oneway", r.oneway}}},
                            {"geometry", {{"type", "LineString"}, {"coordinates", positions_json(r.line)}}}};
        out += f.dump();
        out += i + 1 < roads.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

// ---- map features ----

ImportResult<MapFeature> import_map_features_geojson(std::string_view text) {
    ImportResult<MapFeature> out;
    for_each_feature(text, out.issues, [&out](int index, const std::string& type, const nlohmann::json& g,
                                              const nlohmann::json& props) {
        MapFeature base;
        base.kind = json_string_prop(props, "kind");
        base.name = json_string_prop(props, "name");
        base.area_id = json_string_prop(props, "area_id");
        base.area_kind = json_string_prop(props, "area_kind");
        if (base.kind != "water" && base.kind != "boundary") {
            out.issues.push_back({0, index, "kind", "要素类别应为 water 或 boundary"});
            return;
        }
        if (base.kind == "boundary" && base.area_id.empty()) {
            out.issues.push_back({0, index, "area_id", "边界要素需要 area_id"});
            return;
        }
        std::vector<nlohmann::json> rings;
        if (type == "Polygon" && g.contains("coordinates") && g["coordinates"].is_array() && !g["coordinates"].empty())
            rings.push_back(g["coordinates"][0]);
        else if (type == "MultiPolygon" && g.contains("coordinates") && g["coordinates"].is_array()) {
            for (const auto& poly : g["coordinates"])
                if (poly.is_array() && !poly.empty()) rings.push_back(poly[0]);
        } else {
            out.issues.push_back({0, index, "geometry", "几何类型应为 Polygon 或 MultiPolygon，而不是“" + type + "”"});
            return;
        }
        std::vector<MapFeature> parts;
        bool bad = false;
        for (const auto& ring : rings) {
            auto pts = read_positions(ring, index, out.issues);
            if (!pts) {
                bad = true;
                break;
            }
            if (pts->size() >= 2 && pts->front().lat == pts->back().lat && pts->front().lng == pts->back().lng)
                pts->pop_back();
            if (pts->size() < 3) {
                out.issues.push_back({0, index, "geometry", "多边形至少需要三个不同的点"});
                bad = true;
                break;
            }
            MapFeature m = base;
            m.polygon = std::move(*pts);
            parts.push_back(std::move(m));
        }
        if (bad) return;
        for (auto& m : parts) out.add(std::move(m), index);
    });
    return out;
}

std::string map_features_to_geojson(const std::vector<MapFeature>& features) {
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (size_t i = 0; i < features.size(); ++i) {
        const MapFeature& m = features[i];
        nlohmann::json props = {{"kind", m.kind}, {"name", m.name}};
        if (!m.area_id.empty()) props["area_id"] = m.area_id;
        if (!m.area_kind.empty()) props["area_kind"] = m.area_kind;
        nlohmann::json ring = positions_json(m.polygon);
        if (!m.polygon.empty()) ring.push_back({m.polygon.front().lng, m.polygon.front().lat});
        nlohmann::json f = {{"type", "Feature"},
                            {"properties", props},
                            {"geometry", {{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}}}};
        out += f.dump();
        out += i + 1 < features.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

}  // namespace dp
