// SPDX-License-Identifier: GPL-3.0-or-later
// The OAuth lifecycle of a workspace (WorkspaceOAuth) as `serve` and the GUI run it: connections
// with a stored client and credential are refreshed ahead of expiry and checked periodically,
// against a real authorization server (oidc-provider, npm) with short-lived access tokens, the OS
// keychain (gnome-keyring in the test session) and a real workspace.
#include "core/dispatch/connectioncredentials.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/oauth/validitychecker.h"
#include "core/oauth/workspaceoauth.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

class TestWorkspaceOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void watchesRefreshesAndChecksStoredConnections();

private:
    OidcPeer m_oidc;
    OAuthWorkspace m_workspace;
};

void TestWorkspaceOAuth::initTestCase()
{
    // Access tokens live 4 s: the refresh ahead of expiry comes within seconds.
    QVERIFY2(m_oidc.start({u"--access-token-ttl"_s, u"4"_s}), qPrintable(m_oidc.errorString()));
    QVERIFY2(m_workspace.open(), qPrintable(m_workspace.failure()));
}

void TestWorkspaceOAuth::watchesRefreshesAndChecksStoredConnections()
{
    StoreTokenStore tokens(m_workspace.store(), m_workspace.secrets());
    const Clock &clock = *SystemClock::instance();

    // A: authorized with the confidential client, whose secret is in the keychain.
    const qint64 a = m_workspace.addTenantWithConnection(u"Alpha"_s);
    QVERIFY(a > 0);
    const OAuthClientConfig confidential = m_oidc.confidentialClient();
    WB_AWAIT_OK(secret,
                m_workspace.secrets().put({a, SecretKind::OAuthClientSecret, SecretSlot::Primary},
                                          confidential.clientSecret.toUtf8()));
    QString failure;
    const std::optional<TokenSet> granted = grant(tokens, clock, a, confidential, u"ana"_s,
                                                  &failure);
    QVERIFY2(granted, qPrintable(failure));
    OAuthClientConfig withoutSecret = confidential;
    withoutSecret.clientSecret.clear();
    WB_AWAIT_OK(savedA, saveOAuthClient(m_workspace.store(), a, clientJson(withoutSecret)));

    // B: a credential, but its client names a profile that no longer exists.
    const qint64 b = m_workspace.addTenantWithConnection(u"Beta"_s);
    QVERIFY(b > 0);
    TokenSet stale;
    stale.accessToken = u"access-b"_s;
    stale.receivedAtMs = clock.nowMs();
    WB_AWAIT_OK(writtenB, tokens.writeTokens(b, stale, QString()));
    WB_AWAIT_OK(savedB,
                saveOAuthClient(m_workspace.store(), b, R"({"profile":"gone","client_id":"c"})"));

    // C: a client, but never authorized: nothing to look after.
    const qint64 c = m_workspace.addTenantWithConnection(u"Gamma"_s);
    QVERIFY(c > 0);
    WB_AWAIT_OK(savedC, saveOAuthClient(m_workspace.store(), c, clientJson(m_oidc.nativeClient())));

    SecretsConnectionCredentials fallback(m_workspace.secrets());
    WorkspaceOAuth::Services services;
    services.store = &m_workspace.store();
    services.secrets = &m_workspace.secrets();
    services.catalog = &m_workspace.catalog();
    QNetworkAccessManager network;
    services.network = &network;
    services.clock = &clock;
    services.random = SystemRandomSource::instance();
    services.fallbackCredentials = &fallback;
    WorkspaceOAuth oauth(services, /*checkIntervalMs=*/1'500);
    QSignalSpy skipped(&oauth, &WorkspaceOAuth::connectionSkipped);
    QSignalSpy refreshed(&oauth.refresher(), &CredentialRefresher::refreshed);
    QSignalSpy checked(&oauth.checker(), &ValidityChecker::checked);

    WB_AWAIT_OK(watched, oauth.start());
    QCOMPARE(*watched, QList<qint64>{a});
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.at(0).at(0).toLongLong(), b);
    QCOMPARE(skipped.at(0).at(1).value<Error>().code, u"provider.unknown"_s);
    QVERIFY(oauth.refresher().isWatching(a));
    QVERIFY(!oauth.refresher().isWatching(c));

    // Refreshed ahead of expiry (4 s tokens) with the client secret from the keychain, stored.
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 30'000);
    QCOMPARE(refreshed.at(0).at(0).toLongLong(), a);
    WB_AWAIT_OK(stored, tokens.readTokens(a));
    QVERIFY((*stored)->accessToken != granted->accessToken);
    QVERIFY((*stored)->refreshToken != granted->refreshToken); // rotated
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), (*stored)->accessToken)
                     .httpStatus,
             200);

    // The dispatcher's view: the current access token, or a fresh one.
    WB_AWAIT_OK(authorization, oauth.credentials().authorization(a));
    QVERIFY(authorization->startsWith("Bearer "));
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"),
                                  QString::fromUtf8(authorization->mid(7)))
                     .httpStatus,
             200);

    // The periodic check through userinfo, recorded on the connection for the models.
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 30'000);
    const auto check = checked.at(0).at(1).value<ValidityCheck>();
    QCOMPARE(checked.at(0).at(0).toLongLong(), a);
    QCOMPARE(check.verdict, ValidityCheck::Verdict::Valid);
    QCOMPARE(check.httpStatus, 200);
    WB_AWAIT_OK(connection, m_workspace.store().connection(a));
    QVERIFY(connection->lastCheckedAtMs);
    QCOMPARE(connection->lastCheckResult, check.message);
    QCOMPARE(connection->status, ConnectionStatus::Authorized);

    oauth.unwatch(a);
    QVERIFY(!oauth.refresher().isWatching(a));

    // Reconciling: A was let go (a removal revoking its tokens right now) and stays let go while
    // it is in the workspace; B is not tried again while its client and credential are unchanged.
    WB_AWAIT_OK(firstPass, oauth.reconcile());
    QCOMPARE(*firstPass, QList<qint64>());
    QVERIFY(!oauth.refresher().isWatching(a));
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(oauth.watched(), QList<qint64>());
    // Another process authorizes B again with a client that parses: the next pass watches it.
    WB_AWAIT_OK(fixedB, saveOAuthClient(m_workspace.store(), b, clientJson(m_oidc.nativeClient())));
    WB_AWAIT_OK(secondPass, oauth.reconcile());
    QVERIFY(oauth.refresher().isWatching(b));
    QCOMPARE(oauth.watched(), QList<qint64>{b});
    QCOMPARE(skipped.size(), 1);
    // Watching A again explicitly ends its let-go.
    WB_AWAIT_OK(again, oauth.watch(a));
    QCOMPARE(oauth.watched(), (QList<qint64>{a, b}));
}

QTEST_GUILESS_MAIN(TestWorkspaceOAuth)
#include "tst_workspaceoauth.moc"
