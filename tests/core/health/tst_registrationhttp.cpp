// SPDX-License-Identifier: GPL-3.0-or-later
// What a provider's answer about a registration means, read as the built-in profiles declare it,
// with the providers' documented example answers (tests/fixtures/health).
#include "core/health/registrationhttp.h"
#include "core/providers/providercatalog.h"

#include "support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
// 2016-11-20T18:23:45.935Z, the Graph example's expiry (7 fraction digits in the answer).
constexpr qint64 graphExampleExpiryMs = 1479666225935;
} // namespace

class TestRegistrationHttp : public QObject
{
    Q_OBJECT

private:
    ProviderCatalog m_catalog;
    QTemporaryDir m_userFolder;

    RegistrationApi api(const QString &providerId)
    {
        const ProviderProfile *profile = m_catalog.find(providerId);
        if (!profile)
            return {};
        return profile->registration;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_userFolder.isValid());
        m_catalog = ProviderCatalog::load(m_userFolder.path());
        const auto &issues = m_catalog.issues();
        QVERIFY2(issues.isEmpty(),
                 qPrintable(issues.isEmpty() ? QString() : issues.constFirst().error.message));
        for (const QString &id : {u"github"_s, u"stripe"_s, u"microsoft-graph"_s, u"shopify"_s})
            QVERIFY2(api(id).present, qPrintable(id));
        QVERIFY(!api(u"slack"_s).present);
    }

    // The Graph profile's lifetime per subscribed resource (learn.microsoft.com/graph/api/
    // resources/subscription, "Maximum length of subscription per resource type"), read from the
    // resource in the stored creation body as Graph's create-subscription examples write it.
    void graphRenewalTerms_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("ownLifetime");
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<int>("ahead");
        const auto body = [](const char *resource, bool rich = false) {
            return QJsonDocument(QJsonObject{{u"changeType"_s, u"created"_s},
                                             {u"notificationUrl"_s, u"https://r.test/n"_s},
                                             {u"resource"_s, QString::fromUtf8(resource)},
                                             {u"expirationDateTime"_s, u"{expires_at}"_s},
                                             {u"includeResourceData"_s, rich}})
                    .toJson(QJsonDocument::Compact);
        };
        QTest::newRow("presence") << body("/communications/presences?$filter=id in ('a')") << 0
                                  << 60 << 20;
        QTest::newRow("teams-chat-messages") << body("/chats/19:abc/messages") << 0 << 60 << 20;
        QTest::newRow("teams-channel-messages")
                << body("/teams/t1/channels/19:c/messages") << 0 << 60 << 20;
        QTest::newRow("teams-all-chat-messages-of-a-user")
                << body("/users/u1/chats/getAllMessages") << 0 << 60 << 20;
        QTest::newRow("outlook-inbox-messages")
                << body("me/mailFolders('Inbox')/messages") << 0 << 10080 << 1440;
        QTest::newRow("outlook-events") << body("users/u1/events") << 0 << 10080 << 1440;
        QTest::newRow("outlook-contacts") << body("me/contacts") << 0 << 10080 << 1440;
        QTest::newRow("outlook-messages-with-resource-data")
                << body("users/u1/messages?$select=subject", true) << 0 << 1440 << 360;
        QTest::newRow("directory-users") << body("users") << 0 << 41760 << 1440;
        QTest::newRow("one-group") << body("groups/g1") << 0 << 41760 << 1440;
        QTest::newRow("group-conversations")
                << body("groups/g1/conversations") << 0 << 4230 << 1440;
        QTest::newRow("onedrive-root") << body("me/drive/root") << 0 << 42300 << 1440;
        QTest::newRow("sharepoint-list") << body("sites/s1/lists/l1") << 0 << 42300 << 1440;
        QTest::newRow("security-alerts")
                << body("security/alerts?$filter=status eq 'New'") << 0 << 43200 << 1440;
        QTest::newRow("call-records-get-the-default")
                << body("communications/callRecords") << 0 << 4230 << 1440;
        QTest::newRow("no-body-gets-the-default") << QByteArray() << 0 << 4230 << 1440;
        QTest::newRow("own-lifetime-wins-over-the-resource") << body("users") << 120 << 120 << 60;
    }

    void graphRenewalTerms()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, ownLifetime);
        QFETCH(int, lifetime);
        QFETCH(int, ahead);
        Registration registration;
        registration.registrationBody = body;
        registration.renewLifetimeMinutes = ownLifetime;
        const RegistrationHttp::RenewalTerms terms
                = RegistrationHttp::renewalTerms(api(u"microsoft-graph"_s), registration);
        QCOMPARE(terms.lifetimeMinutes, lifetime);
        QCOMPARE(terms.aheadMinutes, ahead);
    }

    void readCheckAnswer_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture"); // tests/fixtures/health/<name>, or a literal body
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("expiresAtMs"); // -1: none
        QTest::addColumn<QString>("lastDelivery");
        QTest::addColumn<QString>("targetUrl");

        const qint64 before = graphExampleExpiryMs - 3'600'000;
        QTest::newRow("github-active-hook")
                << u"github"_s << 200 << u"github-hook.json"_s << before << u"active"_s
                << qint64(-1) << QString() << u"https://example.com/webhook"_s;
        QTest::newRow("github-disabled-hook-with-failed-last-response")
                << u"github"_s << 200 << u"github-hook-inactive.json"_s << before << u"disabled"_s
                << qint64(-1) << u"502 Bad Gateway"_s << u"https://example.com/webhook"_s;
        QTest::newRow("github-missing-hook-404")
                << u"github"_s << 404 << u"{\"message\":\"Not Found\"}"_s << before << u"missing"_s
                << qint64(-1) << QString() << QString();
        QTest::newRow("github-token-refused-401")
                << u"github"_s << 401 << u"{\"message\":\"Bad credentials\"}"_s << before
                << u"access_denied"_s << qint64(-1) << QString() << QString();
        QTest::newRow("github-secondary-rate-limit-429")
                << u"github"_s << 429 << u"{\"message\":\"secondary rate limit\"}"_s << before
                << u"check_failed"_s << qint64(-1) << QString() << QString();
        QTest::newRow("stripe-enabled-endpoint")
                << u"stripe"_s << 200 << u"stripe-webhook-endpoint.json"_s << before << u"active"_s
                << qint64(-1) << QString() << u"https://example.com/my/webhook/endpoint"_s;
        QTest::newRow("stripe-disabled-endpoint")
                << u"stripe"_s << 200 << u"stripe-webhook-endpoint-disabled.json"_s << before
                << u"disabled"_s << qint64(-1) << QString()
                << u"https://example.com/my/webhook/endpoint"_s;
        QTest::newRow("graph-subscription-before-expiry")
                << u"microsoft-graph"_s << 200 << u"graph-subscription.json"_s << before
                << u"active"_s << graphExampleExpiryMs << QString()
                << u"https://webhook.azurewebsites.net/api/send/myNotifyClient"_s;
        QTest::newRow("graph-subscription-after-expiry")
                << u"microsoft-graph"_s << 200 << u"graph-subscription.json"_s
                << graphExampleExpiryMs << u"expired"_s << graphExampleExpiryMs << QString()
                << u"https://webhook.azurewebsites.net/api/send/myNotifyClient"_s;
        QTest::newRow("graph-subscription-gone-404")
                << u"microsoft-graph"_s << 404 << u"graph-error-expired.json"_s << before
                << u"missing"_s << qint64(-1) << QString() << QString();
        QTest::newRow("graph-server-error-503")
                << u"microsoft-graph"_s << 503 << u"graph-error-expired.json"_s << before
                << u"check_failed"_s << qint64(-1) << QString() << QString();
        QTest::newRow("shopify-existing-webhook")
                << u"shopify"_s << 200 << u"shopify-webhook.json"_s << before << u"active"_s
                << qint64(-1) << QString() << u"https://apple.com"_s;
        QTest::newRow("shopify-deleted-after-failures-404")
                << u"shopify"_s << 404 << u"{\"errors\":\"Not Found\"}"_s << before << u"missing"_s
                << qint64(-1) << QString() << QString();
        QTest::newRow("html-instead-of-json")
                << u"stripe"_s << 200 << u"<html>maintenance</html>"_s << before
                << u"check_failed"_s << qint64(-1) << QString() << QString();
    }

    void readCheckAnswer()
    {
        QFETCH(QString, provider);
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(qint64, nowMs);
        QFETCH(QString, state);
        QFETCH(qint64, expiresAtMs);
        QFETCH(QString, lastDelivery);
        QFETCH(QString, targetUrl);
        const QByteArray body = fixture.endsWith(u".json"_s)
                                        ? wb::test::readFixture(u"health/"_s + fixture)
                                        : fixture.toUtf8();
        const RegistrationObservation seen = RegistrationHttp::readCheckAnswer(api(provider),
                                                                               status, body, nowMs);
        QCOMPARE(nameOf(seen.state), state);
        QCOMPARE(seen.httpStatus, status);
        QCOMPARE(seen.expiresAtMs.value_or(-1), expiresAtMs);
        QCOMPARE(seen.lastDeliveryStatus, lastDelivery);
        QCOMPARE(seen.targetUrl, targetUrl);
        QVERIFY(!seen.detail.isEmpty());
    }

    void errorDetailNamesTheProvidersReason()
    {
        const RegistrationObservation seen
                = RegistrationHttp::readCheckAnswer(api(u"microsoft-graph"_s), 503,
                                                    wb::test::readFixture(
                                                            u"health/graph-error-expired.json"_s),
                                                    0);
        QVERIFY2(seen.detail.contains(u"The object was not found in the store"_s),
                 qPrintable(seen.detail));
        QVERIFY(seen.detail.contains(u"503"_s));
    }

    void url_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("expected"); // "" with errorCode
        QTest::addColumn<QString>("errorCode");

        QTest::newRow("github-repository-hook")
                << u"github"_s << QString() << u"repos/octocat/Hello-World"_s << u"12345678"_s
                << u"https://api.github.com/repos/octocat/Hello-World/hooks/12345678"_s
                << QString();
        QTest::newRow("github-organization-hook-on-enterprise-server")
                << u"github"_s << u"https://ghe.example.com/api/v3/"_s << u"orgs/octo"_s << u"7"_s
                << u"https://ghe.example.com/api/v3/orgs/octo/hooks/7"_s << QString();
        QTest::newRow("github-without-scope") << u"github"_s << QString() << QString() << u"7"_s
                                              << QString() << u"health.invalid_registration"_s;
        QTest::newRow("stripe-endpoint-id")
                << u"stripe"_s << QString() << QString() << u"we_1Mr5jULkdIwHu7ix1ibLTM0x"_s
                << u"https://api.stripe.com/v1/webhook_endpoints/we_1Mr5jULkdIwHu7ix1ibLTM0x"_s
                << QString();
        QTest::newRow("graph-id-is-percent-encoded")
                << u"microsoft-graph"_s << QString() << QString() << u"a/b c"_s
                << u"https://graph.microsoft.com/v1.0/subscriptions/a%2Fb%20c"_s << QString();
        QTest::newRow("shopify-without-shop-base-url")
                << u"shopify"_s << QString() << QString() << u"4759306"_s << QString()
                << u"health.no_api_base"_s;
        QTest::newRow("shopify-with-shop-base-url")
                << u"shopify"_s << u"https://acme.myshopify.com"_s << QString() << u"4759306"_s
                << u"https://acme.myshopify.com/admin/api/2024-10/webhooks/4759306.json"_s
                << QString();
    }

    void url()
    {
        QFETCH(QString, provider);
        QFETCH(QString, baseUrl);
        QFETCH(QString, scope);
        QFETCH(QString, externalId);
        QFETCH(QString, expected);
        QFETCH(QString, errorCode);
        Registration registration;
        registration.scope = scope;
        registration.externalId = externalId;
        const RegistrationApi declared = api(provider);
        const Result<QUrl> url = RegistrationHttp::url(declared, QUrl(baseUrl), declared.checkPath,
                                                       registration);
        if (errorCode.isEmpty()) {
            QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error().message));
            QCOMPARE(url->toString(QUrl::FullyEncoded), expected);
        } else {
            QVERIFY(!url.has_value());
            QCOMPARE(url.error().code, errorCode);
        }
    }

    void credentialValue_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bearer-for-authorization-header") << u"github"_s << "Bearer gho_abc"_ba
                                                         << "Bearer gho_abc"_ba;
        QTest::newRow("bare-token-for-shopify-header") << u"shopify"_s << "Bearer shpat_abc"_ba
                                                       << "shpat_abc"_ba;
        QTest::newRow("no-credential") << u"shopify"_s << QByteArray() << QByteArray();
    }

    void credentialValue()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, expected);
        QCOMPARE(RegistrationHttp::credentialValue(api(provider), authorization), expected);
    }

    void parseTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::newRow("graph-seven-fraction-digits")
                << u"2016-11-20T18:23:45.9356913Z"_s << graphExampleExpiryMs;
        QTest::newRow("milliseconds") << u"2016-11-20T18:23:45.935Z"_s << graphExampleExpiryMs;
        QTest::newRow("no-fraction") << u"2016-11-20T18:23:45Z"_s << qint64(1479666225000);
        QTest::newRow("offset") << u"2016-11-20T19:23:45+01:00"_s << qint64(1479666225000);
        QTest::newRow("lower-case-z") << u"2016-11-20t18:23:45z"_s << qint64(1479666225000);
        QTest::newRow("no-zone-refused") << u"2016-11-20T18:23:45"_s << qint64(-1);
        QTest::newRow("date-only-refused") << u"2016-11-20"_s << qint64(-1);
        QTest::newRow("february-30-refused") << u"2016-02-30T00:00:00Z"_s << qint64(-1);
    }

    void parseTime()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        QCOMPARE(RegistrationHttp::parseTime(text).value_or(-1), expected);
    }

    void formatTimeRoundTrips()
    {
        QCOMPARE(RegistrationHttp::formatTime(graphExampleExpiryMs), u"2016-11-20T18:23:45.935Z"_s);
        QCOMPARE(RegistrationHttp::parseTime(RegistrationHttp::formatTime(graphExampleExpiryMs)),
                 graphExampleExpiryMs);
    }
};

QTEST_GUILESS_MAIN(TestRegistrationHttp)
#include "tst_registrationhttp.moc"
