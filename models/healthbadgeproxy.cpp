// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/healthbadgeproxy.h"

#include "models/healthcolours.h"
#include "models/healthmodel.h"

using namespace Qt::StringLiterals;

namespace wb::models {

HealthBadgeProxy::HealthBadgeProxy(const HealthModel *health, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_health(health)
{
    if (health)
        connect(health, &HealthModel::healthChanged, this, &HealthBadgeProxy::changed);
}

HealthBadgeProxy::~HealthBadgeProxy() = default;

qint64 HealthBadgeProxy::idOf(const QModelIndex &index) const
{
    // The source's id, read past this proxy's own data().
    return QIdentityProxyModel::data(index, IdRole).toLongLong();
}

void HealthBadgeProxy::changed(qint64 connectionId)
{
    const QList<int> roles = {Qt::DecorationRole, Qt::ToolTipRole, HealthStatusRole,
                              HealthReasonRole, HealthActionRole};
    for (int tenantRow = 0; tenantRow < rowCount(); ++tenantRow) {
        const QModelIndex tenant = index(tenantRow, 0);
        for (int row = 0; row < rowCount(tenant); ++row) {
            const QModelIndex connection = index(row, 0, tenant);
            if (idOf(connection) == connectionId) {
                Q_EMIT dataChanged(connection, connection, roles);
                Q_EMIT dataChanged(tenant, tenant, roles);
                return;
            }
        }
    }
}

const core::ConnectionHealth *HealthBadgeProxy::healthOf(const QModelIndex &index) const
{
    // Only connections (rows with a parent) have a health of their own.
    if (!m_health || !index.parent().isValid())
        return nullptr;
    return m_health->healthOf(idOf(index));
}

std::optional<core::HealthStatus> HealthBadgeProxy::statusOf(const QModelIndex &index) const
{
    if (index.parent().isValid()) {
        const core::ConnectionHealth *health = healthOf(index);
        if (!health)
            return std::nullopt;
        return health->status;
    }
    std::optional<core::HealthStatus> worst;
    for (int row = 0; row < rowCount(index); ++row) {
        const auto status = statusOf(this->index(row, 0, index));
        if (status && (!worst || int(*status) < int(*worst)))
            worst = status;
    }
    return worst;
}

QVariant HealthBadgeProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != 0)
        return QIdentityProxyModel::data(index, role);
    const core::ConnectionHealth *health = healthOf(index);
    switch (role) {
    case HealthStatusRole: {
        const auto status = statusOf(index);
        return status ? core::nameOf(*status) : QString();
    }
    case HealthReasonRole:
        return health ? health->reason() : QString();
    case HealthActionRole:
        return health ? core::nameOf(health->action()) : QString();
    case Qt::DecorationRole: {
        const QVariant base = QIdentityProxyModel::data(index, role);
        const auto status = statusOf(index);
        if (!status
            || (*status != core::HealthStatus::Failing
                && *status != core::HealthStatus::Attention)) {
            return base;
        }
        // A source decoration that is no icon (a tenant's colour) gives way to the bare badge.
        return withHealthBadge(base.value<QIcon>(), *status);
    }
    case Qt::ToolTipRole: {
        const QString base = QIdentityProxyModel::data(index, role).toString();
        if (!health || health->status == core::HealthStatus::Unknown)
            return base;
        QString text = base + u'\n'
                       + tr("Webhook health: %1").arg(HealthModel::statusText(health->status));
        if (health->needsAttention()) {
            text += u'\n' + health->reason();
            const QString action = HealthModel::actionText(health->action());
            if (!action.isEmpty())
                text += u'\n' + tr("Action: %1").arg(action);
        }
        return text;
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

QHash<int, QByteArray> HealthBadgeProxy::roleNames() const
{
    QHash<int, QByteArray> names = QIdentityProxyModel::roleNames();
    names.insert(HealthStatusRole, "healthStatus");
    names.insert(HealthReasonRole, "healthReason");
    names.insert(HealthActionRole, "healthAction");
    return names;
}

} // namespace wb::models
