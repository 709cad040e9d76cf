#!/usr/bin/env bash
# Assembles the served web root: www/ (shell, styles) + the wasm apps + built data.
# Usage: assemble-www.sh WASM_BUILD NATIVE_BUILD OUT
set -euo pipefail
wasm=$1 native=$2 out=$3
mkdir -p "$out/data"
cp -u www/* "$out/"
for app in resident; do
  cp -u "$wasm/bin/$app.js" "$wasm/bin/$app.wasm" "$out/"
done
if [ -f "$native/catalogue/catalogue.json" ]; then cp -u "$native/catalogue/catalogue.json" "$out/data/"; fi
# Precompressed copies of the wasm (brotli, gzip), picked by Accept-Encoding; the server
# compresses text (html, js, css, json) on the fly.
rm -f "$out"/*.js.br "$out"/*.js.gz "$out"/*.css.br "$out"/*.css.gz "$out"/*.html.br "$out"/*.html.gz "$out"/*.svg.br "$out"/*.svg.gz
for f in "$out"/*.wasm; do
  [ -f "$f" ] || continue
  [ "$f.br" -nt "$f" ] || brotli -f -q 11 -o "$f.br" "$f"
  [ "$f.gz" -nt "$f" ] || gzip -9 -n -c "$f" > "$f.gz"
done
