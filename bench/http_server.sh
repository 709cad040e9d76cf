# Sourced by scripts/bench.sh, bench/http_cost.sh and bench/http_cpu.sh: starts the server as the
# HTTP benchmarks run it and waits for its port.
# http_server_start PREFIX [wrapper…] -- SERVER_BIN [args…]: output in PREFIX.out/.err; sets pid, port.
http_server_start() {
  local prefix=$1; shift
  local wrapper=()
  while [ "$1" != "--" ]; do wrapper+=("$1"); shift; done
  shift
  local bin=$1; shift
  "${wrapper[@]}" "$bin" --port 0 --www build/www --assets assets --catalogue /nonexistent \
    --log-level error --rate-limit 0 --threads "${BENCH_HTTP_CONNECTIONS:-64}" "$@" >"$prefix.out" 2>"$prefix.err" &
  pid=$!
  for _ in $(seq 1 600); do
    port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$prefix.out")
    [ -n "$port" ] && return 0
    sleep 0.2
  done
  echo "bench: server did not start: $(cat "$prefix.err")" >&2
  return 1
}
