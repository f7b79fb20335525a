// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/identitymappingrepository.h"

#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/store/textchecks.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString nameOf(IdentityResolution::Outcome outcome)
{
    switch (outcome) {
    case IdentityResolution::Outcome::Matched:
        return u"matched"_s;
    case IdentityResolution::Outcome::NoMapping:
        return u"no_mapping"_s;
    case IdentityResolution::Outcome::FieldMissing:
        return u"field_missing"_s;
    case IdentityResolution::Outcome::EmptyValue:
        return u"empty_value"_s;
    }
    Q_UNREACHABLE();
    return {};
}

namespace {

const QString columns = u"id, provider_id, external_account_id, tenant_id, connection_id, note, "
                        "created_at_ms, updated_at_ms"_s;

IdentityMapping fromRow(const QSqlQuery &query, int offset = 0)
{
    IdentityMapping mapping;
    mapping.id = query.value(offset + 0).toLongLong();
    mapping.providerId = query.value(offset + 1).toString();
    mapping.externalAccountId = query.value(offset + 2).toString();
    mapping.tenantId = query.value(offset + 3).toLongLong();
    mapping.connectionId = optionalInt64(query.value(offset + 4));
    mapping.note = query.value(offset + 5).toString();
    mapping.createdAtMs = query.value(offset + 6).toLongLong();
    mapping.updatedAtMs = query.value(offset + 7).toLongLong();
    return mapping;
}

// Everything but validate(): the tenant and connection exist and agree, the account is free.
Result<void> checkReferences(SqlSession &session, const IdentityMapping &mapping)
{
    if (Result<Tenant> tenant = TenantRepository::get(session, mapping.tenantId); !tenant)
        return fail(tenant.error());
    if (mapping.connectionId) {
        Result<Connection> connection = ConnectionRepository::get(session, *mapping.connectionId);
        if (!connection)
            return fail(connection.error());
        if (connection->tenantId != mapping.tenantId
            || connection->providerId != mapping.providerId) {
            return fail(u"store.connection_mismatch"_s,
                        IdentityMappingRepository::tr(
                                "Connection %1 is a %2 connection of tenant %3; an identity "
                                "mapping for %4 to tenant %5 cannot use it.")
                                .arg(connection->id)
                                .arg(connection->providerId)
                                .arg(connection->tenantId)
                                .arg(mapping.providerId)
                                .arg(mapping.tenantId));
        }
    }
    Result<QSqlQuery> holder
            = session.exec(u"SELECT m.id, t.id, t.display_name FROM identity_mappings m "
                           "JOIN tenants t ON t.id = m.tenant_id "
                           "WHERE m.provider_id = ? AND m.external_account_id = ? AND m.id <> ?"_s,
                           {mapping.providerId, mapping.externalAccountId, mapping.id});
    if (!holder)
        return fail(holder.error());
    if (holder->next()) {
        return fail(u"store.identity_mapping_conflict"_s,
                    IdentityMappingRepository::tr("The %1 account \"%2\" is already mapped to "
                                                  "tenant \"%3\" (tenant id %4, mapping id %5).")
                            .arg(mapping.providerId, mapping.externalAccountId,
                                 holder->value(2).toString())
                            .arg(holder->value(1).toLongLong())
                            .arg(holder->value(0).toLongLong()));
    }
    return {};
}

Result<int> mappingCount(SqlSession &session, const QString &providerId)
{
    Result<QSqlQuery> query
            = session.execOneRow(u"SELECT COUNT(*) FROM identity_mappings WHERE provider_id = ?"_s,
                                 {providerId});
    if (!query)
        return fail(query.error());
    return query->value(0).toInt();
}

} // namespace

