// SPDX-License-Identifier: GPL-3.0-or-later
// Removing a connection (ConnectionRemover, as `wirebench-cli connections remove` and the GUI do
// it) against a real authorization server (oidc-provider, npm), a real workspace and the OS
// keychain (gnome-keyring in the test session): its tokens are revoked at the provider (RFC 7009;
// the refresh token is tried afterwards and refused), the workspace's OAuth lifecycle stops
// looking after it, nothing of it stays in the keychain; a failed revocation is reported and the
// connection removed all the same; a connection another process removed is let go.
#include "core/dispatch/connectioncredentials.h"
#include "core/oauth/connectionremover.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/oauth/validitychecker.h"
#include "core/oauth/workspaceoauth.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "oauthworkspace.h"
#include "oidcpeer.h"
#include "support/futures.h"
#include "support/results.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

class TestConnectionRemover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void removalRevokesAtTheProviderAndStopsWatching();
    void failedRevocationIsReportedAndTheConnectionRemoved_data();
    void failedRevocationIsReportedAndTheConnectionRemoved();
    void connectionWithoutTokensIsRemovedWithoutARequest();
    void unknownConnectionChangesNothing();
    void removalByAnotherProcessIsLetGo();

private:
    // A new connection authorized at the peer as `login`, its client stored with it: the id, and
    // the granted tokens in `granted`.
    qint64 authorizedConnection(const QString &login, const OAuthClientConfig &client,
                                TokenSet *granted);
    std::unique_ptr<WorkspaceOAuth> startOAuth();
    ConnectionRemover::Services removerServices(WorkspaceOAuth *oauth);
    // Whether the keychain still holds the value of `key`.
    bool inKeychain(const SecretKey &key);
    EndpointReply refreshAtPeer(const TokenSet &tokens);

    OidcPeer m_oidc;
    OAuthWorkspace m_workspace;
    QNetworkAccessManager m_network;
    std::unique_ptr<SecretsConnectionCredentials> m_fallback;
};

void TestConnectionRemover::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
    QVERIFY2(m_workspace.open(), qPrintable(m_workspace.failure()));
    m_fallback = std::make_unique<SecretsConnectionCredentials>(m_workspace.secrets());
}

qint64 TestConnectionRemover::authorizedConnection(const QString &login,
                                                   const OAuthClientConfig &client,
                                                   TokenSet *granted)
{
    // One tenant per test row: tenant names are unique.
    QString tenant = login;
    if (QTest::currentDataTag())
        tenant += u'-' + QString::fromLatin1(QTest::currentDataTag());
    const qint64 id = m_workspace.addTenantWithConnection(tenant);
    if (id <= 0)
        return 0;
    StoreTokenStore tokens(m_workspace.store(), m_workspace.secrets());
    QString failure;
    const std::optional<TokenSet> result = grant(tokens, *SystemClock::instance(), id, client,
                                                 login, &failure);
    if (!result) {
        qWarning("grant failed: %s", qPrintable(failure));
        return 0;
    }
    *granted = *result;
    const auto saved = await(saveOAuthClient(m_workspace.store(), id, clientJson(client)));
    if (!saved || !*saved)
        return 0;
    return id;
}

