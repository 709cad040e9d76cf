// Replays one fuzz target over the files of a directory (its seed corpus or past findings) with
// doctest checks; shared by the core and server replay tests.
#pragma once
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace dp_fuzz {

// Runs every regular file of `dir` through `target` (any type with `name` and `fn`); the count.
template <class Target>
int replay_dir(const Target& target, const std::filesystem::path& dir) {
    int n = 0;
    if (!std::filesystem::is_directory(dir)) return 0;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        if (!f.is_regular_file()) continue;
        std::ifstream in(f.path(), std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        INFO(target.name << ": " << f.path().filename().string());
        CHECK(target.fn(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()) == 0);
        ++n;
    }
    return n;
}

// Replays every target of `targets` over its seed corpus (fuzz/corpus/<name>/) and its past
// findings (fuzz/regressions/<name>/) under `fuzz_root`, checking each has at least `min_seeds`.
template <class Targets>
void replay_targets(const Targets& targets, const std::filesystem::path& fuzz_root, int min_seeds) {
    for (const auto& target : targets) {
        CAPTURE(target.name);
        const int seeds = replay_dir(target, fuzz_root / "corpus" / target.name);
        replay_dir(target, fuzz_root / "regressions" / target.name);
        CHECK(seeds >= min_seeds);
    }
}

}  // namespace dp_fuzz
