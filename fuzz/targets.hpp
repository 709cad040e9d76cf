// Fuzz targets for every parser of untrusted input in the shared core. Each takes raw bytes
// and checks invariants beyond "does not crash" (round trips, check characters); a broken
// invariant aborts. libFuzzer drives them (fuzz_main.cpp, `make fuzz`); the core tests replay
// the kept corpus and regression inputs (tests/core/test_fuzz_regressions.cpp).
#pragma once
#include <cstddef>
#include <cstdint>

namespace dp_fuzz {

using Target = int (*)(const std::uint8_t* data, std::size_t size);

int validate(const std::uint8_t* data, std::size_t size);        // form validators, by kind
int doorplate_code(const std::uint8_t* data, std::size_t size);  // codes and check characters
int csv(const std::uint8_t* data, std::size_t size);             // CSV, doorplate and service-point importers
int geojson(const std::uint8_t* data, std::size_t size);         // road and map-feature importers
int opening_hours(const std::uint8_t* data, std::size_t size);   // the opening-hours text form
int guide_json(const std::uint8_t* data, std::size_t size);      // guide/catalogue documents
int resident_route(const std::uint8_t* data, std::size_t size);  // app URLs (path?query)
int search_query(const std::uint8_t* data, std::size_t size);    // search box text

struct Entry {
    const char* name;
    Target fn;
};
inline constexpr Entry kTargets[] = {
    {"validate", validate},           {"doorplate_code", doorplate_code}, {"csv", csv},
    {"geojson", geojson},             {"opening_hours", opening_hours},   {"guide_json", guide_json},
    {"resident_route", resident_route}, {"search_query", search_query},
};

}  // namespace dp_fuzz
