// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/rowpacking.h"

#include <limits>

namespace wb::models {

QList<int> packRows(const QList<RowInterval> &intervals, int maxRows)
{
    QList<int> rows;
    rows.reserve(intervals.size());
    QList<qint64> rowEnds; // the end of the last interval placed in each row
    const int limit = qMax(1, maxRows);
    for (const RowInterval &interval : intervals) {
        int chosen = -1;
        for (int row = 0; row < rowEnds.size(); ++row) {
            if (rowEnds.at(row) < interval.startMs) {
                chosen = row;
                break;
            }
        }
        if (chosen < 0 && rowEnds.size() < limit) {
            chosen = int(rowEnds.size());
            rowEnds.append(std::numeric_limits<qint64>::min());
        }
        if (chosen < 0) {
            chosen = 0;
            for (int row = 1; row < rowEnds.size(); ++row) {
                if (rowEnds.at(row) < rowEnds.at(chosen))
                    chosen = row;
            }
        }
        rowEnds[chosen] = qMax(rowEnds.at(chosen), interval.endMs);
        rows.append(chosen);
    }
    return rows;
}

} // namespace wb::models
