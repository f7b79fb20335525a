// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionAuthorizer against oidc-provider (npm) with the scripted user agent: the client and
// its secret are kept, the account is mapped to the tenant, and every way it can fail says why and
// leaves what was stored intact.
#include "core/oauth/connectionauthorizer.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

class TestConnectionAuthorizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorizesKeepsClientAndMapsAccount();
    void refusesBeforeTheBrowser_data();
    void refusesBeforeTheBrowser();
    void accountOfAnotherTenantIsAConflict();
    void cancelWhileWaitingForTheBrowser();

private:
    // Runs `request` to its end with `environment`'s browser; the result, or empty on a timeout.
    std::optional<Result<AuthorizationReport>> run(const AuthorizationRequest &request,
                                                   const QProcessEnvironment &environment,
                                                   QList<ConnectionAuthorizer::Stage> *stages = {});

    OidcPeer m_oidc;
    OAuthWorkspace m_workspace;
    QNetworkAccessManager m_network;
};

void TestConnectionAuthorizer::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
    QVERIFY2(m_workspace.open(), qPrintable(m_workspace.failure()));
}

std::optional<Result<AuthorizationReport>> TestConnectionAuthorizer::run(
        const AuthorizationRequest &request, const QProcessEnvironment &environment,
        QList<ConnectionAuthorizer::Stage> *stages)
{
    ConnectionAuthorizer authorizer(m_workspace.authorizerServices(m_network));
    BrowserLauncher launcher(QString(), environment);
    std::optional<Result<AuthorizationReport>> result;
    connect(&authorizer, &ConnectionAuthorizer::authorizationUrlReady, &launcher,
            [&launcher](const QUrl &url) { QVERIFY(launcher.launch(url)); });
    connect(&authorizer, &ConnectionAuthorizer::finished, &authorizer,
            [&result](const Result<AuthorizationReport> &r) { result = r; });
    if (stages)
        connect(&authorizer, &ConnectionAuthorizer::stageChanged, &authorizer,
                [stages](ConnectionAuthorizer::Stage stage) { stages->append(stage); });
    authorizer.start(request);
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 60'000))
        return std::nullopt;
    return result;
}

void TestConnectionAuthorizer::authorizesKeepsClientAndMapsAccount()
{
    const qint64 tenant = m_workspace.addTenant(u"Umbrella"_s);
    const qint64 connection = m_workspace.addConnection(tenant);
    QVERIFY(connection > 0);
    const OAuthClientConfig confidential = m_oidc.confidentialClient();
    AuthorizationRequest request;
    request.connectionId = connection;
    request.clientJson = clientJson(confidential);
    request.clientSecret = confidential.clientSecret.toUtf8();
    QList<ConnectionAuthorizer::Stage> stages;
    const auto result = run(request,
                            browserEnvironment(u"oidc-login.mjs"_s,
                                               {{u"WB_BROWSER_LOGIN"_s, u"umbrella-admin"_s}}),
                            &stages);
    QVERIFY2(result, "the authorization did not end");
    QVERIFY2(*result, qPrintable(errorMessage(*result)));
    using S = ConnectionAuthorizer::Stage;
    QCOMPARE(stages, (QList<S>{S::Preparing, S::WaitingForBrowser, S::ExchangingCode, S::Recording,
                               S::Succeeded}));
    const AuthorizationReport &report = **result;
    QCOMPARE(report.providerId, u"oidc-test"_s);
    QCOMPARE(report.outcome.connectionId, connection);
    QCOMPARE(report.outcome.accountId, u"umbrella-admin"_s);
    QVERIFY(report.outcome.hasRefreshToken);
    QVERIFY(report.mapping);
    QCOMPARE(report.mapping->tenantId, tenant);
    QCOMPARE(report.mapping->connectionId, std::optional<qint64>(connection));
    QCOMPARE(report.mapping->externalAccountId, u"umbrella-admin"_s);

    // Kept: the client (never its secret) in the workspace, the secret in the keychain, the
    // connection authorized.
    WB_AWAIT_OK(client, loadOAuthClient(m_workspace.store(), connection));
    QVERIFY(client->has_value());
    QCOMPARE(**client, clientJson(confidential));
    WB_AWAIT_OK(secret, m_workspace.secrets().get(
                                {connection, SecretKind::OAuthClientSecret, SecretSlot::Primary}));
    QCOMPARE(*secret, confidential.clientSecret.toUtf8());
    WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Authorized);

    // Authorizing again needs nothing but the connection: the stored client and secret.
    AuthorizationRequest again;
    again.connectionId = connection;
    const auto second = run(again,
                            browserEnvironment(u"oidc-login.mjs"_s,
                                               {{u"WB_BROWSER_LOGIN"_s, u"umbrella-admin"_s}}));
    QVERIFY2(second, "the second authorization did not end");
    QVERIFY2(*second, qPrintable(errorMessage(*second)));
    QCOMPARE((*second)->mapping->id, report.mapping->id); // the same mapping, not a second one
}

