// SPDX-License-Identifier: GPL-3.0-or-later
// How long the schedule editor waits per keystroke: parse an expression and compute its next ten
// firings in a time zone. Reference, measured in the same run: the same ten firings found by
// scanning every minute (what the field-skipping search avoids). Figures: BENCHMARKS.md.
#include "core/schedule/croncalendar.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

const qint64 start = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

// Ten firings by checking every UTC minute (policy ignored: the cases below avoid clock changes).
QList<qint64> scanEveryMinute(const CronExpression &expression, const QTimeZone &zone)
{
    QList<qint64> firings;
    for (qint64 minute = start / 60'000 + 1; firings.size() < 10; ++minute) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(minute * 60'000, Qt::UTC)
                                        .toTimeZone(zone);
        if (expression.matchesDay(local.date())
            && expression.contains(CronField::Hour, local.time().hour())
            && expression.contains(CronField::Minute, local.time().minute()))
            firings.append(minute * 60'000);
    }
    return firings;
}

} // namespace

class BenchCronCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAndNextTen_data();
    void parseAndNextTen();
    void referenceScanEveryMinute_data();
    void referenceScanEveryMinute();
};

void BenchCronCalendar::parseAndNextTen_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("every-5-minutes-utc") << u"*/5 * * * *"_s << "UTC"_ba;
    QTest::newRow("weekdays-0900-berlin") << u"0 9 * * MON-FRI"_s << "Europe/Berlin"_ba;
    QTest::newRow("first-of-month-new-york") << u"@monthly"_s << "America/New_York"_ba;
    QTest::newRow("dom-dow-or-new-york") << u"0 8 1,15 * MON"_s << "America/New_York"_ba;
    QTest::newRow("leap-day-40-years") << u"0 0 29 2 */7"_s << "UTC"_ba;
}

void BenchCronCalendar::parseAndNextTen()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    const QTimeZone timeZone(zone);
    QList<CronFiring> firings;
    QBENCHMARK
    {
        const auto parsed = CronExpression::parse(expression);
        firings = CronCalendar(*parsed, timeZone).next(start, 10);
    }
    QVERIFY(!firings.isEmpty());
}

void BenchCronCalendar::referenceScanEveryMinute_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("every-5-minutes-utc") << u"*/5 * * * *"_s << "UTC"_ba;
    QTest::newRow("weekdays-0900-berlin") << u"0 9 * * MON-FRI"_s << "Europe/Berlin"_ba;
}

void BenchCronCalendar::referenceScanEveryMinute()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    const QTimeZone timeZone(zone);
    const auto parsed = CronExpression::parse(expression);
    QList<qint64> firings;
    QBENCHMARK
    {
        firings = scanEveryMinute(*parsed, timeZone);
    }
    // The reference finds the same firings.
    QList<qint64> ours;
    for (const CronFiring &firing : CronCalendar(*parsed, timeZone).next(start, 10))
        ours.append(firing.instantMs);
    QCOMPARE(firings, ours);
}

QTEST_GUILESS_MAIN(BenchCronCalendar)
#include "bench_croncalendar.moc"
