// SPDX-License-Identifier: GPL-3.0-or-later
// The keychain backend against the real Secret Service (gnome-keyring, unlocked by
// tests/run-suite.sh): round trips, overwrite, delete, two webhook slots, workspaces kept apart,
// and a plain error when there is no keychain (in a child process with a dead D-Bus address).
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/results.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void overwriteReplacesTheValue();
    void twoWebhookSlotsAreIndependent();
    void deleteThenReadIsNotFound();
    void workspacesNeverCollide();
    void removedConnectionLeavesNothingInTheKeychain();
    void badKeysAndValuesAreRefusedBeforeTheKeychain_data();
    void badKeysAndValuesAreRefusedBeforeTheKeychain();
    void missingKeychainIsReportedPlainly_data();
    void missingKeychainIsReportedPlainly();

private:
    // What `secret-tool` (libsecret's own command-line client) finds under our key: proof that the
    // value is in the Secret Service itself.
    QByteArray secretToolLookup(const QString &keyName);

    QUuid m_workspace = QUuid::createUuid();
    std::unique_ptr<KeychainSecretStore> m_store;
};

void TestKeychainSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/run-suite.sh (a D-Bus session with an unlocked keyring)");
    m_store = std::make_unique<KeychainSecretStore>(m_workspace);
    QCOMPARE(KeychainSecretStore::unavailabilityReason(), QString());
}

