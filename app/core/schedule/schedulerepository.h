// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

namespace wb::core {

// Schedules, runs and run jobs in portable SQL (tables `schedules`, `schedule_runs`,
// `schedule_run_jobs`, migration 7). Functions that change data need a write session (inside a
// Store write job); readers work on any session. Scheduler and the CLI wrap them in jobs.
class ScheduleRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ScheduleRepository)

public:
    // Checks a schedule before it is stored; the first refusal is returned, its code naming the
    // field (an editor marks the field by the code) and its message the field and the value:
    //  - `schedule.invalid_name`: empty, over 200 characters or with control characters;
    //  - the cron expression's own `cron.*` (naming the cron field, its text and column:
    //    CronSyntaxError::message());
    //  - `schedule.unknown_time_zone` (timeZoneFromId());
    //  - `schedule.missing_provider`: a Tenants target without a provider;
    //  - `schedule.invalid_target`: a target id not positive or listed twice;
    //  - `schedule.invalid_window`: the smoothing window outside 0 to 24 h;
    //  - `schedule.invalid_concurrency`: the concurrency limit outside 1 to 1,000;
    //  - the job's `schedule.invalid_job_method`, `_url`, `_header` or `_body`
    //    (HttpJobTemplate::validate()).
    static Result<void> validate(const Schedule &schedule);

    // Stores a new schedule (id and times set; consideredThroughMs = now, so firings before its
    // creation are not "missed"; no lease). Errors: validate()'s, `schedule.duplicate_name`,
    // `schedule.unknown_tenant` / `schedule.unknown_connection` for a chosen target that does not
    // exist.
    static Result<Schedule> add(SqlSession &session, const Schedule &schedule);
    // Changes the stored schedule `schedule.id` to `schedule`: name, expression, zone, job,
    // targets, provider, smoothing window, concurrency limit and missed-run policy. Kept: enabled
    // (setEnabled()), the lease, createdAtMs and every run with its jobs. A changed expression or
    // zone starts afresh as enabling does (consideredThroughMs = now): the next run is the new
    // expression's next firing, and its firings that already passed are not missed runs. A run
    // still running releases its remaining jobs with the edited job and limit.
    // Errors (nothing is changed): validate()'s, `schedule.unknown_schedule`,
    // `schedule.duplicate_name` (another schedule has the name), `schedule.unknown_tenant` /
    // `schedule.unknown_connection`.
    static Result<Schedule> update(SqlSession &session, const Schedule &schedule);
    // Enables or disables. Enabling sets consideredThroughMs to now: the firings that passed while
    // it was disabled are not missed runs. Error `schedule.unknown_schedule`.
    static Result<Schedule> setEnabled(SqlSession &session, qint64 scheduleId, bool enabled);
    // Removes the schedule with its runs and their jobs (deliveries already queued stay in the
    // dispatch engine). Error `schedule.unknown_schedule`.
    static Result<void> remove(SqlSession &session, qint64 scheduleId);

    // Error `schedule.unknown_schedule`.
    static Result<Schedule> get(SqlSession &session, qint64 scheduleId);
    // Ordered by name.
    static Result<QList<Schedule>> list(SqlSession &session);

    // A schedule's runs, newest scheduled instant first, at most `limit`.
    static Result<QList<ScheduleRun>> runs(SqlSession &session, qint64 scheduleId, int limit);
    // Error `schedule.unknown_run`.
    static Result<ScheduleRun> run(SqlSession &session, qint64 runId);
    // Runs in state running (of any schedule), oldest first.
    static Result<QList<ScheduleRun>> runningRuns(SqlSession &session);
    // A run's jobs in plan order, with their tenant's and connection's names.
    static Result<QList<ScheduleRunJob>> jobs(SqlSession &session, qint64 runId);
    // One page of a run's jobs in plan order: at most `limit` with an ordinal above
    // `afterOrdinal` (-1 for the first page; then the last ordinal of the page before). Indexed
    // by (run_id, ordinal).
    static Result<QList<ScheduleRunJob>> jobPage(SqlSession &session, qint64 runId,
                                                 int afterOrdinal, int limit);

    static Error unknownSchedule(qint64 scheduleId);

    // Row readers shared with RunRepository.
    static const QString &runColumns();
    static ScheduleRun runFromRow(const QSqlQuery &query);
};

} // namespace wb::core