Result<void> IdentityMappingRepository::validate(const IdentityMapping &mapping)
{
    Connection asConnection;
    asConnection.providerId = mapping.providerId;
    if (Result<void> provider = ConnectionRepository::validate(asConnection); !provider)
        return fail(u"store.invalid_identity_mapping"_s, provider.error().message);
    const QString &account = mapping.externalAccountId;
    if (account.isEmpty()) {
        return fail(u"store.invalid_identity_mapping"_s,
                    tr("An identity mapping needs the external account id (the %1 account whose "
                       "events belong to the tenant).")
                            .arg(mapping.providerId));
    }
    if (account.trimmed() != account) {
        return fail(u"store.invalid_identity_mapping"_s,
                    tr("The external account id \"%1\" starts or ends with white space; providers "
                       "send ids without it, and ids are compared exactly.")
                            .arg(printable(account)));
    }
    if (account.size() > 500 || hasControlCharacters(account)) {
        return fail(u"store.invalid_identity_mapping"_s,
                    tr("The external account id \"%1\" must be at most 500 characters without "
                       "control characters.")
                            .arg(printable(account.left(60))));
    }
    if (mapping.note.size() > 2000) {
        return fail(u"store.invalid_identity_mapping"_s,
                    tr("The note is %1 characters long; at most 2000 are allowed.")
                            .arg(mapping.note.size()));
    }
    return {};
}

Result<IdentityMapping> IdentityMappingRepository::add(SqlSession &session,
                                                       const IdentityMapping &input)
{
    if (Result<void> valid = validate(input); !valid)
        return fail(valid.error());
    IdentityMapping mapping = input;
    mapping.id = 0;
    if (Result<void> references = checkReferences(session, mapping); !references)
        return fail(references.error());
    const qint64 now = session.nowMs();
    Result<QSqlQuery> inserted = session.execOneRow(
            u"INSERT INTO identity_mappings (provider_id, external_account_id, tenant_id, "
            "connection_id, note, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id"_s,
            {mapping.providerId, mapping.externalAccountId, mapping.tenantId,
             toSqlValue(mapping.connectionId), mapping.note, now, now});
    if (!inserted)
        return fail(inserted.error());
    mapping.id = inserted->value(0).toLongLong();
    mapping.createdAtMs = now;
    mapping.updatedAtMs = now;
    session.afterCommit([mapping](Store &store) { Q_EMIT store.identityMappingAdded(mapping); });
    return mapping;
}

Result<IdentityMapping> IdentityMappingRepository::update(SqlSession &session,
                                                          const IdentityMapping &input)
{
    if (Result<void> valid = validate(input); !valid)
        return fail(valid.error());
    Result<IdentityMapping> existing = get(session, input.id);
    if (!existing)
        return existing;
    IdentityMapping mapping = input;
    if (Result<void> references = checkReferences(session, mapping); !references)
        return fail(references.error());
    mapping.createdAtMs = existing->createdAtMs;
    mapping.updatedAtMs = session.nowMs();
    Result<void> updated = session.execute(
            u"UPDATE identity_mappings SET provider_id = ?, external_account_id = ?, "
            "tenant_id = ?, connection_id = ?, note = ?, updated_at_ms = ? WHERE id = ?"_s,
            {mapping.providerId, mapping.externalAccountId, mapping.tenantId,
             toSqlValue(mapping.connectionId), mapping.note, mapping.updatedAtMs, mapping.id});
    if (!updated)
        return fail(updated.error());
    session.afterCommit([mapping](Store &store) { Q_EMIT store.identityMappingUpdated(mapping); });
    return mapping;
}

Result<void> IdentityMappingRepository::remove(SqlSession &session, qint64 mappingId)
{
    Result<IdentityMapping> existing = get(session, mappingId);
    if (!existing)
        return fail(existing.error());
    Result<void> deleted = session.execute(u"DELETE FROM identity_mappings WHERE id = ?"_s,
                                           {mappingId});
    if (!deleted)
        return deleted;
    session.afterCommit([mapping = *existing](Store &store) {
        Q_EMIT store.identityMappingRemoved(mapping.id, mapping.tenantId);
    });
    return {};
}

Result<IdentityMapping> IdentityMappingRepository::get(SqlSession &session, qint64 mappingId)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + columns
                                                   + u" FROM identity_mappings WHERE id = ?"_s,
                                           {mappingId});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        return fail(u"store.unknown_identity_mapping"_s,
                    tr("There is no identity mapping with id %1.").arg(mappingId));
    }
    return fromRow(*query);
}

Result<QList<IdentityMapping>> IdentityMappingRepository::list(SqlSession &session,
                                                               const IdentityMappingFilter &filter)
{
    QString sql = u"SELECT "_s + columns + u" FROM identity_mappings WHERE 1 = 1"_s;
    QVariantList values;
    if (!filter.providerId.isEmpty()) {
        sql += u" AND provider_id = ?"_s;
        values << filter.providerId;
    }
    if (filter.tenantId) {
        sql += u" AND tenant_id = ?"_s;
        values << *filter.tenantId;
    }
    sql += u" ORDER BY provider_id, external_account_id"_s;
    Result<QSqlQuery> query = session.exec(sql, values);
    if (!query)
        return fail(query.error());
    QList<IdentityMapping> mappings;
    while (query->next())
        mappings << fromRow(*query);
    return mappings;
}

