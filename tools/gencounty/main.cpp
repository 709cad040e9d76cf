// doorplate-gencounty: writes the demo county (areas.csv, service_points.csv, doorplates.csv,
// roads.geojson, map_features.geojson) into a folder at build time. The generation itself is shared/gencounty.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "gencounty.hpp"
#include "importers.hpp"

namespace fs = std::filesystem;

namespace {
int usage() {
    std::cerr << "usage: doorplate-gencounty --areas assets/demo/areas.json --items assets/guides/items --out DIR [--seed S]\n"
                 "  writes DIR/areas.csv, service_points.csv, doorplates.csv, roads.geojson, map_features.geojson\n";
    return 2;
}

bool write_file(const fs::path& path, const std::string& text) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary);
        f << text;
        if (!f) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}
}  // namespace

int main(int argc, char** argv) {
    std::string areas_path, items_dir, out;
    std::uint64_t seed = dp::kDemoCountySeed;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string value = argv[++i];
        if (arg == "--areas") areas_path = value;
        else if (arg == "--items") items_dir = value;
        else if (arg == "--out") out = value;
        else if (arg == "--seed") {
            char* end = nullptr;
            seed = std::strtoull(value.c_str(), &end, 10);
            if (*end) return usage();
        } else return usage();
    }
    if (areas_path.empty() || items_dir.empty() || out.empty()) return usage();
    try {
        std::ifstream in(areas_path);
        if (!in) throw std::runtime_error("cannot read " + areas_path);
        const auto areas = nlohmann::json::parse(in);
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(items_dir))
            if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        std::vector<dp::CatalogueItemRef> items;
        for (const auto& f : files) {
            std::ifstream s(f);
            items.push_back(dp::catalogue_item_ref(nlohmann::json::parse(s)));
        }
        const auto county = dp::generate_demo_county(areas, items, seed);
        fs::create_directories(out);
        const fs::path dir(out);
        if (!write_file(dir / "areas.csv", dp::areas_to_csv(county.areas)) ||
            !write_file(dir / "service_points.csv", dp::service_points_to_csv(county.service_points)) ||
            !write_file(dir / "doorplates.csv", dp::doorplates_to_csv(county.doorplates)) ||
            !write_file(dir / "roads.geojson", dp::roads_to_geojson(county.roads)) ||
            !write_file(dir / "map_features.geojson", dp::map_features_to_geojson(county.features)))
            throw std::runtime_error("cannot write into " + out);
        std::size_t segments = 0;
        for (const auto& r : county.roads) segments += r.line.size() - 1;
        std::cout << "doorplate-gencounty: " << county.roads.size() << " roads (" << segments << " segments), "
                  << county.service_points.size() << " service points, " << county.doorplates.size()
                  << " doorplates, " << county.features.size() << " map features in " << out << "\n";
    } catch (const std::exception& e) {
        std::cerr << "doorplate-gencounty: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
