// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

namespace wb::core {

class RandomSource;

// Tunables of the CredentialRefresher. Milliseconds throughout.
struct RefreshSettings
{
    // How long one refresh may hold a connection's refresh lease. A holder that dies lets it
    // lapse; another process then takes over.
    qint64 leaseDurationMs = 60'000;
    // How often to look again while another holder refreshes the same connection.
    qint64 leaseRetryMs = 250;
    // Backoff after a provider outage or network failure: the n-th consecutive failure waits a
    // uniformly random time in [0, min(cap, base·2^(n−1))] (full jitter), and at least the
    // provider's Retry-After.
    qint64 retryBaseMs = 1'000;
    qint64 retryCapMs = 10 * 60'000;
    // Periodic validity check through the profile's check endpoint; 0 switches it off.
    qint64 validityCheckIntervalMs = 6 * 60 * 60'000;
};

// The wait before retry number `failureCount` (1 for the first failure) with full jitter
// (uniform in [0, min(cap, base·2^(failureCount−1))]), never shorter than `retryAfterMs`.
qint64 refreshBackoffMs(const RefreshSettings &settings, int failureCount, RandomSource &random,
                        std::optional<qint64> retryAfterMs = std::nullopt);

} // namespace wb::core
