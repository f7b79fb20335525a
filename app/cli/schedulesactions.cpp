// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulesactions.h"

#include "output.h"
#include "schedulerecords.h"
#include "tenantnames.h"

#include "core/schedule/runcancellation.h"
#include "core/schedule/runrepository.h"
#include "core/schedule/schedulerepository.h"
#include "core/schedule/scheduleservice.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

QCommandLineOption option(const QString &name, const QString &help, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

const QCommandLineOption &disabledOption()
{
    static const auto o = option(u"disabled"_s, u"add: store it disabled."_s);
    return o;
}
const QCommandLineOption &limitOption()
{
    static const auto o = option(u"limit"_s, u"runs: how many runs (default 20)."_s, u"n"_s);
    return o;
}
const QCommandLineOption &jobsOption()
{
    static const auto o = option(u"jobs"_s, u"runs: include each run's per-tenant jobs."_s);
    return o;
}
const QCommandLineOption &reasonOption()
{
    static const auto o = option(u"reason"_s, u"cancel-run: why (kept with the run)."_s, u"text"_s);
    return o;
}

core::Error cliError(const QString &code, const QString &message)
{
    return core::Error{code, message};
}

QString localAndUtc(const std::optional<core::CronFiring> &next)
{
    if (!next)
        return u"-"_s;
    return next->localText() + u" ("_s
           + QDateTime::fromMSecsSinceEpoch(next->instantMs, Qt::UTC).toString(u"HH:mm'Z'"_s)
           + u')';
}

} // namespace

core::Result<core::Schedule> scheduleFromOptions(const QString &name, const ScheduleOptions &given,
                                                 bool disabled)
{
    if (given.name) {
        return core::fail(cliError(u"cli.option_conflict"_s,
                                   u"add takes the name as its argument, not --name"_s));
    }
    if (!given.cronExpression)
        return core::fail(cliError(u"cli.missing_option"_s, u"add needs --expr"_s));
    if (!given.url)
        return core::fail(cliError(u"cli.missing_option"_s, u"add needs --url"_s));
    core::Schedule schedule;
    schedule.name = name;
    schedule.timeZoneId = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    given.applyTo(schedule);
    schedule.enabled = !disabled;
    if (auto valid = core::ScheduleRepository::validate(schedule); !valid)
        return core::fail(valid.error());
    return schedule;
}

QString SchedulesActions::name() const
{
    return u"schedules"_s;
}

QString SchedulesActions::summary() const
{
    return {};
}

void SchedulesActions::addOptions(QCommandLineParser &parser) const
{
    addActionOptions(parser);
}

void SchedulesActions::addActionOptions(QCommandLineParser &parser)
{
    for (const QCommandLineOption *o : scheduleFieldOptions())
        parser.addOption(*o);
    for (const QCommandLineOption *o :
         {&disabledOption(), &limitOption(), &jobsOption(), &reasonOption()}) {
        parser.addOption(*o);
    }
}

QStringList SchedulesActions::actions() const
{
    // "next" is SchedulesCommand's (no workspace); listed here for the error messages.
    return {u"list"_s,    u"add"_s,     u"edit"_s, u"remove"_s,     u"enable"_s,
            u"disable"_s, u"run-now"_s, u"runs"_s, u"cancel-run"_s, u"next"_s};
}

bool SchedulesActions::createsWorkspace(const QString &action) const
{
    return action == u"add";
}

int SchedulesActions::argumentCount(const QString &action) const
{
    return action == u"list" || action == u"next" ? 0 : 1;
}

