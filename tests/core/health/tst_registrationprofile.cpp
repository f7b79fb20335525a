// SPDX-License-Identifier: GPL-3.0-or-later
// The "registration" section of provider profiles: what is read, and the errors for bad input.
#include "core/providers/profileparser.h"
#include "core/providers/providercatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

class TestRegistrationProfile : public QObject
{
    Q_OBJECT

private slots:
    void readsEverySetting();
    void absentSectionMeansNoApi();
    void readsResourceLifetimes();
    void readsCredentialListAndErrors();
    void builtInProfilesDeclareTheirCredential_data();
    void builtInProfilesDeclareTheirCredential();
    void badInput_data();
    void badInput();
};

namespace {
// A minimal valid profile with `registration` added (as JSON text).
QByteArray profileWith(const QByteArray &registration)
{
    return R"({"format": 1, "id": "acme", "display_name": "Acme",
               "webhook": {"signature": {"family": "none"}},
               "registration": )"_ba
           + registration + "}"_ba;
}
} // namespace

void TestRegistrationProfile::readsEverySetting()
{
    const Result<ProviderProfile> profile = parseProviderProfile(profileWith(R"({
        "api_base": "https://api.acme.test",
        "auth_header": "X-Acme-Token",
        "headers": {"Accept": "application/json"},
        "check": {"path": "/{scope}/hooks/{id}", "missing_statuses": [404, 410, 422],
                  "active_pointer": "/state", "active_values": ["on", "ok"],
                  "expires_pointer": "/expires", "last_delivery_pointer": "/last/code",
                  "last_delivery_message_pointer": "/last/text",
                  "target_url_pointer": "/url"},
        "renew": {"method": "PUT", "path": "/hooks/{id}", "body": "until={expires_at}",
                  "lifetime_minutes": 600, "ahead_minutes": 60},
        "reregister": {"path": "/{scope}/hooks", "content_type": "application/x-www-form-urlencoded",
                       "new_id_pointer": "/hook/id", "new_secret_pointer": "/hook/secret"},
        "notes": "n"})"_ba),
                                                                 u"acme.json"_s);
    QVERIFY2(profile.has_value(), qPrintable(profile ? QString() : profile.error().message));
    const RegistrationApi &api = profile->registration;
    QVERIFY(api.present);
    QCOMPARE(api.apiBase, u"https://api.acme.test"_s);
    QCOMPARE(api.authHeader, u"X-Acme-Token"_s);
    QCOMPARE(api.headers.value(u"Accept"_s), u"application/json"_s);
    QCOMPARE(api.checkPath, u"/{scope}/hooks/{id}"_s);
    QCOMPARE(api.missingStatuses, (QList<int>{404, 410, 422}));
    QCOMPARE(api.activePointer, u"/state"_s);
    QCOMPARE(api.activeValues, (QStringList{u"on"_s, u"ok"_s}));
    QCOMPARE(api.expiresPointer, u"/expires"_s);
    QCOMPARE(api.lastDeliveryPointer, u"/last/code"_s);
    QCOMPARE(api.lastDeliveryMessagePointer, u"/last/text"_s);
    QCOMPARE(api.targetUrlPointer, u"/url"_s);
    QVERIFY(api.renewable);
    QCOMPARE(api.renewMethod, u"PUT"_s);
    QCOMPARE(api.renewLifetimeMinutes, 600);
    QCOMPARE(api.renewAheadMinutes, 60);
    QVERIFY(api.reregisterable);
    QCOMPARE(api.reregisterMethod, u"POST"_s);
    QCOMPARE(api.reregisterContentType, u"application/x-www-form-urlencoded"_s);
    QCOMPARE(api.newIdPointer, u"/hook/id"_s);
    QCOMPARE(api.newSecretPointer, u"/hook/secret"_s);
}

void TestRegistrationProfile::absentSectionMeansNoApi()
{
    const Result<ProviderProfile> profile = parseProviderProfile(
            R"({"format": 1, "id": "acme", "display_name": "Acme",
                "webhook": {"signature": {"family": "none"}}})"_ba,
            u"acme.json"_s);
    QVERIFY(profile.has_value());
    QVERIFY(!profile->registration.present);
    QVERIFY(!profile->registration.renewable);
}

