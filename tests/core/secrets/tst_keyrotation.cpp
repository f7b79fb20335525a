// SPDX-License-Identifier: GPL-3.0-or-later
// Master key rotation: everything re-sealed under the new key in one transaction. A child process
// (wb_secrets_probe) is killed with SIGKILL inside the transaction (before the first secret, after
// one, halfway, after the last) and after the commit: every secret is then readable under exactly
// one key, the old one before the commit and the new one after, never a mix. Refusals change
// nothing.
#include "secretstestutil.h"

#include "core/secrets/masterkeyrotation.h"
#include "core/secrets/sealedsecretrepository.h"
#include "core/secrets/sealedsecretstore.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestKeyRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rotationReSealsEverything();
    void killedRotationLeavesOneKey_data();
    void killedRotationLeavesOneKey();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();

private:
    static constexpr int connectionCount = 40; // 3 secrets each
    // How many secrets open under `key` (each compared with its value), and the first error.
    int readableUnder(const std::shared_ptr<const MasterKey> &key, QString *firstError = nullptr);
    QByteArray valueOf(const SecretKey &key) const
    {
        return "rotation-" + nameOf(key.kind).toLatin1() + '-' + nameOf(key.slot).toLatin1() + '-'
               + QByteArray::number(key.connectionId) + '-' + QByteArray(300, 'v');
    }

    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    QString m_oldKeyFile;
    QString m_newKeyFile;
    std::shared_ptr<const MasterKey> m_old;
    std::shared_ptr<const MasterKey> m_new;
    QList<SecretKey> m_keys;
};

void TestKeyRotation::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    StoreOptions options;
    options.secretBackendForNewWorkspace = u"sealed"_s;
    QVERIFY(m_ws->open(options));
    m_oldKeyFile = m_ws->dir.filePath(u"old.key"_s);
    m_newKeyFile = m_ws->dir.filePath(u"new.key"_s);
    QVERIFY(wb::test::writeKeyFile(m_oldKeyFile, wb::test::randomKeyBytes().toHex()));
    QVERIFY(wb::test::writeKeyFile(m_newKeyFile, wb::test::randomKeyBytes().toHex()));
    m_old = *MasterKey::fromFile(m_oldKeyFile);
    m_new = *MasterKey::fromFile(m_newKeyFile);
    m_keys.clear();
    SealedSecretStore sealed(*m_ws->store, m_old);
    for (qint64 id : wb::test::addConnections(*m_ws->store, connectionCount)) {
        for (const SecretKey &key :
             {SecretKey{id, SecretKind::RefreshToken, SecretSlot::Primary},
              SecretKey{id, SecretKind::WebhookSigningSecret, SecretSlot::Primary},
              SecretKey{id, SecretKind::WebhookSigningSecret, SecretSlot::Secondary}}) {
            m_keys << key;
            sealed.write(key, valueOf(key)); // group-committed together
        }
    }
    WB_AWAIT_OK(last, sealed.write(m_keys.last(), valueOf(m_keys.last())));
    QCOMPARE(readableUnder(m_old), int(m_keys.size()));
}

void TestKeyRotation::cleanup()
{
    m_ws.reset();
}

int TestKeyRotation::readableUnder(const std::shared_ptr<const MasterKey> &key, QString *firstError)
{
    SealedSecretStore sealed(*m_ws->store, key);
    int readable = 0;
    for (const SecretKey &secret : std::as_const(m_keys)) {
        QFuture<Result<QByteArray>> value = sealed.read(secret);
        if (!wb::test::waitForFinished(value))
            return -1;
        if (value.result() && *value.result() == valueOf(secret))
            ++readable;
        else if (firstError && firstError->isEmpty())
            *firstError = value.result() ? u"another value"_s : value.result().error().code;
    }
    return readable;
}

void TestKeyRotation::rotationReSealsEverything()
{
    QList<int> progress;
    WB_AWAIT_OK(rotated, rotateMasterKey(*m_ws->store, m_old, m_new, [&progress](int done, int) {
                    progress << done; // writer thread; read after the future completed
                }));
    QCOMPARE(rotated->resealed, int(m_keys.size()));
    QCOMPARE(rotated->oldKeyId, m_old->keyId());
    QCOMPARE(rotated->newKeyId, m_new->keyId());
    QCOMPARE(progress.size(), m_keys.size() + 1);
    QCOMPARE(progress.first(), 0);
    QCOMPARE(progress.last(), int(m_keys.size()));
    QCOMPARE(readableUnder(m_new), int(m_keys.size()));
    QString error;
    QCOMPARE(readableUnder(m_old, &error), 0);
    QCOMPARE(error, u"secrets.wrong_master_key"_s);
    QCOMPARE(wb::test::rawScalar(m_ws->path(),
                                 u"SELECT key_id FROM sealed_master_key WHERE id = 1"_s)
                     ->toString(),
             m_new->keyId());
    // The old key can no longer write either.
    SealedSecretStore stale(*m_ws->store, m_old);
    WB_AWAIT(refused, stale.write(m_keys.first(), "stale"));
    QCOMPARE(errorCode(refused), u"secrets.wrong_master_key"_s);
}

