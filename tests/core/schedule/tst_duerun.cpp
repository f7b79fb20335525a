// SPDX-License-Identifier: GPL-3.0-or-later
// What a schedule runs now: on-time firings, firings missed while nothing ran (run once / skip,
// never one run per missed firing), restarts that must not run a firing twice. Time comes from a
// ManualClock.
#include "core/schedule/duerun.h"
#include "core/schedule/runkey.h"
#include "core/util/clock.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

Q_DECLARE_METATYPE(wb::core::MissedRunPolicy)

namespace {

qint64 ms(const char *isoUtc)
{
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODateWithMs);
    Q_ASSERT(at.isValid());
    return at.toMSecsSinceEpoch();
}

CronCalendar calendar(const char *expression, const char *zone = "UTC")
{
    const auto parsed = CronExpression::parse(QString::fromLatin1(expression));
    Q_ASSERT(parsed);
    return CronCalendar(*parsed, QTimeZone(zone));
}

// A scheduler reduced to its bookkeeping: the runs table (unique on RunKey) and the schedule's
// last considered instant, both surviving a "restart" because they are what the store keeps.
struct Bookkeeping
{
    QSet<RunKey> runs;
    QList<qint64> started; // scheduled instants, in the order runs were started
    qint64 lastScheduledMs = 0;

    // One wake-up of the scheduler: decide, record, run. Returns the decision.
    DueRun wake(const DueRunPlanner &planner, const CronCalendar &cal, qint64 scheduleId,
                MissedRunPolicy policy)
    {
        const DueRun due = planner.decide(cal, lastScheduledMs, policy);
        if (due.runScheduledMs) {
            const RunKey key{scheduleId, *due.runScheduledMs};
            if (!runs.contains(key)) { // INSERT … ON CONFLICT DO NOTHING
                runs.insert(key);
                started.append(key.scheduledMs);
            }
        }
        if (due.consideredThroughMs)
            lastScheduledMs = *due.consideredThroughMs;
        return due;
    }
};

} // namespace

class TestDueRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void policyNames();
    void restartAfterDowntime_data();
    void restartAfterDowntime();
    void restartTwiceAtTheSameInstantRunsOnce();
    void clockGoingBackNeverRerunsAFiring();
    void runKeyIdentity();
};

