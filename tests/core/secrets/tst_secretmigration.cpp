// SPDX-License-Identifier: GPL-3.0-or-later
// Moving every secret between the keychain (the real gnome-keyring of the test session) and the
// sealed store, both ways; interrupted by kill -9 at each stage and then finished by a re-run, with
// every secret readable at every point; a value that cannot be read stops the migration before
// anything changed.
#include "secretstestutil.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/sealedsecretstore.h"
#include "core/secrets/secretmigration.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestSecretMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void movesEverySecretBothWays();
    void interruptedMigrationIsFinishedByARerun_data();
    void interruptedMigrationIsFinishedByARerun();
    void unreadableValueStopsBeforeAnythingChanged_data();
    void unreadableValueStopsBeforeAnythingChanged();

private:
    // Five secrets on two connections, stored through ConnectionSecrets in the workspace's backend.
    void storeSecrets();
    // Reads every secret through the backend the workspace records now; the count that match.
    int readableNow();
    QByteArray valueOf(const SecretKey &key) const
    {
        return "migrating-" + m_run + '-' + nameOf(key.kind).toLatin1() + '-'
               + nameOf(key.slot).toLatin1() + '-' + QByteArray::number(key.connectionId);
    }
    int keychainCopies();
    Result<SecretMigrationReport> migrate(const QString &target);

    QByteArray m_run;
    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    QString m_keyFile;
    std::shared_ptr<const MasterKey> m_key;
    QList<SecretKey> m_keys;
};

void TestSecretMigration::init()
{
    m_run = QUuid::createUuid().toByteArray(QUuid::Id128).left(12);
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    QVERIFY(m_ws->open());
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"keychain"_s);
    m_keyFile = m_ws->dir.filePath(u"master.key"_s);
    QVERIFY(wb::test::writeKeyFile(m_keyFile, wb::test::randomKeyBytes()));
    m_key = *MasterKey::fromFile(m_keyFile);
    const QList<qint64> ids = wb::test::addConnections(*m_ws->store, 2);
    QCOMPARE(ids.size(), 2);
    m_keys = {{ids[0], SecretKind::OAuthClientSecret, SecretSlot::Primary},
              {ids[0], SecretKind::AccessToken, SecretSlot::Primary},
              {ids[0], SecretKind::RefreshToken, SecretSlot::Primary},
              {ids[1], SecretKind::WebhookSigningSecret, SecretSlot::Primary},
              {ids[1], SecretKind::WebhookSigningSecret, SecretSlot::Secondary}};
    storeSecrets();
}

void TestSecretMigration::cleanup()
{
    // Leave no entries behind in the session's keyring.
    if (m_ws && m_ws->store) {
        KeychainSecretStore keychain(m_ws->store->workspaceInfo().workspaceId);
        for (const SecretKey &key : std::as_const(m_keys)) {
            QFuture<Result<void>> removed = keychain.remove(key);
            QVERIFY(wb::test::waitForFinished(removed));
        }
    }
    m_ws.reset();
}

void TestSecretMigration::storeSecrets()
{
    Result<std::shared_ptr<SecretStore>> backend = createSecretStore(*m_ws->store, m_key);
    QVERIFY(backend);
    ConnectionSecrets secrets(*m_ws->store, **backend);
    for (const SecretKey &key : std::as_const(m_keys)) {
        WB_AWAIT_OK(stored, secrets.put(key, valueOf(key)));
    }
}

int TestSecretMigration::readableNow()
{
    Result<std::shared_ptr<SecretStore>> backend = createSecretStore(*m_ws->store, m_key);
    if (!backend)
        return -1;
    ConnectionSecrets secrets(*m_ws->store, **backend);
    int readable = 0;
    for (const SecretKey &key : std::as_const(m_keys)) {
        QFuture<Result<QByteArray>> value = secrets.get(key);
        if (!wb::test::waitForFinished(value))
            return -1;
        if (value.result() && *value.result() == valueOf(key))
            ++readable;
        else
            qWarning("%s: %s", qPrintable(describe(key)),
                     qPrintable(value.result() ? u"another value"_s
                                               : value.result().error().message));
    }
    return readable;
}

