// SPDX-License-Identifier: GPL-3.0-or-later
// Cancelling a schedule run over the real dispatch engine and real HTTP (a scripted sink), on a
// manual clock: jobs not yet sent are withdrawn (their deliveries cancelled with the reason, never
// sent), jobs in flight finish, and the run is recorded as cancelled with its counts — through
// the scheduler that runs it and from another writer (the CLI's way) while it runs.
#include "schedulerharness.h"

#include "core/schedule/runcancellation.h"
#include "core/schedule/schedulerepository.h"
#include "support/futures.h"
#include "support/results.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;
using wb::test::SchedulerHarness;
using wb::test::ScriptedSink;

namespace {

constexpr qint64 hourMs = 3'600'000;
// 2024-06-03T08:00:00Z, a Monday.
constexpr qint64 mondayMs = 1'717'401'600'000;

} // namespace

class TestRunCancellation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelWithdrawsUnsentJobsAndInFlightFinish_data();
    void cancelWithdrawsUnsentJobsAndInFlightFinish();
    void cancelWithNothingInFlightFinishesAtOnce();
    void finishedRunCannotBeCancelled();
};

void TestRunCancellation::cancelWithdrawsUnsentJobsAndInFlightFinish_data()
{
    QTest::addColumn<bool>("throughScheduler");
    // The GUI's way: the scheduler in this process cancels and steps the run.
    QTest::newRow("through-the-scheduler") << true;
    // The CLI's way: another writer cancels in SQL; the scheduler notices at its next step.
    QTest::newRow("from-another-writer") << false;
}

void TestRunCancellation::cancelWithdrawsUnsentJobsAndInFlightFinish()
{
    QFETCH(bool, throughScheduler);

    // Two requests at a time to the sink's host: of six jobs released at once, two are in flight
    // and four wait in the dispatch engine's queue as pending deliveries.
    ConcurrencyLimits limits;
    limits.perHost = 2;
    SchedulerHarness h(mondayMs);
    QVERIFY2(h.open(limits), qPrintable(h.error));
    constexpr int tenants = 6;
    for (int i = 0; i < tenants; ++i)
        h.addConnection(u"generic"_s);
    Schedule s = h.scheduleToSink(u"0 9 * * *"_s);
    s.concurrencyLimit = tenants;
    auto schedule = h.addSchedule(s);
    QVERIFY2(schedule, qPrintable(errorMessage(schedule)));
    h.sink.setFallback(ScriptedSink::Answer::hang());

    QVERIFY(h.startScheduler());
    QSignalSpy started(h.scheduler.get(), &Scheduler::runStarted);
    QSignalSpy finished(h.scheduler.get(), &Scheduler::runFinished);
    h.clock.setNowMs(mondayMs + hourMs); // 09:00
    h.scheduler->wake();
    QTRY_COMPARE(h.sink.requests().size(), 2);
    QTRY_COMPARE(h.peek(u"SELECT COUNT(*) FROM deliveries"_s).toInt(), tenants);
    QCOMPARE(started.count(), 1);
    const qint64 runId = started.first().first().value<ScheduleRun>().id;

    WB_AWAIT_OK(cancelled, throughScheduler
                                   ? h.scheduler->cancelRun(runId, u"maintenance window"_s)
                                   : h.store->write([runId](SqlSession &session) {
                                         return RunCancellation::cancel(session, runId,
                                                                        u"maintenance window"_s);
                                     }));
    QCOMPARE(cancelled->withdrawnJobs, 4);
    QCOMPARE(cancelled->inFlight, 2);
    QCOMPARE(cancelled->cancelledDeliveries.size(), 4);
    QCOMPARE(cancelled->run.state, RunState::Running);
    QCOMPARE(runStatusName(cancelled->run), u"cancelling"_s);
    QCOMPARE(cancelled->run.cancelReason, u"maintenance window"_s);
    QCOMPARE(cancelled->run.cancelRequestedAtMs, std::optional<qint64>(mondayMs + hourMs));
    QCOMPARE(cancelled->run.cancelledCount, 4);
    // The run answered is the run as stored (built in the transaction, not read again; the two
    // in flight hang, so a step meanwhile changes nothing).
    auto stored = h.runs(schedule->id);
    QVERIFY(stored);
    QCOMPARE(stored->first(), cancelled->run);

    const QString reason = u"cancelled with run %1: maintenance window"_s.arg(runId);
    QCOMPARE(h.peek(u"SELECT COUNT(*) FROM deliveries WHERE state = 'cancelled' AND last_reason "
                    "= '%1'"_s.arg(reason))
                     .toInt(),
             4);
    QCOMPARE(h.peek(u"SELECT COUNT(*) FROM deliveries WHERE state = 'in_flight'"_s).toInt(), 2);

    // The two in flight finish; nothing else is ever sent.
    h.sink.releaseHanging(ScriptedSink::Answer::respond(204));
    if (!throughScheduler)
        h.scheduler->wake();
    QTRY_COMPARE(finished.count(), 1);
    const auto run = finished.first().first().value<ScheduleRun>();
    QCOMPARE(run.id, runId);
    QCOMPARE(run.state, RunState::Partial);
    QCOMPARE(runStatusName(run), u"cancelled"_s);
    QCOMPARE(run.jobCount, tenants);
    QCOMPARE(run.succeededCount, 2);
    QCOMPARE(run.failedCount, 0);
    QCOMPARE(run.cancelledCount, 4);
    QCOMPARE(run.skippedCount, 0);
    QVERIFY(run.finishedAtMs);

    h.dispatcher->wake();
    QSignalSpy checked(h.scheduler.get(), &Scheduler::checked);
    h.scheduler->wake();
    QTRY_VERIFY(checked.count() >= 1);
    QCOMPARE(h.sink.requests().size(), 2);
    QCOMPARE(h.peek(u"SELECT COUNT(*) FROM deliveries WHERE state = 'succeeded'"_s).toInt(), 2);

    auto jobs = h.jobs(runId);
    QVERIFY(jobs);
    int withdrawn = 0;
    QList<qint64> withdrawnDeliveries;
    for (const ScheduleRunJob &job : *jobs) {
        if (job.cancelledAtMs) {
            ++withdrawn;
            withdrawnDeliveries.append(job.deliveryId.value_or(0));
            QCOMPARE(job.state, RunJobState::Failed);
            QCOMPARE(job.outcome, reason);
            QVERIFY(job.deliveryId);
        } else {
            QCOMPARE(job.state, RunJobState::Succeeded);
        }
    }
    QCOMPARE(withdrawn, 4);
    std::sort(withdrawnDeliveries.begin(), withdrawnDeliveries.end());
    QCOMPARE(cancelled->cancelledDeliveries, withdrawnDeliveries); // ascending
    // The schedule is free for its next firing.
    auto after = h.schedule(schedule->id);
    QVERIFY(after);
    QCOMPARE(after->leaseOwner, QString());
}

