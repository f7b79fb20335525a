// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretkey.h"
#include "core/store/store.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

// Helpers of the secrets suites.
namespace wb::test {

// 32 random bytes (libsodium).
QByteArray randomKeyBytes();
// Writes `contents` to `path` with the permission bits `mode` (e.g. 0600); false on failure.
bool writeKeyFile(const QString &path, const QByteArray &contents, int mode = 0600);
// A tenant with `count` connections; their ids in order.
QList<qint64> addConnections(core::Store &store, int count);
// What libsecret's own command-line client (`secret-tool`) finds for our service and `keyName`:
// proof that a value is (or is not) in the Secret Service itself. Empty when there is none.
QByteArray secretToolLookup(const QString &keyName);

// The stored row of a sealed secret, read with a plain SQLite connection beside the Store.
struct RawSealedRow
{
    QString keyId;
    QByteArray nonce;
    QByteArray ciphertext;
};
core::Result<RawSealedRow> rawSealedRow(const QString &databasePath, const core::SecretKey &key);

// Decrypts a sealed row with libsodium directly, following the format documented in
// core/secrets/sealing.h (KDF subkey 1 of context "wbsealed", XChaCha20-Poly1305 IETF, the
// associated data built here from its description): an independent check of the format.
std::optional<QByteArray> openIndependently(const QByteArray &rawMasterKey,
                                            const QUuid &workspaceId, const core::SecretKey &key,
                                            const RawSealedRow &row);

} // namespace wb::test
