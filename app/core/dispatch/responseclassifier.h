// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/attemptoutcome.h"
#include "core/dispatch/ratelimitheaders.h"
#include "core/dispatch/ratelimitheaderspec.h"
#include "core/dispatch/retryafter.h"

#include <QString>

namespace wb::core {

// What kind of answer an attempt got, before the retry policy is consulted.
enum class ResponseClass {
    Success,      // 2xx
    Redirect,     // 3xx: a failure; redirects are never followed
    Unauthorized, // 401: the access token may have expired
    Gone,         // 410: the receiver wants no more deliveries
    RateLimited,  // 429, or a 403 with rate-limit signals
    Transient,    // 408, 425, 500, 502, 503, 504, other 5xx but 501/505, transport errors
    Permanent,    // other 4xx, 501, 505
};

struct Classification
{
    ResponseClass responseClass = ResponseClass::Permanent;
    // A 429 or a timeout: the receiver is overloaded (RetryPolicy::overloadFloorMs applies).
    bool overload = false;
    // Why, when the status alone does not say: "rate-limit message in the body (\"rate limit\")",
    // "X-RateLimit-* remaining 0", "Stripe-Should-Retry: false", "redirects are not followed
    // (Location: https://…)". Empty otherwise.
    QString detail;
};

// Classifies one attempt's outcome. Sources: RFC 9110 §15 for status semantics; the Standard
// Webhooks spec ("Delivery success and failure": 2xx success, 3xx failure not followed, 410
// disable); GitHub rate-limits-for-the-rest-api (a 403 with x-ratelimit-remaining 0, a
// retry-after, or a "secondary rate limit" message is a rate limit); Stripe stripe-node
// RequestSender (Stripe-Should-Retry overrides the status: false never retries, true retries even
// a 409). A pure function.
Classification classifyOutcome(const AttemptOutcome &outcome, const RateLimitObservation &rateLimit,
                               const RetryAfter &retryAfter, const RateLimitHeaderSpec &spec);

} // namespace wb::core
