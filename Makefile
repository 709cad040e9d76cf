# Doorplate: `make run` (install, build, seed the demo database, serve) and `make test`.
# Every target installs what it needs first (scripts/deps.sh; Debian packages need root).
SHELL := /bin/bash
HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= var/doorplate.db
# Base URL of links and poster QR codes, e.g. http://192.168.1.20:8080 (empty: http://HOST:PORT).
PUBLIC_URL ?=
JOBS ?= $(shell nproc)
BUILD_TYPE ?= RelWithDebInfo
# Debian's emscripten needs Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH := /usr/share/nodejs:/usr/lib/nodejs

NATIVE := build/native
WASM := build/wasm
WWW := build/www
SERVER := $(NATIVE)/bin/doorplate-server

.PHONY: all deps native wasm www build run test test-asan bench fuzz clean
all: build

build/.deps-stamp: scripts/deps.sh scripts/fetch-imgui.sh package.json package-lock.json
	@scripts/deps.sh
	@mkdir -p build && touch $@
deps: build/.deps-stamp

native: deps
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(NATIVE) -j $(JOBS)

wasm: deps
	@[ -f $(WASM)/CMakeCache.txt ] || emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(WASM) -j $(JOBS)

# The served web root: www/ (shell, styles, service worker) plus the wasm apps and data.
www: wasm native
	@scripts/assemble-www.sh $(WASM) $(NATIVE) $(WWW)

build: native www

run: build
	@mkdir -p $(dir $(DB))
	@exec $(SERVER) --db $(DB) --demo --demo-activity --demo-data $(NATIVE)/demo --www $(WWW) --assets assets --host $(HOST) --port $(PORT) $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL))

test: build
	@scripts/run-tests.sh

test-asan: deps
	@cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DDOORPLATE_SANITIZE=ON >/dev/null
	@cmake --build build/asan -j $(JOBS)
	@NATIVE=build/asan SKIP_WASM=1 SKIP_E2E=1 scripts/run-tests.sh

bench: build
	@scripts/bench.sh

# libFuzzer targets (fuzz/), FUZZ_SECONDS each (default 60) → build/fuzz/summary.md
fuzz: deps
	@scripts/fuzz.sh

clean:
	rm -rf build
