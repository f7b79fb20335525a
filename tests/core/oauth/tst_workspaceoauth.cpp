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
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
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
    qint64 addConnection(const QString &tenantName);

    OidcPeer m_oidc;
    QTemporaryDir m_dir;
    QTemporaryDir m_noUserProfiles;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<ConnectionSecrets> m_secrets;
};

void TestWorkspaceOAuth::initTestCase()
{
    // Access tokens live 4 s: the refresh ahead of expiry comes within seconds.
    QVERIFY2(m_oidc.start({u"--access-token-ttl"_s, u"4"_s}), qPrintable(m_oidc.errorString()));
    QVERIFY(m_dir.isValid());
    StoreServices services;
    services.clock = SystemClock::instance();
    Result<std::unique_ptr<Store>> store = openWorkspace(m_dir.filePath(u"ws.sqlite"_s), services);
    QVERIFY2(store, qPrintable(errorMessage(store)));
    m_store = std::move(*store);
    m_keychain = std::make_unique<KeychainSecretStore>(m_store->workspaceInfo().workspaceId);
    m_secrets = std::make_unique<ConnectionSecrets>(*m_store, *m_keychain);
}

qint64 TestWorkspaceOAuth::addConnection(const QString &tenantName)
{
    Tenant tenant;
    tenant.displayName = tenantName;
    auto addedTenant = m_store->addTenant(tenant);
    if (!waitForFinished(addedTenant) || !addedTenant.result())
        return 0;
    Connection connection;
    connection.tenantId = addedTenant.result()->id;
    connection.providerId = u"oidc-test"_s;
    auto added = m_store->addConnection(connection);
    if (!waitForFinished(added) || !added.result())
        return 0;
    return added.result()->id;
}

void TestWorkspaceOAuth::watchesRefreshesAndChecksStoredConnections()
{
    StoreTokenStore tokens(*m_store, *m_secrets);
    const Clock &clock = *SystemClock::instance();

    // A: authorized with the confidential client, whose secret is in the keychain.
    const qint64 a = addConnection(u"Alpha"_s);
    QVERIFY(a > 0);
    const OAuthClientConfig confidential = m_oidc.confidentialClient();
    WB_AWAIT_OK(secret, m_secrets->put({a, SecretKind::OAuthClientSecret, SecretSlot::Primary},
                                       confidential.clientSecret.toUtf8()));
    QString failure;
    const std::optional<TokenSet> granted = grant(tokens, clock, a, confidential, u"ana"_s,
                                                  &failure);
    QVERIFY2(granted, qPrintable(failure));
    OAuthClientConfig withoutSecret = confidential;
    withoutSecret.clientSecret.clear();
    WB_AWAIT_OK(savedA, saveOAuthClient(*m_store, a, clientJson(withoutSecret)));

    // B: a credential, but its client names a profile that no longer exists.
    const qint64 b = addConnection(u"Beta"_s);
    QVERIFY(b > 0);
    TokenSet stale;
    stale.accessToken = u"access-b"_s;
    stale.receivedAtMs = clock.nowMs();
    WB_AWAIT_OK(writtenB, tokens.writeTokens(b, stale, QString()));
    WB_AWAIT_OK(savedB, saveOAuthClient(*m_store, b, R"({"profile":"gone","client_id":"c"})"));

    // C: a client, but never authorized: nothing to look after.
    const qint64 c = addConnection(u"Gamma"_s);
    QVERIFY(c > 0);
    WB_AWAIT_OK(savedC, saveOAuthClient(*m_store, c, clientJson(m_oidc.nativeClient())));

    const ProviderCatalog catalog = ProviderCatalog::load(m_noUserProfiles.path());
    SecretsConnectionCredentials fallback(*m_secrets);
    WorkspaceOAuth::Services services;
    services.store = m_store.get();
    services.secrets = m_secrets.get();
    services.catalog = &catalog;
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
    WB_AWAIT_OK(connection, m_store->connection(a));
    QVERIFY(connection->lastCheckedAtMs);
    QCOMPARE(connection->lastCheckResult, check.message);
    QCOMPARE(connection->status, ConnectionStatus::Authorized);

    oauth.unwatch(a);
    QVERIFY(!oauth.refresher().isWatching(a));
}

QTEST_GUILESS_MAIN(TestWorkspaceOAuth)
#include "tst_workspaceoauth.moc"
