// SPDX-License-Identifier: GPL-3.0-or-later
// "Authorize in browser" end to end: the AuthorizationDialog follows a ConnectionAuthorizer against
// oidc-provider (npm) while Debian's Chromium, driven by playwright-core (oauth-browser.mjs), is
// the system browser that signs in and consents or refuses.
#include "core/oauth/browserlauncher.h"
#include "core/oauth/connectionauthorizer.h"
#include "core/store/store.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"
#include "ui/connections/authorizationdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;
using wb::ui::AuthorizationDialog;

class TestAuthorizationDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inTheBrowser_data();
    void inTheBrowser();
    void cancelClosesTheListener();

private:
    void screenshot(QWidget *widget, const QString &name);

    OidcPeer m_oidc;
    OAuthWorkspace m_workspace;
    QNetworkAccessManager m_network;
};

void TestAuthorizationDialog::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
    QVERIFY2(m_workspace.open(), qPrintable(m_workspace.failure()));
}

void TestAuthorizationDialog::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

void TestAuthorizationDialog::inTheBrowser_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QStringList>("outcomeParts");

    QTest::newRow("consent") << u"consent"_s << true
                             << QStringList{u"External account: tyrell-admin"_s,
                                            u"routes this account's events to the tenant"_s,
                                            u"Wirebench refreshes it ahead of time"_s};
    QTest::newRow("deny") << u"deny"_s << false
                          << QStringList{u"refused access"_s, u"access_denied"_s};
}

void TestAuthorizationDialog::inTheBrowser()
{
    QFETCH(QString, action);
    QFETCH(bool, succeeds);
    QFETCH(QStringList, outcomeParts);

    const qint64 connection = m_workspace.addTenantWithConnection(u"Tyrell (%1)"_s.arg(action));
    QVERIFY(connection > 0);
    ConnectionAuthorizer authorizer(m_workspace.authorizerServices(m_network));
    AuthorizationDialog dialog(&authorizer, u"OIDC test for Tyrell"_s);
    BrowserLauncher browser(QString(),
                            browserEnvironment(u"oauth-browser.mjs"_s,
                                               {{u"WB_BROWSER_LOGIN"_s, u"tyrell-admin"_s},
                                                {u"WB_BROWSER_ACTION"_s, action}}));
    QSignalSpy opened(&dialog, &AuthorizationDialog::openUrlRequested);
    connect(&dialog, &AuthorizationDialog::openUrlRequested, &browser,
            [&browser](const QUrl &url) { QVERIFY(browser.launch(url)); });
    QSignalSpy finished(&authorizer, &ConnectionAuthorizer::finished);
    dialog.show();
    AuthorizationRequest request;
    request.connectionId = connection;
    request.clientJson = clientJson(m_oidc.nativeClient());
    authorizer.start(request);

    // The address is shown and can be copied while the browser is out.
    QTRY_COMPARE(opened.count(), 1);
    auto *url = dialog.findChild<QLineEdit *>(u"authorizationUrl"_s);
    QVERIFY(url);
    QVERIFY2(url->text().startsWith(m_oidc.endpoint("authorization_endpoint").toString()),
             qPrintable(url->text()));
    QCOMPARE(opened.first().first().toUrl().toString(QUrl::FullyEncoded), url->text());
    dialog.findChild<QPushButton *>(u"copyUrl"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), url->text());

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90'000);
    QCOMPARE(dialog.succeeded(), succeeds);
    const QString outcome = dialog.outcomeText();
    for (const QString &part : std::as_const(outcomeParts))
        QVERIFY2(outcome.contains(part), qPrintable(outcome));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Close));
    QVERIFY(!buttons->button(QDialogButtonBox::Cancel));
    QVERIFY(!dialog.findChild<QPushButton *>(u"openAgain"_s)->isEnabled());
    screenshot(&dialog, u"authorization-%1.png"_s.arg(action));

    WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
    QCOMPARE(stored->status,
             succeeds ? ConnectionStatus::Authorized : ConnectionStatus::Unauthorized);
}

void TestAuthorizationDialog::cancelClosesTheListener()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Cyberdyne"_s);
    ConnectionAuthorizer authorizer(m_workspace.authorizerServices(m_network));
    AuthorizationDialog dialog(&authorizer, u"OIDC test for Cyberdyne"_s);
    QSignalSpy opened(&dialog, &AuthorizationDialog::openUrlRequested); // no browser this time
    QSignalSpy finished(&authorizer, &ConnectionAuthorizer::finished);
    dialog.show();
    AuthorizationRequest request;
    request.connectionId = connection;
    request.clientJson = clientJson(m_oidc.nativeClient());
    authorizer.start(request);
    QTRY_COMPARE(opened.count(), 1);
    screenshot(&dialog, u"authorization-waiting.png"_s);
    const QUrl redirect = authorizer.redirectUri();
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);

    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.first().first().value<Result<AuthorizationReport>>();
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"oauth.cancelled"_s);
    QVERIFY(!dialog.isVisible());
    // Nothing listens for the redirect any more.
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(redirect));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    reply->deleteLater();
}

QTEST_MAIN(TestAuthorizationDialog)
#include "tst_authorizationdialog.moc"
