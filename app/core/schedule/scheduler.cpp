// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/scheduler.h"

#include "core/dispatch/dispatcher.h"
#include "core/schedule/croncalendar.h"
#include "core/schedule/schedulerepository.h"
#include "core/schedule/scheduleservice.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScheduler, "wb.schedule")

namespace wb::core {

namespace {

QString defaultWorkerId()
{
    return u"%1:%2:sched:%3"_s.arg(QHostInfo::localHostName())
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
}

struct Snapshot
{
    QList<Schedule> schedules;
    QList<ScheduleRun> running;
};

} // namespace

Result<std::unique_ptr<Scheduler>> Scheduler::create(const SchedulerServices &services,
                                                     SchedulerOptions options, QObject *parent)
{
    if (!services.store || !services.clock || !services.dispatcher) {
        return fail(u"schedule.invalid_services"_s,
                    u"The scheduler needs a store, a clock and a dispatcher."_s);
    }
    if (options.leaseMs <= 0 || options.pollMs <= 0) {
        return fail(u"schedule.invalid_options"_s,
                    u"The lease (%1 ms) and the poll interval (%2 ms) must be positive."_s
                            .arg(options.leaseMs)
                            .arg(options.pollMs));
    }
    if (options.workerId.isEmpty())
        options.workerId = defaultWorkerId();
    return std::unique_ptr<Scheduler>(new Scheduler(services, std::move(options), parent));
}

Scheduler::Scheduler(const SchedulerServices &services, SchedulerOptions options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::check);
    connect(m_services.dispatcher, &Dispatcher::deliveryFinished, this, [this] {
        for (qint64 runId : std::as_const(m_active))
            requestStep(runId);
    });
}

Scheduler::~Scheduler() = default;

void Scheduler::start()
{
    if (m_running)
        return;
    m_running = true;
    check();
}

void Scheduler::stop()
{
    m_running = false;
    m_timer.stop();
}

void Scheduler::wake()
{
    if (!m_running)
        return;
    check();
}

void Scheduler::check()
{
    if (!m_running)
        return;
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    m_timer.stop();
    auto snapshot = m_services.store->read([](SqlSession &session) -> Result<Snapshot> {
        auto schedules = ScheduleRepository::list(session);
        if (!schedules)
            return fail(schedules.error());
        auto running = ScheduleRepository::runningRuns(session);
        if (!running)
            return fail(running.error());
        return Snapshot{*schedules, *running};
    });
    whenFinished(snapshot, this, [this](const Result<Snapshot> &result) {
        if (!result) {
            Q_EMIT errorOccurred(result.error().code, result.error().message);
            m_checking = false;
            arm();
            return;
        }
        onChecked(result->schedules, result->running);
    });
}

void Scheduler::onChecked(const QList<Schedule> &schedules, const QList<ScheduleRun> &running)
{
    const qint64 now = m_services.clock->nowMs();
    QSet<qint64> busy; // schedules with a run still running: their firings wait for it
    for (const ScheduleRun &run : running) {
        busy.insert(run.scheduleId);
        // Adopt runs nobody steps (started elsewhere, or by a scheduler that died): the step
        // takes the lease only when it is free or expired.
        if (!m_active.contains(run.id))
            step(run.id);
    }

    m_nextFiringMs.reset();
    m_firesPending = 0;
    for (const Schedule &schedule : schedules) {
        if (!schedule.enabled)
            continue;
        const auto expression = CronExpression::parse(schedule.cronExpression);
        const auto zone = timeZoneFromId(schedule.timeZoneId);
        if (!expression || !zone) {
            qCWarning(lcScheduler)
                    << "schedule" << schedule.id << "cannot be read:"
                    << (expression ? zone.error().message : expression.error().message());
            continue;
        }
        const CronCalendar calendar(*expression, *zone);
        const DueRun due = decideDueRun(calendar, schedule.consideredThroughMs, now,
                                        schedule.missedRunPolicy, m_options.onTimeToleranceMs);
        if (due.next && (!m_nextFiringMs || due.next->instantMs < *m_nextFiringMs))
            m_nextFiringMs = due.next->instantMs;
        if (busy.contains(schedule.id) || !due.consideredThroughMs)
            continue;
        fire(schedule, due);
    }

    // Release the jobs whose offset has come, and renew the leases of long runs even when
    // nothing happens to them.
    const bool renew = now - m_lastStepAllMs >= m_options.leaseMs / 3;
    if (renew)
        m_lastStepAllMs = now;
    for (qint64 runId : std::as_const(m_active)) {
        const auto release = m_nextRelease.constFind(runId);
        if (renew || (release != m_nextRelease.cend() && *release <= now))
            requestStep(runId);
    }

    if (m_firesPending == 0) {
        m_checking = false;
        Q_EMIT checked();
        if (m_checkAgain) {
            m_checkAgain = false;
            check();
            return;
        }
        arm();
    }
}

