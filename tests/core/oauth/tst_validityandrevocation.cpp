// SPDX-License-Identifier: GPL-3.0-or-later
// Validity checks through the userinfo endpoint and RFC 7009 revocation on removal, against a
// real authorization server (oidc-provider, npm).
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/tokenrevoker.h"
#include "core/oauth/validitychecker.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"

#include "support/results.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

class TestValidityAndRevocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validityCheck_data();
    void validityCheck();
    void periodicCheck();
    void revocationOnRemoval_data();
    void revocationOnRemoval();

private:
    EndpointReply revokeAtProvider(const QString &token, const QString &hint);

    OidcPeer m_oidc;
    OidcPeer m_shortLived; // 2 s access tokens
    QNetworkAccessManager m_network;
    qint64 m_nextConnection = 1;
};

void TestValidityAndRevocation::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
    QVERIFY2(m_shortLived.start({u"--access-token-ttl"_s, u"2"_s}),
             qPrintable(m_shortLived.errorString()));
}

EndpointReply TestValidityAndRevocation::revokeAtProvider(const QString &token, const QString &hint)
{
    return m_oidc.post(m_oidc.endpoint("revocation_endpoint"),
                       {{u"token"_s, token},
                        {u"token_type_hint"_s, hint},
                        {u"client_id"_s, u"wirebench-native"_s}});
}

void TestValidityAndRevocation::validityCheck_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("refreshes");
    QTest::addColumn<bool>("marked");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("token-accepted") << u"valid"_s << int(ValidityCheck::Verdict::Valid) << 200 << 0
                                    << false << u"HTTP 200"_s;
    // The provider let the access token expire before our clock did (a skewed clock, a shorter
    // lifetime than announced): 401, then refresh on 401 repairs it.
    QTest::newRow("access-token-expired-at-provider-refresh-repairs")
            << u"expired-at-provider"_s << int(ValidityCheck::Verdict::Valid) << 200 << 1 << false
            << u"HTTP 200"_s;
    QTest::newRow("grant-revoked") << u"grant-revoked"_s << int(ValidityCheck::Verdict::Invalid)
                                   << 401 << 0 << true << u"authorized again"_s;
    QTest::newRow("provider-outage") << u"outage"_s << int(ValidityCheck::Verdict::Unknown) << 503
                                     << 0 << false << u"HTTP 503"_s;
}

void TestValidityAndRevocation::validityCheck()
{
    QFETCH(QString, situation);
    QFETCH(int, verdict);
    QFETCH(int, httpStatus);
    QFETCH(int, refreshes);
    QFETCH(bool, marked);
    QFETCH(QString, messageContains);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ManualClock clock(now); // stands still: our reckoning never sees the token expire
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    const qint64 connection = m_nextConnection++;
    OidcPeer &oidc = situation == u"expired-at-provider"_s ? m_shortLived : m_oidc;
    QString failure;
    const std::optional<TokenSet> tokens = grant(store, clock, connection, oidc.nativeClient(),
                                                 u"peggy"_s, &failure);
    QVERIFY2(tokens, qPrintable(failure));

    if (situation == u"expired-at-provider"_s) {
        QTRY_COMPARE_WITH_TIMEOUT(oidc.getWithBearer(oidc.endpoint("userinfo_endpoint"),
                                                     tokens->accessToken)
                                          .httpStatus,
                                  401, 20'000);
    } else if (situation == u"grant-revoked"_s)
        QCOMPARE(revokeAtProvider(tokens->refreshToken, u"refresh_token"_s).httpStatus, 200);
    else if (situation == u"outage"_s)
        QVERIFY(m_oidc.startOutage(1, std::nullopt, u"/me"_s));

    CredentialRefresher refresher(store, m_network, clock, random);
    refresher.watch(connection, oidc.nativeClient());
    ValidityChecker checker(refresher, store, m_network, clock);
    QSignalSpy checked(&checker, &ValidityChecker::checked);
    const int refreshGrantsBefore = oidc.grantCount(u"refresh_token"_s);

    const auto check = await(checker.check(connection));
    QVERIFY(check);
    QCOMPARE(int(check->verdict), verdict);
    QCOMPARE(check->httpStatus, httpStatus);
    QCOMPARE(check->checkedAtMs, now);
    QVERIFY2(check->message.contains(messageContains), qPrintable(check->message));
    QVERIFY2(!check->message.contains(tokens->accessToken), "a message must not hold a token");
    QCOMPARE(oidc.grantCount(u"refresh_token"_s), refreshGrantsBefore + refreshes);
    QCOMPARE(store.needsReauthorization(connection), marked);
    QCOMPARE(refresher.needsReauthorization(connection), marked);
    // Recorded for the models, and reported.
    QCOMPARE(store.lastCheck(connection), *check);
    QCOMPARE(checked.size(), 1);
    QCOMPARE(checked.at(0).at(0).toLongLong(), connection);
}

void TestValidityAndRevocation::periodicCheck()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    ScriptedRandomSource random({0.5});
    const qint64 connection = m_nextConnection++;
    QString failure;
    QVERIFY2(grant(store, clock, connection, m_oidc.nativeClient(), u"trent"_s, &failure),
             qPrintable(failure));
    CredentialRefresher refresher(store, m_network, clock, random);
    refresher.watch(connection, m_oidc.nativeClient());
    ValidityChecker checker(refresher, store, m_network, clock);
    QSignalSpy checked(&checker, &ValidityChecker::checked);
    checker.watch(connection, 200); // real time
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 2, 20'000);
    for (const QList<QVariant> &arguments : checked)
        QCOMPARE(arguments.at(1).value<ValidityCheck>().verdict, ValidityCheck::Verdict::Valid);
    QCOMPARE(store.lastCheck(connection)->verdict, ValidityCheck::Verdict::Valid);
    checker.unwatch(connection);
}

