// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/healthinputsreader.h"

#include "core/health/registrationrepository.h"
#include "core/store/connectionrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
QStringList scopeList(const QString &text)
{
    // RFC 6749 §3.3 separates scopes with spaces; GitHub and Slack answer with commas.
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

// What the OAuth layer (app/core/oauth, migration 8) keeps about the connection's credential:
// the granted scope, the expiry, whether a refresh token exists, and the client's requested scope.
Result<void> readOAuthFacts(SqlSession &session, qint64 connectionId, CredentialFacts &facts)
{
    Result<QSqlQuery> query = session.exec(
            u"SELECT c.scope, c.expires_at_ms, c.has_refresh_token, k.client_json FROM "
            "oauth_credentials c LEFT JOIN oauth_clients k ON k.connection_id = c.connection_id "
            "WHERE c.connection_id = ?"_s,
            {connectionId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return {};
    facts.grantedScopes = scopeList(query->value(0).toString());
    if (const qint64 expires = query->value(1).toLongLong(); expires > 0)
        facts.expiresAtMs = expires; // 0: unknown (oauth_credentials)
    facts.hasRefreshToken = query->value(2).toLongLong() != 0;
    const QJsonObject client = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
    // app/core/oauth/clientconfigjson.h: "scope" (space-separated) replaces the profile's
    // default scopes when given.
    if (client.contains(u"scope"_s))
        facts.requestedScopes = scopeList(client.value(u"scope"_s).toString());
    else
        facts.clientProfile = client.value(u"profile"_s).toString();
    return {};
}
} // namespace

Result<QList<HealthInputs>> readHealthInputs(SqlSession &session, std::optional<qint64> connectionId)
{
    QList<Connection> connections;
    if (connectionId) {
        Result<Connection> one = ConnectionRepository::get(session, *connectionId);
        if (!one)
            return fail(one.error());
        connections << *one;
    } else {
        Result<QList<Connection>> all = ConnectionRepository::list(session);
        if (!all)
            return fail(all.error());
        connections = *all;
        std::sort(connections.begin(), connections.end(),
                  [](const Connection &a, const Connection &b) { return a.id < b.id; });
    }
    QList<HealthInputs> result;
    result.reserve(connections.size());
    for (const Connection &connection : std::as_const(connections)) {
        HealthInputs inputs;
        inputs.connection = connection;
        Result<QList<Registration>> registrations = RegistrationRepository::list(session,
                                                                                 connection.id);
        if (!registrations)
            return fail(registrations.error());
        inputs.registrations = *registrations;
        Result<PassiveSignals> passive = PassiveSignalsReader::read(session, connection.id);
        if (!passive)
            return fail(passive.error());
        inputs.passive = *passive;
        inputs.credentials.expiresAtMs = connection.tokenExpiresAtMs;
        if (Result<void> oauth = readOAuthFacts(session, connection.id, inputs.credentials);
            !oauth) {
            return fail(oauth.error());
        }
        result << inputs;
    }
    return result;
}

} // namespace wb::core
