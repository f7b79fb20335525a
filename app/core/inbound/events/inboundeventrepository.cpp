// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/events/inboundeventrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

const QString columns
        = u"id, received_at_ms, route, connection_id, provider_id, peer_address, method, "
          "request_target, url, headers, %1, body_size, is_handshake, handshake_kind, verdict, "
          "verification_reason, verification_explanation, tenant_id, identity_mapping_id, "
          "identity_outcome, identity_value, resolution_explanation, provider_event_id, "
          "event_type, duplicate_count, last_duplicate_at_ms, response_status, forwarding_state, "
          "forwarding_note, forwarding_updated_at_ms, forward_count, delivery_id"_s;

// QSQLITE binds a null QByteArray as SQL NULL; the byte columns are NOT NULL.
QByteArray bytes(const QByteArray &value)
{
    return value.isNull() ? QByteArray("") : value;
}

InboundEvent fromRow(const QSqlQuery &query)
{
    InboundEvent event;
    event.id = query.value(0).toLongLong();
    event.receivedAtMs = query.value(1).toLongLong();
    event.route = query.value(2).toString() == u"provider"_s ? InboundRoute::Provider
                                                             : InboundRoute::Connection;
    event.connectionId = optionalInt64(query.value(3));
    event.providerId = query.value(4).toString();
    event.peerAddress = query.value(5).toString();
    event.request.method = query.value(6).toString().toLatin1();
    event.requestTarget = query.value(7).toByteArray();
    event.request.url = query.value(8).toByteArray();
    event.request.headers = decodeHeaderBlock(query.value(9).toByteArray());
    event.request.body = query.value(10).toByteArray();
    event.bodySize = query.value(11).toLongLong();
    event.handshake = query.value(12).toLongLong() != 0;
    event.handshakeKind = query.value(13).toString();
    // The columns' CHECK constraints admit only known names.
    event.verdict = inboundVerdictFromName(query.value(14).toString())
                            .value_or(InboundVerdict::Failed);
    event.verificationReason = query.value(15).toString();
    event.verificationExplanation = query.value(16).toString();
    event.tenantId = optionalInt64(query.value(17));
    event.identityMappingId = optionalInt64(query.value(18));
    event.identityOutcome = query.value(19).toString();
    event.identityValue = query.value(20).toString();
    event.resolutionExplanation = query.value(21).toString();
    event.providerEventId = query.value(22).toString();
    event.eventType = query.value(23).toString();
    event.duplicateCount = query.value(24).toInt();
    event.lastDuplicateAtMs = optionalInt64(query.value(25));
    event.responseStatus = query.value(26).toInt();
    event.forwardingState = forwardingStateFromName(query.value(27).toString())
                                    .value_or(ForwardingState::None);
    event.forwardingNote = query.value(28).toString();
    event.forwardingUpdatedAtMs = optionalInt64(query.value(29));
    event.forwardCount = query.value(30).toInt();
    event.deliveryId = optionalInt64(query.value(31));
    return event;
}

// The filter's conditions (not its cursor or limit), with their values appended to `values`.
QStringList conditions(const InboundEventFilter &filter, QVariantList &values)
{
    QStringList where;
    if (filter.connectionId) {
        where << u"connection_id = ?"_s;
        values << *filter.connectionId;
    }
    if (filter.tenantId) {
        where << u"tenant_id = ?"_s;
        values << *filter.tenantId;
    }
    if (!filter.providerId.isEmpty()) {
        where << u"provider_id = ?"_s;
        values << filter.providerId;
    }
    if (!filter.eventType.isEmpty()) {
        where << u"event_type = ?"_s;
        values << filter.eventType;
    }
    if (filter.verdict) {
        where << u"verdict = ?"_s;
        values << nameOf(*filter.verdict);
    }
    if (filter.forwardingState) {
        where << u"forwarding_state = ?"_s;
        values << nameOf(*filter.forwardingState);
    }
    if (filter.handshake) {
        where << u"is_handshake = ?"_s;
        values << (*filter.handshake ? 1 : 0);
    }
    if (filter.receivedFromMs) {
        where << u"received_at_ms >= ?"_s;
        values << *filter.receivedFromMs;
    }
    if (filter.receivedBeforeMs) {
        where << u"received_at_ms < ?"_s;
        values << *filter.receivedBeforeMs;
    }
    if (filter.idAbove) {
        where << u"id > ?"_s;
        values << *filter.idAbove;
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        // LIKE with '\\' as the escape character, so % and _ in the text match themselves.
        QString pattern = text.toLower();
        pattern.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        pattern = u"%"_s + pattern + u"%"_s;
        QStringList any;
        for (const QString &column :
             {u"event_type"_s, u"provider_id"_s, u"provider_event_id"_s, u"identity_value"_s,
              u"peer_address"_s, u"verification_reason"_s}) {
            any << u"lower(%1) LIKE ? ESCAPE '\\'"_s.arg(column);
            values << pattern;
        }
        bool isNumber = false;
        const qint64 id = text.toLongLong(&isNumber);
        if (isNumber) {
            any << u"id = ?"_s;
            values << id;
        }
        where << u"("_s + any.join(u" OR "_s) + u")"_s;
    }
    return where;
}

