#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Deliveries per second through the dispatch engine (attempt log written, every claim and outcome
# committed) to a local nginx that answers 204, beside wrk's raw requests per second against the
# same nginx in the same run, with as many connections as the dispatcher may open to one host
# (QNAM's 6) and the same POST body. Prints a Markdown table for BENCHMARKS.md.
#   tests/bench/bench-dispatch.sh <build-dir> [deliveries]
# Needs nginx and wrk (installer/debian-packages.txt). The workspace is written under
# <build-dir>/bench (the disk, not a tmpfs: fsync costs what it costs on the user's disk).
set -euo pipefail
build=${1:?usage: bench-dispatch.sh <build-dir> [deliveries]}
deliveries=${2:-5000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v wrk >/dev/null || { echo "needs wrk" >&2; exit 1; }
cmake --build "$build" --target bench_dispatch >/dev/null

work=$(mktemp -d)
trap 'kill "${nginx_pid:-}" 2>/dev/null; wait "${nginx_pid:-}" 2>/dev/null; rm -rf "$work"' EXIT
source "$here/reference-nginx.sh"
start_reference_nginx "$work/nginx"
port=$nginx_port
url="http://127.0.0.1:$port/hook"
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"type":"invoice.paid","data":{"id":"in_1","amount":4200}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Idempotency-Key"] = "dlv_benchbenchbenchbenchbenchbe"
LUA

echo "bench_dispatch on $(uname -sr), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d), build $(basename "$build")" >&2
wrk_out=$(wrk -t1 -c6 -d10s -s "$work/post.lua" "$url")
wrk_rps=$(echo "$wrk_out" | awk '/Requests\/sec/ {print $2}')
bench_out=$("$build/tests/bench/bench_dispatch" --dir "$build/bench" --url "$url" --deliveries "$deliveries")
echo "$bench_out" >&2
field() { echo "$bench_out" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
per_second=$(field per_second)
echo "| case | requests | time | per second |"
echo "|---|---|---|---|"
echo "| dispatcher: deliveries with the attempt log | $(field deliveries) ($(field attempts_logged) attempts logged) | $(field seconds) s | $per_second |"
echo "| reference: wrk, 6 connections, same POST | $(echo "$wrk_out" | awk '/requests in/ {print $1}') | 10 s | ${wrk_rps%.*} |"
echo
awk -v a="$per_second" -v b="$wrk_rps" 'BEGIN { printf "Ratio dispatcher / wrk: %.3f (enqueue of the %s deliveries beforehand: '"$(field enqueue_seconds)"' s)\n", a / b, "'"$deliveries"'" }'
