// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/healthinputsreader.h"

#include "core/health/registrationrepository.h"
#include "core/store/connectionrepository.h"

#include <QHash>
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

// The position of each connection in `inputs`, by connection id.
QHash<qint64, qsizetype> positions(const QList<HealthInputs> &inputs)
{
    QHash<qint64, qsizetype> result;
    result.reserve(inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i)
        result.insert(inputs.at(i).connection.id, i);
    return result;
}

// Runs `select` (its first column the connection id; `idColumn` names it for the filter), only
// for `connectionId` when given, and hands each row to `apply` with the input of its connection;
// rows of connections not in `inputs` are skipped.
template<typename Apply>
Result<void> forEachConnectionRow(SqlSession &session, const QString &select,
                                  const QString &idColumn, std::optional<qint64> connectionId,
                                  QList<HealthInputs> &inputs, Apply apply)
{
    Result<QSqlQuery> query = connectionId
                                      ? session.exec(select + u" WHERE "_s + idColumn + u" = ?"_s,
                                                     {*connectionId})
                                      : session.exec(select);
    if (!query)
        return fail(query.error());
    const QHash<qint64, qsizetype> at = positions(inputs);
    while (query->next()) {
        const auto found = at.constFind(query->value(0).toLongLong());
        if (found != at.cend())
            apply(*query, inputs[*found]);
    }
    return {};
}

// What the OAuth layer (app/core/oauth, migration 8) keeps about the connections' credentials:
// the granted scope, the expiry, whether a refresh token exists, and the client's requested
// scope. One query for all of them.
Result<void> readOAuthFacts(SqlSession &session, std::optional<qint64> connectionId,
                            QList<HealthInputs> &inputs)
{
    return forEachConnectionRow(
            session,
            u"SELECT c.connection_id, c.scope, c.expires_at_ms, c.has_refresh_token, "
            "k.client_json, c.received_at_ms FROM oauth_credentials c LEFT JOIN oauth_clients k "
            "ON k.connection_id = c.connection_id"_s,
            u"c.connection_id"_s, connectionId, inputs,
            [](const QSqlQuery &row, HealthInputs &input) {
                CredentialFacts &facts = input.credentials;
                facts.grantedScopes = scopeList(row.value(1).toString());
                if (const qint64 expires = row.value(2).toLongLong(); expires > 0)
                    facts.expiresAtMs = expires; // 0: unknown (oauth_credentials)
                facts.hasRefreshToken = row.value(3).toLongLong() != 0;
                facts.receivedAtMs = row.value(5).toLongLong();
                const QJsonObject client = QJsonDocument::fromJson(row.value(4).toString().toUtf8())
                                                   .object();
                // app/core/oauth/clientconfigjson.h: "scope" (space-separated) replaces the
                // profile's default scopes when given.
                if (client.contains(u"scope"_s))
                    facts.requestedScopes = scopeList(client.value(u"scope"_s).toString());
                else
                    facts.clientProfile = client.value(u"profile"_s).toString();
            });
}

// The latest validity check of each connection's access token (migration 12).
Result<void> readValidityChecks(SqlSession &session, std::optional<qint64> connectionId,
                                QList<HealthInputs> &inputs)
{
    return forEachConnectionRow(
            session,
            u"SELECT connection_id, verdict, http_status, checked_at_ms, message "
            "FROM oauth_validity_checks"_s,
            u"connection_id"_s, connectionId, inputs,
            [](const QSqlQuery &row, HealthInputs &input) {
                ValidityCheck check;
                // The table's CHECK constraint admits only known names.
                check.verdict = validityVerdictFromName(row.value(1).toString())
                                        .value_or(ValidityCheck::Verdict::Unknown);
                check.httpStatus = row.value(2).toInt();
                check.checkedAtMs = row.value(3).toLongLong();
                check.message = row.value(4).toString();
                input.credentials.lastCheck = check;
            });
}
} // namespace

Result<QList<HealthInputs>> readRegistrationInputs(SqlSession &session,
                                                   std::optional<qint64> connectionId)
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
        result << inputs;
    }
    // Graph lifecycle notifications decide renewals and re-registrations too (the monitor's
    // round reads only these inputs before it acts); only connections with registrations.
    Result<QList<Registration>> registrations = RegistrationRepository::list(session, connectionId);
    if (!registrations)
        return fail(registrations.error());
    const QHash<qint64, qsizetype> at = positions(result);
    for (const Registration &registration : std::as_const(*registrations)) {
        // Ordered by connection then id; a registration always has its connection (ON DELETE
        // CASCADE), and both were read in the same snapshot.
        if (const auto found = at.constFind(registration.connectionId); found != at.cend())
            result[*found].registrations << registration;
    }
    for (HealthInputs &inputs : result) {
        if (inputs.registrations.isEmpty())
            continue;
        Result<QList<LifecycleNotice>> lifecycle = LifecycleNotices::read(session,
                                                                          inputs.connection.id);
        if (!lifecycle)
            return fail(lifecycle.error());
        inputs.passive.lifecycle = *lifecycle;
    }
    return result;
}

Result<QList<HealthInputs>> readHealthInputs(SqlSession &session, std::optional<qint64> connectionId)
{
    Result<QList<HealthInputs>> result = readRegistrationInputs(session, connectionId);
    if (!result)
        return result;
    for (HealthInputs &inputs : *result) {
        // One indexed range per connection (inbound_events_connection, newest first, LIMIT):
        // a single grouped query would have to rank every stored event of every connection.
        Result<PassiveSignals> passive = PassiveSignalsReader::read(session, inputs.connection.id);
        if (!passive)
            return fail(passive.error());
        inputs.passive = *passive;
        inputs.credentials.expiresAtMs = inputs.connection.tokenExpiresAtMs;
    }
    if (Result<void> oauth = readOAuthFacts(session, connectionId, *result); !oauth)
        return fail(oauth.error());
    if (Result<void> checks = readValidityChecks(session, connectionId, *result); !checks)
        return fail(checks.error());
    return result;
}

} // namespace wb::core
