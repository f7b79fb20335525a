// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/runcancellation.h"

#include "core/schedule/runprogress.h"
#include "core/schedule/schedulerepository.h"
#include "core/store/textchecks.h"

using namespace Qt::StringLiterals;

namespace wb::core {

Result<CancelledRun> RunCancellation::cancel(SqlSession &session, qint64 runId,
                                             const QString &reason)
{
    auto run = ScheduleRepository::run(session, runId);
    if (!run)
        return fail(run.error());
    if (run->state != RunState::Running) {
        return fail(u"schedule.run_not_running"_s,
                    tr("Run %1 has already finished (%2); only a running run can be cancelled.")
                            .arg(runId)
                            .arg(runStatusName(*run)));
    }
    const QString kept = printable(reason.trimmed()).left(500);
    const qint64 now = session.nowMs();
    auto marked = session.execute(u"UPDATE schedule_runs SET cancel_requested_at_ms = COALESCE("
                                  "cancel_requested_at_ms, ?), cancel_reason = CASE WHEN "
                                  "cancel_requested_at_ms IS NULL THEN ? ELSE cancel_reason END "
                                  "WHERE id = ?"_s,
                                  {now, kept, runId});
    if (!marked)
        return fail(marked.error());
    // The same change on the run in hand (a second cancel keeps the first time and reason).
    ScheduleRun current = *run;
    if (!current.cancelRequestedAtMs) {
        current.cancelRequestedAtMs = now;
        current.cancelReason = kept;
    }

    CancelledRun result;
    if (auto synced = syncFinishedDeliveries(session, runId); !synced)
        return fail(synced.error());
    auto withdrawn = withdrawUnsentJobs(session, runId, cancelOutcome(current));
    if (!withdrawn)
        return fail(withdrawn.error());
    result.cancelledDeliveries = withdrawn->cancelledDeliveries;
    result.withdrawnJobs = withdrawn->jobs;
    auto counts = countRunJobs(session, runId);
    if (!counts)
        return fail(counts.error());
    result.inFlight = counts->queued;
    auto after = recordRunProgress(session, current, *counts);
    if (!after)
        return fail(after.error());
    result.run = *after;
    return result;
}

} // namespace wb::core
