// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timeaxismapping.h"

#include <cmath>

namespace wb::models {

double TimeAxisMapping::msPerPixel() const
{
    return isValid() ? double(durationMs()) / widthPx : 0.0;
}

double TimeAxisMapping::toPixel(qint64 ms) const
{
    if (!isValid())
        return leftPx;
    return leftPx + double(ms - fromMs) / msPerPixel();
}

qint64 TimeAxisMapping::msAtPixel(double px) const
{
    return fromMs + qint64(std::llround((px - leftPx) * msPerPixel()));
}

qint64 TimeAxisMapping::binMs(double pixels) const
{
    return qMax<qint64>(1, qint64(std::llround(pixels * msPerPixel())));
}

TimeAxisMapping TimeAxisMapping::panned(double pixels) const
{
    const qint64 shift = qint64(std::llround(pixels * msPerPixel()));
    TimeAxisMapping result = *this;
    result.fromMs += shift;
    result.toMs += shift;
    return result;
}

TimeAxisMapping TimeAxisMapping::zoomed(double factor, double centerPx) const
{
    if (!isValid() || !(factor > 0))
        return *this;
    const qint64 center = msAtPixel(centerPx);
    TimeAxisMapping result = *this;
    result.fromMs = center - qint64(std::llround(double(center - fromMs) * factor));
    result.toMs = center + qint64(std::llround(double(toMs - center) * factor));
    if (result.toMs <= result.fromMs)
        result.toMs = result.fromMs + 1;
    return result;
}

} // namespace wb::models
