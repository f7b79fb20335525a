// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/util/result.h"

#include <QList>

#include <optional>

class QCommandLineOption;
class QCommandLineParser;

namespace wb::cli {

// The options that set a schedule's fields, for `schedules add` and `schedules edit`: --name
// (edit only), --url, --method, --header (repeat), --body | --body-file, --retry-policy,
// --provider, --tenants | --connections, --window, --concurrency, --missed. --expr and --tz are
// registered by SchedulesCommand (shared with `next`) and read here too.
QList<const QCommandLineOption *> scheduleFieldOptions();
const QCommandLineOption &scheduleNameOption();

// The schedule fields given on the command line, each parsed: what is not given stays unset. Built
// once on the main thread before the workspace is opened (the body file is read then), so a write
// job only applies it.
struct ScheduleOptions
{
    struct Target
    {
        core::ScheduleTargetKind kind = core::ScheduleTargetKind::Tenants;
        QList<qint64> ids; // empty: all
    };

    std::optional<QString> name;
    std::optional<QString> cronExpression;
    std::optional<QString> timeZoneId;
    std::optional<QString> url;
    std::optional<QByteArray> method; // upper case as given; HttpJobTemplate::validate() checks it
    std::optional<core::HttpHeaders> headers; // replaces all of the job's headers
    std::optional<QByteArray> body;           // --body as UTF-8, or the --body-file's bytes
    std::optional<QString> retryPolicy;
    std::optional<QString> providerId;
    std::optional<Target> target;
    std::optional<qint64> smoothingWindowMs;
    std::optional<int> concurrencyLimit;
    std::optional<core::MissedRunPolicy> missedRunPolicy;

    // True when no field is given.
    bool isEmpty() const;
    // Sets the given fields on `schedule`, leaves the others. Never fails: the values are checked
    // by ScheduleRepository::validate() when the schedule is stored.
    void applyTo(core::Schedule &schedule) const;
};

// Reads the schedule options from `parser`. Thread: the main thread (it reads --body-file).
// Errors naming the option and the value: `cli.invalid_header` (not "Name: value"),
// `cli.option_conflict` (--body with --body-file, --tenants with --connections),
// `cli.unreadable_file` (--body-file), `cli.invalid_id` (--tenants/--connections),
// `cli.invalid_duration` (--window), `cli.invalid_count` (--concurrency), `cli.invalid_policy`
// (--missed).
core::Result<ScheduleOptions> parseScheduleOptions(const QCommandLineParser &parser);

} // namespace wb::cli
