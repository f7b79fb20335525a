// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tenanttreemodel.h"

#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QColor>
#include <QDateTime>
#include <QSet>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

bool tenantLess(const core::Tenant &a, const core::Tenant &b)
{
    const int byName = QString::compare(a.displayName, b.displayName, Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a.id < b.id;
}

bool connectionLess(const core::Connection &a, const core::Connection &b)
{
    if (a.providerId != b.providerId)
        return a.providerId < b.providerId;
    if (a.label != b.label)
        return a.label < b.label;
    return a.id < b.id;
}

bool needsAttention(core::ConnectionStatus status)
{
    using S = core::ConnectionStatus;
    return status == S::NeedsReauthorization || status == S::Revoked || status == S::Expiring;
}

QColor statusColour(core::ConnectionStatus status)
{
    using S = core::ConnectionStatus;
    switch (status) {
    case S::Authorized:
        return QColor(0x2e, 0x9e, 0x5b);
    case S::Expiring:
        return QColor(0xe0, 0x9b, 0x21);
    case S::NeedsReauthorization:
    case S::Revoked:
        return QColor(0xc0, 0x39, 0x2b);
    case S::Unauthorized:
    case S::Disabled:
        break;
    }
    return QColor(0x9a, 0xa0, 0xa6);
}

// "2 h 10 min", "4 min", "35 s" — the coarsest two units that matter.
QString durationText(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms / 1000);
    if (seconds < 60)
        return TenantTreeModel::tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return TenantTreeModel::tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return TenantTreeModel::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return TenantTreeModel::tr("%1 days").arg(hours / 24);
}

} // namespace