QString sortColumn(InboundEventSort sort)
{
    switch (sort) {
    case InboundEventSort::ReceivedAt:
        break;
    case InboundEventSort::Provider:
        return u"provider_id"_s;
    case InboundEventSort::EventType:
        return u"event_type"_s;
    case InboundEventSort::Verdict:
        return u"verdict"_s;
    case InboundEventSort::BodySize:
        return u"body_size"_s;
    case InboundEventSort::Forwarding:
        return u"forwarding_state"_s;
    }
    return u"received_at_ms"_s;
}

QString whereClause(const QStringList &conditions)
{
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

} // namespace

InboundEventCursor InboundEventCursor::after(const InboundEvent &event, InboundEventSort sort)
{
    InboundEventCursor cursor{event.receivedAtMs, event.id, {}};
    switch (sort) {
    case InboundEventSort::ReceivedAt:
        break;
    case InboundEventSort::Provider:
        cursor.sortValue = event.providerId;
        break;
    case InboundEventSort::EventType:
        cursor.sortValue = event.eventType;
        break;
    case InboundEventSort::Verdict:
        cursor.sortValue = nameOf(event.verdict);
        break;
    case InboundEventSort::BodySize:
        cursor.sortValue = event.bodySize;
        break;
    case InboundEventSort::Forwarding:
        cursor.sortValue = nameOf(event.forwardingState);
        break;
    }
    return cursor;
}

Result<InboundInsertOutcome> InboundEventRepository::insert(SqlSession &session,
                                                            const InboundEvent &event,
                                                            const QString &dedupScope)
{
    const bool deduplicated = !event.providerEventId.isEmpty() && !event.handshake
                              && event.verdict != InboundVerdict::Failed;
    if (deduplicated) {
        auto existing = session.exec(
                u"SELECT id FROM inbound_events WHERE dedup_scope = ? AND provider_event_id = ? "
                "AND is_handshake = 0 AND verdict <> 'failed'"_s,
                {dedupScope, event.providerEventId});
        if (!existing)
            return fail(existing.error());
        if (existing->next()) {
            const qint64 id = existing->value(0).toLongLong();
            auto updated = session.execute(
                    u"UPDATE inbound_events SET duplicate_count = duplicate_count + 1, "
                    "last_duplicate_at_ms = ? WHERE id = ?"_s,
                    {event.receivedAtMs, id});
            if (!updated)
                return fail(updated.error());
            return InboundInsertOutcome{id, true};
        }
    }
    auto inserted = session.execOneRow(
            u"INSERT INTO inbound_events (received_at_ms, route, connection_id, provider_id, "
            "peer_address, method, request_target, url, headers, body, body_size, is_handshake, "
            "handshake_kind, verdict, verification_reason, verification_explanation, tenant_id, "
            "identity_mapping_id, identity_outcome, identity_value, resolution_explanation, "
            "provider_event_id, event_type, dedup_scope, response_status, forwarding_state, "
            "forwarding_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
            {event.receivedAtMs,
             nameOf(event.route),
             toSqlValue(event.connectionId),
             event.providerId,
             event.peerAddress,
             QString::fromLatin1(event.request.method),
             bytes(event.requestTarget),
             bytes(event.request.url),
             bytes(encodeHeaderBlock(event.request.headers)),
             bytes(event.request.body),
             qint64(event.request.body.size()),
             event.handshake ? 1 : 0,
             event.handshakeKind,
             nameOf(event.verdict),
             event.verificationReason,
             event.verificationExplanation,
             toSqlValue(event.tenantId),
             toSqlValue(event.identityMappingId),
             event.identityOutcome,
             event.identityValue,
             event.resolutionExplanation,
             event.providerEventId,
             event.eventType,
             dedupScope,
             event.responseStatus,
             nameOf(event.forwardingState),
             event.forwardingNote});
    if (!inserted)
        return fail(inserted.error());
    return InboundInsertOutcome{inserted->value(0).toLongLong(), false};
}

