// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/roles.h"

#include "core/health/connectionhealth.h"

#include <QIdentityProxyModel>
#include <QPointer>

namespace wb::models {

class HealthModel;

// The tenant tree (TenantTreeModel) with each connection's registration health: a badge on the
// connection's icon (red failing, amber attention), the health in its tooltip, and HealthStatusRole
// / HealthReasonRole. Tenants get the badge of their worst connection. Rows are the source's.
// Connections are recognised by the source's connection id (IdRole) on rows with a parent.
// The health is read from a HealthModel (not owned; the badges follow its healthChanged signal),
// so the Health tab and the badges always agree.
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

    explicit HealthBadgeProxy(const HealthModel *health, QObject *parent = nullptr);
    ~HealthBadgeProxy() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const core::ConnectionHealth *healthOf(const QModelIndex &index) const;
    std::optional<core::HealthStatus> statusOf(const QModelIndex &index) const;
    void changed(qint64 connectionId);
    qint64 idOf(const QModelIndex &index) const;

    QPointer<const HealthModel> m_health;
};

} // namespace wb::models
