// SPDX-License-Identifier: GPL-3.0-or-later
// planFanOut: order, even spread over the smoothing window, the concurrency limit, and bad input.
#include "core/schedule/fanoutplan.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

QList<qint64> offsetsOf(const FanOutPlan &plan)
{
    QList<qint64> offsets;
    for (const FanOutJob &job : plan.jobs)
        offsets.append(job.offsetMs);
    return offsets;
}

// The largest number of jobs running at once, from start/finish events (a finish at t frees its
// slot before a start at t takes one).
int peakInFlight(const QList<qint64> &starts, const QList<qint64> &durations)
{
    QList<std::pair<qint64, int>> events;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        events.append({starts.at(i), +1});
        events.append({starts.at(i) + durations.at(i), -1});
    }
    std::sort(events.begin(), events.end());
    int inFlight = 0;
    int peak = 0;
    for (const auto &[at, delta] : events) {
        inFlight += delta;
        peak = qMax(peak, inFlight);
    }
    return peak;
}

} // namespace

class TestFanOutPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offsets_data();
    void offsets();
    void orderIsByTargetIdWhateverTheInput();
    void concurrencyLimitDelaysStarts_data();
    void concurrencyLimitDelaysStarts();
    void thousandTenants();
    void rejects_data();
    void rejects();
};

