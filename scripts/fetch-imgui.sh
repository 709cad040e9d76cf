#!/usr/bin/env bash
# Fetches the pinned Dear ImGui sources from Debian (apt-get source) into third_party/imgui,
# checking the upstream tarball's sha256. Uses a private apt state; the system's apt config is untouched.
set -euo pipefail
VERSION=1.92.2b+ds-1
SHA256=e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48
root=$(cd "$(dirname "$0")/.." && pwd)
tp=$root/third_party
[ -f "$tp/imgui/.stamp-$VERSION" ] && exit 0
mkdir -p "$tp/apt/lists/partial" "$tp/src"
uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$uri" ] || uri=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
printf 'Types: deb-src\nURIs: %s\nSuites: forky trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" > "$tp/apt/src.sources"
A=(-o "Dir::Etc::SourceList=$tp/apt/src.sources" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$tp/apt/lists")
orig=$tp/src/imgui_${VERSION%-*}.orig.tar.xz
if [ ! -f "$orig" ] || ! echo "$SHA256  $orig" | sha256sum -c --quiet - 2>/dev/null; then
  apt-get "${A[@]}" -qq update
  (cd "$tp/src" && apt-get "${A[@]}" -qq --download-only source "imgui=$VERSION")
fi
echo "$SHA256  $orig" | sha256sum -c --quiet - || { echo "imgui tarball checksum mismatch" >&2; exit 1; }
rm -rf "$tp/imgui" && mkdir -p "$tp/imgui"
tar -xf "$orig" -C "$tp/imgui" --strip-components=1
touch "$tp/imgui/.stamp-$VERSION"
echo "imgui $VERSION ready in third_party/imgui"
