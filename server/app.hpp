// The server application: configuration, storage and content shared by the route files.
// Each route area registers its handlers on the httplib::Server in its own file.
#pragma once
#include <httplib.h>

#include <string>
#include <vector>

#include "config.hpp"
#include "db.hpp"
#include "catalogue_store.hpp"
#include "auth_state.hpp"

namespace dp {

struct App {
    ServerConfig config;
    Db& db;
    CatalogueStore catalogue;
    AuthState auth{};  // login limits (accounts and access)
};

void register_static_routes(httplib::Server& server, App& app);
void register_doorplate_routes(httplib::Server& server, App& app);
void register_guide_routes(httplib::Server& server, App& app);
void register_validate_routes(httplib::Server& server, App& app);
// Accounts and access: /api/v1/auth, /api/v1/desk, /api/v1/admin, uploads.
void register_auth_routes(httplib::Server& server, App& app);
void register_desk_routes(httplib::Server& server, App& app);
void register_admin_routes(httplib::Server& server, App& app);
void register_upload_routes(httplib::Server& server, App& app);

// Loads assets/demo into an empty database; returns the number of doorplates created
// (0 when the database already had doorplates).
int seed_demo_county(Db& db, const std::string& assets_dir);
// Creates the demo accounts if there are no users yet (see demo_accounts.cpp); returns how many.
int seed_demo_accounts(Db& db);
// The demo accounts and their fixed passwords, for the start-up banner in demo mode.
void print_demo_accounts();

}  // namespace dp
