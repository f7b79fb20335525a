// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/deliverytriage.h"

#include "core/dispatch/deliveryrepository.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// Failing first (see the class comment).
const QString rankExpression = uR"sql(CASE
    WHEN d.state = 'dead' THEN 0
    WHEN d.state = 'failed' THEN 1
    WHEN d.state = 'pending' AND d.attempt_count > 0 THEN 2
    WHEN d.state = 'in_flight' THEN 3
    WHEN d.state = 'pending' THEN 4
    WHEN d.state = 'cancelled' THEN 5
    ELSE 6 END)sql"_s;

QString whereClause(const DeliveryTriageFilter &filter, QVariantList &values)
{
    QStringList where;
    if (filter.state) {
        where << u"d.state = ?"_s;
        values << nameOf(*filter.state);
    }
    if (filter.connectionId) {
        where << u"d.connection_id = ?"_s;
        values << *filter.connectionId;
    }
    if (filter.tenantId) {
        where << u"d.tenant_id = ?"_s;
        values << *filter.tenantId;
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        QString pattern = text.toLower();
        pattern.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        pattern = u"%"_s + pattern + u"%"_s;
        QStringList any;
        for (const QString &column : {u"d.url"_s, u"d.idempotency_key"_s, u"d.last_reason"_s}) {
            any << u"lower(%1) LIKE ? ESCAPE '\\'"_s.arg(column);
            values << pattern;
        }
        bool isNumber = false;
        const qint64 id = text.toLongLong(&isNumber);
        if (isNumber) {
            any << u"d.id = ?"_s;
            values << id;
        }
        where << u"("_s + any.join(u" OR "_s) + u")"_s;
    }
    return where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);
}

} // namespace

Result<QList<DeliveryTriageRow>> DeliveryTriageRepository::page(SqlSession &session,
                                                                const DeliveryTriageFilter &filter)
{
    QVariantList values;
    const QString where = whereClause(filter, values);
    values << qMax(0, filter.limit) << qMax(0, filter.offset);
    // The ids of the window first (one indexed pass), then each delivery by its primary key.
    auto query = session.exec(uR"sql(SELECT d.id,
    (SELECT a.http_status FROM delivery_attempts a WHERE a.delivery_id = d.id
        ORDER BY a.attempt_number DESC LIMIT 1),
    (SELECT a.error_kind FROM delivery_attempts a WHERE a.delivery_id = d.id
        ORDER BY a.attempt_number DESC LIMIT 1)
FROM deliveries d%1 ORDER BY %2, d.updated_at_ms DESC, d.id DESC LIMIT ? OFFSET ?)sql"_s
                                      .arg(where, rankExpression),
                              values);
    if (!query)
        return fail(query.error());
    QList<DeliveryTriageRow> rows;
    while (query->next()) {
        DeliveryTriageRow row;
        row.delivery.id = query->value(0).toLongLong();
        if (!query->value(1).isNull())
            row.lastStatus = query->value(1).toInt();
        row.lastErrorKind = query->value(2).toString();
        rows.append(row);
    }
    for (DeliveryTriageRow &row : rows) {
        Result<Delivery> delivery = DeliveryRepository::get(session, row.delivery.id);
        if (!delivery)
            return fail(delivery.error());
        row.delivery = std::move(*delivery);
        row.delivery.body.clear(); // the list does not need the bytes
    }
    return rows;
}

Result<qint64> DeliveryTriageRepository::count(SqlSession &session,
                                               const DeliveryTriageFilter &filter)
{
    QVariantList values;
    const QString where = whereClause(filter, values);
    auto query = session.execOneRow(u"SELECT count(*) FROM deliveries d%1"_s.arg(where), values);
    if (!query)
        return fail(query.error());
    return query->value(0).toLongLong();
}

Result<bool> DeliveryTriageRepository::retryNow(SqlSession &session, qint64 deliveryId, qint64 nowMs)
{
    auto query = session.exec(u"UPDATE deliveries SET next_attempt_at_ms = ?, updated_at_ms = ? "
                              "WHERE id = ? AND state = 'pending'"_s,
                              {nowMs, nowMs, deliveryId});
    if (!query)
        return fail(query.error());
    return query->numRowsAffected() > 0;
}

} // namespace wb::core
