// Replays the server fuzz targets' seed corpus (fuzz/corpus/<target>/) and every input a fuzzer
// once broke something with (fuzz/regressions/<target>/): the same checks as under libFuzzer, so
// a refusal that is not a 4xx, an escaping exception or a broken invariant fails make test.
#include <filesystem>

#include "../fuzz_replay.hpp"
#include "route_target.hpp"
#include "server_targets.hpp"

namespace fs = std::filesystem;
using dp_fuzz::replay_dir;

TEST_CASE("every server fuzz target keeps its invariants on its seed corpus and past findings") {
    const fs::path root = fs::path(DP_SOURCE_DIR) / "fuzz";
    for (const auto& target : dp_fuzz::kServerTargets) {
        CAPTURE(target.name);
        const int seeds = replay_dir(target, root / "corpus" / target.name);
        replay_dir(target, root / "regressions" / target.name);
        CHECK(seeds >= 5);  // valid and hostile seeds for each target are kept in the repository
    }
}

TEST_CASE("the server fuzz targets accept empty and tiny inputs") {
    const std::uint8_t bytes[] = {'{', '}', 0, 0xff, 'H', 'D', '\n'};
    for (const auto& target : dp_fuzz::kServerTargets)
        for (std::size_t n = 0; n <= sizeof bytes; ++n) CHECK(target.fn(bytes, n) == 0);
}

TEST_CASE("every route keeps answering 4xx at worst to the route fuzzer's seeds and past findings") {
    const fs::path root = fs::path(DP_SOURCE_DIR) / "fuzz";
    for (const auto& target : dp_fuzz::kRouteTargets) {
        CAPTURE(target.name);
        const int seeds = replay_dir(target, root / "corpus" / target.name);
        replay_dir(target, root / "regressions" / target.name);
        CHECK(seeds >= 40);  // at least one seed for most endpoints
    }
}
