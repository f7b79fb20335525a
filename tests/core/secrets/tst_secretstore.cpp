// SPDX-License-Identifier: GPL-3.0-or-later
// The SecretStore contract, data-driven over both backends: the keychain against the real Secret
// Service (gnome-keyring, unlocked by tests/run-suite.sh) and the sealed store on a real workspace.
// Round trips, overwrite, delete, two webhook slots, workspaces kept apart, removal with the
// connection, bad keys and values; each checked in the backend's own storage too (secret-tool;
// the raw database row opened independently with libsodium). Keychain only: a plain error when
// there is no keychain (in a child process with a dead D-Bus address).
#include "secretstestutil.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/sealedsecretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::errorCode;
using wb::test::errorMessage;

namespace {

const QStringList backendNames = {u"keychain"_s, u"sealed"_s};

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void overwriteReplacesTheValue_data() { backendRows(); }
    void overwriteReplacesTheValue();
    void twoWebhookSlotsAreIndependent_data() { backendRows(); }
    void twoWebhookSlotsAreIndependent();
    void deleteThenReadIsNotFound_data();
    void deleteThenReadIsNotFound();
    void workspacesNeverCollide_data() { backendRows(); }
    void workspacesNeverCollide();
    void removedConnectionLeavesNothingBehind_data() { backendRows(); }
    void removedConnectionLeavesNothingBehind();
    void badKeysAndValuesAreRefused_data();
    void badKeysAndValuesAreRefused();
    void missingKeychainIsReportedPlainly_data();
    void missingKeychainIsReportedPlainly();

private:
    // A backend under test, on a workspace of its own (the sealed one needs connections 1-20).
    struct Backend
    {
        std::unique_ptr<wb::test::TempWorkspace> workspace;
        QByteArray rawKey; // sealed: the master key's bytes
        std::shared_ptr<SecretStore> store;
    };
    void backendRows();
    // Opens a workspace with `name`'s backend, 20 connections and (sealed) a new master key.
    Backend makeBackend(const QString &name);
    SecretStore &backend(const QString &name) { return *m_backends[name].store; }
    // What the backend's own storage holds for `key` (empty when nothing): the keychain through
    // secret-tool, the sealed row opened with libsodium directly.
    QByteArray stored(const QString &name, const SecretKey &key);
    QByteArray stored(const Backend &backend, const SecretKey &key);

    std::map<QString, Backend> m_backends;
};

void TestSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/run-suite.sh (a D-Bus session with an unlocked keyring)");
    QCOMPARE(KeychainSecretStore::unavailabilityReason(), QString());
    for (const QString &name : backendNames) {
        m_backends[name] = makeBackend(name);
        QVERIFY2(m_backends[name].store, qPrintable(name));
    }
}

void TestSecretStore::backendRows()
{
    QTest::addColumn<QString>("backendName");
    for (const QString &name : backendNames)
        QTest::newRow(qPrintable(name)) << name;
}

TestSecretStore::Backend TestSecretStore::makeBackend(const QString &name)
{
    Backend backend;
    backend.workspace = std::make_unique<wb::test::TempWorkspace>();
    StoreOptions options;
    options.secretBackendForNewWorkspace = name;
    if (Result<void> opened = backend.workspace->open(options); !opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return {};
    }
    Store &store = *backend.workspace->store;
    if (wb::test::addConnections(store, 20).size() != 20)
        return {};
    if (name == u"keychain"_s) {
        backend.store = std::make_shared<KeychainSecretStore>(store.workspaceInfo().workspaceId);
        return backend;
    }
    backend.rawKey = wb::test::randomKeyBytes();
    Result<std::shared_ptr<const MasterKey>> key = MasterKey::fromBytes(backend.rawKey,
                                                                        u"the test key"_s);
    if (!key)
        return {};
    backend.store = std::make_shared<SealedSecretStore>(store, *key);
    return backend;
}

QByteArray TestSecretStore::stored(const QString &name, const SecretKey &key)
{
    return stored(m_backends[name], key);
}

QByteArray TestSecretStore::stored(const Backend &backend, const SecretKey &key)
{
    if (!backend.rawKey.isEmpty()) {
        const Result<wb::test::RawSealedRow> row = wb::test::rawSealedRow(backend.workspace->path(),
                                                                          key);
        if (!row)
            return {};
        return wb::test::openIndependently(backend.rawKey,
                                           backend.workspace->store->workspaceInfo().workspaceId,
                                           key, *row)
                .value_or("<does not open>");
    }
    return wb::test::secretToolLookup(backend.store->keyName(key));
}

