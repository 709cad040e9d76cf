#!/usr/bin/env bash
# Instructions per request (callgrind, all threads of the server) for GET /healthz and for a
# durable submission (POST /api/v1/requests with an Idempotency-Key), measured in one server
# process: repeatable on a busy machine, unlike requests/s. Not the kernel's share (system calls).
# Usage: bench/http_cost.sh SERVER_BIN BODY_FILE [N] [CONNECTIONS] [extra server args…]
# e.g. bench/http_cost.sh build/native/bin/doorplate-server bench/submit_body.json 2000 16 --demo
# Prints "healthz_ir N" and "submit_ir N" (instructions per request), plus writes per commit.
set -euo pipefail
bin=$1 body=$2 n=${3:-2000} conns=${4:-16}
shift $(( $# < 4 ? $# : 4 ))
dir=$(mktemp -d /tmp/doorplate-cost-XXXXXX)
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/http_server.sh
. "$here/http_server.sh"
http_server_start "$dir/server" valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$dir/cg.%p" -- \
  "$bin" --db "$dir/cost.db" "$@"
count() { /usr/bin/python3 "$here/http_count.py" "$port" "$@" >/dev/null; }
writes() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^doorplate_writes_committed_total /{w=$2} /^doorplate_write_batches_total /{b=$2} END{print w+0, b+0}'; }
# Warm up both paths (statement cache, page cache, thread pool), then measure each alone.
count /healthz 200 "$conns"
count /api/v1/requests 200 "$conns" "$body"
measure() {  # name, count args…
  local name=$1; shift
  callgrind_control -z "$pid" >/dev/null
  callgrind_control -i on "$pid" >/dev/null
  count "$@"
  callgrind_control -i off "$pid" >/dev/null
  callgrind_control -d "$name" "$pid" >/dev/null
}
measure healthz /healthz "$n" "$conns"
read -r w0 b0 < <(writes)
measure submit /api/v1/requests "$n" "$conns" "$body"
read -r w1 b1 < <(writes)
kill -TERM "$pid"; wait "$pid" || true
total() { awk '/^totals:/{print $2; exit}' "$1"; }
for name in healthz submit; do
  f=$(grep -l "^desc: Trigger: dump $name" "$dir"/cg.* | head -1)
  echo "${name}_ir $(( $(total "$f") / n ))"
  [ -z "${KEEP_PROFILE:-}" ] || cp "$f" "build/callgrind.$name"
done
echo "writes_per_commit $(/usr/bin/python3 -c "print(round(($w1-$w0)/max(1,$b1-$b0),1))")"
[ -n "${KEEP_DIR:-}" ] && echo "kept $dir" || rm -rf "$dir"
