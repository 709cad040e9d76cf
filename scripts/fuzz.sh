#!/usr/bin/env bash
# `make fuzz`: builds every libFuzzer target (clang, ASan+UBSan) in build/fuzz and runs each for
# FUZZ_SECONDS (default 60) from its seed corpus in fuzz/corpus/<target>/ (copied, so the repo
# stays clean). Any crash, sanitizer report or broken invariant fails the run; the input is
# left in build/fuzz/crashes/ — fix the bug and keep the input in fuzz/regressions/<target>/
# (make test replays it). Writes build/fuzz/summary.md.
# Usage: scripts/fuzz.sh [target…]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/deps.sh"
need=(); for p in clang-14 libclang-rt-14-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

SECONDS_EACH=${FUZZ_SECONDS:-60}
B=build/fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOORPLATE_SANITIZE=ON \
  -DDOORPLATE_FUZZ=ON -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(validate doorplate_code csv geojson opening_hours guide_json resident_route search_query
  submission_body login_body new_user_body reveal_body upload_form routes)
cmake --build "$B" -j "${JOBS:-2}" --target $(printf 'fuzz_%s ' "${targets[@]}")

mkdir -p "$B/crashes" "$B/logs"
summary="$B/summary.md"
{ echo "# Fuzzing summary"; echo; echo "$(date -u '+%Y-%m-%d %H:%M UTC'), ${SECONDS_EACH} s per target, $(nproc) cores."; echo
  echo "| target | runs | corpus (seed → end) | coverage (edges) | peak RSS | result |"; echo "|---|---|---|---|---|---|"; } >"$summary"
failed=0
for t in "${targets[@]}"; do
  work="$B/corpus/$t"; mkdir -p "$work"
  seeds=$(find "fuzz/corpus/$t" -type f | wc -l)
  log="$B/logs/$t.log"
  echo "== fuzz $t (${SECONDS_EACH} s)"
  if UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=fuzz/lsan.supp \
     "$B/bin/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
       -print_final_stats=1 -artifact_prefix="$B/crashes/$t-" "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"; failed=1
    grep -a -m5 'ERROR\|invariant\|SUMMARY' "$log" || true
  fi
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  rss=$(grep -a 'stat::peak_rss_mb' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -a -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  end=$(find "$work" -type f | wc -l)
  echo "| $t | ${runs:-?} | $seeds → $((seeds + end)) | ${cov:-?} | ${rss:-?} MB | $result |" >>"$summary"
done
echo; cat "$summary"
exit $failed
