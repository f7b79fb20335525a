// SPDX-License-Identifier: GPL-3.0-or-later
// CronCalendar: next/previous firings in a time zone and the daylight-saving policy, checked
// against hand-computed rows and against a brute-force scan (every UTC minute around every clock
// change of a dozen zones) that applies the policy independently of the calendar's search.
#include "core/schedule/croncalendar.h"
#include "core/schedule/walltime.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

qint64 ms(const char *isoUtc)
{
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODateWithMs);
    Q_ASSERT(at.isValid());
    return at.toMSecsSinceEpoch();
}

qint64 wallSeconds(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}

QString utcList(const QList<CronFiring> &firings)
{
    QStringList texts;
    for (const CronFiring &firing : firings)
        texts.append(firing.utcText());
    return texts.join(u' ');
}

CronCalendar calendar(const QString &expression, const char *zone)
{
    const auto parsed = CronExpression::parse(expression);
    Q_ASSERT(parsed);
    const QTimeZone timeZone(zone);
    Q_ASSERT(timeZone.isValid());
    return CronCalendar(*parsed, timeZone);
}

bool matchesWall(const CronExpression &expression, qint64 wall)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(wall, Qt::UTC);
    return expression.matchesDay(at.date())
           && expression.contains(CronField::Hour, at.time().hour())
           && expression.contains(CronField::Minute, at.time().minute());
}

// The policy, applied by brute force over every UTC minute of [from, to): a minute fires if its
// wall time matches and that wall time did not already occur earlier (clock went back); a clock
// change that skips wall times fires at the change if any skipped time matches.
QList<qint64> bruteForceFirings(const CronExpression &expression, const QTimeZone &zone,
                                qint64 fromSeconds, qint64 toSeconds)
{
    QSet<qint64> seenWalls;
    QList<qint64> firings;
    int previousOffset = utcOffsetAt(zone, fromSeconds - 60);
    for (qint64 u = fromSeconds; u < toSeconds; u += 60) {
        const int offset = utcOffsetAt(zone, u);
        if (offset > previousOffset) {
            bool skippedMatch = false;
            for (qint64 wall = u + previousOffset; wall < u + offset; wall += 60)
                skippedMatch = skippedMatch || matchesWall(expression, wall);
            if (skippedMatch)
                firings.append(u * 1000);
        }
        previousOffset = offset;
        const qint64 wall = u + offset;
        const bool repeated = seenWalls.contains(wall);
        seenWalls.insert(wall);
        if (!repeated && matchesWall(expression, wall)
            && (firings.isEmpty() || firings.constLast() != u * 1000))
            firings.append(u * 1000);
    }
    return firings;
}

} // namespace

class TestCronCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wallTimeResolution_data();
    void wallTimeResolution();
    void daylightSavingPolicy_data();
    void daylightSavingPolicy();
    void longWaits_data();
    void longWaits();
    void previousFiring_data();
    void previousFiring();
    void matchesBruteForceAroundClockChanges_data();
    void matchesBruteForceAroundClockChanges();
    void firingTexts_data();
    void firingTexts();
    void timeZoneFromId_data();
    void timeZoneFromId();
    void neverFiringExpressionEnds();
};

