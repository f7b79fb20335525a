// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/croncalendar.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <bit>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr qint64 minutesPerDay = 1440;
constexpr qint64 julianDayOfEpoch = 2440588; // 1970-01-01
// The Gregorian calendar repeats every 400 years (146097 days): any day pattern that ever occurs
// occurs within that span.
constexpr qint64 searchDays = 146097 + 366;
// Wall minutes tried after a match that maps to an instant already passed (a repeated hour, or the
// times just after a gap): a day and a half of minutes covers any transition.
constexpr int maxRetries = 3 * 1440;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int nextBit(quint64 bits, int from)
{
    if (from > 63)
        return -1;
    const quint64 masked = bits & (~quint64(0) << from);
    return masked ? std::countr_zero(masked) : -1;
}

int previousBit(quint64 bits, int from)
{
    if (from < 0)
        return -1;
    const quint64 masked = from >= 63 ? bits : bits & ((quint64(1) << (from + 1)) - 1);
    return masked ? 63 - std::countl_zero(masked) : -1;
}

QString offsetText(int offsetSeconds)
{
    const int minutes = qAbs(offsetSeconds) / 60;
    return u"%1%2:%3"_s.arg(QChar(offsetSeconds < 0 ? u'-' : u'+'))
            .arg(minutes / 60, 2, 10, QChar(u'0'))
            .arg(minutes % 60, 2, 10, QChar(u'0'));
}

QString dateTimeText(qint64 wallSeconds)
{
    return QDateTime::fromSecsSinceEpoch(wallSeconds, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
}

} // namespace

// Searches wall minutes (minutes since 1970-01-01T00:00 on the zone's clock) that the expression
// names, skipping by field.
class CronSearch
{
public:
    explicit CronSearch(const CronExpression &expression)
        : m_e(expression)
    {}

    // The first named wall minute at or after `wallMinute`.
    std::optional<qint64> atOrAfter(qint64 wallMinute) const
    {
        qint64 day = floorDiv(wallMinute, minutesPerDay);
        const qint64 lastDay = day + searchDays;
        int hour = int((wallMinute - day * minutesPerDay) / 60);
        int minute = int((wallMinute - day * minutesPerDay) % 60);
        QDate date = QDate::fromJulianDay(julianDayOfEpoch + day);
        const auto nextDay = [&](QDate to) {
            date = to;
            day = date.toJulianDay() - julianDayOfEpoch;
            hour = 0;
            minute = 0;
        };
        while (day <= lastDay) {
            if (!(m_e.m_months & (1u << date.month()))) {
                nextDay(QDate(date.year(), date.month(), 1).addMonths(1));
                continue;
            }
            if (!m_e.matchesDay(date)) {
                nextDay(date.addDays(1));
                continue;
            }
            const int h = nextBit(m_e.m_hours, hour);
            if (h < 0) {
                nextDay(date.addDays(1));
                continue;
            }
            if (h != hour) {
                hour = h;
                minute = 0;
            }
            const int m = nextBit(m_e.m_minutes, minute);
            if (m < 0) {
                if (++hour == 24)
                    nextDay(date.addDays(1));
                minute = 0;
                continue;
            }
            return day * minutesPerDay + hour * 60 + m;
        }
        return std::nullopt;
    }

    // The last named wall minute at or before `wallMinute`.
    std::optional<qint64> atOrBefore(qint64 wallMinute) const
    {
        qint64 day = floorDiv(wallMinute, minutesPerDay);
        const qint64 firstDay = day - searchDays;
        int hour = int((wallMinute - day * minutesPerDay) / 60);
        int minute = int((wallMinute - day * minutesPerDay) % 60);
        QDate date = QDate::fromJulianDay(julianDayOfEpoch + day);
        const auto previousDay = [&](QDate to) {
            date = to;
            day = date.toJulianDay() - julianDayOfEpoch;
            hour = 23;
            minute = 59;
        };
        while (day >= firstDay) {
            if (!(m_e.m_months & (1u << date.month()))) {
                previousDay(QDate(date.year(), date.month(), 1).addDays(-1));
                continue;
            }
            if (!m_e.matchesDay(date)) {
                previousDay(date.addDays(-1));
                continue;
            }
            const int h = previousBit(m_e.m_hours, hour);
            if (h < 0) {
                previousDay(date.addDays(-1));
                continue;
            }
            if (h != hour) {
                hour = h;
                minute = 59;
            }
            const int m = previousBit(m_e.m_minutes, minute);
            if (m < 0) {
                if (--hour < 0)
                    previousDay(date.addDays(-1));
                else
                    minute = 59;
                continue;
            }
            return day * minutesPerDay + hour * 60 + m;
        }
        return std::nullopt;
    }

private:
    const CronExpression &m_e;
};

