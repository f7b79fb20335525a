// SPDX-License-Identifier: GPL-3.0-or-later
// Where the external account id comes from after authorization, besides the token response
// (tst_tokenresponse) and the id_token (tst_authorizationflow): a token info endpoint asked with the
// new access token (oidc-provider's userinfo; HubSpot's access-token metadata) and a parameter of
// the authorization redirect (GitHub App `installation_id`).
#include "core/oauth/accountinfo.h"
#include "core/oauth/authorizationflow.h"
#include "core/oauth/profileclientconfig.h"
#include "core/providers/providercatalog.h"
#include "core/util/clock.h"
#include "memorytokenstore.h"
#include "oidcpeer.h"
#include "support/testenv.h"

#include "support/results.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

namespace {

constexpr qint64 startOfTest = 1'750'000'000'000; // the ManualClock's "now" (UTC ms)

// A provider of our own for what oidc-provider cannot show: HubSpot's token metadata endpoint
// with the token in the path, and GitHub's token endpoint (form-encoded answer). Answers the
// providers' documented examples (tests/fixtures/oauth/README.md).
class ScriptedProvider
{
public:
    bool start()
    {
        m_server.route(u"/token"_s, QHttpServerRequest::Method::Post,
                       [this](const QHttpServerRequest &request) {
                           tokenRequests.append(request.body());
                           return QHttpServerResponse(tokenContentType, tokenBody);
                       });
        m_server.route(u"/oauth/v1/access-tokens/<arg>"_s, QHttpServerRequest::Method::Get,
                       [this](const QString &, const QHttpServerRequest &request) {
                           infoPaths.append(request.url().path(QUrl::FullyEncoded));
                           infoAuthorization.append(request.value("Authorization"));
                           return QHttpServerResponse("application/json", infoBody, infoStatus);
                       });
        m_port = m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        return m_port != 0;
    }
    QUrl url(const QString &path) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
    }

    QByteArray tokenContentType = "application/json";
    QByteArray tokenBody;
    QByteArray infoBody;
    QHttpServerResponder::StatusCode infoStatus = QHttpServerResponder::StatusCode::Ok;
    QList<QByteArray> tokenRequests;
    QStringList infoPaths; // as on the wire
    QList<QByteArray> infoAuthorization;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
};

} // namespace

class TestAccountId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenInfoFromUserinfo();
    void hubspotTokenInfoWithTheTokenInThePath_data();
    void hubspotTokenInfoWithTheTokenInThePath();
    void githubAppInstallationFromTheRedirect_data();
    void githubAppInstallationFromTheRedirect();

private:
    // Runs a flow against `provider` by calling its redirect URI with `redirectQuery` (after the
    // state), as the browser would after the provider's consent page.
    Result<AuthorizationOutcome> runScripted(const OAuthClientConfig &config,
                                             MemoryTokenStore &store, const QString &redirectQuery,
                                             QString *page);

    OidcPeer m_oidc;
    QNetworkAccessManager m_network;
};

void TestAccountId::initTestCase()
{
    QVERIFY2(m_oidc.start(), qPrintable(m_oidc.errorString()));
}

