#!/usr/bin/env bash
# Local stand-ins for the public base images the Dockerfile and docker-compose.yml name,
# built from Debian's packages for machines that reach Debian's mirror but not Docker Hub
# (the development machine: docs/OPERATIONS.md, "Compose under podman"). Each is a
# Debian 12 minbase root file system (debootstrap, cached) plus:
#   docker.io/library/node:20-bookworm-slim  this host's Node.js 20 (node, npm) and a `node`
#                                            user (uid 1000), as the official image has, and
#                                            this host's CA bundle (NODE_EXTRA_CA_CERTS):
#                                            here the npm registry is reached through a
#                                            TLS-inspecting egress proxy
#   localhost/engine-standin/postgres:15     Debian's PostgreSQL 15 with an entrypoint that
#                                            honours POSTGRES_USER/_PASSWORD/_DB
#   localhost/engine-standin/redis:7         Debian's Redis 7.0 (protected mode off, as the
#                                            official image)
#   localhost/engine-standin/nginx:1         Debian's nginx 1.22 and wget
# deploy/podman/compose.standins.yml points the stack's services at the last three.
# Usage: deploy/podman/standins.sh   (as root; needs podman, buildah and debootstrap)
# shellcheck source=deploy/podman/env.sh
source "$(dirname "$0")/env.sh"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CACHE="${STANDIN_CACHE:-/var/tmp/engine-standins}"
BASE=localhost/engine-standin/bookworm:12

if ! podman image exists "$BASE"; then
  if [ ! -f "$CACHE/rootfs/etc/debian_version" ]; then
    log "debootstrap bookworm (minbase) into $CACHE/rootfs"
    rm -rf "$CACHE/rootfs"
    mkdir -p "$CACHE"
    debootstrap --variant=minbase bookworm "$CACHE/rootfs" "$MIRROR" >"$CACHE/debootstrap.log"
    rm -f "$CACHE"/rootfs/var/cache/apt/archives/*.deb
  fi
  # Services must not start while their packages install inside the image.
  printf '#!/bin/sh\nexit 101\n' >"$CACHE/rootfs/usr/sbin/policy-rc.d"
  chmod +x "$CACHE/rootfs/usr/sbin/policy-rc.d"
  tar -C "$CACHE/rootfs" -c . | podman import - "$BASE" >/dev/null
fi

# A working container from the base with Debian packages installed (chroot isolation:
# no OCI runtime, the host's network for apt).
from_base() {
  local c
  c="$(buildah from --pull-never "$BASE")"
  if [ "$#" -gt 0 ]; then
    buildah run --isolation chroot "$c" -- sh -c \
      "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $* >/dev/null && rm -rf /var/lib/apt/lists/*"
  fi
  echo "$c"
}

script() { # container, path, content (stdin)
  local file
  file="$(mktemp)"
  cat >"$file"
  chmod 755 "$file"
  buildah copy --chmod 755 "$1" "$file" "$2" >/dev/null
  rm -f "$file"
}

build_node() {
  local tag=docker.io/library/node:20-bookworm-slim version c
  podman image exists "$tag" && return
  version="$(node --version)"
  case "$version" in v20.*) ;; *) log "node 20 needed on the host, found $version"; exit 1 ;; esac
  log "node stand-in ($version)"
  c="$(from_base)"
  buildah copy "$c" "$(command -v node)" /usr/local/bin/node >/dev/null
  buildah copy "$c" "$(npm root -g)/npm" /usr/local/lib/node_modules/npm >/dev/null
  buildah run --isolation chroot "$c" -- sh -c '
    ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm &&
    ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx &&
    groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
  local bundle="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
  if [ -f "$bundle" ]; then
    buildah copy "$c" "$bundle" /etc/ssl/certs/ca-certificates.crt >/dev/null
    buildah config --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt "$c"
  fi
  buildah config --env "NODE_VERSION=${version#v}" --cmd node "$c"
  buildah commit --rm "$c" "$tag" >/dev/null
}

build_postgres() {
  local tag=localhost/engine-standin/postgres:15 c
  podman image exists "$tag" && return
  log "postgres stand-in"
  c="$(from_base)"
  # No cluster at install time: the entrypoint creates one in PGDATA.
  buildah run --isolation chroot "$c" -- sh -c \
    'mkdir -p /etc/postgresql-common && echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf'
  buildah run --isolation chroot "$c" -- sh -c \
    "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-15 postgresql-contrib >/dev/null && rm -rf /var/lib/apt/lists/*"
  script "$c" /usr/local/bin/docker-entrypoint.sh <<'END'
#!/bin/sh
# The official image's contract: POSTGRES_USER (superuser), POSTGRES_PASSWORD, POSTGRES_DB.
set -eu
BIN=/usr/lib/postgresql/15/bin
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
USER="${POSTGRES_USER:-postgres}"
DB="${POSTGRES_DB:-$USER}"
as_pg() { runuser -u postgres -- "$@"; }
mkdir -p "$PGDATA" /run/postgresql
chown -R postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}" >/run/postgresql/pw
  chown postgres /run/postgresql/pw
  as_pg "$BIN/initdb" -D "$PGDATA" -U "$USER" --pwfile=/run/postgresql/pw \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f /run/postgresql/pw
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  as_pg "$BIN/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=" -w start >/dev/null
  # initdb makes only the "postgres" database.
  if [ "$DB" != postgres ]; then
    as_pg "$BIN/createdb" -U "$USER" "$DB"
  fi
  as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec runuser -u postgres -- "$BIN/postgres" -D "$PGDATA" -c listen_addresses='*' "$@"
END
  buildah config --entrypoint '["/usr/local/bin/docker-entrypoint.sh"]' --cmd '' \
    --env PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env PGDATA=/var/lib/postgresql/data "$c"
  buildah commit --rm "$c" "$tag" >/dev/null
}

build_redis() {
  local tag=localhost/engine-standin/redis:7 c
  podman image exists "$tag" && return
  log "redis stand-in"
  c="$(from_base redis-server redis-tools)"
  script "$c" /usr/local/bin/docker-entrypoint.sh <<'END'
#!/bin/sh
# As the official image: reachable from other containers without a password.
if [ "${1:-}" = redis-server ]; then
  shift
  set -- redis-server --protected-mode no "$@"
fi
exec "$@"
END
  buildah run --isolation chroot "$c" -- mkdir -p /data
  buildah config --entrypoint '["/usr/local/bin/docker-entrypoint.sh"]' \
    --cmd redis-server --workingdir /data "$c"
  buildah commit --rm "$c" "$tag" >/dev/null
}

build_nginx() {
  local tag=localhost/engine-standin/nginx:1 c
  podman image exists "$tag" && return
  log "nginx stand-in"
  c="$(from_base nginx wget)"
  buildah config --cmd '["nginx", "-g", "daemon off;"]' --stop-signal SIGQUIT "$c"
  buildah commit --rm "$c" "$tag" >/dev/null
}

build_node
build_postgres
build_redis
build_nginx
podman images | grep -E 'engine-standin|library/node'
