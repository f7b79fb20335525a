// SPDX-License-Identifier: GPL-3.0-or-later
// Store's asynchronous domain operations: each one runs a repository function in a write or read
// job (see store.h for the threading contract).
#include "core/store/connectionrepository.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/store/workspacerepository.h"

namespace wb::core {

QFuture<Result<Tenant>> Store::addTenant(const Tenant &tenant)
{
    return write([tenant](SqlSession &s) { return TenantRepository::add(s, tenant); });
}

QFuture<Result<Tenant>> Store::updateTenant(const Tenant &tenant)
{
    return write([tenant](SqlSession &s) { return TenantRepository::update(s, tenant); });
}

QFuture<Result<void>> Store::removeTenant(qint64 tenantId)
{
    return write([tenantId](SqlSession &s) { return TenantRepository::remove(s, tenantId); });
}

QFuture<Result<Tenant>> Store::tenant(qint64 tenantId)
{
    return read([tenantId](SqlSession &s) { return TenantRepository::get(s, tenantId); });
}

QFuture<Result<QList<Tenant>>> Store::tenants()
{
    return read([](SqlSession &s) { return TenantRepository::list(s); });
}

QFuture<Result<QList<TenantOverview>>> Store::tenantOverviews()
{
    return read([](SqlSession &s) -> Result<QList<TenantOverview>> {
        Result<QList<Tenant>> tenants = TenantRepository::list(s);
        if (!tenants)
            return fail(tenants.error());
        Result<QList<Connection>> connections = ConnectionRepository::list(s);
        if (!connections)
            return fail(connections.error());
        QList<TenantOverview> overviews;
        overviews.reserve(tenants->size());
        QHash<qint64, qsizetype> indexById;
        for (const Tenant &tenant : std::as_const(*tenants)) {
            indexById.insert(tenant.id, overviews.size());
            overviews.append(TenantOverview{tenant, {}});
        }
        for (const Connection &connection : std::as_const(*connections)) {
            const auto found = indexById.constFind(connection.tenantId);
            if (found != indexById.cend())
                overviews[*found].connections.append(connection);
        }
        return overviews;
    });
}

QFuture<Result<Connection>> Store::addConnection(const Connection &connection)
{
    return write([connection](SqlSession &s) { return ConnectionRepository::add(s, connection); });
}

QFuture<Result<Connection>> Store::updateConnectionSettings(qint64 connectionId,
                                                            const QString &label,
                                                            const ConnectionSettings &settings)
{
    return write([connectionId, label, settings](SqlSession &s) {
        return ConnectionRepository::updateSettings(s, connectionId, label, settings);
    });
}

QFuture<Result<Connection>> Store::setConnectionVerifyToken(qint64 connectionId,
                                                            const QString &token)
{
    return write([connectionId, token](SqlSession &s) -> Result<Connection> {
        Result<Connection> existing = ConnectionRepository::get(s, connectionId);
        if (!existing)
            return existing;
        ConnectionSettings settings = existing->settings;
        settings.handshakeVerifyToken = token;
        return ConnectionRepository::updateSettings(s, connectionId, existing->label, settings);
    });
}

QFuture<Result<Connection>> Store::setConnectionStatus(qint64 connectionId, ConnectionStatus status,
                                                       std::optional<qint64> tokenExpiresAtMs)
{
    return write([connectionId, status, tokenExpiresAtMs](SqlSession &s) {
        return ConnectionRepository::updateStatus(s, connectionId, status, tokenExpiresAtMs);
    });
}

QFuture<Result<Connection>> Store::recordConnectionCheck(qint64 connectionId, qint64 checkedAtMs,
                                                         const QString &result)
{
    return write([connectionId, checkedAtMs, result](SqlSession &s) {
        return ConnectionRepository::recordCheck(s, connectionId, checkedAtMs, result);
    });
}

QFuture<Result<void>> Store::removeConnection(qint64 connectionId)
{
    return write([connectionId](SqlSession &s) {
        return ConnectionRepository::remove(s, connectionId);
    });
}

QFuture<Result<Connection>> Store::connection(qint64 connectionId)
{
    return read(
            [connectionId](SqlSession &s) { return ConnectionRepository::get(s, connectionId); });
}

QFuture<Result<QList<Connection>>> Store::connections(std::optional<qint64> tenantId)
{
    return read([tenantId](SqlSession &s) { return ConnectionRepository::list(s, tenantId); });
}

QFuture<Result<IdentityMapping>> Store::addIdentityMapping(const IdentityMapping &mapping)
{
    return write([mapping](SqlSession &s) { return IdentityMappingRepository::add(s, mapping); });
}

QFuture<Result<IdentityMapping>> Store::updateIdentityMapping(const IdentityMapping &mapping)
{
    return write([mapping](SqlSession &s) { return IdentityMappingRepository::update(s, mapping); });
}

QFuture<Result<void>> Store::removeIdentityMapping(qint64 mappingId)
{
    return write(
            [mappingId](SqlSession &s) { return IdentityMappingRepository::remove(s, mappingId); });
}

QFuture<Result<QList<IdentityMapping>>> Store::identityMappings(const IdentityMappingFilter &filter)
{
    return read([filter](SqlSession &s) { return IdentityMappingRepository::list(s, filter); });
}

QFuture<Result<IdentityResolution>> Store::resolveIdentity(const IdentityQuery &query)
{
    return read([query](SqlSession &s) { return IdentityMappingRepository::resolve(s, query); });
}

QFuture<Result<SecretReference>> Store::putSecretReference(const SecretReference &reference)
{
    return write(
            [reference](SqlSession &s) { return SecretReferenceRepository::put(s, reference); });
}

QFuture<Result<bool>> Store::removeSecretReference(const SecretKey &key)
{
    return write([key](SqlSession &s) { return SecretReferenceRepository::remove(s, key); });
}

QFuture<Result<std::optional<SecretReference>>> Store::secretReference(const SecretKey &key)
{
    return read([key](SqlSession &s) { return SecretReferenceRepository::find(s, key); });
}

QFuture<Result<QList<SecretReference>>> Store::secretReferences(qint64 connectionId)
{
    return read([connectionId](SqlSession &s) {
        return SecretReferenceRepository::list(s, connectionId);
    });
}

QFuture<Result<bool>> Store::seedDemoWorkspace()
{
    return write([](SqlSession &s) -> Result<bool> {
        Result<std::optional<qint64>> seeded = wb::core::seedDemoWorkspace(s);
        if (!seeded)
            return fail(seeded.error());
        return seeded->has_value();
    });
}

} // namespace wb::core
