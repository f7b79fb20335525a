// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace runtime (serve, deliver, the GUI) with OAuth: a connection authorized with a stored
// client is looked after from start(), and its deliveries carry its access token, refreshed on a
// 401, against a real authorization server (oidc-provider, npm) and the OS keychain
// (gnome-keyring in the test session).
#include "core/dispatch/dispatcher.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/oauthclientrecord.h"
#include "core/oauth/storetokenstore.h"
#include "core/oauth/workspaceoauth.h"
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "oidcpeer.h"
#include "scriptedsink.h"
#include "support/futures.h"
#include "support/results.h"
#include "support/testworkspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;
using Answer = ScriptedSink::Answer;

class TestRuntimeOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deliveriesCarryTheRefreshedToken();

private:
    OidcPeer m_oidc;
};

void TestRuntimeOAuth::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestRuntimeOAuth::deliveriesCarryTheRefreshedToken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestWorkspaceLocation where(dir.path()); // a file, or a database on tst_runtimeoauth_pg
    QVERIFY2(!where.location().isEmpty(), qPrintable(where.error()));
    const Clock &clock = *SystemClock::instance();
    Result<std::unique_ptr<Store>> opened = openWorkspace(where.location(), StoreServices{&clock});
    QVERIFY2(opened, qPrintable(errorMessage(opened)));
    Store &store = **opened;
    Tenant tenant;
    tenant.displayName = u"Runtime Ltd"_s;
    WB_AWAIT_OK(addedTenant, store.addTenant(tenant));
    Connection connection;
    connection.tenantId = addedTenant->id;
    connection.providerId = u"oidc-test"_s;
    WB_AWAIT_OK(added, store.addConnection(connection));
    const qint64 id = added->id;

    // Authorized earlier (another process, `wirebench-cli oauth authorize`).
    std::optional<TokenSet> granted;
    {
        KeychainSecretStore keychain(store.workspaceInfo().workspaceId);
        ConnectionSecrets secrets(store, keychain);
        StoreTokenStore tokens(store, secrets);
        QString failure;
        granted = grant(tokens, clock, id, m_oidc.nativeClient(), u"rita"_s, &failure);
        QVERIFY2(granted, qPrintable(failure));
    }
    const OAuthClientConfig native = m_oidc.nativeClient();
    const QJsonObject client{{u"provider"_s, native.providerId},
                             {u"authorization_endpoint"_s, native.authorizationUrl.toString()},
                             {u"token_endpoint"_s, native.tokenUrl.toString()},
                             {u"revocation_endpoint"_s, native.revocationUrl.toString()},
                             {u"userinfo_endpoint"_s, native.checkUrl.toString()},
                             {u"client_id"_s, native.clientId},
                             {u"scope"_s, native.scopes.join(u' ')}};
    WB_AWAIT_OK(saved, saveOAuthClient(store, id, QJsonDocument(client).toJson()));

    QTemporaryDir noUserProfiles;
    const ProviderCatalog catalog = ProviderCatalog::load(noUserProfiles.path());
    WorkspaceRuntime runtime(
            WorkspaceRuntimeServices{&store, &catalog, &clock, SystemRandomSource::instance()});
    QSignalSpy started(&runtime, &WorkspaceRuntime::started);
    runtime.start({});
    QVERIFY(started.wait(15'000));
    QVERIFY(runtime.oauth());
    QTRY_VERIFY_WITH_TIMEOUT(runtime.oauth()->refresher().isWatching(id), 15'000);
    const int refreshesBefore = m_oidc.grantCount(u"refresh_token"_s);

    // The API refuses the first token (revoked on its side), then accepts the refreshed one.
    ScriptedSink api;
    QVERIFY(api.listen());
    api.play({Answer::respond(401), Answer::respond(204)});
    QSignalSpy finished(runtime.dispatcher(), &Dispatcher::deliveryFinished);
    NewDelivery delivery;
    delivery.connectionId = id;
    delivery.url = api.url();
    delivery.headers = HttpHeaders{{"Content-Type", "application/json"}};
    delivery.body = R"({"type":"contact.created"})"_ba;
    WB_AWAIT_OK(queued, runtime.dispatcher()->enqueue(delivery));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QCOMPARE(finished.at(0).at(1).value<DeliveryState>(), DeliveryState::Succeeded);

    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshesBefore + 1);
    QCOMPARE(api.requests().size(), 2);
    QCOMPARE(api.requests().at(0).headers.value("Authorization"),
             "Bearer " + granted->accessToken.toUtf8());
    const QByteArray refreshed = api.requests().at(1).headers.value("Authorization");
    QVERIFY(refreshed.startsWith("Bearer "));
    QVERIFY(refreshed != "Bearer " + granted->accessToken.toUtf8());
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"),
                                  QString::fromUtf8(refreshed.mid(7)))
                     .httpStatus,
             200);

    QSignalSpy stopped(&runtime, &WorkspaceRuntime::stopped);
    runtime.stop();
    QVERIFY(stopped.wait(10'000));
}

QTEST_GUILESS_MAIN(TestRuntimeOAuth)
#include "tst_runtimeoauth.moc"
