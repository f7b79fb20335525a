// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dispatchharness.h"

#include "core/schedule/schedule.h"
#include "core/schedule/scheduler.h"

#include <QSqlDatabase>

#include <memory>

namespace wb::test {

// A workspace, a scripted sink, a dispatcher and a scheduler on one manual clock, for the
// scheduler suites. Waits process events (QTest::qWaitFor), never a fixed sleep.
struct SchedulerHarness : DispatchHarness
{
    explicit SchedulerHarness(qint64 startMs);
    ~SchedulerHarness();

    // Opens the workspace, the sink and the dispatcher (DispatchHarness::testOptions with
    // `limits`); false with `error`.
    bool open(const core::ConcurrencyLimits &limits = {});
    // A new scheduler "scheduler-<n>" (the previous one destroyed: a restart), started.
    bool startScheduler(const QString &workerId = {});

    // A schedule over the tenants of provider "generic", job to the sink's /run.
    core::Schedule scheduleToSink(const QString &cron) const;
    core::Result<core::Schedule> addSchedule(const core::Schedule &schedule);
    core::Result<QList<core::ScheduleRun>> runs(qint64 scheduleId);
    core::Result<QList<core::ScheduleRunJob>> jobs(qint64 runId);
    core::Result<core::Schedule> schedule(qint64 scheduleId);
    // One SQL value read through a connection of the test's own (an outside observer of the
    // workspace file, for invariants sampled while the engine runs).
    QVariant peek(const QString &sql);

    std::unique_ptr<core::Scheduler> scheduler;
    int schedulersStarted = 0;

private:
    QString m_peekConnection;
};

} // namespace wb::test