void TestDueRun::decide_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("lastMs");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<MissedRunPolicy>("policy");
    QTest::addColumn<qint64>("runMs"); // -1: no run
    QTest::addColumn<bool>("late");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<qint64>("firstMissedMs"); // -1: none
    QTest::addColumn<qint64>("consideredMs");  // -1: none
    QTest::addColumn<qint64>("nextMs");

    const qint64 none = -1;
    const auto once = MissedRunPolicy::RunOnce;
    const auto skip = MissedRunPolicy::Skip;

    QTest::newRow("nothing-due-yet") << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
                                     << ms("2024-05-01T10:30:00Z") << once << none << false << 0
                                     << none << none << ms("2024-05-01T11:00:00Z");
    QTest::newRow("on-time") << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
                             << ms("2024-05-01T11:00:00.250Z") << once << ms("2024-05-01T11:00:00Z")
                             << false << 0 << none << ms("2024-05-01T11:00:00Z")
                             << ms("2024-05-01T12:00:00Z");
    QTest::newRow("on-time-under-skip-policy")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << ms("2024-05-01T11:00:00.250Z") << skip << ms("2024-05-01T11:00:00Z") << false << 0
            << none << ms("2024-05-01T11:00:00Z") << ms("2024-05-01T12:00:00Z");
    QTest::newRow("restart-within-tolerance-is-on-time")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << ms("2024-05-01T11:01:00Z") << skip << ms("2024-05-01T11:00:00Z") << false << 0
            << none << ms("2024-05-01T11:00:00Z") << ms("2024-05-01T12:00:00Z");
    QTest::newRow("one-missed-run-once")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << ms("2024-05-01T11:01:00.001Z") << once << ms("2024-05-01T11:00:00Z") << true << 0
            << ms("2024-05-01T11:00:00Z") << ms("2024-05-01T11:00:00Z")
            << ms("2024-05-01T12:00:00Z");
    QTest::newRow("one-missed-skip") << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
                                     << ms("2024-05-01T11:05:00Z") << skip << none << false << 1
                                     << ms("2024-05-01T11:00:00Z") << ms("2024-05-01T11:00:00Z")
                                     << ms("2024-05-01T12:00:00Z");
    // Stopped from 10:00 to 09:30 the next day: 23 hourly firings passed (11:00 … 09:00).
    QTest::newRow("many-missed-run-once-runs-the-latest-once")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << ms("2024-05-02T09:30:00Z") << once << ms("2024-05-02T09:00:00Z") << true << 22
            << ms("2024-05-01T11:00:00Z") << ms("2024-05-02T09:00:00Z")
            << ms("2024-05-02T10:00:00Z");
    QTest::newRow("many-missed-skip-runs-nothing")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << ms("2024-05-02T09:30:00Z") << skip << none << false << 23
            << ms("2024-05-01T11:00:00Z") << ms("2024-05-02T09:00:00Z")
            << ms("2024-05-02T10:00:00Z");
    QTest::newRow("many-missed-latest-on-time-skip-runs-it")
            << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:00:00Z")
            << ms("2024-05-02T09:00:10Z") << skip << ms("2024-05-02T09:00:00Z") << false << 22
            << ms("2024-05-01T11:00:00Z") << ms("2024-05-02T09:00:00Z")
            << ms("2024-05-02T10:00:00Z");
    QTest::newRow("never-ran-counts-from-creation")
            << u"*/15 * * * *"_s << "UTC"_ba << ms("2024-05-01T10:17:00Z")
            << ms("2024-05-01T10:30:05Z") << skip << ms("2024-05-01T10:30:00Z") << false << 0
            << none << ms("2024-05-01T10:30:00Z") << ms("2024-05-01T10:45:00Z");
    QTest::newRow("skip-count-is-capped")
            << u"* * * * *"_s << "UTC"_ba << ms("2023-05-01T00:00:00Z")
            << ms("2024-05-01T00:00:30Z") << once << ms("2024-05-01T00:00:00Z") << false
            << DueRun::maxCountedSkips << ms("2023-05-01T00:01:00Z") << ms("2024-05-01T00:00:00Z")
            << ms("2024-05-01T00:01:00Z");
    QTest::newRow("clock-went-back") << u"0 * * * *"_s << "UTC"_ba << ms("2024-05-01T11:00:00Z")
                                     << ms("2024-05-01T10:30:00Z") << once << none << false << 0
                                     << none << none << ms("2024-05-01T12:00:00Z");
    // New York, 2024-03-10: 02:30 does not exist; the firing is the shift, 07:00Z.
    QTest::newRow("skipped-local-time-due-at-the-shift")
            << u"30 2 * * *"_s << "America/New_York"_ba << ms("2024-03-09T07:30:00Z")
            << ms("2024-03-10T07:00:20Z") << skip << ms("2024-03-10T07:00:00Z") << false << 0
            << none << ms("2024-03-10T07:00:00Z") << ms("2024-03-11T06:30:00Z");
    // New York, 2024-11-03: 01:30 ran at 05:30Z; at 06:30Z (01:30 again) nothing is due.
    QTest::newRow("repeated-local-time-not-due-twice")
            << u"30 1 * * *"_s << "America/New_York"_ba << ms("2024-11-03T05:30:00Z")
            << ms("2024-11-03T06:30:10Z") << once << none << false << 0 << none << none
            << ms("2024-11-04T06:30:00Z");
}

