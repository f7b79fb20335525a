// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinequery.h"

#include <QMap>

namespace wb::models {

// The scopes the timeline can offer, learnt from the attempts it has been shown: each tenant
// followed by its connections, both sorted by label (case-insensitive). A value type.
class TimelineScopeCatalog final
{
public:
    void add(const QList<AttemptSample> &attempts);
    void clear();
    bool isEmpty() const { return m_tenants.isEmpty(); }

    // Tenant, its connections, next tenant, … (Global and delivery scopes are not listed).
    QList<TimelineScope> choices() const;

private:
    struct Tenant
    {
        QString label;
        QMap<QString, QString> connections; // id → label
    };
    QMap<QString, Tenant> m_tenants; // id → tenant
};

} // namespace wb::models
