#!/usr/bin/env bash
# Benchmarks (`make bench`): builds what each needs (build/bench-native, build/bench-wasm), runs it
# writing JSON lines {"name","value","unit"} to build/bench/<bench>-*.jsonl, then assembles every
# build/bench/*.jsonl into build/bench/report.json and report.md (scripts/bench_report.py).
# Usage: scripts/bench.sh [bench…]   (default: all; known: search geo places web http)
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
ALL_BENCHES=(search geo places web http)
mkdir -p "$OUT"

# ---- builds (only the targets asked for; the whole wasm project also needs the ImGui app) ----
build_native() {  # targets…
  cmake -S . -B "$NATIVE" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$NATIVE" -j "$JOBS" --target "$@"
}
build_wasm() {  # targets…
  emcmake cmake -S . -B "$WASM" -DCMAKE_BUILD_TYPE=Release >/dev/null
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
  # The floor under the same conditions: the same runtime and shell drawing three lines of text
  # (bench/floor/bare_app.cpp), i.e. what any app on these parts needs before its own work.
  build_wasm bare_app
  bench/floor/floor_www.sh build/www "$WASM/bin/bare_app.js" "$WASM/bin/bare_app.wasm" "$OUT/www-floor"
  node bench/bench_web.mjs "${WEB_RUNS:-5}" --www "$OUT/www-floor" --prefix floor >>"$OUT/web.jsonl" 2>>"$OUT/web.log"
  rm -rf "$OUT/www-floor"
  cat "$OUT/web.log"
}

# The demo county (doorplate-gencounty): 5 nearest places for every doorplate, routes from 100
# doorplates to their nearest service centre; native only.
bench_places() {
  build_native doorplate-gencounty bench_places
  "$NATIVE/bin/doorplate-gencounty" --areas assets/demo/areas.json --items assets/guides/items --out "$OUT/demo"
  "$NATIVE/bin/bench_places" "$OUT/demo" >"$OUT/places-native.jsonl"
}

