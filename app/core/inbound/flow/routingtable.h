// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/connection.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <array>

namespace wb::core {

class ConnectionSecrets;
class Store;
struct SecretReference;

// What the receiver must know at once for every request, without a database or keychain round
// trip: the workspace's connections and their webhook signing secrets (both slots, for rotation).
// Loaded once, then kept current from the Store's change signals (connections, secret references:
// a secret written through ConnectionSecrets is read back from the SecretStore when its reference
// is recorded).
//
// Secrets stay in memory only (never logged, never in explanations).
// Thread: the Store's owner thread (the main thread).
class RoutingTable final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingTable)

public:
    // `store` and `secrets` (may be null: then no connection has a secret) must outlive this.
    RoutingTable(Store &store, ConnectionSecrets *secrets, QObject *parent = nullptr);
    ~RoutingTable() override;

    // Reads the connections and their signing secrets; emits ready() (or loadFailed()) once.
    void load();
    bool isReady() const { return m_ready; }

    const Connection *connection(qint64 connectionId) const;
    // The connections to `providerId`, by id.
    QList<const Connection *> connectionsOf(const QString &providerId) const;
    // {primary, secondary}; an empty entry is an unused slot (or one that could not be read: see
    // secretProblem()).
    std::array<QByteArray, 2> signingSecrets(qint64 connectionId) const;
    // Why a slot could not be read from the SecretStore (keychain locked, …), or "".
    QString secretProblem(qint64 connectionId) const;

Q_SIGNALS:
    void ready();
    void loadFailed(const wb::core::Error &error);

private:
    void upsert(const Connection &connection);
    void reloadSecret(qint64 connectionId, int slot);
    void finishOne();

    Store &m_store;
    ConnectionSecrets *m_secrets;
    QHash<qint64, Connection> m_connections;
    QHash<qint64, std::array<QByteArray, 2>> m_signingSecrets;
    QHash<qint64, QString> m_secretProblems;
    int m_outstanding = 0;
    bool m_loading = false;
    bool m_ready = false;
};

} // namespace wb::core
