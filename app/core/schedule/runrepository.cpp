// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/runrepository.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/schedule/fanoutplan.h"
#include "core/schedule/runprogress.h"
#include "core/schedule/schedulerepository.h"
#include "core/store/connectionrepository.h"
#include "core/store/tenantrepository.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// One target of a run: what its job sends with, or why it has nothing to send.
struct Target
{
    qint64 planId = 0; // the tenant or connection id the plan orders by
    std::optional<qint64> tenantId;
    std::optional<qint64> connectionId;
    QString skipReason;
};

Result<QList<qint64>> idsOf(SqlSession &session, const QString &sql, const QVariantList &values)
{
    auto query = session.exec(sql, values);
    if (!query)
        return fail(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

Result<QList<Target>> resolveTargets(SqlSession &session, const Schedule &schedule)
{
    QList<Target> targets;
    if (schedule.targetKind == ScheduleTargetKind::Tenants) {
        QList<qint64> tenantIds = schedule.targetIds;
        if (tenantIds.isEmpty()) {
            // All tenants that have a connection to the provider.
            auto all = idsOf(session,
                             u"SELECT DISTINCT tenant_id FROM connections WHERE provider_id = ? "
                             "ORDER BY tenant_id"_s,
                             {schedule.providerId});
            if (!all)
                return fail(all.error());
            tenantIds = *all;
        }
        for (qint64 tenantId : tenantIds) {
            Target target;
            target.planId = tenantId;
            target.tenantId = tenantId;
            auto exists = idsOf(session, u"SELECT id FROM tenants WHERE id = ?"_s, {tenantId});
            if (!exists)
                return fail(exists.error());
            auto connection = idsOf(session,
                                    u"SELECT id FROM connections WHERE tenant_id = ? AND "
                                    "provider_id = ? ORDER BY (status = 'disabled'), id LIMIT 1"_s,
                                    {tenantId, schedule.providerId});
            if (!connection)
                return fail(connection.error());
            if (exists->isEmpty()) {
                target.tenantId.reset();
                target.skipReason = RunRepository::tr("tenant %1 no longer exists").arg(tenantId);
            } else if (connection->isEmpty()) {
                target.skipReason = RunRepository::tr("tenant %1 has no connection to %2")
                                            .arg(tenantId)
                                            .arg(schedule.providerId);
            } else {
                target.connectionId = connection->first();
            }
            targets.append(target);
        }
        return targets;
    }

    QList<qint64> connectionIds = schedule.targetIds;
    if (connectionIds.isEmpty()) {
        auto all = schedule.providerId.isEmpty()
                           ? idsOf(session, u"SELECT id FROM connections ORDER BY id"_s, {})
                           : idsOf(session,
                                   u"SELECT id FROM connections WHERE provider_id = ? ORDER BY id"_s,
                                   {schedule.providerId});
        if (!all)
            return fail(all.error());
        connectionIds = *all;
    }
    for (qint64 connectionId : connectionIds) {
        Target target;
        target.planId = connectionId;
        auto tenant = idsOf(session, u"SELECT tenant_id FROM connections WHERE id = ?"_s,
                            {connectionId});
        if (!tenant)
            return fail(tenant.error());
        if (tenant->isEmpty()) {
            target.skipReason = RunRepository::tr("connection %1 no longer exists").arg(connectionId);
        } else {
            target.tenantId = tenant->first();
            target.connectionId = connectionId;
        }
        targets.append(target);
    }
    return targets;
}

Result<void> insertJob(SqlSession &session, qint64 runId, int ordinal, const Target &target,
                       qint64 notBeforeMs, RunJobState state, const QString &outcome)
{
    const qint64 now = session.nowMs();
    const bool final = state == RunJobState::Skipped;
    return session.execute(u"INSERT INTO schedule_run_jobs (run_id, ordinal, tenant_id, "
                           "connection_id, not_before_ms, state, outcome, finished_at_ms) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {runId, ordinal, toSqlValue(target.tenantId),
                            toSqlValue(target.connectionId), notBeforeMs, nameOf(state), outcome,
                            final ? QVariant(now) : toSqlValue(std::optional<qint64>())});
}

// The job's placeholders' values.
Result<JobContext> contextFor(SqlSession &session, const Schedule &schedule, const ScheduleRun &run,
                              const ScheduleRunJob &job)
{
    JobContext context;
    context.scheduleId = schedule.id;
    context.scheduleName = schedule.name;
    context.runId = run.id;
    context.scheduledAtMs = run.scheduledAtMs;
    context.ordinal = job.ordinal;
    if (job.tenantId) {
        auto tenant = TenantRepository::get(session, *job.tenantId);
        if (!tenant)
            return fail(tenant.error());
        context.tenantId = tenant->id;
        context.tenantName = tenant->displayName;
        context.tenantExternalReference = tenant->externalReference;
    }
    if (job.connectionId) {
        auto connection = ConnectionRepository::get(session, *job.connectionId);
        if (!connection)
            return fail(connection.error());
        context.connectionId = connection->id;
        context.connectionLabel = connection->label;
        context.providerId = connection->providerId;
        QString base = connection->settings.baseUrl.toString();
        while (base.endsWith(u'/'))
            base.chop(1);
        context.connectionBaseUrl = base;
    } else {
        context.providerId = schedule.providerId;
    }
    return context;
}

Result<std::optional<qint64>> deliveryWithKey(SqlSession &session, const QString &key)
{
    auto ids = idsOf(session, u"SELECT id FROM deliveries WHERE idempotency_key = ?"_s, {key});
    if (!ids)
        return fail(ids.error());
    if (ids->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(ids->first());
}

} // namespace

Result<bool> RunRepository::claimLease(SqlSession &session, qint64 scheduleId,
                                       const QString &workerId, qint64 nowMs, qint64 leaseMs)
{
    auto updated = session.exec(u"UPDATE schedules SET lease_owner = ?, lease_expires_at_ms = ? "
                                "WHERE id = ? AND (lease_owner = '' OR lease_owner = ? OR "
                                "lease_expires_at_ms IS NULL OR lease_expires_at_ms <= ?)"_s,
                                {workerId, nowMs + leaseMs, scheduleId, workerId, nowMs});
    if (!updated)
        return fail(updated.error());
    if (updated->numRowsAffected() > 0)
        return true;
    if (auto exists = ScheduleRepository::get(session, scheduleId); !exists)
        return fail(exists.error());
    return false;
}

Result<void> RunRepository::releaseLease(SqlSession &session, qint64 scheduleId,
                                         const QString &workerId)
{
    return session.execute(u"UPDATE schedules SET lease_owner = '', lease_expires_at_ms = NULL "
                           "WHERE id = ? AND lease_owner = ?"_s,
                           {scheduleId, workerId});
}

Result<void> RunRepository::markConsidered(SqlSession &session, qint64 scheduleId, qint64 throughMs)
{
    return session.execute(u"UPDATE schedules SET considered_through_ms = ? WHERE id = ? AND "
                           "considered_through_ms < ?"_s,
                           {throughMs, scheduleId, throughMs});
}

Result<RunRepository::Started> RunRepository::startRun(SqlSession &session,
                                                       const StartRequest &request)
{
    auto schedule = ScheduleRepository::get(session, request.scheduleId);
    if (!schedule)
        return fail(schedule.error());
    Started started;
    if (!schedule->enabled && request.trigger != RunTrigger::Manual) {
        started.notStarted = NotStarted::Disabled;
        return started;
    }
    auto running = idsOf(session,
                         u"SELECT id FROM schedule_runs WHERE schedule_id = ? AND state = "
                         "'running'"_s,
                         {request.scheduleId});
    if (!running)
        return fail(running.error());
    if (!running->isEmpty()) {
        started.notStarted = NotStarted::AlreadyRunning;
        return started;
    }
    const qint64 now = session.nowMs();
    auto leased = claimLease(session, request.scheduleId, request.workerId, now, request.leaseMs);
    if (!leased)
        return fail(leased.error());
    if (!*leased) {
        started.notStarted = NotStarted::LeaseHeld;
        return started;
    }
    if (request.consideredThroughMs) {
        if (auto marked = markConsidered(session, request.scheduleId, *request.consideredThroughMs);
            !marked) {
            return fail(marked.error());
        }
    }

    auto inserted = session.exec(
            u"INSERT INTO schedule_runs (schedule_id, scheduled_at_ms, run_trigger, state, "
            "started_at_ms, skipped_firings, worker_id) VALUES (?, ?, ?, 'running', ?, ?, ?) "
            "ON CONFLICT (schedule_id, scheduled_at_ms) DO NOTHING RETURNING id"_s,
            {request.scheduleId, request.scheduledAtMs, nameOf(request.trigger), now,
             request.skippedFirings, request.workerId});
    if (!inserted)
        return fail(inserted.error());
    if (!inserted->next()) {
        if (auto released = releaseLease(session, request.scheduleId, request.workerId); !released) {
            return fail(released.error());
        }
        started.notStarted = NotStarted::Duplicate;
        return started;
    }
    const qint64 runId = inserted->value(0).toLongLong();
    inserted->finish();

    auto targets = resolveTargets(session, *schedule);
    if (!targets)
        return fail(targets.error());
    QList<qint64> planIds;
    QHash<qint64, Target> sendable;
    QList<Target> skipped;
    for (const Target &target : *targets) {
        if (!target.skipReason.isEmpty() || sendable.contains(target.planId)) {
            skipped.append(target);
        } else {
            planIds.append(target.planId);
            sendable.insert(target.planId, target);
        }
    }
    auto plan = planFanOut(planIds, schedule->smoothingWindowMs, schedule->concurrencyLimit);
    if (!plan)
        return fail(plan.error());
    for (const FanOutJob &job : plan->jobs) {
        if (auto added = insertJob(session, runId, job.ordinal, sendable.value(job.targetId),
                                   now + job.offsetMs, RunJobState::Planned, {});
            !added) {
            return fail(added.error());
        }
    }
    int ordinal = int(plan->jobs.size());
    for (const Target &target : skipped) {
        if (auto added = insertJob(session, runId, ordinal++, target, now, RunJobState::Skipped,
                                   target.skipReason);
            !added) {
            return fail(added.error());
        }
    }
    auto counted = session.execute(u"UPDATE schedule_runs SET job_count = ?, skipped_count = ? "
                                   "WHERE id = ?"_s,
                                   {ordinal, int(skipped.size()), runId});
    if (!counted)
        return fail(counted.error());
    auto run = ScheduleRepository::run(session, runId);
    if (!run)
        return fail(run.error());
    started.run = *run;
    return started;
}

Result<RunRepository::Step> RunRepository::stepRun(SqlSession &session, qint64 runId,
                                                   const QString &workerId, qint64 leaseMs)
{
    auto run = ScheduleRepository::run(session, runId);
    if (!run)
        return fail(run.error());
    Step step;
    step.run = *run;
    if (run->state != RunState::Running)
        return step;
    const qint64 now = session.nowMs();
    auto leased = claimLease(session, run->scheduleId, workerId, now, leaseMs);
    if (!leased)
        return fail(leased.error());
    if (!*leased) {
        step.leaseLost = true;
        return step;
    }
    auto schedule = ScheduleRepository::get(session, run->scheduleId);
    if (!schedule)
        return fail(schedule.error());

    auto synced = syncFinishedDeliveries(session, runId);
    if (!synced)
        return fail(synced.error());
    step.jobsChanged += *synced;

    if (run->cancelRequestedAtMs) {
        // Cancelled: a job whose delivery went back to pending (a retry after the attempt that
        // was in flight) is withdrawn too; nothing new is released.
        auto withdrawn = withdrawUnsentJobs(session, runId, cancelOutcome(*run));
        if (!withdrawn)
            return fail(withdrawn.error());
        step.jobsChanged += withdrawn->jobs;
    }

    auto counts = countRunJobs(session, runId);
    if (!counts)
        return fail(counts.error());
    const int free = schedule->concurrencyLimit - counts->queued;
    if (free > 0 && counts->planned > 0) {
        auto due = session.exec(u"SELECT id, ordinal, tenant_id, connection_id, not_before_ms FROM "
                                "schedule_run_jobs WHERE run_id = ? AND state = 'planned' AND "
                                "not_before_ms <= ? ORDER BY ordinal LIMIT ?"_s,
                                {runId, now, free});
        if (!due)
            return fail(due.error());
        QList<ScheduleRunJob> jobs;
        while (due->next()) {
            ScheduleRunJob job;
            job.id = due->value(0).toLongLong();
            job.runId = runId;
            job.ordinal = due->value(1).toInt();
            job.tenantId = optionalInt64(due->value(2));
            job.connectionId = optionalInt64(due->value(3));
            job.notBeforeMs = due->value(4).toLongLong();
            jobs.append(job);
        }
        due->finish();
        for (const ScheduleRunJob &job : jobs) {
            ++step.jobsChanged;
            auto context = contextFor(session, *schedule, *run, job);
            Result<NewDelivery> delivery = context ? schedule->job.expand(*context)
                                                   : Result<NewDelivery>(fail(context.error()));
            if (!delivery) {
                if (auto set = setRunJob(session, job.id, RunJobState::Skipped, std::nullopt,
                                         delivery.error().message, true);
                    !set) {
                    return fail(set.error());
                }
                continue;
            }
            auto added = DeliveryRepository::add(session, *delivery, delivery->idempotencyKey);
            std::optional<qint64> deliveryId;
            if (added) {
                deliveryId = added->id;
            } else if (added.error().code == u"dispatch.duplicate_idempotency_key") {
                // Queued before a crash that lost the job's update: it is the same job.
                auto existing = deliveryWithKey(session, delivery->idempotencyKey);
                if (!existing)
                    return fail(existing.error());
                deliveryId = *existing;
            }
            if (!deliveryId) {
                if (auto set = setRunJob(session, job.id, RunJobState::Skipped, std::nullopt,
                                         added.error().message, true);
                    !set) {
                    return fail(set.error());
                }
                continue;
            }
            if (auto set = setRunJob(session, job.id, RunJobState::Queued, deliveryId, {}, true);
                !set) {
                return fail(set.error());
            }
            step.queuedDeliveries.append(*deliveryId);
        }
        counts = countRunJobs(session, runId);
        if (!counts)
            return fail(counts.error());
    }

    if (counts->queued < schedule->concurrencyLimit && counts->planned > 0) {
        auto next = session.exec(u"SELECT MIN(not_before_ms) FROM schedule_run_jobs WHERE run_id "
                                 "= ? AND state = 'planned'"_s,
                                 {runId});
        if (!next)
            return fail(next.error());
        if (next->next())
            step.nextReleaseAtMs = optionalInt64(next->value(0));
    }

    auto after = recordRunProgress(session, *run, *counts);
    if (!after)
        return fail(after.error());
    step.run = *after;
    return step;
}

} // namespace wb::core
