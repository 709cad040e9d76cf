// The server application: configuration, storage and content shared by the route files.
// Each route area registers its handlers on the httplib::Server in its own file.
#pragma once
#include <httplib.h>

#include <string>
#include <vector>

#include "config.hpp"
#include "db.hpp"
#include "catalogue_store.hpp"

namespace dp {

struct App {
    ServerConfig config;
    Db& db;
    CatalogueStore catalogue;
};

void register_static_routes(httplib::Server& server, App& app);
void register_doorplate_routes(httplib::Server& server, App& app);
void register_guide_routes(httplib::Server& server, App& app);
void register_validate_routes(httplib::Server& server, App& app);

// Loads assets/demo into an empty database; returns the number of doorplates created
// (0 when the database already had doorplates).
int seed_demo_county(Db& db, const std::string& assets_dir);

}  // namespace dp
