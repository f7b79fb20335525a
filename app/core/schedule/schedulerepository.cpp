// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/schedulerepository.h"

#include "core/schedule/croncalendar.h"
#include "core/store/textchecks.h"

#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr qint64 maxWindowMs = 24LL * 3600 * 1000;
constexpr int maxConcurrency = 1000;

const QString scheduleColumns
        = u"id, name, cron_expression, time_zone, job_method, job_url, job_headers, job_body, "
          "job_retry_policy, target_kind, target_ids, provider_id, smoothing_window_ms, "
          "concurrency_limit, missed_run_policy, enabled, considered_through_ms, lease_owner, "
          "lease_expires_at_ms, created_at_ms, updated_at_ms"_s;

QString idsToText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

QList<qint64> idsFromText(const QString &text)
{
    QList<qint64> ids;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        ids.append(part.toLongLong());
    return ids;
}

Schedule scheduleFromRow(const QSqlQuery &q)
{
    Schedule s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.cronExpression = q.value(2).toString();
    s.timeZoneId = q.value(3).toString();
    s.job.method = q.value(4).toString().toLatin1();
    s.job.url = q.value(5).toString();
    s.job.headers = headersFromText(QString::fromUtf8(q.value(6).toByteArray()));
    s.job.body = q.value(7).toByteArray();
    s.job.retryPolicy = q.value(8).toString();
    s.targetKind = scheduleTargetKindFromName(q.value(9).toString())
                           .value_or(ScheduleTargetKind::Tenants);
    s.targetIds = idsFromText(q.value(10).toString());
    s.providerId = q.value(11).toString();
    s.smoothingWindowMs = q.value(12).toLongLong();
    s.concurrencyLimit = q.value(13).toInt();
    s.missedRunPolicy = missedRunPolicyFromName(q.value(14).toString())
                                .value_or(MissedRunPolicy::RunOnce);
    s.enabled = q.value(15).toInt() != 0;
    s.consideredThroughMs = q.value(16).toLongLong();
    s.leaseOwner = q.value(17).toString();
    s.leaseExpiresAtMs = optionalInt64(q.value(18));
    s.createdAtMs = q.value(19).toLongLong();
    s.updatedAtMs = q.value(20).toLongLong();
    return s;
}

const QString jobColumns
        = u"j.id, j.run_id, j.ordinal, j.tenant_id, j.connection_id, j.not_before_ms, j.state, "
          "j.delivery_id, j.outcome, j.released_at_ms, j.finished_at_ms, j.cancelled_at_ms, "
          "t.display_name, c.provider_id, c.label FROM schedule_run_jobs j LEFT JOIN tenants t ON "
          "t.id = j.tenant_id LEFT JOIN connections c ON c.id = j.connection_id"_s;

ScheduleRunJob jobFromRow(const QSqlQuery &q)
{
    ScheduleRunJob job;
    job.id = q.value(0).toLongLong();
    job.runId = q.value(1).toLongLong();
    job.ordinal = q.value(2).toInt();
    job.tenantId = optionalInt64(q.value(3));
    job.connectionId = optionalInt64(q.value(4));
    job.notBeforeMs = q.value(5).toLongLong();
    job.state = runJobStateFromName(q.value(6).toString()).value_or(RunJobState::Planned);
    job.deliveryId = optionalInt64(q.value(7));
    job.outcome = q.value(8).toString();
    job.releasedAtMs = optionalInt64(q.value(9));
    job.finishedAtMs = optionalInt64(q.value(10));
    job.cancelledAtMs = optionalInt64(q.value(11));
    job.tenantName = q.value(12).toString();
    job.connectionProviderId = q.value(13).toString();
    job.connectionLabel = q.value(14).toString();
    return job;
}

Result<void> checkTargetsExist(SqlSession &session, const Schedule &schedule)
{
    const bool tenants = schedule.targetKind == ScheduleTargetKind::Tenants;
    const QString sql = tenants ? u"SELECT 1 FROM tenants WHERE id = ?"_s
                                : u"SELECT 1 FROM connections WHERE id = ?"_s;
    for (qint64 id : schedule.targetIds) {
        auto found = session.exec(sql, {id});
        if (!found)
            return fail(found.error());
        if (!found->next()) {
            return tenants ? fail(u"schedule.unknown_tenant"_s,
                                  ScheduleRepository::tr("Target tenant %1 does not exist.").arg(id))
                           : fail(u"schedule.unknown_connection"_s,
                                  ScheduleRepository::tr("Target connection %1 does not exist.")
                                          .arg(id));
        }
    }
    return {};
}