void TestRegistrationProfile::readsResourceLifetimes()
{
    const Result<ProviderProfile> profile = parseProviderProfile(profileWith(R"({
        "api_base": "https://api.acme.test",
        "check": {"path": "/hooks/{id}"},
        "renew": {"path": "/hooks/{id}", "body": "{expires_at}", "lifetime_minutes": 600,
                  "ahead_minutes": 60, "resource_pointer": "/resource",
                  "include_resource_data_pointer": "/rich",
                  "lifetimes": [{"resource": "^presence", "minutes": 30, "ahead_minutes": 10},
                                {"resource": "mail", "include_resource_data": false,
                                 "minutes": 900}]}})"_ba),
                                                                 u"acme.json"_s);
    QVERIFY2(profile.has_value(), qPrintable(profile ? QString() : profile.error().message));
    const RegistrationApi &api = profile->registration;
    QCOMPARE(api.renewResourcePointer, u"/resource"_s);
    QCOMPARE(api.renewRichPointer, u"/rich"_s);
    QCOMPARE(api.renewLifetimes.size(), 2);
    QCOMPARE(api.renewLifetimes.at(0).resourcePattern, u"^presence"_s);
    QCOMPARE(api.renewLifetimes.at(0).minutes, 30);
    QCOMPARE(api.renewLifetimes.at(0).aheadMinutes, 10);
    QCOMPARE(api.renewLifetimes.at(0).includeResourceData, std::nullopt);
    QCOMPARE(api.renewLifetimes.at(1).minutes, 900);
    QCOMPARE(api.renewLifetimes.at(1).aheadMinutes, 0);
    QCOMPARE(api.renewLifetimes.at(1).includeResourceData, std::optional(false));
}

void TestRegistrationProfile::readsCredentialListAndErrors()
{
    const Result<ProviderProfile> profile = parseProviderProfile(profileWith(R"({
        "api_base": "https://api.acme.test",
        "auth": {"credential": "app_credential", "query_parameter": "key"},
        "app_webhook_scope": "app",
        "app_credential_hint": "the app key, from Settings",
        "check": {"path": "/hooks", "query": {"owner": "{scope}", "hook": "{id}"},
                  "list_pointer": "/hooks", "list_id_pointer": "/hook_id",
                  "next_page_pointer": "/next", "error_pointer": "/error",
                  "missing_errors": ["gone"], "denied_errors": ["bad_key", "expired"]}})"_ba),
                                                                 u"acme.json"_s);
    QVERIFY2(profile.has_value(), qPrintable(profile ? QString() : profile.error().message));
    const RegistrationApi &api = profile->registration;
    QCOMPARE(api.credential, RegistrationApi::Credential::AppCredential);
    QCOMPARE(api.credentialQueryParameter, u"key"_s);
    QCOMPARE(api.appWebhookScope, u"app"_s);
    QCOMPARE(api.appCredentialHint, u"the app key, from Settings"_s);
    // In name order (a JSON object has none).
    const QList<std::pair<QString, QString>> query{{u"hook"_s, u"{id}"_s},
                                                   {u"owner"_s, u"{scope}"_s}};
    QCOMPARE(api.checkQuery, query);
    QCOMPARE(api.listPointer, u"/hooks"_s);
    QCOMPARE(api.listIdPointer, u"/hook_id"_s);
    QCOMPARE(api.nextPagePointer, u"/next"_s);
    QCOMPARE(api.errorPointer, u"/error"_s);
    QCOMPARE(api.missingErrors, QStringList{u"gone"_s});
    QCOMPARE(api.deniedErrors, (QStringList{u"bad_key"_s, u"expired"_s}));

    // Without "auth": the connection's access token, in a header.
    const Result<ProviderProfile> plain = parseProviderProfile(
            profileWith(R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"}})"_ba),
            u"acme.json"_s);
    QVERIFY(plain.has_value());
    QCOMPARE(plain->registration.credential, RegistrationApi::Credential::AccessToken);
    QVERIFY(plain->registration.credentialQueryParameter.isEmpty());
}

