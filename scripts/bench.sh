#!/usr/bin/env bash
# Benchmarks (`make bench`): builds what each needs (build/bench-native, build/bench-wasm), runs it
# writing JSON lines {"name","value","unit"} to build/bench/<bench>-*.jsonl, then assembles every
# build/bench/*.jsonl into build/bench/report.json and report.md (scripts/bench_report.py).
# Usage: scripts/bench.sh [bench…]   (default: all; known: search geo places web)
# Adding a benchmark: write a function bench_<name> that writes $OUT/<name>-*.jsonl, add <name>
# to ALL_BENCHES.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

"$root/scripts/deps.sh"   # the only installing step

export NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs   # Debian's emcc needs Debian's node modules
# Debian's emscripten uses its own prebuilt (frozen) cache of system libraries: leave EM_CACHE alone.
JOBS=${BENCH_JOBS:-2}
OUT=build/bench
NATIVE=build/bench-native
WASM=build/bench-wasm
ALL_BENCHES=(search geo places web)
mkdir -p "$OUT"

# ---- builds (only the targets asked for; the whole wasm project also needs the ImGui app) ----
build_native() {  # targets…
  cmake -S . -B "$NATIVE" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$NATIVE" -j "$JOBS" --target "$@"
}
build_wasm() {  # targets…
  [ -f "$WASM/CMakeCache.txt" ] || emcmake cmake -S . -B "$WASM" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$WASM" -j "$JOBS" --target "$@"
}

# ---- benchmarks ----

# Search over a synthetic 3,300-item catalogue: per-keystroke median/p99, natively and in wasm.
bench_search() {
  build_native doorplate-gencat bench_search
  build_wasm bench_search
  "$NATIVE/bin/doorplate-gencat" --items 3300 --seed 1 --out "$OUT/cat3300"
  "$NATIVE/bin/bench_search" "$OUT/cat3300" >"$OUT/search-native.jsonl" 2>"$OUT/search-native.log"
  node --no-experimental-fetch "$WASM/bin/bench_search.js" "$OUT/cat3300" \
    >"$OUT/search-wasm.jsonl" 2>"$OUT/search-wasm.log"
  cat "$OUT/search-native.log"
}

# k-nearest among 100,000 service points and routes on a ~100,000-edge road graph, native and wasm.
bench_geo() {
  build_native bench_geo
  build_wasm bench_geo
  "$NATIVE/bin/bench_geo" >"$OUT/geo-native.jsonl"
  node --no-experimental-fetch "$WASM/bin/bench_geo.js" >"$OUT/geo-wasm.jsonl"
}

# The resident app's first view under slow 4G (bytes, time until drawn) and idle frames/s, in
# Chromium through CDP; uses the build `make bench` made (build/native, build/www).
bench_web() {
  node bench/bench_web.mjs "${WEB_RUNS:-5}" >"$OUT/web.jsonl" 2>"$OUT/web.log"
  cat "$OUT/web.log"
}

# The demo county (doorplate-gencounty): 5 nearest places for every doorplate, routes from 100
# doorplates to their nearest service centre; native only.
bench_places() {
  build_native doorplate-gencounty bench_places
  "$NATIVE/bin/doorplate-gencounty" --areas assets/demo/areas.json --items assets/guides/items --out "$OUT/demo"
  "$NATIVE/bin/bench_places" "$OUT/demo" >"$OUT/places-native.jsonl"
}

benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=("${ALL_BENCHES[@]}")
for b in "${benches[@]}"; do
  if ! declare -F "bench_$b" >/dev/null; then
    echo "bench: unknown benchmark '$b' (known: ${ALL_BENCHES[*]})" >&2
    exit 2
  fi
  echo "== bench $b"
  "bench_$b"
done

/usr/bin/python3 "$root/scripts/bench_report.py" "$OUT"
