// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_dispatchcrash and tst_dispatchscaleout: a dispatch worker on a real clock.
// It enqueues `count` deliveries to `url`, prints "queued <id> <idempotency key>" for each one
// whose enqueue committed, and delivers them and any others in the workspace (at most
// `concurrency` at a time, `timeout` ms attempt timeout (default 60 s), 1 s lease margin) until it
// is killed. It prints "started" once its dispatcher runs.
//   wb_dispatch_worker_probe <workspace> <url> <count> <concurrency> [<worker id> [<timeout>]]
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
    if (args.size() < 5 || args.size() > 7)
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
    options.workerId = args.size() > 5 ? args.at(5) : u"probe-worker"_s;
    options.attemptTimeoutMs = args.size() > 6 ? args.at(6).toInt() : 60'000;
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
    std::printf("started\n");
    std::fflush(stdout);
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
