// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthcommand.h"

#include "oauthrun.h"
#include "output.h"

#include "core/oauth/clientconfigjson.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {

const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(u"connection"_s, u"The connection's id."_s, u"id"_s);
    return option;
}

const QCommandLineOption &clientConfigOption()
{
    static const QCommandLineOption
            option(u"client-config"_s,
                   u"JSON file with the provider's OAuth endpoints and the client id (no secret)."_s,
                   u"file"_s);
    return option;
}

const QCommandLineOption &timeoutOption()
{
    static const QCommandLineOption
            option(u"timeout"_s, u"authorize: seconds to wait for the browser (default 300)."_s,
                   u"seconds"_s, u"300"_s);
    return option;
}

const QCommandLineOption &rejectedOption()
{
    static const QCommandLineOption
            option(u"rejected-token-sha256"_s,
                   u"refresh: only if the stored access token has this SHA-256 (hex)."_s, u"hex"_s);
    return option;
}

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(u"json"_s, u"Print JSON instead of text."_s);
    return option;
}

} // namespace

OAuthCommand::OAuthCommand() = default;
OAuthCommand::~OAuthCommand() = default;

QString OAuthCommand::name() const
{
    return u"oauth"_s;
}

QString OAuthCommand::summary() const
{
    return u"Authorize a connection in the browser, refresh its access token, or revoke its "
           u"tokens."_s;
}

void OAuthCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(u"action"_s,
                                 u"authorize: run the OAuth flow in a browser; refresh: refresh "
                                 u"the access token now; revoke: revoke the tokens at the "
                                 u"provider and remove them."_s,
                                 u"authorize|refresh|revoke"_s);
    parser.addOption(connectionOption());
    parser.addOption(clientConfigOption());
    parser.addOption(timeoutOption());
    parser.addOption(rejectedOption());
    parser.addOption(jsonOption());
}

std::optional<int> OAuthCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList actions = parser.positionalArguments();
    OAuthRun::Options options;
    options.json = parser.isSet(jsonOption());
    QTextStream *jsonOut = options.json ? &context.out : nullptr;
    static const QStringList known{u"authorize"_s, u"refresh"_s, u"revoke"_s};
    if (actions.size() != 1 || !known.contains(actions.first())) {
        return reportError(context.err, jsonOut, u"oauth"_s,
                           core::Error{u"cli.unknown_action"_s,
                                       (actions.isEmpty()
                                                ? u"give an action"_s
                                                : u"unknown action '%1'"_s.arg(actions.join(u' ')))
                                               + u" (available: authorize, refresh, revoke)"_s},
                           ExitUsage);
    }
    options.action = actions.first() == u"authorize"_s ? OAuthRun::Action::Authorize
                     : actions.first() == u"refresh"_s ? OAuthRun::Action::Refresh
                                                       : OAuthRun::Action::Revoke;
    const QString command = u"oauth "_s + actions.first();

    bool ok = false;
    options.connectionId = parser.value(connectionOption()).toLongLong(&ok);
    if (!ok || options.connectionId < 1) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.invalid_connection"_s,
                                       u"--connection expects a connection id (a whole number "
                                       u"from 1), got '%1'"_s.arg(parser.value(connectionOption()))},
                           ExitUsage);
    }
    if (!parser.isSet(clientConfigOption())) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.missing_option"_s, u"--client-config is required"_s},
                           ExitUsage);
    }
    QFile file(parser.value(clientConfigOption()));
    if (!file.open(QIODevice::ReadOnly)) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.unreadable_file"_s,
                                       u"cannot read %1: %2"_s.arg(file.fileName(),
                                                                   file.errorString())},
                           ExitUsage);
    }
    core::Result<core::OAuthClientConfig> config = core::clientConfigFromJson(file.readAll(),
                                                                              file.fileName());
    if (!config)
        return reportError(context.err, jsonOut, command, config.error(), ExitUsage);
    options.config = std::move(*config);

    const int seconds = parser.value(timeoutOption()).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 3600) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.invalid_timeout"_s,
                                       u"--timeout expects seconds from 1 to 3600, got '%1'"_s.arg(
                                               parser.value(timeoutOption()))},
                           ExitUsage);
    }
    options.timeoutMs = qint64(seconds) * 1000;
    if (parser.isSet(rejectedOption())) {
        options.rejectedTokenSha256 = parser.value(rejectedOption()).toLower().toLatin1();
        static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
        if (!hex.match(QString::fromLatin1(options.rejectedTokenSha256)).hasMatch()) {
            return reportError(context.err, jsonOut, command,
                               core::Error{u"cli.invalid_sha256"_s,
                                           u"--rejected-token-sha256 expects 64 hex digits"_s},
                               ExitUsage);
        }
    }

    m_run = std::make_unique<OAuthRun>(std::move(options), context);
    if (core::Result<void> started = m_run->start(); !started)
        return reportError(context.err, jsonOut, command, started.error(), ExitRuntime);
    return std::nullopt;
}

} // namespace wb::cli
