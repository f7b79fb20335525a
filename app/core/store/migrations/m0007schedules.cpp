// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 7: schedules, their runs and each run's per-tenant jobs (core/schedule).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0007Schedules()
{
    Migration migration;
    migration.version = 7;
    migration.description = u"schedules, runs and run jobs"_s;
    migration.statements = {
            // job_headers: "Name: value\r\n" lines (like deliveries.headers); target_ids: the
            // chosen ids, comma-separated ascending, '' for all. considered_through_ms: firings
            // up to here were run or skipped (see core/schedule/schedule.h). lease_*: the
            // scheduler running one of its runs ('' / NULL: free).
            uR"sql(
CREATE TABLE schedules (
    id {{pk}},
    name TEXT NOT NULL,
    cron_expression TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    job_method TEXT NOT NULL,
    job_url TEXT NOT NULL,
    job_headers {{blob}} NOT NULL,
    job_body {{blob}} NOT NULL,
    job_retry_policy TEXT NOT NULL DEFAULT '',
    target_kind TEXT NOT NULL CHECK (target_kind IN ('tenants', 'connections')),
    target_ids TEXT NOT NULL DEFAULT '',
    provider_id TEXT NOT NULL DEFAULT '',
    smoothing_window_ms {{int64}} NOT NULL CHECK (smoothing_window_ms >= 0),
    concurrency_limit {{int64}} NOT NULL CHECK (concurrency_limit >= 1),
    missed_run_policy TEXT NOT NULL CHECK (missed_run_policy IN ('run_once', 'skip')),
    enabled {{int64}} NOT NULL CHECK (enabled IN (0, 1)),
    considered_through_ms {{ms}} NOT NULL,
    lease_owner TEXT NOT NULL DEFAULT '',
    lease_expires_at_ms {{ms}},
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL
))sql"_s,
            u"CREATE UNIQUE INDEX schedules_name ON schedules (name)"_s,
            // One run per (schedule, scheduled instant): a restart never runs a firing twice.
            uR"sql(
CREATE TABLE schedule_runs (
    id {{pk}},
    schedule_id {{int64}} NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_at_ms {{ms}} NOT NULL,
    run_trigger TEXT NOT NULL CHECK (run_trigger IN ('on_time', 'late', 'manual')),
    state TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'partial', 'failed')),
    started_at_ms {{ms}} NOT NULL,
    finished_at_ms {{ms}},
    job_count {{int64}} NOT NULL DEFAULT 0,
    succeeded_count {{int64}} NOT NULL DEFAULT 0,
    failed_count {{int64}} NOT NULL DEFAULT 0,
    skipped_count {{int64}} NOT NULL DEFAULT 0,
    skipped_firings {{int64}} NOT NULL DEFAULT 0,
    worker_id TEXT NOT NULL DEFAULT ''
))sql"_s,
            u"CREATE UNIQUE INDEX schedule_runs_key ON schedule_runs (schedule_id, "
            "scheduled_at_ms)"_s,
            u"CREATE INDEX schedule_runs_running ON schedule_runs (state) WHERE state = "
            "'running'"_s,
            // delivery_id: the dispatch engine's delivery (no REFERENCES: the job keeps the
            // number when a delivery is removed).
            uR"sql(
CREATE TABLE schedule_run_jobs (
    id {{pk}},
    run_id {{int64}} NOT NULL REFERENCES schedule_runs (id) ON DELETE CASCADE,
    ordinal {{int64}} NOT NULL,
    tenant_id {{int64}},
    connection_id {{int64}},
    not_before_ms {{ms}} NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'queued', 'succeeded', 'failed',
        'skipped')),
    delivery_id {{int64}},
    outcome TEXT NOT NULL DEFAULT '',
    released_at_ms {{ms}},
    finished_at_ms {{ms}}
))sql"_s,
            u"CREATE UNIQUE INDEX schedule_run_jobs_ordinal ON schedule_run_jobs (run_id, "
            "ordinal)"_s,
            u"CREATE INDEX schedule_run_jobs_state ON schedule_run_jobs (run_id, state)"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
