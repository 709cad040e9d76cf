// libFuzzer entry for one target, chosen at compile time (-DDP_FUZZ_TARGET=<name>).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return dp_fuzz::DP_FUZZ_TARGET(data, size);
}
