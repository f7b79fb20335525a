// SPDX-License-Identifier: GPL-3.0-or-later
// No secret value reaches the database file, its -wal and -shm files, or the log, with either
// backend (keychain; sealed, where the database holds the ciphertexts): distinctive values go
// through every secret operation, then the raw bytes are searched (as is, base64, hex, UTF-16),
// next to a positive control that must be found.
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/secretscan.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorMessage;

namespace {

QMutex logMutex;
QByteArray capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog += qFormatLogMessage(type, context, message).toUtf8() + '\n';
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestNoSecretLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void secretsStayOutOfTheDatabaseAndTheLog_data();
    void secretsStayOutOfTheDatabaseAndTheLog();

private:
    // Fails the test if any encoding of any secret is in `bytes`.
    void expectNoSecretIn(const QByteArray &bytes, const QString &where);

    QList<QByteArray> m_secrets;
};

void TestNoSecretLeak::initTestCase()
{
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);
    previousHandler = qInstallMessageHandler(captureMessage);
}

void TestNoSecretLeak::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestNoSecretLeak::expectNoSecretIn(const QByteArray &bytes, const QString &where)
{
    if (const auto found = wb::test::findSecret(bytes, m_secrets)) {
        QFAIL(qPrintable(u"a secret (%1…) is in %2"_s.arg(QString::fromLatin1(found->form.left(12)),
                                                          where)));
    }
}

void TestNoSecretLeak::secretsStayOutOfTheDatabaseAndTheLog_data()
{
    QTest::addColumn<QString>("backendName");
    QTest::newRow("keychain") << u"keychain"_s;
    QTest::newRow("sealed") << u"sealed"_s;
}

void TestNoSecretLeak::secretsStayOutOfTheDatabaseAndTheLog()
{
    QFETCH(QString, backendName);
    m_secrets.clear();
    const QByteArray run = QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray marker = "wb-visible-marker-" + run;

    QTemporaryDir dir;
    const QString path = dir.filePath(u"leak.sqlite"_s);
    ManualClock clock(1'750'000'000'000);
    StoreOptions options;
    options.secretBackendForNewWorkspace = backendName;
    Result<std::unique_ptr<Store>> opened = openWorkspace(path, StoreServices{&clock}, options);
    QVERIFY2(opened, qPrintable(errorMessage(opened)));
    std::unique_ptr<Store> store = std::move(*opened);
    const std::shared_ptr<const MasterKey> masterKey = MasterKey::generate(u"a test key"_s);
    m_secrets << masterKey->rawKey().toByteArray(); // the key must not leak either
    Result<std::shared_ptr<SecretStore>> backend = createSecretStore(*store, masterKey);
    QVERIFY2(backend, qPrintable(errorMessage(backend)));
    ConnectionSecrets secrets(*store, **backend);

    Tenant tenant;
    tenant.displayName = u"Leak check"_s;
    tenant.notes = QString::fromLatin1(marker); // not a secret: must be found in the files
    WB_AWAIT_OK(addedTenant, store->addTenant(tenant));
    Connection connection;
    connection.tenantId = addedTenant->id;
    connection.providerId = u"stripe"_s;
    WB_AWAIT_OK(addedConnection, store->addConnection(connection));
    const qint64 id = addedConnection->id;

    const QList<SecretKey> keys = {
            {id, SecretKind::OAuthClientSecret, SecretSlot::Primary},
            {id, SecretKind::AccessToken, SecretSlot::Primary},
            {id, SecretKind::RefreshToken, SecretSlot::Primary},
            {id, SecretKind::WebhookSigningSecret, SecretSlot::Primary},
            {id, SecretKind::WebhookSigningSecret, SecretSlot::Secondary},
    };
    for (const SecretKey &key : keys) {
        const QByteArray value = "wbSECRET-" + nameOf(key.kind).toLatin1() + '-'
                                 + nameOf(key.slot).toLatin1() + '-' + run;
        m_secrets << value;
        WB_AWAIT_OK(stored, secrets.put(key, value));
        QCOMPARE(stored->backend, backendName);
        QVERIFY(!stored->keyName.contains(QString::fromLatin1(value)));
    }
    // Every value really went somewhere and comes back.
    for (qsizetype i = 0; i < keys.size(); ++i) {
        WB_AWAIT_OK(value, secrets.get(keys.at(i)));
        QCOMPARE(*value, m_secrets.at(i + 1));
    }
    // Rotation, a replacement, a removal and a refused write go through the log paths too.
    WB_AWAIT_OK(promoted, secrets.promoteSecondaryWebhookSecret(id));
    WB_AWAIT_OK(newPrimary, secrets.get(keys.at(3)));
    QCOMPARE(*newPrimary, m_secrets.at(5));
    const QByteArray replacement = "wbSECRET-replacement-" + run;
    m_secrets << replacement;
    WB_AWAIT_OK(replaced, secrets.put(keys.at(1), replacement));
    WB_AWAIT_OK(removed, secrets.remove(keys.at(2)));
    WB_AWAIT(refused, secrets.put({id + 100, SecretKind::AccessToken, SecretSlot::Primary},
                                  m_secrets.at(1)));
    QCOMPARE(wb::test::errorCode(refused), u"store.unknown_connection"_s);
    expectNoSecretIn(errorMessage(refused).toUtf8(), u"an error message"_s);
    WB_AWAIT_OK(references, store->secretReferences(id));
    QCOMPARE(references->size(), 3); // client secret, access token, primary webhook secret

    // While the workspace is open, much of it is in the -wal file.
    QByteArray files;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        const QByteArray bytes = wb::test::fileBytes(path + suffix);
        expectNoSecretIn(bytes, u"leak.sqlite"_s + suffix);
        files += bytes;
    }
    QVERIFY2(files.contains(marker), "the positive control is not in the workspace files");
    if (backendName == u"sealed"_s) {
        // The ciphertexts are there (values sealed, not absent).
        QVERIFY(files.contains(masterKey->keyId().toLatin1()));
    }

    store.reset(); // checkpoints the WAL into the file
    const QByteArray closed = wb::test::fileBytes(path);
    expectNoSecretIn(closed, u"leak.sqlite after closing"_s);
    QVERIFY(closed.contains(marker));

    QMutexLocker lock(&logMutex);
    QVERIFY2(capturedLog.contains("opened workspace"), "the log capture caught nothing");
    expectNoSecretIn(capturedLog, u"the log"_s);
}

QTEST_GUILESS_MAIN(TestNoSecretLeak)
#include "tst_nosecretleak.moc"
