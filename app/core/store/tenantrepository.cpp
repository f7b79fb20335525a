// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/tenantrepository.h"

#include "core/store/connectionrepository.h"
#include "core/store/identitymappingrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/store.h"
#include "core/store/textchecks.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString columns
        = u"id, display_name, external_reference, notes, created_at_ms, updated_at_ms"_s;

Tenant fromRow(const QSqlQuery &query)
{
    Tenant tenant;
    tenant.id = query.value(0).toLongLong();
    tenant.displayName = query.value(1).toString();
    tenant.externalReference = query.value(2).toString();
    tenant.notes = query.value(3).toString();
    tenant.createdAtMs = query.value(4).toLongLong();
    tenant.updatedAtMs = query.value(5).toLongLong();
    return tenant;
}

Tenant normalized(Tenant tenant)
{
    tenant.displayName = tenant.displayName.trimmed();
    tenant.externalReference = tenant.externalReference.trimmed();
    return tenant;
}

} // namespace

Error TenantRepository::unknownTenant(qint64 tenantId)
{
    return Error{u"store.unknown_tenant"_s, tr("There is no tenant with id %1.").arg(tenantId)};
}

Result<void> TenantRepository::validate(const Tenant &input)
{
    const Tenant tenant = normalized(input);
    if (tenant.displayName.isEmpty())
        return fail(u"store.invalid_tenant"_s, tr("A tenant needs a display name."));
    if (tenant.displayName.size() > 200) {
        return fail(u"store.invalid_tenant"_s,
                    tr("The display name \"%1…\" is %2 characters long; at most 200 are allowed.")
                            .arg(tenant.displayName.left(40))
                            .arg(tenant.displayName.size()));
    }
    if (hasControlCharacters(tenant.displayName)) {
        return fail(u"store.invalid_tenant"_s,
                    tr("The display name \"%1\" contains control characters (such as line breaks "
                       "or tabs).")
                            .arg(printable(tenant.displayName)));
    }
    if (tenant.externalReference.size() > 200 || hasControlCharacters(tenant.externalReference)) {
        return fail(u"store.invalid_tenant"_s,
                    tr("The external reference \"%1\" must be at most 200 characters without "
                       "control characters.")
                            .arg(printable(tenant.externalReference.left(60))));
    }
    return {};
}

namespace {

Result<void> checkUnique(SqlSession &session, const Tenant &tenant)
{
    Result<QSqlQuery> byName = session.exec(
            u"SELECT id, display_name FROM tenants WHERE lower(display_name) = lower(?) AND id <> ?"_s,
            {tenant.displayName, tenant.id});
    if (!byName)
        return fail(byName.error());
    if (byName->next()) {
        return fail(u"store.duplicate_tenant"_s,
                    TenantRepository::tr("A tenant named \"%1\" already exists (id %2).")
                            .arg(byName->value(1).toString())
                            .arg(byName->value(0).toLongLong()));
    }
    if (tenant.externalReference.isEmpty())
        return {};
    Result<QSqlQuery> byReference = session.exec(
            u"SELECT id, display_name FROM tenants WHERE external_reference = ? AND id <> ?"_s,
            {tenant.externalReference, tenant.id});
    if (!byReference)
        return fail(byReference.error());
    if (byReference->next()) {
        return fail(u"store.duplicate_tenant"_s,
                    TenantRepository::tr("The external reference \"%1\" already belongs to tenant "
                                         "\"%2\" (id %3).")
                            .arg(tenant.externalReference, byReference->value(1).toString())
                            .arg(byReference->value(0).toLongLong()));
    }
    return {};
}

} // namespace

Result<Tenant> TenantRepository::add(SqlSession &session, const Tenant &input)
{
    if (Result<void> valid = validate(input); !valid)
        return fail(valid.error());
    Tenant tenant = normalized(input);
    tenant.id = 0;
    if (Result<void> unique = checkUnique(session, tenant); !unique)
        return fail(unique.error());
    const qint64 now = session.nowMs();
    Result<QSqlQuery> inserted = session.execOneRow(
            u"INSERT INTO tenants (display_name, external_reference, notes, created_at_ms, "
            "updated_at_ms) VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
            {tenant.displayName, tenant.externalReference, tenant.notes, now, now});
    if (!inserted)
        return fail(inserted.error());
    tenant.id = inserted->value(0).toLongLong();
    tenant.createdAtMs = now;
    tenant.updatedAtMs = now;
    session.afterCommit([tenant](Store &store) { Q_EMIT store.tenantAdded(tenant); });
    return tenant;
}

Result<Tenant> TenantRepository::update(SqlSession &session, const Tenant &input)
{
    if (Result<void> valid = validate(input); !valid)
        return fail(valid.error());
    Result<Tenant> existing = get(session, input.id);
    if (!existing)
        return existing;
    Tenant tenant = normalized(input);
    if (Result<void> unique = checkUnique(session, tenant); !unique)
        return fail(unique.error());
    tenant.createdAtMs = existing->createdAtMs;
    tenant.updatedAtMs = session.nowMs();
    Result<void> updated = session.execute(
            u"UPDATE tenants SET display_name = ?, external_reference = ?, notes = ?, "
            "updated_at_ms = ? WHERE id = ?"_s,
            {tenant.displayName, tenant.externalReference, tenant.notes, tenant.updatedAtMs,
             tenant.id});
    if (!updated)
        return fail(updated.error());
    session.afterCommit([tenant](Store &store) { Q_EMIT store.tenantUpdated(tenant); });
    return tenant;
}

Result<void> TenantRepository::remove(SqlSession &session, qint64 tenantId)
{
    if (Result<Tenant> existing = get(session, tenantId); !existing)
        return fail(existing.error());
    // The database would cascade on its own; going step by step lets the signals say what went.
    IdentityMappingFilter filter;
    filter.tenantId = tenantId;
    Result<QList<IdentityMapping>> mappings = IdentityMappingRepository::list(session, filter);
    if (!mappings)
        return fail(mappings.error());
    if (Result<void> deleted
        = session.execute(u"DELETE FROM identity_mappings WHERE tenant_id = ?"_s, {tenantId});
        !deleted) {
        return deleted;
    }
    session.afterCommit([mappings = *mappings](Store &store) {
        for (const IdentityMapping &mapping : mappings)
            Q_EMIT store.identityMappingRemoved(mapping.id, mapping.tenantId);
    });
    Result<QList<Connection>> connections = ConnectionRepository::list(session, tenantId);
    if (!connections)
        return fail(connections.error());
    for (const Connection &connection : *connections) {
        if (Result<void> removed = ConnectionRepository::remove(session, connection.id); !removed)
            return removed;
    }
    if (Result<void> deleted = session.execute(u"DELETE FROM tenants WHERE id = ?"_s, {tenantId});
        !deleted) {
        return deleted;
    }
    session.afterCommit([tenantId](Store &store) { Q_EMIT store.tenantRemoved(tenantId); });
    return {};
}

Result<Tenant> TenantRepository::get(SqlSession &session, qint64 tenantId)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + columns + u" FROM tenants WHERE id = ?"_s,
                                           {tenantId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(unknownTenant(tenantId));
    return fromRow(*query);
}

Result<QList<Tenant>> TenantRepository::list(SqlSession &session)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + columns
                                           + u" FROM tenants ORDER BY lower(display_name), id"_s);
    if (!query)
        return fail(query.error());
    QList<Tenant> tenants;
    while (query->next())
        tenants << fromRow(*query);
    return tenants;
}

} // namespace wb::core
