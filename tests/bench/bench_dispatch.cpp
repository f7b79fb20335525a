// SPDX-License-Identifier: GPL-3.0-or-later
// Deliveries per second through the dispatch engine (claim under a lease, send, decide, attempt log
// row and delivery update, each committed) to a local HTTP server that answers 204. The reference,
// raw requests per second from wrk against the same server, is measured in the same run by
// tests/bench/bench-dispatch.sh, which prints both for BENCHMARKS.md.
//
//   bench_dispatch --dir <folder> --url <http://127.0.0.1:port/hook> [--deliveries N]
//                  [--batch B] [--global G]
// Prints one line: "deliveries=N seconds=S per_second=R attempts_logged=A enqueue_seconds=E
// failed=F write_transactions=T" (T: commits while delivering, each an fsync).
#include "core/dispatch/dispatcher.h"
#include "core/store/store.h"
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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"dir"_s, u"folder for the workspace"_s, u"dir"_s},
                       {u"url"_s, u"the 204 server's URL"_s, u"url"_s},
                       {u"deliveries"_s, u"how many"_s, u"n"_s, u"5000"_s},
                       {u"batch"_s, u"deliveries claimed per poll"_s, u"b"_s, u"64"_s},
                       {u"global"_s, u"global concurrency limit"_s, u"g"_s, u"64"_s}});
    parser.process(app);
    if (!parser.isSet(u"dir"_s) || !parser.isSet(u"url"_s)) {
        std::fprintf(stderr, "usage: bench_dispatch --dir <folder> --url <url>\n");
        return 2;
    }
    const int count = parser.value(u"deliveries"_s).toInt();
    QDir().mkpath(parser.value(u"dir"_s));
    const QString path = QDir(parser.value(u"dir"_s)).filePath(u"bench-dispatch.sqlite"_s);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);

    SystemClock clock;
    SystemRandomSource random;
    QNetworkAccessManager network;
    Result<std::unique_ptr<Store>> store = openWorkspace(path, StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    DispatcherOptions options;
    options.workerId = u"bench"_s;
    options.batchSize = parser.value(u"batch"_s).toInt();
    options.limits.global = parser.value(u"global"_s).toInt();
    Result<std::unique_ptr<Dispatcher>> created
            = Dispatcher::create(DispatcherServices{store->get(), &clock, &random, &network},
                                 options);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 1;
    }
    Dispatcher &dispatcher = **created;

    // Enqueue everything first (group-committed), then time the delivering alone.
    int enqueued = 0;
    int finished = 0;
    int failed = 0;
    double enqueueSeconds = 0;
    qint64 transactionsBefore = 0;
    QElapsedTimer enqueueTimer;
    QElapsedTimer timer;
    QObject::connect(&dispatcher, &Dispatcher::deliveryFinished, &app,
                     [&](qint64, DeliveryState state, const QString &reason) {
                         if (state != DeliveryState::Succeeded && failed++ < 3)
                             std::fprintf(stderr, "not delivered: %s\n", qPrintable(reason));
                         if (++finished == count)
                             QCoreApplication::quit();
                     });
    enqueueTimer.start();
    for (int i = 0; i < count; ++i) {
        NewDelivery delivery;
        delivery.url = QUrl(parser.value(u"url"_s));
        delivery.headers = HttpHeaders{{"Content-Type", "application/json"}};
        delivery.body = R"({"type":"invoice.paid","data":{"id":"in_1","amount":4200}})"_ba;
        whenFinished(dispatcher.enqueue(delivery), &app, [&](const Result<Delivery> &d) {
            if (!d) {
                std::fprintf(stderr, "%s\n", qPrintable(d.error().message));
                QCoreApplication::exit(1);
                return;
            }
            if (++enqueued < count)
                return;
            enqueueSeconds = enqueueTimer.nsecsElapsed() / 1e9;
            transactionsBefore = (*store)->writerStatistics().transactions;
            timer.start();
            dispatcher.start();
        });
    }
    if (QCoreApplication::exec() != 0)
        return 1;
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 transactions = (*store)->writerStatistics().transactions - transactionsBefore;

    auto logged = (*store)->read([](SqlSession &session) -> Result<qint64> {
        Result<QSqlQuery> q = session.execOneRow(u"SELECT COUNT(*) FROM delivery_attempts"_s);
        if (!q)
            return fail(q.error());
        return q->value(0).toLongLong();
    });
    logged.waitForFinished(); // a benchmark's main(): nothing else runs on this loop
    const Result<qint64> attempts = logged.result();
    std::printf("deliveries=%d seconds=%.2f per_second=%.0f attempts_logged=%lld "
                "enqueue_seconds=%.2f failed=%d write_transactions=%lld\n",
                count, seconds, count / seconds, attempts ? *attempts : -1LL, enqueueSeconds,
                failed, transactions);
    return failed == 0 ? 0 : 1;
}
