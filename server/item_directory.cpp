// ItemDirectory: loading item summaries (see item_directory.hpp).
#include "item_directory.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace dp {
namespace fs = std::filesystem;

namespace {
ItemSummary summary_of(const nlohmann::json& j) {
    ItemSummary s;
    s.id = j.at("id").get<std::string>();
    s.name = j.value("name", "");
    s.plain_name = j.value("plain_name", "");
    s.category = j.value("category", "");
    s.popularity = j.value("popularity", 0);
    return s;
}
nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    try {
        return nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        throw std::runtime_error(p.string() + ": " + e.what());
    }
}
}  // namespace

void ItemDirectory::load(const std::string& catalogue_json, const std::string& items_dir) {
    items_.clear();
    if (!catalogue_json.empty() && fs::exists(catalogue_json)) {
        auto j = read_json(catalogue_json);
        for (auto& it : j.at("items")) items_.push_back(summary_of(it));
    } else if (fs::is_directory(items_dir)) {
        for (auto& e : fs::directory_iterator(items_dir))
            if (e.path().extension() == ".json") items_.push_back(summary_of(read_json(e.path())));
    }
    std::sort(items_.begin(), items_.end(), [](const ItemSummary& a, const ItemSummary& b) {
        return a.popularity != b.popularity ? a.popularity > b.popularity : a.id < b.id;
    });
}

const ItemSummary* ItemDirectory::find(const std::string& id) const {
    for (auto& s : items_)
        if (s.id == id) return &s;
    return nullptr;
}

void to_json(nlohmann::json& j, const ItemSummary& s) {
    j = {{"id", s.id}, {"name", s.name}, {"plain_name", s.plain_name}, {"category", s.category},
         {"popularity", s.popularity}};
}

}  // namespace dp
