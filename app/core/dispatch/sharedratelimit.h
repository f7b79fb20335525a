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
// empty); this one is the authority, taken in the same write transaction as the claim.
//
// Takes are safe without the workspace lock (WriteConcurrency::RowLocks): a take locks the
// bucket's row first and never waits for it (FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers
// claiming for several connections in different orders cannot deadlock). A bucket another worker
// is taking from at that instant counts as busy: nothing is taken, ask again kBusyRetryMs later.
// SQLite's one writer is never raced.
//
// Refill is continuous: `ratePerSecond` tokens a second up to `burst` (the same bucket as
// tokenbucket.h). Times are the caller's clock, UTC ms; a worker whose clock is behind the last
// refill adds nothing (never a negative refill).
//
// Thread: the writer thread, inside a write job.
class SharedRateLimit final
{
public:
    // How long a worker waits before asking again for a bucket another worker had locked (ms).
    static constexpr qint64 kBusyRetryMs = 10;

    struct Take
    {
        int granted = 0;      // tokens taken: at most the number wanted
        double level = 0;     // tokens left after this take
        qint64 retryAtMs = 0; // fewer granted than wanted: the instant the next token is there
        bool busy = false;    // another worker held the bucket: nothing taken, see retryAtMs
    };
    // Takes up to `wanted` (>= 1) tokens of `connectionId`'s bucket (created full at `burst` on
    // first use). `ratePerSecond` > 0 and `burst` >= 1, else error `dispatch.bad_rate`. Errors:
    // the store's.
    static Result<Take> take(SqlSession &session, qint64 connectionId, double ratePerSecond,
                             double burst, qint64 nowMs, int wanted = 1);

    struct Rate
    {
        qint64 connectionId = 0;
        double perSecond = 0;
        double burst = 1;
    };
    struct Wanted
    {
        qint64 deliveryId = 0;
        std::optional<Rate> rate; // set: the delivery needs a token of this connection's bucket
    };
    struct RatedClaim
    {
        std::optional<DeliveryRepository::Claim> claim; // nullopt: not claimed
        qint64 heldUntilMs = 0; // not claimed because the bucket was empty: when to ask again
    };
    // DeliveryRepository::claim() of the wanted deliveries, in one statement, after taking a token
    // for each rated one from its connection's shared bucket (one take per connection, in order of
    // connection id). Those without a token are held; tokens taken for deliveries the claim then
    // did not get (another worker had them) are given back. Returns one entry per wanted delivery,
    // in order. Errors: the store's, `dispatch.bad_rate`.
    static Result<QList<RatedClaim>> claim(SqlSession &session, const QList<Wanted> &wanted,
                                           const QString &workerId, qint64 nowMs, qint64 leaseMs);
    // Gives back `count` tokens taken for claims that then did not happen: the level rises by
    // `count`, at most to `burst`.
    static Result<void> giveBack(SqlSession &session, qint64 connectionId, double burst,
                                 int count = 1);
};

} // namespace wb::core
