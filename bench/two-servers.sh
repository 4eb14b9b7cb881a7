#!/usr/bin/env bash
# Two `toasoan serve` on one PostgreSQL behind nginx as the load balancer, as a
# multi-server portal runs (README, "Several servers"). Checks, on the release build:
# both servers answer through nginx; an article imported while they run shows on
# the home page of each within a second; the scheduler's lease has one holder; then
# wrk measures the pair through nginx. Usage: scripts/with-postgres.sh bench/two-servers.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$root/target/release/toasoan}
SITE=${SITE:-$root/target/site}
url=${TOASOAN_TEST_POSTGRES_URL:?run under scripts/with-postgres.sh}
UA='Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'
dir=$(mktemp -d /tmp/toasoan-two.XXXXXX)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

# one media folder both servers see (on several machines: a shared mount)
export TOASOAN_MEDIA_DIR="$dir/media"
"$BIN" --database "$url" --data-dir "$dir" demo >/dev/null
ports=(3401 3402)
for port in "${ports[@]}"; do
  "$BIN" --database "$url" --data-dir "$dir" serve --addr "127.0.0.1:$port" --site-root "$SITE" \
    >"$dir/server-$port.log" 2>&1 &
  pids+=($!)
done
cat >"$dir/nginx.conf" <<EOF
worker_processes 2;
error_log $dir/nginx-error.log warn;
pid $dir/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/nb; proxy_temp_path $dir/np; fastcgi_temp_path $dir/nf;
    uwsgi_temp_path $dir/nu; scgi_temp_path $dir/ns;
    upstream toasoan {
        # a reader keeps to one server, so per-address limits count them once
        hash \$remote_addr\$http_x_bench_client consistent;
        server 127.0.0.1:${ports[0]};
        server 127.0.0.1:${ports[1]};
        keepalive 64;
    }
    server {
        listen 127.0.0.1:3400;
        location / {
            proxy_pass http://toasoan;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
EOF
nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' &
pids+=($!)
for port in 3400 "${ports[@]}"; do
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
done

seen=$(for i in $(seq 1 16); do
  curl -s -o /dev/null -D - -A "$UA" -H "X-Bench-Client: $i" http://127.0.0.1:3400/ | grep -i '^x-upstream' ; done | sort -u | wc -l)
echo "two-servers: readers reach $seen servers through nginx"
[ "$seen" = 2 ] || { echo "two-servers: expected both servers"; exit 1; }

# both keep the home page; an import from outside shows on each within a second
for port in "${ports[@]}"; do curl -sf -o /dev/null -A "$UA" "http://127.0.0.1:$port/"; done
mkdir -p "$dir/import"
printf -- '---\ntitle: Tin nhập khi hai máy chủ đang chạy\ncategory: Thời sự\nfeatured: true\n---\n\nNội dung.\n' \
  >"$dir/import/tin.md"
"$BIN" --database "$url" --data-dir "$dir" import "$dir/import" >/dev/null
start=$(date +%s%N)
for port in "${ports[@]}"; do
  until curl -sf -A "$UA" "http://127.0.0.1:$port/" | grep -q '/bai-viet/tin-nhap-khi-hai-may-chu-dang-chay'; do
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 1500 ]; then
      echo "two-servers: server $port did not show the import"; exit 1
    fi
    sleep 0.05
  done
  echo "two-servers: server $port shows the import after $(( ($(date +%s%N) - start) / 1000000 )) ms"
done

sleep 1
holder=$(psql "$url" -tAc "SELECT holder FROM job_leases WHERE name = 'scheduled-publishing'")
echo "two-servers: scheduled publishing runs on one server: $holder"
[ -n "$holder" ] || { echo "two-servers: no server holds the scheduler's lease"; exit 1; }

if command -v wrk >/dev/null; then
  echo "two-servers: home page through nginx (both servers):"
  wrk -t2 -c32 -d5s -H "User-Agent: $UA" -H 'Accept-Encoding: br' http://127.0.0.1:3400/ | grep -E 'Requests/sec|Latency  '
fi
echo "two-servers: ok"
