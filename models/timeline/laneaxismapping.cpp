// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/laneaxismapping.h"

namespace wb::models {

double LaneAxisMapping::toPixel(double value) const
{
    if (!isValid())
        return topPx;
    return topPx + (value - firstValue) * heightPx / (lastValue - firstValue);
}

double LaneAxisMapping::toValue(double px) const
{
    if (!isValid())
        return firstValue;
    return firstValue + (px - topPx) * (lastValue - firstValue) / heightPx;
}

} // namespace wb::models
