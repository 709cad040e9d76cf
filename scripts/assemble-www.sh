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

# The shell of a page: its app's script and wasm are fetched from the start (preloads found by
# the HTML parser, before the shell script runs); the wasm preload is the very fetch the shell
# compiles from (same URL, CORS mode, credentials).
page_shell() {  # SRC_HTML OUT_HTML JS WASM DATA_ATTRIBUTES
  sed -e "s#href=\"/app.css\"#href=\"$css\"#" \
      -e "s#src=\"/app-shell.js\"#src=\"$shell\"#" \
      -e "s#data-app-state=\"loading\"#data-app-state=\"loading\" $5#" \
      -e "s#<link rel=\"icon\"#<link rel=\"preload\" href=\"$4\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n<link rel=\"preload\" href=\"$3\" as=\"script\">\n<link rel=\"icon\"#" \
      "$1" > "$2.tmp"
  grep -q "data-wasm=\"$4\"" "$2.tmp" || { echo "assemble-www: $1 has no data-app-state to annotate" >&2; exit 1; }
  mv "$2.tmp" "$2"
}
# Every page under /d/<code> is the resident app; index.html also names the help app, which the
# shell loads on the help pages when index.html stands in for help.html (offline, service worker).
page_shell www/index.html "$out/index.html" "$js" "$wasmfile" \
  "data-js=\"$js\" data-wasm=\"$wasmfile\" data-help-js=\"$helpjs\" data-help-wasm=\"$helpwasm\""
# The help pages (/d/<code>/help…, /d/<code>/requests…: the server sends help.html) preload the
# help app instead.
page_shell www/index.html "$out/help.html" "$helpjs" "$helpwasm" \
  "data-js=\"$helpjs\" data-wasm=\"$helpwasm\" data-help-js=\"$helpjs\" data-help-wasm=\"$helpwasm\""

# The agent console's shell (/desk): the same styles and shell script, its own app.
desk_js=$(hashed "$wasm/bin/desk.js")
desk_wasm=$(hashed "$wasm/bin/desk.wasm")
page_shell www/desk.html "$out/desk.html" "$desk_js" "$desk_wasm" "data-js=\"$desk_js\" data-wasm=\"$desk_wasm\""

# Sample and step pictures named by the guides (checked to exist by doorplate-catalogue).
mkdir -p "$out/assets"
rm -rf "$out/assets/images" && cp -r assets/images "$out/assets/images"
if [ -f "$native/catalogue/catalogue.json" ]; then cp -u "$native/catalogue/catalogue.json" "$out/data/"; fi

# The service worker: this build's shell files and a version that changes with any of them.
version=$(cat "$out/index.html" "$out/favicon.svg" | sha256sum | cut -c1-10)
shell_list="[\"/index.html\", \"$css\", \"$shell\", \"$js\", \"$wasmfile\", \"$helpjs\", \"$helpwasm\", \"/favicon.svg\"]"
sed -e "s#__VERSION__#$version#" -e "s#__SHELL__#$shell_list#" www/sw.js > "$out/sw.js"

# Precompressed copies (brotli, gzip) of the wasm and of the hashed scripts and styles, picked by
# Accept-Encoding; the server compresses the rest of the text (html, json) on the fly. (Compressing
# the app's 110 KB script with brotli at every request took the server longer than the transfer.)
rm -f "$out"/*.html.br "$out"/*.html.gz "$out"/*.svg.br "$out"/*.svg.gz "$out"/sw.js.br "$out"/sw.js.gz
for f in "$out"/*.wasm "$out"/*.??????????.js "$out"/*.??????????.css; do
  [ -f "$f" ] || continue
  [ "$f.br" -nt "$f" ] || brotli -f -q 11 -o "$f.br" "$f"
  [ "$f.gz" -nt "$f" ] || gzip -9 -n -c "$f" > "$f.gz"
done