// The schedule as stored: its texts trimmed, its target ids ascending.
Schedule normalized(Schedule schedule)
{
    schedule.name = schedule.name.trimmed();
    schedule.cronExpression = schedule.cronExpression.trimmed();
    schedule.timeZoneId = schedule.timeZoneId.trimmed();
    schedule.job.url = schedule.job.url.trimmed();
    std::sort(schedule.targetIds.begin(), schedule.targetIds.end());
    return schedule;
}

// Error `schedule.duplicate_name` when a schedule other than `exceptId` (0: any) has `name`.
Result<void> checkNameFree(SqlSession &session, const QString &name, qint64 exceptId = 0)
{
    auto taken = session.exec(u"SELECT id FROM schedules WHERE name = ? AND id <> ?"_s,
                              {name, exceptId});
    if (!taken)
        return fail(taken.error());
    if (taken->next()) {
        return fail(u"schedule.duplicate_name"_s,
                    ScheduleRepository::tr("Schedule %1 is already named \"%2\".")
                            .arg(taken->value(0).toLongLong())
                            .arg(name));
    }
    return {};
}

// A null QByteArray binds as SQL NULL; the blob columns are NOT NULL.
QByteArray bytesOrEmpty(const QByteArray &bytes)
{
    return bytes.isNull() ? QByteArray("", 0) : bytes;
}

} // namespace

const QString &ScheduleRepository::runColumns()
{
    static const QString columns
            = u"id, schedule_id, scheduled_at_ms, run_trigger, state, started_at_ms, "
              "finished_at_ms, job_count, succeeded_count, failed_count, skipped_count, "
              "skipped_firings, worker_id, cancel_requested_at_ms, cancel_reason, "
              "cancelled_count"_s;
    return columns;
}

ScheduleRun ScheduleRepository::runFromRow(const QSqlQuery &q)
{
    ScheduleRun run;
    run.id = q.value(0).toLongLong();
    run.scheduleId = q.value(1).toLongLong();
    run.scheduledAtMs = q.value(2).toLongLong();
    run.trigger = runTriggerFromName(q.value(3).toString()).value_or(RunTrigger::OnTime);
    run.state = runStateFromName(q.value(4).toString()).value_or(RunState::Running);
    run.startedAtMs = q.value(5).toLongLong();
    run.finishedAtMs = optionalInt64(q.value(6));
    run.jobCount = q.value(7).toInt();
    run.succeededCount = q.value(8).toInt();
    run.failedCount = q.value(9).toInt();
    run.skippedCount = q.value(10).toInt();
    run.skippedFirings = q.value(11).toInt();
    run.workerId = q.value(12).toString();
    run.cancelRequestedAtMs = optionalInt64(q.value(13));
    run.cancelReason = q.value(14).toString();
    run.cancelledCount = q.value(15).toInt();
    return run;
}

Error ScheduleRepository::unknownSchedule(qint64 scheduleId)
{
    return Error{u"schedule.unknown_schedule"_s,
                 tr("There is no schedule with id %1.").arg(scheduleId)};
}

Result<void> ScheduleRepository::validate(const Schedule &schedule)
{
    const QString name = schedule.name.trimmed();
    if (name.isEmpty())
        return fail(u"schedule.invalid_name"_s, tr("A schedule needs a name."));
    if (name.size() > 200 || hasControlCharacters(name)) {
        return fail(u"schedule.invalid_name"_s,
                    tr("The name \"%1\" must be at most 200 characters without control "
                       "characters.")
                            .arg(printable(name.left(60))));
    }
    const auto expression = CronExpression::parse(schedule.cronExpression);
    if (!expression) {
        const CronSyntaxError &e = expression.error();
        return fail(Error{e.code, tr("Invalid cron expression \"%1\": %2")
                                          .arg(schedule.cronExpression, e.message())});
    }
    if (const auto zone = timeZoneFromId(schedule.timeZoneId); !zone)
        return fail(zone.error());
    if (schedule.targetKind == ScheduleTargetKind::Tenants && schedule.providerId.isEmpty()) {
        return fail(u"schedule.missing_provider"_s,
                    tr("A schedule over tenants needs a provider: the job is sent with each "
                       "tenant's connection to it."));
    }
    QSet<qint64> seen;
    for (qint64 id : schedule.targetIds) {
        if (id < 1)
            return fail(u"schedule.invalid_target"_s, tr("Target id %1 is not a valid id.").arg(id));
        if (seen.contains(id))
            return fail(u"schedule.invalid_target"_s, tr("Target id %1 is listed twice.").arg(id));
        seen.insert(id);
    }
    if (schedule.smoothingWindowMs < 0 || schedule.smoothingWindowMs > maxWindowMs) {
        return fail(u"schedule.invalid_window"_s,
                    tr("The smoothing window %1 ms is outside 0 to %2 ms (24 hours).")
                            .arg(schedule.smoothingWindowMs)
                            .arg(maxWindowMs));
    }
    if (schedule.concurrencyLimit < 1 || schedule.concurrencyLimit > maxConcurrency) {
        return fail(u"schedule.invalid_concurrency"_s,
                    tr("The concurrency limit %1 is outside 1 to %2.")
                            .arg(schedule.concurrencyLimit)
                            .arg(maxConcurrency));
    }
    return schedule.job.validate();
}

