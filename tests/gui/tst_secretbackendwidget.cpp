// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings dialog's secrets part: it shows the workspace's backend, its counts and where the
// master key comes from, and moves every secret to the other backend and back through the real
// keychain (the test session's gnome-keyring) and the sealed store; a missing, loose or wrong
// master key is shown and offers no migration; cancelling changes nothing.
#include "ui/settings/secretbackendwidget.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/masterkey.h"
#include "core/secrets/secretmigration.h"
#include "secretstestutil.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::ui::SecretBackendWidget;

class TestSecretBackendWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void movesEverySecretToSealedAndBack();
    void newMasterKeyGoesToTheKeychain();
    void unusableMasterKeyOffersNoMigration_data();
    void unusableMasterKeyOffersNoMigration();
    void cancelChangesNothing();

private:
    QByteArray valueOf(const SecretKey &key) const
    {
        return "gui-" + m_run + '-' + nameOf(key.kind).toLatin1() + '-'
               + QByteArray::number(key.connectionId);
    }
    void storeSecrets(const std::shared_ptr<const MasterKey> &key);
    // The value of every secret read through the workspace's current backend: how many match.
    int readableWith(const std::shared_ptr<const MasterKey> &key);
    int keychainCopies();
    static QString text(const SecretBackendWidget &widget, const char *name)
    {
        auto *label = widget.findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : u"(no label %1)"_s.arg(QString::fromLatin1(name));
    }
    static QPushButton *button(const SecretBackendWidget &widget, const char *name)
    {
        return widget.findChild<QPushButton *>(QString::fromLatin1(name));
    }

    QByteArray m_run;
    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    QString m_keyFile;
    std::shared_ptr<const MasterKey> m_key;
    QList<SecretKey> m_keys;
};

void TestSecretBackendWidget::init()
{
    m_run = QUuid::createUuid().toByteArray(QUuid::Id128).left(12);
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    QVERIFY(m_ws->open());
    m_keyFile = m_ws->dir.filePath(u"master.key"_s);
    QVERIFY(wb::test::writeKeyFile(m_keyFile, wb::test::randomKeyBytes()));
    m_key = *MasterKey::fromFile(m_keyFile);
    const QList<qint64> ids = wb::test::addConnections(*m_ws->store, 2);
    QCOMPARE(ids.size(), 2);
    m_keys = {{ids[0], SecretKind::OAuthClientSecret, SecretSlot::Primary},
              {ids[1], SecretKind::WebhookSigningSecret, SecretSlot::Primary}};
}

void TestSecretBackendWidget::cleanup()
{
    if (m_ws && m_ws->store) {
        KeychainSecretStore keychain(m_ws->store->workspaceInfo().workspaceId);
        for (const SecretKey &key : std::as_const(m_keys)) {
            QFuture<Result<void>> removed = keychain.remove(key);
            QVERIFY(wb::test::waitForFinished(removed));
        }
        QFuture<Result<void>> removedKey = keychain.removeMasterKey();
        QVERIFY(wb::test::waitForFinished(removedKey));
    }
    m_ws.reset();
}

void TestSecretBackendWidget::storeSecrets(const std::shared_ptr<const MasterKey> &key)
{
    Result<std::shared_ptr<SecretStore>> backend = createSecretStore(*m_ws->store, key);
    QVERIFY(backend);
    ConnectionSecrets secrets(*m_ws->store, **backend);
    for (const SecretKey &secret : std::as_const(m_keys)) {
        WB_AWAIT_OK(stored, secrets.put(secret, valueOf(secret)));
    }
}

int TestSecretBackendWidget::readableWith(const std::shared_ptr<const MasterKey> &key)
{
    Result<std::shared_ptr<SecretStore>> backend = createSecretStore(*m_ws->store, key);
    if (!backend)
        return -1;
    ConnectionSecrets secrets(*m_ws->store, **backend);
    int readable = 0;
    for (const SecretKey &secret : std::as_const(m_keys)) {
        QFuture<Result<QByteArray>> value = secrets.get(secret);
        if (!wb::test::waitForFinished(value))
            return -1;
        if (value.result() && *value.result() == valueOf(secret))
            ++readable;
    }
    return readable;
}