# ---- HTTP: the server against nginx, and durable submissions (bench-only deps: wrk, nginx) ----
bench_http_deps() {
  local missing=()
  for p in wrk nginx curl; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
# shellcheck source=bench/http_server.sh
. bench/http_server.sh
http_start_server() {  # $1 = log/prefix, rest = extra args; sets SERVER_PID and SERVER_PORT
  local prefix=$1; shift
  http_server_start "$prefix" -- "$NATIVE/bin/doorplate-server" "$@" || return 1
  SERVER_PID=$pid SERVER_PORT=$port
}
http_stop_server() { kill -TERM "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; }
# The writer's totals from /metrics → "writes batches work_seconds commit_seconds"
http_writer_totals() {
  curl -s "$1/metrics" | awk '/^doorplate_writes_committed_total /{w=$2} /^doorplate_write_batches_total /{b=$2}
    /^doorplate_write_work_seconds_total /{k=$2} /^doorplate_write_commit_seconds_total /{c=$2} END{print w+0, b+0, k+0, c+0}'
}
# wrk run → "rps p99_ms non2xx"
http_wrk() {  # $1 = url, $2 = connections, rest = extra wrk args
  local url=$1 conns=$2; shift 2
  wrk -t2 -c"$conns" -d"${BENCH_HTTP_SECONDS:-5}"s --latency "$@" "$url" | /usr/bin/python3 -c '
import re, sys
t = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s*([\d.]+)", t).group(1))
m = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", t)
err = re.search(r"Socket errors:.*", t)
print(rps, p99, int(bad.group(1)) if bad else 0, "errors" if err else "")'
}
# Median over BENCH_HTTP_RUNS runs (default 3) → "rps p99_ms non2xx"
http_median() {
  local runs=${BENCH_HTTP_RUNS:-3} out=()
  for i in $(seq 1 "$runs"); do out+=("$(BENCH_RUN="r$i-$(date +%s%N)" http_wrk "$@")"); done
  printf '%s\n' "${out[@]}" | /usr/bin/python3 -c '
import statistics, sys
rows = [l.split() for l in sys.stdin if l.strip()]
print(statistics.median(float(r[0]) for r in rows), statistics.median(float(r[1]) for r in rows), sum(int(r[2]) for r in rows))'
}
# The submission floor server: its /healthz, its one-row durable submissions, then (restarted
# with --no-store) the same POST parsed and answered without storing → three "rps p99 non2xx" lines.
http_floor() {  # $1 = work dir, $2 = connections
  local dir=$1 conns=$2 mode pid port
  for mode in store no-store; do
    rm -f "$dir/floor.port"
    "$NATIVE/bin/bench_submit_floor" "$dir/floor-$mode.db" "$dir/floor.port" $([ "$mode" = no-store ] && echo --no-store) &
    pid=$!
    for _ in $(seq 1 100); do [ -s "$dir/floor.port" ] && break; sleep 0.1; done
    port=$(cat "$dir/floor.port")
    [ "$mode" = store ] && http_median "http://127.0.0.1:$port/healthz" "$conns"
    http_median "http://127.0.0.1:$port/api/v1/requests" "$conns" -s bench/submit.lua
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  done
}
bench_http() {
  bench_http_deps
  build_native doorplate-server bench_submit_floor
  local dir; dir=$(mktemp -d /tmp/doorplate-bench-XXXXXX)
  local jsonl="$OUT/http.jsonl" conns=${BENCH_HTTP_CONNECTIONS:-64}
  local load_start; load_start=$(cut -d' ' -f1 /proc/loadavg)
  : >"$jsonl"
  export BENCH_BODY="$dir/body.json"
  # Group commit (default) server with the demo county.
  http_start_server "$dir/group" --db "$dir/group.db" --demo
  local base="http://127.0.0.1:$SERVER_PORT"
  local item plate
  item=$(curl -s "$base/api/v1/items?limit=1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  plate=$(curl -s "$base/api/v1/doorplates?limit=1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["doorplates"][0]["code"])')
  printf '{"kind":"question","item_id":"%s","doorplate":"%s","contact":{"name":"张三","phone":"13800138000"},"payload":{"text":"请问办理需要带哪些材料？"}}' \
    "$item" "$plate" >"$BENCH_BODY"
  mkdir -p "$dir/www"
  curl -s "$base/api/v1/guides/$item" -o "$dir/www/guide.json"
  chmod -R a+rX "$dir"   # nginx workers (www-data) read the file: a 403 would be measured otherwise
  # nginx serving the same bytes as a static file.
  local nport=$((20000 + RANDOM % 20000))
  mkdir -p "$dir/nginx/logs"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx; proxy_temp_path $dir/nginx; fastcgi_temp_path $dir/nginx;
  uwsgi_temp_path $dir/nginx; scgi_temp_path $dir/nginx;
  gzip off;
  server { listen 127.0.0.1:$nport; root $dir/www; default_type application/json; }
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir/nginx" -g 'daemon off;' &
  local nginx_pid=$!
  sleep 0.5
  read -r g_rps g_p99 g_bad < <(http_median "$base/api/v1/guides/$item" "$conns")
  read -r n_rps n_p99 n_bad < <(http_median "http://127.0.0.1:$nport/guide.json" "$conns")
  read -r h_rps h_p99 h_bad < <(http_median "$base/healthz" "$conns")
  local w0 w1
  w0=$(http_writer_totals "$base")
  read -r s_rps s_p99 s_bad < <(http_median "$base/api/v1/requests" "$conns" -s bench/submit.lua)
  w1=$(http_writer_totals "$base")
  kill -TERM "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true
  http_stop_server
  "$NATIVE/bin/doorplate-server" --db "$dir/group.db" --check >/dev/null || echo "bench http: integrity check failed" >&2
  # One transaction per request.
  cp "$dir/group.db" "$dir/single.db"
  http_start_server "$dir/single" --db "$dir/single.db" --max-batch 1
  read -r o_rps o_p99 o_bad < <(http_median "http://127.0.0.1:$SERVER_PORT/api/v1/requests" "$conns" -s bench/submit.lua)
  http_stop_server
  # The floor (bench/floor/submit_floor.cpp): the same HTTP layer, JSON and group-commit writer
  # storing one row per submission and nothing else; then parsing only, storing nothing.
  local f_h f_s f_n
  read -r f_h _ _ f_s _ _ f_n _ _ < <(http_floor "$dir" "$conns" | tr '\n' ' '; echo)
  local bytes; bytes=$(stat -c %s "$dir/www/guide.json")
  /usr/bin/python3 - "$jsonl" <<PY
import json, os, sys
cores = os.cpu_count()
def r(a, b): return round(a / b, 2) if b else 0
rows = [
  {"name": "http_guide_rps", "value": $g_rps, "unit": "req/s", "baseline": "http_guide_rps_nginx", "ratio": r($g_rps, $n_rps)},
  {"name": "http_guide_p99", "value": $g_p99, "unit": "ms"},
  {"name": "http_guide_rps_nginx", "value": $n_rps, "unit": "req/s"},
  {"name": "http_guide_p99_nginx", "value": $n_p99, "unit": "ms"},
  {"name": "http_guide_bytes", "value": $bytes, "unit": "bytes"},
  {"name": "http_healthz_rps", "value": $h_rps, "unit": "req/s"},
  {"name": "http_healthz_p99", "value": $h_p99, "unit": "ms"},
  {"name": "http_submit_rps", "value": $s_rps, "unit": "req/s", "baseline": "http_healthz_rps", "ratio": r($s_rps, $h_rps)},
  {"name": "http_submit_p99", "value": $s_p99, "unit": "ms"},
  {"name": "http_submit_rps_group_vs_single", "value": r($s_rps, $o_rps), "unit": "ratio", "baseline": "http_submit_rps_single", "ratio": r($s_rps, $o_rps)},
  {"name": "http_submit_rps_single", "value": $o_rps, "unit": "req/s"},
  {"name": "http_submit_p99_single", "value": $o_p99, "unit": "ms"},
  {"name": "http_non2xx", "value": $g_bad + $n_bad + $h_bad + $s_bad + $o_bad, "unit": "count"},
  {"name": "http_floor_healthz_rps", "value": $f_h, "unit": "req/s"},
  {"name": "http_floor_submit_rps", "value": $f_s, "unit": "req/s", "baseline": "http_floor_healthz_rps", "ratio": r($f_s, $f_h)},
  {"name": "http_floor_post_unstored_rps", "value": $f_n, "unit": "req/s", "baseline": "http_floor_healthz_rps", "ratio": r($f_n, $f_h)},
  {"name": "http_cores", "value": cores, "unit": "cores"},
  {"name": "http_connections", "value": $conns, "unit": "count"},
  {"name": "http_load_average", "value": float(open("/proc/loadavg").read().split()[0]), "unit": "load"},
  {"name": "http_load_average_start", "value": $load_start, "unit": "load"},
]
# Group commit at work during the submission runs: writes per transaction, writer time per write.
w0, w1 = [float(x) for x in "$w0".split()], [float(x) for x in "$w1".split()]
d = [b - a for a, b in zip(w0, w1)]
if d[0] > 0 and d[1] > 0:
  rows += [
    {"name": "http_submit_writes_per_commit", "value": round(d[0] / d[1], 1), "unit": "writes"},
    {"name": "http_submit_writer_work_per_write", "value": round(d[2] / d[0] * 1e6), "unit": "us"},
    {"name": "http_submit_commit_time", "value": round(d[3] / d[1] * 1e3, 2), "unit": "ms"},
  ]
with open(sys.argv[1], "w") as f:
  for row in rows: f.write(json.dumps(row) + "\n")
  print("\n".join(json.dumps(row) for row in rows))
PY
  rm -rf "$dir"
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
