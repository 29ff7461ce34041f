#!/usr/bin/env bash
# Random searches over HTTP with the search index on or off (docs/PERFORMANCE.md,
# "Searches answered from the in-process index"): starts the built server on a flushed
# Redis DB 12, makes one search and waits for the index to load, runs bench/catalog-http.ts
# ('health|random: search', 50 connections x 8 s) and prints the index's /metrics series.
#   bench/catalog-index-http.sh <database> <rows> <on|off> <port>
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
db=$1; rows=$2; mode=$3; port=$4
redis-cli -n 12 flushdb >/dev/null
cd "$root/.medusa/server"
extra=""; [ "$mode" = off ] && extra="CATALOG_SEARCH_INDEX=false"
env $extra NODE_ENV=production PORT=$port RATE_LIMIT_ENABLED=false DISABLE_MEDUSA_ADMIN=true \
  DATABASE_URL=postgres://postgres@localhost:5432/$db REDIS_URL=redis://localhost:6379/12 \
  JWT_SECRET=$(openssl rand -hex 32) COOKIE_SECRET=$(openssl rand -hex 32) node node_modules/.bin/medusa start > /tmp/server-$mode.log 2>&1 &
pid=$!
for i in $(seq 1 60); do curl -sf http://localhost:$port/health >/dev/null && break; sleep 1; done
# warm: a search starts the index load; wait until it is in use (index off: a few seconds)
curl -s "http://localhost:$port/products/search?q=warmup" >/dev/null
for i in $(seq 1 $([ "$mode" = off ] && echo 3 || echo 90)); do
  sleep 1
  curl -s http://localhost:$port/metrics | grep -q "^shop_catalog_search_index_rows [1-9]" && break
done
sleep 2
curl -s "http://localhost:$port/products/search?q=lamp" >/dev/null
cd "$root"
BENCH_URL=http://localhost:$port BENCH_ROWS=$rows BENCH_DURATION=8 BENCH_CONNECTIONS=50 \
  BENCH_ONLY="${BENCH_ONLY:-health|random: search}" BENCH_SERVER_PID=$pid BENCH_DATABASE=$db \
  npx ts-node --transpile-only bench/catalog-http.ts 2>&1 | tail -12
curl -s http://localhost:$port/metrics | grep -i "shop_catalog_search" 
kill $pid; sleep 2
