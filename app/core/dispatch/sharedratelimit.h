// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/deliveryrepository.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <optional>

namespace wb::core {

// A connection's token bucket kept in the workspace (table connection_rate_buckets, migration
// 14), so that its rate limit holds across every dispatch worker sharing the workspace: several
// `serve` processes, on one SQLite file or one PostgreSQL database. Each worker's
// AdmissionController still keeps its own bucket (the GUI shows it, and it spares a write when
// empty); this one is the authority, taken in the same write transaction as the claim. Writers
// take turns (one write lock per workspace, sqldialect.h), so a take is never raced.
//
// Refill is continuous: `ratePerSecond` tokens a second up to `burst` (the same bucket as
// tokenbucket.h). Times are the caller's clock, UTC ms; a worker whose clock is behind the last
// refill adds nothing (never a negative refill).
//
// Thread: the writer thread, inside a write job.
class SharedRateLimit final
{
public:
    struct Take
    {
        bool granted = false;
        double level = 0;     // tokens left after this take
        qint64 retryAtMs = 0; // refused: the instant one token will be there
    };

    // Takes one token of `connectionId`'s bucket (created full at `burst` on first use).
    // `ratePerSecond` > 0 and `burst` >= 1, else error `dispatch.bad_rate`. Errors: the store's.
    static Result<Take> take(SqlSession &session, qint64 connectionId, double ratePerSecond,
                             double burst, qint64 nowMs);
    struct Rate
    {
        qint64 connectionId = 0;
        double perSecond = 0;
        double burst = 1;
    };
    struct RatedClaim
    {
        std::optional<DeliveryRepository::Claim> claim; // nullopt: not claimed
        qint64 heldUntilMs = 0; // not claimed because the bucket was empty: when to ask again
    };
    // DeliveryRepository::claim() of `deliveryId`, when `rate` is set only after taking a token of
    // its connection's shared bucket (given back if the claim then finds the delivery taken).
    static Result<RatedClaim> claim(SqlSession &session, qint64 deliveryId,
                                    const std::optional<Rate> &rate, const QString &workerId,
                                    qint64 nowMs, qint64 leaseMs);

    // Gives back a token taken for a claim that then did not happen (another worker had the
    // delivery): the level rises by one, at most to `burst`.
    static Result<void> giveBack(SqlSession &session, qint64 connectionId, double burst);
};

} // namespace wb::core
