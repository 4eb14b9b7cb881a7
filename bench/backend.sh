#!/usr/bin/env bash
# One database's half of `make bench` (bench/run.sh calls it for sqlite, and for
# postgres under scripts/with-postgres.sh): generates the data set, starts the release
# server and nginx with the same bytes, runs wrk against both, and appends one JSON
# line per measurement to $WORK/results.jsonl.
set -euo pipefail

backend=$1
: "${WORK:?}" "${BIN:?}" "${SITE:?}" "${ARTICLES:?}" "${SEED:?}" "${DURATION:?}" "${CONNS:?}"
root=$(cd "$(dirname "$0")/.." && pwd)
UA='Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'
dir="$WORK/$backend"
mkdir -p "$dir/www"
port=$((3300 + RANDOM % 500))
ngport=$((port + 1))
origin="http://127.0.0.1:$port"

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

note() { printf '%s\n' "$1" >>"$WORK/results.jsonl"; }

echo "bench[$backend]: generating $ARTICLES articles (seed $SEED)"
start=$(date +%s.%N)
"$BIN" --database "$url" --data-dir "$dir" sample --articles "$ARTICLES" --seed "$SEED" >"$dir/sample.log" 2>&1 \
  || { tail -20 "$dir/sample.log"; exit 1; }
gen=$(python3 -c "import sys; print(round($(date +%s.%N) - $start, 1))")
note "{\"backend\":\"$backend\",\"kind\":\"data\",\"articles\":$(sql 'SELECT COUNT(*) FROM articles'),\"seconds\":$gen}"

TOASOAN_CONFIG="$root/bench/toasoan.toml" RUST_LOG=warn "$BIN" --database "$url" --data-dir "$dir" \
  serve --addr "127.0.0.1:$port" --site-root "$SITE" >"$dir/server.log" 2>&1 &
server=$!
nginx_pid=""
cleanup() {
  kill "$server" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "$origin/" && break; sleep 0.2; done

get() { curl -sf -A "$UA" -H 'Accept-Encoding: identity' "$origin$1"; }
home=$(get /)
article=$(grep -o 'href="/bai-viet/[^"/]*"' <<<"$home" | sed -n 1p | cut -d'"' -f2)
written=$(grep -o 'href="/bai-viet/[^"/]*"' <<<"$home" | sort -u | sed -n 2p | cut -d'"' -f2)
page=$(get "$article")
tag=$(grep -o 'href="/the/[^"]*"' <<<"$page" | sed -n 1p | cut -d'"' -f2)
topic=$(grep -o 'href="/chuyen-de/[^"]*"' <<<"$home$page" | sed -n 1p | cut -d'"' -f2)
deep=${DEEP_PAGE:-2000}
category=""
for c in $(grep -o 'href="/chuyen-muc/[^"?]*"' <<<"$home" | cut -d'"' -f2 | sort -u); do
  if curl -sf -o /dev/null -A "$UA" "$origin$c?trang=$deep"; then category=$c; break; fi
done
[ -n "$category" ] || { echo "bench[$backend]: no category has $deep pages"; exit 1; }
rate_path=$(grep -o 'action="/api/rate_article[^"]*"' <<<"$page" | sed -n 1p | cut -d'"' -f2)
comment_path=$(grep -o 'action="/api/post_comment[^"]*"' <<<"$page" | sed -n 1p | cut -d'"' -f2)
token=$(grep -o 'name="started" value="[^"]*"' <<<"$page" | sed -n 1p | cut -d'"' -f4)

# the very bytes each page is, precompressed once, for nginx
declare -A pages=([article]="$article" [home]="/" [category_1]="$category" [category_2000]="$category?trang=$deep" [tag]="$tag" [topic]="$topic")
for name in "${!pages[@]}"; do
  get "${pages[$name]}" >"$dir/www/$name.html"
  brotli -f -q 11 -o "$dir/www/$name.html.br" "$dir/www/$name.html"
  gzip -9 -k -f "$dir/www/$name.html"
done
cp -r "$SITE/pkg" "$dir/www/pkg"
# nginx's workers run as another user: they must be able to read it all
chmod -R a+rX "$WORK"
sed -e "s|@ROOT@|$dir/www|g" -e "s|@PORT@|$ngport|g" -e "s|@TMP@|$dir|g" "$root/bench/nginx.conf" >"$dir/nginx.conf"
nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' 2>"$dir/nginx.log" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$ngport/home.html" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$ngport/home.html" || { echo "bench[$backend]: nginx does not serve"; cat "$dir/nginx-error.log"; exit 1; }

# wrk NAME TARGET URL ENCODING [SCRIPT] [CONNECTIONS] [SECONDS]
measure() {
  local name=$1 target=$2 address=$3 encoding=$4 script=${5:-} conns=${6:-$CONNS} secs=${7:-$DURATION}
  cat "$root/bench/wrk/summary.lua" ${script:+"$root/bench/wrk/visitors.lua" "$root/bench/wrk/$script"} >"$dir/run.lua"
  local line
  line=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 5s -s "$dir/run.lua" -H "User-Agent: $UA" \
    -H "Accept-Encoding: $encoding" "$address" | grep '^JSON ' | cut -c6-)
  note "{\"backend\":\"$backend\",\"kind\":\"wrk\",\"name\":\"$name\",\"target\":\"$target\",\"encoding\":\"$encoding\",${line:1}"
  echo "bench[$backend]: $name ($target, $encoding): $line"
}

