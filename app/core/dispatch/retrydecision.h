// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/ratelimitheaders.h"
#include "core/dispatch/retryafter.h"

#include <QString>

namespace wb::core {

// What happens to a delivery after one attempt.
enum class DecisionKind {
    Succeeded,           // 2xx
    Retry,               // a transient failure: try again after waitMs
    RateLimited,         // 429, or a 403 with rate-limit signals: try again after waitMs, and
                         // hold the connection back until then
    Dead,                // retryable, but the policy's attempts or age are used up: dead-letter
    Failed,              // a permanent failure (3xx, most 4xx): no retry
    DestinationDisabled, // 410 Gone: stop sending to this destination
    RefreshAndRetry,     // 401: refresh the connection's token once, then retry once
};

// Stable codes for the attempt log and CLI JSON: "succeeded", "retry", "rate_limited", "dead",
// "failed", "destination_disabled", "refresh_and_retry".
QString decisionKindCode(DecisionKind kind);
std::optional<DecisionKind> decisionKindFromCode(const QString &code);

// The decision for one attempt, with everything the attempt log records about why.
struct Decision
{
    DecisionKind kind = DecisionKind::Failed;
    qint64 decidedAtMs = 0; // local UTC ms when the decision was made (the response's end)
    qint64 waitMs = 0;      // Retry / RateLimited / RefreshAndRetry: wait before the next attempt
    qint64 nextAttemptAtMs = 0;     // decidedAtMs + waitMs for those kinds, else 0
    qint64 scheduledMs = 0;         // the policy's scheduled wait before jitter (0 if none)
    RetryAfter retryAfter;          // the Retry-After field as parsed
    RateLimitObservation rateLimit; // the rate-limit fields as parsed
    // English, for the attempt log and the timeline tooltip, e.g.
    // "429, Retry-After 120 s, parked until 14:02:10Z". Stored, so not translated.
    QString reason;

    bool isTerminal() const
    {
        return kind != DecisionKind::Retry && kind != DecisionKind::RateLimited
               && kind != DecisionKind::RefreshAndRetry;
    }
};

} // namespace wb::core
