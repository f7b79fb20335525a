// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelineseries.h"

namespace wb::models {

double ConnectionLevels::tightestRateLimitRatio() const
{
    if (rateLimitLimit <= 0)
        return 1.0;
    double lowest = 1.0;
    for (const LevelPoint &point : rateLimitRemaining)
        lowest = qMin(lowest, point.value / rateLimitLimit);
    return lowest;
}

const ConnectionLevels *TimelineSeries::levelsFor(const QString &connectionId) const
{
    for (const ConnectionLevels &connection : levels) {
        if (connection.connectionId == connectionId)
            return &connection;
    }
    return nullptr;
}

} // namespace wb::models