void TestCronCalendar::wallTimeResolution_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("wall");
    QTest::addColumn<qint64>("expectedMs");
    QTest::addColumn<int>("kind");

    const int unique = WallTimeResolution::Unique;
    const int repeated = WallTimeResolution::Repeated;
    const int skipped = WallTimeResolution::Skipped;
    QTest::newRow("utc") << "UTC"_ba << wallSeconds(2024, 6, 1, 12, 0) << ms("2024-06-01T12:00:00Z")
                         << unique;
    QTest::newRow("kolkata-half-hour-offset") << "Asia/Kolkata"_ba << wallSeconds(2024, 6, 1, 5, 30)
                                              << ms("2024-06-01T00:00:00Z") << unique;
    QTest::newRow("new-york-spring-gap") << "America/New_York"_ba << wallSeconds(2024, 3, 10, 2, 30)
                                         << ms("2024-03-10T07:00:00Z") << skipped;
    QTest::newRow("new-york-spring-gap-start")
            << "America/New_York"_ba << wallSeconds(2024, 3, 10, 2, 0) << ms("2024-03-10T07:00:00Z")
            << skipped;
    QTest::newRow("new-york-spring-after-gap")
            << "America/New_York"_ba << wallSeconds(2024, 3, 10, 3, 0) << ms("2024-03-10T07:00:00Z")
            << unique;
    QTest::newRow("new-york-fall-repeated-first")
            << "America/New_York"_ba << wallSeconds(2024, 11, 3, 1, 30)
            << ms("2024-11-03T05:30:00Z") << repeated;
    QTest::newRow("new-york-fall-before-repeat")
            << "America/New_York"_ba << wallSeconds(2024, 11, 3, 0, 59)
            << ms("2024-11-03T04:59:00Z") << unique;
    QTest::newRow("new-york-fall-after-repeat")
            << "America/New_York"_ba << wallSeconds(2024, 11, 3, 2, 0) << ms("2024-11-03T07:00:00Z")
            << unique;
    QTest::newRow("berlin-spring-gap") << "Europe/Berlin"_ba << wallSeconds(2024, 3, 31, 2, 0)
                                       << ms("2024-03-31T01:00:00Z") << skipped;
    QTest::newRow("berlin-fall-repeated-last-minute")
            << "Europe/Berlin"_ba << wallSeconds(2024, 10, 27, 2, 59) << ms("2024-10-27T00:59:00Z")
            << repeated;
    QTest::newRow("lord-howe-half-hour-gap")
            << "Australia/Lord_Howe"_ba << wallSeconds(2024, 10, 6, 2, 15)
            << ms("2024-10-05T15:30:00Z") << skipped;
    QTest::newRow("havana-midnight-gap") << "America/Havana"_ba << wallSeconds(2024, 3, 10, 0, 0)
                                         << ms("2024-03-10T05:00:00Z") << skipped;
    QTest::newRow("apia-skipped-whole-day") << "Pacific/Apia"_ba << wallSeconds(2011, 12, 30, 12, 0)
                                            << ms("2011-12-30T10:00:00Z") << skipped;
    QTest::newRow("troll-two-hour-gap") << "Antarctica/Troll"_ba << wallSeconds(2024, 3, 31, 2, 30)
                                        << ms("2024-03-31T01:00:00Z") << skipped;
    QTest::newRow("chatham-gap-at-0245") << "Pacific/Chatham"_ba << wallSeconds(2024, 9, 29, 3, 0)
                                         << ms("2024-09-28T14:00:00Z") << skipped;
}

void TestCronCalendar::wallTimeResolution()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, wall);
    QFETCH(qint64, expectedMs);
    QFETCH(int, kind);
    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());
    const WallTimeResolution resolved = resolveWallTime(timeZone, wall);
    QCOMPARE(resolved.utcSeconds * 1000, expectedMs);
    QCOMPARE(int(resolved.kind), kind);
    if (kind != WallTimeResolution::Skipped)
        QCOMPARE(wallSecondsAt(timeZone, resolved.utcSeconds), wall);
}

