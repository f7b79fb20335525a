#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A scheduled run fanned out over 1,000 tenants through the dispatch engine to a local nginx that
# answers 204, beside the same deliveries enqueued straight into the dispatcher in the same run.
# Prints a Markdown table for BENCHMARKS.md.
#   tests/bench/bench-schedule.sh <build-dir> [tenants] [concurrency]
# Needs nginx and wrk (installer/debian-packages.txt). The workspace is written under
# <build-dir>/bench (the disk, not a tmpfs: fsync costs what it costs on the user's disk).
set -euo pipefail
build=${1:?usage: bench-schedule.sh <build-dir> [tenants] [concurrency]}
tenants=${2:-1000}
concurrency=${3:-50}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cmake --build "$build" --target bench_schedulefanout >/dev/null

work=$(mktemp -d)
trap 'kill "${nginx_pid:-}" 2>/dev/null; wait "${nginx_pid:-}" 2>/dev/null; rm -rf "$work"' EXIT
source "$here/reference-nginx.sh"
start_reference_nginx "$work/nginx"
port=$nginx_port
url="http://127.0.0.1:$port/hook"
echo "bench_schedulefanout on $(uname -sr), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d), build $(basename "$build")" >&2
out=$("$build/tests/bench/bench_schedulefanout" --dir "$build/bench" --url "$url" --tenants "$tenants" --concurrency "$concurrency")
echo "$out" >&2
field() { echo "$out" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
echo "| case | jobs | time | per second |"
echo "|---|---|---|---|"
echo "| scheduled run over $(field tenants) tenants, concurrency limit $(field concurrency) (peak queued $(field peak_queued)) | $(field succeeded) succeeded | $(field run_seconds) s | $(field run_per_second) |"
echo "| reference: the same deliveries enqueued straight into the dispatcher | $(field tenants) | $(field direct_seconds) s | $(field direct_per_second) |"
echo
echo "Write transactions during the run: $(field run_transactions)"
