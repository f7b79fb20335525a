// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimeZone>

namespace wb::core {

// Wall-clock time in a time zone, and how a wall-clock time maps back to an instant under the
// schedules' daylight-saving policy.
//
// "Wall seconds" are the local date and time read as if they were UTC: seconds since
// 1970-01-01T00:00:00 on the zone's clock (2024-03-10 02:30 in New York is the same number as
// 2024-03-10T02:30:00Z). Instants are UTC seconds since the epoch.
//
// Qt 6.4's QDateTime(date, time, zone) neither reports nor lets us choose what happens to a local
// time that is skipped or repeated (QDateTime::TransitionResolution is 6.7), so the policy is
// applied here from QTimeZone::offsetFromUtc() alone. Assumes at most one offset change within
// 32 hours of any instant (true of every zone in the IANA database since 1900 except a handful of
// historical double changes, which resolve to one of their two candidates).
//
// Thread: reentrant; QTimeZone is used through const calls only.

// The wall seconds at `utcSeconds` in `zone`.
qint64 wallSecondsAt(const QTimeZone &zone, qint64 utcSeconds);

// The zone's offset from UTC, in seconds, at the instant `utcSeconds`.
int utcOffsetAt(const QTimeZone &zone, qint64 utcSeconds);

struct WallTimeResolution
{
    enum Kind {
        Unique,   // the local time occurs once
        Repeated, // it occurs twice (the clock went back): `utcSeconds` is the first occurrence
        Skipped,  // it does not occur (the clock went forward): `utcSeconds` is the shift itself,
                  // the first instant after the gap
    };
    qint64 utcSeconds = 0;
    Kind kind = Unique;
};

// The instant at which a schedule due at local time `wallSeconds` runs: its only occurrence, the
// first of two, or the end of the gap that skipped it. `zone` must be valid.
WallTimeResolution resolveWallTime(const QTimeZone &zone, qint64 wallSeconds);

} // namespace wb::core
