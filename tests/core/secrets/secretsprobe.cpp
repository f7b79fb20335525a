// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_keyrotation and tst_secretmigration: runs a key rotation or a secrets
// migration on a workspace and stops dead at a chosen point, printing "paused <where>", so the
// test can kill -9 it exactly there. It never finishes on its own once paused.
//   wb_secrets_probe rotate <workspace> <old key file> <new key file> <pause at: N | committed>
//   wb_secrets_probe migrate <workspace> <key file> <target> <stage> <N>
// (stage: reading, writing, committed, cleaning_up; see SecretMigrationProgress).
#include "core/secrets/masterkeyrotation.h"
#include "core/secrets/secretmigration.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCoreApplication>

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

[[noreturn]] void pauseHere(const QString &where)
{
    std::printf("paused %s\n", qPrintable(where));
    std::fflush(stdout);
    for (;;)
        ::pause(); // until SIGKILL
}

std::shared_ptr<const MasterKey> keyFrom(const QString &path)
{
    Result<std::shared_ptr<const MasterKey>> key = MasterKey::fromFile(path);
    if (!key) {
        std::fprintf(stderr, "%s\n", qPrintable(key.error().message));
        std::exit(2);
    }
    return *key;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 5)
        return 2;
    SystemClock clock;
    Result<std::unique_ptr<Store>> opened = openWorkspace(args.at(1), StoreServices{&clock});
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = **opened;

    if (args.at(0) == u"rotate") {
        const QString pauseAt = args.at(4);
        rotateMasterKey(store, keyFrom(args.at(2)), keyFrom(args.at(3)), [pauseAt](int done, int) {
            if (pauseAt == QString::number(done))
                pauseHere(pauseAt); // inside the transaction, on the writer thread
        }).then(&app, [pauseAt](const Result<KeyRotationReport> &rotated) {
            if (!rotated) {
                std::fprintf(stderr, "%s\n", qPrintable(rotated.error().message));
                QCoreApplication::exit(1);
                return;
            }
            if (pauseAt == u"committed")
                pauseHere(pauseAt);
            QCoreApplication::exit(0);
        });
        return QCoreApplication::exec();
    }

    if (args.at(0) == u"migrate" && args.size() == 6) {
        SecretMigration migration(store, keyFrom(args.at(2)));
        const QString stage = args.at(4);
        const int at = args.at(5).toInt();
        migration.setProgressCallback([stage, at](const SecretMigrationProgress &progress) {
            if (nameOf(progress.stage) == stage && progress.done == at)
                pauseHere(u"%1 %2"_s.arg(stage).arg(at));
        });
        migration.migrateTo(args.at(3)).then(&app, [](const Result<SecretMigrationReport> &done) {
            if (!done)
                std::fprintf(stderr, "%s\n", qPrintable(done.error().message));
            QCoreApplication::exit(done ? 0 : 1);
        });
        return QCoreApplication::exec();
    }
    return 2;
}
