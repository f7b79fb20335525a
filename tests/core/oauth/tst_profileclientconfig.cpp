// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge from the built-in provider profiles (resources/providers/*.json) to the OAuth core's
// client configuration.
#include "core/oauth/profileclientconfig.h"
#include "core/providers/profileparser.h"
#include "core/providers/providercatalog.h"

#include "support/results.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::test;

using Placeholders = QMap<QString, QString>;

class TestProfileClientConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtInProfiles_data();
    void builtInProfiles();
    void accountIdFromTheProfilesPointer_data();
    void accountIdFromTheProfilesPointer();
    void scopesAndClientRegistration();
    void accountIdFromAnIdTokenClaim();
    void refused_data();
    void refused();

private:
    ProviderProfile builtIn(const QString &id) const;

    QTemporaryDir m_noUserProfiles;
    ProviderCatalog m_catalog;
};

void TestProfileClientConfig::initTestCase()
{
    QVERIFY(m_noUserProfiles.isValid());
    m_catalog = ProviderCatalog::load(m_noUserProfiles.path());
    QVERIFY(m_catalog.issues().isEmpty());
}

ProviderProfile TestProfileClientConfig::builtIn(const QString &id) const
{
    const ProviderProfile *profile = m_catalog.find(id);
    return profile ? *profile : ProviderProfile();
}

void TestProfileClientConfig::builtInProfiles_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<Placeholders>("placeholders");
    QTest::addColumn<QString>("authorizationUrl");
    QTest::addColumn<QString>("tokenUrl");
    QTest::addColumn<QString>("revocationUrl");
    QTest::addColumn<QString>("checkUrl");
    QTest::addColumn<QString>("scopeSeparator");
    QTest::addColumn<bool>("pkce");

    QTest::newRow("slack-comma-separated-scopes")
            << u"slack"_s << Placeholders() << u"https://slack.com/oauth/v2/authorize"_s
            << u"https://slack.com/api/oauth.v2.access"_s << u"https://slack.com/api/auth.revoke"_s
            << u"https://slack.com/api/auth.test"_s << u","_s << true;
    QTest::newRow("github-client-id-in-the-revocation-url")
            << u"github"_s << Placeholders() << u"https://github.com/login/oauth/authorize"_s
            << u"https://github.com/login/oauth/access_token"_s
            << u"https://api.github.com/applications/Iv1.8a61f9b3a7aba766/grant"_s
            << u"https://api.github.com/user"_s << u" "_s << true;
    QTest::newRow("microsoft-tenant-default-common")
            << u"microsoft-graph"_s << Placeholders()
            << u"https://login.microsoftonline.com/common/oauth2/v2.0/authorize"_s
            << u"https://login.microsoftonline.com/common/oauth2/v2.0/token"_s << QString()
            << u"https://graph.microsoft.com/v1.0/me"_s << u" "_s << true;
    QTest::newRow("microsoft-tenant-of-the-connection")
            << u"microsoft-graph"_s << Placeholders{{u"tenant"_s, u"contoso.onmicrosoft.com"_s}}
            << u"https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"_s
            << u"https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"_s
            << QString() << u"https://graph.microsoft.com/v1.0/me"_s << u" "_s << true;
    QTest::newRow("salesforce-sandbox-login-host")
            << u"salesforce"_s << Placeholders{{u"login_host"_s, u"test.salesforce.com"_s}}
            << u"https://test.salesforce.com/services/oauth2/authorize"_s
            << u"https://test.salesforce.com/services/oauth2/token"_s
            << u"https://test.salesforce.com/services/oauth2/revoke"_s
            << u"https://test.salesforce.com/services/oauth2/userinfo"_s << u" "_s << true;
    QTest::newRow("shopify-shop-of-the-connection")
            << u"shopify"_s << Placeholders{{u"shop"_s, u"umbrella"_s}}
            << u"https://umbrella.myshopify.com/admin/oauth/authorize"_s
            << u"https://umbrella.myshopify.com/admin/oauth/access_token"_s << QString()
            << u"https://umbrella.myshopify.com/admin/oauth/access_scopes.json"_s << u","_s << true;
    QTest::newRow("stripe-connect-pkce-unknown-kept")
            << u"stripe"_s << Placeholders() << u"https://connect.stripe.com/oauth/authorize"_s
            << u"https://connect.stripe.com/oauth/token"_s
            << u"https://connect.stripe.com/oauth/deauthorize"_s
            << u"https://api.stripe.com/v1/account"_s << u" "_s << true;
}

