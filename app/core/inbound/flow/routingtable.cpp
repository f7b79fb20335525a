// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/flow/routingtable.h"

#include "core/secrets/connectionsecrets.h"
#include "core/store/connectionrepository.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
// One read job, so the connections and the references are of one moment.
Result<RoutingTable::Snapshot> readSnapshot(SqlSession &session)
{
    Result<QList<Connection>> connections = ConnectionRepository::list(session);
    if (!connections)
        return fail(connections.error());
    Result<QSqlQuery> query = session.exec(
            u"SELECT connection_id, slot, updated_at_ms FROM secret_references WHERE kind = ?"_s,
            {nameOf(SecretKind::WebhookSigningSecret)});
    if (!query)
        return fail(query.error());
    RoutingTable::Snapshot snapshot{std::move(*connections), {}};
    while (query->next()) {
        const int slot = query->value(1).toString() == nameOf(SecretSlot::Primary) ? 0 : 1;
        snapshot.secretStamps.insert({query->value(0).toLongLong(), slot},
                                     query->value(2).toLongLong());
    }
    return snapshot;
}
} // namespace

RoutingTable::RoutingTable(Store &store, ConnectionSecrets *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    connect(&store, &Store::connectionAdded, this, &RoutingTable::upsert);
    connect(&store, &Store::connectionUpdated, this, &RoutingTable::upsert);
    connect(&store, &Store::connectionRemoved, this, [this](qint64 connectionId, qint64) {
        m_connections.remove(connectionId);
        m_signingSecrets.remove(connectionId);
        m_secretProblems.remove(connectionId);
    });
    auto secretChanged = [this](const SecretReference &reference) {
        if (reference.key.kind == SecretKind::WebhookSigningSecret
            && m_connections.contains(reference.key.connectionId)) {
            const int slot = reference.key.slot == SecretSlot::Primary ? 0 : 1;
            m_secretStamps.insert({reference.key.connectionId, slot}, reference.updatedAtMs);
            reloadSecret(reference.key.connectionId, slot);
        }
    };
    connect(&store, &Store::secretReferencePut, this, secretChanged);
    connect(&store, &Store::secretReferenceRemoved, this, [this](const SecretReference &reference) {
        if (reference.key.kind == SecretKind::WebhookSigningSecret) {
            auto it = m_signingSecrets.find(reference.key.connectionId);
            const int slot = reference.key.slot == SecretSlot::Primary ? 0 : 1;
            if (it != m_signingSecrets.end())
                (*it)[slot].clear();
            m_secretStamps.remove({reference.key.connectionId, slot});
        }
    });
    m_syncTimer.setInterval(defaultSyncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &RoutingTable::sync);
}

RoutingTable::~RoutingTable() = default;

void RoutingTable::load()
{
    if (m_loading || m_ready)
        return;
    m_loading = true;
    whenFinished(m_store.read(readSnapshot), this, [this](const Result<Snapshot> &snapshot) {
        if (!snapshot) {
            m_loading = false;
            Q_EMIT loadFailed(snapshot.error());
            return;
        }
        m_secretStamps = snapshot->secretStamps;
        ++m_outstanding; // held until every read below was started
        for (const Connection &connection : snapshot->connections)
            upsert(connection);
        finishOne();
    });
}

void RoutingTable::setSyncIntervalMs(int intervalMs)
{
    m_syncTimer.setInterval(intervalMs);
}

void RoutingTable::sync()
{
    if (!m_ready || m_syncing)
        return;
    m_syncing = true;
    whenFinished(m_store.read(readSnapshot), this, [this](const Result<Snapshot> &snapshot) {
        m_syncing = false; // on an error the next tick tries again
        if (snapshot)
            apply(*snapshot);
        Q_EMIT synced();
    });
}

void RoutingTable::apply(const Snapshot &snapshot)
{
    QSet<qint64> present;
    for (const Connection &connection : snapshot.connections) {
        present.insert(connection.id);
        const auto known = m_connections.constFind(connection.id);
        if (known == m_connections.constEnd()) {
            // A new one reads both its secrets as they are now.
            for (int slot : {0, 1}) {
                if (const auto stamp = snapshot.secretStamps.constFind({connection.id, slot});
                    stamp != snapshot.secretStamps.cend())
                    m_secretStamps.insert({connection.id, slot}, *stamp);
            }
            upsert(connection);
        } else if (!(*known == connection)) {
            upsert(connection);
        }
    }
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        m_signingSecrets.remove(it.key());
        m_secretProblems.remove(it.key());
        it = m_connections.erase(it);
    }
    // Secrets written or deleted by another process.
    for (auto it = snapshot.secretStamps.cbegin(); it != snapshot.secretStamps.cend(); ++it) {
        const auto [connectionId, slot] = it.key();
        if (!m_connections.contains(connectionId) || m_secretStamps.value(it.key(), -1) == *it)
            continue;
        m_secretStamps.insert(it.key(), *it);
        reloadSecret(connectionId, slot);
    }
    for (auto it = m_secretStamps.begin(); it != m_secretStamps.end();) {
        if (snapshot.secretStamps.contains(it.key())) {
            ++it;
            continue;
        }
        const auto [connectionId, slot] = it.key();
        auto secrets = m_signingSecrets.find(connectionId);
        if (secrets != m_signingSecrets.end())
            (*secrets)[slot].clear();
        it = m_secretStamps.erase(it);
    }
}

const Connection *RoutingTable::connection(qint64 connectionId) const
{
    auto it = m_connections.constFind(connectionId);
    return it == m_connections.constEnd() ? nullptr : &*it;
}

QList<const Connection *> RoutingTable::connectionsOf(const QString &providerId) const
{
    QList<const Connection *> found;
    for (const Connection &connection : m_connections) {
        if (connection.providerId == providerId)
            found << &connection;
    }
    std::sort(found.begin(), found.end(),
              [](const Connection *a, const Connection *b) { return a->id < b->id; });
    return found;
}

std::array<QByteArray, 2> RoutingTable::signingSecrets(qint64 connectionId) const
{
    return m_signingSecrets.value(connectionId);
}

QString RoutingTable::secretProblem(qint64 connectionId) const
{
    return m_secretProblems.value(connectionId);
}

void RoutingTable::upsert(const Connection &connection)
{
    const bool known = m_connections.contains(connection.id);
    m_connections.insert(connection.id, connection);
    if (!known) {
        reloadSecret(connection.id, 0);
        reloadSecret(connection.id, 1);
    }
}

void RoutingTable::reloadSecret(qint64 connectionId, int slot)
{
    if (!m_secrets)
        return;
    ++m_outstanding;
    const SecretKey key{connectionId, SecretKind::WebhookSigningSecret,
                        slot == 0 ? SecretSlot::Primary : SecretSlot::Secondary};
    whenFinished(m_secrets->get(key), this,
                 [this, connectionId, slot](const Result<QByteArray> &value) {
                     if (m_connections.contains(connectionId)) {
                         m_signingSecrets[connectionId][slot] = value ? *value : QByteArray();
                         if (!value && value.error().code != u"secrets.not_found"_s)
                             m_secretProblems.insert(connectionId, value.error().message);
                         else if (value)
                             m_secretProblems.remove(connectionId);
                     }
                     finishOne();
                 });
}

void RoutingTable::finishOne()
{
    if (--m_outstanding > 0 || m_ready || !m_loading)
        return;
    m_loading = false;
    m_ready = true;
    m_syncTimer.start();
    Q_EMIT ready();
}

} // namespace wb::core
