// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/retrydecider.h"

#include "core/dispatch/responseclassifier.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Decision finish(Decision decision, DecisionKind kind, QStringList parts)
{
    decision.kind = kind;
    decision.reason = parts.join(u", "_s);
    return decision;
}

} // namespace

Decision RetryDecider::decide(const RetryPolicy &policy, const RateLimitHeaderSpec &spec,
                              const AttemptOutcome &outcome, const AttemptContext &context) const
{
    const qint64 now = m_clock.nowMs();
    Decision decision;
    decision.decidedAtMs = now;
    decision.rateLimit = parseRateLimitHeaders(outcome.headers, spec, now);
    RetryAfterOptions retryAfterOptions;
    retryAfterOptions.capMs = policy.retryAfterCapMs;
    retryAfterOptions.allowFractionalSeconds = spec.retryAfterFractionalSeconds;
    decision.retryAfter = parseRetryAfter(outcome.headers.value("Retry-After"),
                                          outcome.headers.value("Date"), now, retryAfterOptions);

    const Classification classification = classifyOutcome(outcome, decision.rateLimit,
                                                          decision.retryAfter, spec);
    QStringList parts{outcome.label()};
    if (!classification.detail.isEmpty())
        parts.append(classification.detail);

    switch (classification.responseClass) {
    case ResponseClass::Success:
        if (decision.rateLimit.hasQuotaInformation())
            parts.append(decision.rateLimit.describe(now));
        return finish(std::move(decision), DecisionKind::Succeeded, parts);
    case ResponseClass::Redirect:
        return finish(std::move(decision), DecisionKind::Failed, parts);
    case ResponseClass::Permanent:
        parts.append(outcome.status >= 400 && outcome.status <= 499
                             ? u"a client error is not retried"_s
                             : u"not retried"_s);
        return finish(std::move(decision), DecisionKind::Failed, parts);
    case ResponseClass::Gone:
        parts.append(u"the receiver is gone: destination disabled"_s);
        return finish(std::move(decision), DecisionKind::DestinationDisabled, parts);
    case ResponseClass::Unauthorized:
        if (!context.tokenRefreshable) {
            parts.append(u"no token to refresh: not retried"_s);
            return finish(std::move(decision), DecisionKind::Failed, parts);
        }
        if (context.tokenRefreshed) {
            parts.append(u"again after a token refresh: not retried"_s);
            return finish(std::move(decision), DecisionKind::Failed, parts);
        }
        parts.append(u"refreshing the access token, then one retry"_s);
        decision.nextAttemptAtMs = now;
        return finish(std::move(decision), DecisionKind::RefreshAndRetry, parts);
    case ResponseClass::RateLimited:
    case ResponseClass::Transient:
        break;
    }

    const bool rateLimited = classification.responseClass == ResponseClass::RateLimited;
    if (decision.retryAfter.form != RetryAfter::Form::Absent)
        parts.append(decision.retryAfter.describe());

    if (context.attemptNumber >= policy.maxAttempts) {
        parts.append(
                u"attempt %1 of %2: retries exhausted, dead-lettered"_s.arg(context.attemptNumber)
                        .arg(policy.maxAttempts));
        return finish(std::move(decision), DecisionKind::Dead, parts);
    }

    const std::optional<qint64> retryAfterMs = decision.retryAfter.isValid()
                                                       ? std::optional<qint64>(
                                                               decision.retryAfter.delayMs)
                                                       : std::nullopt;
    const RetryPolicy::Wait wait = policy.computeWait(context.attemptNumber - 1,
                                                      classification.overload, retryAfterMs,
                                                      m_random);
    decision.scheduledMs = wait.scheduledMs;
    decision.waitMs = wait.waitMs;

    bool resetApplied = false;
    const RateLimitObservation &rateLimit = decision.rateLimit;
    if (!retryAfterMs && rateLimit.exhausted() && rateLimit.resetAtMs) {
        const qint64 untilReset = qMin(*rateLimit.resetAtMs - now, policy.retryAfterCapMs);
        const QString resets = u"quota resets in %1"_s.arg(
                formatDuration(*rateLimit.resetAtMs - now));
        parts.append(classification.detail.contains(u"remaining 0"_s)
                             ? resets
                             : u"%1 remaining 0, %2"_s.arg(rateLimit.source, resets));
        if (untilReset > decision.waitMs) {
            decision.waitMs = untilReset;
            resetApplied = true;
        }
    }
    if (wait.retryAfterApplied
        && policy.retryAfterMode == RetryPolicy::RetryAfterMode::ClampToSchedule) {
        const qint64 low = wait.beforeRetryAfterMs;
        parts.append(
                u"wait %1 (Retry-After kept within [%2, %3])"_s.arg(formatDuration(decision.waitMs),
                                                                    formatDuration(low),
                                                                    formatDuration(2 * low)));
    } else if (!wait.retryAfterApplied && !resetApplied) {
        QString backoff = u"backoff %1"_s.arg(formatDuration(decision.waitMs));
        if (wait.floorApplied)
            backoff += u" (at least %1 after a 429 or a timeout, before jitter)"_s.arg(
                    formatDuration(policy.overloadFloorMs));
        parts.append(backoff);
    }

    decision.nextAttemptAtMs = now + decision.waitMs;
    if (policy.maxAgeMs > 0 && decision.nextAttemptAtMs - context.createdAtMs > policy.maxAgeMs) {
        parts.append(u"the next attempt at %1 would pass the maximum age of %2: dead-lettered"_s
                             .arg(formatInstant(decision.nextAttemptAtMs, now),
                                  formatDuration(policy.maxAgeMs)));
        decision.nextAttemptAtMs = 0;
        decision.waitMs = 0;
        return finish(std::move(decision), DecisionKind::Dead, parts);
    }
    parts.append((rateLimited ? u"parked until %1"_s : u"retry at %1"_s)
                         .arg(formatInstant(decision.nextAttemptAtMs, now)));
    return finish(std::move(decision),
                  rateLimited ? DecisionKind::RateLimited : DecisionKind::Retry, parts);
}

} // namespace wb::core
