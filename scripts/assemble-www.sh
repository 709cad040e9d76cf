#!/usr/bin/env bash
# Assembles the served web root: www/ (shell, styles, service worker) + the wasm apps + built
# data. Scripts, styles and wasm get content-hashed names (app.3f9c0a1b2c.css) so the server
# can let browsers keep them for a year; index.html and sw.js keep fixed names and point at
# this build's hashed files.
# Usage: assemble-www.sh WASM_BUILD NATIVE_BUILD OUT
set -euo pipefail
wasm=$1 native=$2 out=$3
mkdir -p "$out/data"

hash10() { sha256sum "$1" | cut -c1-10; }
# Copies SRC into $out under its hashed name, removes older builds of it, prints the URL path.
hashed() {  # SRC
  local src=$1 base stem ext h name
  base=$(basename "$src"); stem=${base%.*}; ext=${base##*.}
  h=$(hash10 "$src"); name="$stem.$h.$ext"
  for old in "$out/$stem".??????????."$ext" "$out/$stem".??????????."$ext".br "$out/$stem".??????????."$ext".gz; do
    [ -e "$old" ] || continue
    case "$old" in "$out/$name"|"$out/$name".br|"$out/$name".gz) ;; *) rm -f "$old" ;; esac
  done
  [ -f "$out/$name" ] || cp "$src" "$out/$name"
  echo "/$name"
}

# Files served under their own names.
for f in www/*; do
  case "$(basename "$f")" in index.html|desk.html|sw.js|app.css|app-shell.js) ;; *) cp -u "$f" "$out/" ;; esac
done
rm -f "$out/app.css" "$out/app-shell.js" "$out/resident.js" "$out/resident.wasm" "$out"/resident.wasm.{br,gz}
rm -f "$out/desk.js" "$out/desk.wasm" "$out"/desk.wasm.{br,gz}
rm -f "$out/resident_help.js" "$out/resident_help.wasm" "$out"/resident_help.wasm.{br,gz}

css=$(hashed www/app.css)
shell=$(hashed www/app-shell.js)
js=$(hashed "$wasm/bin/resident.js")
wasmfile=$(hashed "$wasm/bin/resident.wasm")
# The help app (找人帮我办, 我的申请): loaded only on its pages; precached for offline use.
helpjs=$(hashed "$wasm/bin/resident_help.js")
helpwasm=$(hashed "$wasm/bin/resident_help.wasm")

sed -e "s#href=\"/app.css\"#href=\"$css\"#" \
    -e "s#src=\"/app-shell.js\"#src=\"$shell\"#" \
    -e "s#data-app-state=\"loading\"#data-app-state=\"loading\" data-js=\"$js\" data-wasm=\"$wasmfile\" data-help-js=\"$helpjs\" data-help-wasm=\"$helpwasm\"#" \
    -e "s#<link rel=\"icon\"#<link rel=\"preload\" href=\"$js\" as=\"script\">\n<link rel=\"icon\"#" \
    www/index.html > "$out/index.html.tmp"
grep -q "data-wasm=\"$wasmfile\"" "$out/index.html.tmp" || { echo "assemble-www: index.html has no data-app-state to annotate" >&2; exit 1; }
mv "$out/index.html.tmp" "$out/index.html"

# The agent console's shell (/desk): the same styles and shell script, its own app.
desk_js=$(hashed "$wasm/bin/desk.js")
desk_wasm=$(hashed "$wasm/bin/desk.wasm")
sed -e "s#href=\"/app.css\"#href=\"$css\"#" \
    -e "s#src=\"/app-shell.js\"#src=\"$shell\"#" \
    -e "s#data-app-state=\"loading\"#data-app-state=\"loading\" data-js=\"$desk_js\" data-wasm=\"$desk_wasm\"#" \
    -e "s#<link rel=\"icon\"#<link rel=\"preload\" href=\"$desk_js\" as=\"script\">\n<link rel=\"icon\"#" \
    www/desk.html > "$out/desk.html.tmp"
grep -q "data-wasm=\"$desk_wasm\"" "$out/desk.html.tmp" || { echo "assemble-www: desk.html has no data-app-state to annotate" >&2; exit 1; }
mv "$out/desk.html.tmp" "$out/desk.html"

# Sample and step pictures named by the guides (checked to exist by doorplate-catalogue).
mkdir -p "$out/assets"
rm -rf "$out/assets/images" && cp -r assets/images "$out/assets/images"
if [ -f "$native/catalogue/catalogue.json" ]; then cp -u "$native/catalogue/catalogue.json" "$out/data/"; fi

# The service worker: this build's shell files and a version that changes with any of them.
version=$(cat "$out/index.html" "$out/favicon.svg" | sha256sum | cut -c1-10)
shell_list="[\"/index.html\", \"$css\", \"$shell\", \"$js\", \"$wasmfile\", \"$helpjs\", \"$helpwasm\", \"/favicon.svg\"]"
sed -e "s#__VERSION__#$version#" -e "s#__SHELL__#$shell_list#" www/sw.js > "$out/sw.js"

# Precompressed copies of the wasm (brotli, gzip), picked by Accept-Encoding; the server
# compresses text (html, js, css, json) on the fly.
rm -f "$out"/*.js.br "$out"/*.js.gz "$out"/*.css.br "$out"/*.css.gz "$out"/*.html.br "$out"/*.html.gz "$out"/*.svg.br "$out"/*.svg.gz
for f in "$out"/*.wasm; do
  [ -f "$f" ] || continue
  [ "$f.br" -nt "$f" ] || brotli -f -q 11 -o "$f.br" "$f"
  [ "$f.gz" -nt "$f" ] || gzip -9 -n -c "$f" > "$f.gz"
done
