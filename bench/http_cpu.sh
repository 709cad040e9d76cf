#!/usr/bin/env bash
# Server CPU time per request, user and kernel (from /proc/PID/stat), for GET /healthz and for a
# durable submission: what callgrind (user space only) leaves out. Counts, not rates: usable on
# a busy machine. Usage: bench/http_cpu.sh SERVER_BIN BODY_FILE [N] [CONNECTIONS] [extra server args…]
set -euo pipefail
bin=$1 body=$2 n=${3:-6400} conns=${4:-64}
shift $(( $# < 4 ? $# : 4 ))
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/doorplate-cpu-XXXXXX)
# shellcheck source=bench/http_server.sh
. "$here/http_server.sh"
http_server_start "$dir/server" -- "$bin" --db "$dir/cpu.db" "$@"
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14, $15}' "/proc/$pid/stat"; }
run() {  # name, http_count args…
  local name=$1; shift
  local u0 s0 u1 s1
  read -r u0 s0 < <(cpu)
  /usr/bin/python3 "$here/http_count.py" "$port" "$@" >/dev/null
  read -r u1 s1 < <(cpu)
  echo "${name}_user_us $(( (u1 - u0) * 1000000 / tck / n )) ${name}_sys_us $(( (s1 - s0) * 1000000 / tck / n ))"
}
/usr/bin/python3 "$here/http_count.py" "$port" /healthz 640 "$conns" >/dev/null          # warm up
/usr/bin/python3 "$here/http_count.py" "$port" /api/v1/requests 640 "$conns" "$body" >/dev/null
run healthz /healthz "$n" "$conns"
run submit /api/v1/requests "$n" "$conns" "$body"
kill -TERM "$pid"; wait "$pid" || true
rm -rf "$dir"
