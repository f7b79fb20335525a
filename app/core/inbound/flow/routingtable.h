// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/connection.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <array>

namespace wb::core {

class ConnectionSecrets;
class Store;
struct SecretReference;

// What the receiver must know at once for every request, without a database or keychain round
// trip: the workspace's connections and their webhook signing secrets (both slots, for rotation).
// Loaded once, then kept current
//  - from the Store's change signals (connections, secret references: a secret written through
//    ConnectionSecrets is read back from the SecretStore when its reference is recorded), and
//  - every syncIntervalMs, for the changes other processes sharing the workspace made
//    (`wirebench-cli connections add`, `secrets set` while the GUI or `serve` runs): one read of
//    the connections and of the signing secrets' references; only a secret whose reference
//    changed (updated_at_ms) is read from the SecretStore again.
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

    static constexpr int defaultSyncIntervalMs = 2'000;

    // What the workspace holds at one moment: every connection, and when each webhook signing
    // secret's reference was last written, by (connection, slot 0 primary / 1 secondary).
    struct Snapshot
    {
        QList<Connection> connections;
        QHash<std::pair<qint64, int>, qint64> secretStamps;
    };

    // Reads the connections and their signing secrets; emits ready() (or loadFailed()) once, then
    // syncs every syncIntervalMs.
    void load();
    void setSyncIntervalMs(int intervalMs);
    // Reads what other processes changed now (also what the timer does). Emits synced() when the
    // reads finished (the secrets it started reading may still be on their way).
    void sync();
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
    void synced();

private:
    void upsert(const Connection &connection);
    void reloadSecret(qint64 connectionId, int slot);
    void finishOne();
    void apply(const Snapshot &snapshot);

    Store &m_store;
    ConnectionSecrets *m_secrets;
    QHash<qint64, Connection> m_connections;
    QHash<qint64, std::array<QByteArray, 2>> m_signingSecrets;
    QHash<qint64, QString> m_secretProblems;
    // updated_at_ms of each signing secret's reference as last seen, by (connection, slot).
    QHash<std::pair<qint64, int>, qint64> m_secretStamps;
    QTimer m_syncTimer;
    int m_outstanding = 0;
    bool m_loading = false;
    bool m_ready = false;
    bool m_syncing = false;
};

} // namespace wb::core