void TestFanOutPlan::offsets_data()
{
    QTest::addColumn<int>("targets");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("none") << 0 << qint64(60'000) << QList<qint64>{};
    QTest::newRow("one-starts-at-once") << 1 << qint64(60'000) << QList<qint64>{0};
    QTest::newRow("four-over-a-second") << 4 << qint64(1000) << QList<qint64>{0, 250, 500, 750};
    QTest::newRow("three-round-down") << 3 << qint64(1000) << QList<qint64>{0, 333, 666};
    QTest::newRow("no-window-all-at-once") << 3 << qint64(0) << QList<qint64>{0, 0, 0};
    QTest::newRow("more-targets-than-ms") << 4 << qint64(2) << QList<qint64>{0, 0, 1, 1};
    QTest::newRow("ten-minutes-five-targets")
            << 5 << qint64(600'000) << QList<qint64>{0, 120'000, 240'000, 360'000, 480'000};
}

void TestFanOutPlan::offsets()
{
    QFETCH(int, targets);
    QFETCH(qint64, windowMs);
    QFETCH(QList<qint64>, expected);
    QList<qint64> ids;
    for (int i = 0; i < targets; ++i)
        ids.append(100 + i);
    const Result<FanOutPlan> plan = planFanOut(ids, windowMs, 4);
    QVERIFY(plan);
    QCOMPARE(offsetsOf(*plan), expected);
    QCOMPARE(plan->windowMs, windowMs);
    QCOMPARE(plan->concurrencyLimit, 4);
    for (qsizetype i = 0; i < plan->jobs.size(); ++i) {
        QCOMPARE(plan->jobs.at(i).ordinal, int(i));
        QCOMPARE(plan->jobs.at(i).targetId, 100 + i);
        QVERIFY(plan->jobs.at(i).offsetMs < qMax<qint64>(1, windowMs));
    }
}

void TestFanOutPlan::orderIsByTargetIdWhateverTheInput()
{
    const Result<FanOutPlan> a = planFanOut({30, 10, 20, 5}, 400, 2);
    const Result<FanOutPlan> b = planFanOut({20, 5, 30, 10}, 400, 2);
    QVERIFY(a && b);
    QCOMPARE(a->jobs, b->jobs);
    QList<qint64> ids;
    for (const FanOutJob &job : a->jobs)
        ids.append(job.targetId);
    QCOMPARE(ids, (QList<qint64>{5, 10, 20, 30}));
    QCOMPARE(offsetsOf(*a), (QList<qint64>{0, 100, 200, 300}));
}

void TestFanOutPlan::concurrencyLimitDelaysStarts_data()
{
    QTest::addColumn<int>("targets");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<qint64>>("durations");
    QTest::addColumn<QList<qint64>>("starts");
    QTest::addColumn<qint64>("finish");

    // Offsets 0, 100, …, 900; each job takes 1 s; two slots.
    QTest::newRow("two-slots-one-second-jobs")
            << 10 << qint64(1000) << 2 << QList<qint64>(10, 1000)
            << QList<qint64>{0, 100, 1000, 1100, 2000, 2100, 3000, 3100, 4000, 4100}
            << qint64(5100);
    // Short jobs never wait: starts are the offsets.
    QTest::newRow("short-jobs-keep-their-offsets")
            << 5 << qint64(1000) << 1 << QList<qint64>(5, 150)
            << QList<qint64>{0, 200, 400, 600, 800} << qint64(950);
    // A slow first job holds one of two slots; the others share the second in order.
    QTest::newRow("slow-job-holds-one-slot")
            << 4 << qint64(400) << 2 << QList<qint64>{5000, 300, 300, 300}
            << QList<qint64>{0, 100, 400, 700} << qint64(5000);
    QTest::newRow("no-window-burst-limited-by-slots")
            << 5 << qint64(0) << 3 << QList<qint64>(5, 100) << QList<qint64>{0, 0, 0, 100, 100}
            << qint64(200);
}

void TestFanOutPlan::concurrencyLimitDelaysStarts()
{
    QFETCH(int, targets);
    QFETCH(qint64, windowMs);
    QFETCH(int, limit);
    QFETCH(QList<qint64>, durations);
    QFETCH(QList<qint64>, starts);
    QFETCH(qint64, finish);
    QList<qint64> ids;
    for (int i = 0; i < targets; ++i)
        ids.append(i + 1);
    const Result<FanOutPlan> plan = planFanOut(ids, windowMs, limit);
    QVERIFY(plan);
    QCOMPARE(plan->startOffsets(durations), starts);
    QCOMPARE(plan->finishOffset(durations), finish);
    QVERIFY(peakInFlight(starts, durations) <= limit);
}

void TestFanOutPlan::thousandTenants()
{
    QList<qint64> ids;
    for (qint64 id = 1000; id > 0; --id)
        ids.append(id * 7); // any order, not contiguous
    const qint64 window = 10 * 60'000;
    const int limit = 20;
    const Result<FanOutPlan> plan = planFanOut(ids, window, limit);
    QVERIFY(plan);
    QCOMPARE(plan->jobs.size(), 1000);
    // Evenly spread: 600 ms apart, the last at 599.4 s.
    for (qsizetype i = 0; i < plan->jobs.size(); ++i) {
        QCOMPARE(plan->jobs.at(i).offsetMs, i * 600);
        QCOMPARE(plan->jobs.at(i).targetId, (i + 1) * 7);
    }
    // Durations of 0.2–30 s (fixed seed): never more than `limit` in flight, never before the
    // offset, released in plan order.
    QRandomGenerator random(11);
    QList<qint64> durations;
    for (int i = 0; i < 1000; ++i)
        durations.append(random.bounded(200, 30'001));
    const QList<qint64> starts = plan->startOffsets(durations);
    QCOMPARE(peakInFlight(starts, durations), limit);
    for (qsizetype i = 0; i < starts.size(); ++i) {
        QVERIFY(starts.at(i) >= plan->jobs.at(i).offsetMs);
        if (i > 0)
            QVERIFY(starts.at(i) >= starts.at(i - 1));
    }
    // The same with ample slots: nothing waits.
    const Result<FanOutPlan> ample = planFanOut(ids, window, 1000);
    QVERIFY(ample);
    QCOMPARE(ample->startOffsets(durations), offsetsOf(*ample));
}

void TestFanOutPlan::rejects_data()
{
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative-window")
            << QList<qint64>{1} << qint64(-1) << 1 << u"fanout.invalid_window"_s
            << u"the smoothing window must be 0 ms or more, got -1 ms"_s;
    QTest::newRow("zero-concurrency")
            << QList<qint64>{1} << qint64(0) << 0 << u"fanout.invalid_concurrency"_s
            << u"the concurrency limit must be at least 1, got 0"_s;
    QTest::newRow("duplicate-target")
            << QList<qint64>{4, 9, 4} << qint64(1000) << 2 << u"fanout.duplicate_target"_s
            << u"target 4 is listed more than once"_s;
}

void TestFanOutPlan::rejects()
{
    QFETCH(QList<qint64>, ids);
    QFETCH(qint64, windowMs);
    QFETCH(int, limit);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const Result<FanOutPlan> plan = planFanOut(ids, windowMs, limit);
    QVERIFY(!plan);
    QCOMPARE(plan.error().code, code);
    QCOMPARE(plan.error().message, message);
}

QTEST_GUILESS_MAIN(TestFanOutPlan)
#include "tst_fanoutplan.moc"
