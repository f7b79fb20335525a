// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatch engine's "refresh on 401" (core/dispatch/tokenrefresher.h) on the OAuth core,
// against a real authorization server (oidc-provider, npm).
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/dispatchrefreshhook.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"

#include "support/results.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

class TestDispatchRefreshHook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refreshOn401();
    void errorsInTheDispatchersCodes_data();
    void errorsInTheDispatchersCodes();

private:
    OidcPeer m_oidc;
    QNetworkAccessManager m_network;
};

void TestDispatchRefreshHook::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestDispatchRefreshHook::refreshOn401()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> first = grant(store, clock, 1, m_oidc.nativeClient(), u"uma"_s,
                                                &failure);
    QVERIFY2(first, qPrintable(failure));
    CredentialRefresher refresher(store, m_network, clock, random);
    refresher.watch(1, m_oidc.nativeClient());
    DispatchRefreshHook hook(refresher, clock);
    TokenRefresher &dispatcherView = hook; // what the dispatcher holds
    const int before = m_oidc.grantCount(u"refresh_token"_s);

    // Three deliveries got a 401 at the same time: one refresh.
    QList<QFuture<Result<void>>> calls;
    for (int i = 0; i < 3; ++i)
        calls.append(dispatcherView.refresh(1));
    for (const QFuture<Result<void>> &call : calls) {
        const auto result = await(call);
        QVERIFY(result);
        QVERIFY2(*result, qPrintable(errorMessage(*result)));
    }
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), before + 1);
    const TokenSet second = *store.tokens(1);
    QVERIFY(second.accessToken != first->accessToken);

    // A late 401 for a request sent with the old token: the connection already holds a new one.
    clock.advanceMs(DispatchRefreshHook::defaultCoalesceMs - 1);
    const auto late = await(dispatcherView.refresh(1));
    QVERIFY(late && *late);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), before + 1);
    QCOMPARE(store.tokens(1)->accessToken, second.accessToken);

    // Later, a 401 means the new token was refused: refreshed again.
    clock.advanceMs(1);
    const auto again = await(dispatcherView.refresh(1));
    QVERIFY(again && *again);
    QCOMPARE(m_oidc.grantCount(u"refresh_token"_s), before + 2);
    QVERIFY(store.tokens(1)->accessToken != second.accessToken);
}

void TestDispatchRefreshHook::errorsInTheDispatchersCodes_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("code");
    QTest::newRow("grant-revoked") << u"revoked"_s << u"oauth.refresh_rejected"_s;
    QTest::newRow("provider-outage") << u"outage"_s << u"oauth.refresh_failed"_s;
    QTest::newRow("no-refresh-token") << u"no-refresh-token"_s << u"oauth.no_refresh_token"_s;
}

void TestDispatchRefreshHook::errorsInTheDispatchersCodes()
{
    QFETCH(QString, situation);
    QFETCH(QString, code);
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    QString failure;
    const std::optional<TokenSet> tokens = grant(store, clock, 2, m_oidc.nativeClient(),
                                                 u"victor"_s, &failure);
    QVERIFY2(tokens, qPrintable(failure));
    if (situation == u"revoked"_s) {
        QCOMPARE(m_oidc.post(m_oidc.endpoint("revocation_endpoint"),
                             {{u"token"_s, tokens->refreshToken},
                              {u"token_type_hint"_s, u"refresh_token"_s},
                              {u"client_id"_s, u"wirebench-native"_s}})
                         .httpStatus,
                 200);
    } else if (situation == u"outage"_s) {
        QVERIFY(m_oidc.startOutage(1, std::nullopt, u"/token"_s));
    } else {
        TokenSet withoutRefresh = *tokens;
        withoutRefresh.refreshToken.clear();
        store.setTokens(2, withoutRefresh);
    }
    CredentialRefresher refresher(store, m_network, clock, random);
    refresher.watch(2, m_oidc.nativeClient());
    DispatchRefreshHook hook(refresher, clock);
    const auto result = await(hook.refresh(2));
    QVERIFY(result && !*result);
    QCOMPARE(errorCode(*result), code);
    QVERIFY(!(*result).error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestDispatchRefreshHook)
#include "tst_dispatchrefreshhook.moc"
