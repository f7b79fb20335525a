// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/duerun.h"
#include "core/schedule/jobtemplate.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wb::core {

// What a schedule fans out over.
enum class ScheduleTargetKind {
    Tenants, // "tenants": one job per tenant, sent with its connection to the schedule's provider
    Connections, // "connections": one job per connection
};
QString nameOf(ScheduleTargetKind kind);
std::optional<ScheduleTargetKind> scheduleTargetKindFromName(QStringView name);

// A stored schedule (table `schedules`, migration 7). Times are UTC milliseconds since the epoch.
struct Schedule
{
    qint64 id = 0;
    QString name;           // unique, 1–200 characters, no control characters
    QString cronExpression; // as written ("*/15 9-17 * * MON-FRI", "@daily"); CronExpression
    QString timeZoneId;     // IANA ("Europe/Berlin"); timeZoneFromId()
    HttpJobTemplate job;
    ScheduleTargetKind targetKind = ScheduleTargetKind::Tenants;
    // The chosen tenants or connections, ascending; empty: all of them (every tenant with a
    // connection to providerId, or every connection to providerId — or every connection at all
    // when providerId is empty).
    QList<qint64> targetIds;
    // The provider whose connection a tenant's job uses (required for Tenants targets, optional
    // filter for Connections targets).
    QString providerId;
    qint64 smoothingWindowMs = 0; // the fan-out spreads job starts over [0, window)
    int concurrencyLimit = 10;    // the run's jobs whose delivery is not final, at most
    MissedRunPolicy missedRunPolicy = MissedRunPolicy::RunOnce;
    bool enabled = true;
    // The scheduled instant of the latest firing run or skipped, or when the schedule was created
    // or last enabled: firings up to here are never considered again (decideDueRun's
    // lastScheduledMs).
    qint64 consideredThroughMs = 0;
    // The scheduler holding the schedule (running one of its runs), and until when (UTC ms).
    QString leaseOwner;
    std::optional<qint64> leaseExpiresAtMs;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool operator==(const Schedule &other) const = default;
};

// Why a run was started.
enum class RunTrigger {
    OnTime, // "on_time": the firing, within the on-time tolerance
    Late,   // "late": a missed firing, run once under MissedRunPolicy::RunOnce
    Manual, // "manual": run now (by a person); its scheduled instant is the moment asked
};
QString nameOf(RunTrigger trigger);
std::optional<RunTrigger> runTriggerFromName(QStringView name);

enum class RunState {
    Running,   // "running": jobs are waiting, queued or in flight
    Succeeded, // "succeeded": every job succeeded (or had nothing to send to: skipped)
    Partial,   // "partial": some jobs succeeded and some did not
    Failed,    // "failed": jobs were sent and none succeeded
};
QString nameOf(RunState state);
std::optional<RunState> runStateFromName(QStringView name);

// One run of a schedule (table `schedule_runs`), unique on (schedule, scheduled instant): RunKey.
struct ScheduleRun
{
    qint64 id = 0;
    qint64 scheduleId = 0;
    qint64 scheduledAtMs = 0; // the firing it stands for (RunKey::scheduledMs)
    RunTrigger trigger = RunTrigger::OnTime;
    RunState state = RunState::Running;
    qint64 startedAtMs = 0;
    std::optional<qint64> finishedAtMs;
    int jobCount = 0;
    int succeededCount = 0;
    int failedCount = 0; // failed or dead deliveries, and deliveries cancelled one by one
    int skippedCount = 0;
    int cancelledCount = 0; // jobs withdrawn by cancelling the run (cancelRun())
    // Firings before this one that got no run (MissedRunPolicy), counted up to
    // DueRun::maxCountedSkips.
    int skippedFirings = 0;
    QString workerId; // the scheduler that started it
    // Set when a person cancelled the run (cancelRun()): its jobs not yet sent were withdrawn; the
    // run stays Running until the jobs already in flight have finished (migration 10).
    std::optional<qint64> cancelRequestedAtMs;
    QString cancelReason;

    bool operator==(const ScheduleRun &other) const = default;
};

// What a run shows as its state: "cancelling" (cancelled, jobs still in flight), "cancelled"
// (cancelled and finished; state() is then Failed or Partial by its counts), else nameOf(state).
// Stable English for the CLI's JSON; the GUI translates it.
QString runStatusName(const ScheduleRun &run);

enum class RunJobState {
    Planned,   // "planned": waiting for its offset in the smoothing window and a free slot
    Queued,    // "queued": handed to the dispatch engine (delivery pending, in flight or retrying)
    Succeeded, // "succeeded"
    Failed,  // "failed": the delivery failed, was dead-lettered or cancelled (`outcome` says which)
    Skipped, // "skipped": nothing to send (no connection to the provider, template error)
};
QString nameOf(RunJobState state);
std::optional<RunJobState> runJobStateFromName(QStringView name);

// One tenant's (or connection's) job of a run (table `schedule_run_jobs`).
struct ScheduleRunJob
{
    qint64 id = 0;
    qint64 runId = 0;
    int ordinal = 0; // FanOutJob::ordinal
    std::optional<qint64> tenantId;
    std::optional<qint64> connectionId;
    qint64 notBeforeMs = 0; // the run's start + the fan-out offset (UTC ms)
    RunJobState state = RunJobState::Planned;
    std::optional<qint64> deliveryId; // the dispatch engine's delivery, once queued
    QString outcome; // the delivery's final state and reason, or why the job was skipped
    std::optional<qint64> releasedAtMs;
    std::optional<qint64> finishedAtMs;
    // Set when the job was withdrawn by cancelling its run (state Failed; outcome says why).
    std::optional<qint64> cancelledAtMs;
    // Read with the job (not stored on it): the tenant's display name and the connection's
    // provider and label, empty when the tenant or connection was removed since.
    QString tenantName;
    QString connectionProviderId;
    QString connectionLabel;

    bool operator==(const ScheduleRunJob &other) const = default;
};

// What a job shows as its state: "cancelled" for a job withdrawn by cancelling its run (stored
// Failed with cancelledAtMs), else nameOf(state). Stable English for the CLI's JSON; the GUI
// translates it.
QString runJobStatusName(const ScheduleRunJob &job);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::Schedule)
Q_DECLARE_METATYPE(wb::core::ScheduleRun)
Q_DECLARE_METATYPE(wb::core::ScheduleRunJob)
