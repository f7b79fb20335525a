// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/sharedratelimit.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<SharedRateLimit::Take> SharedRateLimit::take(SqlSession &session, qint64 connectionId,
                                                    double ratePerSecond, double burst,
                                                    qint64 nowMs)
{
    if (!(ratePerSecond > 0) || !(burst >= 1)) {
        return fail(u"dispatch.bad_rate"_s,
                    QCoreApplication::translate("wb::core::SharedRateLimit",
                                                "The rate limit of connection %1 must be above 0 "
                                                "per second with a burst of at least 1 (got %2/s, "
                                                "burst %3).")
                            .arg(connectionId)
                            .arg(ratePerSecond)
                            .arg(burst));
    }
    Result<QSqlQuery> row = session.exec(u"SELECT tokens, refilled_at_ms FROM "
                                         "connection_rate_buckets WHERE connection_id = ?"_s,
                                         {connectionId});
    if (!row)
        return fail(row.error());
    double level = burst;
    if (row->next()) {
        const double stored = row->value(0).toDouble();
        const qint64 refilledAt = row->value(1).toLongLong();
        const double elapsedS = double(qMax<qint64>(0, nowMs - refilledAt)) / 1000.0;
        level = qMin(burst, stored + elapsedS * ratePerSecond);
    }
    row->finish();

    Take take;
    if (level >= 1.0) {
        take.granted = true;
        level -= 1.0;
    } else {
        // The ms until the missing part of a token has accrued, rounded up; the tolerance keeps
        // a float error (1 - 0.999 is 0.0010000000000000009) from adding a whole millisecond.
        take.retryAtMs = nowMs + qint64(std::ceil((1.0 - level) / ratePerSecond * 1000.0 - 1e-6));
    }
    take.level = level;
    const Result<void> stored = session.execute(
            u"INSERT INTO connection_rate_buckets (connection_id, tokens, refilled_at_ms) "
            "VALUES (?, ?, ?) ON CONFLICT (connection_id) DO UPDATE SET tokens = excluded.tokens, "
            "refilled_at_ms = excluded.refilled_at_ms"_s,
            {connectionId, qMax(0.0, level), nowMs});
    if (!stored)
        return fail(stored.error());
    return take;
}

Result<SharedRateLimit::RatedClaim> SharedRateLimit::claim(SqlSession &session, qint64 deliveryId,
                                                           const std::optional<Rate> &rate,
                                                           const QString &workerId, qint64 nowMs,
                                                           qint64 leaseMs)
{
    RatedClaim rated;
    if (rate) {
        Result<Take> taken = take(session, rate->connectionId, rate->perSecond, rate->burst, nowMs);
        if (!taken)
            return fail(taken.error());
        if (!taken->granted) {
            rated.heldUntilMs = taken->retryAtMs;
            return rated;
        }
    }
    Result<std::optional<DeliveryRepository::Claim>> claimed = DeliveryRepository::claim(session,
                                                                                         deliveryId,
                                                                                         workerId,
                                                                                         nowMs,
                                                                                         leaseMs);
    if (!claimed)
        return fail(claimed.error());
    if (!*claimed && rate) {
        if (Result<void> back = giveBack(session, rate->connectionId, rate->burst); !back)
            return fail(back.error());
    }
    rated.claim = std::move(*claimed);
    return rated;
}

Result<void> SharedRateLimit::giveBack(SqlSession &session, qint64 connectionId, double burst)
{
    return session.execute(u"UPDATE connection_rate_buckets SET tokens = "
                           "CASE WHEN tokens + 1 > ? THEN ? ELSE tokens + 1 END "
                           "WHERE connection_id = ?"_s,
                           {burst, burst, connectionId});
}

} // namespace wb::core
