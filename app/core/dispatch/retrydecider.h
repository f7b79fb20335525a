// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/attemptoutcome.h"
#include "core/dispatch/ratelimitheaderspec.h"
#include "core/dispatch/retrydecision.h"
#include "core/dispatch/retrypolicy.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"

namespace wb::core {

// Where a delivery stands when one of its attempts ends.
struct AttemptContext
{
    int attemptNumber = 1;         // 1-based number of the attempt that just ended
    qint64 createdAtMs = 0;        // when the delivery was created (UTC ms); maxAge counts from it
    bool tokenRefreshable = false; // the destination is a connection with a refreshable token
    bool tokenRefreshed = false;   // this delivery already had its one refresh after a 401
};

// Turns an attempt's outcome into a decision: succeed, retry after a wait, rate-limited, dead-letter,
// fail, disable the destination, or refresh the token and retry.
//
//   2xx → succeeded. 3xx → failed (never followed). 401 → refresh_and_retry (wait 0) once if the
//   token is refreshable, else failed. 410 → destination_disabled. 429, and a 403 with rate-limit
//   signals → rate_limited. 408, 425, 500, 502, 503, 504, other 5xx except 501/505, and transport
//   errors → retry. Other 4xx, 501, 505 → failed. A retryable outcome on attempt maxAttempts, or
//   whose next attempt would start after createdAtMs + maxAgeMs, → dead.
//
// The wait: RetryPolicy::computeWait (backoff, jitter, overload floor, Retry-After), then — only
// when there is no valid Retry-After, which takes precedence (draft-ietf-httpapi-ratelimit-
// headers-11 §7) — the rate-limit reset when remaining is 0, capped at retryAfterCapMs.
//
// Services: `clock` gives "now" (the response's arrival); `random` the jitter. Both must outlive
// the decider. decide() is const and keeps no state; it is as thread-safe as the two services
// (the core's are).
class RetryDecider
{
public:
    RetryDecider(const Clock &clock, RandomSource &random)
        : m_clock(clock)
        , m_random(random)
    {}

    Decision decide(const RetryPolicy &policy, const RateLimitHeaderSpec &spec,
                    const AttemptOutcome &outcome, const AttemptContext &context) const;

private:
    const Clock &m_clock;
    RandomSource &m_random;
};

} // namespace wb::core
