// SPDX-License-Identifier: GPL-3.0-or-later
// The loopback authorization-code flow against a real authorization server (oidc-provider, npm)
// with Debian's Chromium as the system browser (playwright-core), as the CLI runs it: the core
// emits the URL, a BrowserLauncher opens it.
#include "core/oauth/authorizationflow.h"
#include "core/oauth/pkce.h"
#include "core/util/clock.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"

#include "support/results.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QOAuthHttpServerReplyHandler>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {

constexpr qint64 startOfTest = 1'750'000'000'000; // the ManualClock's "now" (UTC ms)
const QString chromium = u"/usr/bin/chromium"_s;

// True when something accepts connections on 127.0.0.1:`port`.
bool isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    const bool connected = socket.waitForConnected(3000);
    socket.abort();
    return connected;
}

QJsonObject browserReport(const AuthorizationRun &run)
{
    return run.browser ? QJsonDocument::fromJson(run.browser->output).object() : QJsonObject();
}

QString describe(const AuthorizationRun &run)
{
    QString text = run.failure;
    if (run.result && !*run.result)
        text += u" flow: %1 %2"_s.arg(run.result->error().code, run.result->error().message);
    if (run.browser)
        text += u" browser exit %1: %2"_s.arg(run.browser->exitCode)
                        .arg(QString::fromUtf8(run.browser->errorOutput.right(2000)));
    return text;
}

} // namespace

class TestAuthorizationFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorizationUrlCarriesPkceAndState();
    void codeExchange_data();
    void codeExchange();
    void pkceIsEnforcedByTheServer_data();
    void pkceIsEnforcedByTheServer();
    void wrongStateIsRefused();
    void providerDenialIsReported();
    void timeoutLeavesNothingBehind();
    void cancelLeavesNothingBehind_data();
    void cancelLeavesNothingBehind();
    void invalidConfigurationDoesNotListen();
    void codeExchangeWireFormat();

private:
    OidcPeer m_oidc;
    QNetworkAccessManager m_network;
};

void TestAuthorizationFlow::initTestCase()
{
    // Fail, never skip: CI installs Chromium from installer/debian-packages.txt.
    QVERIFY2(QFileInfo(chromium).isExecutable(),
             "Chromium is missing: /usr/bin/chromium is the system browser of the OAuth tests "
             "(Debian package 'chromium', listed in installer/debian-packages.txt)");
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestAuthorizationFlow::authorizationUrlCarriesPkceAndState()
{
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    AuthorizationFlow flow(1, m_oidc.nativeClient(), store, m_network, clock);
    QSignalSpy urls(&flow, &AuthorizationFlow::authorizationUrlReady);
    QVERIFY(flow.start());
    QCOMPARE(urls.size(), 1); // emitted from inside start()
    QVERIFY(flow.isListening());
    QCOMPARE(flow.state(), AuthorizationFlow::State::WaitingForBrowser);

    const QUrl redirect = flow.redirectUri();
    QCOMPARE(redirect.scheme(), u"http"_s);
    QCOMPARE(redirect.host(), u"127.0.0.1"_s); // RFC 8252 §7.3, never "localhost"
    QVERIFY(redirect.port() > 0);
    QCOMPARE(redirect.path(), u"/callback"_s);
    QVERIFY(isListening(quint16(redirect.port())));

    const QUrl url = urls.at(0).at(0).toUrl();
    QCOMPARE(url, flow.authorizationUrl());
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), m_oidc.endpoint("authorization_endpoint"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
    QCOMPARE(query.queryItemValue(u"client_id"_s), u"wirebench-native"_s);
    QCOMPARE(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), redirect.toString());
    QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"openid offline_access"_s);
    QCOMPARE(query.queryItemValue(u"prompt"_s), u"consent"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    const QString challenge = query.queryItemValue(u"code_challenge"_s);
    QCOMPARE(challenge.size(), 43);
    QVERIFY(!challenge.contains(u'='));
    // 256 random bits in base64url: 43 characters.
    QCOMPARE(query.queryItemValue(u"state"_s).size(), 43);

    // A second flow gets its own port and its own state and verifier.
    AuthorizationFlow other(2, m_oidc.nativeClient(), store, m_network, clock);
    QVERIFY(other.start());
    QVERIFY(other.redirectUri().port() != redirect.port());
    const QUrlQuery otherQuery(other.authorizationUrl());
    QVERIFY(otherQuery.queryItemValue(u"state"_s) != query.queryItemValue(u"state"_s));
    QVERIFY(otherQuery.queryItemValue(u"code_challenge"_s) != challenge);

    flow.cancel();
    QVERIFY(!isListening(quint16(redirect.port())));
}

