// SPDX-License-Identifier: GPL-3.0-or-later
// CredentialRefresher against a real authorization server (oidc-provider, npm, with refresh-token
// rotation on every use and reuse detection): proactive refresh on the injected clock and on real
// timers, rotation stored before use, single flight, the refresh lease between refreshers.
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

qsizetype indexOf(const QStringList &events, const QString &prefix)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).startsWith(prefix))
            return i;
    }
    return -1;
}

} // namespace

class TestCredentialRefresher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void proactiveRefreshOnTheInjectedClock();
    void proactiveRefreshOnRealTimers();
    void rotatedTokenIsStoredBeforeTheAccessTokenIsUsed();
    void unsavedCredentialIsStoredBeforeAnythingIsSpent();
    void concurrentRefreshesSpendOneRefreshToken();
    void twoRefreshersShareOneLease();
    void accessTokenRefreshesOnlyWhenExpired();

private:
    OidcPeer m_oidc;
    QNetworkAccessManager m_network;
};

void TestCredentialRefresher::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestCredentialRefresher::proactiveRefreshOnTheInjectedClock()
{
    // The manual clock starts at the real time: the server checks lifetimes on its own clock.
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    ManualClock clock(t0);
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 1, m_oidc.nativeClient(), u"carol"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    // 60 s tokens: refreshed at receipt + 60 s − 15 s (the margin capped at a quarter).
    QCOMPARE(first->expiresAtMs, t0 + 45'000);

    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    QSignalSpy refreshed(&refresher, &CredentialRefresher::refreshed);
    refresher.watch(1, m_oidc.nativeClient());
    QTRY_COMPARE(refresher.nextRefreshAtMs(1), t0 + 45'000);
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);

    clock.advanceMs(44'999);
    refresher.reschedule();
    QCOMPARE(refresher.nextRefreshAtMs(1), t0 + 45'000); // one millisecond early: nothing
    QCOMPARE(refreshed.size(), 0);

    store.logEvent(u"due"_s);
    clock.advanceMs(1);
    refresher.reschedule();
    QVERIFY(refreshed.wait(20'000));
    const std::optional<TokenSet> second = store.tokens(1);
    QVERIFY(second);
    QVERIFY(second->accessToken != first->accessToken);
    QVERIFY(second->refreshToken != first->refreshToken); // rotated, and the new one stored
    QCOMPARE(second->receivedAtMs, t0 + 45'000);
    QCOMPARE(second->expiresAtMs, t0 + 90'000);
    QCOMPARE(second->accountId, u"carol"_s); // kept from the authorization
    QCOMPARE(refreshed.at(0).at(0).toLongLong(), 1);
    QCOMPARE(refreshed.at(0).at(1).toLongLong(), t0 + 90'000);
    QCOMPARE(refresher.nextRefreshAtMs(1), t0 + 90'000);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);

    // Under the lease: lease → read → write the rotated token and release the lease in one write.
    const QStringList events = store.events().mid(indexOf(store.events(), u"due"_s) + 1);
    const QString holder = refresher.leaseHolder();
    QCOMPARE(events, (QStringList{u"lease 1 %1 granted"_s.arg(holder), u"read 1"_s,
                                  u"write 1 %1 releasing %2"_s.arg(second->refreshToken, holder)}));
    QCOMPARE(store.leaseHolder(1), QString());

    // The new access token is good; the old refresh token is spent (rotation at the server).
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), second->accessToken)
                     .httpStatus,
             200);
    const EndpointReply reused = m_oidc.post(m_oidc.endpoint("token_endpoint"),
                                             {{u"grant_type"_s, u"refresh_token"_s},
                                              {u"refresh_token"_s, first->refreshToken},
                                              {u"client_id"_s, u"wirebench-native"_s}});
    QCOMPARE(reused.httpStatus, 400);
    QVERIFY2(reused.body.contains("invalid_grant"), reused.body.constData());
}

void TestCredentialRefresher::proactiveRefreshOnRealTimers()
{
    // A server of its own with 4 s access tokens: refreshed 3 s after each receipt (4 s − a
    // quarter), on real timers and the system clock.
    OidcPeer shortLived;
    QVERIFY2(shortLived.start({u"--access-token-ttl"_s, u"4"_s}),
             qPrintable(shortLived.errorString()));
    MemoryTokenStore store(*SystemClock::instance());
    QString failure;
    const std::optional<TokenSet> first = grant(store, *SystemClock::instance(), 2,
                                                shortLived.nativeClient(), u"dave"_s, &failure);
    QVERIFY2(first, qPrintable(failure));
    QCOMPARE(first->expiresAtMs - first->receivedAtMs, 3'000);

    CredentialRefresher refresher(store, m_network, *SystemClock::instance(),
                                  *SystemRandomSource::instance(), fastSettings());
    QSignalSpy refreshed(&refresher, &CredentialRefresher::refreshed);
    refresher.watch(2, shortLived.nativeClient());
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 30'000);

    // Each refresh rotated the refresh token and stored it.
    QStringList written;
    for (const QString &event : store.events()) {
        if (event.startsWith(u"write 2 "_s))
            written.append(event.section(u' ', 2, 2));
    }
    QVERIFY2(written.size() >= 3, qPrintable(written.join(u", "_s))); // authorization + 2
    QCOMPARE(QSet<QString>(written.begin(), written.end()).size(), written.size());
    const TokenSet latest = *store.tokens(2);
    QCOMPARE(latest.refreshToken, written.last());
    QVERIFY(latest.receivedAtMs >= first->receivedAtMs + 2 * 3'000);
    QCOMPARE(latest.expiresAtMs - latest.receivedAtMs, 3'000);
    QVERIFY(shortLived.grantCount(u"refresh_token"_s) >= 2);
    QCOMPARE(shortLived.getWithBearer(shortLived.endpoint("userinfo_endpoint"), latest.accessToken)
                     .httpStatus,
             200);
}

void TestCredentialRefresher::rotatedTokenIsStoredBeforeTheAccessTokenIsUsed()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 3, m_oidc.nativeClient(), u"erin"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    refresher.watch(3, m_oidc.nativeClient());

    // The dispatch engine's hook: the API refused the access token (HTTP 401).
    QFuture<Result<AccessToken>> refreshed = refresher.refresh(3, first->accessToken);
    refreshed.then(&store, [&store](const Result<AccessToken> &token) {
        if (token)
            store.logEvent(u"use "_s + token->token);
    });
    const auto token = await(refreshed);
    QVERIFY(token && *token);
    QVERIFY((*token)->token != first->accessToken);
    QCOMPARE((*token)->tokenType, u"Bearer"_s);
    const TokenSet stored = *store.tokens(3);
    QCOMPARE((*token)->token, stored.accessToken);
    QCOMPARE((*token)->expiresAtMs, stored.expiresAtMs);

    QTRY_VERIFY(indexOf(store.events(), u"use "_s) >= 0);
    const qsizetype written = indexOf(store.events(), u"write 3 %1"_s.arg(stored.refreshToken));
    const qsizetype used = indexOf(store.events(), u"use %1"_s.arg(stored.accessToken));
    QVERIFY2(written >= 0 && written < used, qPrintable(store.events().join(u" | "_s)));
}

void TestCredentialRefresher::unsavedCredentialIsStoredBeforeAnythingIsSpent()
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    ManualClock clock(t0);
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 4, m_oidc.nativeClient(), u"frank"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    QSignalSpy failed(&refresher, &CredentialRefresher::refreshFailed);
    refresher.watch(4, m_oidc.nativeClient());
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);

    // The refresh succeeds at the server, but the store refuses every write (three attempts): the
    // new access token is not handed out, the old credential stays stored.
    store.failNextWrites(3);
    const auto refused = await(refresher.refresh(4, first->accessToken));
    QVERIFY(refused && !*refused);
    QCOMPARE(errorCode(*refused), u"store.write_failed"_s);
    QCOMPARE(*store.tokens(4), *first);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(2).toLongLong(), t0 + 100); // 0.5 × 200 ms

    // The next attempt stores the credential it kept (the only live refresh token) and spends
    // nothing.
    clock.advanceMs(100);
    refresher.reschedule();
    QSignalSpy refreshed(&refresher, &CredentialRefresher::refreshed);
    QVERIFY(refreshed.wait(20'000));
    const TokenSet stored = *store.tokens(4);
    QVERIFY(stored.refreshToken != first->refreshToken);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
    // …and that refresh token is indeed the live one.
    const auto next = await(refresher.refresh(4, stored.accessToken));
    QVERIFY2(next && *next, qPrintable(next ? errorMessage(*next) : u"no result"_s));
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 2);
}

void TestCredentialRefresher::concurrentRefreshesSpendOneRefreshToken()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 5, m_oidc.nativeClient(), u"grace"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    refresher.watch(5, m_oidc.nativeClient());
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);

    QList<QFuture<Result<AccessToken>>> futures;
    for (int i = 0; i < 5; ++i)
        futures.append(refresher.refresh(5, first->accessToken));
    QString token;
    for (const QFuture<Result<AccessToken>> &future : futures) {
        const auto result = await(future);
        QVERIFY(result && *result);
        if (token.isEmpty())
            token = (*result)->token;
        QCOMPARE((*result)->token, token);
    }
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
    QCOMPARE(store.tokens(5)->accessToken, token);
    // One more 401 for the old token right after: the stored token is already another one.
    const auto late = await(refresher.refresh(5, first->accessToken));
    QVERIFY(late && *late);
    QCOMPARE((*late)->token, token);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
}

void TestCredentialRefresher::twoRefreshersShareOneLease()
{
    // Two refreshers on one store stand in for two processes sharing a workspace (the
    // two-process test runs real processes on the workspace store).
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 6, m_oidc.nativeClient(), u"heidi"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    CredentialRefresher a(store, m_network, clock, random, fastSettings());
    CredentialRefresher b(store, m_network, clock, random, fastSettings());
    QVERIFY(a.leaseHolder() != b.leaseHolder());
    a.watch(6, m_oidc.nativeClient());
    b.watch(6, m_oidc.nativeClient());
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);
    const qsizetype grantErrorsBefore = m_oidc.stats().value(u"grantErrors"_s).toArray().size();

    QFuture<Result<AccessToken>> fromA = a.refresh(6, first->accessToken);
    QFuture<Result<AccessToken>> fromB = b.refresh(6, first->accessToken);
    const auto resultA = await(fromA);
    const auto resultB = await(fromB);
    QVERIFY(resultA && *resultA);
    QVERIFY(resultB && *resultB);
    QCOMPARE((*resultA)->token, (*resultB)->token);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);
    const QStringList events = store.events();
    QVERIFY2(events.contains(u"lease 6 %1 busy"_s.arg(b.leaseHolder()))
                     || events.contains(u"lease 6 %1 busy"_s.arg(a.leaseHolder())),
             qPrintable(events.join(u" | "_s)));
    // The grant is alive: nobody spent a refresh token twice.
    QCOMPARE(m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"), (*resultA)->token).httpStatus,
             200);
    QCOMPARE(m_oidc.stats().value(u"grantErrors"_s).toArray().size(), grantErrorsBefore);
}

void TestCredentialRefresher::accessTokenRefreshesOnlyWhenExpired()
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    ManualClock clock(t0);
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 7, m_oidc.nativeClient(), u"ivan"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    CredentialRefresher refresher(store, m_network, clock, random, fastSettings());
    refresher.watch(7, m_oidc.nativeClient());
    const int refreshGrantsBefore = m_oidc.grantCount(u"refresh_token"_s);

    const auto current = await(refresher.accessToken(7));
    QVERIFY(current && *current);
    QCOMPARE((*current)->token, first->accessToken);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore);

    clock.advanceMs(45'000); // expired by our reckoning (the margin)
    const auto fresh = await(refresher.accessToken(7));
    QVERIFY(fresh && *fresh);
    QVERIFY((*fresh)->token != first->accessToken);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + 1);

    const auto unknown = await(refresher.accessToken(99));
    QVERIFY(unknown && !*unknown);
    QCOMPARE(errorCode(*unknown), u"oauth.not_watched"_s);
}

QTEST_GUILESS_MAIN(TestCredentialRefresher)
#include "tst_credentialrefresher.moc"
