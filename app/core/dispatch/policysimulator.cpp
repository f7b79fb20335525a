// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/policysimulator.h"

#include "core/dispatch/retrydecider.h"
#include "core/util/clock.h"

namespace wb::core {

QList<SimulatedAttempt> simulatePolicy(const RetryPolicy &policy, const RateLimitHeaderSpec &spec,
                                       const QList<AttemptOutcome> &outcomes,
                                       const SimulationInput &input, RandomSource &random)
{
    QList<SimulatedAttempt> attempts;
    if (outcomes.isEmpty())
        return attempts;
    ManualClock clock(input.startMs);
    const RetryDecider decider(clock, random);
    AttemptContext context;
    context.createdAtMs = input.startMs;
    context.tokenRefreshable = input.tokenRefreshable;

    qint64 start = input.startMs;
    const int limit = policy.maxAttempts + 1;
    for (int number = 1; number <= limit; ++number) {
        const qsizetype index = number - 1;
        if (index >= outcomes.size() && !input.repeatLastOutcome)
            break;
        SimulatedAttempt attempt;
        attempt.number = number;
        attempt.startMs = start;
        attempt.endMs = start + qMax<qint64>(0, input.durationMs);
        attempt.outcome = outcomes.at(qMin(index, outcomes.size() - 1));
        clock.setNowMs(attempt.endMs);
        context.attemptNumber = number;
        attempt.decision = decider.decide(policy, spec, attempt.outcome, context);
        const Decision &decision = attempt.decision;
        if (decision.kind == DecisionKind::RefreshAndRetry)
            context.tokenRefreshed = true;
        const bool done = decision.isTerminal();
        start = decision.nextAttemptAtMs;
        attempts.append(std::move(attempt));
        if (done)
            break;
    }
    return attempts;
}

} // namespace wb::core
