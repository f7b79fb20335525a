// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/schedule/scheduler.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <optional>

namespace wb::core {

class SqlSession;
class Store;

// A schedule with its latest run, for lists.
struct ScheduleOverview
{
    Schedule schedule;
    std::optional<ScheduleRun> lastRun;
};

// The schedules of a workspace as asynchronous operations with change signals, for the GUI (the
// CLI uses the repositories directly in its own short-lived process).
//
// Every operation runs on the store's threads and answers with a future; the signals are emitted
// on the store's owner thread after the change committed (runs: as the Scheduler reports them, or
// after a run-now recorded one). Changes made by other processes (wirebench-cli) are not
// signalled: read again (the Schedules view refreshes every 30 s).
//
// Thread: the thread that owns the Store (the GUI thread). The store (and the scheduler, when one
// is set) are not owned and must outlive the service.
class ScheduleService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleService)

public:
    explicit ScheduleService(Store &store, QObject *parent = nullptr);

    // The scheduler that fires the schedules in this process, if any: runNow() goes through it
    // (the run is sent here), and its run signals are forwarded as runChanged().
    void setScheduler(Scheduler *scheduler);
    Scheduler *scheduler() const { return m_scheduler; }

    QFuture<Result<QList<ScheduleOverview>>> overviews();
    // Errors: ScheduleRepository::add's.
    QFuture<Result<Schedule>> add(const Schedule &schedule);
    // Changes a schedule (ScheduleRepository::update: its runs are kept; a new expression or zone
    // recomputes the next run). Emits scheduleUpdated. Errors: update()'s; nothing is changed.
    QFuture<Result<Schedule>> update(const Schedule &schedule);
    QFuture<Result<Schedule>> setEnabled(qint64 scheduleId, bool enabled);
    QFuture<Result<void>> remove(qint64 scheduleId);
    // A manual run now. Without a scheduler in this process, the run is recorded and its lease
    // given back, for a scheduler elsewhere (wirebench-cli serve) to send. Errors:
    // `schedule.unknown_schedule`, `schedule.already_running`.
    QFuture<Result<ScheduleRun>> runNow(qint64 scheduleId);
    // Cancels a running run (RunCancellation::cancel), through the scheduler when one is set;
    // runChanged follows. Errors: `schedule.unknown_run`, `schedule.run_not_running`.
    QFuture<Result<CancelledRun>> cancelRun(qint64 runId, const QString &reason = {});
    // A schedule's runs, newest first.
    QFuture<Result<QList<ScheduleRun>>> runs(qint64 scheduleId, int limit = 50);
    // One page of a run's jobs with their tenant's and connection's names
    // (ScheduleRepository::jobPage).
    QFuture<Result<QList<ScheduleRunJob>>> jobPage(qint64 runId, int afterOrdinal, int limit);

Q_SIGNALS:
    void scheduleAdded(const wb::core::Schedule &schedule);
    void scheduleUpdated(const wb::core::Schedule &schedule);
    void scheduleRemoved(qint64 scheduleId);
    // A run started, moved on or finished.
    void runChanged(const wb::core::ScheduleRun &run);

private:
    Store &m_store;
    QPointer<Scheduler> m_scheduler;
};

// Records a manual run of `scheduleId` now (RunRepository::startRun with RunTrigger::Manual) as
// `workerId`; with `keepLease` false the lease is given back in the same transaction, so that a
// scheduler elsewhere adopts the run. Errors: `schedule.unknown_schedule`,
// `schedule.already_running` (a run of it is still running, or another scheduler holds it).
Result<ScheduleRun> startManualRun(SqlSession &session, qint64 scheduleId, const QString &workerId,
                                   qint64 leaseMs, bool keepLease);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::ScheduleOverview)
