// SPDX-License-Identifier: GPL-3.0-or-later
// Revocation at providers without an RFC 7009 endpoint, in the request shape their shipped
// profile declares (oauth.revoke_request): GitHub's "Delete an app authorization" and Slack's
// auth.revoke, against a local server that answers what their documentation shows
// (https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-authorization,
// https://api.slack.com/methods/auth.revoke). RFC 7009 itself is tested against oidc-provider
// (tst_validityandrevocation, tst_connectionremover).
#include "core/oauth/endpointrequest.h"
#include "core/oauth/profileclientconfig.h"
#include "core/oauth/tokenrevoker.h"
#include "core/providers/providercatalog.h"
#include "core/util/clock.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"
#include "scriptedsink.h"

#include "support/results.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {

// `url` with its scheme, host and port replaced by the sink's.
QUrl moved(const QUrl &url, const ScriptedSink &sink)
{
    QUrl local = url;
    local.setScheme(u"http"_s);
    local.setHost(u"127.0.0.1"_s);
    local.setPort(sink.port());
    return local;
}

} // namespace

class TestProviderRevocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void documentedAnswers_data();
    void documentedAnswers();
    void githubWithoutClientSecretSendsNothing();
    void unreachableProviderIsReported();

private:
    OAuthClientConfig shipped(const QString &providerId);

    QTemporaryDir m_noUserProfiles;
    ProviderCatalog m_catalog;
    QNetworkAccessManager m_network;
};

void TestProviderRevocation::initTestCase()
{
    QVERIFY(m_noUserProfiles.isValid());
    m_catalog = ProviderCatalog::load(m_noUserProfiles.path());
    QVERIFY(m_catalog.issues().isEmpty());
}

OAuthClientConfig TestProviderRevocation::shipped(const QString &providerId)
{
    const ProviderProfile *profile = m_catalog.find(providerId);
    if (!profile)
        return {};
    ProfileClientSettings settings;
    settings.clientId = u"Iv1.8a61f9b3a7aba766"_s;
    settings.clientAuth = ClientAuthMethod::ClientSecretPost;
    Result<OAuthClientConfig> config = clientConfigFromProfile(*profile, settings);
    if (!config)
        return {};
    config->clientSecret = u"0a1b2c3d4e5f"_s; // from the keychain, in the application
    return *config;
}

void TestProviderRevocation::documentedAnswers_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("revoked");
    QTest::addColumn<QString>("messageContains"); // when not revoked

    // GitHub: 204 No Content; 422 when the token is not one of the app's.
    QTest::newRow("github-grant-deleted-204")
            << u"github"_s << 204 << QByteArray() << true << QString();
    QTest::newRow("github-validation-failed-422")
            << u"github"_s << 422
            << R"({"message":"Validation Failed","errors":[{"resource":"Application",)"
               R"("code":"invalid","field":"access_token"}],"documentation_url":)"
               R"("https://docs.github.com/rest/apps/oauth-applications#delete-an-app-authorization"})"_ba
            << false << u"Validation Failed"_s;
    // Slack: HTTP 200 either way; "ok" says which.
    QTest::newRow("slack-revoked")
            << u"slack"_s << 200 << R"({"ok":true,"revoked":true})"_ba << true << QString();
    QTest::newRow("slack-invalid-auth-under-200")
            << u"slack"_s << 200 << R"({"ok":false,"error":"invalid_auth"})"_ba << false
            << u"invalid_auth"_s;
    QTest::newRow("slack-outage-503")
            << u"slack"_s << 503 << R"({"ok":false})"_ba << false << u"HTTP 503"_s;
}