for name in article home category_1 category_2000 tag topic; do
  curl -sf -o /dev/null -A "$UA" -H 'Accept-Encoding: br' "$origin${pages[$name]}"
  measure "$name" toasoan "$origin${pages[$name]}" br
  measure "$name" nginx "http://127.0.0.1:$ngport/$name.html" br
done
for kind in wasm js css; do
  file=$(ls "$SITE/pkg" | grep -E "^toasoan\.[A-Za-z0-9_-]+\.$kind$" | head -1)
  for enc in br gzip; do
    measure "static_$kind" toasoan "$origin/pkg/$file" "$enc"
    measure "static_$kind" nginx "http://127.0.0.1:$ngport/pkg/$file" "$enc"
  done
done

# writes: ratings and comments from distinct visitors, counted in the database after
article_id=$(sql "SELECT id FROM articles WHERE slug = '${written#/bai-viet/}'")
export BENCH_ORIGIN="$origin" BENCH_SLUG="${written#/bai-viet/}"
before=$(sql "SELECT COUNT(*) FROM ratings WHERE article_id = $article_id")
BENCH_PATH="$rate_path" measure rating_post toasoan "$origin$rate_path" identity rate.lua 16
after=$(sql "SELECT COUNT(*) FROM ratings WHERE article_id = $article_id")
note "{\"backend\":\"$backend\",\"kind\":\"stored\",\"name\":\"rating_post\",\"rows\":$((after - before))}"
before=$(sql "SELECT COUNT(*) FROM comments WHERE article_id = $article_id")
BENCH_PATH="$comment_path" BENCH_TOKEN="$token" measure comment_post toasoan "$origin$comment_path" identity comment.lua 16
after=$(sql "SELECT COUNT(*) FROM comments WHERE article_id = $article_id")
note "{\"backend\":\"$backend\",\"kind\":\"stored\",\"name\":\"comment_post\",\"rows\":$((after - before))}"

# pages while readers rate and comment on another article, 1,000 posts a second
for name in article home; do
  BENCH_PATH="$rate_path" BENCH_RATE_PATH="$rate_path" BENCH_COMMENT_PATH="$comment_path" BENCH_TOKEN="$token" \
    BENCH_THREADS=2 BENCH_WRITES_PER_SECOND=1000 \
    measure "writes_during_$name" toasoan "$origin$rate_path" identity mixed.lua 8 $((DURATION + 2)) &
  writer=$!
  sleep 1
  measure "${name}_under_writes" toasoan "$origin${pages[$name]}" br
  wait "$writer"
done

note "{\"backend\":\"$backend\",\"kind\":\"memory\",\"peak_kb\":$(awk '/VmHWM/ {print $2}' "/proc/$server/status")}"
echo "bench[$backend]: done"
