// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/walltime.h"

#include <QDateTime>

namespace wb::core {

namespace {

// Offsets span UTC-12 to UTC+14 (and a few minutes more for local mean time before 1900), so the
// instants that can show a given wall time lie within 16 hours of it.
constexpr qint64 probeSeconds = 16 * 3600;

} // namespace

int utcOffsetAt(const QTimeZone &zone, qint64 utcSeconds)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

qint64 wallSecondsAt(const QTimeZone &zone, qint64 utcSeconds)
{
    return utcSeconds + utcOffsetAt(zone, utcSeconds);
}

WallTimeResolution resolveWallTime(const QTimeZone &zone, qint64 wallSeconds)
{
    const int offsetBefore = utcOffsetAt(zone, wallSeconds - probeSeconds);
    const int offsetAfter = utcOffsetAt(zone, wallSeconds + probeSeconds);
    const qint64 withBefore = wallSeconds - offsetBefore;
    const qint64 withAfter = wallSeconds - offsetAfter;
    const bool beforeValid = utcOffsetAt(zone, withBefore) == offsetBefore;
    const bool afterValid = utcOffsetAt(zone, withAfter) == offsetAfter;

    if (beforeValid && afterValid) {
        if (withBefore == withAfter)
            return {withBefore, WallTimeResolution::Unique};
        return {qMin(withBefore, withAfter), WallTimeResolution::Repeated};
    }
    if (beforeValid)
        return {withBefore, WallTimeResolution::Unique};
    if (afterValid)
        return {withAfter, WallTimeResolution::Unique};

    // A gap: the clock jumped from offsetBefore to a larger offsetAfter at an instant T, and every
    // wall time in [T + offsetBefore, T + offsetAfter) is skipped. T lies in (withAfter,
    // withBefore]; find the first second there that already has the new offset.
    qint64 low = qMin(withBefore, withAfter);  // still the old offset
    qint64 high = qMax(withBefore, withAfter); // already the new offset
    const int oldOffset = utcOffsetAt(zone, low);
    while (high - low > 1) {
        const qint64 middle = low + (high - low) / 2;
        if (utcOffsetAt(zone, middle) == oldOffset)
            low = middle;
        else
            high = middle;
    }
    return {high, WallTimeResolution::Skipped};
}

} // namespace wb::core