void TestConnectionAuthorizer::refusesBeforeTheBrowser_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("clientJson");
    QTest::addColumn<bool>("existingConnection");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    const QByteArray confidential = clientJson(m_oidc.confidentialClient());
    QTest::newRow("no client given or stored") << u"oidc-test"_s << QByteArray() << true
                                               << u"oauth.no_client"_s << u"no OAuth client yet"_s;
    QTest::newRow("client of another provider")
            << u"github"_s << clientJson(m_oidc.nativeClient()) << true << u"oauth.config_invalid"_s
            << u"is a github connection"_s;
    QTest::newRow("client that does not parse")
            << u"oidc-test"_s << "{\"provider\":"_ba << true << u"oauth.config_invalid"_s
            << u"the OAuth client"_s;
    QTest::newRow("confidential client without a stored secret")
            << u"oidc-test"_s << confidential << true << u"secrets.not_found"_s
            << u"no OAuth client secret stored"_s;
    QTest::newRow("unknown connection") << u"oidc-test"_s << confidential << false
                                        << u"store.unknown_connection"_s << u"999999"_s;
}

void TestConnectionAuthorizer::refusesBeforeTheBrowser()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, clientJson);
    QFETCH(bool, existingConnection);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    const qint64 connection = existingConnection ? m_workspace.addTenantWithConnection(
                                      QString::fromUtf8(QTest::currentDataTag()), provider)
                                                 : 999999;
    QVERIFY(connection > 0);
    AuthorizationRequest request;
    request.connectionId = connection;
    request.clientJson = clientJson;
    // A browser that would fail the test if it were ever started.
    const auto result = run(request, browserEnvironment(u"does-not-exist.mjs"_s));
    QVERIFY2(result, "the authorization did not end");
    QVERIFY(!*result);
    QCOMPARE(result->error().code, code);
    QVERIFY2(result->error().message.contains(messagePart), qPrintable(result->error().message));
    if (existingConnection) {
        WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
        QCOMPARE(stored->status, ConnectionStatus::Unauthorized);
        WB_AWAIT_OK(client, loadOAuthClient(m_workspace.store(), connection));
        QVERIFY(!client->has_value());
    }
}

void TestConnectionAuthorizer::accountOfAnotherTenantIsAConflict()
{
    // "stark-admin" already belongs to Stark Industries.
    const qint64 stark = m_workspace.addTenant(u"Stark Industries"_s);
    IdentityMapping mapping;
    mapping.providerId = u"oidc-test"_s;
    mapping.externalAccountId = u"stark-admin"_s;
    mapping.tenantId = stark;
    WB_AWAIT_OK(mapped, m_workspace.store().addIdentityMapping(mapping));

    const qint64 other = m_workspace.addTenant(u"Wayne Enterprises"_s);
    const qint64 connection = m_workspace.addConnection(other);
    AuthorizationRequest request;
    request.connectionId = connection;
    request.clientJson = clientJson(m_oidc.nativeClient());
    const auto result = run(request,
                            browserEnvironment(u"oidc-login.mjs"_s,
                                               {{u"WB_BROWSER_LOGIN"_s, u"stark-admin"_s}}));
    QVERIFY2(result, "the authorization did not end");
    QVERIFY(!*result);
    QCOMPARE(result->error().code, u"store.identity_mapping_conflict"_s);
    QVERIFY2(result->error().message.contains(u"the connection is authorized, but its account"_s),
             qPrintable(result->error().message));
    QVERIFY2(result->error().message.contains(u"Stark Industries"_s),
             qPrintable(result->error().message));
    // The mapping still points at Stark; the tokens are stored (the grant happened).
    WB_AWAIT_OK(mappings, m_workspace.store().identityMappings({}));
    int stillStark = 0;
    for (const IdentityMapping &m : *mappings)
        if (m.externalAccountId == u"stark-admin"_s && m.tenantId == stark)
            ++stillStark;
    QCOMPARE(stillStark, 1);
    WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Authorized);
}

void TestConnectionAuthorizer::cancelWhileWaitingForTheBrowser()
{
    const qint64 connection = m_workspace.addTenantWithConnection(u"Hooli"_s);
    ConnectionAuthorizer authorizer(m_workspace.authorizerServices(m_network));
    QSignalSpy urls(&authorizer, &ConnectionAuthorizer::authorizationUrlReady);
    QSignalSpy finished(&authorizer, &ConnectionAuthorizer::finished);
    AuthorizationRequest request;
    request.connectionId = connection;
    request.clientJson = clientJson(m_oidc.nativeClient());
    authorizer.start(request);
    QTRY_COMPARE(urls.count(), 1);
    QCOMPARE(authorizer.stage(), ConnectionAuthorizer::Stage::WaitingForBrowser);
    QCOMPARE(authorizer.redirectUri().host(), u"127.0.0.1"_s);
    authorizer.cancel();
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.first().first().value<Result<AuthorizationReport>>();
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"oauth.cancelled"_s);
    QCOMPARE(authorizer.stage(), ConnectionAuthorizer::Stage::Failed);
    WB_AWAIT_OK(stored, m_workspace.store().connection(connection));
    QCOMPARE(stored->status, ConnectionStatus::Unauthorized);
}

QTEST_GUILESS_MAIN(TestConnectionAuthorizer)
#include "tst_connectionauthorizer.moc"
