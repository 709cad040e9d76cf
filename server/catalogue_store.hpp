// The server's read-only guide catalogue: the parsed items and bundles, their original JSON
// (with the zh-Hant overlay) for the API, the search index, and the subset documents the app
// loads per guide. Loaded once at start-up; safe to read from every request thread.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "search.hpp"

namespace dp {

class CatalogueStore {
public:
    // Reads the built catalogue (doorplate-catalogue output) if `built_json` exists, else every
    // JSON file under `guides_dir`. Throws std::runtime_error naming the file on bad data.
    void load(const std::string& built_json, const std::string& guides_dir);

    const Catalogue& catalogue() const { return catalogue_; }
    const SearchIndex& search() const { return search_; }
    const std::string& version() const { return version_; }
    // Items, most popular first.
    const std::vector<const Item*>& by_popularity() const { return by_popularity_; }
    // The original JSON of an item or bundle (null if unknown).
    const nlohmann::json* item_json(const std::string& id) const;
    const nlohmann::json* bundle_json(const std::string& id) const;
    // {"version", "items": [...], "bundles": [...]}: the guide (item or bundle), the items a
    // bundle combines, and the items they name as before/after. Null JSON if unknown.
    nlohmann::json guide_document(const std::string& id) const;
    // Summary for lists: id, kind, name, plain_name, category, popularity, zh-Hant names.
    nlohmann::json summary(const std::string& id) const;

private:
    Catalogue catalogue_;
    SearchIndex search_;
    std::string version_;
    std::vector<const Item*> by_popularity_;
    std::map<std::string, nlohmann::json> items_json_, bundles_json_;
};

}  // namespace dp