void TestDueRun::decide()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, zone);
    QFETCH(qint64, lastMs);
    QFETCH(qint64, nowMs);
    QFETCH(MissedRunPolicy, policy);
    QFETCH(qint64, runMs);
    QFETCH(bool, late);
    QFETCH(int, skipped);
    QFETCH(qint64, firstMissedMs);
    QFETCH(qint64, consideredMs);
    QFETCH(qint64, nextMs);

    const auto parsed = CronExpression::parse(expression);
    QVERIFY(parsed);
    const CronCalendar cal(*parsed, QTimeZone(zone));
    ManualClock clock(nowMs);
    const DueRun due = DueRunPlanner(clock).decide(cal, lastMs, policy);

    QCOMPARE(due.runScheduledMs.value_or(-1), runMs);
    QCOMPARE(due.late, late);
    QCOMPARE(due.skippedFirings, skipped);
    QCOMPARE(due.firstMissedMs.value_or(-1), firstMissedMs);
    QCOMPARE(due.consideredThroughMs.value_or(-1), consideredMs);
    QVERIFY(due.next);
    QCOMPARE(due.next->instantMs, nextMs);
    // The pure function says the same for the same instant.
    const DueRun pure = decideDueRun(cal, lastMs, nowMs, policy);
    QCOMPARE(pure.runScheduledMs, due.runScheduledMs);
    QCOMPARE(pure.skippedFirings, due.skippedFirings);
}

void TestDueRun::policyNames()
{
    QCOMPARE(missedRunPolicyName(MissedRunPolicy::RunOnce), u"run_once"_s);
    QCOMPARE(missedRunPolicyName(MissedRunPolicy::Skip), u"skip"_s);
    QCOMPARE(missedRunPolicyFromName(u"run_once"), MissedRunPolicy::RunOnce);
    QCOMPARE(missedRunPolicyFromName(u"skip"), MissedRunPolicy::Skip);
    QVERIFY(!missedRunPolicyFromName(u"catch_up"));
    QVERIFY(!missedRunPolicyFromName(u""));
}

void TestDueRun::restartAfterDowntime_data()
{
    QTest::addColumn<MissedRunPolicy>("policy");
    QTest::addColumn<QString>("expected"); // scheduled instants of the runs started, in order

    // Every 15 minutes from 09:00; down from 09:40 to 12:07 (firings 09:45 … 12:00 missed).
    QTest::newRow("run-once") << MissedRunPolicy::RunOnce << u"09:15 09:30 12:00 12:15 12:30"_s;
    QTest::newRow("skip") << MissedRunPolicy::Skip << u"09:15 09:30 12:15 12:30"_s;
}

void TestDueRun::restartAfterDowntime()
{
    QFETCH(MissedRunPolicy, policy);
    QFETCH(QString, expected);

    const CronCalendar cal = calendar("*/15 * * * *");
    ManualClock clock(ms("2024-05-01T09:00:00Z"));
    const DueRunPlanner planner(clock);
    Bookkeeping book;
    book.lastScheduledMs = clock.nowMs(); // created at 09:00, nothing due before

    // Running: wake at each next firing (the timer fires 40 ms late).
    const auto runUntil = [&](qint64 untilMs) {
        while (true) {
            const DueRun due = book.wake(planner, cal, 7, policy);
            QVERIFY(due.next);
            const qint64 wakeAt = due.next->instantMs + 40;
            if (wakeAt > untilMs)
                break;
            clock.setNowMs(wakeAt);
        }
    };
    runUntil(ms("2024-05-01T09:40:00Z"));
    // Down until 12:07; restart, then run to 12:40.
    clock.setNowMs(ms("2024-05-01T12:07:00Z"));
    const DueRun onRestart = book.wake(planner, cal, 7, policy);
    QCOMPARE(onRestart.firstMissedMs.value_or(-1), ms("2024-05-01T09:45:00Z"));
    QCOMPARE(onRestart.skippedFirings, policy == MissedRunPolicy::RunOnce ? 9 : 10);
    QCOMPARE(onRestart.late, policy == MissedRunPolicy::RunOnce);
    clock.setNowMs(onRestart.next->instantMs);
    runUntil(ms("2024-05-01T12:40:00Z"));

    QStringList started;
    for (qint64 instant : std::as_const(book.started))
        started.append(QDateTime::fromMSecsSinceEpoch(instant, Qt::UTC).toString(u"HH:mm"_s));
    QCOMPARE(started.join(u' '), expected);
    QCOMPARE(book.runs.size(), book.started.size());
}

