# shellcheck shell=bash
# Sourced by the scripts beside it: podman settings that let containers start on a host
# like the development machine (docs/OPERATIONS.md, "Compose under podman").
# - runc, not crun: crun 1.8 refuses cgroup v1 with a cgroup2 mount beside it ("cgroups in
#   hybrid mode not supported").
# - ulimits no higher than the host's hard limits: podman's defaults (nofile 1048576,
#   nproc 4194304) need CAP_SYS_RESOURCE to raise, which the sandbox does not grant, so
#   every container failed with "setrlimit RLIMIT_NOFILE: Operation not permitted".
#   podman itself caps its own nproc at 32768 before starting the runtime.
set -euo pipefail
PODMAN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$PODMAN_DIR/../.." && pwd)"
export REPO_ROOT
nofile="$(ulimit -Hn)"
nproc="$(ulimit -Hu)"
[ "$nofile" = unlimited ] && nofile=1048576
if [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; then nproc=32768; fi
CONTAINERS_CONF="$(mktemp -t engine-containers-XXXXXX.conf)"
cat >"$CONTAINERS_CONF" <<END
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]
[engine]
runtime = "runc"
END
export CONTAINERS_CONF
log() { echo "[podman] $*" >&2; }