core::Result<void> SchedulesActions::checkArguments(const QString &action,
                                                    const QStringList &arguments,
                                                    const QCommandLineParser &parser) const
{
    if (action != u"list" && action != u"add") {
        if (auto id = parseId(arguments.first(),
                              action == u"cancel-run" ? u"the run id"_s : u"the schedule id"_s);
            !id) {
            return core::fail(id.error());
        }
    }
    if (action == u"add" || action == u"edit") {
        // Parsed once, here, before the workspace is opened; runAction() uses what is kept.
        auto given = parseScheduleOptions(parser);
        if (!given)
            return core::fail(given.error());
        m_options = *given;
    }
    if (action == u"add") {
        auto schedule = scheduleFromOptions(arguments.first(), m_options,
                                            parser.isSet(disabledOption()));
        if (!schedule)
            return core::fail(schedule.error());
        m_newSchedule = *schedule;
    }
    if (action == u"edit") {
        if (parser.isSet(disabledOption())) {
            return core::fail(cliError(u"cli.option_conflict"_s,
                                       u"edit does not take --disabled: use 'schedules enable ID' "
                                       u"or 'schedules disable ID'"_s));
        }
        if (m_options.isEmpty()) {
            return core::fail(cliError(u"cli.missing_option"_s,
                                       u"edit needs at least one option to change, such as "
                                       u"--expr, --tz, --url or --name"_s));
        }
    }
    if (action == u"runs" && parser.isSet(limitOption())) {
        bool ok = false;
        const int limit = parser.value(limitOption()).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000) {
            return core::fail(
                    cliError(u"cli.invalid_count"_s,
                             u"--limit expects a whole number from 1 to 1000, got '%1'"_s.arg(
                                     parser.value(limitOption()))));
        }
    }
    return {};
}

void SchedulesActions::runAction(const QString &action, const QStringList &arguments,
                                 const QCommandLineParser &parser)
{
    if (action == u"list")
        return list();
    if (action == u"add")
        return add(m_newSchedule);
    const qint64 id = *parseId(arguments.first(), {});
    if (action == u"edit")
        edit(id, m_options);
    else if (action == u"cancel-run")
        cancelRun(id, parser.value(reasonOption()));
    else if (action == u"remove")
        remove(id);
    else if (action == u"enable" || action == u"disable")
        setEnabled(id, action == u"enable");
    else if (action == u"run-now")
        runNow(id);
    else
        runs(id, parser.isSet(limitOption()) ? parser.value(limitOption()).toInt() : 20,
             parser.isSet(jobsOption()));
}

void SchedulesActions::list()
{
    struct Row
    {
        core::Schedule schedule;
        std::optional<core::ScheduleRun> lastRun;
    };
    auto rows = store().read([](core::SqlSession &session) -> core::Result<QList<Row>> {
        auto schedules = core::ScheduleRepository::list(session);
        if (!schedules)
            return core::fail(schedules.error());
        QList<Row> rows;
        for (const core::Schedule &schedule : *schedules) {
            auto runs = core::ScheduleRepository::runs(session, schedule.id, 1);
            if (!runs)
                return core::fail(runs.error());
            rows.append({schedule, runs->isEmpty() ? std::nullopt : std::optional(runs->first())});
        }
        return rows;
    });
    session().whenDone(rows, [this](const core::Result<QList<Row>> &rows) {
        if (!rows)
            return fail(rows.error());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (json()) {
            QJsonArray array;
            for (const Row &row : *rows) {
                QJsonObject object = scheduleJson(row.schedule, nextFiring(row.schedule, now));
                object.insert(u"last_run"_s, row.lastRun ? QJsonValue(runJson(*row.lastRun))
                                                         : QJsonValue(QJsonValue::Null));
                array.append(object);
            }
            writeJson(out(), array);
            return finish();
        }
        if (rows->isEmpty()) {
            out() << "No schedules. Add one with 'wirebench-cli schedules add NAME --expr EXPR "
                     "--url URL'.\n";
            return finish();
        }
        QList<QStringList> table;
        for (const Row &row : *rows) {
            const auto next = row.schedule.enabled ? nextFiring(row.schedule, now) : std::nullopt;
            table.append({QString::number(row.schedule.id), row.schedule.name,
                          row.schedule.cronExpression, row.schedule.timeZoneId,
                          row.schedule.enabled ? u"yes"_s : u"no"_s, localAndUtc(next),
                          row.lastRun ? core::runStatusName(*row.lastRun) : u"-"_s});
        }
        writeTable(out(),
                   {u"id"_s, u"name"_s, u"expression"_s, u"zone"_s, u"enabled"_s, u"next run"_s,
                    u"last run"_s},
                   table);
        finish();
    });
}

void SchedulesActions::add(const core::Schedule &schedule)
{
    session().whenDone(store().write([schedule](core::SqlSession &session) {
        return core::ScheduleRepository::add(session, schedule);
    }),
                       [this](const core::Result<core::Schedule> &added) {
                           if (!added)
                               return fail(added.error());
                           const auto next = nextFiring(*added, added->createdAtMs);
                           if (json()) {
                               writeJson(out(), scheduleJson(*added, next));
                           } else {
                               out() << "Added schedule " << added->id << " \"" << added->name
                                     << "\"; next run " << localAndUtc(next) << ".\n";
                           }
                           finish();
                       });
}

