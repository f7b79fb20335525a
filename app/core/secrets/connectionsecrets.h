// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/secretstore.h"
#include "core/store/secretreference.h"
#include "core/store/workspaceinfo.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace wb::core {

class Store;

// A connection's secrets: the value in the workspace's SecretStore, the reference in the Store. The
// way the rest of the core stores and reads OAuth client secrets, tokens and webhook signing
// secrets.
//
// Thread: lives on the thread that owns the Store and the SecretStore (the main thread); call it
// there. Futures complete on that thread. If this object is destroyed first, pending futures are
// cancelled.
//
// When the Store removes a connection (or its tenant), the connection's values are deleted from
// the SecretStore too (connection ids are never reused, so this cannot hit a newer secret).
class ConnectionSecrets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSecrets)

public:
    // `store` and `backend` must outlive this object.
    ConnectionSecrets(Store &store, SecretStore &backend, QObject *parent = nullptr);
    ~ConnectionSecrets() override;

    // Stores `value` for `key`: checks the connection exists, writes the value to the backend,
    // then records the reference (undoing the write if that fails). Errors: those of
    // SecretStore::write, `store.unknown_connection`, `secrets.backend_mismatch` (the workspace
    // uses another backend).
    QFuture<Result<SecretReference>> put(const SecretKey &key, const QByteArray &value);
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

// The SecretStore a workspace's record asks for: "keychain" → KeychainSecretStore keyed by the
// workspace id. Error `secrets.backend_unavailable` for "sealed" (issue 14) or an unknown name.
Result<std::unique_ptr<SecretStore>> createSecretStore(const WorkspaceInfo &workspace);

} // namespace wb::core
