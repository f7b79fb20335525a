#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Inserts per second into a workspace through the group-commit writer, against one transaction per
# insert, in the same run; prints a Markdown table for BENCHMARKS.md.
#   tests/bench/bench-store-writes.sh <build-dir> [bench_storewrites options]
# The workspace is written under <build-dir>/bench (the disk, not a tmpfs /tmp: fsync must cost what
# it costs on the user's disk).
set -euo pipefail
build=${1:?usage: bench-store-writes.sh <build-dir> [options]}
shift
cmake --build "$build" --target bench_storewrites >/dev/null
echo "bench_storewrites on $(uname -sr), $(nproc) cores, $(date -u +%Y-%m-%d), build $(basename "$build")" >&2
"$build/tests/bench/bench_storewrites" --dir "$build/bench" "$@"
