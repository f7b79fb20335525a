// SPDX-License-Identifier: GPL-3.0-or-later
// How CredentialRefresher fails, against a real authorization server (oidc-provider, npm): a dead
// grant ends in needs_reauthorization, invalid_grant re-reads the store first, and a provider
// outage or network failure is retried with backoff without ending the connection.
#include "core/oauth/credentialrefresher.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"

#include "support/results.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {

RefreshSettings fastSettings()
{
    RefreshSettings settings;
    settings.leaseRetryMs = 50;
    settings.retryBaseMs = 200;
    settings.retryCapMs = 5'000;
    return settings;
}

// A loopback port with nobody listening on it.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress(QHostAddress::LocalHost), 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestRefreshFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void revokedGrantNeedsReauthorization();
    void invalidGrantRereadsTheStore_data();
    void invalidGrantRereadsTheStore();
    void outageIsRetriedWithBackoff_data();
    void outageIsRetriedWithBackoff();

private:
    EndpointReply refreshManually(const QString &refreshToken);
    EndpointReply revoke(const QString &token, const QString &hint);
    qsizetype grantErrorCount() { return m_oidc.stats().value(u"grantErrors"_s).toArray().size(); }

    OidcPeer m_oidc;
    QNetworkAccessManager m_network;
};

void TestRefreshFailures::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

EndpointReply TestRefreshFailures::refreshManually(const QString &refreshToken)
{
    return m_oidc.post(m_oidc.endpoint("token_endpoint"), {{u"grant_type"_s, u"refresh_token"_s},
                                                           {u"refresh_token"_s, refreshToken},
                                                           {u"client_id"_s, u"wirebench-native"_s}});
}

EndpointReply TestRefreshFailures::revoke(const QString &token, const QString &hint)
{
    // RFC 7009 §2.1, as the user's "remove this app" at the provider would.
    return m_oidc.post(m_oidc.endpoint("revocation_endpoint"),
                       {{u"token"_s, token},
                        {u"token_type_hint"_s, hint},
                        {u"client_id"_s, u"wirebench-native"_s}});
}

void TestRefreshFailures::revokedGrantNeedsReauthorization()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 1, m_oidc.nativeClient(), u"judy"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    QCOMPARE(revoke(first->refreshToken, u"refresh_token"_s).httpStatus, 200);

    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    QSignalSpy reauthorization(&refresher, &CredentialRefresher::reauthorizationNeeded);
    refresher.watch(1, m_oidc.nativeClient());
    const auto refused = await(refresher.refresh(1, first->accessToken));
    QVERIFY(refused && !*refused);
    QCOMPARE(wb::test::errorCode(*refused), u"oauth.invalid_grant"_s);
    QCOMPARE(reauthorization.size(), 1);
    QCOMPARE(reauthorization.at(0).at(0).toLongLong(), 1);
    QVERIFY(refresher.needsReauthorization(1));
    QVERIFY(store.needsReauthorization(1));
    QCOMPARE(store.reauthorizationReason(1)->code, u"oauth.invalid_grant"_s);
    QCOMPARE(refresher.nextRefreshAtMs(1), 0);
    // Under the lease it read the credential, spent it, re-read the store once (another process
    // might have refreshed), and only then marked the connection.
    const QString holder = refresher.leaseHolder();
    const QStringList events = store.events();
    const QStringList underLease = events.mid(events.indexOf(u"lease 1 %1 granted"_s.arg(holder))
                                              + 1);
    QCOMPARE(underLease,
             (QStringList{u"read 1"_s, u"read 1"_s, u"reauth 1 releasing %1"_s.arg(holder)}));
    QCOMPARE(store.leaseHolder(1), QString());

    // Nothing more is sent for this connection until it is authorized again.
    const qsizetype errors = grantErrorCount();
    const auto again = await(refresher.refresh(1, first->accessToken));
    QVERIFY(again && !*again);
    QCOMPARE(wb::test::errorCode(*again), u"oauth.needs_reauthorization"_s);
    QCOMPARE(grantErrorCount(), errors);

    // A new authorization brings it back.
    const std::optional<TokenSet> renewed = grant(store, clock, 1, m_oidc.nativeClient(), u"judy"_s,
                                                  &failure);
    QVERIFY2(renewed, qPrintable(failure));
    QVERIFY(!store.needsReauthorization(1));
    refresher.watch(1, m_oidc.nativeClient());
    QVERIFY(!refresher.needsReauthorization(1));
    const auto refreshed = await(refresher.refresh(1, renewed->accessToken));
    QVERIFY2(refreshed && *refreshed,
             qPrintable(refreshed ? errorMessage(*refreshed) : u"no result"_s));
}

void TestRefreshFailures::invalidGrantRereadsTheStore_data()
{
    QTest::addColumn<bool>("otherProcessReauthorized");
    QTest::addColumn<bool>("recovers");
    // Another process authorized the connection again (a new grant) while this one still read
    // the old, revoked credential: invalid_grant, re-read, the newer refresh token works.
    QTest::newRow("other-process-reauthorized") << true << true;
    // Another process refreshed without the lease, and this one spends the same (rotated)
    // refresh token again: oidc-provider detects the reuse and revokes the whole grant, so the
    // retry with the newer token fails too (RFC 9700 §4.14.2). This is what the lease prevents.
    QTest::newRow("rotated-token-reused-grant-revoked") << false << false;
}

