// What the doorplate landing page shows: the doorplate and the service items most needed
// there, parsed from GET /api/v1/doorplates/<code>.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "doorplate.hpp"

namespace dp {

struct ItemCard {
    std::string id;
    std::string name;        // official
    std::string plain_name;  // shown first
    std::string category;
};

struct Landing {
    Doorplate doorplate;
    std::vector<ItemCard> popular_items;
};

// Throws nlohmann::json::exception when required fields are missing or have the wrong type.
Landing parse_landing(const nlohmann::json& j);

}  // namespace dp
