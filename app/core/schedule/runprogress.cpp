// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/runprogress.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/schedule/schedulerepository.h"

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

    auto pending = session.exec(u"SELECT j.id, j.delivery_id FROM schedule_run_jobs j JOIN "
                                "deliveries d ON d.id = j.delivery_id WHERE j.run_id = ? AND "
                                "j.state = 'queued' AND d.state = 'pending' ORDER BY j.ordinal"_s,
                                {runId});
    if (!pending)
        return fail(pending.error());
    QList<std::pair<qint64, qint64>> jobs; // job id, delivery id
    while (pending->next())
        jobs.append({pending->value(0).toLongLong(), pending->value(1).toLongLong()});
    pending->finish();
    for (const auto &[jobId, deliveryId] : std::as_const(jobs)) {
        auto cancelled = DeliveryRepository::cancel(session, deliveryId);
        if (!cancelled)
            return fail(cancelled.error());
        if (!*cancelled)
            continue; // claimed meanwhile: it is in flight and finishes
        // The delivery says why it was not sent (DeliveryRepository::cancel writes "cancelled").
        if (auto reason = session.execute(u"UPDATE deliveries SET last_reason = ? WHERE id = ?"_s,
                                          {outcome, deliveryId});
            !reason) {
            return fail(reason.error());
        }
        if (auto job = session.execute(u"UPDATE schedule_run_jobs SET state = 'failed', outcome "
                                       "= ?, cancelled_at_ms = ?, finished_at_ms = ? WHERE id = ?"_s,
                                       {outcome, now, now, jobId});
            !job) {
            return fail(job.error());
        }
        withdrawn.cancelledDeliveries.append(deliveryId);
        ++withdrawn.jobs;
    }
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

Result<ScheduleRun> recordRunProgress(SqlSession &session, qint64 runId, const RunJobCounts &counts)
{
    auto run = ScheduleRepository::run(session, runId);
    if (!run)
        return fail(run.error());
    std::optional<qint64> finishedAt;
    RunState state = RunState::Running;
    if (counts.planned == 0 && counts.queued == 0) {
        finishedAt = session.nowMs();
        if (counts.failed == 0 && counts.cancelled == 0)
            state = RunState::Succeeded;
        else if (counts.succeeded == 0)
            state = RunState::Failed;
        else
            state = RunState::Partial;
    }
    auto updated = session.execute(u"UPDATE schedule_runs SET state = ?, finished_at_ms = ?, "
                                   "succeeded_count = ?, failed_count = ?, skipped_count = ?, "
                                   "cancelled_count = ? WHERE id = ?"_s,
                                   {nameOf(state), toSqlValue(finishedAt), counts.succeeded,
                                    counts.failed, counts.skipped, counts.cancelled, runId});
    if (!updated)
        return fail(updated.error());
    if (finishedAt) {
        // The schedule's one running run has ended: whoever held the schedule for it lets go.
        if (auto released = session.execute(u"UPDATE schedules SET lease_owner = '', "
                                            "lease_expires_at_ms = NULL WHERE id = ?"_s,
                                            {run->scheduleId});
            !released) {
            return fail(released.error());
        }
    }
    return ScheduleRepository::run(session, runId);
}

} // namespace wb::core
