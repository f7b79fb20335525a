// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinehittest.h"

#include <algorithm>
#include <cmath>

namespace wb::models::timelinehit {

qsizetype marker(const QList<TimelineMarker> &markers, const TimeAxisMapping &x,
                 const LaneAxisMapping &y, QPointF pos, double radiusPx)
{
    if (!x.isValid() || !y.isValid() || radiusPx <= 0)
        return -1;
    const qint64 earliest = x.msAtPixel(pos.x() - radiusPx);
    const qint64 latest = x.msAtPixel(pos.x() + radiusPx);
    auto it = std::lower_bound(markers.cbegin(), markers.cend(), earliest,
                               [](const TimelineMarker &m, qint64 ms) { return m.atMs < ms; });
    qsizetype best = -1;
    double bestDistance = radiusPx;
    for (; it != markers.cend() && it->atMs <= latest; ++it) {
        const double dx = x.toPixel(it->atMs) - pos.x();
        const double dy = y.toPixel(it->y) - pos.y();
        const double distance = std::hypot(dx, dy);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = it - markers.cbegin();
        }
    }
    return best;
}

qsizetype span(const QList<TimelineSpan> &spans, const TimeAxisMapping &x, const LaneAxisMapping &y,
               QPointF pos, double tolerancePx)
{
    if (!x.isValid() || !y.isValid())
        return -1;
    qsizetype best = -1;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const TimelineSpan &candidate = spans.at(i);
        if (x.toPixel(candidate.fromMs) - tolerancePx > pos.x())
            break; // sorted by fromMs: every later span starts to the right of the pointer
        if (std::abs(y.toPixel(candidate.y) - pos.y()) > tolerancePx)
            continue;
        const double from = x.toPixel(candidate.fromMs) - tolerancePx;
        const double to = x.toPixel(candidate.toMs) + tolerancePx;
        if (pos.x() < from || pos.x() > to)
            continue;
        if (best < 0 || candidate.durationMs() < spans.at(best).durationMs())
            best = i;
    }
    return best;
}

} // namespace wb::models::timelinehit
