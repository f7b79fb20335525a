// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulerecords.h"

#include "output.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

QString rfc3339Local(const core::CronFiring &firing)
{
    const QString local = firing.localText(); // "2024-03-10T03:00:00-04:00"
    return local.left(19) + u".000"_s + local.mid(19);
}

std::optional<core::CronFiring> nextFiring(const core::Schedule &schedule, qint64 afterMs)
{
    const auto expression = core::CronExpression::parse(schedule.cronExpression);
    const auto zone = core::timeZoneFromId(schedule.timeZoneId);
    if (!expression || !zone)
        return std::nullopt;
    return core::CronCalendar(*expression, *zone).next(afterMs);
}

QJsonObject scheduleJson(const core::Schedule &schedule, const std::optional<core::CronFiring> &next)
{
    QJsonArray ids;
    for (qint64 id : schedule.targetIds)
        ids.append(id);
    QJsonArray headers;
    for (const core::RawHeader &field : schedule.job.headers.fields())
        headers.append(QString::fromLatin1(field.first + ": " + field.second));
    QJsonValue nextRun(QJsonValue::Null);
    if (next && schedule.enabled) {
        nextRun = QJsonObject{{u"utc"_s, rfc3339Utc(next->instantMs)},
                              {u"local"_s, rfc3339Local(*next)},
                              {u"shifted"_s, next->shifted},
                              {u"repeated_local_time"_s, next->repeatedLocalTime}};
    }
    return QJsonObject{
            {u"id"_s, schedule.id},
            {u"name"_s, schedule.name},
            {u"expression"_s, schedule.cronExpression},
            {u"time_zone"_s, schedule.timeZoneId},
            {u"enabled"_s, schedule.enabled},
            {u"missed_run_policy"_s, core::missedRunPolicyName(schedule.missedRunPolicy)},
            {u"target"_s, QJsonObject{{u"kind"_s, core::nameOf(schedule.targetKind)},
                                      {u"ids"_s, ids},
                                      {u"provider"_s, schedule.providerId}}},
            {u"smoothing_window_ms"_s, schedule.smoothingWindowMs},
            {u"concurrency_limit"_s, schedule.concurrencyLimit},
            {u"job"_s, QJsonObject{{u"method"_s, QString::fromLatin1(schedule.job.method)},
                                   {u"url"_s, schedule.job.url},
                                   {u"headers"_s, headers},
                                   {u"body"_s, QString::fromUtf8(schedule.job.body)},
                                   {u"retry_policy"_s, schedule.job.retryPolicy}}},
            {u"next_run"_s, nextRun},
            {u"lease_owner"_s, schedule.leaseOwner.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(schedule.leaseOwner)},
            {u"created_at"_s, rfc3339Utc(schedule.createdAtMs)},
            {u"updated_at"_s, rfc3339Utc(schedule.updatedAtMs)},
    };
}

QJsonObject runJson(const core::ScheduleRun &run)
{
    return QJsonObject{
            {u"id"_s, run.id},
            {u"schedule_id"_s, run.scheduleId},
            {u"scheduled_at"_s, rfc3339Utc(run.scheduledAtMs)},
            {u"trigger"_s, core::nameOf(run.trigger)},
            {u"state"_s, core::runStatusName(run)},
            {u"started_at"_s, rfc3339Utc(run.startedAtMs)},
            {u"finished_at"_s, optionalTime(run.finishedAtMs)},
            {u"job_count"_s, run.jobCount},
            {u"succeeded"_s, run.succeededCount},
            {u"failed"_s, run.failedCount},
            {u"skipped"_s, run.skippedCount},
            {u"cancelled"_s, run.cancelledCount},
            {u"skipped_firings"_s, run.skippedFirings},
            {u"worker_id"_s, run.workerId},
            {u"cancel_requested_at"_s, optionalTime(run.cancelRequestedAtMs)},
            {u"cancel_reason"_s, run.cancelReason},
    };
}

QJsonObject runJobJson(const core::ScheduleRunJob &job)
{
    return QJsonObject{
            {u"ordinal"_s, job.ordinal},
            {u"tenant_id"_s, optionalId(job.tenantId)},
            {u"connection_id"_s, optionalId(job.connectionId)},
            {u"tenant_name"_s, job.tenantName},
            {u"connection_provider"_s, job.connectionProviderId},
            {u"connection_label"_s, job.connectionLabel},
            {u"state"_s, core::runJobStatusName(job)},
            {u"delivery_id"_s, optionalId(job.deliveryId)},
            {u"outcome"_s, job.outcome},
            {u"not_before"_s, rfc3339Utc(job.notBeforeMs)},
            {u"released_at"_s, optionalTime(job.releasedAtMs)},
            {u"finished_at"_s, optionalTime(job.finishedAtMs)},
            {u"cancelled_at"_s, optionalTime(job.cancelledAtMs)},
    };
}

} // namespace wb::cli
