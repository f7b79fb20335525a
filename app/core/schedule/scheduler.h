// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/duerun.h"
#include "core/schedule/runcancellation.h"
#include "core/schedule/runrepository.h"
#include "core/schedule/schedule.h"
#include "core/util/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace wb::core {

class Clock;
class Dispatcher;
class Store;

// What a Scheduler uses; all must outlive it. The store and dispatcher live on its thread.
struct SchedulerServices
{
    Store *store = nullptr;           // required: schedules, runs, jobs, and the delivery queue
    const Clock *clock = nullptr;     // required: when firings are due (UTC ms)
    Dispatcher *dispatcher = nullptr; // required: sends the jobs (limits, token buckets, retries)
};

struct SchedulerOptions
{
    // The lease owner written into schedules; default "<host>:<pid>:sched:<random>".
    QString workerId;
    // How long a schedule's lease lasts without renewal (ms). A scheduler renews it at every step
    // of the run, and at least every leaseMs / 3; a dead scheduler's runs are adopted after it.
    qint64 leaseMs = 60'000;
    // The longest wait between two looks at the schedules (ms): schedules added, edited or run
    // by another process (wirebench-cli) are noticed within this.
    int pollMs = 15'000;
    // DueRun's on-time tolerance (ms).
    qint64 onTimeToleranceMs = defaultOnTimeToleranceMs;
};

// Fires schedules: at each due firing it records a run, fans its jobs out over the target
// tenants/connections and hands them to the dispatch engine, spread over the smoothing window and
// bounded by the schedule's concurrency limit (RunRepository documents the steps); the engine
// adds its own limits (global, per tenant, per connection, per host) and each connection's token
// bucket, retries and dead-letters.
//
// Firings missed while nothing ran (the application closed, the machine asleep, a run of the same
// schedule still running) follow the schedule's MissedRunPolicy through decideDueRun(): one late
// run standing for the latest missed firing, or none — never one run per missed slot. Each run is
// recorded once per (schedule, scheduled instant), so a restart never runs a firing twice; a
// schedule's lease in the store keeps two schedulers (two processes) from running it at once.
//
// Time comes from the injected clock; a QTimer wakes the scheduler at the next firing or job
// release (at most pollMs apart). Tests that move a ManualClock call wake().
//
// Thread: lives on one thread (the main thread) with the dispatcher; every method must be called
// there. SQL runs on the store's threads.
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    // Errors: `schedule.invalid_services` (a required service missing), `schedule.invalid_options`
    // (a non-positive lease or poll interval).
    static Result<std::unique_ptr<Scheduler>> create(const SchedulerServices &services,
                                                     SchedulerOptions options,
                                                     QObject *parent = nullptr);
    // Leases held stay until they expire (another scheduler then adopts the runs).
    ~Scheduler() override;

    const QString &workerId() const { return m_options.workerId; }

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Looks at the schedules and steps the runs now.
    void wake();

    // Starts a manual run of the schedule now (also when it is disabled); its scheduled instant is
    // now. Errors: `schedule.unknown_schedule`, `schedule.already_running` (a run of it is still
    // running, here or in another process).
    QFuture<Result<ScheduleRun>> runNow(qint64 scheduleId);

    // Cancels a running run (RunCancellation::cancel: its jobs not yet sent are withdrawn, those
    // in flight finish); runProgressed follows with the cancelled run, then it is stepped if this
    // scheduler holds it (runFinished when it has ended). Errors: `schedule.unknown_run`,
    // `schedule.run_not_running`.
    QFuture<Result<CancelledRun>> cancelRun(qint64 runId, const QString &reason);

    // Runs this scheduler is stepping.
    QList<qint64> activeRuns() const { return m_active.values(); }

Q_SIGNALS:
    void runStarted(const wb::core::ScheduleRun &run);
    // A step moved some of the run's jobs (released, finished or skipped).
    void runProgressed(const wb::core::ScheduleRun &run);
    void runFinished(const wb::core::ScheduleRun &run);
    // Firings up to `throughMs` (UTC ms) got no run (MissedRunPolicy::Skip).
    void firingsSkipped(qint64 scheduleId, int count, qint64 throughMs);
    // A look at the schedules ended (its runs started, its steps submitted).
    void checked();
    // A store error while firing or stepping (the scheduler carries on at the next wake).
    void errorOccurred(const QString &code, const QString &message);

private:
    Scheduler(const SchedulerServices &services, SchedulerOptions options, QObject *parent);

    void check();
    void onChecked(const QList<Schedule> &schedules, const QList<ScheduleRun> &running);
    void fire(const Schedule &schedule, const DueRun &due);
    void activate(const ScheduleRun &run);
    void requestStep(qint64 runId);
    void step(qint64 runId);
    void onStepped(qint64 runId, const Result<RunRepository::Step> &step);
    void arm();

    SchedulerServices m_services;
    SchedulerOptions m_options;
    QTimer m_timer;
    bool m_running = false;
    bool m_checking = false;
    bool m_checkAgain = false;
    int m_firesPending = 0;
    QSet<qint64> m_active;   // runs this scheduler steps
    QSet<qint64> m_stepping; // a step job is in flight
    QSet<qint64> m_stepAgain;
    QHash<qint64, qint64> m_nextRelease; // run -> UTC ms a planned job may be released
    std::optional<qint64> m_nextFiringMs;
    qint64 m_lastStepAllMs = 0;
};

} // namespace wb::core
