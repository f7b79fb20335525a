// SPDX-License-Identifier: GPL-3.0-or-later
#include "scheduleoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>

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
// Registered by SchedulesCommand (shared with `next`); read here by name.
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

core::Result<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*(ms|s|m|h)?\\s*$"_s);
    const auto match = pattern.match(text);
    bool ok = false;
    const qint64 value = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    const QString unit = match.captured(2);
    if (!ok || (unit.isEmpty() && value != 0)) {
        return core::fail(u"cli.invalid_duration"_s,
                          u"--window expects a duration such as 0, 500ms, 90s, 10m or 2h, got "
                          u"'%1'"_s.arg(text));
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
            return core::fail(u"cli.invalid_id"_s,
                              u"--%1 expects 'all' or ids such as 1,2,3, got '%2'"_s.arg(optionName,
                                                                                         text));
        }
        ids.append(id);
    }
    return ids;
}

core::Result<core::HttpHeaders> parseHeaders(const QStringList &given)
{
    core::HttpHeaders headers;
    for (const QString &header : given) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0) {
            return core::fail(u"cli.invalid_header"_s,
                              u"--header expects \"Name: value\", got '%1'"_s.arg(header));
        }
        headers.append(header.left(colon).trimmed().toLatin1(),
                       header.mid(colon + 1).trimmed().toUtf8());
    }
    return headers;
}

core::Result<QByteArray> readBodyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(u"cli.unreadable_file"_s,
                          u"--body-file '%1' cannot be read: %2"_s.arg(path, file.errorString()));
    }
    return file.readAll();
}

std::optional<QString> valueOf(const QCommandLineParser &parser, const QCommandLineOption &o)
{
    return parser.isSet(o) ? std::optional(parser.value(o)) : std::nullopt;
}

} // namespace

const QCommandLineOption &scheduleNameOption()
{
    static const auto o = option(u"name"_s, u"edit: the schedule's new name."_s, u"name"_s);
    return o;
}

QList<const QCommandLineOption *> scheduleFieldOptions()
{
    return {&urlOption(),         &methodOption(),      &headerOption(),  &bodyOption(),
            &bodyFileOption(),    &providerOption(),    &tenantsOption(), &connectionsOption(),
            &windowOption(),      &concurrencyOption(), &missedOption(),  &retryPolicyOption(),
            &scheduleNameOption()};
}

bool ScheduleOptions::isEmpty() const
{
    return !name && !cronExpression && !timeZoneId && !url && !method && !headers && !body
           && !retryPolicy && !providerId && !target && !smoothingWindowMs && !concurrencyLimit
           && !missedRunPolicy;
}

void ScheduleOptions::applyTo(core::Schedule &schedule) const
{
    if (name)
        schedule.name = *name;
    if (cronExpression)
        schedule.cronExpression = *cronExpression;
    if (timeZoneId)
        schedule.timeZoneId = *timeZoneId;
    if (url)
        schedule.job.url = *url;
    if (method)
        schedule.job.method = *method;
    if (headers)
        schedule.job.headers = *headers;
    if (body)
        schedule.job.body = *body;
    if (retryPolicy)
        schedule.job.retryPolicy = *retryPolicy;
    if (providerId)
        schedule.providerId = *providerId;
    if (target) {
        schedule.targetKind = target->kind;
        schedule.targetIds = target->ids;
    }
    if (smoothingWindowMs)
        schedule.smoothingWindowMs = *smoothingWindowMs;
    if (concurrencyLimit)
        schedule.concurrencyLimit = *concurrencyLimit;
    if (missedRunPolicy)
        schedule.missedRunPolicy = *missedRunPolicy;
}

core::Result<ScheduleOptions> parseScheduleOptions(const QCommandLineParser &parser)
{
    ScheduleOptions given;
    given.name = valueOf(parser, scheduleNameOption());
    given.cronExpression = valueOf(parser, exprOption());
    given.timeZoneId = valueOf(parser, tzOption());
    given.url = valueOf(parser, urlOption());
    if (parser.isSet(methodOption()))
        given.method = parser.value(methodOption()).toUpper().toLatin1();
    if (parser.isSet(headerOption())) {
        auto headers = parseHeaders(parser.values(headerOption()));
        if (!headers)
            return core::fail(headers.error());
        given.headers = *headers;
    }
    if (parser.isSet(bodyOption()) && parser.isSet(bodyFileOption()))
        return core::fail(u"cli.option_conflict"_s, u"give --body or --body-file, not both"_s);
    if (parser.isSet(bodyOption()))
        given.body = parser.value(bodyOption()).toUtf8();
    if (parser.isSet(bodyFileOption())) {
        auto body = readBodyFile(parser.value(bodyFileOption()));
        if (!body)
            return core::fail(body.error());
        given.body = *body;
    }
    given.retryPolicy = valueOf(parser, retryPolicyOption());
    given.providerId = valueOf(parser, providerOption());
    if (parser.isSet(tenantsOption()) && parser.isSet(connectionsOption())) {
        return core::fail(u"cli.option_conflict"_s, u"give --tenants or --connections, not both"_s);
    }
    for (const auto &[o, kind, optionName] :
         {std::tuple{&tenantsOption(), core::ScheduleTargetKind::Tenants, u"tenants"_s},
          std::tuple{&connectionsOption(), core::ScheduleTargetKind::Connections,
                     u"connections"_s}}) {
        if (!parser.isSet(*o))
            continue;
        auto ids = parseIds(parser.value(*o), optionName);
        if (!ids)
            return core::fail(ids.error());
        given.target = ScheduleOptions::Target{kind, *ids};
    }
    if (parser.isSet(windowOption())) {
        auto window = parseDuration(parser.value(windowOption()));
        if (!window)
            return core::fail(window.error());
        given.smoothingWindowMs = *window;
    }
    if (parser.isSet(concurrencyOption())) {
        bool ok = false;
        given.concurrencyLimit = parser.value(concurrencyOption()).toInt(&ok);
        if (!ok) {
            return core::fail(u"cli.invalid_count"_s,
                              u"--concurrency expects a whole number, got '%1'"_s.arg(
                                      parser.value(concurrencyOption())));
        }
    }
    if (parser.isSet(missedOption())) {
        given.missedRunPolicy = core::missedRunPolicyFromName(parser.value(missedOption()));
        if (!given.missedRunPolicy) {
            return core::fail(u"cli.invalid_policy"_s,
                              u"--missed expects run_once or skip, got '%1'"_s.arg(
                                      parser.value(missedOption())));
        }
    }
    return given;
}

} // namespace wb::cli
