// Replays the server fuzz targets' seed corpus (fuzz/corpus/<target>/) and every input a fuzzer
// once broke something with (fuzz/regressions/<target>/): the same checks as under libFuzzer, so
// a refusal that is not a 4xx, an escaping exception or a broken invariant fails make test.
#include <filesystem>

#include "../fuzz_replay.hpp"
#include "route_target.hpp"
#include "server_targets.hpp"

namespace fs = std::filesystem;

TEST_CASE("every server fuzz target keeps its invariants on its seed corpus and past findings") {
    // valid and hostile seeds for each target are kept in the repository
    dp_fuzz::replay_targets(dp_fuzz::kServerTargets, fs::path(DP_SOURCE_DIR) / "fuzz", 5);
}

TEST_CASE("the server fuzz targets accept empty and tiny inputs") {
    const std::uint8_t bytes[] = {'{', '}', 0, 0xff, 'H', 'D', '\n'};
    for (const auto& target : dp_fuzz::kServerTargets)
        for (std::size_t n = 0; n <= sizeof bytes; ++n) CHECK(target.fn(bytes, n) == 0);
}

TEST_CASE("every route keeps answering 4xx at worst to the route fuzzer's seeds and past findings") {
    // at least one seed for most endpoints
    dp_fuzz::replay_targets(dp_fuzz::kRouteTargets, fs::path(DP_SOURCE_DIR) / "fuzz", 40);
}