void TestKeyRotation::killedRotationLeavesOneKey_data()
{
    QTest::addColumn<QString>("pauseAt");
    QTest::addColumn<bool>("newKeyExpected");
    QTest::newRow("killed-before-the-first-secret") << u"0"_s << false;
    QTest::newRow("killed-after-one-secret") << u"1"_s << false;
    QTest::newRow("killed-halfway") << u"60"_s << false;
    QTest::newRow("killed-after-the-last-secret-before-commit") << u"120"_s << false;
    QTest::newRow("killed-after-the-commit") << u"committed"_s << true;
}

void TestKeyRotation::killedRotationLeavesOneKey()
{
    QFETCH(QString, pauseAt);
    QFETCH(bool, newKeyExpected);
    QCOMPARE(m_keys.size(), 120);
    m_ws->store.reset(); // the probe opens the workspace itself
    QProcess probe;
    probe.start(QCoreApplication::applicationDirPath() + u"/wb_secrets_probe"_s,
                {u"rotate"_s, m_ws->path(), m_oldKeyFile, m_newKeyFile, pauseAt});
    QVERIFY(probe.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += probe.readAllStandardOutput()).contains("paused ")
                                     || probe.state() == QProcess::NotRunning,
                             60'000);
    QVERIFY2(output.trimmed() == "paused " + pauseAt.toLatin1(),
             QByteArray(output + probe.readAllStandardError()).constData());
    probe.kill(); // SIGKILL: no rollback, no checkpoint, no destructor
    QVERIFY(probe.waitForFinished(10'000));
    QCOMPARE(probe.exitStatus(), QProcess::CrashExit);

    QVERIFY(m_ws->open());
    const int underOld = readableUnder(m_old);
    const int underNew = readableUnder(m_new);
    QCOMPARE(underOld + underNew, int(m_keys.size())); // every secret opens under one key …
    QCOMPARE(underNew, newKeyExpected ? int(m_keys.size()) : 0); // … and all under the same one
    QCOMPARE(wb::test::rawScalar(m_ws->path(),
                                 u"SELECT key_id FROM sealed_master_key WHERE id = 1"_s)
                     ->toString(),
             newKeyExpected ? m_new->keyId() : m_old->keyId());
    // And rotating again (or for the first time) completes from here.
    if (!newKeyExpected) {
        WB_AWAIT_OK(rotated, rotateMasterKey(*m_ws->store, m_old, m_new));
        QCOMPARE(readableUnder(m_new), int(m_keys.size()));
    }
}

void TestKeyRotation::refusalsChangeNothing_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("same-key") << u"same-key"_s << u"secrets.same_master_key"_s
                              << u"is the key in use"_s;
    QTest::newRow("old-key-is-not-the-workspaces")
            << u"wrong-old-key"_s << u"secrets.wrong_master_key"_s << u"Nothing was written"_s;
    QTest::newRow("one-secret-tampered") << u"tampered"_s << u"secrets.tampered"_s
                                         << u"No secret was re-sealed; the old key stays in use."_s;
}

void TestKeyRotation::refusalsChangeNothing()
{
    QFETCH(QString, problem);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);
    std::shared_ptr<const MasterKey> oldKey = m_old;
    std::shared_ptr<const MasterKey> newKey = m_new;
    int expectedReadable = int(m_keys.size());
    if (problem == u"same-key")
        newKey = *MasterKey::fromFile(m_oldKeyFile);
    if (problem == u"wrong-old-key")
        oldKey = MasterKey::generate(u"a stranger's key"_s);
    if (problem == u"tampered") {
        const Result<QVariant> length
                = wb::test::rawScalar(m_ws->path(),
                                      u"SELECT length(ciphertext) FROM sealed_secrets "
                                      "WHERE id = (SELECT MAX(id) FROM sealed_secrets)"_s);
        QVERIFY(length && length->toInt() > 16);
        QVERIFY(wb::test::runRawSql(m_ws->path(),
                                    u"UPDATE sealed_secrets SET ciphertext = ? "
                                    "WHERE id = (SELECT MAX(id) FROM sealed_secrets)"_s,
                                    {QByteArray(length->toInt(), '\0')}));
        expectedReadable -= 1;
    }
    const QString nonces = u"SELECT nonce FROM sealed_secrets ORDER BY id"_s;
    const Result<QList<QVariantList>> before = wb::test::rawRows(m_ws->path(), nonces);
    QVERIFY(before);
    QCOMPARE(before->size(), m_keys.size());
    WB_AWAIT(rotated, rotateMasterKey(*m_ws->store, oldKey, newKey));
    QCOMPARE(wb::test::errorCode(rotated), errorCode);
    QVERIFY2(errorMessage(rotated).contains(messagePart), qPrintable(errorMessage(rotated)));
    QCOMPARE(wb::test::rawRows(m_ws->path(), nonces).value_or(QList<QVariantList>()), *before);
    QCOMPARE(readableUnder(m_old), expectedReadable);
}

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
