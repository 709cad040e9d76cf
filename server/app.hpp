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

class Writer;
class RateLimiter;

struct App {
    ServerConfig config;
    Db& db;
    CatalogueStore catalogue;
    Writer* writer = nullptr;              // the one group-commit writer (writer.hpp); all writes of requests
    RateLimiter* submit_limit = nullptr;   // per-client limit on submissions (rate_limit.hpp)
};

void register_static_routes(httplib::Server& server, App& app);
void register_doorplate_routes(httplib::Server& server, App& app);
void register_guide_routes(httplib::Server& server, App& app);
void register_validate_routes(httplib::Server& server, App& app);
void register_request_routes(httplib::Server& server, App& app);
void register_area_bundle_routes(httplib::Server& server, App& app);
// Security headers, request metrics and GET /metrics (ops.cpp); call before the routes.
void install_operations(httplib::Server& server, App& app);

// Loads assets/demo into an empty database; returns the number of doorplates created
// (0 when the database already had doorplates).
int seed_demo_county(Db& db, const std::string& assets_dir);

}  // namespace dp
