// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secrets/sealedsecretrepository.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString keyWhere = u"connection_id = ? AND kind = ? AND slot = ?"_s;

QVariantList keyValues(const SecretKey &key)
{
    return {key.connectionId, nameOf(key.kind), nameOf(key.slot)};
}

SealedValue valueFrom(const QSqlQuery &query, int first)
{
    SealedValue value;
    value.format = query.value(first).toInt();
    value.keyId = query.value(first + 1).toString();
    value.nonce = query.value(first + 2).toByteArray();
    value.ciphertext = query.value(first + 3).toByteArray();
    return value;
}

} // namespace

Result<std::optional<SealedValue>> SealedSecretRepository::find(SqlSession &session,
                                                                const SecretKey &key)
{
    Result<QSqlQuery> query = session.exec(u"SELECT format, key_id, nonce, ciphertext "
                                           "FROM sealed_secrets WHERE "_s
                                                   + keyWhere,
                                           keyValues(key));
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<SealedValue>();
    return std::optional<SealedValue>(valueFrom(*query, 0));
}

Result<void> SealedSecretRepository::put(SqlSession &session, const SecretKey &key,
                                         const SealedValue &value)
{
    return session.execute(
            u"INSERT INTO sealed_secrets (connection_id, kind, slot, format, key_id, nonce, "
            "ciphertext, sealed_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (connection_id, kind, slot) DO UPDATE SET format = excluded.format, "
            "key_id = excluded.key_id, nonce = excluded.nonce, ciphertext = excluded.ciphertext, "
            "sealed_at_ms = excluded.sealed_at_ms"_s,
            {key.connectionId, nameOf(key.kind), nameOf(key.slot), value.format, value.keyId,
             value.nonce, value.ciphertext, session.nowMs()});
}

Result<bool> SealedSecretRepository::remove(SqlSession &session, const SecretKey &key)
{
    Result<QSqlQuery> deleted = session.exec(u"DELETE FROM sealed_secrets WHERE "_s + keyWhere,
                                             keyValues(key));
    if (!deleted)
        return fail(deleted.error());
    return deleted->numRowsAffected() > 0;
}

Result<QList<SealedRow>> SealedSecretRepository::list(SqlSession &session)
{
    Result<QSqlQuery> query = session.exec(
            u"SELECT connection_id, kind, slot, format, key_id, nonce, ciphertext, sealed_at_ms "
            "FROM sealed_secrets ORDER BY connection_id, kind, slot"_s);
    if (!query)
        return fail(query.error());
    QList<SealedRow> rows;
    while (query->next()) {
        SealedRow row;
        row.key.connectionId = query->value(0).toLongLong();
        // The columns' CHECK constraints admit only known names.
        row.key.kind = secretKindFromName(query->value(1).toString())
                               .value_or(SecretKind::AccessToken);
        row.key.slot = secretSlotFromName(query->value(2).toString()).value_or(SecretSlot::Primary);
        row.value = valueFrom(*query, 3);
        row.sealedAtMs = query->value(7).toLongLong();
        rows << row;
    }
    return rows;
}

Result<qint64> SealedSecretRepository::count(SqlSession &session)
{
    Result<QSqlQuery> query = session.execOneRow(u"SELECT COUNT(*) FROM sealed_secrets"_s);
    if (!query)
        return fail(query.error());
    return query->value(0).toLongLong();
}

Result<std::optional<QString>> SealedSecretRepository::recordedKeyId(SqlSession &session)
{
    Result<QSqlQuery> query = session.exec(u"SELECT key_id FROM sealed_master_key WHERE id = 1"_s);
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<QString>();
    return std::optional<QString>(query->value(0).toString());
}

Result<void> SealedSecretRepository::recordKeyId(SqlSession &session, const QString &keyId)
{
    return session.execute(u"INSERT INTO sealed_master_key (id, key_id, recorded_at_ms) "
                           "VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                           "key_id = excluded.key_id, recorded_at_ms = excluded.recorded_at_ms"_s,
                           {keyId, session.nowMs()});
}

Result<void> SealedSecretRepository::clearKeyId(SqlSession &session)
{
    return session.execute(u"DELETE FROM sealed_master_key"_s);
}

Result<void> SealedSecretRepository::checkKey(SqlSession &session, const MasterKey &masterKey)
{
    Result<std::optional<QString>> recorded = recordedKeyId(session);
    if (!recorded)
        return fail(recorded.error());
    if (*recorded && **recorded != masterKey.keyId()) {
        return fail(u"secrets.wrong_master_key"_s,
                    tr("The master key from %1 (key id %2) is not this workspace's master key "
                       "(key id %3): its secrets cannot be opened with it. Nothing was written; "
                       "give the workspace's own key file.")
                            .arg(masterKey.origin(), masterKey.keyId(), **recorded));
    }
    return {};
}

Result<void> SealedSecretRepository::requireKey(SqlSession &session, const MasterKey &masterKey)
{
    if (Result<void> same = checkKey(session, masterKey); !same)
        return same;
    Result<std::optional<QString>> recorded = recordedKeyId(session);
    if (!recorded)
        return fail(recorded.error());
    return *recorded ? Result<void>() : recordKeyId(session, masterKey.keyId());
}

} // namespace wb::core