void TestRegistrationProfile::builtInProfilesDeclareTheirCredential_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("credential");
    QTest::addColumn<QString>("queryParameter");
    QTest::addColumn<QString>("listPointer");

    QTest::newRow("github") << u"github"_s << int(RegistrationApi::Credential::AccessToken)
                            << QString() << QString();
    QTest::newRow("hubspot") << u"hubspot"_s << int(RegistrationApi::Credential::AppCredential)
                             << u"hapikey"_s << QString();
    QTest::newRow("slack") << u"slack"_s << int(RegistrationApi::Credential::AppCredential)
                           << QString() << QString();
    QTest::newRow("zoom") << u"zoom"_s << int(RegistrationApi::Credential::ClientCredentials)
                          << QString() << u"/event_subscriptions"_s;
}

void TestRegistrationProfile::builtInProfilesDeclareTheirCredential()
{
    QFETCH(QString, provider);
    QFETCH(int, credential);
    QFETCH(QString, queryParameter);
    QFETCH(QString, listPointer);
    const ProviderCatalog catalog = ProviderCatalog::load(QString());
    QVERIFY(catalog.issues().isEmpty());
    const Result<ProviderProfile> profile = catalog.profile(provider);
    QVERIFY2(profile.has_value(), qPrintable(profile ? QString() : profile.error().message));
    QVERIFY(profile->registration.present);
    QCOMPARE(int(profile->registration.credential), credential);
    QCOMPARE(profile->registration.credentialQueryParameter, queryParameter);
    QCOMPARE(profile->registration.listPointer, listPointer);
    if (provider == u"github"_s)
        QCOMPARE(profile->registration.appWebhookScope, u"app"_s);
    // Where an app credential is used, people are told what it is.
    const bool needsAppCredential = credential == int(RegistrationApi::Credential::AppCredential)
                                    || provider == u"github"_s;
    QCOMPARE(profile->registration.appCredentialHint.isEmpty(), !needsAppCredential);
}