Result<Schedule> ScheduleRepository::add(SqlSession &session, const Schedule &input)
{
    if (auto valid = validate(input); !valid)
        return fail(valid.error());
    Schedule schedule = normalized(input);
    if (auto free = checkNameFree(session, schedule.name); !free)
        return fail(free.error());
    if (auto exist = checkTargetsExist(session, schedule); !exist)
        return fail(exist.error());

    const qint64 now = session.nowMs();
    schedule.consideredThroughMs = now;
    schedule.leaseOwner.clear();
    schedule.leaseExpiresAtMs.reset();
    schedule.createdAtMs = now;
    schedule.updatedAtMs = now;
    auto inserted = session.execOneRow(
            u"INSERT INTO schedules (name, cron_expression, time_zone, job_method, job_url, "
            "job_headers, job_body, job_retry_policy, target_kind, target_ids, provider_id, "
            "smoothing_window_ms, concurrency_limit, missed_run_policy, enabled, "
            "considered_through_ms, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {schedule.name, schedule.cronExpression, schedule.timeZoneId,
             QString::fromLatin1(schedule.job.method), schedule.job.url,
             bytesOrEmpty(headersToText(schedule.job.headers).toUtf8()),
             bytesOrEmpty(schedule.job.body), schedule.job.retryPolicy, nameOf(schedule.targetKind),
             idsToText(schedule.targetIds), schedule.providerId, schedule.smoothingWindowMs,
             schedule.concurrencyLimit, missedRunPolicyName(schedule.missedRunPolicy),
             schedule.enabled ? 1 : 0, now, now, now});
    if (!inserted)
        return fail(inserted.error());
    schedule.id = inserted->value(0).toLongLong();
    return schedule;
}

Result<Schedule> ScheduleRepository::update(SqlSession &session, const Schedule &input)
{
    if (auto valid = validate(input); !valid)
        return fail(valid.error());
    auto current = get(session, input.id);
    if (!current)
        return fail(current.error());
    const Schedule schedule = normalized(input);
    if (auto free = checkNameFree(session, schedule.name, schedule.id); !free)
        return fail(free.error());
    if (auto exist = checkTargetsExist(session, schedule); !exist)
        return fail(exist.error());

    const qint64 now = session.nowMs();
    // A new expression or zone starts afresh, as enabling does: the new expression's firings
    // that already passed are not missed runs.
    const bool timingChanged = schedule.cronExpression != current->cronExpression
                               || schedule.timeZoneId != current->timeZoneId;
    const qint64 considered = timingChanged ? qMax(now, current->consideredThroughMs)
                                            : current->consideredThroughMs;
    auto updated = session.execute(
            u"UPDATE schedules SET name = ?, cron_expression = ?, time_zone = ?, job_method = ?, "
            "job_url = ?, job_headers = ?, job_body = ?, job_retry_policy = ?, target_kind = ?, "
            "target_ids = ?, provider_id = ?, smoothing_window_ms = ?, concurrency_limit = ?, "
            "missed_run_policy = ?, considered_through_ms = ?, updated_at_ms = ? WHERE id = ?"_s,
            {schedule.name, schedule.cronExpression, schedule.timeZoneId,
             QString::fromLatin1(schedule.job.method), schedule.job.url,
             bytesOrEmpty(headersToText(schedule.job.headers).toUtf8()),
             bytesOrEmpty(schedule.job.body), schedule.job.retryPolicy, nameOf(schedule.targetKind),
             idsToText(schedule.targetIds), schedule.providerId, schedule.smoothingWindowMs,
             schedule.concurrencyLimit, missedRunPolicyName(schedule.missedRunPolicy), considered,
             now, schedule.id});
    if (!updated)
        return fail(updated.error());
    return get(session, schedule.id);
}

