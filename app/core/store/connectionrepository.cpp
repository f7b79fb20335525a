// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/connectionrepository.h"

#include "core/store/identitymappingrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/store/textchecks.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString columns = u"id, tenant_id, provider_id, label, base_url, forward_target_url, "
                        "retry_policy, rate_limit_per_second, rate_limit_burst, concurrency_limit, "
                        "status, token_expires_at_ms, last_checked_at_ms, last_check_result, "
                        "created_at_ms, updated_at_ms, handshake_verify_token"_s;

Connection fromRow(const QSqlQuery &query)
{
    Connection connection;
    connection.id = query.value(0).toLongLong();
    connection.tenantId = query.value(1).toLongLong();
    connection.providerId = query.value(2).toString();
    connection.label = query.value(3).toString();
    connection.settings.baseUrl = QUrl(query.value(4).toString(), QUrl::StrictMode);
    connection.settings.forwardTargetUrl = QUrl(query.value(5).toString(), QUrl::StrictMode);
    connection.settings.retryPolicy = query.value(6).toString();
    connection.settings.rateLimits.requestsPerSecond = optionalDouble(query.value(7));
    connection.settings.rateLimits.burst = optionalInt(query.value(8));
    connection.settings.rateLimits.concurrencyLimit = optionalInt(query.value(9));
    // The column's CHECK constraint admits only known names.
    connection.status = connectionStatusFromName(query.value(10).toString())
                                .value_or(ConnectionStatus::Unauthorized);
    connection.tokenExpiresAtMs = optionalInt64(query.value(11));
    connection.lastCheckedAtMs = optionalInt64(query.value(12));
    connection.lastCheckResult = query.value(13).toString();
    connection.createdAtMs = query.value(14).toLongLong();
    connection.updatedAtMs = query.value(15).toLongLong();
    connection.settings.handshakeVerifyToken = query.value(16).toString();
    return connection;
}

QString urlText(const QUrl &url)
{
    return url.isEmpty() ? QString() : url.toString(QUrl::FullyEncoded);
}

Result<void> validateUrl(const QUrl &url, const QString &field)
{
    if (url.isEmpty())
        return {};
    const QString shown = url.toDisplayString();
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The %1 \"%2\" is not an absolute URL with a host.")
                            .arg(field, shown));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The %1 \"%2\" must use http or https, not %3.")
                            .arg(field, shown, url.scheme()));
    }
    return {};
}

Result<void> validateSettings(const QString &label, const ConnectionSettings &settings)
{
    if (label.trimmed().size() > 100 || hasControlCharacters(label)) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The label \"%1\" must be at most 100 characters "
                                             "without control characters.")
                            .arg(printable(label.left(60))));
    }
    if (Result<void> ok = validateUrl(settings.baseUrl, ConnectionRepository::tr("base URL")); !ok)
        return ok;
    if (Result<void> ok = validateUrl(settings.forwardTargetUrl,
                                      ConnectionRepository::tr("forward target URL"));
        !ok) {
        return ok;
    }
    if (settings.retryPolicy.size() > 64 || hasControlCharacters(settings.retryPolicy)) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The retry policy name \"%1\" must be at most 64 "
                                             "characters without control characters.")
                            .arg(printable(settings.retryPolicy.left(60))));
    }
    const QString &token = settings.handshakeVerifyToken;
    if (token.size() > 200 || std::any_of(token.cbegin(), token.cend(), [](QChar c) {
            return c.unicode() <= 0x20 || c.unicode() >= 0x7f;
        })) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The verify token \"%1\" must be at most 200 "
                                             "printable ASCII characters without spaces.")
                            .arg(printable(token.left(60))));
    }
    const RateLimitOverrides &limits = settings.rateLimits;
    if (limits.requestsPerSecond
        && (!std::isfinite(*limits.requestsPerSecond) || *limits.requestsPerSecond <= 0)) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The rate limit must be more than 0 requests per "
                                             "second, got %1.")
                            .arg(*limits.requestsPerSecond));
    }
    if (limits.burst && *limits.burst < 1) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The rate-limit burst must be at least 1, got %1.")
                            .arg(*limits.burst));
    }
    if (limits.concurrencyLimit && *limits.concurrencyLimit < 1) {
        return fail(u"store.invalid_connection"_s,
                    ConnectionRepository::tr("The concurrency limit must be at least 1, got %1.")
                            .arg(*limits.concurrencyLimit));
    }
    return {};
}

