// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/croncalendar.h"

#include <QString>

#include <optional>

namespace wb::core {

class Clock;

// What a schedule does about firings that passed while nothing was running (the application was
// closed, the machine asleep, the schedule disabled). Never one run per missed firing.
enum class MissedRunPolicy {
    RunOnce, // run once now, standing for the latest missed firing
    Skip,    // run nothing for them; wait for the next firing
};

// "run_once" / "skip": the stable names stored in the schedules table and used by the CLI.
QString missedRunPolicyName(MissedRunPolicy policy);
std::optional<MissedRunPolicy> missedRunPolicyFromName(QStringView name);

// How late a firing may be noticed and still count as on time (the timer woke up late, the process
// restarted within a minute of the firing), in milliseconds.
inline constexpr qint64 defaultOnTimeToleranceMs = 60'000;

// The answer to "what should this schedule run now?".
struct DueRun
{
    // The scheduled instant (UTC ms) of the one run to start now — the RunKey's `scheduledMs` —
    // or nothing.
    std::optional<qint64> runScheduledMs;
    // True when that run is later than the on-time tolerance (a missed firing run under RunOnce).
    bool late = false;
    // Firings after the last recorded one, up to now, that get no run at all. Counted up to
    // maxCountedSkips (a count of maxCountedSkips means "at least that many").
    int skippedFirings = 0;
    static constexpr int maxCountedSkips = 1000;
    // The earliest firing that was not run on time, if any (for "missed since …").
    std::optional<qint64> firstMissedMs;
    // The latest firing at or before now, once it is newer than the last recorded one: record it as
    // the schedule's last considered instant (whether run or skipped) so it is never reconsidered.
    std::optional<qint64> consideredThroughMs;
    // The next firing after now (and after the last recorded one), to arm the timer for.
    std::optional<CronFiring> next;
};

// Decides what to run now. Pure: no clock, no store.
//
// `lastScheduledMs` is the scheduled instant of the latest run recorded for the schedule (or of the
// latest firing skipped on purpose — DueRun::consideredThroughMs), or, for a schedule that never
// ran, the instant it was created or enabled: firings before it are not "missed". `nowMs` is UTC
// ms. Firings in (lastScheduledMs, nowMs] are due:
//  - none: nothing runs;
//  - the latest is within `onTimeToleranceMs` of now: it runs (on time), whatever the policy; the
//    ones before it are skipped;
//  - the latest is older: RunOnce runs it once, now (late), and skips the rest; Skip runs nothing.
// If the clock went back (now before lastScheduledMs) nothing runs and `next` is after
// lastScheduledMs, so a firing is never run twice.
DueRun decideDueRun(const CronCalendar &calendar, qint64 lastScheduledMs, qint64 nowMs,
                    MissedRunPolicy policy, qint64 onTimeToleranceMs = defaultOnTimeToleranceMs);

// decideDueRun() with the time taken from an injected clock (the scheduler's view; tests pass a
// ManualClock). Does not own the clock. Thread: any, if the clock is (every Clock is).
class DueRunPlanner
{
public:
    explicit DueRunPlanner(const Clock &clock, qint64 onTimeToleranceMs = defaultOnTimeToleranceMs)
        : m_clock(clock)
        , m_onTimeToleranceMs(onTimeToleranceMs)
    {}

    DueRun decide(const CronCalendar &calendar, qint64 lastScheduledMs,
                  MissedRunPolicy policy) const;

private:
    const Clock &m_clock;
    qint64 m_onTimeToleranceMs;
};

} // namespace wb::core
