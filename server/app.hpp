// The server application: configuration, storage and content shared by the route files.
// Each route area registers its handlers on Routes (router.hpp) in its own file.
#pragma once
#include <httplib.h>

#include <string>
#include <vector>

#include "config.hpp"
#include "db.hpp"
#include "catalogue_store.hpp"
#include "places_store.hpp"
#include "auth_state.hpp"
#include "help_hub.hpp"
#include "router.hpp"
#include "submission.hpp"

namespace dp {

class Writer;
class RateLimiter;

struct App {
    ServerConfig config;
    Db& db;
    CatalogueStore catalogue;
    PlacesStore places{};  // service points, roads, map features (routes_places.cpp)
    Writer* writer = nullptr;              // the one group-commit writer (writer.hpp); all writes of requests
    RateLimiter* submit_limit = nullptr;   // per-client limit on submissions (rate_limit.hpp)
    AuthState auth{};  // login limits (accounts and access)
    HelpHub help{};    // long-poll wake-ups and typing flags (帮办代办 live updates)
    DoorplateAreas doorplate_areas{};  // doorplate → area and town for submissions (submission.hpp)
};

void register_static_routes(Routes& server, App& app);
void register_doorplate_routes(Routes& server, App& app);
void register_guide_routes(Routes& server, App& app);
void register_validate_routes(Routes& server, App& app);
void register_places_routes(Routes& server, App& app);
void register_poster_routes(Routes& server, App& app);
// The base of links and QR codes: --public-url without a trailing slash, else http://host:port.
std::string public_base_url(const App& app);
// The --posters batch: the village/community's posters (one page per doorplate) as one PDF
// written to out_path; returns the page count. Throws HttpError (unknown village, bad size)
// or std::runtime_error (cannot write).
int write_village_posters(App& app, const std::string& village_id, const std::string& size, const std::string& out_path);
// The k nearest service points to q as Place JSON with distance_m (routes_places.cpp).
nlohmann::json nearest_places_json(App& app, LatLng q, std::size_t k, const LocalDateTime& at, CoordSystem coord);
void register_request_routes(Routes& server, App& app);
void register_area_bundle_routes(Routes& server, App& app);
// Security headers, request metrics and GET /metrics (ops.cpp); call before the routes.
void install_operations(Routes& routes, App& app);
// Everything above in order on one server (server_routes.cpp): error handling, operations, every
// route area, the static catch-all last (dispatched by Routes, router.hpp).
void install_routes(httplib::Server& server, App& app);

// Loads the demo county into an empty database: areas, doorplates, service points, roads and
// map features from demo_dir (doorplate-gencounty's output, read through import_data); each
// table is filled only when empty. Returns the doorplates created.
int seed_demo_county(Db& db, const std::string& demo_dir);
// Accounts and access: /api/v1/auth, /api/v1/desk, /api/v1/admin, uploads.
void register_auth_routes(Routes& server, App& app);
void register_desk_routes(Routes& server, App& app);
void register_admin_routes(Routes& server, App& app);
void register_upload_routes(Routes& server, App& app);
// 帮办代办: lifecycle actions, chat and live updates, pre-review, proxy, batch proxy, video (routes_help_*.cpp).
void register_help_routes(Routes& server, App& app);
// With --demo and no help requests yet: a few demo requests in various states (demo_help.cpp).
int seed_demo_help(App& app);
void print_demo_help(App& app);

// Usage statistics: POST /api/v1/events, GET /api/v1/stats and /api/v1/stats.csv (routes_stats.cpp).
void register_stats_routes(Routes& server, App& app);
// --demo-activity: the demo county's first month of use (events and closed help requests over the
// 30 days up to `now`: today and the 29 days before it), only into an empty usage_events table; returns the events written.
int64_t seed_demo_activity(App& app, int64_t now);

// Creates the demo accounts if there are no users yet (see demo_accounts.cpp); returns how many.
int seed_demo_accounts(Db& db);
// The demo accounts and their fixed passwords, for the start-up banner in demo mode.
void print_demo_accounts();

}  // namespace dp