void Scheduler::fire(const Schedule &schedule, const DueRun &due)
{
    ++m_firesPending;
    const qint64 scheduleId = schedule.id;
    const QString workerId = m_options.workerId;
    const qint64 leaseMs = m_options.leaseMs;
    auto started = m_services.store->write(
            [scheduleId, due, workerId,
             leaseMs](SqlSession &session) -> Result<RunRepository::Started> {
                if (!due.runScheduledMs) {
                    // MissedRunPolicy::Skip: nothing runs for them.
                    if (auto marked = RunRepository::markConsidered(session, scheduleId,
                                                                    *due.consideredThroughMs);
                        !marked) {
                        return fail(marked.error());
                    }
                    return RunRepository::Started{};
                }
                RunRepository::StartRequest request;
                request.scheduleId = scheduleId;
                request.scheduledAtMs = *due.runScheduledMs;
                request.trigger = due.late ? RunTrigger::Late : RunTrigger::OnTime;
                request.skippedFirings = due.skippedFirings;
                request.consideredThroughMs = due.consideredThroughMs;
                request.workerId = workerId;
                request.leaseMs = leaseMs;
                return RunRepository::startRun(session, request);
            });
    whenFinished(started, this, [this, scheduleId, due](const Result<RunRepository::Started> &r) {
        if (!r) {
            Q_EMIT errorOccurred(r.error().code, r.error().message);
        } else if (r->run) {
            qCInfo(lcScheduler).noquote()
                    << u"schedule %1: run %2 started (%3 jobs, %4 skipped)"_s.arg(scheduleId)
                               .arg(r->run->id)
                               .arg(r->run->jobCount)
                               .arg(r->run->skippedCount);
            activate(*r->run);
        } else if (!due.runScheduledMs && due.skippedFirings > 0) {
            Q_EMIT firingsSkipped(scheduleId, due.skippedFirings, *due.consideredThroughMs);
        }
        if (--m_firesPending == 0) {
            m_checking = false;
            Q_EMIT checked();
            if (m_checkAgain) {
                m_checkAgain = false;
                check();
                return;
            }
            arm();
        }
    });
}

QFuture<Result<ScheduleRun>> Scheduler::runNow(qint64 scheduleId)
{
    const QString workerId = m_options.workerId;
    const qint64 leaseMs = m_options.leaseMs;
    auto started = m_services.store->write([scheduleId, workerId, leaseMs](SqlSession &session) {
        return startManualRun(session, scheduleId, workerId, leaseMs, true);
    });
    whenFinished(started, this, [this](const Result<ScheduleRun> &run) {
        if (run)
            activate(*run);
    });
    return started;
}

QFuture<Result<CancelledRun>> Scheduler::cancelRun(qint64 runId, const QString &reason)
{
    auto cancelled = m_services.store->write([runId, reason](SqlSession &session) {
        return RunCancellation::cancel(session, runId, reason);
    });
    whenFinished(cancelled, this, [this, runId](const Result<CancelledRun> &result) {
        if (!result)
            return;
        qCInfo(lcScheduler).noquote()
                << u"schedule %1: run %2 cancelled (%3 jobs withdrawn, %4 in flight)"_s
                           .arg(result->run.scheduleId)
                           .arg(runId)
                           .arg(result->withdrawnJobs)
                           .arg(result->inFlight);
        // The run changed (cancelling, or finished): said at once, even when the step that
        // follows changes no job and so reports nothing.
        Q_EMIT runProgressed(result->run);
        if (m_active.contains(runId))
            requestStep(runId); // a finished run ends here (runFinished)
    });
    return cancelled;
}

