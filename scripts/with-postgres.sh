#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server, so that the store's tests run against a real one:
#
#     scripts/with-postgres.sh cargo test --workspace --locked
#
# - Installs Debian's `postgresql` package when no server binaries are found (needs root and apt-get, as in CI).
# - Makes a new cluster in a temporary directory, owned by an unprivileged user (PostgreSQL refuses to run as
#   root: as root the server runs as the `postgres` system user the package creates; otherwise as the caller).
# - Listens on a free loopback port only, with trust authentication for the cluster's one user: nothing but
#   this machine can reach it, and it lives only as long as the command.
# - Exports CORROBORATE_TEST_POSTGRES (an admin URL; each test creates its own database there) and
#   CORROBORATE_REQUIRE_POSTGRES=1 (a PostgreSQL test that cannot reach the server fails instead of skipping).
# - Stops the server and deletes the cluster when the command ends, however it ends; exits with its status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 64
fi

log() { echo "with-postgres: $*" >&2; }

# The newest installed server's binaries, or nothing.
find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
    fi
}

bin=$(find_bin)
if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "no PostgreSQL server under /usr/lib/postgresql and not root: install Debian's postgresql package"
        exit 69
    fi
    log "installing Debian's postgresql package"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
    bin=$(find_bin)
    if [ -z "$bin" ]; then
        log "postgresql was installed but no server binaries were found under /usr/lib/postgresql"
        exit 69
    fi
fi

# The user the server runs as, and how to run a command as that user.
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    if ! id "$owner" >/dev/null 2>&1; then
        log "running as root but there is no '$owner' user to run the server as"
        exit 69
    fi
    as_owner() { runuser -u "$owner" -- "$@"; }
else
    owner=$(id -un)
    as_owner() { "$@"; }
fi

# The cluster, the server log and the unix socket, all owned by the server's user.
work=$(mktemp -d "${TMPDIR:-/tmp}/corroborate-pg.XXXXXX")
data="$work/data"
if [ "$(id -u)" -eq 0 ]; then
    chown "$owner" "$work"
fi

stop() {
    local status=$?
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

user=corroborate
as_owner "$bin/initdb" -D "$data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || {
    cat "$work/initdb.log" >&2
    log "initdb failed"
    exit 70
}

# A port nobody listens on; start again on another if the server lost a race for it.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

started=
for attempt in 1 2 3 4 5; do
    port=$(free_port) || break
    # fsync off: the cluster is thrown away when the command ends, so losing it to a power cut loses nothing.
    if as_owner "$bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null; then
        started=1
        break
    fi
    log "start on port $port failed (attempt $attempt)"
done
if [ -z "$started" ]; then
    cat "$work/server.log" >&2 || true
    log "could not start PostgreSQL"
    exit 70
fi

export CORROBORATE_TEST_POSTGRES="postgres://$user@127.0.0.1:$port/postgres"
export CORROBORATE_REQUIRE_POSTGRES=1
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $CORROBORATE_TEST_POSTGRES (cluster in $data)"

# Not exec: the trap must run after the command to stop the server.
set +e
"$@"
status=$?
set -e
exit "$status"
