// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a workspace at this build's schema version filled with the standard data set, and the
// JSON snapshot the upgrade test expects to find again. Run by tests/fixtures/store/make-fixture.sh.
#include "storetestutil.h"

#include "core/util/clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

// Each reading is one second after the previous, from 2023-11-14T22:13:20Z: distinct, fixed times.
class SteppingClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_next.fetchAndAddRelaxed(1000); }

private:
    mutable QAtomicInteger<qint64> m_next = 1'700'000'000'000;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: wb_store_fixture <new-workspace.sqlite> <expected.json>\n");
        return 2;
    }
    SteppingClock clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(args.at(1), StoreServices{&clock});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    if (Result<void> filled = wb::test::fillStandardData(**store); !filled) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(filled.error().code),
                     qPrintable(filled.error().message));
        return 1;
    }
    QFuture<Result<QJsonObject>> snapshot = wb::test::workspaceSnapshot(**store);
    snapshot.waitForFinished();
    if (!snapshot.result()) {
        std::fprintf(stderr, "%s\n", qPrintable(snapshot.result().error().message));
        return 1;
    }
    QJsonObject expected = *snapshot.result();
    expected.insert(u"schemaVersion"_s, (*store)->schemaVersion());
    QFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(2)));
        return 1;
    }
    out.write(QJsonDocument(expected).toJson(QJsonDocument::Indented));
    return 0;
}