Result<InboundEvent> InboundEventRepository::get(SqlSession &session, qint64 eventId)
{
    auto query = session.exec(u"SELECT %1 FROM inbound_events WHERE id = ?"_s.arg(
                                      columns.arg(u"body"_s)),
                              {eventId});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        return fail(u"store.unknown_inbound_event"_s,
                    QCoreApplication::translate("wb::core::InboundEventRepository",
                                                "There is no inbound event %1.")
                            .arg(eventId));
    }
    return fromRow(*query);
}

Result<QList<InboundEvent>> InboundEventRepository::list(SqlSession &session,
                                                         const InboundEventFilter &filter)
{
    QVariantList values;
    QStringList where = conditions(filter, values);
    const QString column = sortColumn(filter.sort);
    const QString direction = filter.ascending ? u"ASC"_s : u"DESC"_s;
    if (filter.after) {
        const QString beyond = filter.ascending ? u">"_s : u"<"_s;
        where << u"(%1 %2 ? OR (%1 = ? AND id %2 ?))"_s.arg(column, beyond);
        const QVariant value = filter.sort == InboundEventSort::ReceivedAt
                                       ? QVariant(filter.after->receivedAtMs)
                                       : filter.after->sortValue;
        values << value << value << filter.after->id;
    }
    values << qMax(0, filter.limit);
    const QString sql = u"SELECT %1 FROM inbound_events%2 ORDER BY %3 %4, id %4 LIMIT ?"_s
                                .arg(columns.arg(filter.withBodies ? u"body"_s : u"NULL"_s),
                                     whereClause(where), column, direction);
    auto query = session.exec(sql, values);
    if (!query)
        return fail(query.error());
    QList<InboundEvent> events;
    while (query->next())
        events << fromRow(*query);
    return events;
}

Result<qint64> InboundEventRepository::count(SqlSession &session, const InboundEventFilter &filter)
{
    QVariantList values;
    const QStringList where = conditions(filter, values);
    auto query = session.execOneRow(u"SELECT count(*) FROM inbound_events%1"_s.arg(
                                            whereClause(where)),
                                    values);
    if (!query)
        return fail(query.error());
    return query->value(0).toLongLong();
}

Result<QList<InboundSecondCount>> InboundEventRepository::countsPerSecond(
        SqlSession &session, std::optional<qint64> connectionId, qint64 fromMs, qint64 toMs)
{
    QVariantList values{fromMs, toMs};
    QString where = u"received_at_ms >= ? AND received_at_ms < ? AND is_handshake = 0 "
                    "AND connection_id IS NOT NULL"_s;
    if (connectionId) {
        where += u" AND connection_id = ?"_s;
        values << *connectionId;
    }
    // Integer division in SQLite and PostgreSQL alike (both operands are integers).
    auto query = session.exec(u"SELECT received_at_ms / 1000 AS second, connection_id, count(*) "
                              "FROM inbound_events WHERE %1 GROUP BY second, connection_id "
                              "ORDER BY second, connection_id"_s.arg(where),
                              values);
    if (!query)
        return fail(query.error());
    QList<InboundSecondCount> counts;
    while (query->next()) {
        counts.append({query->value(1).toLongLong(), query->value(0).toLongLong() * 1000,
                       query->value(2).toLongLong()});
    }
    return counts;
}

