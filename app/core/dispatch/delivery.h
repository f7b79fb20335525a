// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/httpheaders.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace wb::core {

// Where a delivery stands. Stored by name (nameOf).
enum class DeliveryState {
    Pending,   // "pending": waiting for next_attempt_at (a new one, or a retry parked there)
    InFlight,  // "in_flight": claimed by a worker under a lease; an attempt is running
    Succeeded, // "succeeded": a 2xx
    Failed,    // "failed": a permanent failure (3xx, 4xx, 410, a refused token refresh)
    Dead,      // "dead": dead-lettered, the retry policy's attempts or age used up
    Cancelled, // "cancelled": withdrawn by a person before it finished
};
QString nameOf(DeliveryState state);
std::optional<DeliveryState> deliveryStateFromName(const QString &name);
bool isFinal(DeliveryState state);

// How an outgoing webhook is signed.
enum class DeliverySigning {
    None,             // "none"
    StandardWebhooks, // "standard_webhooks": webhook-id/-timestamp/-signature, re-signed per attempt
};
QString nameOf(DeliverySigning signing);
std::optional<DeliverySigning> deliverySigningFromName(const QString &name);

// What a caller hands to Dispatcher::enqueue().
struct NewDelivery
{
    // A tenant's connection (its tenant, credentials, limits, retry policy and provider's
    // rate-limit headers apply), or none for an ad-hoc URL.
    std::optional<qint64> connectionId;
    QUrl url;                                      // absolute http(s) URL
    QByteArray method = QByteArrayLiteral("POST"); // POST, PUT, PATCH or DELETE
    HttpHeaders headers;                           // request header fields (Content-Type, …)
    QByteArray body;                               // sent byte for byte
    QString idempotencyKey; // empty: one is generated ("dlv_" + 26 characters)
    DeliverySigning signing = DeliverySigning::None;
    // A retry policy preset name or a policy's JSON (retrypolicy.h). Empty: the connection's
    // policy, else "default".
    QString retryPolicy;
    std::optional<qint64> notBeforeMs; // the first attempt not before (UTC ms); default now
};

// A stored delivery. Times are UTC milliseconds since the epoch.
struct Delivery
{
    qint64 id = 0;
    std::optional<qint64> tenantId;
    std::optional<qint64> connectionId;
    QUrl url;
    QString hostKey; // AdmissionController::hostKey(url)
    QByteArray method;
    HttpHeaders headers;
    QByteArray body;
    QString idempotencyKey; // sent as Idempotency-Key (and webhook-id when signed), every attempt
    DeliverySigning signing = DeliverySigning::None;
    QString retryPolicyJson; // the policy in force, fixed at enqueue
    DeliveryState state = DeliveryState::Pending;
    int attemptCount = 0; // attempts started (a claim counts one)
    qint64 nextAttemptAtMs = 0;
    QString leaseOwner; // the worker holding it (in_flight)
    std::optional<qint64> leaseExpiresAtMs;
    std::optional<qint64> attemptStartedAtMs; // when the current/last attempt was claimed
    bool tokenRefreshed = false;              // its one refresh after a 401 is spent
    QString lastDecision;                     // decisionKindCode of the last attempt
    QString lastReason;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    std::optional<qint64> finishedAtMs;
    // Replays (DeliveryRepository::replay): how many, the attempt count when the last one was
    // made, and when (UTC ms). The retry policy's attempts and age count from the last replay.
    int replayCount = 0;
    int attemptsBeforeReplay = 0;
    std::optional<qint64> replayedAtMs;

    // The retry policy's view of the attempt that just ended: its number within the current
    // budget (since the last replay) and when that budget started (UTC ms).
    int attemptInBudget() const { return attemptCount - attemptsBeforeReplay; }
    qint64 budgetStartedAtMs() const { return replayedAtMs.value_or(createdAtMs); }
};

// One attempt of a delivery as logged: the rows the timeline plots draw.
struct AttemptRecord
{
    qint64 id = 0;
    qint64 deliveryId = 0;
    int attemptNumber = 0;
    std::optional<qint64> tenantId;
    std::optional<qint64> connectionId;
    QString workerId;
    qint64 startedAtMs = 0;
    qint64 endedAtMs = 0;
    std::optional<int> httpStatus; // the response's status
    QString errorKind;             // transportErrorCode(), or "worker_lost" (lease expired)
    QString errorDetail;
    HttpHeaders rateLimitHeaders; // as received
    std::optional<qint64> rateLimitLimit;
    std::optional<qint64> rateLimitRemaining;
    std::optional<qint64> rateLimitResetAtMs;
    QByteArray retryAfter;              // the raw Retry-After
    std::optional<qint64> retryAfterMs; // as parsed and capped (valid values only)
    QString decision;                   // decisionKindCode()
    QString reason;
    qint64 waitMs = 0;
    std::optional<qint64> nextAttemptAtMs;
    std::optional<double> bucketLevel; // the connection's tokens at send (none: no bucket)
    int queueDepth = 0;                // deliveries due and waiting when this one was sent

    bool operator==(const AttemptRecord &other) const = default;
};

// Header fields as stored: "Name: value" lines joined with "\r\n" (Latin-1).
QString headersToText(const HttpHeaders &headers);
HttpHeaders headersFromText(const QString &text);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::AttemptRecord)
Q_DECLARE_METATYPE(wb::core::Delivery)