void SchedulesActions::edit(qint64 scheduleId, const ScheduleOptions &given)
{
    // Read, change what the options name, store: one write job, so nothing changes in between.
    auto edited = store().write(
            [scheduleId, given](core::SqlSession &session) -> core::Result<core::Schedule> {
                auto current = core::ScheduleRepository::get(session, scheduleId);
                if (!current)
                    return core::fail(current.error());
                core::Schedule schedule = *current;
                given.applyTo(schedule);
                return core::ScheduleRepository::update(session, schedule);
            });
    session().whenDone(edited, [this](const core::Result<core::Schedule> &changed) {
        if (!changed)
            return fail(changed.error());
        const auto next = changed->enabled ? nextFiring(*changed, changed->updatedAtMs)
                                           : std::nullopt;
        if (json()) {
            writeJson(out(), scheduleJson(*changed, next));
        } else {
            out() << "Changed schedule " << changed->id << " \"" << changed->name << "\"";
            if (changed->enabled)
                out() << "; next run " << localAndUtc(next);
            out() << ".\n";
        }
        finish();
    });
}

void SchedulesActions::cancelRun(qint64 runId, const QString &reason)
{
    auto cancelled = store().write([runId, reason](core::SqlSession &session) {
        return core::RunCancellation::cancel(session, runId, reason);
    });
    session().whenDone(cancelled, [this](const core::Result<core::CancelledRun> &result) {
        if (!result && result.error().code == u"schedule.run_not_running")
            return fail(result.error(), ExitNegative);
        if (!result)
            return fail(result.error());
        if (json()) {
            QJsonArray deliveries;
            for (qint64 id : result->cancelledDeliveries)
                deliveries.append(id);
            QJsonObject object = runJson(result->run);
            object.insert(u"withdrawn_jobs"_s, result->withdrawnJobs);
            object.insert(u"in_flight"_s, result->inFlight);
            object.insert(u"cancelled_deliveries"_s, deliveries);
            writeJson(out(), object);
        } else {
            const core::ScheduleRun &run = result->run;
            out() << "Cancelled run " << run.id << " of schedule " << run.scheduleId << ": "
                  << result->withdrawnJobs << " job(s) withdrawn before sending, "
                  << result->inFlight << " in flight";
            if (result->inFlight > 0)
                out() << " (they finish; the run ends when they have)";
            out() << ". " << run.succeededCount << " succeeded, " << run.failedCount << " failed, "
                  << run.cancelledCount << " cancelled, " << run.skippedCount << " skipped of "
                  << run.jobCount << ".\n";
        }
        finish();
    });
}

void SchedulesActions::remove(qint64 scheduleId)
{
    session().whenDone(store().write([scheduleId](core::SqlSession &session) {
        return core::ScheduleRepository::remove(session, scheduleId);
    }),
                       [this, scheduleId](const core::Result<void> &removed) {
                           if (!removed)
                               return fail(removed.error());
                           if (json()) {
                               writeJson(out(),
                                         QJsonObject{{u"removed"_s, QJsonObject{{u"schedule_id"_s,
                                                                                 scheduleId}}}});
                           } else {
                               out() << "Removed schedule " << scheduleId << ".\n";
                           }
                           finish();
                       });
}

void SchedulesActions::setEnabled(qint64 scheduleId, bool enabled)
{
    session().whenDone(store().write([scheduleId, enabled](core::SqlSession &session) {
        return core::ScheduleRepository::setEnabled(session, scheduleId, enabled);
    }),
                       [this](const core::Result<core::Schedule> &changed) {
                           if (!changed)
                               return fail(changed.error());
                           const auto next = nextFiring(*changed, changed->updatedAtMs);
                           if (json()) {
                               writeJson(out(), scheduleJson(*changed, next));
                           } else {
                               out() << (changed->enabled ? "Enabled" : "Disabled") << " schedule "
                                     << changed->id << " \"" << changed->name << "\"";
                               if (changed->enabled)
                                   out() << "; next run " << localAndUtc(next);
                               out() << ".\n";
                           }
                           finish();
                       });
}

