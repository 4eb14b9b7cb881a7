#!/usr/bin/env bash
# Load benchmark: serves the demo portal from the release build on a fresh SQLite
# database and measures pages per second with wrk (Debian's package) on loopback.
# Bounded: each run lasts DURATION seconds. Usage: bench/run.sh  (or make bench)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-3190}
BIN=target/release/toasoan

command -v wrk >/dev/null || { echo "bench: install wrk (apt-get install -y wrk)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench: build first (cargo leptos build --release)" >&2; exit 1; }

data=$(mktemp -d /tmp/toasoan-bench.XXXXXX)
"$BIN" --data-dir "$data" serve --addr "127.0.0.1:$PORT" --demo-if-empty >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.2; done

article=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/bai-viet/[^"]*"' | head -n 1 | cut -d'"' -f2)
echo "Tòa Soạn bench: ${DURATION}s per page, $CONNECTIONS connections, $THREADS threads"
for path in / "$article" /chuyen-muc/xay-dung-dang; do
  for enc in identity gzip; do
    rate=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -H "Accept-Encoding: $enc" "http://127.0.0.1:$PORT$path" \
      | awk '/Requests\/sec/ {print $2}')
    printf '%-60s %-9s %10s req/s\n' "$path" "$enc" "$rate"
  done
done
