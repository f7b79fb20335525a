// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordcommand.h"
#include "scheduleoptions.h"

#include "core/schedule/schedule.h"

namespace wb::cli {

// The workspace actions of `wirebench-cli schedules` (SchedulesCommand hands them over; `next`
// needs no workspace and stays there):
//   list                          every schedule with its next run (in its zone and UTC) and last run
//   add NAME --expr EXPR --url URL [--tz ZONE] [--method M] [--header "Name: value"]…
//       [--body TEXT | --body-file FILE] [--provider ID] [--tenants all|ID,…]
//       [--connections all|ID,…] [--window DURATION] [--concurrency N] [--missed run_once|skip]
//       [--retry-policy NAME] [--disabled]
//   edit ID [--name NAME] [any option of add]
//       changes only what the options name (--header replaces all headers); the runs are kept; a
//       new --expr or --tz recomputes the next run. Enabled stays as it is (enable/disable).
//   remove ID | enable ID | disable ID
//   run-now ID                    records a manual run now with its per-tenant jobs; a running
//                                 scheduler (wirebench-cli serve, the GUI) sends them
//   runs ID [--limit N] [--jobs]  the schedule's runs, newest first, with per-tenant jobs (named)
//   cancel-run RUN [--reason TEXT] cancels a running run: jobs not yet sent are withdrawn (their
//                                 deliveries cancelled), those in flight finish; exit 1 when the
//                                 run has finished already
// JSON shapes: schedulerecords.h. Errors and exit codes: output.h (2 for refused input naming the
// option and value — a bad cron expression names the field and column —, 3 for the workspace).
class SchedulesActions final : public RecordCommand
{
public:
    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    static void addActionOptions(QCommandLineParser &parser);

protected:
    QStringList actions() const override;
    int argumentCount(const QString &action) const override;
    // `add` may start a workspace: a schedule needs no other record (it fans out over whatever
    // tenants there are when it fires).
    bool createsWorkspace(const QString &action) const override;
    core::Result<void> checkArguments(const QString &action, const QStringList &arguments,
                                      const QCommandLineParser &parser) const override;
    void runAction(const QString &action, const QStringList &arguments,
                   const QCommandLineParser &parser) override;

private:
    void list();
    void add(const core::Schedule &schedule);
    void edit(qint64 scheduleId, const ScheduleOptions &given);
    void cancelRun(qint64 runId, const QString &reason);
    void remove(qint64 scheduleId);
    void setEnabled(qint64 scheduleId, bool enabled);
    void runNow(qint64 scheduleId);
    void runs(qint64 scheduleId, int limit, bool withJobs);

    // Set by checkArguments() for `add` and `edit` (the options parsed once, the body file read,
    // before the workspace is opened), used by runAction().
    mutable ScheduleOptions m_options;
    mutable core::Schedule m_newSchedule;
};

// Builds the schedule `add NAME` describes from the parsed options (the system's time zone unless
// --tz is given; `disabled`: --disabled). Errors `cli.option_conflict` (--name), `cli.missing_option`
// (--expr, --url), and those of ScheduleRepository::validate().
core::Result<core::Schedule> scheduleFromOptions(const QString &name, const ScheduleOptions &given,
                                                 bool disabled);

} // namespace wb::cli