void TestCronCalendar::daylightSavingPolicy_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<QString>("expected");      // UTC instants
    QTest::addColumn<QString>("expectedLocal"); // the same in the zone
    QTest::addColumn<QList<int>>("flags");      // 1 = shifted, 2 = repeated local time

    // Skipped local time: runs at the shift (03:00 EDT = 07:00Z), not an hour later.
    QTest::newRow("new-york-spring-0230-runs-at-shift")
            << u"30 2 * * *"_s << "America/New_York"_ba << ms("2024-03-09T12:00:00Z")
            << u"2024-03-10T07:00:00Z 2024-03-11T06:30:00Z 2024-03-12T06:30:00Z"_s
            << u"2024-03-10T03:00:00-04:00 2024-03-11T02:30:00-04:00 2024-03-12T02:30:00-04:00"_s
            << QList<int>{1, 0, 0};
    // Four skipped times collapse into one run at the shift.
    QTest::newRow("new-york-spring-four-skipped-times-one-run")
            << u"*/15 2 * * *"_s << "America/New_York"_ba << ms("2024-03-09T12:00:00Z")
            << u"2024-03-10T07:00:00Z 2024-03-11T06:00:00Z 2024-03-11T06:15:00Z"_s
            << u"2024-03-10T03:00:00-04:00 2024-03-11T02:00:00-04:00 2024-03-11T02:15:00-04:00"_s
            << QList<int>{1, 0, 0};
    // 02:00 (skipped) and 03:00 (real) are the same instant: one run.
    QTest::newRow("new-york-spring-every-30-no-double-at-shift")
            << u"*/30 * * * *"_s << "America/New_York"_ba << ms("2024-03-10T06:00:00Z")
            << u"2024-03-10T06:30:00Z 2024-03-10T07:00:00Z 2024-03-10T07:30:00Z 2024-03-10T08:00:00Z"_s
            << u"2024-03-10T01:30:00-05:00 2024-03-10T03:00:00-04:00 2024-03-10T03:30:00-04:00 "
               u"2024-03-10T04:00:00-04:00"_s
            << QList<int>{0, 1, 0, 0};
    QTest::newRow("new-york-after-the-shift-no-duplicate")
            << u"*/15 * * * *"_s << "America/New_York"_ba << ms("2024-03-10T07:00:00Z")
            << u"2024-03-10T07:15:00Z 2024-03-10T07:30:00Z"_s
            << u"2024-03-10T03:15:00-04:00 2024-03-10T03:30:00-04:00"_s << QList<int>{0, 0};
    // Repeated local time: runs once, at the first occurrence (EDT).
    QTest::newRow("new-york-fall-0130-first-occurrence")
            << u"30 1 * * *"_s << "America/New_York"_ba << ms("2024-11-02T12:00:00Z")
            << u"2024-11-03T05:30:00Z 2024-11-04T06:30:00Z 2024-11-05T06:30:00Z"_s
            << u"2024-11-03T01:30:00-04:00 2024-11-04T01:30:00-05:00 2024-11-05T01:30:00-05:00"_s
            << QList<int>{2, 0, 0};
    QTest::newRow("new-york-fall-every-30-repeated-hour-once")
            << u"*/30 * * * *"_s << "America/New_York"_ba << ms("2024-11-03T04:50:00Z")
            << u"2024-11-03T05:00:00Z 2024-11-03T05:30:00Z 2024-11-03T07:00:00Z "
               u"2024-11-03T07:30:00Z 2024-11-03T08:00:00Z"_s
            << u"2024-11-03T01:00:00-04:00 2024-11-03T01:30:00-04:00 2024-11-03T02:00:00-05:00 "
               u"2024-11-03T02:30:00-05:00 2024-11-03T03:00:00-05:00"_s
            << QList<int>{2, 2, 0, 0, 0};
    // Asked from inside the second pass of the repeated hour: its times already ran.
    QTest::newRow("new-york-fall-from-second-pass")
            << u"*/15 * * * *"_s << "America/New_York"_ba << ms("2024-11-03T06:10:00Z")
            << u"2024-11-03T07:00:00Z 2024-11-03T07:15:00Z"_s
            << u"2024-11-03T02:00:00-05:00 2024-11-03T02:15:00-05:00"_s << QList<int>{0, 0};
    QTest::newRow("berlin-spring-0230-runs-at-shift")
            << u"30 2 * * *"_s << "Europe/Berlin"_ba << ms("2024-03-30T12:00:00Z")
            << u"2024-03-31T01:00:00Z 2024-04-01T00:30:00Z 2024-04-02T00:30:00Z"_s
            << u"2024-03-31T03:00:00+02:00 2024-04-01T02:30:00+02:00 2024-04-02T02:30:00+02:00"_s
            << QList<int>{1, 0, 0};
    QTest::newRow("berlin-fall-0230-first-occurrence")
            << u"30 2 * * *"_s << "Europe/Berlin"_ba << ms("2024-10-26T12:00:00Z")
            << u"2024-10-27T00:30:00Z 2024-10-28T01:30:00Z 2024-10-29T01:30:00Z"_s
            << u"2024-10-27T02:30:00+02:00 2024-10-28T02:30:00+01:00 2024-10-29T02:30:00+01:00"_s
            << QList<int>{2, 0, 0};
    QTest::newRow("berlin-fall-hourly-repeated-hour-once")
            << u"0 * * * *"_s << "Europe/Berlin"_ba << ms("2024-10-26T23:30:00Z")
            << u"2024-10-27T00:00:00Z 2024-10-27T02:00:00Z 2024-10-27T03:00:00Z 2024-10-27T04:00:00Z"_s
            << u"2024-10-27T02:00:00+02:00 2024-10-27T03:00:00+01:00 2024-10-27T04:00:00+01:00 "
               u"2024-10-27T05:00:00+01:00"_s
            << QList<int>{2, 0, 0, 0};
    QTest::newRow("havana-midnight-skipped-runs-at-0100")
            << u"@daily"_s << "America/Havana"_ba << ms("2024-03-09T12:00:00Z")
            << u"2024-03-10T05:00:00Z 2024-03-11T04:00:00Z"_s
            << u"2024-03-10T01:00:00-04:00 2024-03-11T00:00:00-04:00"_s << QList<int>{1, 0};
}