void TestProviderRevocation::documentedAnswers()
{
    QFETCH(QString, provider);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(bool, revoked);
    QFETCH(QString, messageContains);

    ScriptedSink endpoint;
    QVERIFY(endpoint.listen());
    endpoint.setFallback(
            answer.isEmpty()
                    ? ScriptedSink::Answer::respond(status)
                    : ScriptedSink::Answer::respond(status, {{"Content-Type", "application/json"}},
                                                    answer));
    OAuthClientConfig config = shipped(provider);
    QVERIFY(!config.revocationUrl.isEmpty());
    config.revocationUrl = moved(config.revocationUrl, endpoint);

    ManualClock clock(1'750'000'000'000);
    MemoryTokenStore store(clock);
    TokenSet tokens;
    tokens.accessToken = provider == u"github"_s
                                 ? u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s
                                 : u"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7o"_s;
    tokens.refreshToken = u"ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B"_s;
    tokens.receivedAtMs = clock.nowMs();
    store.setTokens(7, tokens);

    TokenRevoker revoker(store, m_network);
    const auto outcome = await(revoker.revokeAndRemove(7, config));
    QVERIFY(outcome);

    // The request the documentation asks for.
    QCOMPARE(endpoint.requests().size(), 1);
    const ScriptedSink::Request &request = endpoint.requests().constFirst();
    if (provider == u"github"_s) {
        QCOMPARE(request.method, "DELETE"_ba);
        QCOMPARE(request.target, "/applications/Iv1.8a61f9b3a7aba766/grant"_ba);
        QCOMPARE(request.headers.value("Authorization"),
                 "Basic " + "Iv1.8a61f9b3a7aba766:0a1b2c3d4e5f"_ba.toBase64());
        QCOMPARE(request.headers.value("Content-Type"), "application/json"_ba);
        QCOMPARE(QJsonDocument::fromJson(request.body).object(),
                 (QJsonObject{{u"access_token"_s, tokens.accessToken}}));
    } else {
        QCOMPARE(request.method, "POST"_ba);
        QCOMPARE(request.target, "/api/auth.revoke"_ba);
        QCOMPARE(request.headers.value("Authorization"), "Bearer " + tokens.accessToken.toUtf8());
        QVERIFY2(!request.body.contains(tokens.accessToken.toUtf8()), request.body.constData());
    }
    // The refresh token never leaves for an endpoint that revokes the access token.
    QVERIFY(!request.body.contains("ghr_"));

    if (revoked) {
        QVERIFY2(*outcome, qPrintable(errorMessage(*outcome)));
        QVERIFY((*outcome)->hadCredential);
        QVERIFY((*outcome)->revokedAtProvider);
        QVERIFY((*outcome)->providerSupportsRevocation);
    } else {
        QVERIFY(!*outcome);
        QCOMPARE(errorCode(*outcome), u"oauth.revocation_failed"_s);
        QVERIFY2(outcome->error().message.contains(messageContains),
                 qPrintable(outcome->error().message));
        QVERIFY2(!outcome->error().message.contains(tokens.accessToken),
                 qPrintable(outcome->error().message));
    }
    // Removed from the workspace whatever the provider answered.
    QVERIFY(!store.tokens(7));
}

void TestProviderRevocation::githubWithoutClientSecretSendsNothing()
{
    ScriptedSink endpoint;
    QVERIFY(endpoint.listen());
    OAuthClientConfig config = shipped(u"github"_s);
    config.revocationUrl = moved(config.revocationUrl, endpoint);
    config.clientSecret.clear();
    ManualClock clock(1'750'000'000'000);
    MemoryTokenStore store(clock);
    TokenSet tokens;
    tokens.accessToken = u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s;
    store.setTokens(8, tokens);

    TokenRevoker revoker(store, m_network);
    const auto outcome = await(revoker.revokeAndRemove(8, config));
    QVERIFY(outcome);
    QVERIFY(!*outcome);
    QCOMPARE(errorCode(*outcome), u"oauth.revocation_failed"_s);
    QVERIFY2(outcome->error().message.contains(u"client secret"_s),
             qPrintable(outcome->error().message));
    QVERIFY(endpoint.requests().isEmpty());
    QVERIFY(!store.tokens(8));
}

void TestProviderRevocation::unreachableProviderIsReported()
{
    // A port nobody listens on: the connection is refused.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    OAuthClientConfig config = shipped(u"slack"_s);
    config.revocationUrl = QUrl(u"http://127.0.0.1:%1/api/auth.revoke"_s.arg(port));
    ManualClock clock(1'750'000'000'000);
    MemoryTokenStore store(clock);
    TokenSet tokens;
    tokens.accessToken = u"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7o"_s;
    store.setTokens(9, tokens);

    TokenRevoker revoker(store, m_network);
    const auto outcome = await(revoker.revokeAndRemove(9, config));
    QVERIFY(outcome);
    QVERIFY(!*outcome);
    QCOMPARE(errorCode(*outcome), u"oauth.revocation_failed"_s);
    QVERIFY2(outcome->error().message.contains(u"Cannot reach"_s),
             qPrintable(outcome->error().message));
    QVERIFY2(outcome->error().message.contains(u"/api/auth.revoke"_s),
             qPrintable(outcome->error().message));
    QVERIFY(!store.tokens(9));
}

QTEST_GUILESS_MAIN(TestProviderRevocation)
#include "tst_providerrevocation.moc"
