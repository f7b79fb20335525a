// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/cronexpression.h"
#include "core/schedule/walltime.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace wb::core {

// One firing of a schedule: the instant it runs.
struct CronFiring
{
    // The instant, UTC milliseconds since the epoch (always a whole second).
    qint64 instantMs = 0;
    // The zone's offset from UTC at that instant, in seconds (-14400 for New York in summer).
    int utcOffsetSeconds = 0;
    // The local time the expression names does not exist that day (clock went forward): this is
    // the shift, the first instant after the gap.
    bool shifted = false;
    // The local time occurs twice that day (clock went back): this is its first occurrence, and the
    // second one does not fire.
    bool repeatedLocalTime = false;

    // RFC 3339 (section 5.6) strings: "2024-03-10T07:00:00Z" and "2024-03-10T03:00:00-04:00".
    // Offsets are written in whole minutes (RFC 3339 has no seconds in offsets).
    QString utcText() const;
    QString localText() const;

    bool operator==(const CronFiring &other) const = default;
};

// When a cron expression fires in a time zone.
//
// Local times are the zone's wall clock (IANA zone through QTimeZone). Daylight-saving policy:
//  - a local time that occurs twice (the clock goes back) runs ONCE, at its first occurrence:
//    "30 1 * * *" in America/New_York on 2024-11-03 runs at 05:30Z (01:30 EDT), not again at
//    06:30Z (01:30 EST); "*/30 * * * *" runs 05:00Z, 05:30Z, then 07:00Z (02:00 EST);
//  - a local time that is skipped (the clock goes forward) runs at the shift, the first instant
//    after the gap: "30 2 * * *" in America/New_York on 2024-03-10 runs at 07:00Z (03:00 EDT);
//    several skipped times collapse into that one run, and a time right after the gap that maps
//    to the same instant does not run a second time.
// Firings are therefore strictly increasing instants, never two at the same instant.
//
// Speed: the search skips by field (month, then day, hour, minute), never scanning minute by
// minute over long spans; next ten firings take microseconds (tests/bench/bench_croncalendar.cpp).
// The search looks up to 400 years ahead (the Gregorian cycle), enough for any expression
// CronExpression::parse() accepts ("0 0 29 2 */7" — 29 February on a Sunday — waits 40 years).
//
// Thread: reentrant — a value type; use one instance per thread.
class CronCalendar
{
public:
    // `zone` must be valid (see timeZoneFromId()).
    CronCalendar(CronExpression expression, QTimeZone zone);

    const CronExpression &expression() const { return m_expression; }
    const QTimeZone &zone() const { return m_zone; }

    // The first firing strictly after `afterMs` (UTC ms), or nothing when the expression never
    // fires (a default-constructed expression).
    std::optional<CronFiring> next(qint64 afterMs) const;
    // The next `count` firings strictly after `afterMs`, ascending.
    QList<CronFiring> next(qint64 afterMs, int count) const;
    // The last firing at or before `atOrBeforeMs` (UTC ms).
    std::optional<CronFiring> previous(qint64 atOrBeforeMs) const;

private:
    CronFiring firingAt(const WallTimeResolution &at) const;

    CronExpression m_expression;
    QTimeZone m_zone;
};

// The time zone named `ianaId` ("Europe/Berlin", "America/New_York", "Etc/GMT+5", "UTC"; surrounding
// blanks ignored). The zone database is the system's (/usr/share/zoneinfo on Debian, package
// tzdata). Refused with `schedule.unknown_time_zone`, naming the id: unknown names, and legacy
// names without an area ("CET", "EST", "GMT") — Qt 6.4 would read those, and any typo without a
// slash, as a POSIX TZ rule and silently use UTC+0 for "CEST" or "Berlin".
Result<QTimeZone> timeZoneFromId(const QString &ianaId);

} // namespace wb::core
