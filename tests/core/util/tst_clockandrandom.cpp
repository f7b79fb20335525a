// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/clock.h"
#include "core/util/randomsource.h"

#include <QTest>

using namespace wb::core;

class TestClockAndRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manualClockMovesOnlyWhenTold();
    void systemClockIsUtcNow();
    void scriptedRandomRepeatsItsSequence();
    void systemRandomStaysInUnitInterval();
};

void TestClockAndRandom::manualClockMovesOnlyWhenTold()
{
    ManualClock clock(1'700'000'000'000);
    QCOMPARE(clock.nowMs(), 1'700'000'000'000);
    QCOMPARE(clock.nowUtc(), QDateTime(QDate(2023, 11, 14), QTime(22, 13, 20), Qt::UTC));
    clock.advanceMs(1500);
    QCOMPARE(clock.nowMs(), 1'700'000'001'500);
    clock.setNowMs(0);
    QCOMPARE(clock.nowUtc().toString(Qt::ISODate), QStringLiteral("1970-01-01T00:00:00Z"));
}

void TestClockAndRandom::systemClockIsUtcNow()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = SystemClock::instance()->nowMs();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(now >= before && now <= after);
    QCOMPARE(SystemClock::instance()->nowUtc().timeSpec(), Qt::UTC);
}

void TestClockAndRandom::scriptedRandomRepeatsItsSequence()
{
    ScriptedRandomSource random({0.25, 0.5, 0.75});
    QCOMPARE(random.uniform(), 0.25);
    QCOMPARE(random.uniform(), 0.5);
    QCOMPARE(random.uniform(), 0.75);
    QCOMPARE(random.uniform(), 0.25);
    ScriptedRandomSource empty({});
    QCOMPARE(empty.uniform(), 0.0);
}

void TestClockAndRandom::systemRandomStaysInUnitInterval()
{
    double minimum = 1.0;
    double maximum = 0.0;
    for (int i = 0; i < 10000; ++i) {
        const double value = SystemRandomSource::instance()->uniform();
        QVERIFY(value >= 0.0 && value < 1.0);
        minimum = qMin(minimum, value);
        maximum = qMax(maximum, value);
    }
    // 10,000 draws cover the interval: a generator stuck at a constant fails here.
    QVERIFY(minimum < 0.01);
    QVERIFY(maximum > 0.99);
}

QTEST_GUILESS_MAIN(TestClockAndRandom)
#include "tst_clockandrandom.moc"
