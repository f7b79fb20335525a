// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/fanoutplan.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<FanOutPlan> planFanOut(QList<qint64> targetIds, qint64 windowMs, int concurrencyLimit)
{
    if (windowMs < 0) {
        return fail(
                u"fanout.invalid_window"_s,
                QCoreApplication::translate("wb::core::FanOutPlan",
                                            "the smoothing window must be 0 ms or more, got %1 ms")
                        .arg(windowMs));
    }
    if (concurrencyLimit < 1) {
        return fail(u"fanout.invalid_concurrency"_s,
                    QCoreApplication::translate("wb::core::FanOutPlan",
                                                "the concurrency limit must be at least 1, got %1")
                            .arg(concurrencyLimit));
    }
    std::sort(targetIds.begin(), targetIds.end());
    const auto duplicate = std::adjacent_find(targetIds.cbegin(), targetIds.cend());
    if (duplicate != targetIds.cend()) {
        return fail(u"fanout.duplicate_target"_s,
                    QCoreApplication::translate("wb::core::FanOutPlan",
                                                "target %1 is listed more than once")
                            .arg(*duplicate));
    }

    FanOutPlan plan;
    plan.windowMs = windowMs;
    plan.concurrencyLimit = concurrencyLimit;
    const qint64 count = targetIds.size();
    plan.jobs.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        // i * windowMs stays far inside 64 bits for any realistic window (a day is 8.64e7 ms) and
        // target count.
        plan.jobs.append({targetIds.at(i), int(i), i * windowMs / count});
    }
    return plan;
}

QList<qint64> FanOutPlan::startOffsets(const QList<qint64> &durationsMs) const
{
    Q_ASSERT(durationsMs.size() == jobs.size());
    // Moments at which the busy slots free up; min-heap.
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> busyUntil;
    QList<qint64> starts;
    starts.reserve(jobs.size());
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        qint64 start = jobs.at(i).offsetMs;
        if (qsizetype(busyUntil.size()) == concurrencyLimit) {
            start = qMax(start, busyUntil.top());
            busyUntil.pop();
        }
        // Jobs start in plan order: never before the previous one.
        if (!starts.isEmpty())
            start = qMax(start, starts.constLast());
        starts.append(start);
        busyUntil.push(start + qMax<qint64>(0, durationsMs.value(i)));
    }
    return starts;
}

qint64 FanOutPlan::finishOffset(const QList<qint64> &durationsMs) const
{
    const QList<qint64> starts = startOffsets(durationsMs);
    qint64 finish = 0;
    for (qsizetype i = 0; i < starts.size(); ++i)
        finish = qMax(finish, starts.at(i) + qMax<qint64>(0, durationsMs.value(i)));
    return finish;
}

} // namespace wb::core
