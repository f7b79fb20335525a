// SPDX-License-Identifier: GPL-3.0-or-later
// Fills a workspace's queue for tests/bench/bench-scaleout.sh: `deliveries` pending deliveries to
// `url`, enqueued in write jobs of 500 through the dispatch repository (the path `deliver` and the
// schedules take), then exits. The workers that drain them are real `wirebench-cli serve`
// processes.
//   bench_scaleout_seed --workspace <path or postgresql:// URL> --url <url> [--deliveries N]
// Prints "enqueued=N seconds=S".
#include "core/dispatch/deliveryrepository.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"workspace"_s, u"workspace file or URL"_s, u"location"_s},
                       {u"url"_s, u"the 204 server's URL"_s, u"url"_s},
                       {u"deliveries"_s, u"how many"_s, u"n"_s, u"10000"_s}});
    parser.process(app);
    if (!parser.isSet(u"workspace"_s) || !parser.isSet(u"url"_s)) {
        std::fprintf(stderr, "usage: bench_scaleout_seed --workspace <location> --url <url>\n");
        return 2;
    }
    SystemClock clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(parser.value(u"workspace"_s),
                                                         StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    const int count = parser.value(u"deliveries"_s).toInt();
    NewDelivery delivery;
    delivery.url = QUrl(parser.value(u"url"_s));
    delivery.headers = HttpHeaders{{"Content-Type", "application/json"}};
    delivery.body = R"({"type":"invoice.paid","data":{"id":"in_1","amount":4200}})"_ba;
    QElapsedTimer timer;
    timer.start();
    for (int done = 0; done < count; done += 500) {
        const int batch = qMin(500, count - done);
        QFuture<Result<int>> added = (*store)->write([delivery,
                                                      batch](SqlSession &session) -> Result<int> {
            for (int i = 0; i < batch; ++i) {
                Result<Delivery> one = DeliveryRepository::add(
                        session, delivery, u"dlv_"_s + QUuid::createUuid().toString(QUuid::Id128));
                if (!one)
                    return fail(one.error());
            }
            return batch;
        });
        added.waitForFinished();
        if (!added.result()) {
            std::fprintf(stderr, "%s\n", qPrintable(added.result().error().message));
            return 1;
        }
    }
    std::printf("enqueued=%d seconds=%.2f\n", count, double(timer.elapsed()) / 1000.0);
    return 0;
}
