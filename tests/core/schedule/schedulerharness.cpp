// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulerharness.h"

#include "core/schedule/schedulerepository.h"
#include "support/futures.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

namespace {

template<typename T>
Result<T> await(const QFuture<Result<T>> &future)
{
    if (!waitForFinished(future, 30'000))
        return fail(u"test.timeout"_s, u"the store did not answer within 30 s"_s);
    return future.result();
}

} // namespace

SchedulerHarness::SchedulerHarness(qint64 startMs)
    : DispatchHarness(startMs)
    , m_peekConnection(u"peek-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SchedulerHarness::~SchedulerHarness()
{
    scheduler.reset();
    if (QSqlDatabase::contains(m_peekConnection)) {
        QSqlDatabase::database(m_peekConnection).close();
        QSqlDatabase::removeDatabase(m_peekConnection);
    }
}

bool SchedulerHarness::open(const ConcurrencyLimits &limits)
{
    if (!DispatchHarness::open())
        return false;
    DispatcherOptions options = testOptions();
    options.limits = limits;
    return startDispatcher(options);
}

bool SchedulerHarness::startScheduler(const QString &workerId)
{
    scheduler.reset();
    SchedulerOptions options;
    options.workerId = workerId.isEmpty() ? u"scheduler-%1"_s.arg(++schedulersStarted) : workerId;
    options.leaseMs = 60'000;
    auto created = Scheduler::create({store.get(), &clock, dispatcher.get()}, options);
    if (!created) {
        error = created.error().message;
        return false;
    }
    scheduler = std::move(*created);
    scheduler->start();
    return true;
}

Schedule SchedulerHarness::scheduleToSink(const QString &cron) const
{
    Schedule s;
    s.name = u"sync "_s + cron;
    s.cronExpression = cron;
    s.timeZoneId = u"UTC"_s;
    s.job.url = sink.url(u"/run"_s).toString()
                + u"?tenant={{tenant.id}}&connection={{connection.id}}"_s;
    s.job.headers = HttpHeaders{{"Content-Type", "application/json"}};
    s.job.body = R"({"tenant":"{{tenant.name}}","run":{{run.id}},"at":"{{run.scheduled_at}}"})"_ba;
    s.targetKind = ScheduleTargetKind::Tenants;
    s.providerId = u"generic"_s;
    s.concurrencyLimit = 10;
    return s;
}

Result<Schedule> SchedulerHarness::addSchedule(const Schedule &schedule)
{
    return await(store->write([schedule](SqlSession &session) {
        return ScheduleRepository::add(session, schedule);
    }));
}

Result<QList<ScheduleRun>> SchedulerHarness::runs(qint64 scheduleId)
{
    return await(store->read([scheduleId](SqlSession &session) {
        return ScheduleRepository::runs(session, scheduleId, 1000);
    }));
}

Result<QList<ScheduleRunJob>> SchedulerHarness::jobs(qint64 runId)
{
    return await(store->read(
            [runId](SqlSession &session) { return ScheduleRepository::jobs(session, runId); }));
}

Result<Schedule> SchedulerHarness::schedule(qint64 scheduleId)
{
    return await(store->read([scheduleId](SqlSession &session) {
        return ScheduleRepository::get(session, scheduleId);
    }));
}

QVariant SchedulerHarness::peek(const QString &sql)
{
    if (!QSqlDatabase::contains(m_peekConnection)) {
        QSqlDatabase db = openRawConnection(where.location(), m_peekConnection, nullptr);
        if (!db.isOpen())
            return {};
    }
    QSqlQuery query(QSqlDatabase::database(m_peekConnection));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

} // namespace wb::test
