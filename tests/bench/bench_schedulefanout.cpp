// SPDX-License-Identifier: GPL-3.0-or-later
// A scheduled run fanned out over N tenants (default 1,000), each job a delivery through the
// dispatch engine to a local HTTP server answering 204: the time from the firing to the run's
// end, and the run's peak of jobs in the dispatch queue (bounded by the schedule's concurrency
// limit). The reference, measured in the same process on the same disk, is the same N deliveries
// enqueued straight into the dispatcher (no schedule, no run rows, no job steps).
//
//   bench_schedulefanout --dir <folder> --url <http://127.0.0.1:port/hook> [--tenants N]
//                        [--concurrency C] [--window-ms W]
// Prints one line: "tenants=N run_seconds=S run_per_second=R peak_queued=P concurrency=C
// run_transactions=T direct_seconds=D direct_per_second=Q succeeded=K".
#include "core/dispatch/dispatcher.h"
#include "core/schedule/scheduler.h"
#include "core/schedule/schedulerepository.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "core/util/randomsource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSqlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

std::unique_ptr<Store> openFresh(const QString &path, const Clock &clock)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    auto store = openWorkspace(path, StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return {};
    }
    return std::move(*store);
}

std::unique_ptr<Dispatcher> makeDispatcher(Store &store, const Clock &clock, RandomSource &random,
                                           QNetworkAccessManager &network)
{
    DispatcherOptions options;
    options.workerId = u"bench"_s;
    auto created = Dispatcher::create(DispatcherServices{&store, &clock, &random, &network},
                                      options);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return {};
    }
    return std::move(*created);
}

template<typename T>
T wait(QFuture<T> future)
{
    future.waitForFinished(); // a benchmark's main(): nothing else runs on this loop yet
    return future.result();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"dir"_s, u"folder for the workspaces"_s, u"dir"_s},
                       {u"url"_s, u"the 204 server's URL"_s, u"url"_s},
                       {u"tenants"_s, u"how many"_s, u"n"_s, u"1000"_s},
                       {u"concurrency"_s, u"the schedule's concurrency limit"_s, u"c"_s, u"50"_s},
                       {u"window-ms"_s, u"the smoothing window"_s, u"ms"_s, u"0"_s}});
    parser.process(app);
    if (!parser.isSet(u"dir"_s) || !parser.isSet(u"url"_s)) {
        std::fprintf(stderr, "usage: bench_schedulefanout --dir <folder> --url <url>\n");
        return 2;
    }
    const int tenants = parser.value(u"tenants"_s).toInt();
    const int concurrency = parser.value(u"concurrency"_s).toInt();
    const QUrl url(parser.value(u"url"_s));
    QDir().mkpath(parser.value(u"dir"_s));
    const QDir dir(parser.value(u"dir"_s));
    SystemClock clock;
    SystemRandomSource random;

    // Reference: the same deliveries straight into the dispatcher.
    double directSeconds = 0;
    {
        QNetworkAccessManager network;
        auto store = openFresh(dir.filePath(u"bench-direct.sqlite"_s), clock);
        if (!store)
            return 1;
        auto dispatcher = makeDispatcher(*store, clock, random, network);
        if (!dispatcher)
            return 1;
        int finished = 0;
        QObject::connect(dispatcher.get(), &Dispatcher::deliveryFinished, &app, [&] {
            if (++finished == tenants)
                QCoreApplication::quit();
        });
        QElapsedTimer timer;
        timer.start();
        dispatcher->start();
        for (int i = 0; i < tenants; ++i) {
            NewDelivery delivery;
            delivery.url = url;
            delivery.headers = HttpHeaders{{"Content-Type", "application/json"}};
            delivery.body = QByteArray(R"({"tenant":")") + QByteArray::number(i + 1) + "\"}";
            dispatcher->enqueue(delivery);
        }
        if (QCoreApplication::exec() != 0)
            return 1;
        directSeconds = timer.nsecsElapsed() / 1e9;
    }

    // The scheduled run.
    QNetworkAccessManager network;
    auto store = openFresh(dir.filePath(u"bench-schedule.sqlite"_s), clock);
    if (!store)
        return 1;
    auto seeded = wait(store->write([tenants](SqlSession &session) -> Result<void> {
        for (int i = 1; i <= tenants; ++i) {
            Tenant tenant;
            tenant.displayName = u"Tenant %1"_s.arg(i);
            auto added = TenantRepository::add(session, tenant);
            if (!added)
                return fail(added.error());
            Connection connection;
            connection.tenantId = added->id;
            connection.providerId = u"generic"_s;
            connection.status = ConnectionStatus::Authorized;
            if (auto c = ConnectionRepository::add(session, connection); !c)
                return fail(c.error());
        }
        return {};
    }));
    Schedule schedule;
    schedule.name = u"bench"_s;
    schedule.cronExpression = u"0 0 1 1 *"_s; // fired by hand below
    schedule.timeZoneId = u"UTC"_s;
    schedule.job.url = url.toString() + u"?tenant={{tenant.id}}"_s;
    schedule.job.headers = HttpHeaders{{"Content-Type", "application/json"}};
    schedule.job.body = R"({"tenant":"{{tenant.id}}","run":{{run.id}}})"_ba;
    schedule.providerId = u"generic"_s;
    schedule.concurrencyLimit = concurrency;
    schedule.smoothingWindowMs = parser.value(u"window-ms"_s).toLongLong();
    auto added = wait(store->write([schedule](SqlSession &session) {
        return ScheduleRepository::add(session, schedule);
    }));
    if (!seeded || !added) {
        std::fprintf(stderr, "seeding failed\n");
        return 1;
    }
    auto dispatcher = makeDispatcher(*store, clock, random, network);
    if (!dispatcher)
        return 1;
    auto scheduler = Scheduler::create({store.get(), &clock, dispatcher.get()}, {});
    if (!scheduler)
        return 1;

    // The run's deliveries not yet final, sampled after every attempt.
    QSqlDatabase peek = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
    peek.setDatabaseName(dir.filePath(u"bench-schedule.sqlite"_s));
    peek.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    peek.open();
    int peakQueued = 0;
    QObject::connect(dispatcher.get(), &Dispatcher::attemptRecorded, &app, [&] {
        QSqlQuery q(peek);
        if (q.exec(u"SELECT COUNT(*) FROM schedule_run_jobs WHERE state = 'queued'"_s) && q.next())
            peakQueued = qMax(peakQueued, q.value(0).toInt());
    });
    ScheduleRun finishedRun;
    QObject::connect(scheduler->get(), &Scheduler::runFinished, &app, [&](const ScheduleRun &run) {
        finishedRun = run;
        QCoreApplication::quit();
    });
    dispatcher->start();
    (*scheduler)->start();
    const qint64 transactionsBefore = store->writerStatistics().transactions;
    QElapsedTimer timer;
    timer.start();
    (*scheduler)->runNow(added->id);
    if (QCoreApplication::exec() != 0)
        return 1;
    const double runSeconds = timer.nsecsElapsed() / 1e9;
    const qint64 transactions = store->writerStatistics().transactions - transactionsBefore;
    std::printf("tenants=%d run_seconds=%.2f run_per_second=%.0f peak_queued=%d concurrency=%d "
                "run_transactions=%lld direct_seconds=%.2f direct_per_second=%.0f succeeded=%d\n",
                tenants, runSeconds, tenants / runSeconds, peakQueued, concurrency, transactions,
                directSeconds, tenants / directSeconds, finishedRun.succeededCount);
    return finishedRun.succeededCount == tenants ? 0 : 1;
}
