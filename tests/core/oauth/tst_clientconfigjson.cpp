// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/clientconfigjson.h"
#include "core/providers/providercatalog.h"

#include "support/results.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

class TestClientConfigJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete();
    void minimalDefaults();
    void accountIdSources_data();
    void accountIdSources();
    void refused_data();
    void refused();
    void profileBased();
    void profileBasedRefused_data();
    void profileBasedRefused();

private:
    QTemporaryDir m_noUserProfiles;
};

void TestClientConfigJson::complete()
{
    const QByteArray json = R"({
        "provider": "salesforce",
        "issuer": "https://login.salesforce.com",
        "authorization_endpoint": "https://login.salesforce.com/services/oauth2/authorize",
        "token_endpoint": "https://login.salesforce.com/services/oauth2/token",
        "revocation_endpoint": "https://login.salesforce.com/services/oauth2/revoke",
        "userinfo_endpoint": "https://login.salesforce.com/services/oauth2/userinfo",
        "client_id": "3MVG9",
        "token_endpoint_auth_method": "client_secret_post",
        "scope": "api refresh_token",
        "authorize_parameters": {"prompt": "consent"},
        "pkce": true,
        "account_id": {"source": "token_response", "path": "id", "pattern": "/id/([^/]+)/"},
        "kept_response_fields": ["instance_url"],
        "invalid_grant_errors": ["invalid_grant"],
        "expiry_margin_ms": 30000
    })";
    const Result<OAuthClientConfig> config = clientConfigFromJson(json, u"sf.json"_s);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(config->providerId, u"salesforce"_s);
    QCOMPARE(config->tokenUrl, QUrl(u"https://login.salesforce.com/services/oauth2/token"_s));
    QCOMPARE(config->revocationUrl, QUrl(u"https://login.salesforce.com/services/oauth2/revoke"_s));
    QCOMPARE(config->checkUrl, QUrl(u"https://login.salesforce.com/services/oauth2/userinfo"_s));
    QCOMPARE(config->clientAuth, ClientAuthMethod::ClientSecretPost);
    QCOMPARE(config->scopes, (QStringList{u"api"_s, u"refresh_token"_s}));
    QCOMPARE(config->extraAuthorizeParameters.size(), 1);
    QCOMPARE(config->extraAuthorizeParameters.first().second, u"consent"_s);
    QCOMPARE(config->accountIdSource, AccountIdSource::TokenResponse);
    QCOMPARE(config->accountIdPattern, u"/id/([^/]+)/"_s);
    QCOMPARE(config->keptResponseFields, QStringList{u"instance_url"_s});
    QCOMPARE(config->expiryMarginMs, 30'000);
    QVERIFY(config->clientSecret.isEmpty()); // from the keychain, later
}

void TestClientConfigJson::minimalDefaults()
{
    const Result<OAuthClientConfig> config = clientConfigFromJson(
            R"({"provider":"p","authorization_endpoint":"https://a.example/auth",)"
            R"("token_endpoint":"https://a.example/token","client_id":"c"})",
            u"min.json"_s);
    QVERIFY(config);
    QCOMPARE(config->clientAuth, ClientAuthMethod::None);
    QVERIFY(config->usePkce);
    QCOMPARE(config->invalidGrantErrors, QStringList{u"invalid_grant"_s});
    QCOMPARE(config->expiryMarginMs, 60'000);
    QVERIFY(config->validate());
}

void TestClientConfigJson::accountIdSources_data()
{
    QTest::addColumn<QByteArray>("accountJson");
    QTest::addColumn<AccountIdSource>("source");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QUrl>("tokenInfoUrl");
    QTest::newRow("slack-token-response")
            << R"("account_id":{"source":"token_response","path":"team.id"})"_ba
            << AccountIdSource::TokenResponse << u"team.id"_s << QUrl();
    QTest::newRow("microsoft-id-token-tid")
            << R"("account_id":{"source":"id_token","path":"tid"})"_ba
            << AccountIdSource::IdTokenClaim << u"tid"_s << QUrl();
    QTest::newRow("github-app-installation-redirect")
            << R"("account_id":{"source":"redirect","path":"installation_id"})"_ba
            << AccountIdSource::RedirectParameter << u"installation_id"_s << QUrl();
    QTest::newRow("hubspot-token-info")
            << R"("token_info_endpoint":"https://api.hubapi.com/oauth/v1/access-tokens/{access_token}",)"
               R"("account_id":{"source":"token_info","path":"hub_id"})"_ba
            << AccountIdSource::TokenInfo << u"hub_id"_s
            << QUrl(u"https://api.hubapi.com/oauth/v1/access-tokens/{access_token}"_s);
}

void TestClientConfigJson::accountIdSources()
{
    QFETCH(QByteArray, accountJson);
    QFETCH(AccountIdSource, source);
    QFETCH(QString, path);
    QFETCH(QUrl, tokenInfoUrl);
    const Result<OAuthClientConfig> config = clientConfigFromJson(
            R"({"provider":"p","authorization_endpoint":"https://a.example/auth",)"
            R"("token_endpoint":"https://a.example/token","client_id":"c",)"
                    + accountJson + "}",
            u"account.json"_s);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(config->accountIdSource, source);
    QCOMPARE(config->accountIdPath, path);
    QCOMPARE(config->tokenInfoUrl, tokenInfoUrl);
    QVERIFY(config->validate());
}

void TestClientConfigJson::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messageContains");
    const QByteArray base = R"("provider":"p","authorization_endpoint":"https://a.example/auth",)"
                            R"("token_endpoint":"https://a.example/token","client_id":"c")";
    QTest::newRow("not-json") << "{"_ba << u"f.json is not valid JSON"_s;
    QTest::newRow("array") << "[]"_ba << u"not a JSON object"_s;
    QTest::newRow("missing-token-endpoint")
            << R"({"provider":"p","authorization_endpoint":"https://a/x","client_id":"c"})"_ba
            << u"\"token_endpoint\" is missing"_s;
    QTest::newRow("client-secret") << "{" + base + R"(,"client_secret":"x"})" << u"keychain"_s;
    QTest::newRow("unknown-key") << "{" + base + R"(,"clientid":"x"})"
                                 << u"\"clientid\" is not a known field"_s;
    QTest::newRow("scope-not-string")
            << "{" + base + R"(,"scope":["a"]})" << u"\"scope\" must be a string"_s;
    QTest::newRow("bad-auth-method")
            << "{" + base + R"(,"token_endpoint_auth_method":"tls"})" << u"is 'tls'"_s;
    QTest::newRow("bad-account-source")
            << "{" + base + R"(,"account_id":{"source":"header","path":"x"}})"
            << u"\"account_id.source\" is 'header'"_s;
    QTest::newRow("token-info-without-endpoint")
            << "{" + base + R"(,"account_id":{"source":"token_info","path":"hub_id"}})"
            << u"\"token_info_endpoint\" is missing"_s;
    QTest::newRow("parameter-not-string") << "{" + base + R"(,"authorize_parameters":{"a":1}})"
                                          << u"\"authorize_parameters.a\""_s;
    QTest::newRow("negative-margin")
            << "{" + base + R"(,"expiry_margin_ms":-1})" << u"\"expiry_margin_ms\""_s;
    QTest::newRow("relative-url") << "{"
                                             + QByteArray(base).replace("https://a.example/token",
                                                                        "/token")
                                             + "}"
                                  << u"\"token_endpoint\" is not a URL: '/token'"_s;
}