void SchedulesActions::runNow(qint64 scheduleId)
{
    // Recorded here, sent by a running scheduler: the lease is given back in the same
    // transaction, so wirebench-cli serve (or the GUI) adopts the run at its next look.
    const QString workerId = u"wirebench-cli:%1"_s.arg(QCoreApplication::applicationPid());
    auto started = store().write([scheduleId, workerId](core::SqlSession &session) {
        return core::startManualRun(session, scheduleId, workerId, 60'000, false);
    });
    session().whenDone(started, [this](const core::Result<core::ScheduleRun> &run) {
        if (!run && run.error().code == u"schedule.already_running")
            return fail(run.error(), ExitNegative);
        if (!run)
            return fail(run.error());
        if (json()) {
            writeJson(out(), runJson(*run));
        } else {
            out() << "Started run " << run->id << " of schedule " << run->scheduleId << ": "
                  << (run->jobCount - run->skippedCount) << " job(s) planned, " << run->skippedCount
                  << " skipped. A running scheduler (wirebench-cli serve or the GUI) sends them; "
                     "follow it with 'wirebench-cli schedules runs "
                  << run->scheduleId << " --jobs'.\n";
        }
        finish();
    });
}

void SchedulesActions::runs(qint64 scheduleId, int limit, bool withJobs)
{
    struct RunWithJobs
    {
        core::ScheduleRun run;
        QList<core::ScheduleRunJob> jobs;
    };
    auto read = store().read([scheduleId, limit, withJobs](
                                     core::SqlSession &session) -> core::Result<QList<RunWithJobs>> {
        if (auto schedule = core::ScheduleRepository::get(session, scheduleId); !schedule)
            return core::fail(schedule.error());
        auto runs = core::ScheduleRepository::runs(session, scheduleId, limit);
        if (!runs)
            return core::fail(runs.error());
        QList<RunWithJobs> result;
        for (const core::ScheduleRun &run : *runs) {
            RunWithJobs item{run, {}};
            if (withJobs) {
                auto jobs = core::ScheduleRepository::jobs(session, run.id);
                if (!jobs)
                    return core::fail(jobs.error());
                item.jobs = *jobs;
            }
            result.append(item);
        }
        return result;
    });
    session().whenDone(read, [this, withJobs](const core::Result<QList<RunWithJobs>> &runs) {
        if (!runs)
            return fail(runs.error());
        if (json()) {
            QJsonArray array;
            for (const RunWithJobs &item : *runs) {
                QJsonObject object = runJson(item.run);
                if (withJobs) {
                    QJsonArray jobs;
                    for (const core::ScheduleRunJob &job : item.jobs)
                        jobs.append(runJobJson(job));
                    object.insert(u"jobs"_s, jobs);
                }
                array.append(object);
            }
            writeJson(out(), array);
            return finish();
        }
        if (runs->isEmpty()) {
            out() << "No runs yet.\n";
            return finish();
        }
        for (const RunWithJobs &item : *runs) {
            const core::ScheduleRun &run = item.run;
            out() << "run " << run.id << "  " << rfc3339Utc(run.scheduledAtMs) << "  "
                  << core::nameOf(run.trigger) << "  " << core::runStatusName(run) << "  "
                  << run.succeededCount << " succeeded, " << run.failedCount << " failed, ";
            if (run.cancelledCount > 0)
                out() << run.cancelledCount << " cancelled, ";
            out() << run.skippedCount << " skipped of " << run.jobCount << "\n";
            if (!withJobs)
                continue;
            QList<QStringList> table;
            for (const core::ScheduleRunJob &job : item.jobs) {
                const auto id = [](const std::optional<qint64> &v) {
                    return v ? QString::number(*v) : u"-"_s;
                };
                const auto named = [&id](const std::optional<qint64> &v, const QString &name) {
                    return name.isEmpty() ? id(v) : u"%1 (%2)"_s.arg(name, id(v));
                };
                const QString connection = job.connectionLabel.isEmpty()
                                                   ? job.connectionProviderId
                                                   : job.connectionProviderId + u' '
                                                             + job.connectionLabel;
                table.append({QString::number(job.ordinal),
                              tenantLabel(job.tenantName, job.tenantId),
                              named(job.connectionId, connection), core::runJobStatusName(job),
                              id(job.deliveryId), job.outcome});
            }
            writeTable(out(),
                       {u"  job"_s, u"tenant"_s, u"connection"_s, u"state"_s, u"delivery"_s,
                        u"outcome"_s},
                       table);
        }
        finish();
    });
}

} // namespace wb::cli
