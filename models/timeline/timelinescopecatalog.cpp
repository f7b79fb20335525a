// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinescopecatalog.h"

#include <algorithm>

namespace wb::models {

namespace {
bool byLabel(const TimelineScope &a, const TimelineScope &b)
{
    const int order = QString::compare(a.label, b.label, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a.id < b.id;
}
} // namespace

void TimelineScopeCatalog::add(const QList<AttemptSample> &attempts)
{
    for (const AttemptSample &sample : attempts) {
        Tenant &tenant = m_tenants[sample.tenantId];
        if (tenant.label.isEmpty())
            tenant.label = sample.tenantLabel.isEmpty() ? sample.tenantId : sample.tenantLabel;
        if (!tenant.connections.contains(sample.connectionId)) {
            tenant.connections.insert(sample.connectionId, sample.connectionLabel.isEmpty()
                                                                   ? sample.connectionId
                                                                   : sample.connectionLabel);
        }
    }
}

void TimelineScopeCatalog::clear()
{
    m_tenants.clear();
}

QList<TimelineScope> TimelineScopeCatalog::choices() const
{
    QList<TimelineScope> tenants;
    for (auto it = m_tenants.cbegin(); it != m_tenants.cend(); ++it)
        tenants.append(TimelineScope::tenant(it.key(), it->label));
    std::sort(tenants.begin(), tenants.end(), byLabel);
    QList<TimelineScope> result;
    for (const TimelineScope &tenant : std::as_const(tenants)) {
        result.append(tenant);
        QList<TimelineScope> connections;
        const Tenant &entry = m_tenants[tenant.id];
        for (auto it = entry.connections.cbegin(); it != entry.connections.cend(); ++it)
            connections.append(TimelineScope::connection(it.key(), it.value()));
        std::sort(connections.begin(), connections.end(), byLabel);
        result.append(connections);
    }
    return result;
}

} // namespace wb::models
