// Replays the fuzzers' seed corpus (fuzz/corpus/<target>/) and every input a fuzzer once
// broke something with (fuzz/regressions/<target>/) through the same targets, natively and in
// wasm: an invariant that breaks again aborts this test binary.
#include <filesystem>

#include "../fuzz_replay.hpp"
#include "targets.hpp"

namespace fs = std::filesystem;

TEST_CASE("every fuzz target keeps its invariants on its seed corpus and past findings") {
    // each target has a seed corpus in the repository
    dp_fuzz::replay_targets(dp_fuzz::kTargets, fs::path(DP_SOURCE_DIR) / "fuzz", 1);
}

TEST_CASE("the fuzz targets accept empty and tiny inputs") {
    const std::uint8_t bytes[] = {0, 0xff, '?', '/', '\n'};
    for (const auto& target : dp_fuzz::kTargets)
        for (std::size_t n = 0; n <= sizeof bytes; ++n) CHECK(target.fn(bytes, n) == 0);
}
