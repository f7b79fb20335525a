// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/laneaxismapping.h"
#include "models/timeline/timeaxismapping.h"
#include "models/timeline/timelineseries.h"

#include <QPointF>

namespace wb::models {

// What is under the mouse, found from the series and the two axis mappings alone (no plot
// widget): pure, so the hover and click behaviour is unit-tested.
namespace timelinehit {

// The marker whose centre is nearest to `pos` (pixels) and no farther than `radiusPx`, as an index
// into `markers` (sorted by atMs); -1 when none.
qsizetype marker(const QList<TimelineMarker> &markers, const TimeAxisMapping &x,
                 const LaneAxisMapping &y, QPointF pos, double radiusPx);

// The span under `pos`: its time range contains the pointer's time (widened to at least
// `tolerancePx` either side, so short spans can be hovered) and its row is within `tolerancePx`
// vertically. The shortest such span wins. An index into `spans`; -1 when none.
qsizetype span(const QList<TimelineSpan> &spans, const TimeAxisMapping &x, const LaneAxisMapping &y,
               QPointF pos, double tolerancePx);

} // namespace timelinehit
} // namespace wb::models
