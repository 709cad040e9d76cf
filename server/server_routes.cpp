// The whole HTTP surface on one httplib::Server: error handling, operations (security headers,
// metrics), every route area on one Routes table (router.hpp), and the static catch-all last. main() and the route fuzzer use it.
#include "app.hpp"
#include "http_util.hpp"

namespace dp {

void install_routes(httplib::Server& http, App& app) {
    install_error_handling(http);
    Routes server(http);  // the route table lives on in the handlers it installs into http
    install_operations(server, app);
    register_request_routes(server, app);
    register_area_bundle_routes(server, app);
    register_doorplate_routes(server, app);
    register_guide_routes(server, app);
    register_validate_routes(server, app);
    register_places_routes(server, app);
    register_auth_routes(server, app);
    register_desk_routes(server, app);
    register_admin_routes(server, app);
    register_upload_routes(server, app);
    register_help_routes(server, app);
    register_poster_routes(server, app);
    register_stats_routes(server, app);
    register_static_routes(server, app);  // last: it ends with the catch-all file route
}

}  // namespace dp
