// SPDX-License-Identifier: GPL-3.0-or-later
// The OAuth core behind the dispatch engine, end to end: a Dispatcher over a real workspace
// delivers to a scripted receiver with the access tokens of a real authorization server
// (oidc-provider, npm), through OAuthConnectionCredentials and the refresh-on-401 hook.
#include "core/dispatch/dispatcher.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/dispatchrefreshhook.h"
#include "core/oauth/oauthconnectioncredentials.h"
#include "dispatchharness.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;
using Answer = ScriptedSink::Answer;

namespace {

// Everything one test needs, in destruction order: the dispatcher goes before the OAuth parts.
struct OAuthDispatch
{
    explicit OAuthDispatch(qint64 nowMs)
        : harness(nowMs)
        , tokens(harness.clock)
        , refresher(tokens, harness.network, harness.clock, harness.random)
        , hook(refresher, harness.clock)
        , credentials(refresher, harness.credentials)
    {}
    ~OAuthDispatch() { harness.dispatcher.reset(); }

    bool startDispatcher()
    {
        DispatcherServices services;
        services.store = harness.store.get();
        services.clock = &harness.clock;
        services.random = &harness.random;
        services.network = &harness.network;
        services.credentials = &credentials;
        services.tokenRefresher = &hook;
        Result<std::unique_ptr<Dispatcher>> created
                = Dispatcher::create(services, DispatchHarness::testOptions());
        if (!created) {
            harness.error = created.error().message;
            return false;
        }
        // The harness's own member: DispatchHarness::enqueue() goes through it.
        harness.dispatcher = std::move(*created);
        harness.dispatcher->start();
        return true;
    }

    DispatchHarness harness;
    MemoryTokenStore tokens;
    CredentialRefresher refresher;
    DispatchRefreshHook hook;
    OAuthConnectionCredentials credentials;
};

QList<QByteArray> authorizationsSent(const ScriptedSink &sink)
{
    QList<QByteArray> sent;
    for (const ScriptedSink::Request &request : sink.requests())
        sent.append(request.headers.value("Authorization"));
    return sent;
}

} // namespace

class TestOAuthDispatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refreshOn401ThenDelivered();
    void expiredTokenIsRefreshedBeforeSending();
    void revokedGrantFailsTheDelivery();
    void connectionsWithoutOAuthUseTheFallback();

private:
    OidcPeer m_oidc;
};

void TestOAuthDispatch::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestOAuthDispatch::refreshOn401ThenDelivered()
{
    OAuthDispatch d(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(d.harness.open(), qPrintable(d.harness.error));
    const qint64 connectionId = d.harness.addConnection(u"oidc-test"_s);
    QVERIFY2(connectionId, qPrintable(d.harness.error));
    QString failure;
    const std::optional<TokenSet> first = grant(d.tokens, d.harness.clock, connectionId,
                                                m_oidc.nativeClient(), u"erin"_s, &failure);
    QVERIFY2(first, qPrintable(failure));
    d.refresher.watch(connectionId, m_oidc.nativeClient());
    const int refreshesBefore = m_oidc.grantCount(u"refresh_token"_s);

    // The receiver refuses the first token (as an API does after the grant's token was revoked
    // on its side), then accepts.
    d.harness.sink.play({Answer::respond(401), Answer::respond(204)});
    QVERIFY2(d.startDispatcher(), qPrintable(d.harness.error));
    QSignalSpy finished(d.harness.dispatcher.get(), &Dispatcher::deliveryFinished);
    const Result<Delivery> queued = d.harness.enqueue(d.harness.toSink(connectionId));
    QVERIFY(queued);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(d.harness.reload(queued->id)->state, DeliveryState::Succeeded);

    // One refresh at the real server; the retry carried the new access token, which the
    // server accepts.
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshesBefore + 1);
    const TokenSet second = *d.tokens.tokens(connectionId);
    QVERIFY(second.accessToken != first->accessToken);
    QVERIFY(second.refreshToken != first->refreshToken); // rotated, and stored
    QCOMPARE(authorizationsSent(d.harness.sink),
             (QList<QByteArray>{"Bearer " + first->accessToken.toUtf8(),
                                "Bearer " + second.accessToken.toUtf8()}));
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), second.accessToken)
                     .httpStatus,
             200);
    QVERIFY(d.harness.reload(queued->id)->tokenRefreshed);
}