void TestDueRun::restartTwiceAtTheSameInstantRunsOnce()
{
    const CronCalendar cal = calendar("0 * * * *");
    ManualClock clock(ms("2024-05-01T15:20:00Z"));
    const DueRunPlanner planner(clock);
    Bookkeeping book;
    book.lastScheduledMs = ms("2024-05-01T10:00:00Z");

    const DueRun first = book.wake(planner, cal, 3, MissedRunPolicy::RunOnce);
    QCOMPARE(first.runScheduledMs.value_or(-1), ms("2024-05-01T15:00:00Z"));
    // Crash and restart at the same instant: the last considered instant was stored.
    const DueRun second = book.wake(planner, cal, 3, MissedRunPolicy::RunOnce);
    QVERIFY(!second.runScheduledMs);
    QCOMPARE(book.started, QList<qint64>{ms("2024-05-01T15:00:00Z")});

    // Crash after the run was recorded but before the last instant was: the same decision comes
    // back, and the runs table's key makes it a no-op.
    Bookkeeping crashed = book;
    crashed.lastScheduledMs = ms("2024-05-01T10:00:00Z");
    crashed.wake(planner, cal, 3, MissedRunPolicy::RunOnce);
    QCOMPARE(crashed.started, QList<qint64>{ms("2024-05-01T15:00:00Z")});
    QCOMPARE(crashed.runs.size(), 1);
}

void TestDueRun::clockGoingBackNeverRerunsAFiring()
{
    const CronCalendar cal = calendar("*/10 * * * *");
    ManualClock clock(ms("2024-05-01T10:20:00.010Z"));
    const DueRunPlanner planner(clock);
    Bookkeeping book;
    book.lastScheduledMs = ms("2024-05-01T10:10:00Z");
    book.wake(planner, cal, 1, MissedRunPolicy::RunOnce);
    QCOMPARE(book.started, QList<qint64>{ms("2024-05-01T10:20:00Z")});

    // NTP steps the clock back five minutes: 10:20 is not due again, and the next wake-up is
    // after 10:20, not at it.
    clock.setNowMs(ms("2024-05-01T10:15:00Z"));
    const DueRun due = book.wake(planner, cal, 1, MissedRunPolicy::RunOnce);
    QVERIFY(!due.runScheduledMs);
    QCOMPARE(due.next->instantMs, ms("2024-05-01T10:30:00Z"));
    clock.setNowMs(ms("2024-05-01T10:20:00Z"));
    QVERIFY(!book.wake(planner, cal, 1, MissedRunPolicy::RunOnce).runScheduledMs);
    QCOMPARE(book.started.size(), 1);
}

void TestDueRun::runKeyIdentity()
{
    const RunKey a{7, ms("2024-03-10T07:00:00Z")};
    const RunKey b{7, ms("2024-03-10T07:00:00Z")};
    const RunKey c{8, ms("2024-03-10T07:00:00Z")};
    const RunKey d{7, ms("2024-03-10T07:00:01Z")};
    QCOMPARE(a, b);
    QVERIFY(a != c);
    QVERIFY(a != d);
    QVERIFY(a < c);
    QVERIFY(a < d);
    QCOMPARE(qHash(a), qHash(b));
    QCOMPARE(QSet<RunKey>({a, b, c, d}).size(), 3);
    QCOMPARE(a.toString(), u"schedule 7 at 2024-03-10T07:00:00.000Z"_s);
}

QTEST_GUILESS_MAIN(TestDueRun)
#include "tst_duerun.moc"
