// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/forwarding/inboundforwarding.h"

#include "core/inbound/events/inboundeventrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// lupdate reads the context from the class, so German finds these strings at run time.
class ForwardingText
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::InboundForwardingRepository)
};

struct PendingRow
{
    qint64 eventId = 0;
    std::optional<qint64> tenantId;
    std::optional<qint64> connectionId;
    QString targetUrl; // empty: the connection is gone or has no forward target
    int forwardCount = 0;
};

Result<void> setState(SqlSession &session, qint64 eventId, ForwardingState state,
                      const QString &note, std::optional<qint64> deliveryId, int forwardCount)
{
    return session.execute(
            u"UPDATE inbound_events SET forwarding_state = ?, forwarding_note = ?, "
            "forwarding_updated_at_ms = ?, delivery_id = ?, forward_count = ? WHERE id = ?"_s,
            {nameOf(state), note, session.nowMs(), toSqlValue(deliveryId), forwardCount, eventId});
}

} // namespace

QList<ReceivedHeader> forwardedHeaders(const QList<ReceivedHeader> &received)
{
    QList<QByteArray> dropped{"connection", "keep-alive",        "proxy-connection",
                              "te",         "transfer-encoding", "upgrade",
                              "trailer",    "content-length",    "host",
                              "expect"};
    for (const ReceivedHeader &header : received) {
        if (header.name.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &option : header.value.split(',')) {
            const QByteArray name = option.trimmed().toLower();
            if (!name.isEmpty())
                dropped << name;
        }
    }
    QList<ReceivedHeader> forwarded;
    for (const ReceivedHeader &header : received) {
        if (!dropped.contains(header.name.toLower()))
            forwarded << header;
    }
    return forwarded;
}

Result<int> InboundForwardingRepository::handOverPending(SqlSession &session, int limit,
                                                         const DeliverySink &sink,
                                                         std::optional<qint64> onlyEvent)
{
    QString sql = u"SELECT e.id, e.tenant_id, e.connection_id, c.forward_target_url, "
                  "e.forward_count FROM inbound_events e LEFT JOIN connections c ON "
                  "c.id = e.connection_id WHERE e.forwarding_state = 'pending' "_s;
    QVariantList values;
    if (onlyEvent) {
        sql += u"AND e.id = ? "_s;
        values << *onlyEvent;
    }
    sql += u"ORDER BY e.received_at_ms, e.id LIMIT ?"_s;
    values << qMax(0, limit);
    auto query = session.exec(sql, values);
    if (!query)
        return fail(query.error());
    QList<PendingRow> rows;
    while (query->next()) {
        rows.append(PendingRow{query->value(0).toLongLong(), optionalInt64(query->value(1)),
                               optionalInt64(query->value(2)), query->value(3).toString(),
                               query->value(4).toInt()});
    }
    query->finish();

    int handedOver = 0;
    for (const PendingRow &row : std::as_const(rows)) {
        if (!row.tenantId || !row.connectionId || row.targetUrl.isEmpty()) {
            const QString note = !row.connectionId ? ForwardingText::tr(
                                         "Not forwarded: the event's connection no longer exists.")
                                                   : ForwardingText::tr(
                                                             "Not forwarded: connection %1 has no "
                                                             "forward target any more.")
                                                             .arg(*row.connectionId);
            if (Result<void> set = setState(session, row.eventId, ForwardingState::None, note,
                                            std::nullopt, row.forwardCount);
                !set)
                return fail(set.error());
            continue;
        }
        Result<InboundEvent> event = InboundEventRepository::get(session, row.eventId);
        if (!event)
            return fail(event.error());
        ForwardRequest request;
        request.eventId = row.eventId;
        request.tenantId = *row.tenantId;
        request.connectionId = *row.connectionId;
        request.targetUrl = QUrl(row.targetUrl);
        request.method = event->request.method;
        request.headers = forwardedHeaders(event->request.headers);
        request.body = event->request.body;
        request.handOver = row.forwardCount + 1;
        request.idempotencyKey = u"inbound-%1-%2"_s.arg(row.eventId).arg(request.handOver);
        Result<qint64> deliveryId = sink(session, request);
        if (!deliveryId && deliveryId.error().code == u"dispatch.invalid_delivery") {
            // This event's request cannot be sent (say, a GET); the others still go.
            const QString note = ForwardingText::tr("Not forwarded: %1")
                                         .arg(deliveryId.error().message);
            if (Result<void> set = setState(session, row.eventId, ForwardingState::Failed, note,
                                            std::nullopt, row.forwardCount);
                !set)
                return fail(set.error());
            continue;
        }
        if (!deliveryId)
            return fail(deliveryId.error());
        const QString note = ForwardingText::tr("Queued as delivery %1 to %2.")
                                     .arg(*deliveryId)
                                     .arg(row.targetUrl);
        if (Result<void> set = setState(session, row.eventId, ForwardingState::Queued, note,
                                        *deliveryId, request.handOver);
            !set)
            return fail(set.error());
        ++handedOver;
    }
    return handedOver;
}

