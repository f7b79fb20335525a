// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/admissioncontroller.h"
#include "core/dispatch/attemptoutcome.h"
#include "core/dispatch/attemptrequest.h"
#include "core/dispatch/delivery.h"
#include "core/dispatch/deliveryrepository.h"
#include "core/dispatch/ratelimitheaderspec.h"
#include "core/dispatch/retrydecision.h"
#include "core/dispatch/retrypolicy.h"
#include "core/dispatch/sharedratelimit.h"
#include "core/store/connection.h"
#include "core/util/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace wb::core {

class Clock;
class ConnectionCredentials;
class RandomSource;
class Store;
class TokenRefresher;

// The services a Dispatcher uses; all must outlive it and live on its thread (except the clock
// and random source, which are thread-safe).
struct DispatcherServices
{
    Store *store = nullptr;                       // required: the durable queue and attempt log
    const Clock *clock = nullptr;                 // required
    RandomSource *random = nullptr;               // required: jitter
    QNetworkAccessManager *network = nullptr;     // required
    ConnectionCredentials *credentials = nullptr; // optional: no Authorization, no signing
    TokenRefresher *tokenRefresher = nullptr;     // optional: without it a 401 fails
};

struct DispatcherOptions
{
    // The lease owner written into claimed deliveries; default "<host>:<pid>:<random>".
    QString workerId;
    ConcurrencyLimits limits;
    // One attempt's whole time, request to complete response (Standard Webhooks recommends
    // 15–30 s). The timer starts when the request is handed to QNAM, which never queues it: the
    // admission controller keeps each host within QNAM's 6 connections.
    int attemptTimeoutMs = 30'000;
    // A claim's lease is attemptTimeoutMs + leaseMarginMs (credentials, token refresh, commit).
    int leaseMarginMs = 30'000;
    int batchSize = 64;     // deliveries looked at and claimed per poll
    int idlePollMs = 1'000; // the longest sleep between polls (work enqueued by other processes)
    // A connection paused for longer than this (429, Retry-After, quota exhausted) has its pending
    // deliveries parked in next_attempt_at, so the wait survives a restart.
    qint64 parkThresholdMs = 5'000;
    // The rate-limit header fields of a provider (from its profile). Default: the built-in preset
    // named like the provider id, else "generic".
    std::function<RateLimitHeaderSpec(const QString &providerId)> headerSpecFor;
    // A provider's default throttle for its connections (from its profile: requests per second,
    // burst, concurrency); a connection's own overrides (ConnectionSettings::rateLimits) win field
    // by field. Default: none (no token bucket; limits.perConnection).
    std::function<RateLimitOverrides(const QString &providerId)> providerLimitsFor;
    // Runs inside the write transaction that moves a delivery to a final state (an attempt's
    // completion: succeeded, failed, dead; a cancel: cancelled), with the delivery's last reason,
    // so a record that follows a delivery (an inbound event's forwarding state) changes with it
    // atomically, whichever process delivered it, without a commit of its own. Runs on the
    // store's writer thread; an error rolls the whole write back. A completion's job runs without
    // the workspace lock (WriteConcurrency::RowLocks), so every statement must be correct on its
    // own: change rows under a condition checked in the same statement. Optional.
    std::function<Result<void>(SqlSession &session, qint64 deliveryId, DeliveryState state,
                               const QString &reason)>
            onFinalState;
};

// The outgoing dispatch engine: a durable, at-least-once delivery queue on the workspace Store,
// delivering over QNetworkAccessManager with retries, rate limits and an attempt log.
//
// Each poll reads the due deliveries (skipping what the admission controller would hold), admits
// them against the concurrency limits and token buckets (a held delivery is left pending: no
// attempt is used), claims the admitted ones under a lease (committed before anything is sent),
// sends each attempt asynchronously, decides (RetryDecider) and records the attempt and the
// delivery's next state in one write. A delivery whose worker dies (kill -9) is reclaimed when
// its lease expires: at most one extra attempt, with the same idempotency key. Waits are parked in
// next_attempt_at; nothing waits in memory.
//
// Thread: lives on one thread (normally the main thread) with its QNetworkAccessManager; every
// method must be called there. Store work runs on the store's threads; results come back here.
// Signals are emitted after the corresponding commit.
class Dispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dispatcher)