std::unique_ptr<WorkspaceOAuth> TestConnectionRemover::startOAuth()
{
    WorkspaceOAuth::Services services;
    services.store = &m_workspace.store();
    services.secrets = &m_workspace.secrets();
    services.catalog = &m_workspace.catalog();
    services.network = &m_network;
    services.clock = SystemClock::instance();
    services.random = SystemRandomSource::instance();
    services.fallbackCredentials = m_fallback.get();
    return std::make_unique<WorkspaceOAuth>(services, /*checkIntervalMs=*/60'000);
}

ConnectionRemover::Services TestConnectionRemover::removerServices(WorkspaceOAuth *oauth)
{
    ConnectionRemover::Services services;
    services.store = &m_workspace.store();
    services.secrets = &m_workspace.secrets();
    services.catalog = &m_workspace.catalog();
    services.network = &m_network;
    services.oauth = oauth;
    return services;
}

bool TestConnectionRemover::inKeychain(const SecretKey &key)
{
    const auto value = await(m_workspace.keychain().read(key));
    return value && *value;
}

EndpointReply TestConnectionRemover::refreshAtPeer(const TokenSet &tokens)
{
    return m_oidc.post(m_oidc.endpoint("token_endpoint"),
                       {{u"grant_type"_s, u"refresh_token"_s},
                        {u"refresh_token"_s, tokens.refreshToken},
                        {u"client_id"_s, u"wirebench-native"_s}});
}

void TestConnectionRemover::removalRevokesAtTheProviderAndStopsWatching()
{
    TokenSet granted;
    const qint64 id = authorizedConnection(u"rita"_s, m_oidc.nativeClient(), &granted);
    QVERIFY(id > 0);
    QVERIFY(!granted.refreshToken.isEmpty());
    const SecretKey accessKey{id, SecretKind::AccessToken, SecretSlot::Primary};
    const SecretKey refreshKey{id, SecretKind::RefreshToken, SecretSlot::Primary};
    QVERIFY(inKeychain(accessKey));
    QVERIFY(inKeychain(refreshKey));

    std::unique_ptr<WorkspaceOAuth> oauth = startOAuth();
    WB_AWAIT_OK(watched, oauth->start());
    QVERIFY(watched->contains(id));
    QVERIFY(oauth->refresher().isWatching(id));
    QTRY_VERIFY(oauth->refresher().nextRefreshAtMs(id) > 0); // planned once the tokens are read
    QVERIFY(oauth->checker().isWatching(id));

    ConnectionRemover remover(removerServices(oauth.get()));
    WB_AWAIT_OK(report, remover.remove(id));
    QCOMPARE(report->connectionId, id);
    QCOMPARE(report->providerId, u"oidc-test"_s);
    QVERIFY(report->revocation.hadCredential);
    QVERIFY(report->revocation.providerSupportsRevocation);
    QVERIFY(report->revocation.revokedAtProvider);
    QVERIFY2(!report->revocationFailure,
             qPrintable(report->revocationFailure ? report->revocationFailure->message : QString()));
    QVERIFY2(report->secretWarnings.isEmpty(), qPrintable(report->secretWarnings.join(u'\n')));

    // Nothing looks after it any more: no refresh planned, no validity check, no refresh on 401.
    QVERIFY(!oauth->refresher().isWatching(id));
    QCOMPARE(oauth->refresher().nextRefreshAtMs(id), 0);
    QVERIFY(!oauth->checker().isWatching(id));
    QVERIFY(!oauth->watched().contains(id));
    WB_AWAIT(onDemand, oauth->refresher().refresh(id));
    QCOMPARE(errorCode(onDemand), u"oauth.not_watched"_s);
    // Nor does the next reconciliation take it up again.
    WB_AWAIT_OK(gone, oauth->reconcile());
    QVERIFY(gone->isEmpty());
    QVERIFY(!oauth->refresher().isWatching(id));

    // At the provider: the refresh token is dead (RFC 7009 §2.1), and so is the access token.
    const EndpointReply refreshed = refreshAtPeer(granted);
    QCOMPARE(refreshed.httpStatus, 400);
    QVERIFY2(refreshed.body.contains("invalid_grant"), refreshed.body.constData());
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), granted.accessToken)
                     .httpStatus,
             401);

    // In the workspace: the connection and every value of it in the keychain are gone.
    WB_AWAIT(connection, m_workspace.store().connection(id));
    QCOMPARE(errorCode(connection), u"store.unknown_connection"_s);
    QVERIFY(!inKeychain(accessKey));
    QVERIFY(!inKeychain(refreshKey));
}

void TestConnectionRemover::failedRevocationIsReportedAndTheConnectionRemoved_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("revocation-endpoint-503") << u"outage"_s << u"HTTP 503"_s;
    QTest::newRow("provider-unreachable") << u"unreachable"_s << u"Cannot reach"_s;
}

