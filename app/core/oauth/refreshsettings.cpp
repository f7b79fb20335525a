// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/refreshsettings.h"

#include "core/util/randomsource.h"

#include <algorithm>
#include <cmath>

namespace wb::core {

qint64 refreshBackoffMs(const RefreshSettings &settings, int failureCount, RandomSource &random,
                        std::optional<qint64> retryAfterMs)
{
    const int exponent = std::clamp(failureCount - 1, 0, 40);
    const double ceiling = std::min(double(settings.retryCapMs),
                                    double(settings.retryBaseMs) * std::ldexp(1.0, exponent));
    const qint64 jittered = qint64(std::floor(random.uniform() * ceiling));
    return std::max(jittered, retryAfterMs.value_or(0));
}

} // namespace wb::core