Result<Schedule> ScheduleRepository::setEnabled(SqlSession &session, qint64 scheduleId, bool enabled)
{
    auto current = get(session, scheduleId);
    if (!current)
        return fail(current.error());
    if (current->enabled == enabled)
        return current;
    const qint64 now = session.nowMs();
    // Enabling starts afresh: firings while disabled are not missed runs.
    const qint64 considered = enabled ? qMax(now, current->consideredThroughMs)
                                      : current->consideredThroughMs;
    auto updated = session.execute(u"UPDATE schedules SET enabled = ?, considered_through_ms = ?, "
                                   "updated_at_ms = ? WHERE id = ?"_s,
                                   {enabled ? 1 : 0, considered, now, scheduleId});
    if (!updated)
        return fail(updated.error());
    return get(session, scheduleId);
}

Result<void> ScheduleRepository::remove(SqlSession &session, qint64 scheduleId)
{
    if (auto current = get(session, scheduleId); !current)
        return fail(current.error());
    // Foreign keys cascade, but say it explicitly so it does not depend on the pragma.
    auto jobs = session.execute(u"DELETE FROM schedule_run_jobs WHERE run_id IN (SELECT id FROM "
                                "schedule_runs WHERE schedule_id = ?)"_s,
                                {scheduleId});
    if (!jobs)
        return fail(jobs.error());
    auto runs = session.execute(u"DELETE FROM schedule_runs WHERE schedule_id = ?"_s, {scheduleId});
    if (!runs)
        return fail(runs.error());
    return session.execute(u"DELETE FROM schedules WHERE id = ?"_s, {scheduleId});
}

Result<Schedule> ScheduleRepository::get(SqlSession &session, qint64 scheduleId)
{
    auto query = session.exec(u"SELECT %1 FROM schedules WHERE id = ?"_s.arg(scheduleColumns),
                              {scheduleId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(unknownSchedule(scheduleId));
    return scheduleFromRow(*query);
}

Result<QList<Schedule>> ScheduleRepository::list(SqlSession &session)
{
    auto query = session.exec(u"SELECT %1 FROM schedules ORDER BY name, id"_s.arg(scheduleColumns));
    if (!query)
        return fail(query.error());
    QList<Schedule> schedules;
    while (query->next())
        schedules.append(scheduleFromRow(*query));
    return schedules;
}

Result<QList<ScheduleRun>> ScheduleRepository::runs(SqlSession &session, qint64 scheduleId,
                                                    int limit)
{
    auto query = session.exec(u"SELECT %1 FROM schedule_runs WHERE schedule_id = ? ORDER BY "
                              "scheduled_at_ms DESC, id DESC LIMIT ?"_s.arg(runColumns()),
                              {scheduleId, limit});
    if (!query)
        return fail(query.error());
    QList<ScheduleRun> runs;
    while (query->next())
        runs.append(runFromRow(*query));
    return runs;
}

Result<ScheduleRun> ScheduleRepository::run(SqlSession &session, qint64 runId)
{
    auto query = session.exec(u"SELECT %1 FROM schedule_runs WHERE id = ?"_s.arg(runColumns()),
                              {runId});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        return fail(u"schedule.unknown_run"_s,
                    tr("There is no schedule run with id %1.").arg(runId));
    }
    return runFromRow(*query);
}

Result<QList<ScheduleRun>> ScheduleRepository::runningRuns(SqlSession &session)
{
    auto query = session.exec(u"SELECT %1 FROM schedule_runs WHERE state = 'running' ORDER BY "
                              "id"_s.arg(runColumns()));
    if (!query)
        return fail(query.error());
    QList<ScheduleRun> runs;
    while (query->next())
        runs.append(runFromRow(*query));
    return runs;
}

Result<QList<ScheduleRunJob>> ScheduleRepository::jobs(SqlSession &session, qint64 runId)
{
    return jobPage(session, runId, -1, std::numeric_limits<int>::max());
}

Result<QList<ScheduleRunJob>> ScheduleRepository::jobPage(SqlSession &session, qint64 runId,
                                                          int afterOrdinal, int limit)
{
    auto query = session.exec(u"SELECT %1 WHERE j.run_id = ? AND j.ordinal > ? ORDER BY "
                              "j.ordinal LIMIT ?"_s.arg(jobColumns),
                              {runId, afterOrdinal, qMax(0, limit)});
    if (!query)
        return fail(query.error());
    QList<ScheduleRunJob> jobs;
    while (query->next())
        jobs.append(jobFromRow(*query));
    return jobs;
}

} // namespace wb::core