QByteArray TestKeychainSecretStore::secretToolLookup(const QString &keyName)
{
    const QString tool = QStandardPaths::findExecutable(u"secret-tool"_s);
    if (tool.isEmpty())
        return "secret-tool missing (Debian package libsecret-tools)";
    QProcess process;
    process.start(tool, {u"lookup"_s, u"server"_s,
                         QString::fromLatin1(KeychainSecretStore::serviceName), u"user"_s, keyName});
    if (!process.waitForFinished(15'000))
        return "secret-tool timed out";
    // QtKeychain stores binary data base64-encoded (attribute type=base64).
    return QByteArray::fromBase64(process.readAllStandardOutput().trimmed());
}

void TestKeychainSecretStore::roundTrip_data()
{
    QTest::addColumn<SecretKey>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("oauth-client-secret")
            << SecretKey{11, SecretKind::OAuthClientSecret, SecretSlot::Primary}
            << QByteArray("cs_live_1f3a9b7e");
    QTest::newRow("access-token-long")
            << SecretKey{11, SecretKind::AccessToken, SecretSlot::Primary}
            << QByteArray("ghs_").append(QByteArray(2000, 'A'));
    QTest::newRow("refresh-token") << SecretKey{11, SecretKind::RefreshToken, SecretSlot::Primary}
                                   << QByteArray("1//0gRefresh-token.value");
    QTest::newRow("webhook-secret-binary-with-nul-bytes")
            << SecretKey{11, SecretKind::WebhookSigningSecret, SecretSlot::Primary}
            << QByteArray("\x00\x01\xfe\xff whsec", 10);
    QTest::newRow("webhook-secret-secondary-utf8")
            << SecretKey{11, SecretKind::WebhookSigningSecret, SecretSlot::Secondary}
            << QStringLiteral("It's a Secret to Everybody – ünïcödé").toUtf8();
}

void TestKeychainSecretStore::roundTrip()
{
    QFETCH(SecretKey, key);
    QFETCH(QByteArray, value);
    WB_AWAIT_OK(written, m_store->write(key, value));
    WB_AWAIT_OK(read, m_store->read(key));
    QCOMPARE(*read, value);
    QCOMPARE(secretToolLookup(m_store->keyName(key)), value);
}

void TestKeychainSecretStore::overwriteReplacesTheValue()
{
    const SecretKey key{12, SecretKind::AccessToken, SecretSlot::Primary};
    WB_AWAIT_OK(first, m_store->write(key, "first-token"));
    WB_AWAIT_OK(second, m_store->write(key, "second-token"));
    WB_AWAIT_OK(read, m_store->read(key));
    QCOMPARE(*read, QByteArray("second-token"));
    QCOMPARE(secretToolLookup(m_store->keyName(key)), QByteArray("second-token"));
}

void TestKeychainSecretStore::twoWebhookSlotsAreIndependent()
{
    const SecretKey primary{13, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    const SecretKey secondary{13, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    QVERIFY(m_store->keyName(primary) != m_store->keyName(secondary));
    WB_AWAIT_OK(p, m_store->write(primary, "old-signing-secret"));
    WB_AWAIT_OK(s, m_store->write(secondary, "new-signing-secret"));
    WB_AWAIT_OK(readPrimary, m_store->read(primary));
    WB_AWAIT_OK(readSecondary, m_store->read(secondary));
    QCOMPARE(*readPrimary, QByteArray("old-signing-secret"));
    QCOMPARE(*readSecondary, QByteArray("new-signing-secret"));
    WB_AWAIT_OK(removed, m_store->remove(secondary));
    WB_AWAIT(gone, m_store->read(secondary));
    QCOMPARE(errorCode(gone), u"secrets.not_found"_s);
    WB_AWAIT_OK(stillThere, m_store->read(primary));
    QCOMPARE(*stillThere, QByteArray("old-signing-secret"));
}

void TestKeychainSecretStore::deleteThenReadIsNotFound()
{
    const SecretKey key{14, SecretKind::RefreshToken, SecretSlot::Primary};
    WB_AWAIT_OK(written, m_store->write(key, "to-be-deleted"));
    WB_AWAIT_OK(removed, m_store->remove(key));
    WB_AWAIT(read, m_store->read(key));
    QCOMPARE(errorCode(read), u"secrets.not_found"_s);
    QVERIFY2(errorMessage(read).contains(
                     u"The keychain holds no refresh token (primary) of connection 14."_s),
             qPrintable(errorMessage(read)));
    QCOMPARE(secretToolLookup(m_store->keyName(key)), QByteArray());
    // Deleting what is not there is not an error.
    WB_AWAIT_OK(removedAgain, m_store->remove(key));
}

void TestKeychainSecretStore::workspacesNeverCollide()
{
    KeychainSecretStore other(QUuid::createUuid());
    const SecretKey key{15, SecretKind::AccessToken, SecretSlot::Primary};
    QVERIFY(other.keyName(key) != m_store->keyName(key));
    QVERIFY(m_store->keyName(key).contains(m_workspace.toString(QUuid::WithoutBraces)));
    WB_AWAIT_OK(mine, m_store->write(key, "token-of-workspace-A"));
    WB_AWAIT_OK(theirs, other.write(key, "token-of-workspace-B"));
    WB_AWAIT_OK(readMine, m_store->read(key));
    WB_AWAIT_OK(readTheirs, other.read(key));
    QCOMPARE(*readMine, QByteArray("token-of-workspace-A"));
    QCOMPARE(*readTheirs, QByteArray("token-of-workspace-B"));
}

void TestKeychainSecretStore::removedConnectionLeavesNothingInTheKeychain()
{
    QTemporaryDir dir;
    ManualClock clock(1'750'000'000'000);
    Result<std::unique_ptr<Store>> store = openWorkspace(dir.filePath(u"ws.sqlite"_s),
                                                         StoreServices{&clock});
    QVERIFY2(store, qPrintable(errorMessage(store)));
    KeychainSecretStore keychain((*store)->workspaceInfo().workspaceId);
    ConnectionSecrets secrets(**store, keychain);
    Tenant tenant;
    tenant.displayName = u"Leaving"_s;
    WB_AWAIT_OK(added, (*store)->addTenant(tenant));
    Connection connection;
    connection.tenantId = added->id;
    connection.providerId = u"slack"_s;
    WB_AWAIT_OK(connected, (*store)->addConnection(connection));
    const QList<SecretKey> keys = {{connected->id, SecretKind::AccessToken, SecretSlot::Primary},
                                   {connected->id, SecretKind::WebhookSigningSecret,
                                    SecretSlot::Primary},
                                   {connected->id, SecretKind::WebhookSigningSecret,
                                    SecretSlot::Secondary}};
    for (const SecretKey &key : keys) {
        WB_AWAIT_OK(stored, secrets.put(key, "value-of-a-connection-about-to-go"));
        QCOMPARE(secretToolLookup(keychain.keyName(key)),
                 QByteArray("value-of-a-connection-about-to-go"));
    }
    WB_AWAIT_OK(removed, (*store)->removeTenant(added->id));
    for (const SecretKey &key : keys)
        QTRY_COMPARE(secretToolLookup(keychain.keyName(key)), QByteArray());
}

void TestKeychainSecretStore::badKeysAndValuesAreRefusedBeforeTheKeychain_data()
{
    QTest::addColumn<SecretKey>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no-connection") << SecretKey{0, SecretKind::AccessToken, SecretSlot::Primary}
                                   << QByteArray("x") << u"secrets.invalid_key"_s << u"got 0"_s;
    QTest::newRow("secondary-refresh-token")
            << SecretKey{3, SecretKind::RefreshToken, SecretSlot::Secondary} << QByteArray("x")
            << u"secrets.invalid_key"_s << u"the refresh token has only a primary one"_s;
    QTest::newRow("empty-value") << SecretKey{3, SecretKind::AccessToken, SecretSlot::Primary}
                                 << QByteArray() << u"secrets.invalid_value"_s << u"is empty"_s;
    QTest::newRow("value-too-large") << SecretKey{3, SecretKind::AccessToken, SecretSlot::Primary}
                                     << QByteArray(SecretStore::maxValueSize + 1, 'x')
                                     << u"secrets.invalid_value"_s << u"65537 bytes"_s;
}

void TestKeychainSecretStore::badKeysAndValuesAreRefusedBeforeTheKeychain()
{
    QFETCH(SecretKey, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);
    QFuture<Result<void>> written = m_store->write(key, value);
    QVERIFY(written.isFinished()); // refused at once, no keychain job
    QCOMPARE(wb::test::errorCode(written.result()), errorCode);
    QVERIFY2(errorMessage(written.result()).contains(messagePart),
             qPrintable(errorMessage(written.result())));
    QCOMPARE(secretToolLookup(m_store->keyName(key)), QByteArray());
}

void TestKeychainSecretStore::missingKeychainIsReportedPlainly_data()
{
    QTest::addColumn<QByteArray>("busAddress");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("dead-session-bus-address")
            << QByteArray("unix:path=/nonexistent/wirebench-test-bus")
            << u"the D-Bus session bus at unix:path=/nonexistent/wirebench-test-bus cannot be "
               "reached"_s;
    QTest::newRow("no-session-bus-at-all") << QByteArray() << u"there is no D-Bus session bus"_s;
}

void TestKeychainSecretStore::missingKeychainIsReportedPlainly()
{
    QFETCH(QByteArray, busAddress);
    QFETCH(QString, reasonPart);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s); // no X11 autolaunch of a bus either
    if (busAddress.isEmpty())
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    else
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, QString::fromLatin1(busAddress));
    QProcess probe;
    probe.setProcessEnvironment(environment);
    probe.start(QCoreApplication::applicationDirPath() + u"/wb_keychain_probe"_s, {});
    QVERIFY2(probe.waitForFinished(60'000), "the probe did not finish");
    QCOMPARE(probe.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
    QVERIFY2(!report.isEmpty(), probe.readAllStandardError().constData());

    // The store went on working: the tenant and connection were written.
    QCOMPARE(report.value(u"storeWorks"_s).toBool(), true);
    QCOMPARE(report.value(u"code"_s).toString(), u"secrets.keychain_unavailable"_s);
    const QString message = report.value(u"message"_s).toString();
    QVERIFY2(message.startsWith(u"The system keychain is not available: "_s), qPrintable(message));
    QVERIFY2(message.contains(reasonPart), qPrintable(message));
    QVERIFY2(message.contains(u"The webhook signing secret (primary) of connection 1 could not be "
                              "stored."_s),
             qPrintable(message));
    // No reference was recorded for the value that could not be stored.
    QCOMPARE(report.value(u"referencesAfter"_s).toInt(), 0);
    QVERIFY2(!message.contains(u"probe-secret-value"_s), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
