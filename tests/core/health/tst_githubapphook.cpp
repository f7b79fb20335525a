// SPDX-License-Identifier: GPL-3.0-or-later
// The webhook of a GitHub App, checked through GET /app/hook/config and /app/hook/deliveries with
// an app JWT, against a local fake of GitHub that plays the documented example answers
// (tests/fixtures/health/github-app-hook-*.json).
#include "fakeproviderapi.h"
#include "healthtestbed.h"

#include "core/health/githubapphookclient.h"
#include "core/util/clock.h"

#include "support/futures.h"
#include "support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::FakeProviderApi;

namespace {
constexpr qint64 nowMs = 1'796'035'325'000; // 2026-11-30T10:42:05Z

QJsonObject jwtPart(const QByteArray &token, int index)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').value(index),
                                                          QByteArray::Base64UrlEncoding))
            .object();
}
} // namespace

class TestGitHubAppHook : public QObject
{
    Q_OBJECT

private:
    QByteArray m_key;

private slots:
    void initTestCase()
    {
        m_key = wb::test::newRsaKeyPem();
        QVERIFY(m_key.startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    void check_data()
    {
        QTest::addColumn<int>("configStatus");
        QTest::addColumn<QByteArray>("configBody");
        QTest::addColumn<int>("deliveriesStatus");
        QTest::addColumn<QByteArray>("deliveriesBody");
        QTest::addColumn<QString>("ourUrl");
        QTest::addColumn<RegistrationState>("state");
        QTest::addColumn<QString>("lastDelivery");
        QTest::addColumn<QString>("detailPart");
        QTest::addColumn<int>("requests");
        const QByteArray config = wb::test::readFixture(u"health/github-app-hook-config.json"_s);
        const QByteArray deliveries = wb::test::readFixture(
                u"health/github-app-hook-deliveries.json"_s);
        const QByteArray failing = wb::test::readFixture(
                u"health/github-app-hook-deliveries-failing.json"_s);
        const QString url = u"https://example.com/webhook"_s;
        QTest::newRow("active-last-delivery-ok")
                << 200 << config << 200 << deliveries << url << RegistrationState::Active
                << u"200 OK"_s << u"sends to https://example.com/webhook"_s << 2;
        QTest::newRow("active-last-delivery-failed")
                << 200 << config << 200 << failing << url << RegistrationState::Active
                << u"502 Invalid HTTP Response: 502"_s << u"sends to"_s << 2;
        QTest::newRow("no-deliveries-yet")
                << 200 << config << 200 << "[]"_ba << url << RegistrationState::Active << QString()
                << u"sends to"_s << 2;
        QTest::newRow("sends-elsewhere")
                << 200 << config << 200 << deliveries << u"https://receiver.test/github"_s
                << RegistrationState::Disabled << u"200 OK"_s
                << u"not to https://receiver.test/github"_s << 2;
        QTest::newRow("no-url") << 200 << R"({"content_type":"json","insecure_ssl":"0"})"_ba << 200
                                << "[]"_ba << url << RegistrationState::Missing << QString()
                                << u"no URL"_s << 2;
        QTest::newRow("deliveries-unreadable")
                << 200 << config << 500 << R"({"message":"Server Error"})"_ba << url
                << RegistrationState::Active << QString() << u"could not be read (HTTP 500)"_s << 2;
        QTest::newRow("jwt-refused")
                << 401
                << R"({"message":"A JSON web token could not be decoded","documentation_url":"https://docs.github.com/rest"})"_ba
                << 0 << QByteArray() << url << RegistrationState::AccessDenied << QString()
                << u"could not be decoded"_s << 1;
        QTest::newRow("no-webhook")
                << 404 << R"({"message":"Not Found"})"_ba << 0 << QByteArray() << url
                << RegistrationState::Missing << QString() << u"no webhook"_s << 1;
        QTest::newRow("server-error")
                << 502 << "<html>Bad Gateway</html>"_ba << 0 << QByteArray() << url
                << RegistrationState::CheckFailed << QString() << u"HTTP 502"_s << 1;
    }

    void check()
    {
        QFETCH(int, configStatus);
        QFETCH(QByteArray, configBody);
        QFETCH(int, deliveriesStatus);
        QFETCH(QByteArray, deliveriesBody);
        QFETCH(QString, ourUrl);
        QFETCH(RegistrationState, state);
        QFETCH(QString, lastDelivery);
        QFETCH(QString, detailPart);
        QFETCH(int, requests);
        FakeProviderApi github;
        QVERIFY(github.listen());
        github.on("GET"_ba, "/app/hook/config"_ba, {{configStatus, configBody}});
        if (deliveriesStatus > 0)
            github.on("GET"_ba, "/app/hook/deliveries"_ba, {{deliveriesStatus, deliveriesBody}});
        QNetworkAccessManager network;
        ManualClock clock(nowMs);
        GitHubAppHookClient client(network, clock);

        WB_AWAIT(seen,
                 client.check(github.baseUrl(), GitHubAppCredentials{u"123456"_s, m_key}, ourUrl));
        QCOMPARE(seen.state, state);
        QCOMPARE(seen.httpStatus, configStatus);
        QCOMPARE(seen.lastDeliveryStatus, lastDelivery);
        QVERIFY2(seen.detail.contains(detailPart), qPrintable(seen.detail));

        QCOMPARE(github.requests().size(), requests);
        for (const FakeProviderApi::Request &request : github.requests()) {
            QCOMPARE(request.header("Accept"_ba), "application/vnd.github+json"_ba);
            QCOMPARE(request.header("X-GitHub-Api-Version"_ba), "2022-11-28"_ba);
            const QByteArray authorization = request.header("Authorization"_ba);
            QVERIFY(authorization.startsWith("Bearer "));
            const QByteArray jwt = authorization.mid(7);
            QCOMPARE(jwtPart(jwt, 0).value(u"alg"_s).toString(), u"RS256"_s);
            const QJsonObject claims = jwtPart(jwt, 1);
            QCOMPARE(claims.value(u"iss"_s).toString(), u"123456"_s);
            QCOMPARE(claims.value(u"iat"_s).toInteger(), nowMs / 1000 - 60);
            QCOMPARE(claims.value(u"exp"_s).toInteger(), nowMs / 1000 + 540);
        }
        if (requests == 2) {
            QCOMPARE(github.requests().at(1).path, "/app/hook/deliveries"_ba);
            QCOMPARE(github.requests().at(1).query, "per_page=10"_ba);
        }
    }

    void keyThatDoesNotSignIsACheckFailure()
    {
        FakeProviderApi github;
        QVERIFY(github.listen());
        QNetworkAccessManager network;
        ManualClock clock(nowMs);
        GitHubAppHookClient client(network, clock);
        WB_AWAIT(seen, client.check(github.baseUrl(),
                                    GitHubAppCredentials{u"123456"_s, "not a key"_ba}, QString()));
        QCOMPARE(seen.state, RegistrationState::CheckFailed);
        QVERIFY2(seen.detail.contains(u"private key"_s), qPrintable(seen.detail));
        QCOMPARE(github.requests().size(), 0); // nothing was sent without a token
    }
};

QTEST_GUILESS_MAIN(TestGitHubAppHook)
#include "tst_githubapphook.moc"
