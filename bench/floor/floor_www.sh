#!/usr/bin/env bash
# The first view's floor as a web root: a copy of WWW whose resident app (the files index.html
# names in data-js / data-wasm) is the bare app (bench/floor/bare_app.cpp), precompressed like
# the real one. Usage: bench/floor/floor_www.sh WWW BARE_JS BARE_WASM OUT_DIR
set -euo pipefail
www=$1 js=$2 wasm=$3 out=$4
rm -rf "$out"
cp -r "$www" "$out"
html="$out/index.html"
js_name=$(sed -n 's/.*data-js="\/\([^"]*\)".*/\1/p' "$html")
wasm_name=$(sed -n 's/.*data-wasm="\/\([^"]*\)".*/\1/p' "$html")
[ -n "$js_name" ] && [ -n "$wasm_name" ] || { echo "floor_www: no data-js/data-wasm in $html" >&2; exit 1; }
for pair in "$js:$js_name" "$wasm:$wasm_name"; do
  src=${pair%%:*} name=${pair#*:}
  rm -f "$out/$name" "$out/$name.br" "$out/$name.gz"
  cp "$src" "$out/$name"
  brotli -q 11 -k "$out/$name"
  gzip -9 -k "$out/$name"
done
