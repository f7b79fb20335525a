// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>

namespace wb::core {

struct CancelledRun
{
    ScheduleRun run;                   // after the cancel (Running while jobs are in flight)
    QList<qint64> cancelledDeliveries; // withdrawn from the dispatch engine, never sent
    int withdrawnJobs = 0;             // planned jobs and jobs whose delivery was pending
    int inFlight = 0;                  // jobs whose delivery is being attempted: they finish
};

// Cancels a running schedule run in one write transaction (a write session, inside a Store write
// job; any process may call it, the scheduler holding the run need not be this one):
//  - records the cancel on the run (cancel_requested_at_ms = now, the reason; a second cancel
//    keeps the first time and reason);
//  - withdraws every job not yet sent: planned jobs, and queued jobs whose delivery is pending
//    (waiting for its turn or for a retry) — the delivery is cancelled (state "cancelled", last
//    reason "cancelled with run <id>: <reason>"), so the dispatch engine never claims it; each
//    withdrawn job becomes Failed with that outcome and counts in ScheduleRun::cancelledCount;
//  - leaves jobs whose delivery is in flight to finish (the scheduler copies their outcome at its
//    next steps and withdraws them if they go back to pending for a retry);
//  - finishes the run at once when nothing is in flight (Failed, or Partial when some jobs had
//    succeeded) and frees the schedule's lease; otherwise the run stays Running ("cancelling",
//    runStatusName()) until its last delivery in flight is final.
// `reason`: free text from the person, may be empty (at most 500 characters kept).
// Errors: `schedule.unknown_run`; `schedule.run_not_running` naming the run's state (it has
// finished already); the store's. Nothing is changed on error.
class RunCancellation final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::RunCancellation)

public:
    static Result<CancelledRun> cancel(SqlSession &session, qint64 runId, const QString &reason);
};

} // namespace wb::core