void TestProfileClientConfig::builtInProfiles()
{
    QFETCH(QString, provider);
    QFETCH(Placeholders, placeholders);
    QFETCH(QString, authorizationUrl);
    QFETCH(QString, tokenUrl);
    QFETCH(QString, revocationUrl);
    QFETCH(QString, checkUrl);
    QFETCH(QString, scopeSeparator);
    QFETCH(bool, pkce);

    ProfileClientSettings settings;
    settings.clientId = u"Iv1.8a61f9b3a7aba766"_s;
    settings.clientAuth = ClientAuthMethod::ClientSecretPost;
    settings.placeholders = placeholders;
    const Result<OAuthClientConfig> config = clientConfigFromProfile(builtIn(provider), settings);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(config->providerId, provider);
    QCOMPARE(config->authorizationUrl.toString(), authorizationUrl);
    QCOMPARE(config->tokenUrl.toString(), tokenUrl);
    QCOMPARE(config->revocationUrl.toString(), revocationUrl);
    QCOMPARE(config->checkUrl.toString(), checkUrl);
    QCOMPARE(config->scopeSeparator, scopeSeparator);
    QCOMPARE(config->usePkce, pkce);
    // The revocation request's shape (providerprofile.h): GitHub deletes the grant, Slack's
    // auth.revoke takes the token as Bearer, the others follow RFC 7009.
    const RevocationRequest expectedRevocation = provider == u"github"_s
                                                         ? RevocationRequest::BasicAuthJsonDelete
                                                 : provider == u"slack"_s
                                                         ? RevocationRequest::BearerPost
                                                         : RevocationRequest::Rfc7009;
    QCOMPARE(config->revocationRequest, expectedRevocation);
    QCOMPARE(config->clientId, u"Iv1.8a61f9b3a7aba766"_s);
    QCOMPARE(config->clientAuth, ClientAuthMethod::ClientSecretPost);
    QCOMPARE(config->scopes, builtIn(provider).oauth.defaultScopes);
    QVERIFY(config->clientSecret.isEmpty()); // the caller reads it from the keychain
    // With the secret it is a configuration the OAuth core accepts.
    OAuthClientConfig withSecret = *config;
    withSecret.clientSecret = u"from the keychain"_s;
    const Result<void> valid = withSecret.validate();
    QVERIFY2(valid, qPrintable(errorMessage(valid)));
}

void TestProfileClientConfig::accountIdFromTheProfilesPointer_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("source"); // AccountIdSource
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("kept");

    QTest::newRow("slack-team-id") << u"slack"_s << int(AccountIdSource::TokenResponse)
                                   << u"team.id"_s << QStringList{u"team"_s};
    QTest::newRow("salesforce-instance-url")
            << u"salesforce"_s << int(AccountIdSource::TokenResponse) << u"instance_url"_s
            << QStringList{u"instance_url"_s};
    QTest::newRow("stripe-user-id") << u"stripe"_s << int(AccountIdSource::TokenResponse)
                                    << u"stripe_user_id"_s << QStringList{u"stripe_user_id"_s};
    QTest::newRow("discord-guild-id-and-name")
            << u"discord"_s << int(AccountIdSource::TokenResponse) << u"guild.id"_s
            << QStringList{u"guild"_s};
    // HubSpot's token metadata, GET /oauth/v1/access-tokens/{token} (hubspot.json token_info).
    QTest::newRow("hubspot-hub-id-from-the-token-info")
            << u"hubspot"_s << int(AccountIdSource::TokenInfo) << u"hub_id"_s
            << QStringList{u"hub_domain"_s};
    QTest::newRow("zoom-none-in-the-token-response")
            << u"zoom"_s << int(AccountIdSource::None) << QString() << QStringList();
}

void TestProfileClientConfig::accountIdFromTheProfilesPointer()
{
    QFETCH(QString, provider);
    QFETCH(int, source);
    QFETCH(QString, path);
    QFETCH(QStringList, kept);
    ProfileClientSettings settings;
    settings.clientId = u"client-1"_s;
    const Result<OAuthClientConfig> config = clientConfigFromProfile(builtIn(provider), settings);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(int(config->accountIdSource), source);
    QCOMPARE(config->accountIdPath, path);
    QCOMPARE(config->keptResponseFields, kept);
    if (source == int(AccountIdSource::TokenInfo)) {
        QCOMPARE(config->tokenInfoUrl.host(), u"api.hubapi.com"_s);
        QCOMPARE(config->tokenInfoUrl.path(QUrl::FullyDecoded),
                 u"/oauth/v1/access-tokens/{access_token}"_s);
    } else {
        QVERIFY(config->tokenInfoUrl.isEmpty());
    }
}

