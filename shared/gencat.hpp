// Synthetic guide catalogues for scale tests and benchmarks: deterministic generation of N
// plausible service items in the JSON format of docs/guide-format.md (no file access here).
#pragma once
#include <nlohmann/json.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dp {

// Generates `count` items, the same for the same (count, seed) on every platform. Names are
// combined from realistic parts (object + action + optional qualifier, e.g. 居民身份证补领 or
// 食品经营许可证变更（跨省通办）); every item has 2–3 questions and 3–6 materials with review
// points, and at least one material needed on every path. Ids are unique ([a-z0-9-], ≤ 64).
// Items come in selection order: every unqualified name first (shuffled by the seed), then the
// qualified ones; a smaller count of the same seed selects the first ids of a larger one.
std::vector<nlohmann::ordered_json> generate_catalogue(std::size_t count, std::uint64_t seed);

// How many distinct names the parts combine into before numbered variants (…（二）) are used.
std::size_t gencat_distinct_names();

}  // namespace dp
