// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/secretreferencerepository.h"

#include "core/store/connectionrepository.h"
#include "core/store/store.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString columns
        = u"connection_id, kind, slot, backend, key_name, created_at_ms, updated_at_ms"_s;

SecretReference fromRow(const QSqlQuery &query)
{
    SecretReference reference;
    reference.key.connectionId = query.value(0).toLongLong();
    // The columns' CHECK constraints admit only known names.
    reference.key.kind = secretKindFromName(query.value(1).toString())
                                 .value_or(SecretKind::AccessToken);
    reference.key.slot = secretSlotFromName(query.value(2).toString()).value_or(SecretSlot::Primary);
    reference.backend = query.value(3).toString();
    reference.keyName = query.value(4).toString();
    reference.createdAtMs = query.value(5).toLongLong();
    reference.updatedAtMs = query.value(6).toLongLong();
    return reference;
}

} // namespace

Result<SecretReference> SecretReferenceRepository::put(SqlSession &session,
                                                       const SecretReference &input)
{
    if (Result<void> valid = validateSecretKey(input.key); !valid)
        return fail(valid.error());
    if (input.backend.isEmpty() || input.keyName.isEmpty()) {
        return fail(u"store.invalid_secret_reference"_s,
                    tr("A secret reference for %1 needs a backend and a key name.")
                            .arg(describe(input.key)));
    }
    if (Result<Connection> connection = ConnectionRepository::get(session, input.key.connectionId);
        !connection) {
        return fail(connection.error());
    }
    const qint64 now = session.nowMs();
    Result<QSqlQuery> stored = session.execOneRow(
            u"INSERT INTO secret_references (connection_id, kind, slot, backend, key_name, "
            "created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (connection_id, kind, slot) DO UPDATE SET backend = excluded.backend, "
            "key_name = excluded.key_name, updated_at_ms = excluded.updated_at_ms "
            "RETURNING "_s
                    + columns,
            {input.key.connectionId, nameOf(input.key.kind), nameOf(input.key.slot), input.backend,
             input.keyName, now, now});
    if (!stored)
        return fail(stored.error());
    const SecretReference reference = fromRow(*stored);
    session.afterCommit([reference](Store &store) { Q_EMIT store.secretReferencePut(reference); });
    return reference;
}

Result<bool> SecretReferenceRepository::remove(SqlSession &session, const SecretKey &key)
{
    Result<std::optional<SecretReference>> existing = find(session, key);
    if (!existing)
        return fail(existing.error());
    if (!*existing)
        return false;
    Result<void> deleted = session.execute(
            u"DELETE FROM secret_references WHERE connection_id = ? AND kind = ? AND slot = ?"_s,
            {key.connectionId, nameOf(key.kind), nameOf(key.slot)});
    if (!deleted)
        return fail(deleted.error());
    session.afterCommit([reference = **existing](Store &store) {
        Q_EMIT store.secretReferenceRemoved(reference);
    });
    return true;
}

Result<std::optional<SecretReference>> SecretReferenceRepository::find(SqlSession &session,
                                                                       const SecretKey &key)
{
    Result<QSqlQuery> query = session.exec(
            u"SELECT "_s + columns
                    + u" FROM secret_references WHERE connection_id = ? AND kind = ? AND slot = ?"_s,
            {key.connectionId, nameOf(key.kind), nameOf(key.slot)});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<SecretReference>();
    return std::optional<SecretReference>(fromRow(*query));
}

Result<QList<SecretReference>> SecretReferenceRepository::list(SqlSession &session,
                                                               qint64 connectionId)
{
    Result<QSqlQuery> query = session.exec(u"SELECT "_s + columns
                                                   + u" FROM secret_references "
                                                     "WHERE connection_id = ? ORDER BY kind, slot"_s,
                                           {connectionId});
    if (!query)
        return fail(query.error());
    QList<SecretReference> references;
    while (query->next())
        references << fromRow(*query);
    return references;
}

} // namespace wb::core
