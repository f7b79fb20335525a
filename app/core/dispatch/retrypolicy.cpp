// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/retrypolicy.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// JSON numbers are doubles: every duration must stay exactly representable.
constexpr qint64 kMaxDurationMs = qint64(1) << 53;
constexpr qint64 kMaxWaitMs = qint64(365) * 24 * 3'600'000;

tl::unexpected<Error> invalid(const RetryPolicy &policy, const QString &member, const QString &what)
{
    return fail(u"retry_policy.invalid"_s,
                u"retry policy \"%1\": \"%2\" %3"_s.arg(policy.name, member, what));
}

qint64 roundMs(double ms)
{
    if (!(ms > 0))
        return 0;
    if (ms >= double(kMaxDurationMs))
        return kMaxDurationMs;
    return qint64(std::llround(ms));
}

} // namespace

QString backoffName(RetryPolicy::Backoff backoff)
{
    return backoff == RetryPolicy::Backoff::Exponential ? u"exponential"_s : u"schedule"_s;
}

QString jitterName(RetryPolicy::Jitter jitter)
{
    switch (jitter) {
    case RetryPolicy::Jitter::Full:
        return u"full"_s;
    case RetryPolicy::Jitter::Proportional:
        return u"proportional"_s;
    case RetryPolicy::Jitter::Additive:
        return u"additive"_s;
    case RetryPolicy::Jitter::None:
        return u"none"_s;
    }
    return {};
}

QString retryAfterModeName(RetryPolicy::RetryAfterMode mode)
{
    return mode == RetryPolicy::RetryAfterMode::LowerBound ? u"lower_bound"_s
                                                           : u"clamp_to_schedule"_s;
}

Result<void> RetryPolicy::validate() const
{
    if (name.trimmed().isEmpty() || name.size() > 64)
        return fail(u"retry_policy.invalid"_s,
                    u"a retry policy needs a name of 1 to 64 characters"_s);
    const auto duration = [this](const QString &member, qint64 value,
                                 qint64 minimum) -> Result<void> {
        if (value < minimum || value > kMaxWaitMs)
            return invalid(*this, member,
                           u"must be between %1 and %2 ms (got %3)"_s.arg(minimum)
                                   .arg(kMaxWaitMs)
                                   .arg(value));
        return {};
    };
    if (backoff == Backoff::Exponential) {
        if (auto ok = duration(u"baseMs"_s, baseMs, 1); !ok)
            return ok;
        if (!(factor >= 1.0 && factor <= 100.0))
            return invalid(*this, u"factor"_s, u"must be between 1 and 100 (got %1)"_s.arg(factor));
        if (auto ok = duration(u"capMs"_s, capMs, baseMs); !ok)
            return ok;
    } else {
        if (scheduleMs.isEmpty())
            return invalid(*this, u"scheduleMs"_s, u"must list at least one wait"_s);
        for (qsizetype i = 0; i < scheduleMs.size(); ++i) {
            if (auto ok = duration(u"scheduleMs[%1]"_s.arg(i), scheduleMs.at(i), 0); !ok)
                return ok;
        }
    }
    if (jitter == Jitter::Proportional && !(jitterFraction >= 0.0 && jitterFraction <= 1.0))
        return invalid(*this, u"jitterFraction"_s,
                       u"must be between 0 and 1 (got %1)"_s.arg(jitterFraction));
    if (jitter == Jitter::Additive) {
        if (auto ok = duration(u"jitterMaxMs"_s, jitterMaxMs, 0); !ok)
            return ok;
    }
    if (maxAttempts < 1 || maxAttempts > 1000)
        return invalid(*this, u"maxAttempts"_s,
                       u"must be between 1 and 1000 (got %1)"_s.arg(maxAttempts));
    if (auto ok = duration(u"maxAgeMs"_s, maxAgeMs, 0); !ok)
        return ok;
    if (auto ok = duration(u"retryAfterCapMs"_s, retryAfterCapMs, 1000); !ok)
        return ok;
    if (auto ok = duration(u"overloadFloorMs"_s, overloadFloorMs, 0); !ok)
        return ok;
    return {};
}

qint64 RetryPolicy::scheduledWaitMs(int retryIndex) const
{
    const int n = qMax(0, retryIndex);
    if (backoff == Backoff::Schedule) {
        if (scheduleMs.isEmpty())
            return 0;
        return scheduleMs.at(qMin<qsizetype>(n, scheduleMs.size() - 1));
    }
    // pow() grows past the cap (or to infinity) for large n; min() keeps the cap.
    const double exponential = double(baseMs) * std::pow(factor, double(n));
    return std::isfinite(exponential) && exponential < double(capMs) ? roundMs(exponential) : capMs;
}

RetryPolicy::Wait RetryPolicy::computeWait(int retryIndex, bool overload,
                                           std::optional<qint64> retryAfterMs,
                                           RandomSource &random) const
{
    Wait wait;
    qint64 scheduled = scheduledWaitMs(retryIndex);
    if (overload && scheduled < overloadFloorMs) {
        scheduled = overloadFloorMs;
        wait.floorApplied = true;
    }
    wait.beforeRetryAfterMs = scheduled;
    if (retryAfterMs && retryAfterMode == RetryAfterMode::ClampToSchedule) {
        const qint64 clamped = qBound(scheduled, *retryAfterMs, 2 * scheduled);
        wait.retryAfterApplied = clamped != scheduled;
        scheduled = clamped;
    }
    wait.scheduledMs = scheduled;

    switch (jitter) {
    case Jitter::Full:
        wait.waitMs = roundMs(random.uniform() * double(scheduled));
        break;
    case Jitter::Proportional:
        wait.waitMs = roundMs(double(scheduled)
                              * (1.0 - jitterFraction + 2.0 * jitterFraction * random.uniform()));
        break;
    case Jitter::Additive:
        wait.waitMs = scheduled + roundMs(random.uniform() * double(jitterMaxMs));
        break;
    case Jitter::None:
        wait.waitMs = scheduled;
        break;
    }

    if (retryAfterMs && retryAfterMode == RetryAfterMode::LowerBound
        && *retryAfterMs > wait.waitMs) {
        wait.waitMs = *retryAfterMs;
        wait.retryAfterApplied = true;
    }
    return wait;
}

} // namespace wb::core
