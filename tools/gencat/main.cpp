// doorplate-gencat: writes a synthetic guide catalogue (DIR/items/<id>.json, the format of
// docs/guide-format.md) for scale tests and benchmarks. The generation itself is shared/gencat.
#include "gencat.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;

namespace {
int usage() {
    std::cerr << "usage: doorplate-gencat --items N --seed S --out DIR\n"
                 "  writes N synthetic items to DIR/items/<id>.json (earlier *.json there are removed)\n";
    return 2;
}
}  // namespace

int main(int argc, char** argv) {
    std::size_t items = 0;
    std::uint64_t seed = 1;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string value = argv[++i];
        char* end = nullptr;
        if (arg == "--items") {
            items = std::strtoull(value.c_str(), &end, 10);
            if (*end || items == 0) return usage();
        } else if (arg == "--seed") {
            seed = std::strtoull(value.c_str(), &end, 10);
            if (*end) return usage();
        } else if (arg == "--out") {
            out = value;
        } else {
            return usage();
        }
    }
    if (items == 0 || out.empty()) return usage();

    const fs::path dir = fs::path(out) / "items";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        std::cerr << "doorplate-gencat: cannot create " << dir << ": " << ec.message() << "\n";
        return 1;
    }
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") fs::remove(e.path());

    const auto catalogue = dp::generate_catalogue(items, seed);
    for (const auto& item : catalogue) {
        const fs::path file = dir / (item["id"].get<std::string>() + ".json");
        std::ofstream f(file, std::ios::binary);
        f << item.dump(2) << "\n";
        if (!f) {
            std::cerr << "doorplate-gencat: cannot write " << file << "\n";
            return 1;
        }
    }
    std::cout << "doorplate-gencat: " << catalogue.size() << " items (seed " << seed << ") in " << dir.string()
              << "\n";
    return 0;
}
