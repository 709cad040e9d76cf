# Sourced by bench/http_cost.sh and bench/http_cpu.sh: starts the server for a count-based
# measurement and waits for its port. http_server_start NAME DIR [wrapper…] -- SERVER_BIN [args…]
# sets pid and port (the server's own flags for a measurement come first, then the caller's).
http_server_start() {
  local name=$1 dir=$2; shift 2
  local wrapper=()
  while [ "$1" != "--" ]; do wrapper+=("$1"); shift; done
  shift
  local bin=$1; shift
  "${wrapper[@]}" "$bin" --port 0 --db "$dir/$name.db" --www build/www --assets assets --catalogue /nonexistent \
    --log-level error --rate-limit 0 --threads 64 "$@" >"$dir/out" 2>"$dir/err" &
  pid=$!
  for _ in $(seq 1 600); do
    port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$dir/out")
    [ -n "$port" ] && return 0
    sleep 0.2
  done
  echo "$name: server did not start: $(cat "$dir/err")" >&2
  exit 1
}
