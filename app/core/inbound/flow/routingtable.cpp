// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/flow/routingtable.h"

#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

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
            reloadSecret(reference.key.connectionId,
                         reference.key.slot == SecretSlot::Primary ? 0 : 1);
        }
    };
    connect(&store, &Store::secretReferencePut, this, secretChanged);
    connect(&store, &Store::secretReferenceRemoved, this, [this](const SecretReference &reference) {
        if (reference.key.kind == SecretKind::WebhookSigningSecret) {
            auto it = m_signingSecrets.find(reference.key.connectionId);
            if (it != m_signingSecrets.end())
                (*it)[reference.key.slot == SecretSlot::Primary ? 0 : 1].clear();
        }
    });
}

RoutingTable::~RoutingTable() = default;

void RoutingTable::load()
{
    if (m_loading || m_ready)
        return;
    m_loading = true;
    whenFinished(m_store.connections(), this, [this](const Result<QList<Connection>> &connections) {
        if (!connections) {
            m_loading = false;
            Q_EMIT loadFailed(connections.error());
            return;
        }
        ++m_outstanding; // held until every read below was started
        for (const Connection &connection : *connections)
            upsert(connection);
        finishOne();
    });
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
    Q_EMIT ready();
}

} // namespace wb::core