Result<bool> InboundForwardingRepository::recordOutcome(SqlSession &session, qint64 deliveryId,
                                                        bool succeeded, const QString &note)
{
    auto query = session.execKept(
            u"UPDATE inbound_events SET forwarding_state = ?, forwarding_note = ?, "
            "forwarding_updated_at_ms = ? WHERE delivery_id = ? AND forwarding_state = 'queued'"_s,
            {nameOf(succeeded ? ForwardingState::Forwarded : ForwardingState::Failed), note,
             session.nowMs(), deliveryId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() > 0;
}

Result<InboundEvent> InboundForwardingRepository::requestRedelivery(SqlSession &session,
                                                                    qint64 eventId)
{
    auto query = session.exec(
            u"SELECT e.is_handshake, e.verdict, e.tenant_id, e.connection_id, e.forwarding_state, "
            "e.delivery_id, c.forward_target_url FROM inbound_events e "
            "LEFT JOIN connections c ON c.id = e.connection_id WHERE e.id = ?"_s,
            {eventId});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        return fail(u"store.unknown_inbound_event"_s,
                    ForwardingText::tr("There is no inbound event %1.").arg(eventId));
    }
    const bool handshake = query->value(0).toLongLong() != 0;
    const QString verdict = query->value(1).toString();
    const std::optional<qint64> tenantId = optionalInt64(query->value(2));
    const std::optional<qint64> connectionId = optionalInt64(query->value(3));
    const QString state = query->value(4).toString();
    const std::optional<qint64> deliveryId = optionalInt64(query->value(5));
    const QString target = query->value(6).toString();
    query->finish();

    const auto notForwardable = [eventId](const QString &why) {
        return fail(u"inbound.not_forwardable"_s,
                    ForwardingText::tr("Inbound event %1 cannot be re-delivered: %2")
                            .arg(eventId)
                            .arg(why));
    };
    if (handshake)
        return notForwardable(ForwardingText::tr("it is a handshake, not an event."));
    if (verdict == nameOf(InboundVerdict::Failed))
        return notForwardable(ForwardingText::tr("its signature did not verify."));
    if (!tenantId)
        return notForwardable(ForwardingText::tr("no tenant was resolved for it."));
    if (!connectionId)
        return notForwardable(ForwardingText::tr("it belongs to no connection."));
    if (target.isEmpty())
        return notForwardable(
                ForwardingText::tr("connection %1 has no forward target.").arg(*connectionId));
    if (state == nameOf(ForwardingState::Pending)) {
        return fail(u"inbound.forwarding_in_progress"_s,
                    ForwardingText::tr("Inbound event %1 is already waiting to be forwarded.")
                            .arg(eventId));
    }
    if (state == nameOf(ForwardingState::Queued)) {
        return fail(u"inbound.forwarding_in_progress"_s,
                    ForwardingText::tr("Inbound event %1 is still being delivered (delivery %2).")
                            .arg(eventId)
                            .arg(deliveryId.value_or(0)));
    }
    auto updated = session.exec(
            u"UPDATE inbound_events SET forwarding_state = 'pending', forwarding_note = ?, "
            "forwarding_updated_at_ms = ? WHERE id = ?"_s,
            {ForwardingText::tr("Re-delivery to %1 requested.").arg(target), session.nowMs(),
             eventId});
    if (!updated)
        return fail(updated.error());
    return InboundEventRepository::get(session, eventId);
}

} // namespace wb::core
