// PlacesStore: loading service points, roads and map features from SQLite into memory, and the
// stored form of their lines (see places_store.hpp; import_data writes them).
#include "places_store.hpp"

#include "log.hpp"

namespace dp {

namespace {
std::vector<LatLng> line_from_json(const std::string& text) {
    std::vector<LatLng> out;
    for (const auto& p : nlohmann::json::parse(text)) out.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
    return out;
}
}  // namespace

std::string stored_line(const std::vector<LatLng>& line) { return latlng_array(line, 7).dump(); }

void PlacesStore::load(Db& db) {
    auto lock = db.lock();
    points_.clear();
    by_id_.clear();
    features_.clear();
    {
        std::map<std::string, std::vector<std::string>> items;
        Stmt qi(db, "SELECT service_point_id, item_id FROM service_point_items ORDER BY service_point_id, item_id");
        while (qi.step()) items[qi.text(0)].push_back(qi.text(1));
        Stmt q(db, "SELECT id, name, type, area_id, address, lat, lng, phone, hours FROM service_points ORDER BY id");
        while (q.step()) {
            ServicePoint p;
            p.id = q.text(0);
            p.name = q.text(1);
            const auto type = service_point_type_from_id(q.text(2));
            const auto hours = parse_opening_hours(q.text(8));
            if (!type || !hours.ok()) {
                log::warn("service_point_skipped", {{"id", p.id}, {"hours_error", hours.error}});
                continue;
            }
            p.type = *type;
            p.area_id = q.text(3);
            p.address = q.text(4);
            p.location = {q.real(5), q.real(6)};
            p.phone = q.text(7);
            p.hours = *hours.hours;
            p.items = items[p.id];
            by_id_[p.id] = points_.size();
            points_.push_back(std::move(p));
        }
    }
    std::vector<Road> roads;
    {
        Stmt q(db, "SELECT name, class, oneway, line FROM roads ORDER BY id");
        while (q.step()) {
            Road r;
            r.name = q.text(0);
            r.road_class = road_class_from_name(q.text(1)).value_or(RoadClass::residential);
            r.oneway = q.int64(2) != 0;
            r.line = line_from_json(q.text(3));
            roads.push_back(std::move(r));
        }
    }
    {
        Stmt q(db, "SELECT kind, name, area_id, area_kind, polygon FROM map_features ORDER BY id");
        while (q.step()) features_.push_back({q.text(0), q.text(1), q.text(2), q.text(3), line_from_json(q.text(4))});
    }
    std::vector<LatLng> locations;
    for (const auto& p : points_) locations.push_back(p.location);
    index_ = SpatialIndex(locations);
    graph_ = RoadGraph(std::move(roads));
    walk_snaps_.assign(points_.size(), std::nullopt);
    drive_snaps_.assign(points_.size(), std::nullopt);
    if (!graph_.edges().empty())
        for (std::size_t i = 0; i < points_.size(); ++i) {
            walk_snaps_[i] = graph_.snap(points_[i].location, TravelMode::walk, kMaxSnapM);
            drive_snaps_[i] = graph_.snap(points_[i].location, TravelMode::drive, kMaxSnapM);
        }
    log::info("places_loaded", {{"service_points", points_.size()},
                                {"road_edges", graph_.edges().size()},
                                {"map_features", features_.size()}});
}

std::optional<std::size_t> PlacesStore::index_of(const std::string& id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

std::vector<SpatialIndex::Hit> PlacesStore::nearest(LatLng q, std::size_t k, const PlaceQuery& query) const {
    if (points_.empty()) return {};
    return index_.nearest(q, k, place_filter(points_, query));
}

std::vector<std::size_t> PlacesStore::points_in(const BBox& box) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < points_.size(); ++i)
        if (box.contains(points_[i].location)) out.push_back(i);
    return out;
}

const std::optional<EdgeSnap>& PlacesStore::snap(std::size_t point, TravelMode mode) const {
    return mode == TravelMode::walk ? walk_snaps_.at(point) : drive_snaps_.at(point);
}

const MapFeature* PlacesStore::boundary(const std::string& area_id) const {
    for (const auto& f : features_)
        if (f.kind == "boundary" && f.area_id == area_id) return &f;
    return nullptr;
}

}  // namespace dp