Result<IdentityResolution> IdentityMappingRepository::resolve(SqlSession &session,
                                                              const IdentityQuery &query)
{
    if (query.providerId.isEmpty()) {
        return fail(u"store.invalid_identity_query"_s,
                    tr("An identity lookup needs the provider id."));
    }
    const QString source = query.source.isEmpty() ? tr("the identity field") : query.source;
    IdentityResolution resolution;
    Result<int> count = mappingCount(session, query.providerId);
    if (!count)
        return fail(count.error());
    resolution.providerMappingCount = *count;
    const QString countText = *count == 0 ? tr("%1 has no identity mappings in this workspace.")
                                                    .arg(query.providerId)
                                          : tr("Identity mappings for %1 in this workspace: %2.")
                                                    .arg(query.providerId)
                                                    .arg(*count);

    if (!query.value) {
        resolution.outcome = IdentityResolution::Outcome::FieldMissing;
        resolution.explanation = tr("Nothing was found at %1, so no tenant could be resolved. %2")
                                         .arg(source, countText);
        return resolution;
    }
    const QString &value = *query.value;
    if (value.isEmpty()) {
        resolution.outcome = IdentityResolution::Outcome::EmptyValue;
        resolution.explanation = tr("Read %1: it is empty, so no tenant could be resolved. %2")
                                         .arg(source, countText);
        return resolution;
    }

    Result<QSqlQuery> match = session.exec(
            u"SELECT m.id, m.provider_id, m.external_account_id, m.tenant_id, m.connection_id, "
            "m.note, m.created_at_ms, m.updated_at_ms, t.id, t.display_name, "
            "t.external_reference, t.notes, t.created_at_ms, t.updated_at_ms "
            "FROM identity_mappings m JOIN tenants t ON t.id = m.tenant_id "
            "WHERE m.provider_id = ? AND m.external_account_id = ?"_s,
            {query.providerId, value});
    if (!match)
        return fail(match.error());
    if (match->next()) {
        resolution.outcome = IdentityResolution::Outcome::Matched;
        resolution.mapping = fromRow(*match);
        Tenant tenant;
        tenant.id = match->value(8).toLongLong();
        tenant.displayName = match->value(9).toString();
        tenant.externalReference = match->value(10).toString();
        tenant.notes = match->value(11).toString();
        tenant.createdAtMs = match->value(12).toLongLong();
        tenant.updatedAtMs = match->value(13).toLongLong();
        resolution.tenant = tenant;
        resolution.explanation = tr("Read %1: \"%2\". Identity mapping %3 maps %4 account \"%2\" "
                                    "to tenant \"%5\" (id %6).")
                                         .arg(source, printable(value))
                                         .arg(resolution.mapping->id)
                                         .arg(query.providerId, tenant.displayName)
                                         .arg(tenant.id);
        return resolution;
    }

    resolution.outcome = IdentityResolution::Outcome::NoMapping;
    QString explanation = tr("Read %1: \"%2\". No identity mapping holds %3 account \"%2\". %4")
                                  .arg(source, printable(value), query.providerId, countText);
    // A near miss in letter case is the usual mistake (Shopify shop domains, say).
    Result<QSqlQuery> nearMiss
            = session.exec(u"SELECT m.external_account_id, t.display_name FROM identity_mappings m "
                           "JOIN tenants t ON t.id = m.tenant_id "
                           "WHERE m.provider_id = ? AND lower(m.external_account_id) = lower(?) "
                           "ORDER BY m.id LIMIT 1"_s,
                           {query.providerId, value});
    if (!nearMiss)
        return fail(nearMiss.error());
    if (nearMiss->next()) {
        explanation += u' '
                       + tr("Mapping \"%1\" (tenant \"%2\") differs only in letter case; ids are "
                            "compared exactly.")
                                 .arg(nearMiss->value(0).toString(), nearMiss->value(1).toString());
    }
    resolution.explanation = explanation;
    return resolution;
}

} // namespace wb::core