void TestValidityAndRevocation::revocationOnRemoval_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<bool>("revokedAtProvider");
    QTest::addColumn<bool>("tokensStillWork");
    QTest::newRow("provider-revokes") << u"supported"_s << true << true << false;
    QTest::newRow("profile-without-revocation-endpoint")
            << u"unsupported"_s << true << false << true;
    QTest::newRow("revocation-endpoint-down") << u"outage"_s << false << false << true;
}

void TestValidityAndRevocation::revocationOnRemoval()
{
    QFETCH(QString, situation);
    QFETCH(bool, succeeds);
    QFETCH(bool, revokedAtProvider);
    QFETCH(bool, tokensStillWork);
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    MemoryTokenStore store(clock);
    const qint64 connection = m_nextConnection++;
    QString failure;
    const std::optional<TokenSet> tokens = grant(store, clock, connection, m_oidc.nativeClient(),
                                                 u"victor"_s, &failure);
    QVERIFY2(tokens, qPrintable(failure));

    OAuthClientConfig config = m_oidc.nativeClient();
    if (situation == u"unsupported"_s)
        config.revocationUrl.clear();
    else if (situation == u"outage"_s)
        QVERIFY(m_oidc.startOutage(1, std::nullopt, u"/token/revocation"_s));

    TokenRevoker revoker(store, m_network);
    const auto removed = await(revoker.revokeAndRemove(connection, config));
    QVERIFY(removed);
    if (succeeds) {
        QVERIFY2(*removed, qPrintable(errorMessage(*removed)));
        QVERIFY((*removed)->hadCredential);
        QCOMPARE((*removed)->revokedAtProvider, revokedAtProvider);
        QCOMPARE((*removed)->providerSupportsRevocation, situation == u"supported"_s);
    } else {
        QVERIFY(!*removed);
        QCOMPARE(errorCode(*removed), u"oauth.revocation_failed"_s);
        QVERIFY2((*removed).error().message.contains(u"removed all the same"_s),
                 qPrintable((*removed).error().message));
    }
    // Nothing stays behind in the store, whatever the provider said.
    QVERIFY(!store.tokens(connection));

    // At the provider: RFC 7009 §2.1, revoking the refresh token ends the grant's access tokens.
    const int userinfo = m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"),
                                              tokens->accessToken)
                                 .httpStatus;
    QCOMPARE(userinfo, tokensStillWork ? 200 : 401);
    if (!tokensStillWork) {
        const EndpointReply refresh = m_oidc.post(m_oidc.endpoint("token_endpoint"),
                                                  {{u"grant_type"_s, u"refresh_token"_s},
                                                   {u"refresh_token"_s, tokens->refreshToken},
                                                   {u"client_id"_s, u"wirebench-native"_s}});
        QCOMPARE(refresh.httpStatus, 400);
        QVERIFY2(refresh.body.contains("invalid_grant"), refresh.body.constData());
    }
}

QTEST_GUILESS_MAIN(TestValidityAndRevocation)
#include "tst_validityandrevocation.moc"