void TestRunCancellation::cancelWithNothingInFlightFinishesAtOnce()
{
    SchedulerHarness h(mondayMs);
    QVERIFY2(h.open(), qPrintable(h.error));
    for (int i = 0; i < 3; ++i)
        h.addConnection(u"generic"_s);
    Schedule s = h.scheduleToSink(u"0 9 * * *"_s);
    s.smoothingWindowMs = 3 * hourMs; // the jobs wait for their offsets: only the first is sent
    s.concurrencyLimit = 1;
    auto schedule = h.addSchedule(s);
    QVERIFY(schedule);
    h.sink.setFallback(ScriptedSink::Answer::respond(204));
    QVERIFY(h.startScheduler());
    QSignalSpy started(h.scheduler.get(), &Scheduler::runStarted);
    QSignalSpy finished(h.scheduler.get(), &Scheduler::runFinished);
    h.clock.setNowMs(mondayMs + hourMs);
    h.scheduler->wake();
    QTRY_COMPARE(h.sink.requests().size(), 1);
    QTRY_COMPARE(h.peek(u"SELECT COUNT(*) FROM schedule_run_jobs WHERE state = 'succeeded'"_s)
                         .toInt(),
                 1);
    const qint64 runId = started.first().first().value<ScheduleRun>().id;

    WB_AWAIT_OK(cancelled, h.scheduler->cancelRun(runId, {}));
    QCOMPARE(cancelled->withdrawnJobs, 2);
    QCOMPARE(cancelled->inFlight, 0);
    QVERIFY(cancelled->cancelledDeliveries.isEmpty()); // planned jobs had no delivery yet
    QCOMPARE(cancelled->run.state, RunState::Partial);
    QCOMPARE(runStatusName(cancelled->run), u"cancelled"_s);
    QCOMPARE(cancelled->run.succeededCount, 1);
    QCOMPARE(cancelled->run.cancelledCount, 2);
    QTRY_COMPARE(finished.count(), 1);
    auto stored = h.runs(schedule->id);
    QVERIFY(stored);
    QCOMPARE(stored->first(), cancelled->run);

    // Their offsets come: nothing is released.
    h.clock.setNowMs(mondayMs + 4 * hourMs);
    QSignalSpy checked(h.scheduler.get(), &Scheduler::checked);
    h.scheduler->wake();
    QTRY_VERIFY(checked.count() >= 1);
    QCOMPARE(h.sink.requests().size(), 1);
    QCOMPARE(h.peek(u"SELECT COUNT(*) FROM deliveries"_s).toInt(), 1);
    auto jobs = h.jobs(runId);
    QVERIFY(jobs);
    QCOMPARE(jobs->at(1).outcome, u"cancelled with run %1"_s.arg(runId));
}

void TestRunCancellation::finishedRunCannotBeCancelled()
{
    SchedulerHarness h(mondayMs);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.addConnection(u"generic"_s);
    auto schedule = h.addSchedule(h.scheduleToSink(u"0 9 * * *"_s));
    QVERIFY(schedule);
    h.sink.setFallback(ScriptedSink::Answer::respond(204));
    QVERIFY(h.startScheduler());
    QSignalSpy finished(h.scheduler.get(), &Scheduler::runFinished);
    h.clock.setNowMs(mondayMs + hourMs);
    h.scheduler->wake();
    QTRY_COMPARE(finished.count(), 1);
    const auto run = finished.first().first().value<ScheduleRun>();
    QCOMPARE(run.state, RunState::Succeeded);

    WB_AWAIT(refused, h.scheduler->cancelRun(run.id, u"too late"_s));
    QCOMPARE(errorCode(refused), u"schedule.run_not_running"_s);
    QVERIFY2(errorMessage(refused).contains(
                     u"Run %1 has already finished (succeeded)"_s.arg(run.id)),
             qPrintable(errorMessage(refused)));
    auto unchanged = h.runs(schedule->id);
    QVERIFY(unchanged);
    QCOMPARE(unchanged->first(), run);
    WB_AWAIT(unknown, h.scheduler->cancelRun(9999, {}));
    QCOMPARE(errorCode(unknown), u"schedule.unknown_run"_s);
}

QTEST_GUILESS_MAIN(TestRunCancellation)
#include "tst_runcancellation.moc"
