// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/lifecyclenotices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wb::core {

QList<LifecycleNotice> LifecycleNotices::parse(const QByteArray &body, qint64 receivedAtMs)
{
    QList<LifecycleNotice> notices;
    const QJsonArray items = QJsonDocument::fromJson(body).object().value(u"value"_s).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        const QString event = object.value(u"lifecycleEvent"_s).toString();
        if (event.isEmpty())
            continue;
        notices << LifecycleNotice{event, object.value(u"subscriptionId"_s).toString(),
                                   receivedAtMs};
    }
    return notices;
}

Result<QList<LifecycleNotice>> LifecycleNotices::read(SqlSession &session, qint64 connectionId,
                                                      int sampleSize)
{
    // inbound_events_connection (connection_id, received_at_ms) serves it.
    Result<QSqlQuery> query = session.exec(
            u"SELECT received_at_ms, body FROM inbound_events WHERE connection_id = ? AND "
            "is_handshake = 0 AND verdict <> 'failed' AND event_type IN "
            "('reauthorizationRequired', 'subscriptionRemoved', 'missed') "
            "ORDER BY received_at_ms DESC, id DESC LIMIT ?"_s,
            {connectionId, sampleSize});
    if (!query)
        return fail(query.error());
    QList<LifecycleNotice> notices;
    while (query->next())
        notices << parse(query->value(1).toByteArray(), query->value(0).toLongLong());
    return notices;
}

std::optional<LifecycleNotice> LifecycleNotices::pending(const QList<LifecycleNotice> &notices,
                                                         const Registration &registration,
                                                         const QString &event, qint64 nowMs,
                                                         qint64 windowMs)
{
    for (const LifecycleNotice &notice : notices) { // newest first
        if (notice.event != event || notice.subscriptionId != registration.externalId)
            continue;
        if (event == u"reauthorizationRequired"_s) {
            const bool renewedSince = registration.lastAction == RegistrationAction::Renewed
                                      && registration.lastActionAtMs
                                      && *registration.lastActionAtMs >= notice.receivedAtMs;
            return renewedSince ? std::nullopt : std::optional(notice);
        }
        if (event == u"subscriptionRemoved"_s) {
            const bool activeSince = registration.state == RegistrationState::Active
                                     && registration.lastCheckedAtMs
                                     && *registration.lastCheckedAtMs > notice.receivedAtMs;
            return activeSince ? std::nullopt : std::optional(notice);
        }
        return nowMs - notice.receivedAtMs <= windowMs ? std::optional(notice) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace wb::core