void TestAuthorizationFlow::codeExchange_data()
{
    QTest::addColumn<bool>("confidential");
    QTest::addColumn<QString>("login");
    QTest::newRow("public-native-client-pkce") << false << u"alice"_s;
    QTest::newRow("confidential-client-secret-basic-pkce") << true << u"bob"_s;
}

void TestAuthorizationFlow::codeExchange()
{
    QFETCH(bool, confidential);
    QFETCH(QString, login);
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    const int codeGrantsBefore = m_oidc.grantCount(u"authorization_code"_s);
    const OAuthClientConfig config = confidential ? m_oidc.confidentialClient()
                                                  : m_oidc.nativeClient();

    const AuthorizationRun run = authorize(store, clock, 7, config,
                                           browserEnvironment(u"oauth-browser.mjs"_s,
                                                              {{u"WB_BROWSER_LOGIN"_s, login}}));
    QVERIFY2(run.result && *run.result, qPrintable(describe(run)));
    QVERIFY2(run.browser && run.browser->exitCode == 0, qPrintable(describe(run)));

    // The outcome and what was stored.
    const AuthorizationOutcome &outcome = **run.result;
    QCOMPARE(outcome.connectionId, 7);
    QCOMPARE(outcome.accountId, login); // the id_token's `sub`
    QVERIFY(outcome.hasRefreshToken);
    QCOMPARE(outcome.scope, u"openid offline_access"_s);
    // 60 s access tokens (oidc-server.mjs default): receipt + 60 s − min(60 s, 60 s / 4).
    QCOMPARE(outcome.expiresAtMs, startOfTest + 60'000 - 15'000);
    const std::optional<TokenSet> stored = store.tokens(7);
    QVERIFY(stored);
    QVERIFY(!stored->accessToken.isEmpty());
    QVERIFY(!stored->refreshToken.isEmpty());
    QCOMPARE(stored->tokenType, u"Bearer"_s);
    QCOMPARE(stored->receivedAtMs, startOfTest);
    QCOMPARE(stored->lifetimeMs, 60'000);
    QCOMPARE(stored->accountId, login);
    QCOMPARE(store.writeCount(), 1);
    QCOMPARE(m_oidc.grantCount(u"authorization_code"_s), codeGrantsBefore + 1);

    // The access token is real: the provider's userinfo endpoint accepts it.
    const EndpointReply userinfo = m_oidc.getWithBearer(m_oidc.endpoint("userinfo_endpoint"),
                                                        stored->accessToken);
    QCOMPARE(userinfo.httpStatus, 200);
    QCOMPARE(QJsonDocument::fromJson(userinfo.body).object().value(u"sub"_s).toString(), login);

    // What the browser saw: the redirect to 127.0.0.1 and Wirebench's page.
    const QJsonObject report = browserReport(run);
    const QUrl callback(report.value(u"callbackUrl"_s).toString());
    QCOMPARE(callback.adjusted(QUrl::RemoveQuery), run.redirectUri);
    QCOMPARE(report.value(u"status"_s).toInt(), 200);
    const QString page = report.value(u"pageText"_s).toString();
    QVERIFY2(page.contains(u"<h1>Authorization received</h1>"_s), qPrintable(page));
    QVERIFY2(page.contains(u"You can close this tab"_s), qPrintable(page));
    QVERIFY2(!page.contains(stored->accessToken), "the page must not show the token");

    // The listener was for this one flow.
    QVERIFY(!isListening(quint16(run.redirectUri.port())));
}

void TestAuthorizationFlow::pkceIsEnforcedByTheServer_data()
{
    QTest::addColumn<bool>("sendChallenge");
    QTest::addColumn<QString>("verifier");   // "matching": the pair's verifier
    QTest::addColumn<int>("exchangeStatus"); // 0: the authorization itself fails
    QTest::addColumn<QString>("error");
    QTest::newRow("matching-verifier-accepted") << true << u"matching"_s << 200 << QString();
    QTest::newRow("missing-verifier-refused")
            << true << QString() << 400 << u"oauth.invalid_grant"_s;
    QTest::newRow("wrong-verifier-refused") << true << QString::fromLatin1(generatePkce().verifier)
                                            << 400 << u"oauth.invalid_grant"_s;
    QTest::newRow("no-challenge-refused-at-authorization")
            << false << QString() << 0 << u"invalid_request"_s;
}

void TestAuthorizationFlow::pkceIsEnforcedByTheServer()
{
    // Without AuthorizationFlow: a hand-made authorization request and code exchange, to show
    // that the server really checks the verifier (so codeExchange() proves ours is right).
    QFETCH(bool, sendChallenge);
    QFETCH(QString, verifier);
    QFETCH(int, exchangeStatus);
    QFETCH(QString, error);

    QOAuthHttpServerReplyHandler listener(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(listener.isListening());
    listener.setCallbackPath(u"/callback"_s);
    QSignalSpy callbacks(&listener, &QAbstractOAuthReplyHandler::callbackReceived);

    const PkcePair pkce = generatePkce();
    const QString redirectUri = listener.callback();
    QUrl url = m_oidc.endpoint("authorization_endpoint");
    QUrlQuery query;
    query.addQueryItem(u"client_id"_s, u"wirebench-native"_s);
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"redirect_uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
    query.addQueryItem(u"scope"_s, u"openid"_s);
    query.addQueryItem(u"state"_s, u"pkce-test"_s);
    if (sendChallenge) {
        query.addQueryItem(u"code_challenge"_s, QString::fromLatin1(pkce.challenge));
        query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    }
    url.setQuery(query);

    BrowserLauncher launcher(QString(), browserEnvironment(u"oidc-login.mjs"_s));
    QSignalSpy browserExited(&launcher, &BrowserLauncher::exited);
    QVERIFY(launcher.launch(url));
    QVERIFY2(callbacks.wait(30000), "the provider never redirected to the listener");
    const QVariantMap parameters = callbacks.at(0).at(0).toMap();
    QCOMPARE(parameters.value(u"state"_s).toString(), u"pkce-test"_s);
    QVERIFY(browserExited.wait(30000));

    if (exchangeStatus == 0) {
        // RFC 7636 §4.4.1: the server refuses the authorization request itself.
        QCOMPARE(parameters.value(u"error"_s).toString(), error);
        QVERIFY2(parameters.value(u"error_description"_s).toString().contains(u"PKCE"_s),
                 qPrintable(parameters.value(u"error_description"_s).toString()));
        QVERIFY(parameters.value(u"code"_s).toString().isEmpty());
        return;
    }
    const QString code = parameters.value(u"code"_s).toString();
    QVERIFY(!code.isEmpty());
    QList<std::pair<QString, QString>> fields{{u"grant_type"_s, u"authorization_code"_s},
                                              {u"code"_s, code},
                                              {u"redirect_uri"_s, redirectUri},
                                              {u"client_id"_s, u"wirebench-native"_s}};
    if (verifier == u"matching"_s)
        fields.append({u"code_verifier"_s, QString::fromLatin1(pkce.verifier)});
    else if (!verifier.isEmpty())
        fields.append({u"code_verifier"_s, verifier});
    const EndpointReply reply = m_oidc.post(m_oidc.endpoint("token_endpoint"), fields);
    QCOMPARE(reply.httpStatus, exchangeStatus);

    OAuthClientConfig config = m_oidc.nativeClient();
    config.accountIdSource = AccountIdSource::None;
    const Result<TokenSet> tokens = parseTokenResponse(reply, config, startOfTest, false);
    if (error.isEmpty()) {
        QVERIFY2(tokens, qPrintable(errorMessage(tokens)));
        QVERIFY(!tokens->accessToken.isEmpty());
    } else {
        QVERIFY(!tokens);
        QCOMPARE(errorCode(tokens), error);
    }
}

void TestAuthorizationFlow::wrongStateIsRefused()
{
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    const int codeGrantsBefore = m_oidc.grantCount(u"authorization_code"_s);

    // The browser opens the authorization URL with a state this flow never issued: the provider
    // sends it back with a valid code, which must not be exchanged.
    const AuthorizationRun run = authorize(store, clock, 8, m_oidc.nativeClient(),
                                           browserEnvironment(u"oauth-browser.mjs"_s,
                                                              {{u"WB_BROWSER_TAMPER_STATE"_s,
                                                                u"forged-by-someone-else"_s}}));
    QVERIFY2(run.result, qPrintable(describe(run)));
    QVERIFY(!*run.result);
    QCOMPARE(errorCode(*run.result), u"oauth.state_mismatch"_s);

    const QJsonObject report = browserReport(run);
    QVERIFY2(QUrlQuery(QUrl(report.value(u"callbackUrl"_s).toString()))
                             .queryItemValue(u"code"_s)
                             .size()
                     > 0,
             "the provider should have issued a code");
    const QString page = report.value(u"pageText"_s).toString();
    QVERIFY2(page.contains(u"<h1>Authorization failed</h1>"_s), qPrintable(page));
    QVERIFY2(page.contains(u"state that does not belong to this authorization"_s), qPrintable(page));

    QVERIFY(!store.tokens(8));
    QCOMPARE(store.writeCount(), 0);
    QCOMPARE(m_oidc.grantCount(u"authorization_code"_s), codeGrantsBefore);
    QVERIFY(!isListening(quint16(run.redirectUri.port())));
}

void TestAuthorizationFlow::providerDenialIsReported()
{
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    const AuthorizationRun run = authorize(store, clock, 9, m_oidc.nativeClient(),
                                           browserEnvironment(u"oauth-browser.mjs"_s,
                                                              {{u"WB_BROWSER_ACTION"_s,
                                                                u"deny"_s}}));
    QVERIFY2(run.result, qPrintable(describe(run)));
    QVERIFY(!*run.result);
    QCOMPARE(errorCode(*run.result), u"oauth.authorization_denied"_s);
    QVERIFY2(run.result->error().message.contains(u"access_denied"_s),
             qPrintable(run.result->error().message));
    const QString page = browserReport(run).value(u"pageText"_s).toString();
    QVERIFY2(page.contains(u"<h1>Authorization failed</h1>"_s), qPrintable(page));
    QVERIFY2(page.contains(u"access_denied"_s), qPrintable(page));
    QVERIFY(!store.tokens(9));
    QVERIFY(!isListening(quint16(run.redirectUri.port())));
}

void TestAuthorizationFlow::timeoutLeavesNothingBehind()
{
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    AuthorizationFlow flow(10, m_oidc.nativeClient(), store, m_network, clock);
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    QVERIFY(flow.start(300));
    const quint16 port = quint16(flow.redirectUri().port());
    QVERIFY(isListening(port));

    QVERIFY(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<Result<AuthorizationOutcome>>();
    QVERIFY(!result);
    QCOMPARE(errorCode(result), u"oauth.timeout"_s);
    QVERIFY2(result.error().message.contains(u"0.3 seconds"_s), qPrintable(result.error().message));
    QCOMPARE(flow.state(), AuthorizationFlow::State::Failed);
    QVERIFY(!flow.isListening());
    QVERIFY(!isListening(port)); // a late redirect finds nobody
    QVERIFY(store.events().isEmpty());
    QCOMPARE(finished.size(), 1);
}

void TestAuthorizationFlow::cancelLeavesNothingBehind_data()
{
    QTest::addColumn<bool>("duringCodeExchange");
    QTest::newRow("while-waiting-for-the-browser") << false;
    QTest::newRow("during-the-code-exchange") << true;
}

void TestAuthorizationFlow::cancelLeavesNothingBehind()
{
    QFETCH(bool, duringCodeExchange);
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    AuthorizationFlow flow(11, m_oidc.nativeClient(), store, m_network, clock);
    BrowserLauncher launcher(QString(), browserEnvironment(u"oidc-login.mjs"_s));
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    QSignalSpy browserExited(&launcher, &BrowserLauncher::exited);
    if (duringCodeExchange) {
        connect(&flow, &AuthorizationFlow::authorizationUrlReady, &launcher,
                [&launcher](const QUrl &url) { QVERIFY(launcher.launch(url)); });
        // Cancelled the moment the redirect is accepted: the exchange request is in flight.
        connect(&flow, &AuthorizationFlow::redirectAccepted, &flow, &AuthorizationFlow::cancel);
    }
    QVERIFY(flow.start());
    const quint16 port = quint16(flow.redirectUri().port());
    if (!duringCodeExchange)
        flow.cancel();

    QVERIFY(finished.wait(30000));
    const auto result = finished.at(0).at(0).value<Result<AuthorizationOutcome>>();
    QVERIFY(!result);
    QCOMPARE(errorCode(result), u"oauth.cancelled"_s);
    QCOMPARE(flow.state(), AuthorizationFlow::State::Failed);
    if (duringCodeExchange) {
        QVERIFY(browserExited.wait(30000));
        const QJsonObject report = QJsonDocument::fromJson(
                                           browserExited.at(0).at(0).value<BrowserExit>().output)
                                           .object();
        QVERIFY(report.value(u"pageText"_s).toString().contains(u"Authorization received"_s));
    }
    QTRY_VERIFY(!isListening(port));
    QVERIFY(!store.tokens(11));
    QCOMPARE(store.writeCount(), 0);
    QCOMPARE(finished.size(), 1);
}

void TestAuthorizationFlow::invalidConfigurationDoesNotListen()
{
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    OAuthClientConfig config = m_oidc.confidentialClient();
    config.clientSecret.clear();
    AuthorizationFlow flow(12, config, store, m_network, clock);
    QSignalSpy urls(&flow, &AuthorizationFlow::authorizationUrlReady);
    const Result<void> started = flow.start();
    QVERIFY(!started);
    QCOMPARE(errorCode(started), u"oauth.config_invalid"_s);
    QVERIFY2(started.error().message.contains(u"client_secret_basic"_s),
             qPrintable(started.error().message));
    QVERIFY(!flow.isListening());
    QCOMPARE(urls.size(), 0);
}

void TestAuthorizationFlow::codeExchangeWireFormat()
{
    // The bytes of the code exchange, seen by a token endpoint of our own: oidc-provider's codes
    // are base64url, so they cannot show that a code with reserved characters ("Splx+lOB==",
    // which the browser delivers as Splx%2BlOB%3D%3D) is decoded once and encoded once.
    QByteArray body;
    QByteArray authorization;
    QHttpServer tokenEndpoint;
    tokenEndpoint
            .route(u"/token"_s, QHttpServerRequest::Method::Post,
                   [&](const QHttpServerRequest &request) {
                       body = request.body();
                       authorization = request.value("Authorization");
                       return QHttpServerResponse("application/json",
                                                  R"({"access_token":"at-1","token_type":"Bearer",)"
                                                  R"("expires_in":3600,"refresh_token":"rt-1"})"_ba);
                   });
    const quint16 port = tokenEndpoint.listen(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(port != 0);

    OAuthClientConfig config;
    config.providerId = u"wire"_s;
    config.authorizationUrl = QUrl(u"http://127.0.0.1:%1/authorize"_s.arg(port));
    config.tokenUrl = QUrl(u"http://127.0.0.1:%1/token"_s.arg(port));
    config.clientId = u"client:1"_s;
    config.clientSecret = u"secret+1"_s;
    config.clientAuth = ClientAuthMethod::ClientSecretBasic;

    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    AuthorizationFlow flow(13, config, store, m_network, clock);
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    QVERIFY(flow.start());
    const QString state = QUrlQuery(flow.authorizationUrl()).queryItemValue(u"state"_s);
    const QString verifierLess = QUrlQuery(flow.authorizationUrl())
                                         .queryItemValue(u"code_challenge"_s);
    QVERIFY(!verifierLess.isEmpty());

    QUrl redirect = flow.redirectUri();
    redirect.setQuery(u"code=Splx%2BlOB%3D%3D&state="_s + state);
    std::unique_ptr<QNetworkReply> page(m_network.get(QNetworkRequest(redirect)));
    QVERIFY(finished.wait(20000));
    const auto result = finished.at(0).at(0).value<Result<AuthorizationOutcome>>();
    QVERIFY2(result, qPrintable(errorMessage(result)));

    const QUrlQuery sent(QString::fromLatin1(body));
    QVERIFY2(body.contains("code=Splx%2BlOB%3D%3D&"), body.constData());
    QCOMPARE(sent.queryItemValue(u"grant_type"_s), u"authorization_code"_s);
    QCOMPARE(sent.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
             flow.redirectUri().toString());
    const QByteArray verifier = sent.queryItemValue(u"code_verifier"_s).toLatin1();
    QVERIFY2(isValidPkceVerifier(verifier), verifier.constData());
    QCOMPARE(QString::fromLatin1(pkceS256Challenge(verifier)), verifierLess);
    // client_secret_basic: credentials in the header only (RFC 6749 §2.3.1).
    QCOMPARE(authorization, "Basic "_ba + "client%3A1:secret%2B1"_ba.toBase64());
    QVERIFY(!sent.hasQueryItem(u"client_secret"_s));
    QCOMPARE(store.tokens(13)->accessToken, u"at-1"_s);
    QCOMPARE(store.tokens(13)->refreshToken, u"rt-1"_s);
}

QTEST_GUILESS_MAIN(TestAuthorizationFlow)
#include "tst_authorizationflow.moc"
