// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/retrypolicy.h"

#include <QStringList>

namespace wb::core::retrypresets {

// The built-in retry policies, by name. Each cites the published schedule it reproduces
// (../shared/providers/RETRY_POLICIES.md):
//
// "default"           exponential backoff with full jitter: uniform[0, min(2 h, 5 s × 2^n)),
//                     15 attempts, dead after 24 h; Retry-After is a lower bound (capped at 24 h).
//                     Full jitter after AWS Architecture Blog "Exponential Backoff And Jitter".
// "svix"              5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts, about 27.6 h);
//                     at least 60 s after a 429 or a timeout; Retry-After kept within
//                     [scheduled, 2 × scheduled]; ±20 % uniform jitter applied last
//                     (svix-webhooks server/svix-server/src/worker.rs: JITTER_DELTA = 0.2,
//                     OVERLOAD_PENALTY_SECS = 60; config.default.toml retry_schedule).
// "standard-webhooks" immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h
//                     (10 attempts, 75 h 35 min 5 s; standard-webhooks spec/standard-webhooks.md
//                     "Example retry schedule"). The spec recommends "some level of random
//                     jitter" without an amount, so the preset keeps the published instants
//                     exactly (jitter none); a connection can override "jitter".
// "convoy-exponential" min(10 s × 2^n, 7200 s) + uniform[0, 5 s), 11 attempts
//                     (frain-dev/convoy retrystrategies/exponentialBackoff.go; the 10 s interval
//                     and 10 retries are Convoy's configurable defaults).
RetryPolicy defaultPolicy();
RetryPolicy svix();
RetryPolicy standardWebhooks();
RetryPolicy convoyExponential();

QStringList names();
// "retry_policy.unknown_preset" naming the known ones.
Result<RetryPolicy> byName(const QString &name);

} // namespace wb::core::retrypresets
