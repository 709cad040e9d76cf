// CatalogueStore: loading and serving the guide catalogue (see catalogue_store.hpp).
#include "catalogue_store.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include "log.hpp"

namespace dp {
namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    try {
        return nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        throw std::runtime_error(p.string() + ": " + e.what());
    }
}

// A catalogue document from a folder of guide files (a bare checkout, before the build).
nlohmann::json document_from_dir(const fs::path& dir) {
    nlohmann::json doc = {{"version", "source"}, {"items", nlohmann::json::array()}, {"bundles", nlohmann::json::array()}};
    if (!fs::is_directory(dir)) return doc;
    std::vector<fs::path> files;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& f : files)
        doc[f.parent_path().filename() == "bundles" ? "bundles" : "items"].push_back(read_json(f));
    return doc;
}

}  // namespace

void CatalogueStore::load(const std::string& built_json, const std::string& guides_dir) {
    const bool built = !built_json.empty() && fs::exists(built_json);
    nlohmann::json doc = built ? read_json(built_json) : document_from_dir(guides_dir);
    CatalogueLoad loaded = parse_catalogue_json(doc);
    if (!loaded.ok()) throw std::runtime_error("guide catalogue: " + loaded.errors.front().to_string());
    catalogue_ = std::move(loaded.catalogue);
    version_ = doc.value("version", "");
    if (!built)
        for (auto& e : catalogue_.validate()) log::warn("guide_data_error", {{"error", e.to_string()}});

    items_json_.clear();
    bundles_json_.clear();
    for (auto& j : doc.at("items")) items_json_[j.at("id").get<std::string>()] = j;
    for (auto& j : doc.at("bundles")) bundles_json_[j.at("id").get<std::string>()] = j;

    // Search entries: the built catalogue carries them with pinyin; otherwise names only.
    std::vector<SearchEntry> entries;
    if (doc.contains("search")) {
        entries = doc.at("search").get<std::vector<SearchEntry>>();
    } else {
        for (auto& [id, j] : items_json_) entries.push_back(search_entry_from_guide_json(j, "item"));
        for (auto& [id, j] : bundles_json_) entries.push_back(search_entry_from_guide_json(j, "bundle"));
    }
    search_ = SearchIndex(std::move(entries));

    by_popularity_.clear();
    for (auto& item : catalogue_.items) by_popularity_.push_back(&item);
    std::sort(by_popularity_.begin(), by_popularity_.end(), [](const Item* a, const Item* b) {
        return a->popularity != b->popularity ? a->popularity > b->popularity : a->id < b->id;
    });
}

const nlohmann::json* CatalogueStore::item_json(const std::string& id) const {
    auto it = items_json_.find(id);
    return it == items_json_.end() ? nullptr : &it->second;
}

const nlohmann::json* CatalogueStore::bundle_json(const std::string& id) const {
    auto it = bundles_json_.find(id);
    return it == bundles_json_.end() ? nullptr : &it->second;
}

nlohmann::json CatalogueStore::guide_document(const std::string& id) const {
    std::vector<std::string> items, bundles;
    if (item_json(id)) items.push_back(id);
    else if (const Bundle* b = catalogue_.find_bundle(id)) {
        bundles.push_back(id);
        items = b->items;
    } else {
        return nullptr;
    }
    // The items named as before/after, so the guide can link to them by name.
    std::set<std::string> all(items.begin(), items.end());
    for (auto& i : items)
        if (const Item* item = catalogue_.find_item(i)) {
            all.insert(item->prerequisites.begin(), item->prerequisites.end());
            all.insert(item->follow_ups.begin(), item->follow_ups.end());
        }
    nlohmann::json doc = {{"version", version_}, {"items", nlohmann::json::array()}, {"bundles", nlohmann::json::array()}};
    for (auto& i : all)
        if (auto* j = item_json(i)) doc["items"].push_back(*j);
    for (auto& b : bundles) doc["bundles"].push_back(*bundle_json(b));
    return doc;
}

nlohmann::json CatalogueStore::summary(const std::string& id) const {
    const nlohmann::json* j = item_json(id);
    const bool bundle = j == nullptr;
    if (!j) j = bundle_json(id);
    if (!j) return nullptr;
    nlohmann::json s = {{"id", id},
                        {"kind", bundle ? "bundle" : "item"},
                        {"name", j->value("name", "")},
                        {"plain_name", j->value("plain_name", "")},
                        {"name_en", j->value("name_en", "")},
                        {"category", j->value("category", "")},
                        {"popularity", j->value("popularity", 0)}};
    if (j->contains("zh-Hant")) {
        const auto& t = (*j)["zh-Hant"];
        s["zh-Hant"] = {{"name", t.value("name", s["name"].get<std::string>())},
                        {"plain_name", t.value("plain_name", s["plain_name"].get<std::string>())}};
    }
    return s;
}

}  // namespace dp
