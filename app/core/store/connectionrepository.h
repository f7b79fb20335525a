// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/connection.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

namespace wb::core {

// Connections in portable SQL (see TenantRepository for the session and signal conventions).
//
// Validation: the provider id is a profile id ([a-z0-9][a-z0-9._-]*, at most 64 characters; the
// store does not check that a profile with that id is loaded: the providers registry does); the
// label is trimmed, at most 100 characters; base and forward target URLs are empty or absolute
// http(s) URLs with a host; the retry policy name is at most 64 characters; rate-limit overrides
// are positive (requests per second finite and > 0, burst and concurrency >= 1). The status is
// stored by name (nameOf(ConnectionStatus)). A failed operation changes nothing.
class ConnectionRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::ConnectionRepository)

public:
    // Error `store.invalid_connection` naming the field, the value and the problem.
    static Result<void> validate(const Connection &connection);

    // Adds a connection for connection.tenantId with its settings and status. Errors:
    // `store.invalid_connection`, `store.unknown_tenant`, `store.duplicate_connection` (the tenant
    // already has a connection to that provider with that label; the message names it).
    static Result<Connection> add(SqlSession &session, const Connection &connection);
    static Result<Connection> updateSettings(SqlSession &session, qint64 connectionId,
                                             const QString &label,
                                             const ConnectionSettings &settings);
    // Sets status and token expiry (UTC ms; std::nullopt clears it).
    static Result<Connection> updateStatus(SqlSession &session, qint64 connectionId,
                                           ConnectionStatus status,
                                           std::optional<qint64> tokenExpiresAtMs);
    // Records when (UTC ms) the authorization was last checked and what the check found
    // (trimmed, at most 2000 characters).
    static Result<Connection> recordCheck(SqlSession &session, qint64 connectionId,
                                          qint64 checkedAtMs, const QString &result);
    // Removes the connection and its secret references; identity mappings pointing at it keep
    // their tenant and lose the connection (identityMappingUpdated). Error
    // `store.unknown_connection`.
    static Result<void> remove(SqlSession &session, qint64 connectionId);

    // Error `store.unknown_connection`.
    static Result<Connection> get(SqlSession &session, qint64 connectionId);
    // All connections (or one tenant's), ordered by tenant, provider id, label.
    static Result<QList<Connection>> list(SqlSession &session,
                                          std::optional<qint64> tenantId = std::nullopt);

    // "There is no connection with id 7."
    static Error unknownConnection(qint64 connectionId);
};

} // namespace wb::core
