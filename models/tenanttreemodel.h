// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/connection.h"
#include "core/store/store.h"
#include "core/store/tenant.h"
#include "models/roles.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace wb::core {
class Clock;
}

namespace wb::models {

// Tenants, and under each its connections, for the navigation tree.
//
// The model loads once from Store::tenantOverviews() (asynchronously: it is empty until the answer
// arrives, then inserts the rows) and afterwards follows the store's change signals with
// fine-grained inserts, removals, moves and dataChanged — never a reset. Every syncIntervalMs it
// reads the overviews again and merges them the same way, for what other processes sharing the
// workspace changed (`wirebench-cli tenants add`, a `serve` that refreshed a token or marked a
// connection for re-authorization); an answer that a change of this process overtook is dropped. Tenants are ordered by
// display name (case-insensitively), connections by provider then label, as the store orders them.
//
// Thread: the GUI thread (the thread that owns the Store). The store and clock are not owned and
// must outlive the model.
class TenantTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantTreeModel)

public:
    enum class ItemKind { Tenant, Connection };
    Q_ENUM(ItemKind)

    enum Role : int {
        KindRole = FirstModelRole,   // ItemKind
        TenantIdRole,                // qint64: the tenant (of a connection: its tenant)
        ProviderIdRole,              // QString, connections only ("github")
        StatusRole,                  // QString status name ("authorized"), connections only
        StatusTextRole,              // QString: the status explained for people
        TokenExpiresAtRole,          // QDateTime UTC, or invalid when unknown
        NeedsAttentionRole,          // bool: the connection needs a person (or a tenant has one)
        ConnectionRole,              // QVariant<wb::core::Connection>
        TenantRole,                  // QVariant<wb::core::Tenant>
        ProviderIconRole,            // QIcon of the provider, connections only (setProviderIcon)
        LastCheckedAtRole,           // QDateTime UTC of the last validity check, or invalid
        LastCheckResultRole,         // QString: what that check found
        TenantExternalReferenceRole, // QString: the tenant's id in our app (tenants only)
        StatusColorRole,             // QColor of the status (also when an icon decorates the row)
    };
    Q_ENUM(Role)

    TenantTreeModel(core::Store *store, const core::Clock *clock, QObject *parent = nullptr);
    ~TenantTreeModel() override;

    // How provider ids are shown ("github" → "GitHub"); by default the id itself.
    void setProviderDisplayName(std::function<QString(const QString &)> displayName);

    // The icon of a provider id, for ProviderIconRole and Qt::DecorationRole of connections (whose
    // status colour then moves to the tooltip and StatusRole). By default there is none.
    void setProviderIcon(std::function<QIcon(const QString &)> icon);

    // True once the first load arrived.
    bool isLoaded() const { return m_loaded; }
    // The error of the first load, if it failed.
    QString loadError() const { return m_loadError; }
    // Connections whose status needs a person (needs_reauthorization, revoked, expiring).
    int attentionCount() const;

    QModelIndex tenantIndex(qint64 tenantId) const;
    QModelIndex connectionIndex(qint64 connectionId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static constexpr int defaultSyncIntervalMs = 3'000;
    void setSyncIntervalMs(int intervalMs);
    // Reads the overviews now and merges them (also what the timer does); synced() after.
    void sync();

Q_SIGNALS:
    void loaded();
    void synced();
    void attentionCountChanged(int count);

private:
    struct TenantNode
    {
        core::Tenant tenant;
        QList<core::Connection> connections;
    };

    void load();
    void applyOverviews(const QList<core::TenantOverview> &overviews);
    void mergeOverviews(const QList<core::TenantOverview> &overviews);
    void onTenantAdded(const core::Tenant &tenant);
    void onTenantUpdated(const core::Tenant &tenant);
    void onTenantRemoved(qint64 tenantId);
    void onConnectionAdded(const core::Connection &connection);
    void onConnectionUpdated(const core::Connection &connection);
    void onConnectionRemoved(qint64 connectionId, qint64 tenantId);
    void notifyAttention();
    void emitAllConnectionsChanged(const QList<int> &roles);

    int tenantRow(qint64 tenantId) const;
    int tenantInsertRow(const core::Tenant &tenant, int ignoreRow = -1) const;
    int connectionInsertRow(const TenantNode &node, const core::Connection &connection,
                            int ignoreRow = -1) const;
    QVariant tenantData(const TenantNode &node, int role) const;
    QVariant connectionData(const core::Connection &connection, int role) const;
    QString connectionTitle(const core::Connection &connection) const;
    QString statusText(const core::Connection &connection) const;

    QPointer<core::Store> m_store;
    const core::Clock *m_clock = nullptr;
    std::function<QString(const QString &)> m_providerName;
    std::function<QIcon(const QString &)> m_providerIcon;
    QList<TenantNode> m_tenants;
    bool m_loaded = false;
    QString m_loadError;
    int m_lastAttentionCount = 0;
    // Changes that arrived while the first load was in flight, applied (idempotently) after it.
    QList<std::function<void()>> m_pending;
    QTimer m_syncTimer;
    bool m_syncing = false;
    quint64 m_localChanges = 0; // the store's change signals seen, to drop overtaken syncs
};

} // namespace wb::models
