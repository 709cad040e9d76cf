// Importers for real data: CSV of areas (区划), of doorplates and of service points, GeoJSON of roads
// (LineString/MultiLineString) and of map features (Polygon/MultiPolygon: water, boundaries).
// Bad rows are reported by line (or feature) and field in Chinese; good rows still load.
// The writers produce the same formats (the demo county generator uses them).
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "doorplate.hpp"
#include "map_layer.hpp"
#include "road_graph.hpp"
#include "service_point.hpp"

namespace dp {

struct ImportIssue {
    int line = 0;     // CSV: 1-based line where the record starts (the header is line 1)
    int feature = 0;  // GeoJSON: 1-based index of the feature
    std::string field;    // column or property ("lat", "hours", "geometry"); "" for the whole row/file
    std::string message;  // Chinese: "纬度应在 -90 到 90 之间"
    // "第 12 行 lat：纬度应在 -90 到 90 之间", "第 3 个要素 geometry：…", "表头：缺少列 lat"
    std::string text() const;
};

template <class T>
struct ImportResult {
    std::vector<T> rows;
    std::vector<int> origins;  // per row: its CSV line, or its GeoJSON feature (from 1)
    std::vector<ImportIssue> issues;

    void add(T row, int origin) {
        rows.push_back(std::move(row));
        origins.push_back(origin);
    }
};

// Columns: id, name, kind (county|town|village|community), parent_id ("" only for a county),
// lat, lng (the area's centre, where its map opens).
ImportResult<Area> import_areas_csv(std::string_view text);

// Columns (header row, any order, names as here; extra columns are ignored):
//   code, area_id, town_id, county, town, village, road, number, lat, lng; optional building.
ImportResult<Doorplate> import_doorplates_csv(std::string_view text);

// Columns: id, name, type, area_id, address, lat, lng, hours; optional phone, items
// (item ids separated by ';'). When known_items is given, items must be among them.
ImportResult<ServicePoint> import_service_points_csv(std::string_view text,
                                                     const std::set<std::string>* known_items = nullptr);

// A FeatureCollection of LineString / MultiLineString features (each line string one Road);
// properties: name (string), class (trunk|primary|secondary|tertiary|residential|path,
// default residential), oneway (true/false, "yes"/"no", 1/0). Positions are [lng, lat].
ImportResult<Road> import_roads_geojson(std::string_view text);

// A FeatureCollection of Polygon / MultiPolygon features (outer rings only); properties:
// kind ("water" | "boundary"), name, and for boundaries area_id and area_kind.
ImportResult<MapFeature> import_map_features_geojson(std::string_view text);

// Writers (coordinates as given; round them first for compact files).
std::string areas_to_csv(const std::vector<Area>& areas);
std::string doorplates_to_csv(const std::vector<Doorplate>& doorplates);
std::string service_points_to_csv(const std::vector<ServicePoint>& points);
std::string roads_to_geojson(const std::vector<Road>& roads);
std::string map_features_to_geojson(const std::vector<MapFeature>& features);

}  // namespace dp