void Scheduler::activate(const ScheduleRun &run)
{
    const bool isNew = !m_active.contains(run.id);
    m_active.insert(run.id);
    if (isNew)
        Q_EMIT runStarted(run);
    requestStep(run.id);
}

void Scheduler::requestStep(qint64 runId)
{
    if (m_stepping.contains(runId)) {
        m_stepAgain.insert(runId);
        return;
    }
    step(runId);
}

void Scheduler::step(qint64 runId)
{
    if (m_stepping.contains(runId)) {
        m_stepAgain.insert(runId);
        return;
    }
    m_stepping.insert(runId);
    const QString workerId = m_options.workerId;
    const qint64 leaseMs = m_options.leaseMs;
    auto stepped = m_services.store->write([runId, workerId, leaseMs](SqlSession &session) {
        return RunRepository::stepRun(session, runId, workerId, leaseMs);
    });
    whenFinished(stepped, this, [this, runId](const Result<RunRepository::Step> &result) {
        onStepped(runId, result);
    });
}

void Scheduler::onStepped(qint64 runId, const Result<RunRepository::Step> &result)
{
    m_stepping.remove(runId);
    const bool again = m_stepAgain.remove(runId);
    if (!result) {
        if (result.error().code == u"schedule.unknown_run"
            || result.error().code == u"schedule.unknown_schedule") {
            // Removed with its schedule (by another process): nothing left to step.
            m_active.remove(runId);
            m_nextRelease.remove(runId);
        } else {
            Q_EMIT errorOccurred(result.error().code, result.error().message);
        }
        arm();
        return;
    }
    if (result->leaseLost) {
        // Another scheduler holds the schedule: the run is its to step.
        m_active.remove(runId);
        m_nextRelease.remove(runId);
        return;
    }
    if (!m_active.contains(runId) && result->run.state == RunState::Running) {
        m_active.insert(runId); // adopted
        Q_EMIT runStarted(result->run);
    }
    if (!result->queuedDeliveries.isEmpty())
        m_services.dispatcher->wake();
    if (result->jobsChanged > 0)
        Q_EMIT runProgressed(result->run);
    if (result->run.state != RunState::Running) {
        const bool wasActive = m_active.remove(runId);
        m_nextRelease.remove(runId);
        if (wasActive) {
            qCInfo(lcScheduler).noquote()
                    << u"schedule %1: run %2 %3 (%4 succeeded, %5 failed, %6 skipped)"_s
                               .arg(result->run.scheduleId)
                               .arg(runId)
                               .arg(nameOf(result->run.state))
                               .arg(result->run.succeededCount)
                               .arg(result->run.failedCount)
                               .arg(result->run.skippedCount);
            Q_EMIT runFinished(result->run);
            // The schedule is free again: its firings that waited are due now.
            wake();
        }
        return;
    }
    if (result->nextReleaseAtMs)
        m_nextRelease.insert(runId, *result->nextReleaseAtMs);
    else
        m_nextRelease.remove(runId);
    if (again
        || (result->nextReleaseAtMs && *result->nextReleaseAtMs <= m_services.clock->nowMs())) {
        requestStep(runId);
        return;
    }
    arm();
}

void Scheduler::arm()
{
    if (!m_running || m_checking)
        return;
    const qint64 now = m_services.clock->nowMs();
    qint64 at = now + m_options.pollMs;
    if (m_nextFiringMs)
        at = qMin(at, *m_nextFiringMs);
    for (qint64 release : std::as_const(m_nextRelease))
        at = qMin(at, release);
    if (!m_active.isEmpty())
        at = qMin(at, now + m_options.leaseMs / 3);
    m_timer.start(int(qBound(qint64(0), at - now, qint64(m_options.pollMs))));
}

} // namespace wb::core
