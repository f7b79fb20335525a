// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/leveldecimation.h"

#include <array>

namespace wb::models {

namespace {
qint64 binOf(qint64 ms, qint64 originMs, qint64 binMs)
{
    const qint64 offset = ms - originMs;
    // Floor division, so times before the origin fall into negative bins.
    return offset >= 0 ? offset / binMs : -((-offset + binMs - 1) / binMs);
}
} // namespace

QList<LevelPoint> decimateLevels(const QList<LevelPoint> &points, qint64 originMs, qint64 binMs)
{
    if (binMs <= 0 || points.size() <= 4)
        return points;
    QList<LevelPoint> result;
    result.reserve(qMin<qsizetype>(points.size(), 4096));
    qsizetype begin = 0;
    while (begin < points.size()) {
        const qint64 bin = binOf(points.at(begin).atMs, originMs, binMs);
        qsizetype end = begin + 1;
        qsizetype lowest = begin;
        qsizetype highest = begin;
        while (end < points.size() && binOf(points.at(end).atMs, originMs, binMs) == bin) {
            if (points.at(end).value < points.at(lowest).value)
                lowest = end;
            if (points.at(end).value > points.at(highest).value)
                highest = end;
            ++end;
        }
        std::array<qsizetype, 4> keep{begin, qMin(lowest, highest), qMax(lowest, highest), end - 1};
        qsizetype previous = -1;
        for (qsizetype index : keep) {
            if (index != previous)
                result.append(points.at(index));
            previous = index;
        }
        begin = end;
    }
    return result;
}

} // namespace wb::models
