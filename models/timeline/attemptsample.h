// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace wb::models {

// The outcome classes the timeline colours an attempt by. Derived from the attempt's status,
// transport error and decision by classifyOutcome(), never stored.
enum class OutcomeClass {
    Success,     // 2xx
    RateLimited, // 429, or any status the retry decision treated as a rate limit
    ServerError, // 5xx
    Network,     // no HTTP response: timeout, refused, reset, DNS, TLS
    ClientError, // 3xx and 4xx other than 429 (the decision: failed, destination disabled, …)
    DeadLetter,  // the last attempt of a delivery that the policy dead-lettered
};
inline constexpr int outcomeClassCount = 6;

// What the dispatch engine decided after an attempt. Mirrors the attempt log's stable decision
// codes (app/core/dispatch: "succeeded", "retry", "rate_limited", "dead", "failed",
// "destination_disabled", "refresh_and_retry"); the log stores codes, so the timeline only needs
// the code to convert.
enum class AttemptDecision {
    Succeeded,
    Retry,
    RateLimited,
    Dead,
    Failed,
    DestinationDisabled,
    RefreshAndRetry,
};

// Why the engine waited before the next attempt of the same delivery.
enum class WaitCause {
    None,           // no wait: the delivery ended, or the next attempt was immediate
    RetryAfter,     // the response's Retry-After (RFC 9110 §10.2.3) set the wait
    Backoff,        // the retry policy's backoff (exponential with jitter, or a fixed schedule)
    RateLimitPause, // the connection was held back: its token bucket was empty or the external
                    // system's rate-limit window had not reset (X-RateLimit-Reset and friends)
};

QString decisionCode(AttemptDecision decision);
std::optional<AttemptDecision> decisionFromCode(const QString &code);
// The retry decisions: the delivery goes on after a wait.
bool isRetryDecision(AttemptDecision decision);

// One attempt as the timeline draws it: a row of the dispatch engine's attempt log joined with its
// delivery's connection and tenant. A value type; cheap to copy (implicitly shared strings).
//
// All times are UTC milliseconds since the epoch. Unknown numeric values are -1.
struct AttemptSample
{
    QString connectionId;
    QString connectionLabel; // for people, e.g. "Acme Corp · Jira"
    QString tenantId;
    QString tenantLabel;
    QString deliveryId;
    int attemptNumber = 1;  // 1-based within the delivery
    qint64 startedMs = 0;   // the request went out
    qint64 finishedMs = 0;  // the response (or the transport error) came back
    int httpStatus = 0;     // 0 when there was no HTTP response
    QString transportError; // the attempt log's error kind ("timeout", "connection_refused", …)
                            // when httpStatus is 0
    AttemptDecision decision = AttemptDecision::Failed;
    QString reason;    // the decision's reason as logged (English, e.g. "429, Retry-After
                       // 120 s, parked until 14:02:10Z")
    qint64 waitMs = 0; // the wait the engine chose after this attempt (retry decisions)
    WaitCause waitCause = WaitCause::None;
    QByteArray retryAfter;       // the Retry-After field value as received, empty when absent
    int rateLimitRemaining = -1; // the external system's remaining requests after this attempt
    int rateLimitLimit = -1;     // … and its limit for the window
    double bucketLevel = -1;     // our token bucket's tokens when the attempt was sent
    int queueDepth = -1;         // deliveries waiting for the connection when it was sent

    bool operator==(const AttemptSample &other) const = default;
};

// Inbound events received for a connection in one second (the spike the queue smooths).
struct InboundRateSample
{
    QString connectionId;
    qint64 secondStartMs = 0; // UTC ms, a multiple of 1000
    int count = 0;

    bool operator==(const InboundRateSample &other) const = default;
};

// The class an attempt is coloured by: a dead-letter wins, then the HTTP status (2xx, 429, 5xx),
// then the decision (a rate-limited 403 counts as rate-limited), then a missing response
// (network/timeout); everything else is a client error.
OutcomeClass classifyOutcome(const AttemptSample &sample);

} // namespace wb::models