void TestCronCalendar::daylightSavingPolicy()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    QFETCH(qint64, afterMs);
    QFETCH(QString, expected);
    QFETCH(QString, expectedLocal);
    QFETCH(QList<int>, flags);

    const QList<CronFiring> firings = calendar(expression, zone.constData())
                                              .next(afterMs, int(flags.size()));
    QCOMPARE(utcList(firings), expected);
    QStringList locals;
    for (const CronFiring &firing : firings)
        locals.append(firing.localText());
    QCOMPARE(locals.join(u' '), expectedLocal);
    for (qsizetype i = 0; i < firings.size(); ++i) {
        QCOMPARE(firings.at(i).shifted, bool(flags.at(i) & 1));
        QCOMPARE(firings.at(i).repeatedLocalTime, bool(flags.at(i) & 2));
    }
}

void TestCronCalendar::longWaits_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("leap-day-2024-2028")
            << u"0 0 29 2 *"_s << ms("2023-01-01T00:00:00Z")
            << u"2024-02-29T00:00:00Z 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z"_s;
    // 2100 is not a leap year: eight years between 2096 and 2104.
    QTest::newRow("leap-day-skips-2100")
            << u"0 0 29 2 *"_s << ms("2095-03-01T00:00:00Z")
            << u"2096-02-29T00:00:00Z 2104-02-29T00:00:00Z 2108-02-29T00:00:00Z"_s;
    // 29 February on a Sunday ("*/7" starts with '*': both day fields must match): 2088, then 2128.
    QTest::newRow("leap-day-on-sunday-forty-years")
            << u"0 0 29 2 */7"_s << ms("2089-01-01T00:00:00Z")
            << u"2128-02-29T00:00:00Z 2156-02-29T00:00:00Z"_s;
    QTest::newRow("yearly-from-the-instant-itself")
            << u"@yearly"_s << ms("2025-01-01T00:00:00Z")
            << u"2026-01-01T00:00:00Z 2027-01-01T00:00:00Z"_s;
    QTest::newRow("milliseconds-before-a-firing")
            << u"0 0 * * *"_s << ms("2025-01-01T23:59:59.999Z")
            << u"2025-01-02T00:00:00Z 2025-01-03T00:00:00Z"_s;
}

void TestCronCalendar::longWaits()
{
    QFETCH(QString, expression);
    QFETCH(qint64, afterMs);
    QFETCH(QString, expected);
    const qsizetype count = expected.count(u' ') + 1;
    QCOMPARE(utcList(calendar(expression, "UTC").next(afterMs, int(count))), expected);
}

void TestCronCalendar::previousFiring_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("atOrBeforeMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("at-a-firing-is-that-firing")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << u"2024-05-01T10:00:00Z"_s;
    QTest::newRow("just-before-a-firing")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T09:59:59.999Z")
            << u"2024-05-01T09:00:00Z"_s;
    // From the second pass of New York's repeated hour, the last firing is the first pass's 01:45.
    QTest::newRow("new-york-second-pass-of-repeated-hour")
            << u"*/15 * * * *"_s << "America/New_York"_ba << ms("2024-11-03T06:10:00Z")
            << u"2024-11-03T05:45:00Z"_s;
    QTest::newRow("new-york-at-the-shift")
            << u"30 2 * * *"_s << "America/New_York"_ba << ms("2024-03-10T07:00:00Z")
            << u"2024-03-10T07:00:00Z"_s;
    QTest::newRow("new-york-just-before-the-shift")
            << u"30 2 * * *"_s << "America/New_York"_ba << ms("2024-03-10T06:59:59Z")
            << u"2024-03-09T07:30:00Z"_s;
    QTest::newRow("leap-day-across-2100")
            << u"0 0 29 2 *"_s << "UTC"_ba << ms("2103-12-31T00:00:00Z")
            << u"2096-02-29T00:00:00Z"_s;
}

