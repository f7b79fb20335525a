// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelineseries.h"

namespace wb::models {

// Reduces a level series to at most four points per bin — the bin's first, minimum, maximum and
// last points, in time order — so a line drawn through the result reaches every spike and dip
// of the original (min-max decimation). Bins are [originMs + k·binMs, originMs + (k+1)·binMs).
// `points` must be sorted by atMs; binMs ≤ 0 returns the input unchanged. Pure.
QList<LevelPoint> decimateLevels(const QList<LevelPoint> &points, qint64 originMs, qint64 binMs);

} // namespace wb::models
