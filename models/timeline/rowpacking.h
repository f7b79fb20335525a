// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace wb::models {

// A time interval to place in a row: [startMs, endMs], UTC ms.
struct RowInterval
{
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// Packs intervals into rows the way a Gantt chart does: each interval, in the given order (sorted
// by startMs), takes the first row whose previous interval ended before it starts. When all
// `maxRows` rows are busy it takes the row that frees up first (and overlaps there). Returns the
// row of each interval (0-based) in input order. Pure.
QList<int> packRows(const QList<RowInterval> &intervals, int maxRows);

} // namespace wb::models
