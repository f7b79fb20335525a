// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/sharedratelimit.h"
#include "core/store/sqldialect.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<SharedRateLimit::Take> SharedRateLimit::take(SqlSession &session, qint64 connectionId,
                                                    double ratePerSecond, double burst,
                                                    qint64 nowMs, int wanted)
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
    wanted = qMax(1, wanted);
    Result<SqlSession::KeptQuery> row
            = session.execKept(u"SELECT tokens, refilled_at_ms FROM "
                               "connection_rate_buckets WHERE connection_id = ?"_s
                                       + session.dialect().skipLockedClause(),
                               {connectionId});
    if (!row)
        return fail(row.error());
    const bool exists = row->next();
    double level = burst;
    if (exists) {
        const double stored = row->value(0).toDouble();
        const qint64 refilledAt = row->value(1).toLongLong();
        const double elapsedS = double(qMax<qint64>(0, nowMs - refilledAt)) / 1000.0;
        level = qMin(burst, stored + elapsedS * ratePerSecond);
    }
    row->finish();

    Take take;
    take.granted = qMin(wanted, int(std::floor(level + 1e-9)));
    level = qMax(0.0, level - take.granted);
    if (take.granted < wanted) {
        // The ms until the missing part of a token has accrued, rounded up; the tolerance keeps
        // a float error (1 - 0.999 is 0.0010000000000000009) from adding a whole millisecond.
        take.retryAtMs = nowMs + qint64(std::ceil((1.0 - level) / ratePerSecond * 1000.0 - 1e-6));
    }
    take.level = level;
    if (exists) {
        const Result<void> stored = session.execute(
                u"UPDATE connection_rate_buckets SET tokens = ?, refilled_at_ms = ? "
                "WHERE connection_id = ?"_s,
                {level, nowMs, connectionId});
        if (!stored)
            return fail(stored.error());
        return take;
    }
    // No row, or one another worker has locked (SKIP LOCKED returned nothing): an insert that
    // yields to an existing row tells the two apart.
    Result<SqlSession::KeptQuery> created = session.execKept(
            u"INSERT INTO connection_rate_buckets (connection_id, tokens, refilled_at_ms) "
            "VALUES (?, ?, ?) ON CONFLICT (connection_id) DO NOTHING RETURNING connection_id"_s,
            {connectionId, level, nowMs});
    if (!created)
        return fail(created.error());
    if (!created->next()) {
        Take busy;
        busy.busy = true;
        busy.retryAtMs = nowMs + kBusyRetryMs;
        return busy;
    }
    return take;
}

Result<QList<SharedRateLimit::RatedClaim>> SharedRateLimit::claim(SqlSession &session,
                                                                  const QList<Wanted> &wanted,
                                                                  const QString &workerId,
                                                                  qint64 nowMs, qint64 leaseMs)
{
    QList<RatedClaim> rated(wanted.size());
    // Per connection (in id order): its rate and the positions of the deliveries wanting a token.
    std::map<qint64, std::pair<Rate, QList<qsizetype>>> byConnection;
    QList<qint64> claimable;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        if (const std::optional<Rate> &rate = wanted.at(i).rate) {
            auto &entry = byConnection[rate->connectionId];
            entry.first = *rate;
            entry.second.append(i);
        } else {
            claimable.append(wanted.at(i).deliveryId);
        }
    }
    std::map<qint64, int> tokens; // taken per connection
    for (const auto &[connectionId, entry] : byConnection) {
        const auto &[rate, positions] = entry;
        Result<Take> taken = take(session, connectionId, rate.perSecond, rate.burst, nowMs,
                                  int(positions.size()));
        if (!taken)
            return fail(taken.error());
        tokens[connectionId] = taken->granted;
        for (qsizetype k = 0; k < positions.size(); ++k) {
            if (k < taken->granted)
                claimable.append(wanted.at(positions.at(k)).deliveryId);
            else
                rated[positions.at(k)].heldUntilMs = taken->retryAtMs;
        }
    }

    Result<QList<DeliveryRepository::Claim>> claimed = DeliveryRepository::claim(session, claimable,
                                                                                 workerId, nowMs,
                                                                                 leaseMs);
    if (!claimed)
        return fail(claimed.error());
    QHash<qint64, DeliveryRepository::Claim> byDelivery;
    for (DeliveryRepository::Claim &one : *claimed)
        byDelivery.insert(one.delivery.id, std::move(one));
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const auto found = byDelivery.find(wanted.at(i).deliveryId);
        if (found == byDelivery.end())
            continue;
        if (const std::optional<Rate> &rate = wanted.at(i).rate)
            --tokens[rate->connectionId];
        rated[i].claim = std::move(*found);
    }
    for (const auto &[connectionId, unused] : tokens) {
        if (unused <= 0)
            continue;
        if (Result<void> back = giveBack(session, connectionId,
                                         byConnection.at(connectionId).first.burst, unused);
            !back)
            return fail(back.error());
    }
    return rated;
}

Result<void> SharedRateLimit::giveBack(SqlSession &session, qint64 connectionId, double burst,
                                       int count)
{
    return session.execute(u"UPDATE connection_rate_buckets SET tokens = "
                           "CASE WHEN tokens + ? > ? THEN ? ELSE tokens + ? END "
                           "WHERE connection_id = ?"_s,
                           {count, burst, burst, count, connectionId});
}

} // namespace wb::core
