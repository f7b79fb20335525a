// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/scheduleservice.h"

#include "core/schedule/runrepository.h"
#include "core/schedule/scheduler.h"
#include "core/schedule/schedulerepository.h"
#include "core/store/store.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<ScheduleRun> startManualRun(SqlSession &session, qint64 scheduleId, const QString &workerId,
                                   qint64 leaseMs, bool keepLease)
{
    RunRepository::StartRequest request;
    request.scheduleId = scheduleId;
    request.scheduledAtMs = session.nowMs();
    request.trigger = RunTrigger::Manual;
    request.workerId = workerId;
    request.leaseMs = leaseMs;
    auto started = RunRepository::startRun(session, request);
    if (!started)
        return fail(started.error());
    if (!started->run) {
        return fail(u"schedule.already_running"_s,
                    RunRepository::tr("Schedule %1 has a run still running; run it again when "
                                      "that run has finished.")
                            .arg(scheduleId));
    }
    if (!keepLease) {
        if (auto released = RunRepository::releaseLease(session, scheduleId, workerId); !released)
            return fail(released.error());
    }
    return *started->run;
}

ScheduleService::ScheduleService(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

void ScheduleService::setScheduler(Scheduler *scheduler)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    if (!scheduler)
        return;
    for (auto signal : {&Scheduler::runStarted, &Scheduler::runProgressed, &Scheduler::runFinished})
        connect(scheduler, signal, this, &ScheduleService::runChanged);
}

QFuture<Result<QList<ScheduleOverview>>> ScheduleService::overviews()
{
    return m_store.read([](SqlSession &session) -> Result<QList<ScheduleOverview>> {
        auto schedules = ScheduleRepository::list(session);
        if (!schedules)
            return fail(schedules.error());
        QList<ScheduleOverview> result;
        for (const Schedule &schedule : *schedules) {
            auto runs = ScheduleRepository::runs(session, schedule.id, 1);
            if (!runs)
                return fail(runs.error());
            result.append({schedule, runs->isEmpty() ? std::nullopt : std::optional(runs->first())});
        }
        return result;
    });
}

QFuture<Result<Schedule>> ScheduleService::add(const Schedule &schedule)
{
    QPointer<ScheduleService> self(this);
    return m_store.write([schedule, self](SqlSession &session) -> Result<Schedule> {
        auto added = ScheduleRepository::add(session, schedule);
        if (added) {
            session.afterCommit([self, added = *added](Store &) {
                if (!self)
                    return;
                Q_EMIT self->scheduleAdded(added);
                if (self->m_scheduler)
                    self->m_scheduler->wake(); // its first firing may come before the timer
            });
        }
        return added;
    });
}

QFuture<Result<Schedule>> ScheduleService::update(const Schedule &schedule)
{
    QPointer<ScheduleService> self(this);
    return m_store.write([schedule, self](SqlSession &session) -> Result<Schedule> {
        auto updated = ScheduleRepository::update(session, schedule);
        if (updated) {
            session.afterCommit([self, updated = *updated](Store &) {
                if (!self)
                    return;
                Q_EMIT self->scheduleUpdated(updated);
                if (self->m_scheduler)
                    self->m_scheduler->wake(); // the next firing may have moved closer
            });
        }
        return updated;
    });
}

QFuture<Result<Schedule>> ScheduleService::setEnabled(qint64 scheduleId, bool enabled)
{
    QPointer<ScheduleService> self(this);
    auto future = m_store.write(
            [scheduleId, enabled, self](SqlSession &session) -> Result<Schedule> {
                auto changed = ScheduleRepository::setEnabled(session, scheduleId, enabled);
                if (changed) {
                    session.afterCommit([self, changed = *changed](Store &) {
                        if (!self)
                            return;
                        Q_EMIT self->scheduleUpdated(changed);
                        if (self->m_scheduler && changed.enabled)
                            self->m_scheduler->wake();
                    });
                }
                return changed;
            });
    return future;
}

QFuture<Result<void>> ScheduleService::remove(qint64 scheduleId)
{
    QPointer<ScheduleService> self(this);
    return m_store.write([scheduleId, self](SqlSession &session) -> Result<void> {
        auto removed = ScheduleRepository::remove(session, scheduleId);
        if (removed) {
            session.afterCommit([self, scheduleId](Store &) {
                if (self)
                    Q_EMIT self->scheduleRemoved(scheduleId);
            });
        }
        return removed;
    });
}

QFuture<Result<ScheduleRun>> ScheduleService::runNow(qint64 scheduleId)
{
    if (m_scheduler)
        return m_scheduler->runNow(scheduleId); // runChanged follows from its signals
    QPointer<ScheduleService> self(this);
    const QString workerId = u"wirebench:%1"_s.arg(QCoreApplication::applicationPid());
    return m_store.write([scheduleId, workerId, self](SqlSession &session) -> Result<ScheduleRun> {
        auto run = startManualRun(session, scheduleId, workerId, 60'000, false);
        if (run) {
            session.afterCommit([self, run = *run](Store &) {
                if (self)
                    Q_EMIT self->runChanged(run);
            });
        }
        return run;
    });
}

QFuture<Result<CancelledRun>> ScheduleService::cancelRun(qint64 runId, const QString &reason)
{
    if (m_scheduler)
        return m_scheduler->cancelRun(runId, reason); // runChanged follows from its signals
    QPointer<ScheduleService> self(this);
    return m_store.write([runId, reason, self](SqlSession &session) -> Result<CancelledRun> {
        auto cancelled = RunCancellation::cancel(session, runId, reason);
        if (cancelled) {
            session.afterCommit([self, run = cancelled->run](Store &) {
                if (self)
                    Q_EMIT self->runChanged(run);
            });
        }
        return cancelled;
    });
}

QFuture<Result<QList<ScheduleRun>>> ScheduleService::runs(qint64 scheduleId, int limit)
{
    return m_store.read([scheduleId, limit](SqlSession &session) {
        return ScheduleRepository::runs(session, scheduleId, limit);
    });
}

QFuture<Result<QList<ScheduleRunJob>>> ScheduleService::jobPage(qint64 runId, int afterOrdinal,
                                                                int limit)
{
    return m_store.read([runId, afterOrdinal, limit](SqlSession &session) {
        return ScheduleRepository::jobPage(session, runId, afterOrdinal, limit);
    });
}

} // namespace wb::core
