# Tòa Soạn — the two commands: `make run` and `make test`.
# Every tool is installed only when missing (see DESIGN.md §10); nothing downloads a
# prebuilt binary from outside the package registries.

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

# the PATH of the shell that called make, before the project's tools are put first
USER_PATH := $(PATH)
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CARGO_TERM_COLOR := never
CARGO_LEPTOS_VERSION := 0.3.10
WASM_BINDGEN_VERSION := 0.2.130
# splits the staff's client into its main part and the editor (scripts/staff-client.sh);
# the crate cargo-leptos links for its own --split, here as its command-line tool
WASM_SPLIT_VERSION := 0.2.3
ADDR ?= 127.0.0.1:3000

# The environment `cargo leptos build` gives the server build (debug): clippy and the
# tests use the same, so they reuse its artifacts instead of building everything again.
SERVER_ENV := RUSTFLAGS="--cfg erase_components" LEPTOS_OUTPUT_NAME=toasoan LEPTOS_SITE_ROOT=target/site \
  LEPTOS_SITE_PKG_DIR=pkg LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 LEPTOS_LIB_DIR=src \
  LEPTOS_BIN_DIR=server LEPTOS_HASH_FILES=true LEPTOS_HASH_FILE_NAME=hash.txt LEPTOS_JS_MINIFY=false

.PHONY: run test tools tools-rust tools-npm tools-apt fmt-check clippy build build-release unit integration e2e bench bench-quiz bench-search clean

# What the site's build reads: when none of it changed since the last build of the same
# profile (its stamp, in the site folder both profiles write to), the build is skipped,
# so a second `make run` serves in seconds. A missing output removes the stamp.
BUILD_INPUTS := $(shell find app src server style public scripts -type f) \
  Cargo.toml Cargo.lock $(wildcard */Cargo.toml)
RELEASE_STAMP := target/site/.built-release
DEBUG_STAMP := target/site/.built-debug
SITE_BUILT := $(and $(wildcard target/site/pkg/staff.json),$(wildcard target/site/pkg/toasoan*.wasm))
$(if $(and $(SITE_BUILT),$(wildcard target/release/toasoan),$(wildcard target/release/hash.txt)),,$(shell rm -f $(RELEASE_STAMP)))
$(if $(and $(SITE_BUILT),$(wildcard target/debug/toasoan),$(wildcard target/debug/hash.txt)),,$(shell rm -f $(DEBUG_STAMP)))

## make run: install what is missing, build (release) unless nothing changed, seed the demo
## into data/ if empty, serve.
run: tools-rust tools-npm build-release
	./target/release/toasoan serve --addr $(ADDR) --demo-if-empty

## make test: install what is missing, then format, clippy, unit, integration (SQLite and
## PostgreSQL) and end-to-end tests (Playwright in Debian's Chromium).
test: tools fmt-check build clippy integration e2e
	@echo "make test: all checks passed"

tools: tools-apt tools-rust tools-npm

tools-apt:
	missing=""
	command -v chromium >/dev/null || missing="$$missing chromium"
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"
	command -v python3 >/dev/null || missing="$$missing python3"
	if [ -n "$$missing" ]; then
	  echo "installing:$$missing"
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo
	  $$SUDO apt-get update -qq
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing
	fi

tools-rust:
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	# cargo-leptos as a debug build: it compiles in half the time (8.7 against 19.4
	# minutes on two cores) and builds the site as fast, its heavy steps being cargo's,
	# wasm-bindgen's and wasm-opt's (measured in README, Set up). wasm-bindgen and the
	# splitter stay optimised: as debug builds they save 1.5 minutes once but cost 7
	# seconds on every build (7.1 s against 1.7 s and 3.0 s against 0.5 s on the staff's
	# debug WASM).
	if ! cargo leptos --version 2>/dev/null | grep -q "$(CARGO_LEPTOS_VERSION)"; then
	  cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked --debug
	fi
	if ! wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)"; then
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	fi
	if ! cargo install --list | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; then
	  cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked
	fi

# wasm-opt is npm's Binaryen (one self-contained Node script). `cargo leptos build
# --release` run by hand looks for it on the shell's PATH, else downloads Binaryen from
# GitHub (which fails here): when the shell has none, or an older copy of this one, a
# copy goes beside the cargo-installed tools.
tools-npm:
	if [ ! -x end2end/node_modules/.bin/playwright ] || [ ! -x end2end/node_modules/.bin/wasm-opt ]; then
	  (cd end2end && npm ci --no-audit --no-fund)
	fi
	npm_opt=end2end/node_modules/binaryen/bin/wasm-opt
	own_opt="$(HOME)/.cargo/bin/wasm-opt"
	user_opt=$$(PATH="$(USER_PATH)" command -v wasm-opt || true)
	if [ -z "$$user_opt" ] || { [ "$$user_opt" = "$$own_opt" ] && [ "$$(head -c 19 "$$own_opt")" = "#!/usr/bin/env node" ] && ! cmp -s "$$own_opt" "$$npm_opt"; }; then
	  mkdir -p "$$(dirname "$$own_opt")"
	  cp "$$npm_opt" "$$own_opt"
	  echo "wasm-opt: npm's Binaryen copied to $$own_opt (for cargo leptos by hand)"
	fi

fmt-check:
	cargo fmt --all -- --check

clippy:
	$(SERVER_ENV) cargo clippy -p toasoan-server -p toasoan-app --all-targets --features toasoan-app/ssr -- -D warnings
	cargo clippy -p toasoan-web --target wasm32-unknown-unknown --features hydrate -- -D warnings
	cargo clippy -p toasoan-staff-web --target wasm32-unknown-unknown --features hydrate -- -D warnings

## debug build of server and clients (what the tests run); --split makes the account
## pages a part of their own, as in the release build; the admin area is the staff's
## client, built after the reader's (scripts/staff-client.sh)
build: $(DEBUG_STAMP)
$(DEBUG_STAMP): $(BUILD_INPUTS)
	rm -f $(RELEASE_STAMP) $(DEBUG_STAMP)
	cargo leptos build --split
	./scripts/staff-client.sh
	touch $@

## release build; --precompress writes each static file's brotli and gzip once, here
build-release: $(RELEASE_STAMP)
$(RELEASE_STAMP): $(BUILD_INPUTS)
	rm -f $(RELEASE_STAMP) $(DEBUG_STAMP)
	cargo leptos build --release --precompress --split
	./scripts/staff-client.sh --release
	touch $@

unit:
	$(SERVER_ENV) cargo test -p toasoan-app -p toasoan-server --features toasoan-app/ssr --lib

## unit and integration tests; the integration suite runs on SQLite and on a throwaway PostgreSQL
integration:
	$(SERVER_ENV) ./scripts/with-postgres.sh cargo test -p toasoan-app -p toasoan-server --features toasoan-app/ssr

e2e:
	cd end2end && npx playwright test

## make bench: release build against nginx at 100,000 articles (bench/README.md)
bench: tools-rust tools-npm
	./bench/run.sh

# a quiz round's launch-day burst: 130,000 entrants, 300 at once (bench/quiz.sh)
bench-quiz: tools-rust tools-npm
	./bench/quiz.sh

# search over 100,000 articles: p50 and p99 of one- to four-word queries (bench/search.sh)
bench-search: tools-rust tools-npm
	./bench/search.sh

clean:
	cargo clean
	rm -rf end2end/node_modules data
