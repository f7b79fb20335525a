// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/ratelimitheaderspec.h"

#include <QString>

#include <functional>

namespace wb::core {

class ProviderCatalog;
struct ProviderProfile;

// The dispatch engine's reading of a provider's rate-limit headers, from its profile
// (resources/providers/*.json, "rate_limits"): the built-in preset named like the profile
// (RateLimitHeaderSpec::preset: body markers, Stripe-Should-Retry, Shopify's used/limit, …) or
// "generic", with the limit, remaining and reset fields and the reset's unit the profile names put
// over it. A profile reset in epoch milliseconds (no provider in the catalog sends one) leaves the
// reset field out rather than misreading it. A pure function; any thread.
RateLimitHeaderSpec rateLimitHeaderSpecFor(const ProviderProfile &profile);

// For DispatcherOptions::headerSpecFor: the profile's spec for a provider id of `catalog`, the
// preset of that name or "generic" for ids the catalog does not know. `catalog` must outlive the
// returned function.
std::function<RateLimitHeaderSpec(const QString &providerId)> headerSpecsFrom(
        const ProviderCatalog &catalog);

} // namespace wb::core