void TestClientConfigJson::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, messageContains);
    const Result<OAuthClientConfig> config = clientConfigFromJson(json, u"f.json"_s);
    QVERIFY(!config);
    QCOMPARE(errorCode(config), u"oauth.config_invalid"_s);
    QVERIFY2(config.error().message.contains(messageContains), qPrintable(config.error().message));
}

void TestClientConfigJson::profileBased()
{
    const ProviderCatalog catalog = ProviderCatalog::load(m_noUserProfiles.path());
    const QByteArray json = R"({
        "profile": "shopify",
        "client_id": "a1b2c3",
        "token_endpoint_auth_method": "client_secret_post",
        "placeholders": {"shop": "umbrella"},
        "scope": "read_products write_orders",
        "expiry_margin_ms": 120000
    })";
    const Result<OAuthClientConfig> config = clientConfigFromJson(json, u"shop.json"_s, catalog);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(config->providerId, u"shopify"_s);
    QCOMPARE(config->authorizationUrl,
             QUrl(u"https://umbrella.myshopify.com/admin/oauth/authorize"_s));
    QCOMPARE(config->tokenUrl, QUrl(u"https://umbrella.myshopify.com/admin/oauth/access_token"_s));
    QCOMPARE(config->clientId, u"a1b2c3"_s);
    QCOMPARE(config->clientAuth, ClientAuthMethod::ClientSecretPost);
    QCOMPARE(config->scopes, (QStringList{u"read_products"_s, u"write_orders"_s}));
    QCOMPARE(config->scopeSeparator, u","_s);
    QCOMPARE(config->expiryMarginMs, 120'000);

    // Without "profile" it is the plain format, with or without a catalog.
    const QByteArray plain = R"({"provider":"p","authorization_endpoint":"https://a.example/auth",)"
                             R"("token_endpoint":"https://a.example/token","client_id":"c"})";
    const Result<OAuthClientConfig> same = clientConfigFromJson(plain, u"p.json"_s, catalog);
    QVERIFY2(same, qPrintable(errorMessage(same)));
    QCOMPARE(same->tokenUrl, QUrl(u"https://a.example/token"_s));
}

void TestClientConfigJson::profileBasedRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("unknown-profile")
            << R"({"profile":"nope","client_id":"c"})"_ba << u"provider.unknown"_s << u"nope"_s;
    QTest::newRow("client-secret")
            << R"({"profile":"slack","client_id":"c","client_secret":"s"})"_ba
            << u"oauth.config_invalid"_s << u"keychain"_s;
    QTest::newRow("endpoint-next-to-a-profile")
            << R"({"profile":"slack","client_id":"c","token_endpoint":"https://x.example/t"})"_ba
            << u"oauth.config_invalid"_s << u"\"token_endpoint\" is not a field"_s;
    QTest::newRow("missing-client-id") << R"({"profile":"slack"})"_ba << u"oauth.config_invalid"_s
                                       << u"\"client_id\" is missing"_s;
    QTest::newRow("placeholder-missing") << R"({"profile":"shopify","client_id":"c"})"_ba
                                         << u"oauth.config_invalid"_s << u"{shop}"_s;
    QTest::newRow("placeholder-not-string")
            << R"({"profile":"shopify","client_id":"c","placeholders":{"shop":1}})"_ba
            << u"oauth.config_invalid"_s << u"\"placeholders.shop\" must be a string"_s;
}

void TestClientConfigJson::profileBasedRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, messageContains);
    const ProviderCatalog catalog = ProviderCatalog::load(m_noUserProfiles.path());
    const Result<OAuthClientConfig> config = clientConfigFromJson(json, u"f.json"_s, catalog);
    QCOMPARE(errorCode(config), code);
    QVERIFY2(errorMessage(config).contains(messageContains), qPrintable(errorMessage(config)));
}

QTEST_GUILESS_MAIN(TestClientConfigJson)
#include "tst_clientconfigjson.moc"