void TestSecretStore::roundTrip_data()
{
    QTest::addColumn<QString>("backendName");
    QTest::addColumn<SecretKey>("key");
    QTest::addColumn<QByteArray>("value");
    for (const QString &name : backendNames) {
        const auto row = [&](const char *what) {
            return &(QTest::addRow("%s/%s", qPrintable(name), what) << name);
        };
        *row("oauth-client-secret")
                << SecretKey{11, SecretKind::OAuthClientSecret, SecretSlot::Primary}
                << QByteArray("cs_live_1f3a9b7e");
        *row("access-token-long") << SecretKey{11, SecretKind::AccessToken, SecretSlot::Primary}
                                  << QByteArray("ghs_").append(QByteArray(2000, 'A'));
        *row("refresh-token") << SecretKey{11, SecretKind::RefreshToken, SecretSlot::Primary}
                              << QByteArray("1//0gRefresh-token.value");
        *row("webhook-secret-binary-with-nul-bytes")
                << SecretKey{11, SecretKind::WebhookSigningSecret, SecretSlot::Primary}
                << QByteArray("\x00\x01\xfe\xff whsec", 10);
        *row("webhook-secret-secondary-utf8")
                << SecretKey{11, SecretKind::WebhookSigningSecret, SecretSlot::Secondary}
                << QStringLiteral("It's a Secret to Everybody – ünïcödé").toUtf8();
        *row("largest-value") << SecretKey{12, SecretKind::AccessToken, SecretSlot::Primary}
                              << QByteArray(SecretStore::maxValueSize, 'z');
    }
}

void TestSecretStore::roundTrip()
{
    QFETCH(QString, backendName);
    QFETCH(SecretKey, key);
    QFETCH(QByteArray, value);
    WB_AWAIT_OK(written, backend(backendName).write(key, value));
    WB_AWAIT_OK(read, backend(backendName).read(key));
    QCOMPARE(*read, value);
    QCOMPARE(stored(backendName, key), value);
}

void TestSecretStore::overwriteReplacesTheValue()
{
    QFETCH(QString, backendName);
    const SecretKey key{12, SecretKind::RefreshToken, SecretSlot::Primary};
    WB_AWAIT_OK(first, backend(backendName).write(key, "first-token"));
    WB_AWAIT_OK(second, backend(backendName).write(key, "second-token"));
    WB_AWAIT_OK(read, backend(backendName).read(key));
    QCOMPARE(*read, QByteArray("second-token"));
    QCOMPARE(stored(backendName, key), QByteArray("second-token"));
}

void TestSecretStore::twoWebhookSlotsAreIndependent()
{
    QFETCH(QString, backendName);
    SecretStore &store = backend(backendName);
    const SecretKey primary{13, SecretKind::WebhookSigningSecret, SecretSlot::Primary};
    const SecretKey secondary{13, SecretKind::WebhookSigningSecret, SecretSlot::Secondary};
    QVERIFY(store.keyName(primary) != store.keyName(secondary));
    WB_AWAIT_OK(p, store.write(primary, "old-signing-secret"));
    WB_AWAIT_OK(s, store.write(secondary, "new-signing-secret"));
    WB_AWAIT_OK(readPrimary, store.read(primary));
    WB_AWAIT_OK(readSecondary, store.read(secondary));
    QCOMPARE(*readPrimary, QByteArray("old-signing-secret"));
    QCOMPARE(*readSecondary, QByteArray("new-signing-secret"));
    WB_AWAIT_OK(removed, store.remove(secondary));
    WB_AWAIT(gone, store.read(secondary));
    QCOMPARE(errorCode(gone), u"secrets.not_found"_s);
    QCOMPARE(stored(backendName, secondary), QByteArray());
    WB_AWAIT_OK(stillThere, store.read(primary));
    QCOMPARE(*stillThere, QByteArray("old-signing-secret"));
}

void TestSecretStore::deleteThenReadIsNotFound_data()
{
    QTest::addColumn<QString>("backendName");
    QTest::addColumn<QString>("message");
    QTest::newRow("keychain") << u"keychain"_s
                              << u"The keychain holds no refresh token (primary) of connection 14."_s;
    QTest::newRow("sealed")
            << u"sealed"_s
            << u"The workspace holds no sealed refresh token (primary) of connection 14."_s;
}

void TestSecretStore::deleteThenReadIsNotFound()
{
    QFETCH(QString, backendName);
    QFETCH(QString, message);
    SecretStore &store = backend(backendName);
    const SecretKey key{14, SecretKind::RefreshToken, SecretSlot::Primary};
    WB_AWAIT_OK(written, store.write(key, "to-be-deleted"));
    QCOMPARE(stored(backendName, key), QByteArray("to-be-deleted"));
    WB_AWAIT_OK(removed, store.remove(key));
    WB_AWAIT(read, store.read(key));
    QCOMPARE(errorCode(read), u"secrets.not_found"_s);
    QCOMPARE(errorMessage(read), message);
    QCOMPARE(stored(backendName, key), QByteArray());
    // Deleting what is not there is not an error.
    WB_AWAIT_OK(removedAgain, store.remove(key));
}