public:
    // Errors: "dispatch.invalid_services" (a required service missing), "dispatch.bad_limits",
    // "dispatch.invalid_options" (non-positive timeouts or batch size).
    static Result<std::unique_ptr<Dispatcher>> create(const DispatcherServices &services,
                                                      DispatcherOptions options,
                                                      QObject *parent = nullptr);
    // Aborts attempts still running without recording them: their deliveries stay in_flight until
    // their leases expire and a worker claims them again.
    ~Dispatcher() override;

    const QString &workerId() const { return m_options.workerId; }
    const DispatcherOptions &options() const { return m_options; }

    void start();
    // No new claims; attempts running (and claims being committed) finish and are recorded, then
    // stopped() is emitted (from the event loop, also when nothing was running).
    void stop();
    bool isRunning() const { return m_running; }
    // Polls now (work was enqueued elsewhere, or a test moved its clock).
    void wake();

    QFuture<Result<Delivery>> enqueue(const NewDelivery &delivery);
    // Cancels a pending delivery (true), or does nothing (false: in flight or final).
    QFuture<Result<bool>> cancel(qint64 deliveryId);
    // Puts a dead, failed or cancelled delivery back in the queue with a fresh retry budget
    // (DeliveryRepository::replay documents it); emits deliveryEnqueued and polls. Errors:
    // "dispatch.unknown_delivery", "dispatch.not_replayable".
    QFuture<Result<Delivery>> replay(qint64 deliveryId);
    // Deliveries in `state` (the dead-letter queue: DeliveryState::Dead), or all, newest first.
    QFuture<Result<QList<Delivery>>> deliveries(std::optional<DeliveryState> state,
                                                int limit = 1'000);
    QFuture<Result<Delivery>> delivery(qint64 deliveryId);
    QFuture<Result<QList<AttemptRecord>>> attempts(qint64 deliveryId);
    QFuture<Result<QList<AttemptRecord>>> attemptsInRange(std::optional<qint64> connectionId,
                                                          qint64 fromMs, qint64 toMs,
                                                          int limit = 10'000);

    const AdmissionController &admission() const { return m_admission; }
    int attemptsInFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    void deliveryEnqueued(const wb::core::Delivery &delivery);
    void attemptRecorded(const wb::core::AttemptRecord &attempt);
    // The delivery reached a final state (succeeded, failed, dead).
    void deliveryFinished(qint64 deliveryId, wb::core::DeliveryState state, const QString &reason);
    // A poll found nothing due and nothing is in flight.
    void drained();
    // After stop(): the last running attempt is recorded (or its record failed; its lease then
    // expires). Emitted once per stop(); not when start() was called again first.
    void stopped();

private:
    struct InFlight
    {
        Delivery delivery;
        Admission admission;
        QString providerId;
        RetryPolicy policy;
        int queueDepth = 0;
        AttemptCredentials credentials;
        bool tokenRefreshable = false;
        qint64 startedAtMs = 0;
        QPointer<QNetworkReply> reply;
        bool timedOut = false;
    };
    struct PendingClaim
    {
        DeliveryRepository::Candidate candidate;
        Admission admission;
    };

    Dispatcher(const DispatcherServices &services, DispatcherOptions options, QObject *parent);

    void schedulePoll(qint64 delayMs);
    void poll();
    void onDue(const Result<DeliveryRepository::DueWork> &work, std::optional<qint64> blockedUntil);
    void applyConnectionLimits(const DeliveryRepository::Candidate &candidate);
    void claim(QList<PendingClaim> claims, int queueDepth, qint64 nextPollMs);
    // The shared bucket's rate of the candidate's connection, when it is rate-limited.
    std::optional<SharedRateLimit::Rate> sharedRate(
            const DeliveryRepository::Candidate &candidate) const;
    // A claim refused by the shared bucket: its admission back, the connection held until then.
    void heldBySharedRate(const PendingClaim &pending, qint64 untilMs);
    // The first candidate of the last poll that is still free and admitted now (its admission
    // taken), for a completion to claim in its own transaction.
    std::optional<PendingClaim> takePrefetched();
    void startAttempt(const Delivery &delivery, const PendingClaim &claim, int queueDepth);
    void fetchSigningKey(qint64 deliveryId);
    void send(qint64 deliveryId);
    void onReplyFinished(qint64 deliveryId, QNetworkReply *reply);
    void decide(qint64 deliveryId, const AttemptOutcome &outcome);
    void complete(qint64 deliveryId, AttemptRecord attempt, DeliveryState state,
                  qint64 nextAttemptAtMs, bool tokenRefreshed);
    void refreshToken(qint64 deliveryId, AttemptRecord attempt);
    void disableConnection(qint64 connectionId);
    void parkIfLongPause(qint64 connectionId);
    RateLimitHeaderSpec headerSpec(const QString &providerId) const;
    void emitStoppedIfIdle();

    DispatcherServices m_services;
    DispatcherOptions m_options;
    AdmissionController m_admission;
    QTimer m_pollTimer;
    bool m_running = false;
    bool m_stopping = false; // stop() called, stopped() not emitted yet
    bool m_polling = false;
    bool m_pollAgain = false;
    QHash<qint64, InFlight> m_inFlight;
    QSet<qint64> m_claiming;
    QSet<qint64> m_disabledConnections;
    QHash<qint64, std::pair<double, double>> m_appliedRates;
    QHash<qint64, qint64> m_parkedUntil;
    // The last poll's candidates that it did not claim, and its queue depth: a finished attempt
    // claims its successor from here in the transaction that records it (one commit, not two).
    QList<DeliveryRepository::Candidate> m_prefetched;
    int m_prefetchedDepth = 0;
};

} // namespace wb::core