void TestOAuthDispatch::expiredTokenIsRefreshedBeforeSending()
{
    OAuthDispatch d(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(d.harness.open(), qPrintable(d.harness.error));
    const qint64 connectionId = d.harness.addConnection(u"oidc-test"_s);
    QVERIFY2(connectionId, qPrintable(d.harness.error));
    QString failure;
    const std::optional<TokenSet> first = grant(d.tokens, d.harness.clock, connectionId,
                                                m_oidc.nativeClient(), u"frank"_s, &failure);
    QVERIFY2(first, qPrintable(failure));
    d.refresher.watch(connectionId, m_oidc.nativeClient());
    const int refreshesBefore = m_oidc.grantCount(u"refresh_token"_s);

    // Past the expiry (receipt + lifetime − margin), before the refresher's timer ran: the
    // credentials refresh first, and the receiver never sees the stale token.
    d.harness.clock.setNowMs(first->expiresAtMs);
    QVERIFY2(d.startDispatcher(), qPrintable(d.harness.error));
    QSignalSpy finished(d.harness.dispatcher.get(), &Dispatcher::deliveryFinished);
    const Result<Delivery> queued = d.harness.enqueue(d.harness.toSink(connectionId));
    QVERIFY(queued);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(d.harness.reload(queued->id)->state, DeliveryState::Succeeded);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshesBefore + 1);
    const TokenSet second = *d.tokens.tokens(connectionId);
    QVERIFY(second.accessToken != first->accessToken);
    QCOMPARE(authorizationsSent(d.harness.sink),
             QList<QByteArray>{"Bearer " + second.accessToken.toUtf8()});
}

void TestOAuthDispatch::revokedGrantFailsTheDelivery()
{
    OAuthDispatch d(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(d.harness.open(), qPrintable(d.harness.error));
    const qint64 connectionId = d.harness.addConnection(u"oidc-test"_s);
    QVERIFY2(connectionId, qPrintable(d.harness.error));
    QString failure;
    const std::optional<TokenSet> first = grant(d.tokens, d.harness.clock, connectionId,
                                                m_oidc.nativeClient(), u"grace"_s, &failure);
    QVERIFY2(first, qPrintable(failure));
    d.refresher.watch(connectionId, m_oidc.nativeClient());
    // The user revoked the grant at the provider (RFC 7009): access and refresh token are dead.
    QCOMPARE(m_oidc.post(m_oidc.endpoint("revocation_endpoint"),
                         {{u"token"_s, first->refreshToken},
                          {u"token_type_hint"_s, u"refresh_token"_s},
                          {u"client_id"_s, u"wirebench-native"_s}})
                     .httpStatus,
             200);
    QSignalSpy reauthorization(&d.refresher, &CredentialRefresher::reauthorizationNeeded);

    d.harness.sink.play({Answer::respond(401)});
    QVERIFY2(d.startDispatcher(), qPrintable(d.harness.error));
    QSignalSpy finished(d.harness.dispatcher.get(), &Dispatcher::deliveryFinished);
    QSignalSpy recorded(d.harness.dispatcher.get(), &Dispatcher::attemptRecorded);
    const Result<Delivery> queued = d.harness.enqueue(d.harness.toSink(connectionId));
    QVERIFY(queued);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(d.harness.reload(queued->id)->state, DeliveryState::Failed);
    const QString reason = recorded.at(recorded.count() - 1).at(0).value<AttemptRecord>().reason;
    QVERIFY2(reason.contains(u"oauth.refresh_rejected"_s), qPrintable(reason));
    QVERIFY2(!reason.contains(first->refreshToken), "no token in the attempt log");
    QCOMPARE(reauthorization.count(), 1);
    QVERIFY(d.refresher.needsReauthorization(connectionId));
    QCOMPARE(d.harness.sink.requests().size(), 1); // nothing sent without a token
}

void TestOAuthDispatch::connectionsWithoutOAuthUseTheFallback()
{
    OAuthDispatch d(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(d.harness.open(), qPrintable(d.harness.error));
    const qint64 connectionId = d.harness.addConnection(u"stripe"_s); // an API key
    QVERIFY2(connectionId, qPrintable(d.harness.error));
    d.harness.credentials.authorizationValue = "Bearer sk_test_fallback";
    QVERIFY2(d.startDispatcher(), qPrintable(d.harness.error));
    QSignalSpy finished(d.harness.dispatcher.get(), &Dispatcher::deliveryFinished);
    QVERIFY(d.harness.enqueue(d.harness.toSink(connectionId)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(authorizationsSent(d.harness.sink), QList<QByteArray>{"Bearer sk_test_fallback"});
}

QTEST_GUILESS_MAIN(TestOAuthDispatch)
#include "tst_oauthdispatch.moc"