void TestCronCalendar::previousFiring()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    QFETCH(qint64, atOrBeforeMs);
    QFETCH(QString, expected);
    const std::optional<CronFiring> previous = calendar(expression, zone.constData())
                                                       .previous(atOrBeforeMs);
    QVERIFY(previous);
    QCOMPARE(previous->utcText(), expected);
}

void TestCronCalendar::matchesBruteForceAroundClockChanges_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("fromYear");
    QTest::addColumn<int>("toYear");

    QTest::newRow("new-york") << "America/New_York"_ba << 2023 << 2026;
    QTest::newRow("berlin") << "Europe/Berlin"_ba << 2023 << 2026;
    QTest::newRow("london") << "Europe/London"_ba << 2024 << 2025;
    QTest::newRow("sydney-southern") << "Australia/Sydney"_ba << 2024 << 2025;
    QTest::newRow("lord-howe-half-hour") << "Australia/Lord_Howe"_ba << 2024 << 2025;
    QTest::newRow("chatham-0245") << "Pacific/Chatham"_ba << 2024 << 2025;
    QTest::newRow("st-johns-half-hour-offset") << "America/St_Johns"_ba << 2024 << 2025;
    QTest::newRow("havana-midnight") << "America/Havana"_ba << 2024 << 2025;
    QTest::newRow("santiago-midnight") << "America/Santiago"_ba << 2024 << 2025;
    QTest::newRow("tehran-midnight") << "Asia/Tehran"_ba << 2021 << 2022;
    QTest::newRow("casablanca-ramadan") << "Africa/Casablanca"_ba << 2024 << 2025;
    QTest::newRow("troll-two-hours") << "Antarctica/Troll"_ba << 2024 << 2025;
    QTest::newRow("apia-skipped-day") << "Pacific/Apia"_ba << 2011 << 2012;
}

void TestCronCalendar::matchesBruteForceAroundClockChanges()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, fromYear);
    QFETCH(int, toYear);
    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());

    const QStringList expressions{
            u"* * * * *"_s,       u"*/7 * * * *"_s, u"30 * * * *"_s,
            u"15,45 0-3 * * *"_s, u"@daily"_s,      u"59 23 * * *"_s,
            u"30 2 * * *"_s,      u"0 1 * * SUN"_s, u"*/20 1-3 1-10 * 0"_s,
            u"45 2 * * *"_s,      u"0 12 * * *"_s,
    };
    const QTimeZone::OffsetDataList transitions
            = timeZone.transitions(QDateTime(QDate(fromYear, 1, 1), QTime(0, 0), Qt::UTC),
                                   QDateTime(QDate(toYear, 12, 31), QTime(0, 0), Qt::UTC));
    QVERIFY2(transitions.size() >= 2, zone.constData());

    int compared = 0;
    for (const QTimeZone::OffsetData &transition : transitions) {
        const qint64 at = transition.atUtc.toSecsSinceEpoch();
        const int before = utcOffsetAt(timeZone, at - 1);
        const qint64 margin = 3 * 3600 + qAbs(transition.offsetFromUtc - before);
        const qint64 from = (at - margin) / 60 * 60;
        const qint64 to = (at + margin) / 60 * 60;
        for (const QString &text : expressions) {
            const CronCalendar cal = calendar(text, zone.constData());
            const QList<qint64> expected = bruteForceFirings(cal.expression(), timeZone, from, to);
            QList<qint64> actual;
            for (auto firing = cal.next(from * 1000 - 1); firing && firing->instantMs < to * 1000;
                 firing = cal.next(firing->instantMs))
                actual.append(firing->instantMs);
            if (actual != expected) {
                QStringList a, e;
                for (qint64 v : actual)
                    a.append(QDateTime::fromMSecsSinceEpoch(v, Qt::UTC).toString(Qt::ISODate));
                for (qint64 v : expected)
                    e.append(QDateTime::fromMSecsSinceEpoch(v, Qt::UTC).toString(Qt::ISODate));
                QFAIL(qPrintable(u"%1 in %2 around %3:\n  calendar:    %4\n  brute force: %5"_s
                                         .arg(text, QString::fromLatin1(zone),
                                              transition.atUtc.toString(Qt::ISODate), a.join(u' '),
                                              e.join(u' '))));
            }
            // previous() walks the same firings backwards.
            for (qsizetype i = 1; i < actual.size(); ++i) {
                QCOMPARE(cal.previous(actual.at(i))->instantMs, actual.at(i));
                QCOMPARE(cal.previous(actual.at(i) - 1)->instantMs, actual.at(i - 1));
            }
            ++compared;
        }
    }
    QVERIFY(compared >= 2 * int(expressions.size()));
}

