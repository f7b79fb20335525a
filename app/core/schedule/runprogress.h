// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <optional>

namespace wb::core {

// The SQL steps that move a run's jobs and counts on, shared by RunRepository::stepRun() and
// cancelRun(). Each needs a write session (inside a Store write job); times are UTC ms from the
// session's clock.

// Sets a job's state and outcome; `released` stamps released_at_ms (once), a final state
// finished_at_ms.
Result<void> setRunJob(SqlSession &session, qint64 jobId, RunJobState state,
                       std::optional<qint64> deliveryId, const QString &outcome, bool released);

// Copies final delivery states onto the run's queued jobs ("failed: <last reason>" and the like).
// Returns how many jobs moved.
Result<int> syncFinishedDeliveries(SqlSession &session, qint64 runId);

// Withdraws the run's jobs that have not been sent: planned jobs, and queued jobs whose delivery
// is pending (not yet attempted, or waiting for a retry) — their deliveries are cancelled as
// DeliveryRepository::cancel does, with `outcome` as the delivery's last reason. Each withdrawn
// job becomes Failed with `outcome` and cancelled_at_ms. Jobs whose delivery is in flight (or was
// claimed by a worker's concurrent transaction) are left to finish. Set-based: three statements
// whatever the number of jobs. Returns the cancelled delivery ids (ascending) and how many jobs
// were withdrawn.
struct Withdrawn
{
    QList<qint64> cancelledDeliveries;
    int jobs = 0;
};
Result<Withdrawn> withdrawUnsentJobs(SqlSession &session, qint64 runId, const QString &outcome);

// The outcome written on the jobs (and as the deliveries' last reason) that cancelling `run`
// withdraws: "cancelled with run 12: <reason>" (stored English, like delivery reasons).
QString cancelOutcome(const ScheduleRun &run);

struct RunJobCounts
{
    int planned = 0;
    int queued = 0;
    int succeeded = 0;
    int failed = 0; // failed jobs not withdrawn by a cancel
    int skipped = 0;
    int cancelled = 0; // jobs withdrawn by cancelling the run
};
Result<RunJobCounts> countRunJobs(SqlSession &session, qint64 runId);

// Writes `counts` onto `run` (as read in this transaction); when no job is planned or queued it
// finishes the run (Succeeded when nothing failed or was cancelled, Failed when nothing succeeded,
// else Partial; finished now) and frees its schedule's lease. Returns `run` as stored afterwards
// (without reading it again).
Result<ScheduleRun> recordRunProgress(SqlSession &session, const ScheduleRun &run,
                                      const RunJobCounts &counts);

} // namespace wb::core
