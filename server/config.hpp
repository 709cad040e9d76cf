// Server configuration: what the command line sets (see `doorplate-server --help`).
#pragma once
#include <string>

namespace dp {

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;             // 0 = any free port (tests)
    std::string db_path = "var/doorplate.db";
    std::string www_dir = "build/www";
    std::string assets_dir = "assets";
    std::string catalogue_path;  // built catalogue JSON; empty = <www>/data/catalogue.json
    bool demo = false;           // load the demo county into an empty database
    std::string demo_dir = "build/native/demo";  // generated demo county (doorplate-gencounty)
    std::string log_level = "info";
    std::string public_base_url; // for links printed at start-up; empty = http://host:port
};

}  // namespace dp
