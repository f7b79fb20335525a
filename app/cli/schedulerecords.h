// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/croncalendar.h"
#include "core/schedule/schedule.h"

#include <QJsonObject>

#include <optional>

namespace wb::cli {

// The JSON shapes of schedules and runs in wirebench-cli's output (conventions in output.h:
// snake_case, RFC 3339 UTC with milliseconds, durations in ms). Field names are stable.

// {"id", "name", "expression", "time_zone", "enabled", "missed_run_policy" ("run_once"|"skip"),
//  "target": {"kind" ("tenants"|"connections"), "ids" ([] = all), "provider"},
//  "smoothing_window_ms", "concurrency_limit",
//  "job": {"method", "url", "headers": ["Name: value", …], "body", "retry_policy"},
//  "next_run": {"utc", "local", "shifted", "repeated_local_time"} (null when it never fires or is
//  disabled), "lease_owner" (null when free), "created_at", "updated_at"}
QJsonObject scheduleJson(const core::Schedule &schedule,
                         const std::optional<core::CronFiring> &next);

// {"id", "schedule_id", "scheduled_at", "trigger" ("on_time"|"late"|"manual"),
//  "state" ("running"|"succeeded"|"partial"|"failed"|"cancelling"|"cancelled":
//  core::runStatusName), "started_at", "finished_at" (null), "job_count", "succeeded", "failed",
//  "skipped", "cancelled", "skipped_firings", "worker_id", "cancel_requested_at" (null),
//  "cancel_reason"}
QJsonObject runJson(const core::ScheduleRun &run);

// {"ordinal", "tenant_id" (null), "connection_id" (null), "tenant_name", "connection_provider",
//  "connection_label" ("" when removed or none), "state"
//  ("planned"|"queued"|"succeeded"|"failed"|"skipped"|"cancelled": withdrawn by cancelling the
//  run, core::runJobStatusName), "delivery_id" (null), "outcome", "not_before", "released_at" (null), "finished_at"
//  (null), "cancelled_at" (null)}
QJsonObject runJobJson(const core::ScheduleRunJob &job);

// The local RFC 3339 text with milliseconds: "2024-03-10T03:00:00.000-04:00".
QString rfc3339Local(const core::CronFiring &firing);

// The schedule's next firing after `afterMs` (UTC ms), or none when its expression or zone cannot
// be read.
std::optional<core::CronFiring> nextFiring(const core::Schedule &schedule, qint64 afterMs);

} // namespace wb::cli
