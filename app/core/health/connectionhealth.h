// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/validitycheck.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wb::core {

// How a connection stands, worst first. Printed by name (nameOf).
enum class HealthStatus {
    Failing,   // "failing": events are (or soon will be) lost; act now
    Attention, // "attention": something to look at before it fails
    Unknown,   // "unknown": nothing to judge by (no registration recorded, no events, disabled)
    Healthy,   // "healthy"
};

// What the engineer (or the monitor) should do about a finding. Printed by name.
enum class HealthAction {
    None,          // "none"
    Renew,         // "renew": extend the registration's expiry (Graph subscriptions)
    Reregister,    // "reregister": create the registration at the provider again
    Reenable,      // "reenable": switch the registration on again at the provider
    Reauthorize,   // "reauthorize": authorize the connection again in the browser
    Refresh,       // "refresh": refresh the access token
    RotateSecret,  // "rotate_secret": put the provider's current signing secret in Wirebench
    CheckEndpoint, // "check_endpoint": the provider fails to deliver to our receiver
    Investigate,   // "investigate": no automatic remedy; look at the provider
};

// One thing found about a connection.
struct HealthFinding
{
    QString code; // stable, e.g. "registration.missing", "events.silent"
    HealthStatus severity = HealthStatus::Attention; // Failing or Attention
    QString reason; // for people: what was seen, with numbers and times
    HealthAction action = HealthAction::None;
    std::optional<qint64> registrationId; // the registration it is about, if any

    bool operator==(const HealthFinding &other) const = default;
};

// The health of one connection: its status (the worst finding's severity; Healthy without
// findings when something was judged, Unknown when nothing could be) and its findings, worst
// first.
struct ConnectionHealth
{
    qint64 connectionId = 0;
    qint64 tenantId = 0;
    QString providerId;
    QString label;
    HealthStatus status = HealthStatus::Unknown;
    QList<HealthFinding> findings;
    QString note;            // why the status is Unknown, or a one-line summary when Healthy
    qint64 assessedAtMs = 0; // UTC ms
    // The latest validity check of the connection's access token (any process's), if any.
    std::optional<ValidityCheck> credentialCheck;

    // The worst finding's reason (or the note) and action.
    QString reason() const;
    HealthAction action() const;
    bool needsAttention() const
    {
        return status == HealthStatus::Failing || status == HealthStatus::Attention;
    }

    bool operator==(const ConnectionHealth &other) const = default;
};

QString nameOf(HealthStatus status);
QString nameOf(HealthAction action);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::ConnectionHealth)
