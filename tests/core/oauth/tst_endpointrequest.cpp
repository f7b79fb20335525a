// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/endpointrequest.h"
#include "core/oauth/refreshsettings.h"
#include "core/util/randomsource.h"

#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestEndpointRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formEncodingKeepsPlusAndSlash();
    void basicAuthorization_data();
    void basicAuthorization();
    void clientAuthentication_data();
    void clientAuthentication();
    void backoff_data();
    void backoff();
};

void TestEndpointRequest::formEncodingKeepsPlusAndSlash()
{
    // A '+' left bare would reach the server as a space (RFC 6749 Appendix B).
    const QByteArray body = formEncode({{u"refresh_token"_s, u"a+b/c=="_s},
                                        {u"scope"_s, u"openid offline_access"_s},
                                        {u"redirect_uri"_s, u"http://127.0.0.1:5000/callback"_s}});
    QCOMPARE(body, "refresh_token=a%2Bb%2Fc%3D%3D&scope=openid%20offline_access&redirect_uri="
                   "http%3A%2F%2F127.0.0.1%3A5000%2Fcallback"_ba);
    const QUrlQuery decoded(QString::fromLatin1(body));
    QCOMPARE(decoded.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded), u"a+b/c=="_s);
}

void TestEndpointRequest::basicAuthorization_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("clientSecret");
    QTest::addColumn<QByteArray>("header");
    // RFC 6749 §2.3.1, the example in the text.
    QTest::newRow("rfc6749-2.3.1-example")
            << u"s6BhdRkqt3"_s << u"7Fjfp0ZBr1KtDRbnfVdmIw"_s
            << "Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3"_ba;
    // The id and secret are form-encoded before base64, so a ':' in the id cannot split it:
    // base64("client%3A1:p%40ss%20word%2B").
    QTest::newRow("reserved-characters-encoded-first")
            << u"client:1"_s << u"p@ss word+"_s << "Basic Y2xpZW50JTNBMTpwJTQwc3MlMjB3b3JkJTJC"_ba;
}

void TestEndpointRequest::basicAuthorization()
{
    QFETCH(QString, clientId);
    QFETCH(QString, clientSecret);
    QTEST(basicClientAuthorization(clientId, clientSecret), "header");
}

void TestEndpointRequest::clientAuthentication_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("none-public-client")
            << int(ClientAuthMethod::None)
            << "grant_type=refresh_token&refresh_token=rt&client_id=app%201"_ba << QByteArray();
    QTest::newRow("client-secret-post")
            << int(ClientAuthMethod::ClientSecretPost)
            << "grant_type=refresh_token&refresh_token=rt&client_id=app%201&client_secret=s%2B1"_ba
            << QByteArray();
    QTest::newRow("client-secret-basic") << int(ClientAuthMethod::ClientSecretBasic)
                                         << "grant_type=refresh_token&refresh_token=rt"_ba
                                         << basicClientAuthorization(u"app 1"_s, u"s+1"_s);
}

void TestEndpointRequest::clientAuthentication()
{
    QFETCH(int, method);
    OAuthClientConfig config;
    config.clientId = u"app 1"_s;
    config.clientSecret = u"s+1"_s;
    config.clientAuth = ClientAuthMethod(method);
    const QUrl url(u"https://auth.example/token"_s);
    const EndpointRequest request = buildEndpointRequest(url, config,
                                                         {{u"grant_type"_s, u"refresh_token"_s},
                                                          {u"refresh_token"_s, u"rt"_s}});
    QTEST(request.body, "body");
    QTEST(request.request.rawHeader("Authorization"), "authorization");
    QCOMPARE(request.request.url(), url);
    QCOMPARE(request.request.rawHeader("Accept"), "application/json"_ba);
    QCOMPARE(request.request.header(QNetworkRequest::ContentTypeHeader).toString(),
             u"application/x-www-form-urlencoded"_s);
    QCOMPARE(request.request.transferTimeout(), endpointTimeoutMs);
}

void TestEndpointRequest::backoff_data()
{
    QTest::addColumn<int>("failureCount");
    QTest::addColumn<double>("uniform");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::addColumn<qint64>("expected");
    // base 1 s, cap 10 s: full jitter over min(cap, base·2^(n−1)).
    QTest::newRow("first-failure-half") << 1 << 0.5 << qint64(-1) << qint64(500);
    QTest::newRow("second-failure-half") << 2 << 0.5 << qint64(-1) << qint64(1000);
    QTest::newRow("third-failure-almost-one") << 3 << 0.999 << qint64(-1) << qint64(3996);
    QTest::newRow("tenth-failure-capped") << 10 << 0.5 << qint64(-1) << qint64(5000);
    QTest::newRow("huge-count-capped") << 1000 << 0.5 << qint64(-1) << qint64(5000);
    QTest::newRow("jitter-zero") << 4 << 0.0 << qint64(-1) << qint64(0);
    QTest::newRow("retry-after-is-a-floor") << 1 << 0.1 << qint64(7000) << qint64(7000);
    QTest::newRow("retry-after-below-jitter") << 5 << 0.5 << qint64(2000) << qint64(5000);
}

void TestEndpointRequest::backoff()
{
    QFETCH(int, failureCount);
    QFETCH(double, uniform);
    QFETCH(qint64, retryAfterMs);
    RefreshSettings settings;
    settings.retryBaseMs = 1000;
    settings.retryCapMs = 10'000;
    ScriptedRandomSource random({uniform});
    const std::optional<qint64> retryAfter = retryAfterMs < 0 ? std::nullopt
                                                              : std::optional(retryAfterMs);
    QTEST(refreshBackoffMs(settings, failureCount, random, retryAfter), "expected");
}

QTEST_GUILESS_MAIN(TestEndpointRequest)
#include "tst_endpointrequest.moc"
