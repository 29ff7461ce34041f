#!/usr/bin/env bash
# Builds the engine image from the Dockerfile and starts docker-compose.yml under podman
# and podman-compose, then checks the stack as an operator would, through the nginx proxy:
# GET /ready, an admin created with `medusa user`, the seed, a sign-in and the catalogue,
# both servers serving, a server stopped without the shop noticing, the worker healthy,
# settings from the environment inside the containers, and the ECS tasks' migration
# command with the connection given in parts. docs/OPERATIONS.md, "Compose under
# podman", says what it does not cover. Needs the images of deploy/podman/standins.sh
# (run first), podman, podman-compose and docker-compose (for `config`).
# Usage: deploy/podman/smoke.sh            (as root, from anywhere; KEEP=1 leaves it up)
# shellcheck source=deploy/podman/env.sh
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT" || exit 1
PROJECT="${PROJECT:-enginesmoke}"
export PORT="${SMOKE_PORT:-19380}"
JWT_SECRET="smoke-jwt-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
COOKIE_SECRET="smoke-cookie-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export JWT_SECRET COOKIE_SECRET
export METRICS_TOKEN="smoke-metrics-token"
export POSTGRES_PASSWORD="smoke-pg-password"
export MEDUSA_BACKEND_URL="http://localhost:$PORT"
ADMIN_EMAIL=admin@smoke.example
ADMIN_PASSWORD=smoke-admin-password-1
FILES=(-f docker-compose.yml -f deploy/podman/compose.standins.yml)
# podman-compose 1.0.3 (Debian 12) leaves `${VAR:-}` (an empty default) unsubstituted, so
# the engine would read the text "${VAR:-}"; it runs the file docker-compose resolved.
RESOLVED="$(mktemp -t engine-compose-XXXXXX.yml)"
COMPOSE_LOG=/tmp/engine-smoke-compose.log
: >"$COMPOSE_LOG"
compose() { podman-compose -p "$PROJECT" -f "$RESOLVED" "$@" >>"$COMPOSE_LOG" 2>&1; }
container() { echo "${PROJECT}_$1_1"; }
fail() { log "FAILED: $*"; exit 1; }
url() { echo "http://127.0.0.1:$PORT$1"; }

cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    compose down -v >/dev/null 2>&1 || true
    podman volume rm -f "${PROJECT}_pgdata" "${PROJECT}_redisdata" "${PROJECT}_uploads" >/dev/null 2>&1 || true
  fi
  rm -f "$CONTAINERS_CONF" "$RESOLVED"
}
trap cleanup EXIT

# The compose file's health test of a service, as arguments for `podman exec` (NUL-separated).
health_test() {
  node -e '
    const { parse } = require("yaml")
    const test = parse(require("fs").readFileSync(process.argv[1], "utf8")).services[process.argv[2]].healthcheck.test
    const argv = test[0] === "CMD-SHELL" ? ["sh", "-c", test[1]] : test.slice(1)
    process.stdout.write(argv.join("\0"))' "$RESOLVED" "$1"
}

# podman schedules health checks with systemd timers (there is no systemd here), and
# podman-compose 1.0.3 turns a ["CMD", ...] test into a shell string that breaks on
# quotes; so the compose file's own test runs here, in the container, until it passes.
wait_healthy() { # service, seconds
  local name deadline test
  name="$(container "$1")"
  deadline=$((SECONDS + $2))
  mapfile -d '' test < <(health_test "$1")
  until podman exec "$name" "${test[@]}" >/dev/null 2>&1; do
    [ "$(podman inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" = true ] ||
      { podman logs --tail 40 "$name" >&2 || true; fail "$1 is not running"; }
    [ $SECONDS -lt "$deadline" ] || { podman logs --tail 40 "$name" >&2; fail "$1 not healthy after $2 s"; }
    sleep 3
  done
  log "$1 healthy"
}

log "docker-compose config (both files)"
docker-compose -p "$PROJECT" "${FILES[@]}" config >"$RESOLVED"

log "podman build of the Dockerfile (its base image: the local node stand-in)"
podman build --pull=never --network host --format docker -t commerce-engine:latest . >/tmp/engine-smoke-build.log 2>&1 ||
  { tail -40 /tmp/engine-smoke-build.log >&2; fail "podman build"; }

