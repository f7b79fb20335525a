// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace runtime on a sealed workspace whose master key cannot be used: another
// workspace's key, a missing key file or loose permissions make start() fail once with an error
// that names the problem (nothing started, no dispatcher sending deliveries without credentials),
// and start() succeeds when called again with the workspace's own key file — the GUI's way after
// its master key dialog.
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/masterkey.h"
#include "core/secrets/masterkeycheck.h"
#include "core/secrets/secretmigration.h"
#include "core/secrets/secretstorefactory.h"
#include "core/util/randomsource.h"
#include "secretstestutil.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestRuntimeMasterKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unusableKeyFailsOnceThenTheRightKeyStarts();
};

void TestRuntimeMasterKey::unusableKeyFailsOnceThenTheRightKeyStarts()
{
    wb::test::TempWorkspace ws;
    QVERIFY(ws.open());
    const QString keyFile = ws.dir.filePath(u"master.key"_s);
    QVERIFY(wb::test::writeKeyFile(keyFile, wb::test::randomKeyBytes()));
    const auto key = *MasterKey::fromFile(keyFile);
    const QList<qint64> ids = wb::test::addConnections(*ws.store, 1);
    const SecretKey secret{ids.first(), SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    {
        // A secret in the keychain, moved to the sealed store under `key`.
        auto keychain = createSecretStore(*ws.store);
        QVERIFY(keychain);
        ConnectionSecrets secrets(*ws.store, **keychain);
        WB_AWAIT_OK(stored, secrets.put(secret, "runtime-master-key-secret"_ba));
        SecretMigration migration(*ws.store, key);
        WB_AWAIT_OK(moved, migration.migrateTo(u"sealed"_s));
        QCOMPARE(moved->moved, 1);
    }
    const QString otherFile = ws.dir.filePath(u"other.key"_s);
    QVERIFY(wb::test::writeKeyFile(otherFile, wb::test::randomKeyBytes()));
    const QString looseFile = ws.dir.filePath(u"loose.key"_s);
    QVERIFY(wb::test::writeKeyFile(looseFile, wb::test::randomKeyBytes(), 0640));

    const ProviderCatalog catalog = ProviderCatalog::load(QString());
    WorkspaceRuntime runtime(WorkspaceRuntimeServices{ws.store.get(), &catalog, &ws.clock,
                                                      SystemRandomSource::instance()});
    QSignalSpy started(&runtime, &WorkspaceRuntime::started);
    QList<Error> failed;
    connect(&runtime, &WorkspaceRuntime::startFailed, this,
            [&failed](const Error &error) { failed.append(error); });
    const auto startWith = [&runtime](const QString &file) {
        WorkspaceRuntimeOptions options;
        options.masterKey.keyFile = file;
        options.masterKey.useEnvironment = false;
        options.masterKey.useKeychain = false;
        options.monitorHealth = false;
        runtime.start(options);
    };

    struct Refusal
    {
        QString file;
        QString code;
        QString part;
    };
    const QList<Refusal> refusals{
            {otherFile, u"secrets.wrong_master_key"_s, key->keyId()},
            {ws.dir.filePath(u"missing.key"_s), u"secrets.master_key_unreadable"_s,
             u"missing.key"_s},
            {looseFile, u"secrets.master_key_permissions"_s, u"chmod 600"_s},
    };
    for (const Refusal &refusal : refusals) {
        const qsizetype before = failed.size();
        startWith(refusal.file);
        QTRY_COMPARE(failed.size(), before + 1);
        const Error error = failed.constLast();
        QCOMPARE(error.code, refusal.code);
        QVERIFY2(error.message.contains(refusal.part), qPrintable(error.message));
        QVERIFY(MasterKeyCheck::isKeyProblem(error));
        QVERIFY(!runtime.dispatcher());
        QVERIFY(!runtime.connectionSecrets());
        QCOMPARE(started.size(), 0);
    }

    startWith(keyFile);
    QTRY_COMPARE(started.size(), 1);
    QVERIFY(runtime.dispatcher());
    QVERIFY(runtime.connectionSecrets());
    WB_AWAIT_OK(value, runtime.connectionSecrets()->get(secret));
    QCOMPARE(*value, "runtime-master-key-secret"_ba);
    QSignalSpy stopped(&runtime, &WorkspaceRuntime::stopped);
    runtime.stop();
    QTRY_COMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(TestRuntimeMasterKey)
#include "tst_runtimemasterkey.moc"
