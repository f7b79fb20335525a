// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace wb::core {

// Deliveries and their attempt log in portable SQL (tables `deliveries` and `delivery_attempts`,
// migration 2). Functions that change data need a write session (inside a Store write job);
// readers work on any session. The Dispatcher wraps them in asynchronous jobs.
//
// The queue protocol (at-least-once; safe with several worker processes on one database):
//   add()      inserts a pending delivery due at notBefore (default now).
//   due()      lists pending deliveries whose next_attempt_at has come, and in_flight ones whose
//              lease expired (their worker died), skipping excluded connections/tenants/hosts.
//   claim()    takes some under a lease (state in_flight, attempt_count + 1) if they are still due
//              or their lease expired, in one statement that skips rows another worker is
//              claiming; a reclaimed delivery gets an attempt row for the lost attempt.
//   complete() moves the delivery on (pending with a new next_attempt_at, or a final state), only
//              while the caller still holds the lease, and logs the attempt.
// claim() and complete() are correct on their own beside other workers' transactions, so they run
// as WriteConcurrency::RowLocks jobs (no workspace lock on PostgreSQL); the others are Exclusive.
// Every attempt is made with the same idempotency key, so the one extra attempt a dead worker
// can cause is recognisable by the receiver.
class DeliveryRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::DeliveryRepository)