Result<void> checkUnique(SqlSession &session, qint64 connectionId, qint64 tenantId,
                         const QString &providerId, const QString &label)
{
    Result<QSqlQuery> query = session.exec(
            u"SELECT c.id, t.display_name FROM connections c JOIN tenants t ON t.id = c.tenant_id "
            "WHERE c.tenant_id = ? AND c.provider_id = ? AND c.label = ? AND c.id <> ?"_s,
            {tenantId, providerId, label, connectionId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return {};
    const QString tenantName = query->value(1).toString();
    const qint64 existingId = query->value(0).toLongLong();
    if (label.isEmpty()) {
        return fail(u"store.duplicate_connection"_s,
                    ConnectionRepository::tr("Tenant \"%1\" already has a %2 connection (id %3); "
                                             "give the new one a label to tell them apart.")
                            .arg(tenantName, providerId)
                            .arg(existingId));
    }
    return fail(u"store.duplicate_connection"_s,
                ConnectionRepository::tr("Tenant \"%1\" already has a %2 connection labelled "
                                         "\"%3\" (id %4).")
                        .arg(tenantName, providerId, label)
                        .arg(existingId));
}

} // namespace

Error ConnectionRepository::unknownConnection(qint64 connectionId)
{
    return Error{u"store.unknown_connection"_s,
                 tr("There is no connection with id %1.").arg(connectionId)};
}

Result<void> ConnectionRepository::validate(const Connection &connection)
{
    static const QRegularExpression providerPattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    if (connection.providerId.isEmpty())
        return fail(u"store.invalid_connection"_s, tr("A connection needs a provider id."));
    if (!providerPattern.match(connection.providerId).hasMatch()) {
        return fail(u"store.invalid_connection"_s,
                    tr("The provider id \"%1\" is not a profile id (lower-case letters, digits, "
                       "'.', '_' and '-', starting with a letter or digit, at most 64).")
                            .arg(printable(connection.providerId.left(80))));
    }
    return validateSettings(connection.label, connection.settings);
}

Result<Connection> ConnectionRepository::add(SqlSession &session, const Connection &input)
{
    if (Result<void> valid = validate(input); !valid)
        return fail(valid.error());
    if (Result<Tenant> tenant = TenantRepository::get(session, input.tenantId); !tenant)
        return fail(tenant.error());
    Connection connection = input;
    connection.label = connection.label.trimmed();
    if (Result<void> unique = checkUnique(session, 0, connection.tenantId, connection.providerId,
                                          connection.label);
        !unique) {
        return fail(unique.error());
    }
    const qint64 now = session.nowMs();
    connection.createdAtMs = now;
    connection.updatedAtMs = now;
    const ConnectionSettings &settings = connection.settings;
    Result<QSqlQuery> inserted = session.execOneRow(
            u"INSERT INTO connections (tenant_id, provider_id, label, base_url, "
            u"forward_target_url, "
            "retry_policy, rate_limit_per_second, rate_limit_burst, concurrency_limit, status, "
            "token_expires_at_ms, last_checked_at_ms, last_check_result, created_at_ms, "
            "updated_at_ms, handshake_verify_token) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {connection.tenantId, connection.providerId, connection.label,
             urlText(settings.baseUrl), urlText(settings.forwardTargetUrl), settings.retryPolicy,
             toSqlValue(settings.rateLimits.requestsPerSecond),
             toSqlValue(settings.rateLimits.burst),
             toSqlValue(settings.rateLimits.concurrencyLimit), nameOf(connection.status),
             toSqlValue(connection.tokenExpiresAtMs), toSqlValue(connection.lastCheckedAtMs),
             connection.lastCheckResult, now, now, settings.handshakeVerifyToken});
    if (!inserted)
        return fail(inserted.error());
    connection.id = inserted->value(0).toLongLong();
    // Read back so the caller sees exactly what is stored (URLs normalised).
    Result<Connection> stored = get(session, connection.id);
    if (!stored)
        return stored;
    session.afterCommit([c = *stored](Store &store) { Q_EMIT store.connectionAdded(c); });
    return stored;
}

Result<Connection> ConnectionRepository::updateSettings(SqlSession &session, qint64 connectionId,
                                                        const QString &label,
                                                        const ConnectionSettings &settings)
{
    Result<Connection> existing = get(session, connectionId);
    if (!existing)
        return existing;
    if (Result<void> valid = validateSettings(label, settings); !valid)
        return fail(valid.error());
    const QString trimmedLabel = label.trimmed();
    if (Result<void> unique = checkUnique(session, connectionId, existing->tenantId,
                                          existing->providerId, trimmedLabel);
        !unique) {
        return fail(unique.error());
    }
    Result<void> updated = session.execute(
            u"UPDATE connections SET label = ?, base_url = ?, forward_target_url = ?, "
            "retry_policy = ?, rate_limit_per_second = ?, rate_limit_burst = ?, "
            "concurrency_limit = ?, handshake_verify_token = ?, updated_at_ms = ? WHERE id = ?"_s,
            {trimmedLabel, urlText(settings.baseUrl), urlText(settings.forwardTargetUrl),
             settings.retryPolicy, toSqlValue(settings.rateLimits.requestsPerSecond),
             toSqlValue(settings.rateLimits.burst), toSqlValue(settings.rateLimits.concurrencyLimit),
             settings.handshakeVerifyToken, session.nowMs(), connectionId});
    if (!updated)
        return fail(updated.error());
    Result<Connection> stored = get(session, connectionId);
    if (stored)
        session.afterCommit([c = *stored](Store &store) { Q_EMIT store.connectionUpdated(c); });
    return stored;
}

