// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretkey.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

namespace wb::core {

class SqlSession;

// Where secret values live: a backend keyed by SecretKey (connection, kind, slot). The database only
// ever holds a SecretReference (backend name and keyName()). Backends: "keychain" (the OS keychain
// through QtKeychain, KeychainSecretStore) and "sealed" (libsodium ciphertext in the workspace
// database for headless and shared workspaces, SealedSecretStore).
//
// Contract for every backend
//  - Asynchronous: each call returns at once; the future completes on the backend's own thread (for
//    the keychain: the thread that created it, normally the main thread). Call from any thread.
//  - A value is opaque bytes (1 byte to 64 KiB). It never appears in an error message or a log
//    line; messages name the key (describe(SecretKey)) instead.
//  - Errors (stable codes): `secrets.invalid_key`, `secrets.invalid_value` (empty or too large),
//    `secrets.not_found` (read of a key with no value), `secrets.keychain_unavailable` (no keychain
//    service to talk to: the message says which part is missing), `secrets.access_denied`,
//    `secrets.backend_error` (anything else, with the backend's own text); sealed only:
//    `secrets.wrong_master_key`, `secrets.tampered` (that secret only; see sealing.h).
class SecretStore
{
public:
    static constexpr qsizetype maxValueSize = 64 * 1024;

    virtual ~SecretStore() = default;

    // "keychain" or "sealed": recorded in secret references.
    virtual QString backendName() const = 0;
    // The name the value is stored under in this backend (recorded in secret references).
    virtual QString keyName(const SecretKey &key) const = 0;

    // Stores `value` under `key`, replacing any previous value.
    virtual QFuture<Result<void>> write(const SecretKey &key, const QByteArray &value) = 0;
    // The value stored under `key`; `secrets.not_found` when there is none.
    virtual QFuture<Result<QByteArray>> read(const SecretKey &key) = 0;
    // Deletes the value under `key`. Deleting a key with no value succeeds.
    virtual QFuture<Result<void>> remove(const SecretKey &key) = 0;

    // True for a backend that keeps its values in the workspace database (sealed). Such a backend
    // also offers the *InSession operations below, to be called inside a Store job (write
    // operations in a write job, on the writer thread), so that a secret changes in the same
    // transaction as other rows (ConnectionSecrets::putAndWrite). The keychain cannot: its
    // defaults fail with `secrets.not_transactional`.
    virtual bool keepsValuesInWorkspace() const { return false; }
    virtual Result<void> writeInSession(SqlSession &session, const SecretKey &key,
                                        const QByteArray &value);
    virtual Result<QByteArray> readInSession(SqlSession &session, const SecretKey &key);
    // True when there was a value.
    virtual Result<bool> removeInSession(SqlSession &session, const SecretKey &key);
};

// `secrets.invalid_value` unless 1 <= value.size() <= SecretStore::maxValueSize. Names the key and
// the size, never the value.
Result<void> validateSecretValue(const SecretKey &key, const QByteArray &value);

} // namespace wb::core