int TestSecretMigration::keychainCopies()
{
    KeychainSecretStore keychain(m_ws->store->workspaceInfo().workspaceId);
    int copies = 0;
    for (const SecretKey &key : std::as_const(m_keys)) {
        if (wb::test::secretToolLookup(keychain.keyName(key)) == valueOf(key))
            ++copies;
    }
    return copies;
}

Result<SecretMigrationReport> TestSecretMigration::migrate(const QString &target)
{
    SecretMigration migration(*m_ws->store, m_key);
    QFuture<Result<SecretMigrationReport>> done = migration.migrateTo(target);
    if (!wb::test::waitForFinished(done, 60'000))
        return fail(u"test.timeout"_s, u"the migration did not finish"_s);
    return done.result();
}

void TestSecretMigration::movesEverySecretBothWays()
{
    QCOMPARE(keychainCopies(), 5);
    QSignalSpy switched(m_ws->store.get(), &Store::workspaceInfoChanged);

    SecretMigration toSealed(*m_ws->store, m_key);
    QList<QString> stages;
    toSealed.setProgressCallback([&stages](const SecretMigrationProgress &progress) {
        stages << u"%1 %2/%3"_s.arg(nameOf(progress.stage)).arg(progress.done).arg(progress.total);
    });
    WB_AWAIT_OK(sealed, toSealed.migrateTo(u"sealed"_s));
    QCOMPARE(sealed->from, u"keychain"_s);
    QCOMPARE(sealed->to, u"sealed"_s);
    QCOMPARE(sealed->moved, 5);
    QCOMPARE(sealed->cleanedUp, 5);
    QVERIFY(sealed->warnings.isEmpty());
    QCOMPARE(stages,
             (QList<QString>{u"reading 1/5"_s, u"reading 2/5"_s, u"reading 3/5"_s, u"reading 4/5"_s,
                             u"reading 5/5"_s, u"committed 5/5"_s, u"cleaning_up 1/5"_s,
                             u"cleaning_up 2/5"_s, u"cleaning_up 3/5"_s, u"cleaning_up 4/5"_s,
                             u"cleaning_up 5/5"_s}));
    QCOMPARE(switched.size(), 1);
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"sealed"_s);
    QCOMPARE(keychainCopies(), 0);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_secrets"_s)->toInt(),
             5);
    QCOMPARE(wb::test::rawScalar(m_ws->path(),
                                 u"SELECT COUNT(*) FROM secret_references WHERE backend = "
                                 "'sealed'"_s)
                     ->toInt(),
             5);
    QCOMPARE(readableNow(), 5);
    const QByteArray files = wb::test::workspaceBytes(m_ws->path());
    for (const SecretKey &key : std::as_const(m_keys))
        QVERIFY2(!files.contains(valueOf(key)), qPrintable(describe(key)));

    Result<SecretMigrationReport> back = migrate(u"keychain"_s);
    QVERIFY2(back, qPrintable(errorMessage(back)));
    QCOMPARE(back->moved, 5);
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"keychain"_s);
    QCOMPARE(switched.size(), 2);
    QCOMPARE(keychainCopies(), 5);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_secrets"_s)->toInt(),
             0);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_master_key"_s)->toInt(),
             0);
    QCOMPARE(readableNow(), 5);

    // Migrating to where it already is moves nothing and is not an error.
    Result<SecretMigrationReport> again = migrate(u"keychain"_s);
    QVERIFY(again);
    QCOMPARE(again->moved, 0);
}

void TestSecretMigration::interruptedMigrationIsFinishedByARerun_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<int>("at");
    QTest::addColumn<QString>("backendAfterKill");
    QTest::newRow("to-sealed-killed-after-reading-one")
            << u"sealed"_s << u"reading"_s << 1 << u"keychain"_s;
    QTest::newRow("to-sealed-killed-after-reading-all")
            << u"sealed"_s << u"reading"_s << 5 << u"keychain"_s;
    QTest::newRow("to-sealed-killed-after-the-commit")
            << u"sealed"_s << u"committed"_s << 5 << u"sealed"_s;
    QTest::newRow("to-sealed-killed-while-cleaning-up")
            << u"sealed"_s << u"cleaning_up"_s << 2 << u"sealed"_s;
    QTest::newRow("to-keychain-killed-after-reading")
            << u"keychain"_s << u"reading"_s << 3 << u"sealed"_s;
    QTest::newRow("to-keychain-killed-after-writing-one")
            << u"keychain"_s << u"writing"_s << 1 << u"sealed"_s;
    QTest::newRow("to-keychain-killed-after-writing-all")
            << u"keychain"_s << u"writing"_s << 5 << u"sealed"_s;
    QTest::newRow("to-keychain-killed-after-the-commit")
            << u"keychain"_s << u"committed"_s << 5 << u"keychain"_s;
}