void TestAccountId::tokenInfoFromUserinfo()
{
    // The id_token is ignored here: the account id is what oidc-provider's userinfo endpoint says
    // for the new access token (OpenID Connect Core §5.3).
    OAuthClientConfig config = m_oidc.nativeClient();
    config.accountIdSource = AccountIdSource::TokenInfo;
    config.tokenInfoUrl = m_oidc.endpoint("userinfo_endpoint");
    config.accountIdPath = u"sub"_s;
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    QString failure;
    const std::optional<TokenSet> tokens = grant(store, clock, 21, config, u"carol"_s, &failure);
    QVERIFY2(tokens, qPrintable(failure));
    QCOMPARE(tokens->accountId, u"carol"_s);
    QCOMPARE(store.tokens(21)->accountId, u"carol"_s);

    // A refused token info request fails the authorization and stores nothing.
    config.tokenInfoUrl = QUrl(m_oidc.issuer() + u"/no-such-endpoint"_s);
    MemoryTokenStore untouched(clock);
    const AuthorizationRun run = authorize(untouched, clock, 22, config,
                                           browserEnvironment(u"oidc-login.mjs"_s,
                                                              {{u"WB_BROWSER_LOGIN"_s, u"carol"_s}}),
                                           60'000);
    QVERIFY2(run.result, qPrintable(run.failure));
    QVERIFY(!*run.result);
    QCOMPARE(wb::test::errorCode(*run.result), u"oauth.token_error"_s);
    QVERIFY2(run.result->error().message.contains(u"/no-such-endpoint"_s),
             qPrintable(run.result->error().message));
    QVERIFY(!untouched.tokens(22));
    QCOMPARE(untouched.writeCount(), 0);
}

void TestAccountId::hubspotTokenInfoWithTheTokenInThePath_data()
{
    QTest::addColumn<int>("infoStatus");
    QTest::addColumn<QByteArray>("infoBody");
    QTest::addColumn<QString>("accountId"); // empty: the authorization fails
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("hub-id-from-the-documented-example")
            << 200 << readFixture(u"oauth/hubspot-access-token-info.json"_s) << u"62515"_s
            << QString();
    QTest::newRow("no-hub-id-is-account-id-missing")
            << 200 << R"({"hub_domain":"demo.hubspot.com","token_type":"access"})"_ba << QString()
            << u"oauth.account_id_missing"_s;
    QTest::newRow("expired-token-404-is-a-token-error")
            << 404 << R"({"status":"error","message":"not found","category":"OBJECT_NOT_FOUND"})"_ba
            << QString() << u"oauth.token_error"_s;
    QTest::newRow("outage-is-provider-unavailable")
            << 503 << "busy"_ba << QString() << u"oauth.provider_unavailable"_s;
}

void TestAccountId::hubspotTokenInfoWithTheTokenInThePath()
{
    QFETCH(int, infoStatus);
    QFETCH(QByteArray, infoBody);
    QFETCH(QString, accountId);
    QFETCH(QString, errorCode);
    ScriptedProvider hubspot;
    // A token with characters that must be percent-encoded in a path segment.
    hubspot.tokenBody = R"({"access_token":"CKDZpun+PLh=","refresh_token":"6f18f21e-a743-4509",)"
                        R"("expires_in":1800,"token_type":"bearer"})"_ba;
    hubspot.infoBody = infoBody;
    hubspot.infoStatus = QHttpServerResponder::StatusCode(infoStatus);
    QVERIFY(hubspot.start());

    // The shipped HubSpot profile's pointer into the token metadata (hubspot.json token_info),
    // with its hosts moved to the scripted provider.
    QTemporaryDir noUserProfiles;
    const ProviderCatalog catalog = ProviderCatalog::load(noUserProfiles.path());
    const ProviderProfile *profile = catalog.find(u"hubspot");
    QVERIFY(profile);
    ProfileClientSettings settings;
    settings.clientId = u"hubspot-client"_s;
    settings.clientAuth = ClientAuthMethod::ClientSecretPost;
    Result<OAuthClientConfig> fromProfile = clientConfigFromProfile(*profile, settings);
    QVERIFY2(fromProfile, qPrintable(errorMessage(fromProfile)));
    OAuthClientConfig config = *fromProfile;
    QCOMPARE(config.accountIdSource, AccountIdSource::TokenInfo);
    const auto moved = [&hubspot](const QUrl &url) {
        QUrl local = hubspot.url(QString());
        local.setPath(url.path(QUrl::FullyDecoded), QUrl::DecodedMode);
        return local;
    };
    config.authorizationUrl = moved(config.authorizationUrl);
    config.tokenUrl = hubspot.url(u"/token"_s);
    config.tokenInfoUrl = moved(config.tokenInfoUrl);
    config.clientSecret = u"hubspot-secret"_s;
    config.keptResponseFields.append(u"token"_s); // a secret: dropped all the same
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    QString page;
    const Result<AuthorizationOutcome> result = runScripted(config, store, u"code=c-1"_s, &page);

    // The token went in the path, percent-encoded once, and nowhere else.
    QCOMPARE(hubspot.infoPaths, QStringList{u"/oauth/v1/access-tokens/CKDZpun%2BPLh%3D"_s});
    QCOMPARE(hubspot.infoAuthorization, QList<QByteArray>{QByteArray()});
    if (accountId.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(wb::test::errorCode(result), errorCode);
        QVERIFY2(!result.error().message.contains(u"CKDZ"_s), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(u"{access_token}"_s)
                         || result.error().message.contains(u"access-tokens"_s),
                 qPrintable(result.error().message));
        QVERIFY(!store.tokens(31));
        QCOMPARE(store.writeCount(), 0);
        return;
    }
    QVERIFY2(result, qPrintable(errorMessage(result)));
    QCOMPARE(result->accountId, accountId);
    const std::optional<TokenSet> stored = store.tokens(31);
    QVERIFY(stored);
    QCOMPARE(stored->accountId, accountId);
    QCOMPARE(stored->accessToken, u"CKDZpun+PLh="_s);
    QCOMPARE(stored->lifetimeMs, 1'800'000);
    // Kept fields from the metadata, never the token it echoes.
    QCOMPARE(stored->extra, (QJsonObject{{u"hub_domain"_s, u"demo.hubspot.com"_s}}));
}

void TestAccountId::githubAppInstallationFromTheRedirect_data()
{
    QTest::addColumn<QString>("redirectQuery");
    QTest::addColumn<QString>("accountId"); // empty: refused
    QTest::newRow("installed-during-authorization")
            << u"code=5f1f4cd1e2bb8a4c&installation_id=12345678&setup_action=install"_s
            << u"12345678"_s;
    QTest::newRow("no-installation-id-refused") << u"code=5f1f4cd1e2bb8a4c"_s << QString();
}

void TestAccountId::githubAppInstallationFromTheRedirect()
{
    QFETCH(QString, redirectQuery);
    QFETCH(QString, accountId);
    ScriptedProvider github;
    // GitHub answers form data (docs.github.com, "Authorizing OAuth apps", step 2).
    github.tokenContentType = "application/x-www-form-urlencoded";
    github.tokenBody = readFixture(u"oauth/github-access-token.form"_s);
    QVERIFY(github.start());

    OAuthClientConfig config;
    config.providerId = u"github"_s;
    config.authorizationUrl = github.url(u"/login/oauth/authorize"_s);
    config.tokenUrl = github.url(u"/token"_s);
    config.clientId = u"Iv1.8a61f9b3a7aba766"_s;
    config.clientSecret = u"github-secret"_s;
    config.clientAuth = ClientAuthMethod::ClientSecretPost;
    config.accountIdSource = AccountIdSource::RedirectParameter;
    config.accountIdPath = u"installation_id"_s;
    ManualClock clock(startOfTest);
    MemoryTokenStore store(clock);
    QString page;
    const Result<AuthorizationOutcome> result = runScripted(config, store, redirectQuery, &page);

    if (accountId.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(wb::test::errorCode(result), u"oauth.account_id_missing"_s);
        QVERIFY2(result.error().message.contains(u"installation_id"_s),
                 qPrintable(result.error().message));
        QVERIFY2(page.contains(u"Authorization failed"_s), qPrintable(page));
        QVERIFY(github.tokenRequests.isEmpty()); // the code was not spent
        QVERIFY(!store.tokens(31));
        return;
    }
    QVERIFY2(result, qPrintable(errorMessage(result)));
    QCOMPARE(result->accountId, accountId);
    QCOMPARE(store.tokens(31)->accountId, accountId);
    QCOMPARE(store.tokens(31)->accessToken, u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s);
    QCOMPARE(github.tokenRequests.size(), 1);
    QVERIFY2(page.contains(u"Authorization received"_s), qPrintable(page));
}

Result<AuthorizationOutcome> TestAccountId::runScripted(const OAuthClientConfig &config,
                                                        MemoryTokenStore &store,
                                                        const QString &redirectQuery, QString *page)
{
    ManualClock clock(startOfTest);
    AuthorizationFlow flow(31, config, store, m_network, clock);
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    if (Result<void> started = flow.start(20'000); !started)
        return fail(started.error());
    const QString state = QUrlQuery(flow.authorizationUrl()).queryItemValue(u"state"_s);
    QUrl redirect = flow.redirectUri();
    redirect.setQuery(redirectQuery + u"&state="_s + state);
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(redirect)));
    QSignalSpy pageDone(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(20'000))
        return fail(u"test.no_finish"_s, u"the flow never finished"_s);
    if (!reply->isFinished() && !pageDone.wait(10'000))
        return fail(u"test.no_page"_s, u"the browser got no page"_s);
    *page = QString::fromUtf8(reply->readAll());
    return finished.at(0).at(0).value<Result<AuthorizationOutcome>>();
}

QTEST_GUILESS_MAIN(TestAccountId)
#include "tst_accountid.moc"
