// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkey.h"
#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QUuid>

#include <memory>

namespace wb::core {

class Store;

// Secrets as ciphertext in the workspace database (table sealed_secrets), for headless and shared
// workspaces: every process that opens the workspace with its master key reads the same values, and
// sees a new value as soon as the transaction that wrote it commits. Sealing is described in
// sealing.h (XChaCha20-Poly1305, a random nonce per write, the row bound by the associated data).
//
// Before its first write the workspace records the master key's id (sealed_master_key); a process
// holding another key is refused (`secrets.wrong_master_key`) and writes nothing, so one workspace
// never holds secrets under two keys. A ciphertext that fails authentication is reported for that
// secret only (`secrets.tampered`); the others still read.
//
// Thread: call from any thread. write/remove run as Store write jobs, read as a read job; futures
// complete on the store's writer or reader thread. The *InSession functions run inside the
// caller's own Store job. `store` must outlive this object; the key is shared.
class SealedSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SealedSecretStore)
    Q_DISABLE_COPY_MOVE(SealedSecretStore)

public:
    SealedSecretStore(Store &store, std::shared_ptr<const MasterKey> masterKey);
    ~SealedSecretStore() override;

    QString backendName() const override;
    // "workspace/<uuid>/connection/<id>/<kind>/<slot>", as for the keychain.
    QString keyName(const SecretKey &key) const override;
    QFuture<Result<void>> write(const SecretKey &key, const QByteArray &value) override;
    QFuture<Result<QByteArray>> read(const SecretKey &key) override;
    QFuture<Result<void>> remove(const SecretKey &key) override;

    bool keepsValuesInWorkspace() const override { return true; }
    // Checks the key and value, requires the workspace's master key (recording it on the first
    // write), seals and stores. Writer thread, in a write job.
    Result<void> writeInSession(SqlSession &session, const SecretKey &key,
                                const QByteArray &value) override;
    // `secrets.not_found` when no ciphertext is stored; see Sealing::open for the others.
    Result<QByteArray> readInSession(SqlSession &session, const SecretKey &key) override;
    Result<bool> removeInSession(SqlSession &session, const SecretKey &key) override;

    const MasterKey &masterKey() const { return *m_masterKey; }
    std::shared_ptr<const MasterKey> sharedMasterKey() const { return m_masterKey; }

private:
    Store &m_store;
    QUuid m_workspaceId;
    std::shared_ptr<const MasterKey> m_masterKey;
};

} // namespace wb::core
