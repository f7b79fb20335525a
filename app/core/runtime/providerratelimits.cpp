// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerratelimits.h"

#include "core/providers/providercatalog.h"

namespace wb::core {

namespace {

RateLimitHeaderSpec presetOrGeneric(const QString &name)
{
    Result<RateLimitHeaderSpec> preset = RateLimitHeaderSpec::preset(name);
    return preset ? *preset : RateLimitHeaderSpec{};
}

} // namespace

RateLimitHeaderSpec rateLimitHeaderSpecFor(const ProviderProfile &profile)
{
    RateLimitHeaderSpec spec = presetOrGeneric(profile.id);
    spec.name = profile.id;
    const RateLimitHeaders &headers = profile.rateLimits;
    if (!headers.limitHeader.isEmpty())
        spec.limitField = headers.limitHeader.toLatin1();
    if (!headers.remainingHeader.isEmpty())
        spec.remainingField = headers.remainingHeader.toLatin1();
    if (headers.resetHeader.isEmpty())
        return spec;
    spec.resetField = headers.resetHeader.toLatin1();
    switch (headers.resetUnit) {
    case RateLimitResetUnit::EpochSeconds:
        spec.resetUnit = ResetUnit::EpochSeconds;
        break;
    case RateLimitResetUnit::DeltaSeconds:
        spec.resetUnit = ResetUnit::DeltaSeconds;
        break;
    case RateLimitResetUnit::DeltaMilliseconds:
        spec.resetUnit = ResetUnit::DeltaMilliseconds;
        break;
    case RateLimitResetUnit::Iso8601:
        spec.resetUnit = ResetUnit::Iso8601;
        break;
    case RateLimitResetUnit::EpochMilliseconds:
    case RateLimitResetUnit::None:
        spec.resetField.clear();
        break;
    }
    return spec;
}

std::function<RateLimitHeaderSpec(const QString &providerId)> headerSpecsFrom(
        const ProviderCatalog &catalog)
{
    return [&catalog](const QString &providerId) {
        if (const ProviderProfile *profile = catalog.find(providerId))
            return rateLimitHeaderSpecFor(*profile);
        return presetOrGeneric(providerId);
    };
}

} // namespace wb::core
