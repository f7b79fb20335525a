// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/dispatchpolicysimulator.h"

#include "core/dispatch/policysimulator.h"
#include "core/dispatch/retrypolicypresets.h"

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {

// The expected value of every jitter draw (see the header).
class MidpointRandomSource final : public core::RandomSource
{
public:
    double uniform() override { return 0.5; }
};

core::TransportError transportErrorFromCode(const QString &code)
{
    using core::TransportError;
    for (TransportError error :
         {TransportError::Timeout, TransportError::ConnectionRefused,
          TransportError::ConnectionReset, TransportError::HostNotFound, TransportError::Tls}) {
        if (core::transportErrorCode(error) == code)
            return error;
    }
    return TransportError::Network;
}

core::AttemptOutcome outcomeOf(const WhatIfOutcome &outcome)
{
    if (outcome.httpStatus == 0)
        return core::AttemptOutcome::failure(transportErrorFromCode(outcome.transportError));
    core::HttpHeaders headers;
    if (!outcome.retryAfter.isEmpty())
        headers.append("Retry-After"_ba, outcome.retryAfter);
    return core::AttemptOutcome::response(outcome.httpStatus, std::move(headers));
}

WaitCause waitCauseOf(const core::Decision &decision)
{
    if (decision.isTerminal() || decision.waitMs <= 0)
        return WaitCause::None;
    if (decision.retryAfter.isValid())
        return WaitCause::RetryAfter;
    // RetryDecider raises the wait to the rate-limit reset when the quota is exhausted.
    if (decision.rateLimit.exhausted() && decision.waitMs > decision.scheduledMs)
        return WaitCause::RateLimitPause;
    return WaitCause::Backoff;
}

} // namespace

QStringList DispatchPolicySimulator::presets() const
{
    return core::retrypresets::names();
}

QString DispatchPolicySimulator::presetLabel(const QString &preset) const
{
    if (preset == u"default"_s)
        return tr("Wirebench default (exponential, full jitter)");
    if (preset == u"svix"_s)
        return tr("Svix schedule");
    if (preset == u"standard-webhooks"_s)
        return tr("Standard Webhooks schedule");
    if (preset == u"convoy-exponential"_s)
        return tr("Convoy exponential");
    return preset;
}

core::Result<QList<WhatIfAttempt>> DispatchPolicySimulator::simulate(const QString &preset,
                                                                     const WhatIfInput &input) const
{
    const core::Result<core::RetryPolicy> policy = core::retrypresets::byName(preset);
    if (!policy)
        return core::fail(policy.error());
    if (input.outcomes.isEmpty()) {
        return core::fail(u"timeline.whatif_empty"_s,
                          tr("Delivery %1 has no attempts to replay").arg(input.deliveryId));
    }
    QList<core::AttemptOutcome> outcomes;
    outcomes.reserve(input.outcomes.size());
    qint64 totalDurationMs = 0;
    for (const WhatIfOutcome &outcome : input.outcomes) {
        outcomes.append(outcomeOf(outcome));
        totalDurationMs += qMax<qint64>(0, outcome.durationMs);
    }
    core::SimulationInput simulation;
    simulation.startMs = input.firstStartMs;
    simulation.durationMs = totalDurationMs / input.outcomes.size();
    simulation.repeatLastOutcome = input.repeatLastOutcome;
    MidpointRandomSource random;
    const QList<core::SimulatedAttempt> simulated = core::simulatePolicy(*policy,
                                                                         core::RateLimitHeaderSpec(),
                                                                         outcomes, simulation,
                                                                         random);

    QList<WhatIfAttempt> attempts;
    attempts.reserve(simulated.size());
    for (const core::SimulatedAttempt &step : simulated) {
        WhatIfAttempt attempt;
        attempt.number = step.number;
        attempt.startedMs = step.startMs;
        attempt.finishedMs = step.endMs;
        attempt.httpStatus = step.outcome.isTransportError() ? 0 : step.outcome.status;
        attempt.transportError = core::transportErrorCode(step.outcome.transportError);
        attempt.decision = decisionFromCode(core::decisionKindCode(step.decision.kind))
                                   .value_or(AttemptDecision::Failed);
        attempt.waitMs = step.decision.isTerminal() ? 0 : step.decision.waitMs;
        attempt.waitCause = waitCauseOf(step.decision);
        attempt.reason = step.decision.reason;
        attempts.append(std::move(attempt));
    }
    return attempts;
}

} // namespace wb::models
