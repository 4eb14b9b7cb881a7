#!/usr/bin/env bash
# `make bench-search`: search's latency over 100,000 articles (issue 16), once on
# SQLite and once on PostgreSQL. The release server on the generated data set of
# `make bench` (BENCH_ARTICLES, its seed), then bench/search-load.mjs: BENCH_SEARCHES
# searches (3,000) of one to four words, one at a time (the latency a reader waits),
# then four at a time. Budget: p50 under 10 ms, p99 under 50 ms. Writes
# bench/results/search.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ARTICLES=${BENCH_ARTICLES:-100000}
SEED=${BENCH_SEED:-2026}
SEARCHES=${BENCH_SEARCHES:-3000}
BIN=${BIN:-$root/target/release/toasoan}
SITE=${SITE:-$root/target/site}
WORK=${WORK:-$(mktemp -d /tmp/toasoan-search.XXXXXX)}
BACKENDS=${BENCH_BACKENDS:-sqlite postgres}
[ -n "${BENCH_SKIP_BUILD:-}" ] || make build-release
export ARTICLES SEED SEARCHES BIN SITE WORK root
: >"$WORK/search.jsonl"

one() {
  local backend=$1 dir="$WORK/$1" port=$((4400 + RANDOM % 500)) url
  mkdir -p "$dir"
  case "$backend" in
    sqlite) url="sqlite://$dir/toasoan.db" ;;
    postgres) url="${TOASOAN_TEST_POSTGRES_URL:?with-postgres gives the address}" ;;
  esac
  echo "bench-search[$backend]: generating $ARTICLES articles (seed $SEED)"
  local start gen
  start=$(date +%s)
  "$BIN" --database "$url" --data-dir "$dir" sample --articles "$ARTICLES" --seed "$SEED" >"$dir/sample.log" 2>&1 \
    || { tail -20 "$dir/sample.log"; exit 1; }
  gen=$(( $(date +%s) - start ))
  TOASOAN_CONFIG="$root/bench/toasoan.toml" RUST_LOG=warn "$BIN" --database "$url" --data-dir "$dir" \
    serve --addr "127.0.0.1:$port" --site-root "$SITE" >"$dir/server.log" 2>&1 &
  local server=$!
  trap 'kill $server 2>/dev/null || true' RETURN
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  local c line
  for c in 1 4; do
    line=$(node bench/search-load.mjs --base "http://127.0.0.1:$port" --requests "$SEARCHES" --concurrency "$c")
    echo "{\"backend\":\"$backend\",\"articles\":$ARTICLES,\"generated_s\":$gen,\"load\":$line}" | tee -a "$WORK/search.jsonl"
  done
}

for b in $BACKENDS; do
  if [ "$b" = postgres ]; then
    declare -f one >"$WORK/one.sh"
    ./scripts/with-postgres.sh bash -c ". '$WORK/one.sh'; set -euo pipefail; one postgres"
  else
    one "$b"
  fi
done
python3 - "$WORK/search.jsonl" <<'PY' | tee bench/results/search.md
import json, sys, datetime
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(f"Written by `make bench-search` on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; 2-core machine, the load from the same machine (Node.js), one run each. Each search is the whole results page (/tim-kiem?q=…); latencies in ms. Budget: p50 under 10, p99 under 50.\n")
print("| database | articles | at once | searches/s | p50 | p90 | p99 | max | p50/p99 by words (1, 2, 3, 4) | errors | budget |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|")
for r in rows:
    l, a = r["load"], r["load"]["all"]
    by = ", ".join(f"{l['words'][k]['p50']}/{l['words'][k]['p99']}" for k in "1234")
    errs = ", ".join(f"{k} ×{v}" for k, v in l["errors"].items()) or "0"
    ok = a["p50"] is not None and a["p50"] < 10 and a["p99"] < 50 and not l["errors"]
    print(f"| {r['backend']} | {r['articles']:,} | {l['concurrency']} | {l['per_s']:,} | {a['p50']} | {a['p90']} | {a['p99']} | {a['max']} | {by} | {errs} | {'met' if ok else 'missed'} |")
print("\nQueries asked (the first of each run): " + "; ".join(f"«{q}»" for q in rows[0]["load"]["examples"]) if rows else "")
PY
