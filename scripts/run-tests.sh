#!/usr/bin/env bash
# Runs every test layer and ends with one line "N passed, N failed" (test cases over all layers):
# 1 core unit tests (native), 2 the same compiled to wasm under node, 3 server integration
# tests over real HTTP, 4 browser end-to-end tests in Chromium. Exit status 1 if anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
NATIVE=${NATIVE:-build/native}
WASM=${WASM:-build/wasm}
mkdir -p build/test-artifacts build/test-logs
passed=0; failed=0; broken=()

# doctest prints "[doctest] test cases: N | P passed | F failed | S skipped"
count_doctest() {  # $1 = layer name, $2 = log file, $3 = exit status
  local line p f
  line=$(sed 's/\x1b\[[0-9;]*m//g' "$2" | grep -a '^\[doctest\] test cases:' | tail -1)
  if [ -z "$line" ]; then broken+=("$1 (exit $3, no summary)"); failed=$((failed+1)); return; fi
  p=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  passed=$((passed+p)); failed=$((failed+f))
  if [ "$3" != 0 ] && [ "$f" = 0 ]; then broken+=("$1 (exit $3)"); failed=$((failed+1)); fi
  echo "  $1: $p passed, $f failed"
}
run_layer() {  # $1 = name, rest = command
  local name=$1; shift
  local log=build/test-logs/$name.log
  echo "== $name"
  "$@" >"$log" 2>&1; local rc=$?
  if [ $rc != 0 ]; then grep -a -B2 -A8 'ERROR\|FAIL\|Error\|error:' "$log" | head -60; fi
  echo "$log" >/dev/null
  LAST_RC=$rc
}

run_layer core-native "$NATIVE/bin/core_tests"
count_doctest core-native build/test-logs/core-native.log $LAST_RC

if [ -z "${SKIP_WASM:-}" ]; then
  run_layer core-wasm node --no-experimental-fetch "$WASM/bin/core_tests.js"
  count_doctest core-wasm build/test-logs/core-wasm.log $LAST_RC
fi

run_layer server "$NATIVE/bin/server_tests"
count_doctest server build/test-logs/server.log $LAST_RC

if [ -z "${SKIP_E2E:-}" ]; then
  # The e2e runner prints "e2e: P passed, F failed" as its last line.
  run_layer e2e node tests/e2e/run.mjs
  line=$(grep -a '^e2e: [0-9]* passed, [0-9]* failed' build/test-logs/e2e.log | tail -1)
  if [ -z "$line" ]; then broken+=("e2e (exit $LAST_RC, no summary)"); failed=$((failed+1)); tail -30 build/test-logs/e2e.log
  else
    p=$(sed -E 's/e2e: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$line")
    passed=$((passed+p)); failed=$((failed+f)); echo "  e2e: $p passed, $f failed"
    grep -a '^  \(ok\|FAIL\)' build/test-logs/e2e.log | sed 's/^/  /'
  fi
fi

for b in "${broken[@]}"; do echo "broken layer: $b"; done
echo "logs: build/test-logs/, screenshots: build/test-artifacts/"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
