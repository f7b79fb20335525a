// SPDX-License-Identifier: GPL-3.0-or-later
// The master key dialog on a sealed workspace whose key could not be used: a missing, loose,
// malformed or foreign key file is refused with an error naming the file (the dialog stays open
// and nothing is accepted), the workspace's own key file is accepted, and on request a copy of the
// key goes to the OS keychain (the test session's gnome-keyring), where loadMasterKey finds it.
#include "ui/settings/masterkeydialog.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/masterkey.h"
#include "core/secrets/masterkeycheck.h"
#include "core/secrets/masterkeysource.h"
#include "core/secrets/sealedsecretrepository.h"
#include "secretstestutil.h"
#include "storetestutil.h"
#include "support/futures.h"
#include "support/results.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::ui::MasterKeyDialog;

class TestMasterKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void refusesUnusableKeyFiles_data();
    void refusesUnusableKeyFiles();
    void acceptsTheWorkspaceKey();
    void keepsACopyInTheKeychain();

private:
    std::unique_ptr<wb::test::TempWorkspace> m_ws;
    QString m_keyFile;
    std::shared_ptr<const MasterKey> m_key;
    const Error m_problem{u"secrets.master_key_missing"_s,
                          u"No master key: no --master-key-file, WIREBENCH_MASTER_KEY_FILE is not "
                          "set, and the keychain has no entry."_s};
};

void TestMasterKeyDialog::init()
{
    m_ws = std::make_unique<wb::test::TempWorkspace>();
    QVERIFY(m_ws->open());
    m_keyFile = m_ws->dir.filePath(u"master.key"_s);
    QVERIFY(wb::test::writeKeyFile(m_keyFile, wb::test::randomKeyBytes()));
    m_key = *MasterKey::fromFile(m_keyFile);
    // The workspace's secrets are sealed under m_key: its id is recorded.
    const QString keyId = m_key->keyId();
    WB_AWAIT_OK(recorded, m_ws->store->write([keyId](SqlSession &session) {
        return SealedSecretRepository::recordKeyId(session, keyId);
    }));
}

void TestMasterKeyDialog::cleanup()
{
    if (m_ws && m_ws->store) {
        KeychainSecretStore keychain(m_ws->store->workspaceInfo().workspaceId);
        QFuture<Result<void>> removed = keychain.removeMasterKey();
        QVERIFY(wb::test::waitForFinished(removed));
    }
    m_ws.reset();
}

void TestMasterKeyDialog::refusesUnusableKeyFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents"); // empty: the file does not exist
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("shown");

    QTest::newRow("no-file-chosen")
            << QString() << QByteArray() << 0 << QStringList{u"Choose the workspace's key file."_s};
    QTest::newRow("missing-file") << u"missing.key"_s << QByteArray() << 0
                                  << QStringList{u"missing.key"_s};
    QTest::newRow("readable-by-others") << u"loose.key"_s << wb::test::randomKeyBytes() << 0644
                                        << QStringList{u"loose.key"_s, u"chmod 600"_s};
    QTest::newRow("not-a-key") << u"short.key"_s << "0123456789"_ba << 0600
                               << QStringList{u"short.key"_s};
    QTest::newRow("another-workspace-key")
            << u"other.key"_s << wb::test::randomKeyBytes() << 0600
            << QStringList{u"is not this workspace's master key"_s, u"other.key"_s};
}

void TestMasterKeyDialog::refusesUnusableKeyFiles()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    QFETCH(int, mode);
    QFETCH(QStringList, shown);

    const QString path = file.isEmpty() ? QString() : m_ws->dir.filePath(file);
    if (!contents.isEmpty())
        QVERIFY(wb::test::writeKeyFile(path, contents, mode));

    MasterKeyDialog dialog(*m_ws->store, m_problem);
    QSignalSpy accepted(&dialog, &MasterKeyDialog::keyFileAccepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QLabel *>(u"problem"_s)->text(), m_problem.message);
    dialog.setKeyFile(path);
    dialog.accept();
    QTRY_VERIFY(!dialog.errorText().isEmpty() && dialog.errorText() != u"Checking the key file…"_s);
    for (const QString &part : shown)
        QVERIFY2(dialog.errorText().contains(part), qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(dialog.keyFile(), QString());
    if (QByteArray(QTest::currentDataTag()) == "readable-by-others") {
        const QString screenshots = qEnvironmentVariable("WB_SCREENSHOT_DIR");
        QVERIFY(!screenshots.isEmpty());
        QVERIFY(QDir().mkpath(screenshots));
        QVERIFY(dialog.grab().save(QDir(screenshots).filePath(u"master-key-dialog.png"_s)));
    }
}

void TestMasterKeyDialog::acceptsTheWorkspaceKey()
{
    MasterKeyDialog dialog(*m_ws->store, m_problem);
    QSignalSpy accepted(&dialog, &MasterKeyDialog::keyFileAccepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // A refusal first, then the right file: the error goes, the dialog accepts.
    dialog.setKeyFile(m_ws->dir.filePath(u"nope.key"_s));
    dialog.accept();
    QTRY_VERIFY(dialog.errorText().contains(u"nope.key"_s));
    dialog.setKeyFile(m_keyFile);
    QCOMPARE(dialog.errorText(), QString());
    dialog.accept();
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(accepted.first().first().toString(), m_keyFile);
    QCOMPARE(dialog.keyFile(), m_keyFile);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());

    // Not asked to: nothing went to the keychain.
    MasterKeySource keychainOnly;
    keychainOnly.useEnvironment = false;
    WB_AWAIT(fromKeychain, loadMasterKey(m_ws->store->workspaceInfo().workspaceId, keychainOnly));
    QCOMPARE(wb::test::errorCode(fromKeychain), u"secrets.master_key_missing"_s);
}

void TestMasterKeyDialog::keepsACopyInTheKeychain()
{
    MasterKeyDialog dialog(*m_ws->store, m_problem);
    QSignalSpy accepted(&dialog, &MasterKeyDialog::keyFileAccepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setKeyFile(m_keyFile);
    dialog.findChild<QCheckBox *>(u"keepInKeychain"_s)->setChecked(true);
    dialog.accept();
    QTRY_COMPARE(accepted.count(), 1);

    MasterKeySource keychainOnly;
    keychainOnly.useEnvironment = false;
    WB_AWAIT_OK(fromKeychain, loadMasterKey(m_ws->store->workspaceInfo().workspaceId, keychainOnly));
    QCOMPARE(fromKeychain->origin, MasterKeyOrigin::Keychain);
    QCOMPARE(fromKeychain->key->keyId(), m_key->keyId());
}

QTEST_MAIN(TestMasterKeyDialog)
#include "tst_masterkeydialog.moc"
