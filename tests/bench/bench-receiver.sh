#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Verified and durably stored webhooks per second, and the p99 time to acknowledge, with wrk
# (16 connections) against `wirebench-cli serve`, beside nginx answering 204 on the same machine in
# the same run. Prints a Markdown table for BENCHMARKS.md.
#   tests/bench/bench-receiver.sh <build-dir> [seconds]
# Needs wrk, nginx, gnome-keyring and dbus-run-session (the signing secret is in the keychain).
# The workspace is written under <build-dir>/bench (the disk, not a tmpfs).
set -euo pipefail
if [ -z "${WB_BENCH_IN_KEYRING:-}" ]; then
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    export WB_BENCH_IN_KEYRING=1
    exec dbus-run-session -- "$here/../with-keyring.sh" "$0" "$@"
fi
build=$(cd "${1:?usage: bench-receiver.sh <build-dir> [seconds]}" && pwd)
seconds=${2:-10}
cmake --build "$build" --target wirebench-cli bench_receiver_seed >/dev/null
work="$build/bench/receiver"
rm -rf "$work" && mkdir -p "$work"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

secret="bench-signing-secret"
export XDG_DATA_HOME="$work/data"
connection=$("$build/tests/bench/bench_receiver_seed" "$work/workspace.sqlite" "$secret")

# The request: a 1.2 KB JSON body signed like a GitHub delivery (hex HMAC-SHA256, sha256= prefix).
body=$(python3 -c 'import json; print(json.dumps({"action":"opened","number":1347,"pull_request":{"title":"Update the README with new information","body":"x"*900},"installation":{"id":12345678}}, separators=(",",":")), end="")')
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')"
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = [==[$body]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Signature"] = "$signature"
LUA

receiver_port=$(free_port)
"$build/app/cli/wirebench-cli" --workspace "$work/workspace.sqlite" serve \
    --listen "127.0.0.1:$receiver_port" > "$work/serve.out" 2> "$work/serve.err" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/serve.out" ] && break; sleep 0.1; done
[ -s "$work/serve.out" ] || { cat "$work/serve.err" >&2; exit 1; }
# One request first: it must be verified (200), or the figures would measure refusals.
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "X-Signature: $signature" \
    -H 'Content-Type: application/json' --data-binary "$body" \
    "http://127.0.0.1:$receiver_port/hooks/$connection")
[ "$status" = 200 ] || { echo "the receiver answered $status to a signed request" >&2; exit 1; }

source "$(dirname "${BASH_SOURCE[0]}")/reference-nginx.sh"
start_reference_nginx "$work/nginx"
pids+=("$nginx_pid")

run_wrk() { wrk -t2 -c16 -d"${seconds}s" --latency -s "$work/post.lua" "$1"; }
rows() { # requests/s and p99 from wrk's output
    awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {print rps, p99, (bad==""?0:bad)}'
}
before=$(sqlite3 "$work/workspace.sqlite" "SELECT count(*) FROM inbound_events WHERE verdict = 'verified'")
receiver=$(run_wrk "http://127.0.0.1:$receiver_port/hooks/$connection" | tee "$work/wrk-receiver.txt" | rows)
after=$(sqlite3 "$work/workspace.sqlite" "SELECT count(*) FROM inbound_events WHERE verdict = 'verified'")
nginx=$(run_wrk "http://127.0.0.1:$nginx_port/hook" | tee "$work/wrk-nginx.txt" | rows)

read -r r_rps r_p99 r_bad <<<"$receiver"
read -r n_rps n_p99 n_bad <<<"$nginx"
stored=$((after - before))
echo "bench-receiver on $(uname -sr), $(nproc) cores, $(date -u +%Y-%m-%d), build $(basename "$build"), wrk -t2 -c16 -d${seconds}s" >&2
echo "| case | requests/s | p99 latency | non-2xx | rows stored (verified) |"
echo "|---|---|---|---|---|"
echo "| wirebench-cli serve: verify HMAC, store durably, then 200 | $r_rps | $r_p99 | $r_bad | $stored |"
echo "| reference: nginx \`return 204\` (1 worker) | $n_rps | $n_p99 | $n_bad | — |"
python3 -c "print('| ratio receiver / nginx | %.2f | | | |' % ($r_rps / $n_rps))"