int TestSecretBackendWidget::keychainCopies()
{
    KeychainSecretStore keychain(m_ws->store->workspaceInfo().workspaceId);
    int copies = 0;
    for (const SecretKey &secret : std::as_const(m_keys)) {
        if (wb::test::secretToolLookup(keychain.keyName(secret)) == valueOf(secret))
            ++copies;
    }
    return copies;
}

void TestSecretBackendWidget::movesEverySecretToSealedAndBack()
{
    storeSecrets(nullptr);
    MasterKeySource source;
    source.keyFile = m_keyFile;
    SecretBackendWidget widget(*m_ws->store, source);
    QSignalSpy refreshed(&widget, &SecretBackendWidget::refreshed);
    QSignalSpy finished(&widget, &SecretBackendWidget::migrationFinished);
    QVERIFY(refreshed.wait());
    QCOMPARE(text(widget, "secretBackend"), u"The OS keychain (keychain)"_s);
    QCOMPARE(text(widget, "secretCounts"), u"2 in the keychain, 0 sealed"_s);
    QCOMPARE(text(widget, "masterKey"),
             u"From the key file %1, key id %2"_s.arg(m_keyFile, m_key->keyId()));
    QPushButton *migrate = button(widget, "migrateSecrets");
    QVERIFY(migrate);
    QVERIFY(migrate->isEnabled());
    QCOMPARE(migrate->text(), u"Move Secrets to the Sealed Store…"_s);

    migrate->click();
    QVERIFY(!migrate->isEnabled());
    QVERIFY2(text(widget, "migrationQuestion")
                     .startsWith(u"Move 2 secret(s) from the OS keychain into the workspace "
                                 u"database, encrypted with the master key? No secret"_s),
             qPrintable(text(widget, "migrationQuestion")));
    button(widget, "confirmMigration")->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.constLast(), QVariantList({true, u"sealed"_s}));
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"sealed"_s);
    QCOMPARE(text(widget, "secretMessage"), u"Moved 2 secret(s) to the sealed store."_s);
    QTRY_COMPARE(text(widget, "secretCounts"), u"0 in the keychain, 2 sealed"_s);
    QTRY_VERIFY(migrate->isEnabled());
    QCOMPARE(text(widget, "secretBackend"), u"Sealed in the workspace database (sealed)"_s);
    QCOMPARE(migrate->text(), u"Move Secrets to the Keychain…"_s);
    QCOMPARE(readableWith(m_key), 2);
    QCOMPARE(keychainCopies(), 0);

    migrate->click();
    QVERIFY(text(widget, "migrationQuestion")
                    .startsWith(u"Move 2 secret(s) out of the workspace database into the OS "
                                u"keychain?"_s));
    button(widget, "confirmMigration")->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.constLast(), QVariantList({true, u"keychain"_s}));
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"keychain"_s);
    QTRY_COMPARE(text(widget, "secretCounts"), u"2 in the keychain, 0 sealed"_s);
    QCOMPARE(readableWith(nullptr), 2);
    QCOMPARE(keychainCopies(), 2);
}

