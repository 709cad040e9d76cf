#!/usr/bin/env bash
# Installs everything the build and tests need: Debian packages (only when one is missing),
# the pinned Dear ImGui sources (scripts/fetch-imgui.sh) and the npm tooling (package-lock.json).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
PKGS=(build-essential cmake pkg-config git ca-certificates xz-utils dpkg-dev
  emscripten binaryen nodejs
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev sqlite3 doctest-dev
  libsodium-dev libssl-dev libopencc-dev opencc unicode-data libqrcodegencpp-dev libcairo2-dev
  fonts-noto-cjk python3 python3-fonttools brotli gzip bzip2
  chromium zbar-tools poppler-utils librsvg2-bin)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then echo "deps: run as root (or install: ${missing[*]})" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
"$root/scripts/fetch-imgui.sh"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
