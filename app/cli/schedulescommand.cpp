// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulescommand.h"

#include "core/schedule/croncalendar.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
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

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(u"json"_s, u"Print JSON instead of text."_s);
    return option;
}

QJsonObject errorJson(const QString &code, const QString &message)
{
    return QJsonObject{{u"code"_s, code}, {u"message"_s, message}};
}

int usageError(CommandContext &context, bool json, const QJsonObject &error, const QString &text)
{
    if (json) {
        context.out << QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact)
                    << "\n";
        context.out.flush();
    }
    context.err << "wirebench-cli schedules next: " << text << "\n";
    context.err.flush();
    return ExitUsage;
}

} // namespace

QString SchedulesCommand::name() const
{
    return u"schedules"_s;
}

QString SchedulesCommand::summary() const
{
    return u"Work with schedules: 'next' prints a cron expression's next firings."_s;
}

void SchedulesCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s, u"next: print the next firings of --expr."_s,
                                 u"next"_s);
    parser.addOption(exprOption());
    parser.addOption(tzOption());
    parser.addOption(countOption());
    parser.addOption(afterOption());
    parser.addOption(jsonOption());
}

std::optional<int> SchedulesCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList actions = parser.positionalArguments();
    if (actions.size() == 1 && actions.first() == u"next")
        return runNext(parser, context);
    context.err << "wirebench-cli schedules: "
                << (actions.isEmpty() ? u"give an action"_s
                                      : u"unknown action '%1'"_s.arg(actions.join(u' ')))
                << " (available: next)\n";
    context.err.flush();
    return ExitUsage;
}

int SchedulesCommand::runNext(const QCommandLineParser &parser, CommandContext &context) const
{
    const bool json = parser.isSet(jsonOption());
    if (!parser.isSet(exprOption())) {
        return usageError(context, json,
                          errorJson(u"cli.missing_option"_s, u"--expr is required"_s),
                          u"--expr is required"_s);
    }

    const QString text = parser.value(exprOption());
    const auto expression = core::CronExpression::parse(text);
    if (!expression) {
        const core::CronSyntaxError &e = expression.error();
        QJsonObject error = errorJson(e.code, e.message());
        error.insert(u"field"_s, e.field ? QJsonValue(core::cronFieldName(*e.field))
                                         : QJsonValue(QJsonValue::Null));
        error.insert(u"fieldText"_s, e.fieldText);
        error.insert(u"column"_s, e.column);
        error.insert(u"length"_s, e.length);
        error.insert(u"reason"_s, e.reason);
        // Point at the offending token under the expression.
        const QString caret = u"\n  %1\n  %2%3"_s.arg(text, QString(e.column - 1, u' '),
                                                      QString(e.length, u'^'));
        return usageError(context, json, error,
                          u"invalid cron expression: "_s + e.message() + caret);
    }

    const QString zoneId = parser.isSet(tzOption())
                                   ? parser.value(tzOption())
                                   : QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const core::Result<QTimeZone> zone = core::timeZoneFromId(zoneId);
    if (!zone)
        return usageError(context, json, errorJson(zone.error().code, zone.error().message),
                          zone.error().message);

    bool countOk = false;
    const int count = parser.value(countOption()).toInt(&countOk);
    if (!countOk || count < 1 || count > maxCount) {
        const QString message = u"--count expects a whole number from 1 to %1, got '%2'"_s
                                        .arg(maxCount)
                                        .arg(parser.value(countOption()));
        return usageError(context, json, errorJson(u"cli.invalid_count"_s, message), message);
    }

    qint64 afterMs = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(afterOption())) {
        const QDateTime after = QDateTime::fromString(parser.value(afterOption()),
                                                      Qt::ISODateWithMs);
        if (!after.isValid() || after.timeSpec() == Qt::LocalTime) {
            const QString message = u"--after expects an RFC 3339 instant with an offset, such as "
                                    u"2024-03-10T07:00:00Z, got '%1'"_s.arg(
                                            parser.value(afterOption()));
            return usageError(context, json, errorJson(u"cli.invalid_instant"_s, message), message);
        }
        afterMs = after.toMSecsSinceEpoch();
    }

    const core::CronCalendar calendar(*expression, *zone);
    const QList<core::CronFiring> firings = calendar.next(afterMs, count);

    if (json) {
        QJsonArray array;
        for (const core::CronFiring &firing : firings) {
            array.append(QJsonObject{{u"utc"_s, firing.utcText()},
                                     {u"local"_s, firing.localText()},
                                     {u"utcOffsetSeconds"_s, firing.utcOffsetSeconds},
                                     {u"shifted"_s, firing.shifted},
                                     {u"repeatedLocalTime"_s, firing.repeatedLocalTime}});
        }
        const QJsonObject document{{u"expression"_s, expression->text()},
                                   {u"fields"_s, expression->fiveFieldText()},
                                   {u"timeZone"_s, QString::fromUtf8(zone->id())},
                                   {u"after"_s, QDateTime::fromMSecsSinceEpoch(afterMs, Qt::UTC)
                                                        .toString(Qt::ISODateWithMs)},
                                   {u"firings"_s, array}};
        context.out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        for (const core::CronFiring &firing : firings) {
            context.out << firing.utcText() << "  " << firing.localText();
            if (firing.shifted)
                context.out << "  (shifted: the local time was skipped by a clock change)";
            if (firing.repeatedLocalTime)
                context.out << "  (first of a repeated local time; the second does not run)";
            context.out << "\n";
        }
    }
    context.out.flush();
    return ExitOk;
}

} // namespace wb::cli