void TestSecretBackendWidget::newMasterKeyGoesToTheKeychain()
{
    storeSecrets(nullptr);
    MasterKeySource keychainOnly;
    keychainOnly.useEnvironment = false;
    SecretBackendWidget widget(*m_ws->store, keychainOnly);
    QSignalSpy refreshed(&widget, &SecretBackendWidget::refreshed);
    QSignalSpy finished(&widget, &SecretBackendWidget::migrationFinished);
    QVERIFY(refreshed.wait());
    QCOMPARE(text(widget, "masterKey"),
             u"None yet: moving to the sealed store creates one in the OS keychain."_s);
    button(widget, "migrateSecrets")->click();
    QVERIFY(text(widget, "migrationQuestion")
                    .contains(u"A new master key is created in the OS keychain first."_s));
    button(widget, "confirmMigration")->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.constLast(), QVariantList({true, u"sealed"_s}));

    // The key is now the workspace's keychain entry, and opens every secret.
    WB_AWAIT_OK(loaded, loadMasterKey(m_ws->store->workspaceInfo().workspaceId, keychainOnly));
    QCOMPARE(loaded->origin, MasterKeyOrigin::Keychain);
    QCOMPARE(readableWith(loaded->key), 2);
    QTRY_VERIFY(text(widget, "masterKey").endsWith(u", key id "_s + loaded->key->keyId()));
}

void TestSecretBackendWidget::unusableMasterKeyOffersNoMigration_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("shown");
    QTest::newRow("missing-key-file") << u"missing"_s << u"missing.key"_s;
    QTest::newRow("loose-permissions") << u"loose"_s << u"chmod 600"_s;
    QTest::newRow("another-key") << u"wrong"_s << u"not the workspace's key"_s;
}

void TestSecretBackendWidget::unusableMasterKeyOffersNoMigration()
{
    QFETCH(QString, problem);
    QFETCH(QString, shown);
    // A sealed workspace: its secrets sealed under m_key.
    {
        storeSecrets(nullptr);
        SecretMigration migration(*m_ws->store, m_key);
        WB_AWAIT_OK(moved, migration.migrateTo(u"sealed"_s));
        QCOMPARE(moved->moved, 2);
    }
    MasterKeySource source;
    source.useEnvironment = false;
    source.useKeychain = false;
    if (problem == u"missing") {
        source.keyFile = m_ws->dir.filePath(u"missing.key"_s);
    } else if (problem == u"loose") {
        source.keyFile = m_ws->dir.filePath(u"loose.key"_s);
        QVERIFY(wb::test::writeKeyFile(source.keyFile, wb::test::randomKeyBytes(), 0644));
    } else {
        source.keyFile = m_ws->dir.filePath(u"other.key"_s);
        QVERIFY(wb::test::writeKeyFile(source.keyFile, wb::test::randomKeyBytes()));
    }
    SecretBackendWidget widget(*m_ws->store, source);
    QSignalSpy refreshed(&widget, &SecretBackendWidget::refreshed);
    QVERIFY(refreshed.wait());
    QCOMPARE(text(widget, "secretCounts"), u"0 in the keychain, 2 sealed"_s);
    QVERIFY2(text(widget, "masterKey").contains(shown), qPrintable(text(widget, "masterKey")));
    QVERIFY(!button(widget, "migrateSecrets")->isEnabled());
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"sealed"_s);
    QCOMPARE(readableWith(m_key), 2);
}

void TestSecretBackendWidget::cancelChangesNothing()
{
    storeSecrets(nullptr);
    MasterKeySource source;
    source.keyFile = m_keyFile;
    SecretBackendWidget widget(*m_ws->store, source);
    QSignalSpy refreshed(&widget, &SecretBackendWidget::refreshed);
    QSignalSpy finished(&widget, &SecretBackendWidget::migrationFinished);
    QVERIFY(refreshed.wait());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QPushButton *migrate = button(widget, "migrateSecrets");
    migrate->click();
    QVERIFY(button(widget, "confirmMigration")->isVisible());
    button(widget, "cancelMigration")->click();
    QVERIFY(!button(widget, "confirmMigration")->isVisible());
    QVERIFY(migrate->isEnabled());
    QVERIFY(!widget.findChild<QProgressBar *>(u"migrationProgress"_s)->isVisible());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_ws->store->workspaceInfo().secretBackend, u"keychain"_s);
    QCOMPARE(keychainCopies(), 2);
}

QTEST_MAIN(TestSecretBackendWidget)
#include "tst_secretbackendwidget.moc"
