// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/runprogress.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<void> setRunJob(SqlSession &session, qint64 jobId, RunJobState state,
                       std::optional<qint64> deliveryId, const QString &outcome, bool released)
{
    const qint64 now = session.nowMs();
    const bool final = state != RunJobState::Planned && state != RunJobState::Queued;
    return session.execute(
            u"UPDATE schedule_run_jobs SET state = ?, delivery_id = COALESCE(?, delivery_id), "
            "outcome = ?, released_at_ms = COALESCE(released_at_ms, ?), finished_at_ms = ? "
            "WHERE id = ?"_s,
            {nameOf(state), toSqlValue(deliveryId), outcome,
             released ? QVariant(now) : toSqlValue(std::optional<qint64>()),
             final ? QVariant(now) : toSqlValue(std::optional<qint64>()), jobId});
}

Result<int> syncFinishedDeliveries(SqlSession &session, qint64 runId)
{
    auto query = session.exec(u"SELECT j.id, d.state, d.last_reason FROM schedule_run_jobs j "
                              "JOIN deliveries d ON d.id = j.delivery_id WHERE j.run_id = ? AND "
                              "j.state = 'queued' AND d.state IN ('succeeded', 'failed', 'dead', "
                              "'cancelled')"_s,
                              {runId});
    if (!query)
        return fail(query.error());
    struct Finished
    {
        qint64 jobId;
        QString state;
        QString reason;
    };
    QList<Finished> finished;
    while (query->next()) {
        finished.append({query->value(0).toLongLong(), query->value(1).toString(),
                         query->value(2).toString()});
    }
    query->finish();
    for (const Finished &f : finished) {
        const RunJobState state = f.state == u"succeeded" ? RunJobState::Succeeded
                                                          : RunJobState::Failed;
        const QString outcome = f.reason.isEmpty() ? f.state : f.state + u": "_s + f.reason;
        if (auto set = setRunJob(session, f.jobId, state, std::nullopt, outcome, false); !set)
            return fail(set.error());
    }
    return int(finished.size());
}

Result<Withdrawn> withdrawUnsentJobs(SqlSession &session, qint64 runId, const QString &outcome)
{
    const qint64 now = session.nowMs();
    Withdrawn withdrawn;
    auto planned = session.exec(u"UPDATE schedule_run_jobs SET state = 'failed', outcome = ?, "
                                "cancelled_at_ms = ?, finished_at_ms = ? WHERE run_id = ? AND "
                                "state = 'planned'"_s,
                                {outcome, now, now, runId});
    if (!planned)
        return fail(planned.error());
    withdrawn.jobs = planned->numRowsAffected();
    planned->finish();

    // The queued jobs' deliveries still pending, cancelled in one statement (the same columns as
    // DeliveryRepository::cancel, with `outcome` as the reason). One being attempted is not
    // pending: it is not returned, and its job finishes with it.
    auto cancelled = session.exec(
            u"UPDATE deliveries SET state = 'cancelled', updated_at_ms = ?, finished_at_ms = ?, "
            "last_reason = ? WHERE state = 'pending' AND id IN (SELECT delivery_id FROM "
            "schedule_run_jobs WHERE run_id = ? AND state = 'queued') RETURNING id"_s,
            {now, now, outcome, runId});
    if (!cancelled)
        return fail(cancelled.error());
    while (cancelled->next())
        withdrawn.cancelledDeliveries.append(cancelled->value(0).toLongLong());
    cancelled->finish();
    if (withdrawn.cancelledDeliveries.isEmpty())
        return withdrawn;
    std::sort(withdrawn.cancelledDeliveries.begin(), withdrawn.cancelledDeliveries.end());

    // Their jobs, in one statement: at most the run's concurrency limit (1,000) are queued, well
    // within SQLite's and PostgreSQL's limits on bound values.
    QVariantList values{outcome, now, now, runId};
    for (qint64 id : std::as_const(withdrawn.cancelledDeliveries))
        values.append(id);
    const QString placeholders = QStringList(withdrawn.cancelledDeliveries.size(), u"?"_s)
                                         .join(u", "_s);
    auto jobs = session.exec(u"UPDATE schedule_run_jobs SET state = 'failed', outcome = ?, "
                             "cancelled_at_ms = ?, finished_at_ms = ? WHERE run_id = ? AND state "
                             "= 'queued' AND delivery_id IN (%1)"_s.arg(placeholders),
                             values);
    if (!jobs)
        return fail(jobs.error());
    withdrawn.jobs += jobs->numRowsAffected();
    jobs->finish();
    return withdrawn;
}

QString cancelOutcome(const ScheduleRun &run)
{
    const QString outcome = u"cancelled with run %1"_s.arg(run.id);
    return run.cancelReason.isEmpty() ? outcome : outcome + u": "_s + run.cancelReason;
}

Result<RunJobCounts> countRunJobs(SqlSession &session, qint64 runId)
{
    auto query = session.exec(u"SELECT state, cancelled_at_ms IS NOT NULL, COUNT(*) FROM "
                              "schedule_run_jobs WHERE run_id = ? GROUP BY state, "
                              "cancelled_at_ms IS NOT NULL"_s,
                              {runId});
    if (!query)
        return fail(query.error());
    RunJobCounts counts;
    while (query->next()) {
        const int n = query->value(2).toInt();
        if (query->value(1).toInt() != 0) {
            counts.cancelled += n;
            continue;
        }
        switch (runJobStateFromName(query->value(0).toString()).value_or(RunJobState::Failed)) {
        case RunJobState::Planned:
            counts.planned += n;
            break;
        case RunJobState::Queued:
            counts.queued += n;
            break;
        case RunJobState::Succeeded:
            counts.succeeded += n;
            break;
        case RunJobState::Failed:
            counts.failed += n;
            break;
        case RunJobState::Skipped:
            counts.skipped += n;
            break;
        }
    }
    return counts;
}

Result<ScheduleRun> recordRunProgress(SqlSession &session, const ScheduleRun &run,
                                      const RunJobCounts &counts)
{
    ScheduleRun after = run;
    after.succeededCount = counts.succeeded;
    after.failedCount = counts.failed;
    after.skippedCount = counts.skipped;
    after.cancelledCount = counts.cancelled;
    after.state = RunState::Running;
    after.finishedAtMs.reset();
    if (counts.planned == 0 && counts.queued == 0) {
        after.finishedAtMs = session.nowMs();
        if (counts.failed == 0 && counts.cancelled == 0)
            after.state = RunState::Succeeded;
        else if (counts.succeeded == 0)
            after.state = RunState::Failed;
        else
            after.state = RunState::Partial;
    }
    auto updated = session.execute(u"UPDATE schedule_runs SET state = ?, finished_at_ms = ?, "
                                   "succeeded_count = ?, failed_count = ?, skipped_count = ?, "
                                   "cancelled_count = ? WHERE id = ?"_s,
                                   {nameOf(after.state), toSqlValue(after.finishedAtMs),
                                    after.succeededCount, after.failedCount, after.skippedCount,
                                    after.cancelledCount, after.id});
    if (!updated)
        return fail(updated.error());
    if (after.finishedAtMs) {
        // The schedule's one running run has ended: whoever held the schedule for it lets go.
        if (auto released = session.execute(u"UPDATE schedules SET lease_owner = '', "
                                            "lease_expires_at_ms = NULL WHERE id = ?"_s,
                                            {after.scheduleId});
            !released) {
            return fail(released.error());
        }
    }
    return after;
}

} // namespace wb::core
