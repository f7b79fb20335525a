// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/schedule.h"

#include "core/util/nametable.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr std::array targetKinds{
        std::pair{ScheduleTargetKind::Tenants, QStringView(u"tenants")},
        std::pair{ScheduleTargetKind::Connections, QStringView(u"connections")},
};
constexpr std::array triggers{
        std::pair{RunTrigger::OnTime, QStringView(u"on_time")},
        std::pair{RunTrigger::Late, QStringView(u"late")},
        std::pair{RunTrigger::Manual, QStringView(u"manual")},
};
constexpr std::array runStates{
        std::pair{RunState::Running, QStringView(u"running")},
        std::pair{RunState::Succeeded, QStringView(u"succeeded")},
        std::pair{RunState::Partial, QStringView(u"partial")},
        std::pair{RunState::Failed, QStringView(u"failed")},
};
constexpr std::array jobStates{
        std::pair{RunJobState::Planned, QStringView(u"planned")},
        std::pair{RunJobState::Queued, QStringView(u"queued")},
        std::pair{RunJobState::Succeeded, QStringView(u"succeeded")},
        std::pair{RunJobState::Failed, QStringView(u"failed")},
        std::pair{RunJobState::Skipped, QStringView(u"skipped")},
};

} // namespace

QString nameOf(ScheduleTargetKind kind)
{
    return nameIn(targetKinds, kind);
}
std::optional<ScheduleTargetKind> scheduleTargetKindFromName(QStringView name)
{
    return valueIn(targetKinds, name);
}
QString nameOf(RunTrigger trigger)
{
    return nameIn(triggers, trigger);
}
std::optional<RunTrigger> runTriggerFromName(QStringView name)
{
    return valueIn(triggers, name);
}
QString nameOf(RunState state)
{
    return nameIn(runStates, state);
}
std::optional<RunState> runStateFromName(QStringView name)
{
    return valueIn(runStates, name);
}
QString nameOf(RunJobState state)
{
    return nameIn(jobStates, state);
}
std::optional<RunJobState> runJobStateFromName(QStringView name)
{
    return valueIn(jobStates, name);
}

QString runStatusName(const ScheduleRun &run)
{
    if (!run.cancelRequestedAtMs)
        return nameOf(run.state);
    return run.state == RunState::Running ? u"cancelling"_s : u"cancelled"_s;
}

QString runJobStatusName(const ScheduleRunJob &job)
{
    return job.cancelledAtMs ? u"cancelled"_s : nameOf(job.state);
}

} // namespace wb::core
