// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthcommand.h"

#include "oauthrun.h"
#include "output.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

const QCommandLineOption &clientIdOption()
{
    static const QCommandLineOption
            option(u"client-id"_s,
                   u"Instead of --client-config: the OAuth client id registered with the "
                   u"provider; endpoints and scopes come from the connection's provider profile."_s,
                   u"id"_s);
    return option;
}

const QCommandLineOption &clientAuthOption()
{
    static const QCommandLineOption
            option(u"client-auth"_s,
                   u"With --client-id: none (default), client_secret_basic or "
                   u"client_secret_post (the secret is read from the keychain)."_s,
                   u"method"_s);
    return option;
}

const QCommandLineOption &placeholderOption()
{
    static const QCommandLineOption
            option(u"placeholder"_s,
                   u"With --client-id: a value for a {name} in the profile's URLs (repeatable), "
                   u"e.g. shop=umbrella."_s,
                   u"name=value"_s);
    return option;
}

const QCommandLineOption &scopeOption()
{
    static const QCommandLineOption
            option(u"scope"_s,
                   u"With --client-id: space-separated scopes instead of the profile's default."_s,
                   u"scopes"_s);
    return option;
}

const QCommandLineOption &removeConnectionOption()
{
    static const QCommandLineOption
            option(u"remove-connection"_s,
                   u"revoke: then remove the connection with its secrets and mappings."_s);
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
    parser.addOption(clientIdOption());
    parser.addOption(clientAuthOption());
    parser.addOption(placeholderOption());
    parser.addOption(scopeOption());
    parser.addOption(removeConnectionOption());
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
    const bool profileOptions = parser.isSet(clientAuthOption())
                                || parser.isSet(placeholderOption()) || parser.isSet(scopeOption());
    if (parser.isSet(clientConfigOption()) && (parser.isSet(clientIdOption()) || profileOptions)) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.conflicting_options"_s,
                                       u"give either --client-config or --client-id (with "
                                       u"--client-auth, --placeholder, --scope), not both"_s},
                           ExitUsage);
    }
    if (profileOptions && !parser.isSet(clientIdOption())) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.missing_option"_s,
                                       u"--client-auth, --placeholder and --scope go with "
                                       u"--client-id"_s},
                           ExitUsage);
    }
    if (parser.isSet(clientConfigOption())) {
        QFile file(parser.value(clientConfigOption()));
        if (!file.open(QIODevice::ReadOnly)) {
            return reportError(context.err, jsonOut, command,
                               core::Error{u"cli.unreadable_file"_s,
                                           u"cannot read %1: %2"_s.arg(file.fileName(),
                                                                       file.errorString())},
                               ExitUsage);
        }
        options.client.json = file.readAll();
        options.client.source = file.fileName();
    } else if (parser.isSet(clientIdOption())) {
        // The profile is the connection's provider's, filled in once the connection is read.
        QJsonObject client{{u"client_id"_s, parser.value(clientIdOption())}};
        if (parser.isSet(clientAuthOption()))
            client.insert(u"token_endpoint_auth_method"_s, parser.value(clientAuthOption()));
        if (parser.isSet(scopeOption()))
            client.insert(u"scope"_s, parser.value(scopeOption()));
        QJsonObject placeholders;
        for (const QString &assignment : parser.values(placeholderOption())) {
            const qsizetype equals = assignment.indexOf(u'=');
            if (equals < 1) {
                return reportError(context.err, jsonOut, command,
                                   core::Error{u"cli.invalid_placeholder"_s,
                                               u"--placeholder expects name=value, got '%1'"_s.arg(
                                                       assignment)},
                                   ExitUsage);
            }
            placeholders.insert(assignment.left(equals), assignment.mid(equals + 1));
        }
        if (!placeholders.isEmpty())
            client.insert(u"placeholders"_s, placeholders);
        options.client.json = QJsonDocument(client).toJson(QJsonDocument::Compact);
        options.client.source = u"the command line"_s;
        options.client.connectionProfile = true;
    }
    // Neither: the client stored when the connection was authorized.
    options.removeConnection = parser.isSet(removeConnectionOption());
    if (options.removeConnection && options.action != OAuthRun::Action::Revoke) {
        return reportError(context.err, jsonOut, command,
                           core::Error{u"cli.invalid_option"_s,
                                       u"--remove-connection goes with revoke"_s},
                           ExitUsage);
    }

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
