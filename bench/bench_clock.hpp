// The benchmarks' clock: steady_clock natively; performance.now() in wasm. Emscripten's own clock
// under node calls process.hrtime(), which allocates an array per call, and the garbage
// collections that followed landed inside 2-3 % of the timed calls (a periodic 20-100 µs tail in
// the wasm figures only, from the clock and not from the code measured).
#pragma once
#include <chrono>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

EM_JS(double, bench_performance_now_ms, (), { return performance.now(); });

struct Clock {
    using time_point = double;  // milliseconds
    static time_point now() { return bench_performance_now_ms(); }
};
inline double micros_since(Clock::time_point t0) { return (Clock::now() - t0) * 1000.0; }
#else
using Clock = std::chrono::steady_clock;
inline double micros_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}
#endif