void TestSecretMigration::interruptedMigrationIsFinishedByARerun()
{
    QFETCH(QString, target);
    QFETCH(QString, stage);
    QFETCH(int, at);
    QFETCH(QString, backendAfterKill);
    if (target == u"keychain"_s) {
        Result<SecretMigrationReport> sealed = migrate(u"sealed"_s);
        QVERIFY2(sealed, qPrintable(errorMessage(sealed)));
    }
    m_ws->store.reset(); // the probe opens the workspace itself
    QProcess probe;
    probe.start(QCoreApplication::applicationDirPath() + u"/wb_secrets_probe"_s,
                {u"migrate"_s, m_ws->path(), m_keyFile, target, stage, QString::number(at)});
    QVERIFY(probe.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += probe.readAllStandardOutput()).contains("paused ")
                                     || probe.state() == QProcess::NotRunning,
                             60'000);
    QVERIFY2(output.trimmed() == u"paused %1 %2"_s.arg(stage).arg(at).toLatin1(),
             QByteArray(output + probe.readAllStandardError()).constData());
    probe.kill();
    QVERIFY(probe.waitForFinished(10'000));

    QVERIFY(m_ws->open());
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, backendAfterKill);
    QCOMPARE(readableNow(), 5); // nothing lost at any point

    Result<SecretMigrationReport> finished = migrate(target);
    QVERIFY2(finished, qPrintable(errorMessage(finished)));
    QVERIFY(finished->warnings.isEmpty());
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, target);
    QCOMPARE(readableNow(), 5);
    QCOMPARE(keychainCopies(), target == u"keychain"_s ? 5 : 0);
    QCOMPARE(wb::test::rawScalar(m_ws->path(), u"SELECT COUNT(*) FROM sealed_secrets"_s)->toInt(),
             target == u"sealed"_s ? 5 : 0);
}

void TestSecretMigration::unreadableValueStopsBeforeAnythingChanged_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("tampered-ciphertext") << u"tampered"_s << u"secrets.tampered"_s;
    QTest::newRow("wrong-master-key") << u"wrong-key"_s << u"secrets.wrong_master_key"_s;
}

void TestSecretMigration::unreadableValueStopsBeforeAnythingChanged()
{
    QFETCH(QString, problem);
    QFETCH(QString, errorCode);
    Result<SecretMigrationReport> sealed = migrate(u"sealed"_s);
    QVERIFY2(sealed, qPrintable(errorMessage(sealed)));
    if (problem == u"tampered"_s) {
        QVERIFY(wb::test::runRawSql(m_ws->path(),
                                    u"UPDATE sealed_secrets SET nonce = ? WHERE "
                                    "kind = 'refresh_token'"_s,
                                    {QByteArray(24, '\0')}));
    }
    const QString sealedState = u"SELECT s.nonce, r.backend FROM sealed_secrets s, "
                                "secret_references r ORDER BY s.id, r.id"_s;
    const Result<QList<QVariantList>> before = wb::test::rawRows(m_ws->path(), sealedState);
    QVERIFY(before);
    QVERIFY(!before->isEmpty());
    SecretMigration migration(*m_ws->store, problem == u"wrong-key"_s
                                                    ? MasterKey::generate(u"a stranger's key"_s)
                                                    : m_key);
    WB_AWAIT(moved, migration.migrateTo(u"keychain"_s));
    QCOMPARE(wb::test::errorCode(moved), errorCode);
    QVERIFY2(errorMessage(moved).endsWith(u"Nothing was moved."_s), qPrintable(errorMessage(moved)));
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"sealed"_s);
    QCOMPARE(wb::test::rawRows(m_ws->path(), sealedState).value_or(QList<QVariantList>()), *before);
    QCOMPARE(keychainCopies(), 0);
    QCOMPARE(readableNow(), problem == u"tampered"_s ? 4 : 5);
}

QTEST_GUILESS_MAIN(TestSecretMigration)
#include "tst_secretmigration.moc"
