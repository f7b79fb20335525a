// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wb::core {

// Microsoft Graph lifecycle notifications (learn.microsoft.com/graph/change-notifications-
// lifecycle-events): POSTed to the subscription's lifecycleNotificationUrl (which may be the
// notificationUrl, and is validated by the same validationToken handshake) as a
// changeNotificationCollection, {"value": [{"subscriptionId", "subscriptionExpirationDateTime",
// "tenantId", "clientState", "lifecycleEvent"}, …]}, each item with its own lifecycleEvent:
//  - "reauthorizationRequired": reauthorize the subscription (POST /subscriptions/{id}/
//    reauthorize) or renew it (PATCH expirationDateTime, which also reauthorizes); delivery
//    pauses eventually until then;
//  - "subscriptionRemoved": Graph removed it: create it again;
//  - "missed": some change notifications were not delivered: resync (delta query).
// The receiver stores them as inbound events of the connection, the event type being the first
// item's lifecycleEvent (the Graph profile's event_type pointers).
struct LifecycleNotice
{
    QString event;          // "reauthorizationRequired", "subscriptionRemoved", "missed"
    QString subscriptionId; // the Graph subscription: Registration::externalId
    qint64 receivedAtMs = 0;

    bool operator==(const LifecycleNotice &other) const = default;
};

class LifecycleNotices final
{
public:
    static constexpr int defaultSampleSize = 20;
    // The lifecycle items of one notification body, in order; none when it is not a
    // changeNotificationCollection or its items carry no lifecycleEvent.
    static QList<LifecycleNotice> parse(const QByteArray &body, qint64 receivedAtMs);

    // The connection's newest lifecycle notices, newest first, from its newest `sampleSize`
    // stored lifecycle notifications (inbound_events whose event_type is one of the three, not
    // failed verification). Synchronous SQL: run it in a Store::read job. Errors: the session's.
    static Result<QList<LifecycleNotice>> read(SqlSession &session, qint64 connectionId,
                                               int sampleSize = defaultSampleSize);

    // The newest notice of `event` about `registration` that still calls for action (pure):
    //  - reauthorizationRequired: unless a renewal succeeded at or after it;
    //  - subscriptionRemoved: unless a check found the subscription active after it (a
    //    re-registration gives it a new id, so older notices no longer match);
    //  - missed: when it arrived within `windowMs` before `nowMs`.
    static std::optional<LifecycleNotice> pending(const QList<LifecycleNotice> &notices,
                                                  const Registration &registration,
                                                  const QString &event, qint64 nowMs,
                                                  qint64 windowMs = 24 * 3'600'000);
};

} // namespace wb::core
