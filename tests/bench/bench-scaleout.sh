#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Deliveries per second with 1, 2 and 4 `wirebench-cli serve` workers draining one PostgreSQL
# workspace (a throwaway cluster with fsync on), beside one worker on an SQLite workspace measured
# in the same run (the reference: what one workstation does today). Every run drains the same
# number of deliveries, enqueued beforehand (bench_scaleout_seed), to a local nginx answering 204;
# the time runs from starting the workers until the last delivery is recorded as succeeded.
# Prints a Markdown table for BENCHMARKS.md.
#   tests/bench/bench-scaleout.sh <build-dir> [deliveries]
set -euo pipefail
build=${1:?usage: bench-scaleout.sh <build-dir> [deliveries]}
deliveries=${2:-5000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cmake --build "$build" --target bench_scaleout_seed wirebench-cli >/dev/null
cli="$build/app/cli/wirebench-cli"
[ -x "$cli" ] || cli=$(find "$build" -name wirebench-cli -type f -perm -u+x | head -1)

work=$(mktemp -d)
state="$work/pg.state"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    kill "${nginx_pid:-}" 2>/dev/null || true
    bash "$here/../support/postgres-cluster.sh" stop "$state" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
source "$here/reference-nginx.sh"
start_reference_nginx "$work/nginx"
url="http://127.0.0.1:$nginx_port/hook"
WB_PG_FSYNC=on bash "$here/../support/postgres-cluster.sh" start "$state" >&2
admin=$(sed -n 's/^WB_TEST_POSTGRES_URL=//p' "$state")
export PGPASSFILE=$(sed -n 's/^PGPASSFILE=//p' "$state")
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

count_succeeded() { # location
    if [[ $1 == postgresql://* ]]; then
        psql -qtAX "$1" -c "SELECT COUNT(*) FROM deliveries WHERE state = 'succeeded'"
    else
        sqlite3 -readonly "$1" "SELECT COUNT(*) FROM deliveries WHERE state = 'succeeded'" 2>/dev/null || echo 0
    fi
}

# One run: a fresh workspace, the queue, then `workers` serve processes until it is drained.
run() { # name location workers
    local name=$1 location=$2 workers=$3 start end seconds
    "$build/tests/bench/bench_scaleout_seed" --workspace "$location" --url "$url" \
        --deliveries "$deliveries" >&2
    pids=()
    start=$(date +%s.%N)
    for i in $(seq 1 "$workers"); do
        "$cli" --workspace "$location" serve --listen 127.0.0.1:0 >"$work/$name-$i.log" 2>&1 &
        pids+=($!)
    done
    while [ "$(count_succeeded "$location")" -lt "$deliveries" ]; do
        for pid in "${pids[@]}"; do
            kill -0 "$pid" 2>/dev/null || { echo "a worker stopped:" >&2; cat "$work/$name"-*.log >&2; exit 1; }
        done
        sleep 0.2
    done
    end=$(date +%s.%N)
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    pids=()
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    awk -v n="$deliveries" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }' >"$work/$name.rate"
    echo "| $name | $workers | $deliveries | $seconds s | $(cat "$work/$name.rate") |"
}

echo "bench-scaleout on $(uname -sr), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d), build $(basename "$build")" >&2
echo "| case | workers | deliveries | time | per second |"
echo "|---|---|---|---|---|"
run "reference: SQLite, one workstation" "$work/reference.sqlite" 1
for workers in 1 2 4; do
    db="wb_bench_$workers"
    psql -qtAX "$admin" -c "CREATE DATABASE $db" >/dev/null
    run "PostgreSQL, $workers worker(s)" "${admin%/postgres}/$db" "$workers"
done
echo
for workers in 1 2 4; do
    awk -v a="$(cat "$work/PostgreSQL, $workers worker(s).rate")" \
        -v b="$(cat "$work/reference: SQLite, one workstation.rate")" -v w="$workers" \
        'BEGIN { printf "Ratio PostgreSQL with %d worker(s) / SQLite with one: %.2f\n", w, a / b }'
done
