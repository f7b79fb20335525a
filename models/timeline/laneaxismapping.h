// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wb::models {

// The lane axis of the timeline: lane 0 at the top, lane values grow downwards (a reversed
// value axis). [firstValue, lastValue] (e.g. -0.5 … lanes - 0.5) fill [topPx, topPx + heightPx].
struct LaneAxisMapping
{
    double firstValue = -0.5;
    double lastValue = 0.5;
    double topPx = 0;
    double heightPx = 0;

    bool isValid() const { return lastValue > firstValue && heightPx > 0; }
    double toPixel(double value) const;
    double toValue(double px) const;
};

} // namespace wb::models
