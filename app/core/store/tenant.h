// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace wb::core {

struct Connection;

// A customer of our app. Times are UTC milliseconds since the epoch, set by the store from its
// clock (ignored on add and update).
struct Tenant
{
    qint64 id = 0;             // assigned by the store; never reused
    QString displayName;       // required, unique (case-insensitively for ASCII letters)
    QString externalReference; // the tenant's id in our own app; unique when not empty
    QString notes;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool operator==(const Tenant &other) const = default;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::Tenant)
