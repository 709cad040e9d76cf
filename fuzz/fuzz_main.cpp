// libFuzzer entry for one target, chosen at compile time (-DDP_FUZZ_TARGET=<name>).
#if defined(DP_FUZZ_ROUTES)
#include "route_target.hpp"  // every route over loopback HTTP (linked with the whole server)
#elif defined(DP_FUZZ_SERVER)
#include "server_targets.hpp"  // the server's request bodies (linked with dp_fuzz_server)
#else
#include "targets.hpp"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return dp_fuzz::DP_FUZZ_TARGET(data, size);
}