TenantTreeModel::TenantTreeModel(core::Store *store, const core::Clock *clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
    , m_clock(clock)
    , m_providerName([](const QString &id) { return id; })
{
    // Counted first (a sync read still on its way is then dropped), then applied.
    const auto count = [this] {
        ++m_localChanges;
    };
    for (const auto signal : {&core::Store::tenantAdded, &core::Store::tenantUpdated})
        connect(store, signal, this, count);
    for (const auto signal : {&core::Store::connectionAdded, &core::Store::connectionUpdated})
        connect(store, signal, this, count);
    connect(store, &core::Store::tenantRemoved, this, count);
    connect(store, &core::Store::connectionRemoved, this, count);
    connect(store, &core::Store::tenantAdded, this, &TenantTreeModel::onTenantAdded);
    connect(store, &core::Store::tenantUpdated, this, &TenantTreeModel::onTenantUpdated);
    connect(store, &core::Store::tenantRemoved, this, &TenantTreeModel::onTenantRemoved);
    connect(store, &core::Store::connectionAdded, this, &TenantTreeModel::onConnectionAdded);
    connect(store, &core::Store::connectionUpdated, this, &TenantTreeModel::onConnectionUpdated);
    connect(store, &core::Store::connectionRemoved, this, &TenantTreeModel::onConnectionRemoved);
    m_syncTimer.setInterval(defaultSyncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &TenantTreeModel::sync);
    load();
}

void TenantTreeModel::setSyncIntervalMs(int intervalMs)
{
    m_syncTimer.setInterval(intervalMs);
}

void TenantTreeModel::sync()
{
    if (!m_loaded || m_syncing || !m_store)
        return;
    m_syncing = true;
    const quint64 changesBefore = m_localChanges;
    core::whenFinished(m_store->tenantOverviews(), this,
                       [this, changesBefore](const core::Result<QList<core::TenantOverview>> &r) {
                           m_syncing = false;
                           // Overtaken by a change of this process: the next tick reads again.
                           if (r && changesBefore == m_localChanges)
                               mergeOverviews(*r);
                           Q_EMIT synced();
                       });
}

void TenantTreeModel::mergeOverviews(const QList<core::TenantOverview> &overviews)
{
    QSet<qint64> tenants;
    QSet<qint64> connections;
    for (const core::TenantOverview &overview : overviews) {
        tenants.insert(overview.tenant.id);
        const int row = tenantRow(overview.tenant.id);
        if (row < 0 || !(m_tenants.at(row).tenant == overview.tenant))
            onTenantUpdated(overview.tenant); // adds an unknown one
        for (const core::Connection &connection : overview.connections) {
            connections.insert(connection.id);
            const QModelIndex at = connectionIndex(connection.id);
            if (!at.isValid()
                || !(m_tenants.at(at.parent().row()).connections.at(at.row()) == connection))
                onConnectionUpdated(connection); // adds an unknown one
        }
    }
    QList<std::pair<qint64, qint64>> goneConnections;
    QList<qint64> goneTenants;
    for (const TenantNode &node : std::as_const(m_tenants)) {
        if (!tenants.contains(node.tenant.id)) {
            goneTenants << node.tenant.id;
            continue;
        }
        for (const core::Connection &connection : node.connections) {
            if (!connections.contains(connection.id))
                goneConnections.append({connection.id, node.tenant.id});
        }
    }
    for (const auto &[connectionId, tenantId] : goneConnections)
        onConnectionRemoved(connectionId, tenantId);
    for (qint64 tenantId : goneTenants)
        onTenantRemoved(tenantId);
}

TenantTreeModel::~TenantTreeModel() = default;

void TenantTreeModel::setProviderDisplayName(std::function<QString(const QString &)> displayName)
{
    m_providerName = std::move(displayName);
    emitAllConnectionsChanged({Qt::DisplayRole, Qt::ToolTipRole});
}

void TenantTreeModel::setProviderIcon(std::function<QIcon(const QString &)> icon)
{
    m_providerIcon = std::move(icon);
    emitAllConnectionsChanged({Qt::DecorationRole, ProviderIconRole});
}

void TenantTreeModel::emitAllConnectionsChanged(const QList<int> &roles)
{
    for (int row = 0; row < m_tenants.size(); ++row) {
        const QModelIndex parent = index(row, 0);
        if (const int count = rowCount(parent); count > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(count - 1, 0, parent), roles);
    }
}

void TenantTreeModel::load()
{
    core::whenFinished(m_store->tenantOverviews(), this,
                       [this](const core::Result<QList<core::TenantOverview>> &r) {
                           if (r)
                               applyOverviews(*r);
                           else
                               m_loadError = r.error().message;
                           m_loaded = true;
                           // Changes that raced with the load: applying them is idempotent.
                           const auto pending = std::exchange(m_pending, {});
                           for (const auto &change : pending)
                               change();
                           notifyAttention();
                           m_syncTimer.start();
                           Q_EMIT loaded();
                       });
}

void TenantTreeModel::applyOverviews(const QList<core::TenantOverview> &overviews)
{
    if (overviews.isEmpty())
        return;
    QList<TenantNode> nodes;
    nodes.reserve(overviews.size());
    for (const core::TenantOverview &overview : overviews)
        nodes.append({overview.tenant, overview.connections});
    std::stable_sort(nodes.begin(), nodes.end(), [](const TenantNode &a, const TenantNode &b) {
        return tenantLess(a.tenant, b.tenant);
    });
    beginInsertRows({}, 0, int(nodes.size()) - 1);
    m_tenants = std::move(nodes);
    endInsertRows();
}

int TenantTreeModel::tenantRow(qint64 tenantId) const
{
    for (int row = 0; row < m_tenants.size(); ++row) {
        if (m_tenants.at(row).tenant.id == tenantId)
            return row;
    }
    return -1;
}

int TenantTreeModel::tenantInsertRow(const core::Tenant &tenant, int ignoreRow) const
{
    int row = 0;
    for (int i = 0; i < m_tenants.size(); ++i) {
        if (i != ignoreRow && tenantLess(m_tenants.at(i).tenant, tenant))
            ++row;
    }
    return row;
}

int TenantTreeModel::connectionInsertRow(const TenantNode &node, const core::Connection &connection,
                                         int ignoreRow) const
{
    int row = 0;
    for (int i = 0; i < node.connections.size(); ++i) {
        if (i != ignoreRow && connectionLess(node.connections.at(i), connection))
            ++row;
    }
    return row;
}

void TenantTreeModel::onTenantAdded(const core::Tenant &tenant)
{
    if (!m_loaded) {
        m_pending.append([this, tenant] { onTenantAdded(tenant); });
        return;
    }
    if (tenantRow(tenant.id) >= 0)
        return onTenantUpdated(tenant);
    const int row = tenantInsertRow(tenant);
    beginInsertRows({}, row, row);
    m_tenants.insert(row, TenantNode{tenant, {}});
    endInsertRows();
}

void TenantTreeModel::onTenantUpdated(const core::Tenant &tenant)
{
    if (!m_loaded) {
        m_pending.append([this, tenant] { onTenantUpdated(tenant); });
        return;
    }
    const int from = tenantRow(tenant.id);
    if (from < 0)
        return onTenantAdded(tenant);
    const int to = tenantInsertRow(tenant, from);
    if (to != from) {
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_tenants.move(from, to);
        m_tenants[to].tenant = tenant;
        endMoveRows();
    } else {
        m_tenants[from].tenant = tenant;
    }
    const QModelIndex changed = index(to, 0);
    Q_EMIT dataChanged(changed, changed);
}

void TenantTreeModel::onTenantRemoved(qint64 tenantId)
{
    if (!m_loaded) {
        m_pending.append([this, tenantId] { onTenantRemoved(tenantId); });
        return;
    }
    const int row = tenantRow(tenantId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_tenants.removeAt(row);
    endRemoveRows();
    notifyAttention();
}

void TenantTreeModel::onConnectionAdded(const core::Connection &connection)
{
    if (!m_loaded) {
        m_pending.append([this, connection] { onConnectionAdded(connection); });
        return;
    }
    const int parentRow = tenantRow(connection.tenantId);
    if (parentRow < 0)
        return;
    if (connectionIndex(connection.id).isValid())
        return onConnectionUpdated(connection);
    TenantNode &node = m_tenants[parentRow];
    const int row = connectionInsertRow(node, connection);
    beginInsertRows(index(parentRow, 0), row, row);
    node.connections.insert(row, connection);
    endInsertRows();
    notifyAttention();
}

void TenantTreeModel::onConnectionUpdated(const core::Connection &connection)
{
    if (!m_loaded) {
        m_pending.append([this, connection] { onConnectionUpdated(connection); });
        return;
    }
    const QModelIndex current = connectionIndex(connection.id);
    if (!current.isValid())
        return onConnectionAdded(connection);
    const QModelIndex parent = current.parent();
    TenantNode &node = m_tenants[parent.row()];
    const int from = current.row();
    const int to = connectionInsertRow(node, connection, from);
    if (to != from) {
        beginMoveRows(parent, from, from, parent, to > from ? to + 1 : to);
        node.connections.move(from, to);
        node.connections[to] = connection;
        endMoveRows();
    } else {
        node.connections[from] = connection;
    }
    const QModelIndex changed = index(to, 0, parent);
    Q_EMIT dataChanged(changed, changed);
    // The tenant's attention flag depends on its connections.
    Q_EMIT dataChanged(parent, parent, {NeedsAttentionRole, Qt::DecorationRole});
    notifyAttention();
}

void TenantTreeModel::onConnectionRemoved(qint64 connectionId, qint64 tenantId)
{
    if (!m_loaded) {
        m_pending.append(
                [this, connectionId, tenantId] { onConnectionRemoved(connectionId, tenantId); });
        return;
    }
    const QModelIndex current = connectionIndex(connectionId);
    if (!current.isValid())
        return;
    beginRemoveRows(current.parent(), current.row(), current.row());
    m_tenants[current.parent().row()].connections.removeAt(current.row());
    endRemoveRows();
    notifyAttention();
}

int TenantTreeModel::attentionCount() const
{
    int count = 0;
    for (const TenantNode &node : m_tenants) {
        for (const core::Connection &connection : node.connections)
            count += needsAttention(connection.status) ? 1 : 0;
    }
    return count;
}

void TenantTreeModel::notifyAttention()
{
    const int count = attentionCount();
    if (count != m_lastAttentionCount) {
        m_lastAttentionCount = count;
        Q_EMIT attentionCountChanged(count);
    }
}

QModelIndex TenantTreeModel::tenantIndex(qint64 tenantId) const
{
    const int row = tenantRow(tenantId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex TenantTreeModel::connectionIndex(qint64 connectionId) const
{
    for (int parentRow = 0; parentRow < m_tenants.size(); ++parentRow) {
        const QList<core::Connection> &connections = m_tenants.at(parentRow).connections;
        for (int row = 0; row < connections.size(); ++row) {
            if (connections.at(row).id == connectionId)
                return createIndex(row, 0, quintptr(m_tenants.at(parentRow).tenant.id));
        }
    }
    return {};
}

QModelIndex TenantTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const TenantNode &node = m_tenants.at(parent.row());
    return createIndex(row, column, quintptr(node.tenant.id));
}

QModelIndex TenantTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = tenantRow(qint64(child.internalId()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int TenantTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_tenants.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_tenants.at(parent.row()).connections.size());
}

int TenantTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TenantTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return tenantData(m_tenants.at(index.row()), role);
    const int parentRow = tenantRow(qint64(index.internalId()));
    if (parentRow < 0)
        return {};
    return connectionData(m_tenants.at(parentRow).connections.at(index.row()), role);
}

QVariant TenantTreeModel::tenantData(const TenantNode &node, int role) const
{
    const bool attention = std::any_of(node.connections.cbegin(), node.connections.cend(),
                                       [](const core::Connection &c) {
                                           return needsAttention(c.status);
                                       });
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node.tenant.displayName;
    case Qt::ToolTipRole:
        return node.tenant.externalReference.isEmpty()
                       ? tr("%1: %2 connection(s)")
                                 .arg(node.tenant.displayName)
                                 .arg(node.connections.size())
                       : tr("%1 (our id %2): %3 connection(s)")
                                 .arg(node.tenant.displayName, node.tenant.externalReference)
                                 .arg(node.connections.size());
    case Qt::DecorationRole:
        return attention ? QVariant(statusColour(core::ConnectionStatus::NeedsReauthorization))
                         : QVariant();
    case ValueRole:
    case TenantRole:
        return QVariant::fromValue(node.tenant);
    case IdRole:
    case TenantIdRole:
        return node.tenant.id;
    case KindRole:
        return QVariant::fromValue(ItemKind::Tenant);
    case TenantExternalReferenceRole:
        return node.tenant.externalReference;
    case NeedsAttentionRole:
        return attention;
    default:
        return {};
    }
}

QString TenantTreeModel::connectionTitle(const core::Connection &connection) const
{
    const QString provider = m_providerName(connection.providerId);
    return connection.label.isEmpty() ? provider : u"%1 · %2"_s.arg(provider, connection.label);
}

QString TenantTreeModel::statusText(const core::Connection &connection) const
{
    using S = core::ConnectionStatus;
    const qint64 now = m_clock->nowMs();
    const auto expiry = [&] {
        if (!connection.tokenExpiresAtMs)
            return QString();
        const qint64 left = *connection.tokenExpiresAtMs - now;
        return left > 0 ? tr("the access token expires in %1").arg(durationText(left))
                        : tr("the access token expired %1 ago").arg(durationText(-left));
    }();
    switch (connection.status) {
    case S::Unauthorized:
        return tr("Not authorized yet: authorize it in the browser to connect.");
    case S::Authorized:
        return expiry.isEmpty() ? tr("Authorized.") : tr("Authorized; %1.").arg(expiry);
    case S::Expiring:
        return tr("Expiring: %1 and no refresh has succeeded yet.")
                .arg(expiry.isEmpty() ? tr("the access token expires soon") : expiry);
    case S::NeedsReauthorization:
        return tr("Needs re-authorization: refreshing the token failed, so a person must "
                  "authorize again.");
    case S::Revoked:
        return tr("Revoked: the provider reports that the grant was withdrawn.");
    case S::Disabled:
        return tr("Disabled: nothing is sent or refreshed.");
    }
    return {};
}

QVariant TenantTreeModel::connectionData(const core::Connection &connection, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return connectionTitle(connection);
    case Qt::ToolTipRole: {
        QString text = u"%1\n%2"_s.arg(connectionTitle(connection), statusText(connection));
        if (!connection.lastCheckResult.isEmpty())
            text += u'\n' + tr("Last check: %1").arg(connection.lastCheckResult);
        return text;
    }
    case Qt::DecorationRole:
        if (m_providerIcon) {
            if (const QIcon icon = m_providerIcon(connection.providerId); !icon.isNull())
                return icon;
        }
        return statusColour(connection.status);
    case Qt::ForegroundRole:
        return needsAttention(connection.status) ? QVariant(statusColour(connection.status))
                                                 : QVariant();
    case ProviderIconRole:
        return m_providerIcon ? QVariant(m_providerIcon(connection.providerId)) : QVariant();
    case LastCheckedAtRole:
        return connection.lastCheckedAtMs
                       ? QDateTime::fromMSecsSinceEpoch(*connection.lastCheckedAtMs, Qt::UTC)
                       : QDateTime();
    case LastCheckResultRole:
        return connection.lastCheckResult;
    case StatusColorRole:
        return statusColour(connection.status);
    case ValueRole:
    case ConnectionRole:
        return QVariant::fromValue(connection);
    case IdRole:
        return connection.id;
    case TenantIdRole:
        return connection.tenantId;
    case KindRole:
        return QVariant::fromValue(ItemKind::Connection);
    case ProviderIdRole:
        return connection.providerId;
    case StatusRole:
        return core::nameOf(connection.status);
    case StatusTextRole:
        return statusText(connection);
    case TokenExpiresAtRole:
        return connection.tokenExpiresAtMs
                       ? QDateTime::fromMSecsSinceEpoch(*connection.tokenExpiresAtMs, Qt::UTC)
                       : QDateTime();
    case NeedsAttentionRole:
        return needsAttention(connection.status);
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ValueRole, sharedRoleName(ValueRole));
    names.insert(IdRole, sharedRoleName(IdRole));
    names.insert(KindRole, "kind");
    names.insert(TenantIdRole, "tenantId");
    names.insert(ProviderIdRole, "providerId");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    names.insert(TokenExpiresAtRole, "tokenExpiresAt");
    names.insert(NeedsAttentionRole, "needsAttention");
    names.insert(ConnectionRole, "connection");
    names.insert(TenantRole, "tenant");
    names.insert(ProviderIconRole, "providerIcon");
    names.insert(LastCheckedAtRole, "lastCheckedAt");
    names.insert(LastCheckResultRole, "lastCheckResult");
    names.insert(TenantExternalReferenceRole, "externalReference");
    names.insert(StatusColorRole, "statusColor");
    return names;
}

} // namespace wb::models
