// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/roles.h"

#include "core/health/connectionhealth.h"

#include <QHash>
#include <QIdentityProxyModel>

namespace wb::models {

// The tenant tree (TenantTreeModel) with each connection's registration health: a badge on the
// connection's icon (red failing, amber attention), the health in its tooltip, and HealthStatusRole
// / HealthReasonRole. Tenants get the badge of their worst connection. Rows are the source's.
// Connections are recognised by the source's connection id (IdRole) on rows with a parent.
//
// Thread: the GUI thread.
class HealthBadgeProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthBadgeProxy)

public:
    enum Role : int {
        HealthStatusRole = FirstModelRole + 40, // QString status name, "" when not assessed
        HealthReasonRole,                       // QString
        HealthActionRole,                       // QString action name
    };
    Q_ENUM(Role)

    explicit HealthBadgeProxy(QObject *parent = nullptr);
    ~HealthBadgeProxy() override;

    void setHealth(const core::ConnectionHealth &health);
    void removeHealth(qint64 connectionId);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::optional<core::HealthStatus> statusOf(const QModelIndex &index) const;
    void changed(qint64 connectionId);
    qint64 idOf(const QModelIndex &index) const;

    QHash<qint64, core::ConnectionHealth> m_health;
};

} // namespace wb::models
