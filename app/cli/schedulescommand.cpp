// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulescommand.h"

#include "output.h"
#include "schedulerecords.h"

#include "core/schedule/croncalendar.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

constexpr int maxCount = 1000;

const QCommandLineOption &exprOption()
{
    static const QCommandLineOption
            option(u"expr"_s, u"Cron expression: five fields or a macro such as @daily."_s,
                   u"expression"_s);
    return option;
}

const QCommandLineOption &tzOption()
{
    static const QCommandLineOption
            option(u"tz"_s, u"IANA time zone of the schedule (default: the system's)."_s, u"zone"_s);
    return option;
}

const QCommandLineOption &countOption()
{
    static const QCommandLineOption option(u"count"_s,
                                           u"How many firings to print (1-%1, default 10)."_s.arg(
                                                   maxCount),
                                           u"n"_s, u"10"_s);
    return option;
}

const QCommandLineOption &afterOption()
{
    static const QCommandLineOption
            option(u"after"_s,
                   u"Print firings strictly after this RFC 3339 instant (default: now)."_s,
                   u"instant"_s);
    return option;
}

const QString commandName = u"schedules next"_s;

} // namespace

QString SchedulesCommand::name() const
{
    return u"schedules"_s;
}

QString SchedulesCommand::summary() const
{
    return u"Schedules: list, add, edit, remove, enable, disable, run-now, runs, cancel-run; "
           u"'next' prints a cron expression's next firings."_s;
}

void SchedulesCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s,
                                 u"list | add NAME | edit ID | remove ID | enable ID | disable ID "
                                 u"| run-now ID | runs ID | cancel-run RUN | next (the next "
                                 u"firings of --expr)"_s,
                                 u"<action> [argument]"_s);
    parser.addOption(exprOption());
    parser.addOption(tzOption());
    parser.addOption(countOption());
    parser.addOption(afterOption());
    parser.addOption(jsonOption());
    SchedulesActions::addActionOptions(parser);
}

std::optional<int> SchedulesCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList actions = parser.positionalArguments();
    if (!actions.isEmpty() && actions.first() == u"next") {
        if (actions.size() == 1)
            return runNext(parser, context);
        return reportError(context.err, parser.isSet(jsonOption()) ? &context.out : nullptr,
                           commandName,
                           core::Error{u"cli.wrong_arguments"_s,
                                       u"expects no argument after 'next', got %1 (see --help)"_s
                                               .arg(actions.size() - 1)},
                           ExitUsage);
    }
    // The workspace actions (and the errors for a missing or unknown action, which list them).
    return m_actions.run(parser, context);
}

int SchedulesCommand::runNext(const QCommandLineParser &parser, CommandContext &context) const
{
    QTextStream *jsonOut = parser.isSet(jsonOption()) ? &context.out : nullptr;
    if (!parser.isSet(exprOption())) {
        return reportError(context.err, jsonOut, commandName,
                           core::Error{u"cli.missing_option"_s, u"--expr is required"_s},
                           ExitUsage);
    }

    const QString text = parser.value(exprOption());
    const auto expression = core::CronExpression::parse(text);
    if (!expression) {
        const core::CronSyntaxError &e = expression.error();
        const QString message = u"invalid cron expression \"%1\": %2"_s.arg(text, e.message());
        context.err << "wirebench-cli " << commandName << ": " << message << "\n";
        context.err.flush();
        if (jsonOut) {
            // The shared error object, plus where the error is for tools that highlight it.
            writeJson(*jsonOut,
                      QJsonObject{{u"error"_s,
                                   QJsonObject{{u"code"_s, e.code},
                                               {u"message"_s, message},
                                               {u"field"_s,
                                                e.field ? QJsonValue(core::cronFieldName(*e.field))
                                                        : QJsonValue(QJsonValue::Null)},
                                               {u"field_text"_s, e.fieldText},
                                               {u"column"_s, e.column},
                                               {u"length"_s, e.length},
                                               {u"reason"_s, e.reason}}}});
        }
        return ExitUsage;
    }

    const QString zoneId = parser.isSet(tzOption())
                                   ? parser.value(tzOption())
                                   : QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const core::Result<QTimeZone> zone = core::timeZoneFromId(zoneId);
    if (!zone)
        return reportError(context.err, jsonOut, commandName, zone.error(), ExitUsage);

    bool countOk = false;
    const int count = parser.value(countOption()).toInt(&countOk);
    if (!countOk || count < 1 || count > maxCount) {
        return reportError(context.err, jsonOut, commandName,
                           core::Error{u"cli.invalid_count"_s,
                                       u"--count expects a whole number from 1 to %1, got '%2'"_s
                                               .arg(maxCount)
                                               .arg(parser.value(countOption()))},
                           ExitUsage);
    }

    qint64 afterMs = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(afterOption())) {
        const QDateTime after = QDateTime::fromString(parser.value(afterOption()),
                                                      Qt::ISODateWithMs);
        if (!after.isValid() || after.timeSpec() == Qt::LocalTime) {
            return reportError(context.err, jsonOut, commandName,
                               core::Error{u"cli.invalid_instant"_s,
                                           u"--after expects an RFC 3339 instant with an offset, "
                                           u"such as 2024-03-10T07:00:00Z, got '%1'"_s.arg(
                                                   parser.value(afterOption()))},
                               ExitUsage);
        }
        afterMs = after.toMSecsSinceEpoch();
    }

    const core::CronCalendar calendar(*expression, *zone);
    const QList<core::CronFiring> firings = calendar.next(afterMs, count);

    if (jsonOut) {
        QJsonArray array;
        for (const core::CronFiring &firing : firings) {
            array.append(QJsonObject{{u"utc"_s, rfc3339Utc(firing.instantMs)},
                                     {u"local"_s, rfc3339Local(firing)},
                                     {u"utc_offset_ms"_s, qint64(firing.utcOffsetSeconds) * 1000},
                                     {u"shifted"_s, firing.shifted},
                                     {u"repeated_local_time"_s, firing.repeatedLocalTime}});
        }
        writeJson(context.out, QJsonObject{{u"expression"_s, expression->text()},
                                           {u"fields"_s, expression->fiveFieldText()},
                                           {u"time_zone"_s, QString::fromUtf8(zone->id())},
                                           {u"after"_s, rfc3339Utc(afterMs)},
                                           {u"firings"_s, array}});
        return ExitOk;
    }
    for (const core::CronFiring &firing : firings) {
        context.out << firing.utcText() << "  " << firing.localText();
        if (firing.shifted)
            context.out << "  (shifted: the local time was skipped by a clock change)";
        if (firing.repeatedLocalTime)
            context.out << "  (first of a repeated local time; the second does not run)";
        context.out << "\n";
    }
    context.out.flush();
    return ExitOk;
}

} // namespace wb::cli
