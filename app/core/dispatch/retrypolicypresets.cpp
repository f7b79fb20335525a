// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/retrypolicypresets.h"

using namespace Qt::StringLiterals;

namespace wb::core::retrypresets {

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
} // namespace

RetryPolicy defaultPolicy()
{
    return RetryPolicy{};
}

RetryPolicy svix()
{
    RetryPolicy policy;
    policy.name = u"svix"_s;
    policy.backoff = RetryPolicy::Backoff::Schedule;
    policy.scheduleMs = {5 * kSecond, 5 * kMinute, 30 * kMinute, 2 * kHour,
                         5 * kHour,   10 * kHour,  10 * kHour};
    policy.jitter = RetryPolicy::Jitter::Proportional;
    policy.jitterFraction = 0.2;
    policy.maxAttempts = 8;
    policy.maxAgeMs = 0;
    policy.retryAfterMode = RetryPolicy::RetryAfterMode::ClampToSchedule;
    policy.overloadFloorMs = 60 * kSecond;
    return policy;
}

RetryPolicy standardWebhooks()
{
    RetryPolicy policy;
    policy.name = u"standard-webhooks"_s;
    policy.backoff = RetryPolicy::Backoff::Schedule;
    policy.scheduleMs = {5 * kSecond, 5 * kMinute, 30 * kMinute, 2 * kHour, 5 * kHour,
                         10 * kHour,  14 * kHour,  20 * kHour,   24 * kHour};
    policy.jitter = RetryPolicy::Jitter::None;
    policy.maxAttempts = 10;
    policy.maxAgeMs = 0;
    return policy;
}

RetryPolicy convoyExponential()
{
    RetryPolicy policy;
    policy.name = u"convoy-exponential"_s;
    policy.backoff = RetryPolicy::Backoff::Exponential;
    policy.baseMs = 10 * kSecond;
    policy.factor = 2.0;
    policy.capMs = 7200 * kSecond;
    policy.jitter = RetryPolicy::Jitter::Additive;
    policy.jitterMaxMs = 5 * kSecond;
    policy.maxAttempts = 11;
    policy.maxAgeMs = 0;
    return policy;
}

QStringList names()
{
    return {u"default"_s, u"svix"_s, u"standard-webhooks"_s, u"convoy-exponential"_s};
}

Result<RetryPolicy> byName(const QString &name)
{
    if (name == u"default")
        return defaultPolicy();
    if (name == u"svix")
        return svix();
    if (name == u"standard-webhooks")
        return standardWebhooks();
    if (name == u"convoy-exponential")
        return convoyExponential();
    return fail(u"retry_policy.unknown_preset"_s,
                u"unknown retry policy preset \"%1\" (known: %2)"_s.arg(name,
                                                                        names().join(u", "_s)));
}

} // namespace wb::core::retrypresets