Result<Connection> ConnectionRepository::updateStatus(SqlSession &session, qint64 connectionId,
                                                      ConnectionStatus status,
                                                      std::optional<qint64> tokenExpiresAtMs)
{
    if (Result<Connection> existing = get(session, connectionId); !existing)
        return existing;
    Result<void> updated = session.execute(
            u"UPDATE connections SET status = ?, token_expires_at_ms = ?, updated_at_ms = ? "
            "WHERE id = ?"_s,
            {nameOf(status), toSqlValue(tokenExpiresAtMs), session.nowMs(), connectionId});
    if (!updated)
        return fail(updated.error());
    Result<Connection> stored = get(session, connectionId);
    if (stored)
        session.afterCommit([c = *stored](Store &store) { Q_EMIT store.connectionUpdated(c); });
    return stored;
}

Result<Connection> ConnectionRepository::recordCheck(SqlSession &session, qint64 connectionId,
                                                     qint64 checkedAtMs, const QString &result)
{
    if (Result<Connection> existing = get(session, connectionId); !existing)
        return existing;
    const QString text = result.trimmed();
    if (text.size() > 2000) {
        return fail(u"store.invalid_connection"_s,
                    tr("The check result is %1 characters long; at most 2000 are kept.")
                            .arg(text.size()));
    }
    Result<void> updated = session.execute(
            u"UPDATE connections SET last_checked_at_ms = ?, last_check_result = ?, "
            "updated_at_ms = ? WHERE id = ?"_s,
            {checkedAtMs, text, session.nowMs(), connectionId});
    if (!updated)
        return fail(updated.error());
    Result<Connection> stored = get(session, connectionId);
    if (stored)
        session.afterCommit([c = *stored](Store &store) { Q_EMIT store.connectionUpdated(c); });
    return stored;
}

Result<void> ConnectionRepository::remove(SqlSession &session, qint64 connectionId)
{
    Result<Connection> existing = get(session, connectionId);
    if (!existing)
        return fail(existing.error());
    Result<QList<SecretReference>> secrets = SecretReferenceRepository::list(session, connectionId);
    if (!secrets)
        return fail(secrets.error());
    Result<QSqlQuery> mappingIds
            = session.exec(u"SELECT id FROM identity_mappings WHERE connection_id = ?"_s,
                           {connectionId});
    if (!mappingIds)
        return fail(mappingIds.error());
    QList<qint64> detached;
    while (mappingIds->next())
        detached << mappingIds->value(0).toLongLong();

    if (Result<void> deleted = session.execute(u"DELETE FROM connections WHERE id = ?"_s,
                                               {connectionId});
        !deleted) {
        return deleted;
    }
    QList<IdentityMapping> updatedMappings;
    for (qint64 id : detached) {
        Result<IdentityMapping> mapping = IdentityMappingRepository::get(session, id);
        if (!mapping)
            return fail(mapping.error());
        updatedMappings << *mapping;
    }
    session.afterCommit([secrets = *secrets, updatedMappings, connection = *existing](Store &store) {
        for (const SecretReference &reference : secrets)
            Q_EMIT store.secretReferenceRemoved(reference);
        for (const IdentityMapping &mapping : updatedMappings)
            Q_EMIT store.identityMappingUpdated(mapping);
        Q_EMIT store.connectionRemoved(connection.id, connection.tenantId);
    });
    return {};
}

Result<Connection> ConnectionRepository::get(SqlSession &session, qint64 connectionId)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + columns
                                                   + u" FROM connections WHERE id = ?"_s,
                                           {connectionId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(unknownConnection(connectionId));
    return fromRow(*query);
}

Result<QList<Connection>> ConnectionRepository::list(SqlSession &session,
                                                     std::optional<qint64> tenantId)
{
    const QString order = u" ORDER BY tenant_id, provider_id, label, id"_s;
    Result<QSqlQuery> query
            = tenantId ? session.exec(u"SELECT "_s + columns
                                              + u" FROM connections WHERE tenant_id = ?"_s + order,
                                      {*tenantId})
                       : session.exec(u"SELECT "_s + columns + u" FROM connections"_s + order);
    if (!query)
        return fail(query.error());
    QList<Connection> connections;
    while (query->next())
        connections << fromRow(*query);
    return connections;
}

} // namespace wb::core
