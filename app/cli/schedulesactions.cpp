// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulesactions.h"

#include "output.h"
#include "schedulerecords.h"

#include "core/schedule/runcancellation.h"
#include "core/schedule/runrepository.h"
#include "core/schedule/schedulerepository.h"
#include "core/schedule/scheduleservice.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

QCommandLineOption option(const QString &name, const QString &help, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

const QCommandLineOption &urlOption()
{
    static const auto o = option(u"url"_s, u"add: the job's URL template ({{tenant.id}}, …)."_s,
                                 u"url"_s);
    return o;
}
const QCommandLineOption &methodOption()
{
    static const auto o = option(u"method"_s, u"add: POST (default), PUT, PATCH or DELETE."_s,
                                 u"method"_s);
    return o;
}
const QCommandLineOption &headerOption()
{
    static const auto o = option(u"header"_s, u"add: a request header \"Name: value\" (repeat)."_s,
                                 u"header"_s);
    return o;
}
const QCommandLineOption &bodyOption()
{
    static const auto o = option(u"body"_s, u"add: the request body template."_s, u"text"_s);
    return o;
}
const QCommandLineOption &bodyFileOption()
{
    static const auto o = option(u"body-file"_s, u"add: read the body template from a file."_s,
                                 u"file"_s);
    return o;
}
const QCommandLineOption &providerOption()
{
    static const auto o
            = option(u"provider"_s,
                     u"add: the provider whose connection each tenant's job uses (for --tenants)."_s,
                     u"id"_s);
    return o;
}
const QCommandLineOption &tenantsOption()
{
    static const auto o = option(u"tenants"_s,
                                 u"add: target tenants, 'all' (default) or ids 1,2,3."_s, u"ids"_s);
    return o;
}
const QCommandLineOption &connectionsOption()
{
    static const auto o = option(u"connections"_s,
                                 u"add: target connections instead, 'all' or ids 4,5."_s, u"ids"_s);
    return o;
}
const QCommandLineOption &windowOption()
{
    static const auto o = option(u"window"_s,
                                 u"add: smoothing window such as 0, 500ms, 90s, 10m, 2h."_s,
                                 u"duration"_s);
    return o;
}
const QCommandLineOption &concurrencyOption()
{
    static const auto o = option(u"concurrency"_s, u"add: jobs of a run at once (default 10)."_s,
                                 u"n"_s);
    return o;
}
const QCommandLineOption &missedOption()
{
    static const auto o = option(u"missed"_s, u"add: missed firings: run_once (default) or skip."_s,
                                 u"policy"_s);
    return o;
}
const QCommandLineOption &retryPolicyOption()
{
    static const auto o = option(u"retry-policy"_s,
                                 u"add: the jobs' retry policy (default: the connection's)."_s,
                                 u"name"_s);
    return o;
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
const QCommandLineOption &renameOption()
{
    static const auto o = option(u"name"_s, u"edit: the schedule's new name."_s, u"name"_s);
    return o;
}
const QCommandLineOption &reasonOption()
{
    static const auto o = option(u"reason"_s, u"cancel-run: why (kept with the run)."_s, u"text"_s);
    return o;
}
// Shared with `next` (schedulescommand.cpp registers them).
const QCommandLineOption &exprOption()
{
    static const auto o = option(u"expr"_s, {}, u"expression"_s);
    return o;
}
const QCommandLineOption &tzOption()
{
    static const auto o = option(u"tz"_s, {}, u"zone"_s);
    return o;
}

core::Error cliError(const QString &code, const QString &message)
{
    return core::Error{code, message};
}

core::Result<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*(ms|s|m|h)?\\s*$"_s);
    const auto match = pattern.match(text);
    bool ok = false;
    const qint64 value = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    const QString unit = match.captured(2);
    if (!ok || (unit.isEmpty() && value != 0)) {
        return core::fail(cliError(u"cli.invalid_duration"_s,
                                   u"--window expects a duration such as 0, 500ms, 90s, 10m or "
                                   u"2h, got '%1'"_s.arg(text)));
    }
    const qint64 factor = unit == u"h"   ? 3'600'000
                          : unit == u"m" ? 60'000
                          : unit == u"s" ? 1000
                                         : 1;
    return value * factor;
}

core::Result<QList<qint64>> parseIds(const QString &text, const QString &optionName)
{
    if (text.trimmed() == u"all")
        return QList<qint64>();
    QList<qint64> ids;
    for (const QString &part : text.split(u',')) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id < 1) {
            return core::fail(
                    cliError(u"cli.invalid_id"_s,
                             u"--%1 expects 'all' or ids such as 1,2,3, got '%2'"_s.arg(optionName,
                                                                                        text)));
        }
        ids.append(id);
    }
    return ids;
}

