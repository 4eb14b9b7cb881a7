#!/usr/bin/env bash
# `make bench-quiz`: a quiz round's launch-day burst, once on SQLite and once on
# PostgreSQL (issue 15). The release server on a fresh database with the demo (its
# contest has an open round), bench/toasoan.toml's limits (every entrant comes from
# 127.0.0.1), then bench/quiz-load.mjs: BENCH_QUIZ_ENTRIES entrants (130,000),
# BENCH_QUIZ_CONCURRENCY at once (300), each a start, its sheet and its answers. Then
# the rows stored against the submissions acknowledged: every acknowledged entry must
# be there, and the round's live count must say as many. Writes bench/results/quiz.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ENTRIES=${BENCH_QUIZ_ENTRIES:-130000}
CONC=${BENCH_QUIZ_CONCURRENCY:-300}
BIN=${BIN:-$root/target/release/toasoan}
SITE=${SITE:-$root/target/site}
WORK=${WORK:-$(mktemp -d /tmp/toasoan-quiz.XXXXXX)}
BACKENDS=${BENCH_BACKENDS:-sqlite postgres}
[ -n "${BENCH_SKIP_BUILD:-}" ] || make build-release
export ENTRIES CONC BIN SITE WORK root
: >"$WORK/quiz.jsonl"

one() {
  local backend=$1 dir="$WORK/$1" port=$((3900 + RANDOM % 500)) url
  mkdir -p "$dir"
  case "$backend" in
    sqlite) url="sqlite://$dir/toasoan.db" ;;
    postgres) url="${TOASOAN_TEST_POSTGRES_URL:?with-postgres gives the address}" ;;
  esac
  sql() {
    if [ "$backend" = sqlite ]; then
      python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$dir/toasoan.db" "$1"
    else
      psql "$url" -tAc "$1"
    fi
  }
  "$BIN" --database "$url" --data-dir "$dir" demo >"$dir/demo.log" 2>&1 || { tail "$dir/demo.log"; exit 1; }
  TOASOAN_CONFIG="$root/bench/toasoan.toml" RUST_LOG=warn "$BIN" --database "$url" --data-dir "$dir" \
    serve --addr "127.0.0.1:$port" --site-root "$SITE" >"$dir/server.log" 2>&1 &
  local server=$!
  trap 'kill $server 2>/dev/null || true' RETURN
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/cuoc-thi" && break; sleep 0.2; done
  local contest
  contest=$(curl -sf "http://127.0.0.1:$port/cuoc-thi" | grep -o 'href="/cuoc-thi/[^"/]*"' | sed -n 1p | cut -d'"' -f2)
  echo "bench-quiz[$backend]: $ENTRIES entrants, $CONC at once, on $contest"
  local line
  line=$(node bench/quiz-load.mjs --base "http://127.0.0.1:$port" --contest "$contest" \
    --entries "$ENTRIES" --concurrency "$CONC")
  local peak
  peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$server/status")
  local stored counted
  stored=$(sql "SELECT COUNT(*) FROM contest_entrants")
  counted=$(sql "SELECT SUM(entrants) FROM contest_rounds")
  echo "{\"backend\":\"$backend\",\"stored\":$stored,\"counted\":$counted,\"peak_mb\":$peak,\"load\":$line}" | tee -a "$WORK/quiz.jsonl"
}

for b in $BACKENDS; do
  if [ "$b" = postgres ]; then
    declare -f one >"$WORK/one.sh"
    ./scripts/with-postgres.sh bash -c ". '$WORK/one.sh'; set -euo pipefail; one postgres"
  else
    one "$b"
  fi
done
python3 - "$WORK/quiz.jsonl" <<'PY' | tee bench/results/quiz.md
import json, sys, datetime
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(f"Written by `make bench-quiz` on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; 2-core machine, the load from the same machine (Node.js), one run each. Latencies in ms.\n")
print("| database | entrants | at once | seconds | entries/s | start p50/p99 | sheet p50/p99 | submit p50/p99 | entry p99 | acknowledged | stored | live count | errors | peak MB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
bad = False
for r in rows:
    l, s = r["load"], r["load"]["steps"]
    ok = r["stored"] == l["acknowledged"] == r["counted"]
    bad |= not ok or l["acknowledged"] != l["entries"]
    errs = ", ".join(f"{k} ×{v}" for k, v in l["errors"].items()) or "0"
    print(f"| {r['backend']} | {l['entries']:,} | {l['concurrency']} | {l['seconds']} | {l['entries_per_s']:,} | "
          f"{s['start']['p50']}/{s['start']['p99']} | {s['sheet']['p50']}/{s['sheet']['p99']} | "
          f"{s['submit']['p50']}/{s['submit']['p99']} | {s['entry']['p99']} | {l['acknowledged']:,} | "
          f"{r['stored']:,} | {r['counted']:,} | {errs} | {r['peak_mb']} |")
print("\nEvery acknowledged entry stored and counted:", "no" if bad else "yes")
sys.exit(1 if bad else 0)
PY