void TestSecretStore::workspacesNeverCollide()
{
    QFETCH(QString, backendName);
    SecretStore &mine = backend(backendName);
    Backend other = makeBackend(backendName);
    QVERIFY(other.store);
    const SecretKey key{15, SecretKind::AccessToken, SecretSlot::Primary};
    const QString workspaceId
            = m_backends[backendName].workspace->store->workspaceInfo().workspaceId.toString(
                    QUuid::WithoutBraces);
    QVERIFY(other.store->keyName(key) != mine.keyName(key));
    QCOMPARE(mine.keyName(key),
             u"workspace/%1/connection/15/access_token/primary"_s.arg(workspaceId));
    WB_AWAIT_OK(written, mine.write(key, "token-of-workspace-A"));
    WB_AWAIT_OK(theirs, other.store->write(key, "token-of-workspace-B"));
    WB_AWAIT_OK(readMine, mine.read(key));
    WB_AWAIT_OK(readTheirs, other.store->read(key));
    QCOMPARE(*readMine, QByteArray("token-of-workspace-A"));
    QCOMPARE(*readTheirs, QByteArray("token-of-workspace-B"));
    QCOMPARE(stored(other, key), QByteArray("token-of-workspace-B"));
}

void TestSecretStore::removedConnectionLeavesNothingBehind()
{
    QFETCH(QString, backendName);
    Backend own = makeBackend(backendName);
    QVERIFY(own.store);
    Store &store = *own.workspace->store;
    ConnectionSecrets secrets(store, *own.store);
    Tenant tenant;
    tenant.displayName = u"Leaving"_s;
    WB_AWAIT_OK(added, store.addTenant(tenant));
    Connection connection;
    connection.tenantId = added->id;
    connection.providerId = u"slack"_s;
    WB_AWAIT_OK(connected, store.addConnection(connection));
    const QList<SecretKey> keys = {{connected->id, SecretKind::AccessToken, SecretSlot::Primary},
                                   {connected->id, SecretKind::WebhookSigningSecret,
                                    SecretSlot::Primary},
                                   {connected->id, SecretKind::WebhookSigningSecret,
                                    SecretSlot::Secondary}};
    for (const SecretKey &key : keys) {
        WB_AWAIT_OK(put, secrets.put(key, "value-of-a-connection-about-to-go"));
        QCOMPARE(put->backend, backendName);
        QCOMPARE(stored(own, key), QByteArray("value-of-a-connection-about-to-go"));
    }
    WB_AWAIT_OK(removed, store.removeTenant(added->id));
    for (const SecretKey &key : keys)
        QTRY_COMPARE(stored(own, key), QByteArray());
}

void TestSecretStore::badKeysAndValuesAreRefused_data()
{
    QTest::addColumn<QString>("backendName");
    QTest::addColumn<SecretKey>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");
    for (const QString &name : backendNames) {
        const auto row = [&](const char *what) {
            return &(QTest::addRow("%s/%s", qPrintable(name), what) << name);
        };
        *row("no-connection") << SecretKey{0, SecretKind::AccessToken, SecretSlot::Primary}
                              << QByteArray("x") << u"secrets.invalid_key"_s << u"got 0"_s;
        *row("secondary-refresh-token")
                << SecretKey{3, SecretKind::RefreshToken, SecretSlot::Secondary} << QByteArray("x")
                << u"secrets.invalid_key"_s << u"the refresh token has only a primary one"_s;
        *row("empty-value") << SecretKey{3, SecretKind::AccessToken, SecretSlot::Primary}
                            << QByteArray() << u"secrets.invalid_value"_s << u"is empty"_s;
        *row("value-too-large") << SecretKey{3, SecretKind::AccessToken, SecretSlot::Primary}
                                << QByteArray(SecretStore::maxValueSize + 1, 'x')
                                << u"secrets.invalid_value"_s << u"65537 bytes"_s;
    }
    // The sealed store checks the connection too (the keychain has no notion of connections).
    QTest::newRow("sealed/unknown-connection")
            << u"sealed"_s << SecretKey{999, SecretKind::AccessToken, SecretSlot::Primary}
            << QByteArray("x") << u"store.unknown_connection"_s << u"999"_s;
}

void TestSecretStore::badKeysAndValuesAreRefused()
{
    QFETCH(QString, backendName);
    QFETCH(SecretKey, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);
    QFuture<Result<void>> written = backend(backendName).write(key, value);
    if (backendName == u"keychain"_s)
        QVERIFY(written.isFinished()); // refused at once, no keychain job
    QVERIFY(wb::test::waitForFinished(written));
    QCOMPARE(wb::test::errorCode(written.result()), errorCode);
    QVERIFY2(errorMessage(written.result()).contains(messagePart),
             qPrintable(errorMessage(written.result())));
    QCOMPARE(stored(backendName, key), QByteArray());
}

void TestSecretStore::missingKeychainIsReportedPlainly_data()
{
    QTest::addColumn<QByteArray>("busAddress");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("dead-session-bus-address")
            << QByteArray("unix:path=/nonexistent/wirebench-test-bus")
            << u"the D-Bus session bus at unix:path=/nonexistent/wirebench-test-bus cannot be "
               "reached"_s;
    QTest::newRow("no-session-bus-at-all") << QByteArray() << u"there is no D-Bus session bus"_s;
}

void TestSecretStore::missingKeychainIsReportedPlainly()
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

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
