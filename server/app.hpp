// The server application: configuration, storage and content shared by the route files.
// Each route area registers its handlers on the httplib::Server in its own file.
#pragma once
#include <httplib.h>

#include <string>
#include <vector>

#include "config.hpp"
#include "db.hpp"
#include "catalogue_store.hpp"
#include "places_store.hpp"

namespace dp {

struct App {
    ServerConfig config;
    Db& db;
    CatalogueStore catalogue;
    PlacesStore places{};  // service points, roads, map features (routes_places.cpp)
};

void register_static_routes(httplib::Server& server, App& app);
void register_doorplate_routes(httplib::Server& server, App& app);
void register_guide_routes(httplib::Server& server, App& app);
void register_validate_routes(httplib::Server& server, App& app);
void register_places_routes(httplib::Server& server, App& app);
// The k nearest service points to q as Place JSON with distance_m (routes_places.cpp).
nlohmann::json nearest_places_json(App& app, LatLng q, std::size_t k, const LocalDateTime& at, CoordSystem coord);

// Loads the demo county into an empty database: areas from assets/demo, doorplates, service
// points, roads and map features from demo_dir (doorplate-gencounty's output, read through
// the importers); each table is filled only when empty. Returns the doorplates created.
int seed_demo_county(Db& db, const std::string& assets_dir, const std::string& demo_dir);

}  // namespace dp