QString CronFiring::utcText() const
{
    return dateTimeText(floorDiv(instantMs, 1000)) + u'Z';
}

QString CronFiring::localText() const
{
    return dateTimeText(floorDiv(instantMs, 1000) + utcOffsetSeconds)
           + offsetText(utcOffsetSeconds);
}

CronCalendar::CronCalendar(CronExpression expression, QTimeZone zone)
    : m_expression(std::move(expression))
    , m_zone(std::move(zone))
{}

CronFiring CronCalendar::firingAt(const WallTimeResolution &at) const
{
    CronFiring firing;
    firing.instantMs = at.utcSeconds * 1000;
    firing.utcOffsetSeconds = utcOffsetAt(m_zone, at.utcSeconds);
    firing.shifted = at.kind == WallTimeResolution::Skipped;
    firing.repeatedLocalTime = at.kind == WallTimeResolution::Repeated;
    return firing;
}

std::optional<CronFiring> CronCalendar::next(qint64 afterMs) const
{
    const CronSearch search(m_expression);
    // Every wall minute before the wall time of `afterMs` maps to an instant at or before it (the
    // mapping is monotonic), so the search can start there.
    const qint64 afterSeconds = floorDiv(afterMs, 1000);
    qint64 wallMinute = floorDiv(wallSecondsAt(m_zone, afterSeconds), 60);
    for (int attempt = 0; attempt < maxRetries; ++attempt) {
        const std::optional<qint64> named = search.atOrAfter(wallMinute);
        if (!named)
            return std::nullopt;
        const WallTimeResolution at = resolveWallTime(m_zone, *named * 60);
        if (at.utcSeconds * 1000 > afterMs)
            return firingAt(at);
        wallMinute = *named + 1;
    }
    return std::nullopt;
}

QList<CronFiring> CronCalendar::next(qint64 afterMs, int count) const
{
    QList<CronFiring> firings;
    firings.reserve(qMax(0, count));
    qint64 after = afterMs;
    while (firings.size() < count) {
        const std::optional<CronFiring> firing = next(after);
        if (!firing)
            break;
        firings.append(*firing);
        after = firing->instantMs;
    }
    return firings;
}

std::optional<CronFiring> CronCalendar::previous(qint64 atOrBeforeMs) const
{
    const CronSearch search(m_expression);
    // A wall time that ran at or before the instant can read later than the clock does now when the
    // clock went back within the last day: start from the larger of the two offsets.
    const qint64 seconds = floorDiv(atOrBeforeMs, 1000);
    const int offset = qMax(utcOffsetAt(m_zone, seconds), utcOffsetAt(m_zone, seconds - 32 * 3600));
    qint64 wallMinute = floorDiv(seconds + offset, 60);
    for (int attempt = 0; attempt < maxRetries; ++attempt) {
        const std::optional<qint64> named = search.atOrBefore(wallMinute);
        if (!named)
            return std::nullopt;
        const WallTimeResolution at = resolveWallTime(m_zone, *named * 60);
        if (at.utcSeconds * 1000 <= atOrBeforeMs)
            return firingAt(at);
        wallMinute = *named - 1;
    }
    return std::nullopt;
}

Result<QTimeZone> timeZoneFromId(const QString &ianaId)
{
    // Qt 6.4 reads any word it has no file for as a POSIX TZ rule: "CEST", "FOO" or "Berlin" give
    // a valid zone at UTC+0. Only names Qt lists, or Area/Location names it found a file for, count.
    static const QRegularExpression ianaShape(u"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+$"_s);
    const QByteArray id = ianaId.trimmed().toUtf8();
    QTimeZone zone;
    if (QTimeZone::isTimeZoneIdAvailable(id)
        || (!id.isEmpty() && ianaShape.match(QString::fromUtf8(id)).hasMatch()))
        zone = QTimeZone(id);
    if (!zone.isValid()) {
        return fail(u"schedule.unknown_time_zone"_s,
                    QCoreApplication::translate("wb::core::CronCalendar",
                                                "unknown time zone \"%1\" (give an IANA name such "
                                                "as Europe/Berlin, America/New_York or UTC)")
                            .arg(ianaId));
    }
    return zone;
}

} // namespace wb::core