void TestRefreshFailures::invalidGrantRereadsTheStore()
{
    QFETCH(bool, otherProcessReauthorized);
    QFETCH(bool, recovers);
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> stale = grant(store, clock, 2, m_oidc.nativeClient(),
                                                u"mallory"_s, &failure);
    QVERIFY2(stale, qPrintable(failure));

    TokenSet newer;
    if (otherProcessReauthorized) {
        QCOMPARE(revoke(stale->refreshToken, u"refresh_token"_s).httpStatus, 200);
        const std::optional<TokenSet> renewed = grant(store, clock, 2, m_oidc.nativeClient(),
                                                      u"mallory"_s, &failure);
        QVERIFY2(renewed, qPrintable(failure));
        newer = *renewed;
    } else {
        const EndpointReply reply = refreshManually(stale->refreshToken);
        const Result<TokenSet> refreshed = parseTokenResponse(reply, m_oidc.nativeClient(),
                                                              clock.nowMs(), false);
        QVERIFY2(refreshed, qPrintable(errorMessage(refreshed)));
        newer = mergeRefreshed(*stale, *refreshed);
        store.setTokens(2, newer);
    }
    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    refresher.watch(2, m_oidc.nativeClient());
    // This refresher's read under the lease still sees the old credential.
    store.serveOnNextRead(2, *stale);
    const qsizetype errorsBefore = grantErrorCount();
    const auto result = await(refresher.refresh(2, stale->accessToken));
    QVERIFY(result);
    QCOMPARE(grantErrorCount(), errorsBefore + (recovers ? 1 : 2));
    if (recovers) {
        QVERIFY2(*result, qPrintable(errorMessage(*result)));
        const TokenSet stored = *store.tokens(2);
        QCOMPARE((*result)->token, stored.accessToken);
        QVERIFY(stored.refreshToken != newer.refreshToken); // the newer one was spent, once
        QVERIFY(!store.needsReauthorization(2));
        QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), stored.accessToken)
                         .httpStatus,
                 200);
    } else {
        QVERIFY(!*result);
        QCOMPARE(wb::test::errorCode(*result), u"oauth.invalid_grant"_s);
        QVERIFY(store.needsReauthorization(2));
        QVERIFY(refresher.needsReauthorization(2));
    }
}

void TestRefreshFailures::outageIsRetriedWithBackoff_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<qint64>("firstWaitMs");
    QTest::addColumn<qint64>("secondWaitMs");
    // Full jitter with the scripted 0.5: 0.5 × 200 ms, then 0.5 × 400 ms; Retry-After is a floor.
    QTest::newRow("503-with-retry-after") << u"retry-after"_s << u"oauth.provider_unavailable"_s
                                          << qint64(3'000) << qint64(3'000);
    QTest::newRow("503-without-retry-after")
            << u"plain"_s << u"oauth.provider_unavailable"_s << qint64(100) << qint64(200);
    QTest::newRow("network-failure")
            << u"network"_s << u"oauth.network_error"_s << qint64(100) << qint64(200);
}

void TestRefreshFailures::outageIsRetriedWithBackoff()
{
    QFETCH(QString, kind);
    QFETCH(QString, errorCode);
    QFETCH(qint64, firstWaitMs);
    QFETCH(qint64, secondWaitMs);
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 3, m_oidc.nativeClient(), u"oscar"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));

    const int outagesBefore = m_oidc.stats().value(u"outageResponses"_s).toInt();
    OAuthClientConfig config = m_oidc.nativeClient();
    if (kind == u"network"_s)
        config.tokenUrl = QUrl(u"http://127.0.0.1:%1/token"_s.arg(closedPort()));
    else
        QVERIFY(m_oidc.startOutage(2, kind == u"retry-after"_s ? std::optional(3) : std::nullopt,
                                   u"/token"_s));

    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    QSignalSpy failed(&refresher, &CredentialRefresher::refreshFailed);
    QSignalSpy refreshed(&refresher, &CredentialRefresher::refreshed);
    QSignalSpy reauthorization(&refresher, &CredentialRefresher::reauthorizationNeeded);
    refresher.watch(3, config);
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);

    // First attempt: the caller hears of the outage at once; a retry is planned.
    const auto refused = await(refresher.refresh(3, first->accessToken));
    QVERIFY(refused && !*refused);
    QCOMPARE(wb::test::errorCode(*refused), errorCode);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(2).toLongLong(), clock.nowMs() + firstWaitMs);
    QCOMPARE(refresher.nextRefreshAtMs(3), clock.nowMs() + firstWaitMs);

    // While backing off, callers are told so without another request.
    const auto backingOff = await(refresher.refresh(3, first->accessToken));
    QVERIFY(backingOff && !*backingOff);
    QCOMPARE(wb::test::errorCode(*backingOff), u"oauth.backing_off"_s);
    QCOMPARE(failed.size(), 1);

    // Second attempt, on the timer once the clock says so.
    clock.advanceMs(firstWaitMs);
    refresher.reschedule();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20'000);
    QCOMPARE(failed.at(1).at(2).toLongLong(), clock.nowMs() + secondWaitMs);

    if (kind == u"network"_s) {
        // The profile is fixed (the token endpoint reachable again); watching anew retries.
        refresher.watch(3, m_oidc.nativeClient());
        const auto retried = await(refresher.refresh(3, first->accessToken));
        QVERIFY2(retried && *retried, qPrintable(retried ? errorMessage(*retried) : u"no result"_s));
    } else {
        clock.advanceMs(secondWaitMs);
        refresher.reschedule();
        QVERIFY(refreshed.wait(20'000));
    }
    QCOMPARE(failed.size(), 2);
    QCOMPARE(reauthorization.size(), 0);
    QVERIFY(!store.needsReauthorization(3));
    QVERIFY(store.tokens(3)->accessToken != first->accessToken);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
    if (kind != u"network"_s)
        QCOMPARE(m_oidc.stats().value(u"outageResponses"_s).toInt(), outagesBefore + 2);
}

QTEST_GUILESS_MAIN(TestRefreshFailures)
#include "tst_refreshfailures.moc"