Result<QStringList> InboundEventRepository::distinctValues(SqlSession &session,
                                                           InboundEventSort column, int limit)
{
    const QString name = column == InboundEventSort::EventType ? u"event_type"_s : u"provider_id"_s;
    // A loose index scan: each step is one seek in the column's index (inbound_events_provider,
    // inbound_events_event_type), so a million rows of a few kinds cost a few dozen seeks.
    QStringList values;
    QVariant previous = QString();
    while (values.size() < limit) {
        auto query = session.execOneRow(u"SELECT MIN(%1) FROM inbound_events WHERE %1 > ?"_s.arg(
                                                name),
                                        {previous});
        if (!query)
            return fail(query.error());
        if (query->value(0).isNull())
            break;
        previous = query->value(0).toString();
        values.append(previous.toString());
    }
    return values;
}

Result<qint64> InboundEventRepository::newestId(SqlSession &session)
{
    auto query = session.execOneRow(u"SELECT COALESCE(MAX(id), 0) FROM inbound_events"_s);
    if (!query)
        return fail(query.error());
    return query->value(0).toLongLong();
}

Result<qint64> InboundEventRepository::countPendingForwarding(SqlSession &session)
{
    auto query = session.execOneRow(
            u"SELECT count(*) FROM inbound_events WHERE forwarding_state = 'pending'"_s);
    if (!query)
        return fail(query.error());
    return query->value(0).toLongLong();
}

Result<qint64> InboundEventRepository::count(SqlSession &session)
{
    auto query = session.execOneRow(u"SELECT count(*) FROM inbound_events"_s);
    if (!query)
        return fail(query.error());
    return query->value(0).toLongLong();
}

QByteArray encodeHeaderBlock(const QList<ReceivedHeader> &headers)
{
    QByteArray block;
    for (const ReceivedHeader &header : headers)
        block += header.name + ": " + header.value + "\r\n";
    return block;
}

QList<ReceivedHeader> decodeHeaderBlock(const QByteArray &block)
{
    QList<ReceivedHeader> headers;
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype end = block.indexOf("\r\n", pos);
        if (end < 0)
            end = block.size();
        const QByteArrayView line = QByteArrayView(block).sliced(pos, end - pos);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            QByteArrayView value = line.sliced(colon + 1);
            if (value.startsWith(' '))
                value = value.sliced(1);
            headers.append(ReceivedHeader{line.first(colon).toByteArray(), value.toByteArray()});
        }
        pos = end + 2;
    }
    return headers;
}

QString nameOf(InboundVerdict verdict)
{
    switch (verdict) {
    case InboundVerdict::Verified:
        return u"verified"_s;
    case InboundVerdict::Failed:
        return u"failed"_s;
    case InboundVerdict::Unsigned:
        return u"unsigned"_s;
    }
    return {};
}

QString nameOf(ForwardingState state)
{
    switch (state) {
    case ForwardingState::None:
        return u"none"_s;
    case ForwardingState::Pending:
        return u"pending"_s;
    case ForwardingState::Queued:
        return u"queued"_s;
    case ForwardingState::Forwarded:
        return u"forwarded"_s;
    case ForwardingState::Failed:
        return u"failed"_s;
    }
    return {};
}

QString nameOf(InboundRoute route)
{
    return route == InboundRoute::Provider ? u"provider"_s : u"connection"_s;
}

std::optional<InboundVerdict> inboundVerdictFromName(const QString &name)
{
    for (InboundVerdict verdict :
         {InboundVerdict::Verified, InboundVerdict::Failed, InboundVerdict::Unsigned}) {
        if (nameOf(verdict) == name)
            return verdict;
    }
    return std::nullopt;
}

std::optional<ForwardingState> forwardingStateFromName(const QString &name)
{
    for (ForwardingState state :
         {ForwardingState::None, ForwardingState::Pending, ForwardingState::Queued,
          ForwardingState::Forwarded, ForwardingState::Failed}) {
        if (nameOf(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace wb::core
