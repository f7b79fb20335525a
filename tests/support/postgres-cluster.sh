#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the test suite (the ctest fixture `postgres`):
#   postgres-cluster.sh start <state-file>   initdb in a temporary folder, start on a free
#                                            loopback port, write the state file
#   postgres-cluster.sh stop <state-file>    stop it and remove the folder and the state file
# The state file holds WB_TEST_POSTGRES_URL (the administrator's URL, database "postgres"),
# PGPASSFILE (the password file the tests use, as a user would) and WB_TEST_POSTGRES_DIR.
# Logins over TCP need the password (scram-sha-256), so the tests go through PGPASSFILE.
# Uses Debian's postgresql package (/usr/lib/postgresql/<version>/bin). PostgreSQL refuses to run
# as root: as root the cluster belongs to the `postgres` user.
set -euo pipefail
action=${1:?usage: postgres-cluster.sh start|stop <state-file>}
state=${2:?usage: postgres-cluster.sh start|stop <state-file>}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "postgres-cluster.sh: PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
    exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    as_owner=(runuser -u postgres --)
fi

stop_cluster() {
    [ -f "$state" ] || return 0
    dir=$(sed -n 's/^WB_TEST_POSTGRES_DIR=//p' "$state")
    if [ -n "$dir" ] && [ -d "$dir/data" ]; then
        "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [ -n "$dir" ] && rm -rf "$dir"
    rm -f "$state"
}

case $action in
stop)
    stop_cluster
    ;;
start)
    stop_cluster # a cluster left behind by a killed run
    dir=$(mktemp -d /tmp/wirebench-pg.XXXXXX)
    chmod 755 "$dir"
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$password" >"$dir/pwfile"
    if [ ${#as_owner[@]} -gt 0 ]; then
        chown postgres: "$dir" "$dir/pwfile"
    fi
    "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U wirebench --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    started=
    for _ in 1 2 3 4 5 6 7 8; do
        port=$((20000 + RANDOM % 40000))
        # Taken when something answers there.
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
        # fsync off for the tests: a test cluster that dies is thrown away; the workers under test
        # are what gets killed, never the server. Benchmarks keep it on (WB_PG_FSYNC=on).
        if "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${WB_PG_FSYNC:-off} -c max_connections=200" \
            start >/dev/null; then
            started=1
            break
        fi
    done
    if [ -z "$started" ]; then
        echo "postgres-cluster.sh: the server did not start; its log:" >&2
        cat "$dir/server.log" >&2 || true
        exit 1
    fi
    umask 077
    printf '127.0.0.1:%s:*:wirebench:%s\n' "$port" "$password" >"$dir/pgpass"
    chmod 600 "$dir/pgpass"
    [ ${#as_owner[@]} -gt 0 ] && chown root: "$dir/pgpass"
    cat >"$state" <<STATE
WB_TEST_POSTGRES_URL=postgresql://wirebench@127.0.0.1:$port/postgres
PGPASSFILE=$dir/pgpass
WB_TEST_POSTGRES_DIR=$dir
STATE
    echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
    ;;
*)
    echo "usage: postgres-cluster.sh start|stop <state-file>" >&2
    exit 2
    ;;
esac
