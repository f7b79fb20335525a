// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/attemptoutcome.h"
#include "core/dispatch/ratelimitheaderspec.h"
#include "core/dispatch/retrydecision.h"
#include "core/dispatch/retrypolicy.h"
#include "core/util/randomsource.h"

#include <QList>

namespace wb::core {

// One attempt the simulated policy would have made.
struct SimulatedAttempt
{
    int number = 1;     // 1-based
    qint64 startMs = 0; // UTC ms
    qint64 endMs = 0;   // startMs + the outcome's duration
    AttemptOutcome outcome;
    Decision decision;
};

struct SimulationInput
{
    qint64 startMs = 0;    // the first attempt's start (and the delivery's creation), UTC ms
    qint64 durationMs = 0; // how long each attempt takes until its outcome
    bool tokenRefreshable = false;
    // When the outcomes run out before a terminal decision: repeat the last one (to draw the
    // whole schedule of a delivery that keeps failing) or stop there.
    bool repeatLastOutcome = false;
};

// "What would this policy do": replays a sequence of attempt outcomes (for example the real
// attempts of a delivery, or "503 forever") through `policy` and returns the attempts it would
// have made, with each decision and wait. The GUI's timeline overlays the result on the real
// attempts. Stops at the first terminal decision (succeeded, failed, dead, destination disabled),
// when the outcomes run out (unless repeatLastOutcome), or after policy.maxAttempts + 1 attempts
// (a refresh-and-retry can add one). A pure function of its arguments and `random`.
//
// HTTP-date Retry-After values and Date fields in the outcomes are absolute: give them as they
// were received, or build them relative to the simulated instants.
QList<SimulatedAttempt> simulatePolicy(const RetryPolicy &policy, const RateLimitHeaderSpec &spec,
                                       const QList<AttemptOutcome> &outcomes,
                                       const SimulationInput &input, RandomSource &random);

} // namespace wb::core