void TestConnectionRemover::failedRevocationIsReportedAndTheConnectionRemoved()
{
    QFETCH(QString, situation);
    QFETCH(QString, messageContains);
    OAuthClientConfig client = m_oidc.nativeClient();
    if (situation == u"unreachable"_s) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        client.revocationUrl = QUrl(
                u"http://127.0.0.1:%1/token/revocation"_s.arg(closed.serverPort()));
    }
    TokenSet granted;
    const qint64 id = authorizedConnection(u"oscar"_s, client, &granted);
    QVERIFY(id > 0);
    if (situation == u"outage"_s)
        QVERIFY(m_oidc.startOutage(1, std::nullopt, u"/token/revocation"_s));

    std::unique_ptr<WorkspaceOAuth> oauth = startOAuth();
    WB_AWAIT_OK(watched, oauth->start());
    QVERIFY(watched->contains(id));
    ConnectionRemover remover(removerServices(oauth.get()));
    WB_AWAIT_OK(report, remover.remove(id));

    QVERIFY(report->revocation.hadCredential);
    QVERIFY(!report->revocation.revokedAtProvider);
    QVERIFY(report->revocationFailure);
    QCOMPARE(report->revocationFailure->code, u"oauth.revocation_failed"_s);
    QVERIFY2(report->revocationFailure->message.contains(messageContains),
             qPrintable(report->revocationFailure->message));
    QVERIFY2(report->revocationFailure->message.contains(u"/token/revocation"_s),
             qPrintable(report->revocationFailure->message));
    QVERIFY2(!report->revocationFailure->message.contains(granted.refreshToken),
             qPrintable(report->revocationFailure->message));

    // Removed and let go all the same.
    QVERIFY(!oauth->refresher().isWatching(id));
    WB_AWAIT(connection, m_workspace.store().connection(id));
    QCOMPARE(errorCode(connection), u"store.unknown_connection"_s);
    QVERIFY(!inKeychain({id, SecretKind::RefreshToken, SecretSlot::Primary}));
    // The provider was not told, so the grant still works there: that is what the user is told.
    QCOMPARE(refreshAtPeer(granted).httpStatus, 200);
}

void TestConnectionRemover::connectionWithoutTokensIsRemovedWithoutARequest()
{
    const qint64 id = m_workspace.addTenantWithConnection(u"Nadia"_s);
    QVERIFY(id > 0);
    const int revocationsBefore = m_oidc.stats().value(u"revocations"_s).toInt();
    ConnectionRemover remover(removerServices(nullptr));
    WB_AWAIT_OK(report, remover.remove(id));
    QVERIFY(!report->revocation.hadCredential);
    QVERIFY(!report->revocation.revokedAtProvider);
    QVERIFY(!report->revocationFailure);
    QCOMPARE(m_oidc.stats().value(u"revocations"_s).toInt(), revocationsBefore);
    WB_AWAIT(connection, m_workspace.store().connection(id));
    QCOMPARE(errorCode(connection), u"store.unknown_connection"_s);
}

void TestConnectionRemover::unknownConnectionChangesNothing()
{
    const qint64 other = m_workspace.addTenantWithConnection(u"Uma"_s);
    QVERIFY(other > 0);
    ConnectionRemover remover(removerServices(nullptr));
    WB_AWAIT(report, remover.remove(987654));
    QCOMPARE(errorCode(report), u"store.unknown_connection"_s);
    QVERIFY2(report.error().message.contains(u"987654"_s), qPrintable(report.error().message));
    WB_AWAIT_OK(still, m_workspace.store().connection(other));
    QCOMPARE(still->id, other);
}

void TestConnectionRemover::removalByAnotherProcessIsLetGo()
{
    TokenSet granted;
    const qint64 id = authorizedConnection(u"petra"_s, m_oidc.nativeClient(), &granted);
    QVERIFY(id > 0);
    std::unique_ptr<WorkspaceOAuth> oauth = startOAuth();
    WB_AWAIT_OK(watched, oauth->start());
    QVERIFY(watched->contains(id));

    // Another process (its own Store on the same file) removes the connection: this Store emits
    // nothing, the reconciliation finds it gone.
    Result<std::unique_ptr<Store>> other = openWorkspace(m_workspace.path(),
                                                         StoreServices{SystemClock::instance()});
    QVERIFY2(other, qPrintable(errorMessage(other)));
    WB_AWAIT_OK(removed, (*other)->removeConnection(id));
    other->reset();
    QVERIFY(oauth->refresher().isWatching(id));

    oauth->setReconcileInterval(100);
    QTRY_VERIFY_WITH_TIMEOUT(!oauth->refresher().isWatching(id), 15'000);
    QVERIFY(!oauth->checker().isWatching(id));
    QVERIFY(!oauth->watched().contains(id));
}

QTEST_GUILESS_MAIN(TestConnectionRemover)
#include "tst_connectionremover.moc"
