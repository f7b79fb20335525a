// SPDX-License-Identifier: GPL-3.0-or-later
// Removing an authorized connection from the GUI (the navigation's "Remove connection"): its
// tokens are revoked at a real authorization server (oidc-provider, npm) before it goes, the
// runtime stops refreshing it, and a revocation that fails is shown to the user with its reason
// while the connection is removed all the same.
#include "guiapplication.h"

#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"
#include "ui/navigation/navigationpanel.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/statusbarwidgets.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using namespace wb::core;
using namespace wb::test;

class TestConnectionRemoval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void removalRevokesAtTheProvider_data();
    void removalRevokesAtTheProvider();

private:
    QTemporaryDir m_settings;
    OidcPeer m_oidc;
};

void TestConnectionRemoval::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QApplication::setApplicationName(u"tst_connectionremoval"_s);
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestConnectionRemoval::removalRevokesAtTheProvider_data()
{
    QTest::addColumn<bool>("reachable");
    QTest::newRow("provider-revokes") << true;
    QTest::newRow("provider-unreachable-is-reported") << false;
}

void TestConnectionRemoval::removalRevokesAtTheProvider()
{
    QFETCH(bool, reachable);
    // An authorized connection with its client, set up before the GUI opens the workspace.
    OAuthWorkspace workspace;
    QVERIFY2(workspace.open(), qPrintable(workspace.failure()));
    const qint64 id = workspace.addTenantWithConnection(u"Initech"_s);
    QVERIFY(id > 0);
    OAuthClientConfig client = m_oidc.nativeClient();
    if (!reachable) {
        QTcpServer closed; // a port nobody listens on once it is closed again
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        client.revocationUrl = QUrl(
                u"http://127.0.0.1:%1/token/revocation"_s.arg(closed.serverPort()));
    }
    TokenSet granted;
    {
        StoreTokenStore tokens(workspace.store(), workspace.secrets());
        QString failure;
        const std::optional<TokenSet> result = grant(tokens, *SystemClock::instance(), id, client,
                                                     u"ivan"_s, &failure);
        QVERIFY2(result, qPrintable(failure));
        granted = *result;
        WB_AWAIT_OK(saved, saveOAuthClient(workspace.store(), id, clientJson(client)));
    }
    const QString path = workspace.path();
    workspace.close();

    gui::GuiApplication application;
    application.start(path);
    ui::MainWindow *window = application.mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *dispatcher = window->statusWidgets()->findChild<QLabel *>(u"dispatcherState"_s);
    QTRY_COMPARE(dispatcher->text(), u"Dispatcher running"_s);

    // The navigation's confirmed "Remove connection".
    Q_EMIT window->navigationPanel()->removeConnectionRequested(id);

    bool gone = false;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto read = application.store()->connection(id);
                if (!waitForFinished(read))
                    return false;
                gone = !read.result()
                       && read.result().error().code == u"store.unknown_connection"_s;
                return gone;
            }(),
            30'000);

    const EndpointReply refresh = m_oidc.post(m_oidc.endpoint("token_endpoint"),
                                              {{u"grant_type"_s, u"refresh_token"_s},
                                               {u"refresh_token"_s, granted.refreshToken},
                                               {u"client_id"_s, u"wirebench-native"_s}});
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(QDir().mkpath(dir));
    if (reachable) {
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(
                u"its tokens were revoked at the provider"_s));
        QCOMPARE(refresh.httpStatus, 400);
        QVERIFY2(refresh.body.contains("invalid_grant"), refresh.body.constData());
        QVERIFY(window->findChildren<QMessageBox *>().isEmpty());
        return;
    }
    // The user is told, with the reason; the provider still honours the grant.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>()) != nullptr && box->isVisible());
    QVERIFY2(box->text().contains(u"tokens were not revoked"_s), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(u"Cannot reach the revocation endpoint"_s),
             qPrintable(box->informativeText()));
    QVERIFY2(!box->informativeText().contains(granted.refreshToken),
             qPrintable(box->informativeText()));
    QCOMPARE(refresh.httpStatus, 200);
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QVERIFY(window->grab().save(QDir(dir).filePath(u"connection-removed-not-revoked.png"_s)));
    QVERIFY(box->grab().save(QDir(dir).filePath(u"connection-removed-not-revoked-box.png"_s)));
    box->close();
}

QTEST_MAIN(TestConnectionRemoval)
#include "tst_connectionremoval.moc"
