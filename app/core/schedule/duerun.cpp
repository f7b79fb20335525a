// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/duerun.h"

#include "core/util/clock.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString missedRunPolicyName(MissedRunPolicy policy)
{
    switch (policy) {
    case MissedRunPolicy::RunOnce:
        return u"run_once"_s;
    case MissedRunPolicy::Skip:
        return u"skip"_s;
    }
    return {};
}

std::optional<MissedRunPolicy> missedRunPolicyFromName(QStringView name)
{
    if (name == u"run_once")
        return MissedRunPolicy::RunOnce;
    if (name == u"skip")
        return MissedRunPolicy::Skip;
    return std::nullopt;
}

DueRun decideDueRun(const CronCalendar &calendar, qint64 lastScheduledMs, qint64 nowMs,
                    MissedRunPolicy policy, qint64 onTimeToleranceMs)
{
    DueRun due;
    due.next = calendar.next(qMax(nowMs, lastScheduledMs));

    const std::optional<CronFiring> latest = calendar.previous(nowMs);
    if (!latest || latest->instantMs <= lastScheduledMs)
        return due;

    due.consideredThroughMs = latest->instantMs;
    const bool onTime = nowMs - latest->instantMs <= onTimeToleranceMs;
    if (onTime || policy == MissedRunPolicy::RunOnce) {
        due.runScheduledMs = latest->instantMs;
        due.late = !onTime;
    }

    // Count the firings that get no run, oldest first; stop counting at the cap.
    qint64 cursor = lastScheduledMs;
    while (due.skippedFirings < DueRun::maxCountedSkips) {
        const std::optional<CronFiring> firing = calendar.next(cursor);
        if (!firing || firing->instantMs > latest->instantMs)
            break;
        if (!due.firstMissedMs && !(onTime && firing->instantMs == latest->instantMs))
            due.firstMissedMs = firing->instantMs;
        if (firing->instantMs == latest->instantMs && due.runScheduledMs)
            break;
        ++due.skippedFirings;
        cursor = firing->instantMs;
    }
    return due;
}

DueRun DueRunPlanner::decide(const CronCalendar &calendar, qint64 lastScheduledMs,
                             MissedRunPolicy policy) const
{
    return decideDueRun(calendar, lastScheduledMs, m_clock.nowMs(), policy, m_onTimeToleranceMs);
}

} // namespace wb::core
