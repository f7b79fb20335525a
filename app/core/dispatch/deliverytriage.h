// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>

namespace wb::core {

// What the deliveries view narrows deliveries by; an empty field matches everything.
struct DeliveryTriageFilter
{
    std::optional<DeliveryState> state;
    std::optional<qint64> connectionId;
    std::optional<qint64> tenantId;
    // Free text: deliveries whose URL, idempotency key or last reason contains it
    // (case-insensitive for ASCII), or whose id it is.
    QString text;
    int offset = 0; // a window of the ordered list
    int limit = 200;
};

// One row of the deliveries view: the delivery (its body left out) and its last attempt's answer.
struct DeliveryTriageRow
{
    Delivery delivery;
    std::optional<int> lastStatus; // the last attempt's HTTP status (none: no answer, no attempt)
    QString lastErrorKind;         // the last attempt's transport error ("timeout", …)
};

// The deliveries view's queries over tables `deliveries` and `delivery_attempts` (migration 2),
// failing first: dead, failed, retrying (pending after an attempt), in flight, pending, cancelled,
// succeeded; within each, the most recently changed first (then id). Functions take the job's
// SqlSession; the actions need a write session.
class DeliveryTriageRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::DeliveryTriageRepository)

public:
    // A window (filter.offset, filter.limit) of the ordered list. Errors: `store.query_failed`.
    static Result<QList<DeliveryTriageRow>> page(SqlSession &session,
                                                 const DeliveryTriageFilter &filter);
    // How many deliveries match (offset and limit ignored).
    static Result<qint64> count(SqlSession &session, const DeliveryTriageFilter &filter);
    // "Retry now": a pending delivery (a new one, or one waiting out a backoff or Retry-After)
    // becomes due at `nowMs` (UTC ms). False when it is not pending (in flight or final): nothing
    // changes. The dispatcher picks it up at its next poll.
    static Result<bool> retryNow(SqlSession &session, qint64 deliveryId, qint64 nowMs);
};

} // namespace wb::core