// The options `edit` changes a schedule with.
QList<const QCommandLineOption *> editOptions()
{
    return {&renameOption(),      &exprOption(),    &tzOption(),          &urlOption(),
            &methodOption(),      &headerOption(),  &bodyOption(),        &bodyFileOption(),
            &providerOption(),    &tenantsOption(), &connectionsOption(), &windowOption(),
            &concurrencyOption(), &missedOption(),  &retryPolicyOption()};
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

namespace {

// The values of the options a schedule is built or edited from, copied out of the parser (which
// does not outlive the command's start, while an edit applies them in a later write job).
class GivenOptions
{
public:
    explicit GivenOptions(const QCommandLineParser &parser)
    {
        for (const QCommandLineOption *o : editOptions()) {
            if (parser.isSet(*o))
                m_values.insert(o->names().constFirst(), parser.values(*o));
        }
    }
    bool isSet(const QCommandLineOption &o) const
    {
        return m_values.contains(o.names().constFirst());
    }
    QStringList values(const QCommandLineOption &o) const
    {
        return m_values.value(o.names().constFirst());
    }
    QString value(const QCommandLineOption &o) const
    {
        const QStringList all = values(o);
        return all.isEmpty() ? QString() : all.constLast();
    }

private:
    QHash<QString, QStringList> m_values;
};

core::Result<void> applyScheduleOptions(core::Schedule &schedule, const GivenOptions &given)
{
    if (given.isSet(renameOption()))
        schedule.name = given.value(renameOption());
    if (given.isSet(exprOption()))
        schedule.cronExpression = given.value(exprOption());
    if (given.isSet(tzOption()))
        schedule.timeZoneId = given.value(tzOption());
    if (given.isSet(urlOption()))
        schedule.job.url = given.value(urlOption());
    if (given.isSet(methodOption()))
        schedule.job.method = given.value(methodOption()).toUpper().toLatin1();
    if (given.isSet(headerOption())) {
        schedule.job.headers = {};
        for (const QString &header : given.values(headerOption())) {
            const qsizetype colon = header.indexOf(u':');
            if (colon <= 0) {
                return core::fail(
                        cliError(u"cli.invalid_header"_s,
                                 u"--header expects \"Name: value\", got '%1'"_s.arg(header)));
            }
            schedule.job.headers.append(header.left(colon).trimmed().toLatin1(),
                                        header.mid(colon + 1).trimmed().toUtf8());
        }
    }
    if (given.isSet(bodyOption()) && given.isSet(bodyFileOption())) {
        return core::fail(
                cliError(u"cli.option_conflict"_s, u"give --body or --body-file, not both"_s));
    }
    if (given.isSet(bodyOption()))
        schedule.job.body = given.value(bodyOption()).toUtf8();
    if (given.isSet(bodyFileOption())) {
        QFile file(given.value(bodyFileOption()));
        if (!file.open(QIODevice::ReadOnly)) {
            return core::fail(
                    cliError(u"cli.unreadable_file"_s,
                             u"--body-file '%1' cannot be read: %2"_s.arg(file.fileName(),
                                                                          file.errorString())));
        }
        schedule.job.body = file.readAll();
    }
    if (given.isSet(retryPolicyOption()))
        schedule.job.retryPolicy = given.value(retryPolicyOption());
    if (given.isSet(providerOption()))
        schedule.providerId = given.value(providerOption());
    if (given.isSet(tenantsOption()) && given.isSet(connectionsOption())) {
        return core::fail(
                cliError(u"cli.option_conflict"_s, u"give --tenants or --connections, not both"_s));
    }
    if (given.isSet(connectionsOption())) {
        schedule.targetKind = core::ScheduleTargetKind::Connections;
        auto ids = parseIds(given.value(connectionsOption()), u"connections"_s);
        if (!ids)
            return core::fail(ids.error());
        schedule.targetIds = *ids;
    } else if (given.isSet(tenantsOption())) {
        schedule.targetKind = core::ScheduleTargetKind::Tenants;
        auto ids = parseIds(given.value(tenantsOption()), u"tenants"_s);
        if (!ids)
            return core::fail(ids.error());
        schedule.targetIds = *ids;
    }
    if (given.isSet(windowOption())) {
        auto window = parseDuration(given.value(windowOption()));
        if (!window)
            return core::fail(window.error());
        schedule.smoothingWindowMs = *window;
    }
    if (given.isSet(concurrencyOption())) {
        bool ok = false;
        schedule.concurrencyLimit = given.value(concurrencyOption()).toInt(&ok);
        if (!ok) {
            return core::fail(cliError(u"cli.invalid_count"_s,
                                       u"--concurrency expects a whole number, got '%1'"_s.arg(
                                               given.value(concurrencyOption()))));
        }
    }
    if (given.isSet(missedOption())) {
        const auto policy = core::missedRunPolicyFromName(given.value(missedOption()));
        if (!policy) {
            return core::fail(cliError(u"cli.invalid_policy"_s,
                                       u"--missed expects run_once or skip, got '%1'"_s.arg(
                                               given.value(missedOption()))));
        }
        schedule.missedRunPolicy = *policy;
    }
    return {};
}

} // namespace

core::Result<core::Schedule> scheduleFromOptions(const QString &name,
                                                 const QCommandLineParser &parser)
{
    core::Schedule schedule;
    schedule.name = name;
    if (parser.isSet(renameOption())) {
        return core::fail(cliError(u"cli.option_conflict"_s,
                                   u"add takes the name as its argument, not --name"_s));
    }
    if (!parser.isSet(exprOption()))
        return core::fail(cliError(u"cli.missing_option"_s, u"add needs --expr"_s));
    if (!parser.isSet(urlOption()))
        return core::fail(cliError(u"cli.missing_option"_s, u"add needs --url"_s));
    schedule.timeZoneId = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (auto applied = applyScheduleOptions(schedule, GivenOptions(parser)); !applied)
        return core::fail(applied.error());
    schedule.enabled = !parser.isSet(disabledOption());
    if (auto valid = core::ScheduleRepository::validate(schedule); !valid)
        return core::fail(valid.error());
    return schedule;
}

namespace {

core::Result<void> checkEditOptions(const QCommandLineParser &parser)
{
    if (parser.isSet(disabledOption())) {
        return core::fail(cliError(u"cli.option_conflict"_s,
                                   u"edit does not take --disabled: use 'schedules enable ID' or "
                                   u"'schedules disable ID'"_s));
    }
    bool changes = false;
    for (const QCommandLineOption *o : editOptions())
        changes = changes || parser.isSet(*o);
    if (!changes) {
        return core::fail(cliError(u"cli.missing_option"_s,
                                   u"edit needs at least one option to change, such as --expr, "
                                   u"--tz, --url or --name"_s));
    }
    // The options' own syntax, before the workspace is opened: applied to a valid stand-in, the
    // values must pass; the stored schedule is checked again with them in the write job.
    core::Schedule standIn;
    standIn.name = u"stand-in"_s;
    standIn.cronExpression = u"0 0 * * *"_s;
    standIn.timeZoneId = u"UTC"_s;
    standIn.job.url = u"https://example.com/"_s;
    standIn.providerId = u"generic"_s;
    if (auto applied = applyScheduleOptions(standIn, GivenOptions(parser)); !applied)
        return core::fail(applied.error());
    return core::ScheduleRepository::validate(standIn);
}

} // namespace

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
    for (const QCommandLineOption *o :
         {&urlOption(), &methodOption(), &headerOption(), &bodyOption(), &bodyFileOption(),
          &providerOption(), &tenantsOption(), &connectionsOption(), &windowOption(),
          &concurrencyOption(), &missedOption(), &retryPolicyOption(), &disabledOption(),
          &limitOption(), &jobsOption(), &renameOption(), &reasonOption()}) {
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
    if (action == u"add") {
        if (auto schedule = scheduleFromOptions(arguments.first(), parser); !schedule)
            return core::fail(schedule.error());
        return {};
    }
    if (action != u"list") {
        if (auto id = parseId(arguments.first(),
                              action == u"cancel-run" ? u"the run id"_s : u"the schedule id"_s);
            !id) {
            return core::fail(id.error());
        }
    }
    if (action == u"edit")
        return checkEditOptions(parser);
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
        return add(*scheduleFromOptions(arguments.first(), parser));
    const qint64 id = *parseId(arguments.first(), {});
    if (action == u"edit")
        edit(id, parser);
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

void SchedulesActions::edit(qint64 scheduleId, const QCommandLineParser &parser)
{
    // Read, change what the options name, store: one write job, so nothing changes in between.
    // The option values are copied: the parser is gone when the job runs.
    auto edited = store().write([scheduleId, given = GivenOptions(parser)](
                                        core::SqlSession &session) -> core::Result<core::Schedule> {
        auto current = core::ScheduleRepository::get(session, scheduleId);
        if (!current)
            return core::fail(current.error());
        core::Schedule schedule = *current;
        if (auto applied = applyScheduleOptions(schedule, given); !applied)
            return core::fail(applied.error());
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
                table.append({QString::number(job.ordinal), named(job.tenantId, job.tenantName),
                              named(job.connectionId, connection),
                              job.cancelledAtMs ? u"cancelled"_s : core::nameOf(job.state),
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