void TestCronCalendar::firingTexts_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("local");
    QTest::addColumn<int>("offset");

    QTest::newRow("utc-zone") << "UTC"_ba << ms("2024-06-01T11:00:00Z") << u"2024-06-01T12:00:00Z"_s
                              << u"2024-06-01T12:00:00+00:00"_s << 0;
    QTest::newRow("kolkata") << "Asia/Kolkata"_ba << ms("2024-06-01T06:00:00Z")
                             << u"2024-06-01T06:30:00Z"_s << u"2024-06-01T12:00:00+05:30"_s
                             << 19800;
    QTest::newRow("new-york-summer")
            << "America/New_York"_ba << ms("2024-06-01T15:00:00Z") << u"2024-06-01T16:00:00Z"_s
            << u"2024-06-01T12:00:00-04:00"_s << -14400;
    QTest::newRow("st-johns-negative-half-hour")
            << "America/St_Johns"_ba << ms("2024-01-15T15:00:00Z") << u"2024-01-15T15:30:00Z"_s
            << u"2024-01-15T12:00:00-03:30"_s << -12600;
}

void TestCronCalendar::firingTexts()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, afterMs);
    QFETCH(QString, utc);
    QFETCH(QString, local);
    QFETCH(int, offset);
    const std::optional<CronFiring> firing = calendar(u"0 12 * * *"_s, zone.constData())
                                                     .next(afterMs);
    QVERIFY(firing);
    QCOMPARE(firing->utcText(), utc);
    QCOMPARE(firing->localText(), local);
    QCOMPARE(firing->utcOffsetSeconds, offset);
    // Both texts name the same instant.
    QCOMPARE(QDateTime::fromString(local, Qt::ISODate).toMSecsSinceEpoch(), firing->instantMs);
}

void TestCronCalendar::timeZoneFromId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("berlin") << u"Europe/Berlin"_s << true;
    QTest::newRow("utc") << u"UTC"_s << true;
    QTest::newRow("surrounding-blanks") << u" America/New_York "_s << true;
    QTest::newRow("unknown") << u"Mars/Olympus_Mons"_s << false;
    QTest::newRow("empty") << u""_s << false;
    QTest::newRow("area-location-not-in-qt-list") << u"Etc/GMT+5"_s << true;
    QTest::newRow("utc-offset-id") << u"UTC+05:00"_s << true;
    // Qt 6.4 alone would take these as POSIX rules at UTC+0.
    QTest::newRow("abbreviation-is-not-a-zone") << u"CEST"_s << false;
    QTest::newRow("word-is-not-a-zone") << u"Berlin"_s << false;
    QTest::newRow("posix-rule-is-not-a-name") << u"EST5EDT,M3.2.0/2,M11.1.0"_s << false;
    QTest::newRow("wrong-case") << u"europe/berlin"_s << false;
}

void TestCronCalendar::timeZoneFromId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    const Result<QTimeZone> zone = wb::core::timeZoneFromId(id);
    QCOMPARE(zone.has_value(), valid);
    if (valid) {
        QCOMPARE(QString::fromUtf8(zone->id()), id.trimmed());
    } else {
        QCOMPARE(zone.error().code, u"schedule.unknown_time_zone"_s);
        QVERIFY2(zone.error().message.contains(u"\"%1\""_s.arg(id)),
                 qPrintable(zone.error().message));
    }
}

void TestCronCalendar::neverFiringExpressionEnds()
{
    const CronCalendar never(CronExpression(), QTimeZone("UTC"));
    QVERIFY(!never.next(0));
    QVERIFY(!never.previous(ms("2024-01-01T00:00:00Z")));
    QVERIFY(never.next(0, 10).isEmpty());
}

QTEST_GUILESS_MAIN(TestCronCalendar)
#include "tst_croncalendar.moc"
