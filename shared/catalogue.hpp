// The guide catalogue: every service item and one-thing bundle, lookup by id, the validator
// that checks the whole catalogue (references, flows, materials), and its loaders.
#pragma once
#include "guide.hpp"

#include <map>
#include <string>
#include <vector>

namespace dp {

struct Catalogue {
    std::vector<Item> items;
    std::vector<Bundle> bundles;
    std::string version;                        // content hash of a built catalogue ("" otherwise)
    std::map<std::string, std::string> source;  // id → file it came from (for messages)

    // Adding keeps the id index current; on a duplicate id the first one stays findable.
    // (Pointers from find_item/find_bundle are invalidated by a later add.)
    void add(Item item, const std::string& file = {});
    void add(Bundle bundle, const std::string& file = {});

    const Item* find_item(const std::string& id) const;
    const Bundle* find_bundle(const std::string& id) const;
    // The display name of an item or bundle id ("" if unknown).
    std::string name_of(const std::string& id) const;

    // Every data problem of the catalogue, each naming the item (or bundle) id and the field;
    // empty when the catalogue is sound. See docs/guide-format.md for the rules.
    std::vector<GuideError> validate() const;

private:
    std::map<std::string, std::size_t> item_index_;
    std::map<std::string, std::size_t> bundle_index_;
};

struct CatalogueLoad {
    Catalogue catalogue;
    std::vector<GuideError> errors;   // unreadable files and parse errors (not validation)
    bool ok() const { return errors.empty(); }
};

// The built catalogue document: {"version": "...", "items": [...], "bundles": [...]}.
CatalogueLoad parse_catalogue_json(const nlohmann::json& document);

// ---- loaders (the only file reading in this module)

// Reads every *.json under `dir` (recursively, in sorted path order): files under a folder
// named "bundles" are bundles, all others items. Errors carry the file path.
CatalogueLoad load_catalogue_dir(const std::string& dir);
// Reads a built catalogue.json.
CatalogueLoad load_catalogue_file(const std::string& path);

}  // namespace dp
