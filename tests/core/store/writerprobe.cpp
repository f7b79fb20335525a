// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_store_durability: writes tenants through the group-commit writer as fast as
// it can and prints "acked <name>" for each one whose future reported success, until it is killed.
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

void submitBatch(Store &store, int first, int count)
{
    for (int i = first; i < first + count; ++i) {
        Tenant tenant;
        tenant.displayName = u"acked-%1"_s.arg(i);
        store.addTenant(tenant).then(&store, [&store, i, first, count](const Result<Tenant> &added) {
            if (!added) {
                std::fprintf(stderr, "%s\n", qPrintable(added.error().message));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("acked acked-%d\n", i);
            std::fflush(stdout);
            if (i == first + count - 1)
                submitBatch(store, first + count, count);
        });
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2)
        return 2;
    SystemClock clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(app.arguments().at(1),
                                                         StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    submitBatch(**store, 0, 50);
    return QCoreApplication::exec();
}