void TestRegistrationProfile::badInput_data()
{
    QTest::addColumn<QByteArray>("registration");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("key"); // named in the message

    QTest::newRow("check-missing") << R"({"api_base": "https://a.test"})"_ba
                                   << u"profile.missing_key"_s << u"registration.check"_s;
    QTest::newRow("api-base-not-https")
            << R"({"api_base": "http://a.test", "check": {"path": "/h/{id}"}})"_ba
            << u"profile.bad_value"_s << u"registration.api_base"_s;
    QTest::newRow("path-without-leading-slash")
            << R"({"api_base": "https://a.test", "check": {"path": "h/{id}"}})"_ba
            << u"profile.bad_value"_s << u"registration.check.path"_s;
    QTest::newRow("unknown-placeholder")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{hook}"}})"_ba
            << u"profile.bad_value"_s << u"registration.check.path"_s;
    QTest::newRow("active-pointer-without-values")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}", "active_pointer": "/on"}})"_ba
            << u"profile.inconsistent"_s << u"registration.check.active_values"_s;
    QTest::newRow("bad-pointer")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}", "expires_pointer": "expires"}})"_ba
            << u"profile.bad_pointer"_s << u"registration.check.expires_pointer"_s;
    QTest::newRow("typo-in-key")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}", "active_pointr": "/x"}})"_ba
            << u"profile.unknown_key"_s << u"active_pointr"_s;
    QTest::newRow("renew-body-without-expiry")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "renew": {"path": "/h/{id}", "body": "{}", "lifetime_minutes": 60, "ahead_minutes": 10}})"_ba
            << u"profile.bad_value"_s << u"registration.renew.body"_s;
    QTest::newRow("renew-lead-not-below-lifetime")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "renew": {"path": "/h/{id}", "body": "{expires_at}", "lifetime_minutes": 60, "ahead_minutes": 60}})"_ba
            << u"profile.inconsistent"_s << u"registration.renew.ahead_minutes"_s;
    QTest::newRow("lifetime-pattern-not-a-regex")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "renew": {"path": "/h/{id}", "body": "{expires_at}", "lifetime_minutes": 60,
                            "ahead_minutes": 10, "resource_pointer": "/resource",
                            "lifetimes": [{"resource": "(presence", "minutes": 30}]}})"_ba
            << u"profile.bad_value"_s << u"registration.renew.lifetimes[0].resource"_s;
    QTest::newRow("lifetime-lead-not-below-its-minutes")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "renew": {"path": "/h/{id}", "body": "{expires_at}", "lifetime_minutes": 60,
                            "ahead_minutes": 10, "resource_pointer": "/resource",
                            "lifetimes": [{"resource": "x", "minutes": 30},
                                          {"resource": "y", "minutes": 30, "ahead_minutes": 30}]}})"_ba
            << u"profile.inconsistent"_s << u"registration.renew.lifetimes[1].ahead_minutes"_s;
    QTest::newRow("lifetimes-without-resource-pointer")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "renew": {"path": "/h/{id}", "body": "{expires_at}", "lifetime_minutes": 60,
                            "ahead_minutes": 10, "lifetimes": [{"resource": "x", "minutes": 30}]}})"_ba
            << u"profile.inconsistent"_s << u"registration.renew.lifetimes"_s;
    QTest::newRow("lifetime-without-minutes")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "renew": {"path": "/h/{id}", "body": "{expires_at}", "lifetime_minutes": 60,
                            "ahead_minutes": 10, "resource_pointer": "/resource",
                            "lifetimes": [{"resource": "x"}]}})"_ba
            << u"profile.missing_key"_s << u"registration.renew.lifetimes[0].minutes"_s;
    QTest::newRow("reregister-path-with-id")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}"},
                  "reregister": {"path": "/h/{id}"}})"_ba
            << u"profile.bad_value"_s << u"registration.reregister.path"_s;
    QTest::newRow("unknown-credential")
            << R"({"api_base": "https://a.test", "auth": {"credential": "password"},
                  "check": {"path": "/h/{id}"}})"_ba
            << u"profile.bad_value"_s << u"registration.auth.credential"_s;
    QTest::newRow("app-credential-without-hint")
            << R"({"api_base": "https://a.test", "auth": {"credential": "app_credential"},
                  "check": {"path": "/h/{id}"}})"_ba
            << u"profile.missing_key"_s << u"registration.app_credential_hint"_s;
    QTest::newRow("list-pointer-without-id-pointer")
            << R"({"api_base": "https://a.test", "check": {"path": "/h", "list_pointer": "/items"}})"_ba
            << u"profile.inconsistent"_s << u"registration.check.list_id_pointer"_s;
    QTest::newRow("error-codes-without-error-pointer")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}", "denied_errors": ["x"]}})"_ba
            << u"profile.inconsistent"_s << u"registration.check.error_pointer"_s;
    QTest::newRow("missing-status-outside-4xx")
            << R"({"api_base": "https://a.test", "check": {"path": "/h/{id}", "missing_statuses": [500]}})"_ba
            << u"profile.bad_value"_s << u"registration.check.missing_statuses"_s;
}

void TestRegistrationProfile::badInput()
{
    QFETCH(QByteArray, registration);
    QFETCH(QString, code);
    QFETCH(QString, key);
    const Result<ProviderProfile> profile = parseProviderProfile(profileWith(registration),
                                                                 u"acme.json"_s);
    QVERIFY(!profile.has_value());
    QCOMPARE(profile.error().code, code);
    QVERIFY2(profile.error().message.contains(key), qPrintable(profile.error().message));
    QVERIFY2(profile.error().message.contains(u"acme.json"_s), qPrintable(profile.error().message));
}

QTEST_GUILESS_MAIN(TestRegistrationProfile)
#include "tst_registrationprofile.moc"
