// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace wb::core {

// The life of a run in SQL, each step one write job (so a run's rows and the deliveries it hands
// to the dispatch engine commit together):
//
//   startRun()  takes the schedule's lease, records the run (unique on schedule + scheduled
//               instant: a firing already recorded is not run again) and its jobs — one per target
//               tenant/connection, spread over the smoothing window (FanOutPlan), or skipped with
//               the reason (no connection to the provider, a target removed).
//   stepRun()   renews the lease; copies final delivery states onto queued jobs; releases planned
//               jobs whose offset has come, in plan order, while fewer than the concurrency limit
//               are queued — each released job becomes a delivery (DeliveryRepository::add) with
//               the connection's credentials, retry policy and token bucket; finishes the run and
//               frees the lease when no job is planned or queued.
//
// The lease (schedules.lease_owner / lease_expires_at_ms) is what keeps one schedule from running
// twice at once, also across processes sharing the workspace: a run is started, and stepped,
// only by the lease holder; a holder that dies leaves the lease to expire, and the next scheduler
// to step the run adopts it (its queued deliveries are the dispatch engine's to finish).
// A job occupies one of the run's concurrency slots from its release until its delivery is final
// (retries included).
class RunRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::RunRepository)

public:
    // Takes or renews the lease for `workerId` until nowMs + leaseMs when it is free, expired or
    // already its own. False when another worker holds it. Error `schedule.unknown_schedule`.
    static Result<bool> claimLease(SqlSession &session, qint64 scheduleId, const QString &workerId,
                                   qint64 nowMs, qint64 leaseMs);
    // Frees the lease if `workerId` holds it.
    static Result<void> releaseLease(SqlSession &session, qint64 scheduleId,
                                     const QString &workerId);
    // Records that firings up to `throughMs` were run or skipped (never moves it back).
    static Result<void> markConsidered(SqlSession &session, qint64 scheduleId, qint64 throughMs);

    struct StartRequest
    {
        qint64 scheduleId = 0;
        qint64 scheduledAtMs = 0; // the firing (RunKey); for a manual run, the moment asked
        RunTrigger trigger = RunTrigger::OnTime;
        int skippedFirings = 0;
        // The firings up to here are considered once the run is recorded (DueRun).
        std::optional<qint64> consideredThroughMs;
        QString workerId;
        qint64 leaseMs = 60'000;
    };
    enum class NotStarted {
        None,
        LeaseHeld,      // another worker holds the schedule (it is running a run)
        AlreadyRunning, // a run of this schedule is still running
        Duplicate,      // a run with this (schedule, scheduled instant) is already recorded
        Disabled,       // the schedule is disabled (manual runs ignore this)
    };
    struct Started
    {
        std::optional<ScheduleRun> run;
        NotStarted notStarted = NotStarted::None;
    };
    // Error `schedule.unknown_schedule`, and the store's.
    static Result<Started> startRun(SqlSession &session, const StartRequest &request);

    struct Step
    {
        ScheduleRun run;                // after the step
        QList<qint64> queuedDeliveries; // delivery ids released in this step
        int jobsChanged = 0;            // jobs that moved (released, finished, skipped)
        bool leaseLost = false;         // another worker holds the schedule: nothing was done
        // The earliest not-before of a job still planned, when a slot is free for it (UTC ms).
        std::optional<qint64> nextReleaseAtMs;
    };
    // Error `schedule.unknown_run`, and the store's.
    static Result<Step> stepRun(SqlSession &session, qint64 runId, const QString &workerId,
                                qint64 leaseMs);
};

} // namespace wb::core
