#!/usr/bin/env bash
# `make bench`: Tòa Soạn's release build against nginx serving the same bytes, on a
# generated portal of 100,000 articles, once on SQLite and once on PostgreSQL, loopback
# only. Installs what it needs (nginx with brotli_static, wrk, brotli, PostgreSQL),
# then prints and writes bench/results/latest.md. See bench/README.md.
#
# Settings (environment): BENCH_ARTICLES (100000), BENCH_SEED (2026), BENCH_DURATION
# (seconds per measurement, 8), BENCH_CONNECTIONS (32), BENCH_SKIP_BUILD=1 to measure
# the release build already in target/, BENCH_BACKENDS ("sqlite postgres"),
# BENCH_DEEP_PAGE (2000: the deep category page; lower for a small BENCH_ARTICLES).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

missing=""
command -v nginx >/dev/null || missing="$missing nginx-light"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
command -v wrk >/dev/null || missing="$missing wrk"
command -v brotli >/dev/null || missing="$missing brotli"
command -v psql >/dev/null || missing="$missing postgresql"
if [ -n "$missing" ]; then
  echo "bench: installing$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  make build-release
fi

export WORK
WORK=$(mktemp -d /tmp/toasoan-bench.XXXXXX)
# what was measured is kept even when a later step fails
trap 'mkdir -p bench/results; cp "$WORK/results.jsonl" bench/results/partial.jsonl 2>/dev/null; rm -rf "$WORK"' EXIT
export BIN="$root/target/release/toasoan" SITE="$root/target/site"
export ARTICLES=${BENCH_ARTICLES:-100000} SEED=${BENCH_SEED:-2026}
export DURATION=${BENCH_DURATION:-8} CONNS=${BENCH_CONNECTIONS:-32} DEEP_PAGE=${BENCH_DEEP_PAGE:-2000}
: >"$WORK/results.jsonl"

for backend in ${BENCH_BACKENDS:-sqlite postgres}; do
  if [ "$backend" = postgres ]; then
    ./scripts/with-postgres.sh bench/backend.sh postgres
  else
    bench/backend.sh "$backend"
  fi
done

# the block editor's typing on a 5,000-word article, in Chromium (bench/editor-typing.mjs)
node bench/editor-typing.mjs --bin "$BIN" >>"$WORK/results.jsonl"

mkdir -p bench/results
python3 bench/report.py "$WORK/results.jsonl" "$SITE/pkg" >bench/results/latest.md
cp "$WORK/results.jsonl" bench/results/latest.jsonl
cat bench/results/latest.md
