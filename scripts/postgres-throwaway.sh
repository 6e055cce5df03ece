#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: started on a free loopback port in a temporary directory, with a
# password-protected superuser, and stopped again. Runs initdb and pg_ctl as the `postgres` user when run as root.
#
#   scripts/postgres-throwaway.sh start DIR     prints the cluster's URL (postgresql://chainrisk:…@127.0.0.1:PORT/postgres)
#                                               and writes it to DIR/url
#   scripts/postgres-throwaway.sh stop DIR      stops it and removes DIR
#
# DIR keeps the bookkeeping; the cluster itself lives in a directory of its own under $TMPDIR (or /tmp), owned by the
# user that runs the server, so that a root-owned DIR whose parents the `postgres` user cannot enter still works.
#
# Needs initdb and pg_ctl (Debian: postgresql; scripts/setup.sh installs it). Exit 3 when they are missing.
set -euo pipefail
command=${1:?start or stop}
dir=${2:?a directory}

bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bin=$candidate; break; fi
done
[ -n "$bin" ] || { echo "postgres-throwaway: initdb and pg_ctl not found" >&2; exit 3; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
    # The server must not keep open what the caller handed this script beyond stdin, stdout and stderr (Foundation's
    # Process, for one, learns that a child ended when its own copy of such a descriptor closes).
    for descriptor in /proc/$$/fd/*; do
        number=${descriptor##*/}
        if [ "$number" -gt 2 ] 2>/dev/null; then eval "exec $number>&-" 2>/dev/null || true; fi
    done
    mkdir -p "$dir"
    cluster=$(mktemp -d "${TMPDIR:-/tmp}/chainrisk-pg.XXXXXX")
    chmod 700 "$cluster"
    echo "$cluster" >"$dir/cluster"
    password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$password" >"$cluster/password"
    [ "$(id -u)" -ne 0 ] || chown -R postgres "$cluster"
    as_owner "$bin/initdb" -D "$cluster/data" -U chainrisk --pwfile="$cluster/password" --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$cluster/server.log" >&2; exit 1; }
    echo "postgresql://chainrisk:$password@127.0.0.1:$port/postgres" >"$dir/url"
    cat "$dir/url"
    ;;
stop)
    cluster=$(cat "$dir/cluster" 2>/dev/null || true)
    if [ -n "$cluster" ] && [ -d "$cluster/data" ]; then as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    [ -z "$cluster" ] || rm -rf "$cluster"
    rm -rf "$dir"
    ;;
*)
    echo "postgres-throwaway: start or stop, not $command" >&2
    exit 64
    ;;
esac
