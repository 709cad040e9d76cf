// The server's read-only view of the service-item catalogue: summaries for listings, loaded
// at start-up from the built catalogue JSON (or, in a bare checkout, from assets/guides/items).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dp {

struct ItemSummary {
    std::string id;
    std::string name;        // official
    std::string plain_name;  // what residents say
    std::string category;
    int popularity = 0;
};

class ItemDirectory {
public:
    // Reads `catalogue_json` if it exists, else every *.json in `items_dir`. Throws on bad JSON.
    void load(const std::string& catalogue_json, const std::string& items_dir);
    const std::vector<ItemSummary>& by_popularity() const { return items_; }
    const ItemSummary* find(const std::string& id) const;

private:
    std::vector<ItemSummary> items_;
};

void to_json(nlohmann::json& j, const ItemSummary& s);

}  // namespace dp
