// Replays the fuzzers' seed corpus (fuzz/corpus/<target>/) and every input a fuzzer once
// broke something with (fuzz/regressions/<target>/) through the same targets, natively and in
// wasm: an invariant that breaks again aborts this test binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "targets.hpp"

namespace fs = std::filesystem;

namespace {

int replay(const dp_fuzz::Entry& target, const fs::path& dir) {
    int n = 0;
    if (!fs::is_directory(dir)) return 0;
    for (const auto& f : fs::directory_iterator(dir)) {
        if (!f.is_regular_file()) continue;
        std::ifstream in(f.path(), std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        INFO(target.name << ": " << f.path().filename().string());
        CHECK(target.fn(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()) == 0);
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("every fuzz target keeps its invariants on its seed corpus and past findings") {
    const fs::path root = fs::path(DP_SOURCE_DIR) / "fuzz";
    for (const auto& target : dp_fuzz::kTargets) {
        CAPTURE(target.name);
        const int seeds = replay(target, root / "corpus" / target.name);
        replay(target, root / "regressions" / target.name);
        CHECK(seeds > 0);  // each target has a seed corpus in the repository
    }
}

TEST_CASE("the fuzz targets accept empty and tiny inputs") {
    const std::uint8_t bytes[] = {0, 0xff, '?', '/', '\n'};
    for (const auto& target : dp_fuzz::kTargets)
        for (std::size_t n = 0; n <= sizeof bytes; ++n) CHECK(target.fn(bytes, n) == 0);
}
