// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_dispatchcrash: a dispatch worker on a real clock. It enqueues `count`
// deliveries to `url`, prints "queued <id> <idempotency key>" for each one whose enqueue committed,
// and delivers them (at most `concurrency` at a time, 60 s attempt timeout, 1 s lease margin)
// until it is killed.
//   wb_dispatch_worker_probe <workspace> <url> <count> <concurrency>
#include "core/dispatch/dispatcher.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/futures.h"
#include "core/util/randomsource.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5)
        return 2;
    SystemClock clock;
    SystemRandomSource random;
    QNetworkAccessManager network;
    Result<std::unique_ptr<Store>> store = openWorkspace(args.at(1), StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    DispatcherOptions options;
    options.workerId = u"probe-worker"_s;
    options.attemptTimeoutMs = 60'000;
    options.leaseMarginMs = 1'000;
    options.limits.global = args.at(4).toInt();
    Result<std::unique_ptr<Dispatcher>> dispatcher
            = Dispatcher::create(DispatcherServices{store->get(), &clock, &random, &network},
                                 options);
    if (!dispatcher) {
        std::fprintf(stderr, "%s\n", qPrintable(dispatcher.error().message));
        return 1;
    }
    (*dispatcher)->start();
    const int count = args.at(3).toInt();
    for (int i = 0; i < count; ++i) {
        NewDelivery delivery;
        delivery.url = QUrl(args.at(2));
        delivery.headers = HttpHeaders{{"Content-Type", "application/json"}};
        delivery.body = u"{\"n\":%1}"_s.arg(i).toUtf8();
        whenFinished((*dispatcher)->enqueue(delivery), &app, [](const Result<Delivery> &queued) {
            if (!queued) {
                std::fprintf(stderr, "%s\n", qPrintable(queued.error().message));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("queued %lld %s\n", queued->id, qPrintable(queued->idempotencyKey));
            std::fflush(stdout);
        });
    }
    return QCoreApplication::exec();
}