public:
    // The Store notification channel (Store::listen) announcing new due work: add() and replay()
    // notify it, so idle workers of other processes poll at once instead of at their next idle
    // poll.
    static QString workChannel();

    // Largest body accepted (16 MiB): deliveries are messages, not uploads.
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

    // Error `dispatch.invalid_delivery` naming the field: a URL that is not absolute http(s) with
    // a host, a method other than POST/PUT/PATCH/DELETE, a body over kMaxBodyBytes, a header name
    // that is not a token or a value with CR/LF/NUL, a header the dispatcher sets itself
    // (Content-Length, Host, Transfer-Encoding, Connection, Idempotency-Key, webhook-id,
    // webhook-timestamp, webhook-signature), an idempotency key over 200 characters or with
    // control characters, Standard Webhooks signing without a connection.
    static Result<void> validate(const NewDelivery &delivery);

    // Validates, resolves the connection (its tenant; its retry policy when none is given), fixes
    // the retry policy (as JSON) and inserts. `generatedKey` is used when the delivery has no
    // idempotency key. Errors: `dispatch.invalid_delivery`, `dispatch.unknown_connection`,
    // `dispatch.duplicate_idempotency_key`, and the retry policy's (`retry_policy.*`).
    static Result<Delivery> add(SqlSession &session, const NewDelivery &delivery,
                                const QString &generatedKey);

    // Error `dispatch.unknown_delivery`.
    static Result<Delivery> get(SqlSession &session, qint64 deliveryId);

    struct Candidate
    {
        qint64 id = 0;
        std::optional<qint64> tenantId;
        std::optional<qint64> connectionId;
        QString hostKey;
        bool leaseExpired = false; // in_flight with an expired lease (its worker died)
        // The connection's, when it has one (its provider's rate-limit headers, its limits).
        QString providerId;
        std::optional<double> ratePerSecond;
        std::optional<int> burst;
        std::optional<int> concurrencyLimit;
        QString connectionStatus; // nameOf(ConnectionStatus): "disabled" is not sent
    };
    struct Exclusions
    {
        QList<qint64> connections;
        QList<qint64> tenants;
        QStringList hosts;
    };
    struct DueWork
    {
        QList<Candidate> candidates;       // expired leases first, then by next_attempt_at, id
        int queueDepth = 0;                // pending deliveries due now (all, up to 100,000)
        std::optional<qint64> nextDueAtMs; // the earliest next_attempt_at or lease expiry
    };
    static Result<DueWork> due(SqlSession &session, qint64 nowMs, int limit,
                               const Exclusions &exclusions);

    struct Claim
    {
        Delivery delivery; // as claimed: in_flight, attempt_count incremented
        std::optional<AttemptRecord> lostAttempt; // logged for a reclaimed delivery
    };
    // Claims those of `deliveryIds` that are still claimable at `nowMs` (UTC ms): pending and due,
    // or in flight with an expired lease (their worker died). The lease runs to nowMs + leaseMs.
    // The admission controller chose the ids (per tenant, connection and host limits, which a
    // LIMIT cannot express); one statement then takes those still claimable. On PostgreSQL:
    //   UPDATE deliveries … FROM (SELECT … WHERE id IN (…) AND <claimable> FOR UPDATE SKIP LOCKED)
    //   … RETURNING …
    // A row another worker is claiming at that instant is skipped rather than waited for, and the
    // lock re-checks the condition on the newest row version, so each delivery is claimed by
    // exactly one worker without the workspace lock (READ COMMITTED,
    // https://www.postgresql.org/docs/15/transaction-iso.html#XACT-READ-COMMITTED). SQLite's one
    // writer reads, then updates, in its transaction.
    // Returns the claims in the order of `deliveryIds`; ids no longer claimable (another worker has
    // them, cancelled, gone) are left out. Errors: the store's.
    static Result<QList<Claim>> claim(SqlSession &session, const QList<qint64> &deliveryIds,
                                      const QString &workerId, qint64 nowMs, qint64 leaseMs);
    // claim() of one delivery: std::nullopt when it is no longer claimable.
    static Result<std::optional<Claim>> claimOne(SqlSession &session, qint64 deliveryId,
                                                 const QString &workerId, qint64 nowMs,
                                                 qint64 leaseMs);

    struct Completion
    {
        QString workerId;
        AttemptRecord attempt; // deliveryId and attemptNumber identify it
        DeliveryState state = DeliveryState::Pending;
        qint64 nextAttemptAtMs = 0; // for Pending
        bool tokenRefreshed = false;
    };
    struct Completed
    {
        qint64 attemptId = 0;         // the attempt row's id (0 if an existing row was kept)
        bool deliveryUpdated = false; // false: the lease had passed to another worker
    };
    // If `workerId` still holds the lease, moves the delivery on; then inserts the attempt row
    // (replacing a "worker_lost" row of the same number, which a reclaiming worker wrote while this
    // one was still running). The delivery row is locked first, as claim() does, so a completion
    // and a reclaim of the same delivery in two processes never wait on each other in a cycle.
    static Result<Completed> complete(SqlSession &session, const Completion &completion);

    // Parks a connection's pending deliveries until `untilMs` (a 429 or an exhausted quota paused
    // the connection), so the wait survives a restart. Returns how many moved.
    static Result<int> park(SqlSession &session, qint64 connectionId, qint64 untilMs);

    // Puts a dead, failed or cancelled delivery back in the queue, due now, with a fresh retry
    // budget: the policy's attempts and age count from the replay (Delivery::attemptInBudget(),
    // budgetStartedAtMs()), its one token refresh is available again, and its attempt log goes on
    // numbering (attempt numbers stay unique per delivery). It keeps its idempotency key, body and
    // destination: to the receiver a replay is the same message again (as Svix's "resend" keeps
    // the message id), so one that did process it can recognise it. A replayed delivery to a
    // disabled connection waits until the connection is enabled again.
    // Errors: `dispatch.unknown_delivery`; `dispatch.not_replayable` naming the state (pending,
    // in_flight or succeeded).
    static Result<Delivery> replay(SqlSession &session, qint64 deliveryId);

    // Cancels a pending delivery. False when it is not pending (in flight or final).
    static Result<bool> cancel(SqlSession &session, qint64 deliveryId);

    // A delivery's attempts in order.
    static Result<QList<AttemptRecord>> attempts(SqlSession &session, qint64 deliveryId);
    // The timeline's query: attempts started in [fromMs, toMs) — of one connection when given —
    // ordered by start, at most `limit` (indexed by (connection_id, started_at_ms) and by
    // started_at_ms).
    static Result<QList<AttemptRecord>> attemptsInRange(SqlSession &session,
                                                        std::optional<qint64> connectionId,
                                                        qint64 fromMs, qint64 toMs, int limit);
    // Deliveries of a state (or all), newest first.
    static Result<QList<Delivery>> list(SqlSession &session, std::optional<DeliveryState> state,
                                        int limit);

    // The queue for a status display: deliveries waiting (state pending: due now, or parked until
    // a later next attempt by a retry or a rate-limit pause) and deliveries being attempted (state
    // in_flight). Two COUNTs over the deliveries_state index.
    struct QueueCounts
    {
        qint64 pending = 0;
        qint64 inFlight = 0;

        bool operator==(const QueueCounts &other) const = default;
    };
    static Result<QueueCounts> queueCounts(SqlSession &session);
};

} // namespace wb::core
