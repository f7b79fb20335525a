#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the whole test suite headlessly from a built tree:
#   tests/run-suite.sh <build-dir> [extra ctest arguments]
# Starts what the tests need around ctest: an X server (Xvfb), a private D-Bus session and an
# unlocked gnome-keyring for QtKeychain. Each integration test starts its own peers (npm
# packages, nginx, PostgreSQL) on free loopback ports. The last line reports the counts.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:?usage: tests/run-suite.sh <build-dir> [ctest args]}
shift

session=$(mktemp -d /tmp/wirebench-tests.XXXXXX)
trap 'rm -rf "$session"' EXIT
mkdir -m 700 "$session/runtime"
# A throwaway home for the keyring, settings and default workspace: the suite never touches the
# user's own.
export XDG_RUNTIME_DIR="$session/runtime"
export XDG_DATA_HOME="$session/data"
export XDG_CONFIG_HOME="$session/config"
export XDG_CACHE_HOME="$session/cache"
export WB_TEST_SESSION="$session"
# Temporary files of the tests (workspaces, browser profiles, a generated million-row store) go
# into the session and are removed with it, also when a test is killed before its own clean-up.
mkdir "$session/tmp"
export TMPDIR="$session/tmp"
log="$session/ctest.log"

xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24 -nolisten tcp" \
    dbus-run-session -- "$here/with-keyring.sh" \
    ctest --test-dir "$build" --output-on-failure --no-tests=error -j2 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
if [[ $summary =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    failed=${BASH_REMATCH[1]}
    total=${BASH_REMATCH[2]}
    echo "Test summary: $((total - failed)) passed, $failed failed (of $total)"
else
    echo "Test summary: 0 passed, 1 failed (ctest did not report; exit status $status)"
    [ "$status" -eq 0 ] && status=1
fi
exit "$status"