void TestProfileClientConfig::scopesAndClientRegistration()
{
    ProfileClientSettings settings;
    settings.clientId = u"client-1"_s;
    settings.scopes = QStringList{u"channels:history"_s, u"chat:write"_s};
    const Result<OAuthClientConfig> slack = clientConfigFromProfile(builtIn(u"slack"_s), settings);
    QVERIFY2(slack, qPrintable(errorMessage(slack)));
    QCOMPARE(slack->scopes, (QStringList{u"channels:history"_s, u"chat:write"_s}));
    QCOMPARE(slack->clientAuth, ClientAuthMethod::None);

    // Dropbox asks for a refresh token through an extra authorize parameter.
    const Result<OAuthClientConfig> dropbox = clientConfigFromProfile(builtIn(u"dropbox"_s),
                                                                      settings);
    QVERIFY2(dropbox, qPrintable(errorMessage(dropbox)));
    const QList<std::pair<QString, QString>> offline{{u"token_access_type"_s, u"offline"_s}};
    QCOMPARE(dropbox->extraAuthorizeParameters, offline);

    // A profile that says the provider has no PKCE switches it off.
    ProviderProfile noPkce = builtIn(u"zoom"_s);
    noPkce.oauth.pkce = PkceSupport::Unsupported;
    const Result<OAuthClientConfig> zoom = clientConfigFromProfile(noPkce, settings);
    QVERIFY2(zoom, qPrintable(errorMessage(zoom)));
    QVERIFY(!zoom->usePkce);
}

void TestProfileClientConfig::accountIdFromAnIdTokenClaim()
{
    ProviderProfile profile = builtIn(u"microsoft-graph"_s);
    profile.oauth.tokenResponse.accountIdClaim = u"tid"_s;
    ProfileClientSettings settings;
    settings.clientId = u"c"_s;
    const Result<OAuthClientConfig> config = clientConfigFromProfile(profile, settings);
    QVERIFY2(config, qPrintable(errorMessage(config)));
    QCOMPARE(config->accountIdSource, AccountIdSource::IdTokenClaim);
    QCOMPARE(config->accountIdPath, u"tid"_s);
    QVERIFY(config->keptResponseFields.isEmpty());
}

void TestProfileClientConfig::refused_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<Placeholders>("placeholders");
    QTest::addColumn<QString>("accountIdPointer");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("no-oauth-section")
            << u"twilio"_s << u"c"_s << Placeholders() << QString() << u"no \"oauth\" section"_s;
    QTest::newRow("no-client-id") << u"slack"_s << QString() << Placeholders() << QString()
                                  << u"no OAuth client id"_s;
    QTest::newRow("placeholder-without-value")
            << u"shopify"_s << u"c"_s << Placeholders() << QString() << u"{shop}"_s;
    QTest::newRow("placeholder-value-changes-the-host")
            << u"shopify"_s << u"c"_s << Placeholders{{u"shop"_s, u"evil.example/x?"_s}}
            << QString() << u"evil.example/x?"_s;
    QTest::newRow("placeholder-value-with-userinfo")
            << u"microsoft-graph"_s << u"c"_s << Placeholders{{u"tenant"_s, u"user@evil.example"_s}}
            << QString() << u"user@evil.example"_s;
    QTest::newRow("account-pointer-not-a-pointer")
            << u"slack"_s << u"c"_s << Placeholders() << u"team.id"_s << u"team.id"_s;
    QTest::newRow("account-pointer-segment-with-dot")
            << u"slack"_s << u"c"_s << Placeholders() << u"/team/a.b"_s << u"/team/a.b"_s;
}

void TestProfileClientConfig::refused()
{
    QFETCH(QString, provider);
    QFETCH(QString, clientId);
    QFETCH(Placeholders, placeholders);
    QFETCH(QString, accountIdPointer);
    QFETCH(QString, messageContains);
    ProviderProfile profile = builtIn(provider);
    QCOMPARE(profile.id, provider);
    if (!accountIdPointer.isEmpty())
        profile.oauth.tokenResponse.accountIdPointer = accountIdPointer;
    ProfileClientSettings settings;
    settings.clientId = clientId;
    settings.placeholders = placeholders;
    const Result<OAuthClientConfig> config = clientConfigFromProfile(profile, settings);
    QCOMPARE(errorCode(config), u"oauth.config_invalid"_s);
    QVERIFY2(errorMessage(config).contains(messageContains), qPrintable(errorMessage(config)));
    QVERIFY2(errorMessage(config).contains(provider), qPrintable(errorMessage(config)));
}

QTEST_GUILESS_MAIN(TestProfileClientConfig)
#include "tst_profileclientconfig.moc"
