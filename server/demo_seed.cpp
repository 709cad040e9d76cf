// The demo county: areas from assets/demo/areas.json and deterministically generated
// doorplates (roads, numbers, buildings, locations) for every village/community.
#include <cmath>
#include <fstream>

#include "app.hpp"
#include "doorplate.hpp"
#include "log.hpp"

namespace dp {

namespace {
constexpr int kDoorplatesPerVillage = 36;

// Small deterministic generator (splitmix64) so the demo is identical on every machine.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};
}  // namespace

int seed_demo_county(Db& db, const std::string& assets_dir) {
    {
        auto l = db.lock();
        Stmt c(db, "SELECT COUNT(*) FROM doorplates");
        c.step();
        if (c.int64(0) > 0) return 0;
    }
    std::ifstream in(assets_dir + "/demo/areas.json");
    if (!in) throw std::runtime_error("cannot read " + assets_dir + "/demo/areas.json");
    auto data = nlohmann::json::parse(in);
    const std::string county = data.at("county").get<std::string>();

    int created = 0;
    db.transaction([&] {
        Stmt area(db, "INSERT INTO areas (id, name, kind, parent_id, lat, lng) VALUES (?, ?, ?, ?, ?, ?)");
        std::map<std::string, std::string> names;
        for (auto& a : data.at("areas")) {
            area.reset();
            area.bind(1, a.at("id").get<std::string>()).bind(2, a.at("name").get<std::string>());
            area.bind(3, a.at("kind").get<std::string>());
            if (a.at("parent_id").get<std::string>().empty())
                area.bind_null(4);
            else
                area.bind(4, a.at("parent_id").get<std::string>());
            area.bind(5, a.at("lat").get<double>()).bind(6, a.at("lng").get<double>());
            area.step();
            names[a.at("id").get<std::string>()] = a.at("name").get<std::string>();
        }
        Stmt plate(db,
                   "INSERT INTO doorplates (code, area_id, town_id, county, town, village, road, number, building, "
                   "lat, lng) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Rng rng{20261128};
        uint32_t serial = 0;
        for (auto& a : data.at("areas")) {
            const std::string kind = a.at("kind").get<std::string>();
            if (kind != "village" && kind != "community") continue;
            const std::string town_id = a.at("parent_id").get<std::string>();
            const auto roads = a.at("roads").get<std::vector<std::string>>();
            const double lat0 = a.at("lat").get<double>(), lng0 = a.at("lng").get<double>();
            for (int i = 0; i < kDoorplatesPerVillage; ++i) {
                const std::string& road = roads[static_cast<size_t>(i) % roads.size()];
                const int number = 1 + 2 * (i / static_cast<int>(roads.size())) + static_cast<int>(rng.next() % 2);
                std::string building;
                if (kind == "community" && i % 3 == 0) building = std::to_string(1 + rng.next() % 12) + "幢";
                // Spread codes over the code space (an odd multiplier is a bijection mod 2^30).
                const uint32_t code_serial = static_cast<uint32_t>((++serial * 2654435761ull) & ((1u << 30) - 1));
                plate.reset();
                plate.bind(1, make_doorplate_code(code_serial)).bind(2, a.at("id").get<std::string>());
                plate.bind(3, town_id).bind(4, county).bind(5, names[town_id]);
                plate.bind(6, a.at("name").get<std::string>()).bind(7, road);
                plate.bind(8, std::to_string(number) + "号").bind(9, building);
                plate.bind(10, lat0 + (rng.uniform() - 0.5) * 0.008).bind(11, lng0 + (rng.uniform() - 0.5) * 0.008);
                plate.step();
                ++created;
            }
        }
    });
    log::info("demo_seeded", {{"doorplates", created}});
    return created;
}

}  // namespace dp
