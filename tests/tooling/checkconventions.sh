#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Conventions that a compiler cannot check, enforced on the whole tree:
#  1. No QFuture::then(context, …) in app/, models/, ui/: in Qt 6.4 it asserts (debug) or never fulfils its
#     promise (release) when the context dies before the future finishes. Use
#     wb::core::whenFinished(future, context, handler) from core/util/futures.h. (Tests may use
#     then(context) where the context visibly outlives the future: the test object, the app.)
#  2. No fixed sleeps in tests (Qt Test's fixed wait, QThread's and the C++ library's sleep
#     functions, POSIX sleep/usleep). Wait for the condition with QTRY_*, QSignalSpy::wait or
#     QTest::qWaitFor.
#     Benchmarks (tests/bench) are exempt.
set -uo pipefail
src=${1:?usage: checkconventions.sh <source dir>}
cd "$src" || exit 2
status=0

then_hits=$(grep -rnPzo --include='*.cpp' --include='*.h' \
    '\.then\(\s*(?!\[|QtFuture::)[A-Za-z_&*(][^;]{0,80}?,' app models ui 2>/dev/null |
    tr '\0' '\n' | grep -v '^\s*$' | head -20)
if [ -n "$then_hits" ]; then
    echo "QFuture::then with a context object (use wb::core::whenFinished, core/util/futures.h):"
    echo "$then_hits"
    status=1
fi

# The pattern is assembled so that this script does not match itself.
wait_call='QTest::q''Wait\('
sleep_calls='QThread::(m|u)?sl''eep\(|this_thread::sl''eep_for|[^a-z_]u?sl''eep\('
sleep_hits=$(grep -rnE "$wait_call|$sleep_calls" \
    --include='*.cpp' --include='*.h' tests | grep -v '^tests/bench/' | head -20)
if [ -n "$sleep_hits" ]; then
    echo "Fixed sleeps in tests (use QTRY_*, QSignalSpy::wait or QTest::qWaitFor):"
    echo "$sleep_hits"
    status=1
fi

[ "$status" -eq 0 ] && echo "conventions ok"
exit "$status"
