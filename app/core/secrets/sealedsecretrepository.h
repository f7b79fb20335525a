// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/sealing.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace wb::core {

// A row of sealed_secrets.
struct SealedRow
{
    SecretKey key;
    SealedValue value;
    qint64 sealedAtMs = 0; // UTC ms
};

// The SQL of the sealed backend (tables sealed_secrets and sealed_master_key, migration 2) in
// portable SQL. Ciphertexts only: nothing here ever sees a master key or a plaintext. Run inside a
// Store job (write functions in a write job).
class SealedSecretRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SealedSecretRepository)

public:
    static Result<std::optional<SealedValue>> find(SqlSession &session, const SecretKey &key);
    // Inserts or replaces the ciphertext of `key` (sealed_at_ms = now).
    static Result<void> put(SqlSession &session, const SecretKey &key, const SealedValue &value);
    // True when there was a row.
    static Result<bool> remove(SqlSession &session, const SecretKey &key);
    // Every sealed secret, ordered by connection, kind and slot.
    static Result<QList<SealedRow>> list(SqlSession &session);
    static Result<qint64> count(SqlSession &session);

    // The id of the workspace's current master key, or std::nullopt before the first sealed write.
    static Result<std::optional<QString>> recordedKeyId(SqlSession &session);
    static Result<void> recordKeyId(SqlSession &session, const QString &keyId);
    static Result<void> clearKeyId(SqlSession &session);
    // Any session, nothing written: error `secrets.wrong_master_key` naming both key ids and where
    // `masterKey` came from when the workspace recorded another key; a workspace that recorded
    // none yet (nothing sealed so far) accepts any key.
    static Result<void> checkKey(SqlSession &session, const MasterKey &masterKey);
    // Write sessions: checkKey(), then records `masterKey` as the workspace's key when none is
    // recorded.
    static Result<void> requireKey(SqlSession &session, const MasterKey &masterKey);
};

} // namespace wb::core