compose down -v >/dev/null 2>&1 || true
log "postgres, redis"
compose up -d --no-build postgres redis
wait_healthy postgres 120
wait_healthy redis 60

log "migrate"
compose up -d --no-build --no-deps migrate
[ "$(podman wait "$(container migrate)")" = 0 ] || { podman logs --tail 40 "$(container migrate)" >&2; fail "migrate"; }

log "server-1, server-2, worker"
compose up -d --no-build --no-deps server-1 server-2 worker
wait_healthy server-1 300
wait_healthy server-2 300
wait_healthy worker 300
log "proxy"
compose up -d --no-build --no-deps proxy
wait_healthy proxy 60

log "checks through the proxy on port $PORT"
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status "$(url /ready)")" = 200 ] || fail "GET /ready through the proxy"
[ "$(curl -s -D - -o /dev/null -H 'X-Request-Id: smoke-req-1' "$(url /products)" | tr -d '\r' | tr '[:upper:]' '[:lower:]' | grep '^x-request-id:')" = "x-request-id: smoke-req-1" ] ||
  fail "X-Request-Id not passed through the proxy"

compose run --rm --no-deps migrate npx medusa user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" ||
  fail "medusa user (docs/OPERATIONS.md)"
compose run --rm --no-deps migrate npx medusa exec ./src/scripts/seed.js ||
  { tail -20 "$COMPOSE_LOG" >&2; fail "seed (docs/OPERATIONS.md)"; }
token="$(curl -s -H 'content-type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$(url /auth/login)" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).access_token||""))')"
[ -n "$token" ] || fail "admin sign-in through the proxy"
count="$(curl -s "$(url '/products?limit=5')" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(JSON.parse(s).items.length)))')"
[ "$count" -gt 0 ] || fail "no products after the seed"
[ "$(status -H "Authorization: Bearer $METRICS_TOKEN" "$(url /metrics)")" = 200 ] || fail "METRICS_TOKEN not passed through"
[ "$(status "$(url /metrics)")" = 401 ] || fail "/metrics open without the token"
log "ready, admin signed in, $count products, /metrics guarded by METRICS_TOKEN"

# Both servers took requests (the proxy balances round robin).
for i in $(seq 1 20); do
  [ "$(status "$(url "/products?limit=$i")")" = 200 ] || fail "GET /products?limit=$i"
done
for name in server-1 server-2; do
  served="$(podman logs "$(container "$name")" 2>&1 | grep -c 'http_request.*GET.*/products')" || true
  [ "${served:-0}" -gt 0 ] || fail "$name served no request"
done
log "both servers served requests"

log "server-1 stopped: the shop keeps answering"
# stop_grace_period (40 s): SIGTERM, and the start script ends its processes gracefully.
podman stop -t 40 "$(container server-1)" >/dev/null
[ "$(podman inspect -f '{{.State.ExitCode}}' "$(container server-1)")" = 0 ] ||
  fail "server-1 did not exit cleanly on SIGTERM"
for i in $(seq 1 10); do
  [ "$(status "$(url /ready)")" = 200 ] || fail "request $i failed with server-1 down"
done
podman start "$(container server-1)" >/dev/null
wait_healthy server-1 300

# Settings from the environment arrive in the containers.
podman exec "$(container worker)" node -e '
  const e = process.env
  const ok = e.MEDUSA_WORKER_MODE === "worker" && e.METRICS_TOKEN === "smoke-metrics-token" && e.TRUST_PROXY === "uniquelocal"
  process.exit(ok ? 0 : 1)' || fail "worker environment"
# As an ECS task migrates: scripts/migrate.js (advisory lock, then medusa db:migrate) with
# the connection in parts (src/config/connection-urls.ts), as the node user.
podman run --rm --network "${PROJECT}_default" \
  -e DATABASE_HOST=postgres -e DATABASE_USER=medusa -e DATABASE_PASSWORD="$POSTGRES_PASSWORD" \
  -e DATABASE_NAME=medusa -e DATABASE_SSLMODE=disable -e REDIS_HOST=redis -e REDIS_TLS=false \
  -e JWT_SECRET -e COOKIE_SECRET commerce-engine:latest node scripts/migrate.js >>"$COMPOSE_LOG" 2>&1 ||
  fail "node scripts/migrate.js with DATABASE_*/REDIS_* parts"
log "scripts/migrate.js with the connection in parts: done"
log "PASSED"
