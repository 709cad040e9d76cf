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
