// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/secretreference.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace wb::core {

class SqlSession;
class Store;

// A connection's secrets: the value in the workspace's SecretStore, the reference in the Store. The
// way the rest of the core stores and reads OAuth client secrets, tokens and webhook signing
// secrets.
//
// With the keychain backend the value and the reference are written one after the other (the
// value first; a failed reference write deletes the value again). With the sealed backend
// (SecretStore::keepsValuesInWorkspace()) the ciphertext and the reference are written in one
// transaction, and read in one snapshot.
//
// Every write checks, in its transaction, that the workspace still keeps its secrets in this
// backend: after a `wirebench-cli secrets migrate` by another process, writes fail with
// `secrets.backend_mismatch` (restart to pick up the new backend) instead of writing to the old
// one.
//
// Thread: lives on the thread that owns the Store and the SecretStore (the main thread); call it
// there. Futures complete on that thread. If this object is destroyed first, pending futures are
// cancelled.
//
// When the Store removes a connection (or its tenant), the connection's values are deleted from
// the SecretStore too (connection ids are never reused, so this cannot hit a newer secret; sealed
// values go with the connection's row by ON DELETE CASCADE).
class ConnectionSecrets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSecrets)

public:
    // A caller's own database work, run in the same write transaction as a secret's write (see
    // putAndWrite). Runs on the writer thread; an error rolls back the secret's write with it.
    using WriteStep = std::function<Result<void>(SqlSession &)>;

    // `store` and `backend` must outlive this object.
    ConnectionSecrets(Store &store, SecretStore &backend, QObject *parent = nullptr);
    ~ConnectionSecrets() override;

    SecretStore &backend() const { return m_backend; }

    // Stores `value` for `key`: checks the connection exists, writes the value to the backend and
    // records the reference (keychain: undoing the value if the reference fails). Errors: those of
    // SecretStore::write, `store.unknown_connection`, `secrets.backend_mismatch` (the workspace
    // uses another backend).
    QFuture<Result<SecretReference>> put(const SecretKey &key, const QByteArray &value);
    // Stores `value` for `key` like put(), and runs `alongside` in the same write transaction as
    // the reference: another process sees the new secret exactly when it sees the caller's write.
    // Made for refresh-token rotation: write the new refresh token and release the refresh lease
    // in one transaction, so no worker ever reads a spent token.
    //  - sealed backend: `alongside`, the ciphertext and the reference commit together, or none of
    //    them does (an error of any of them rolls all back; the old value stays readable);
    //  - keychain backend: the value is written to the keychain first (other processes on the same
    //    machine may read it from then on); `alongside` and the reference then commit together.
    //    If that transaction fails, the keychain keeps the new value (the old one was replaced):
    //    for a rotated refresh token that is the one the provider now accepts.
    // `alongside` must be thread-safe to call on the writer thread and must not block.
    QFuture<Result<SecretReference>> putAndWrite(const SecretKey &key, const QByteArray &value,
                                                 WriteStep alongside);
    // The value for `key`. `secrets.not_found` when no reference exists (the backend is not asked)
    // or the backend lost the value.
    QFuture<Result<QByteArray>> get(const SecretKey &key);
    // Deletes the value, then the reference. True when there was a reference.
    QFuture<Result<bool>> remove(const SecretKey &key);
    // Rotation: the secondary webhook signing secret becomes the primary one and the secondary slot
    // is emptied. `secrets.not_found` when there is no secondary secret.
    QFuture<Result<void>> promoteSecondaryWebhookSecret(qint64 connectionId);

private:
    void forgetConnection(qint64 connectionId);

    Store &m_store;
    SecretStore &m_backend;
};

// The steps of ConnectionSecrets' write jobs, for code that composes its own Store job (the
// secrets migration): `secrets.backend_mismatch` unless the workspace record names `backend`.
Result<void> requireWorkspaceBackend(SqlSession &session, const QString &backend);

} // namespace wb::core
