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
        for (const QString &id : {u"github"_s, u"stripe"_s, u"microsoft-graph"_s, u"shopify"_s,
                                  u"hubspot"_s, u"slack"_s, u"zoom"_s})
            QVERIFY2(api(id).present, qPrintable(id));
        QVERIFY(m_catalog.find(u"twilio"_s)); // a profile without a registration section
        QVERIFY(!api(u"twilio"_s).present);
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

    // Answers judged against the registration they are about: its id (in a list), its target URL
    // (another address, or none, means our events go elsewhere), and errors inside a 200 answer.
    void readCheckAnswerForRegistration_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("ourTarget");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("targetUrl");
        QTest::addColumn<QString>("detailContains");

        QTest::newRow("hubspot-active-subscription")
                << u"hubspot"_s << 200 << u"hubspot-subscription.json"_s << u"12"_s << QString()
                << u"active"_s << QString() << u"Active"_s;
        QTest::newRow("hubspot-paused-subscription")
                << u"hubspot"_s << 200 << u"hubspot-subscription-paused.json"_s << u"12"_s
                << QString() << u"disabled"_s << QString() << u"active is false"_s;
        QTest::newRow("hubspot-deleted-subscription-404")
                << u"hubspot"_s << 404 << u"{\"status\":\"error\",\"message\":\"not found\"}"_s
                << u"12"_s << QString() << u"missing"_s << QString() << u"404"_s;
        QTest::newRow("hubspot-wrong-developer-key-401")
                << u"hubspot"_s << 401
                << u"{\"status\":\"error\",\"message\":\"invalid hapikey\"}"_s << u"12"_s
                << QString() << u"access_denied"_s << QString() << u"invalid hapikey"_s;
        QTest::newRow("slack-events-to-our-url")
                << u"slack"_s << 200 << u"slack-manifest-export.json"_s << u"A0123456789"_s
                << u"https://example.com/slack/events"_s << u"active"_s
                << u"https://example.com/slack/events"_s << u"Active"_s;
        QTest::newRow("slack-events-to-another-url")
                << u"slack"_s << 200 << u"slack-manifest-export.json"_s << u"A0123456789"_s
                << u"https://abc.ngrok.app/wb/hooks/3"_s << u"disabled"_s
                << u"https://example.com/slack/events"_s
                << u"sends to https://example.com/slack/events, not to https://abc.ngrok.app/wb/hooks/3"_s;
        QTest::newRow("slack-event-subscriptions-off")
                << u"slack"_s << 200 << u"slack-manifest-export-no-events.json"_s
                << u"A0123456789"_s << u"https://example.com/slack/events"_s << u"disabled"_s
                << QString() << u"nowhere"_s;
        QTest::newRow("slack-configuration-token-expired")
                << u"slack"_s << 200 << u"slack-error-token-expired.json"_s << u"A0123456789"_s
                << QString() << u"access_denied"_s << QString() << u"token_expired"_s;
        QTest::newRow("slack-app-deleted")
                << u"slack"_s << 200 << u"slack-error-app-not-found.json"_s << u"A0123456789"_s
                << QString() << u"missing"_s << QString() << u"app_not_found"_s;
        QTest::newRow("slack-other-error")
                << u"slack"_s << 200 << u"{\"ok\":false,\"error\":\"ratelimited\"}"_s
                << u"A0123456789"_s << QString() << u"check_failed"_s << QString()
                << u"ratelimited"_s;
        QTest::newRow("zoom-subscription-in-the-list")
                << u"zoom"_s << 200 << u"zoom-event-subscriptions.json"_s
                << u"mQb8Xvd1Rqq2b9fhW3_f4g"_s << u"https://example.com/zoom/recordings"_s
                << u"active"_s << u"https://example.com/zoom/recordings"_s << u"Active"_s;
        QTest::newRow("zoom-subscription-not-in-the-list")
                << u"zoom"_s << 200 << u"zoom-event-subscriptions.json"_s << u"gone-id"_s
                << QString() << u"missing"_s << QString() << u"none with the id gone-id"_s;
        QTest::newRow("zoom-subscription-maybe-on-a-later-page")
                << u"zoom"_s << 200
                << QString::fromUtf8(QByteArray(wb::test::readFixture(
                                                        u"health/zoom-event-subscriptions.json"_s))
                                             .replace("\"next_page_token\": \"\"",
                                                      "\"next_page_token\": "
                                                      "\"Tva2CuIdTgsv8wAnhyAdU3m06Y2HuLQtlh3\""))
                << u"gone-id"_s << QString() << u"check_failed"_s << QString()
                << u"lists more on further pages"_s;
        QTest::newRow("zoom-answer-without-list")
                << u"zoom"_s << 200 << u"{\"page_size\":30}"_s << u"0ZAaJY4dQ52BbwI9PArBLQ"_s
                << QString() << u"check_failed"_s << QString() << u"/event_subscriptions"_s;
        QTest::newRow("github-hook-moved-to-another-url")
                << u"github"_s << 200 << u"github-hook.json"_s << u"12345678"_s
                << u"https://hooks.acme.example/github"_s << u"disabled"_s
                << u"https://example.com/webhook"_s
                << u"not to https://hooks.acme.example/github"_s;
        QTest::newRow("github-hook-at-our-url-written-differently")
                << u"github"_s << 200 << u"github-hook.json"_s << u"12345678"_s
                << u"HTTPS://Example.com:443/webhook/"_s << u"active"_s
                << u"https://example.com/webhook"_s << u"Active"_s;
        QTest::newRow("github-hook-at-our-url")
                << u"github"_s << 200 << u"github-hook.json"_s << u"12345678"_s
                << u"https://example.com/webhook"_s << u"active"_s
                << u"https://example.com/webhook"_s << u"Active"_s;
    }

    void readCheckAnswerForRegistration()
    {
        QFETCH(QString, provider);
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(QString, externalId);
        QFETCH(QString, ourTarget);
        QFETCH(QString, state);
        QFETCH(QString, targetUrl);
        QFETCH(QString, detailContains);
        const QByteArray body = fixture.endsWith(u".json"_s)
                                        ? wb::test::readFixture(u"health/"_s + fixture)
                                        : fixture.toUtf8();
        Registration registration;
        registration.externalId = externalId;
        registration.targetUrl = ourTarget;
        const RegistrationObservation seen = RegistrationHttp::readCheckAnswer(api(provider),
                                                                               status, body,
                                                                               graphExampleExpiryMs,
                                                                               registration);
        QCOMPARE(nameOf(seen.state), state);
        QCOMPARE(seen.targetUrl, targetUrl);
        QVERIFY2(seen.detail.contains(detailContains), qPrintable(seen.detail));
    }

    void sameTargetUrl_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("identical") << u"https://h.example/w"_s << u"https://h.example/w"_s << true;
        QTest::newRow("host-case") << u"https://H.Example/w"_s << u"https://h.example/w"_s << true;
        QTest::newRow("default-port")
                << u"https://h.example:443/w"_s << u"https://h.example/w"_s << true;
        QTest::newRow("trailing-slash")
                << u"https://h.example/w/"_s << u"https://h.example/w"_s << true;
        QTest::newRow("other-port")
                << u"https://h.example:8443/w"_s << u"https://h.example/w"_s << false;
        QTest::newRow("other-path")
                << u"https://h.example/w/1"_s << u"https://h.example/w/2"_s << false;
        QTest::newRow("path-case-matters")
                << u"https://h.example/W"_s << u"https://h.example/w"_s << false;
        QTest::newRow("http-vs-https")
                << u"http://h.example/w"_s << u"https://h.example/w"_s << false;
        QTest::newRow("other-query")
                << u"https://h.example/w?t=1"_s << u"https://h.example/w?t=2"_s << false;
    }

    void sameTargetUrl()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(RegistrationHttp::sameTargetUrl(a, b), same);
        QCOMPARE(RegistrationHttp::sameTargetUrl(b, a), same);
    }

    void checkUrl_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("expected"); // "" with errorCode
        QTest::addColumn<QString>("errorCode");

        QTest::newRow("hubspot-app-subscription")
                << u"hubspot"_s << u"54321"_s << u"12"_s
                << u"https://api.hubapi.com/webhooks/v3/54321/subscriptions/12"_s << QString();
        QTest::newRow("hubspot-without-app-id") << u"hubspot"_s << QString() << u"12"_s << QString()
                                                << u"health.invalid_registration"_s;
        QTest::newRow("slack-app-manifest")
                << u"slack"_s << QString() << u"A0123456789"_s
                << u"https://slack.com/api/apps.manifest.export?app_id=A0123456789"_s << QString();
        QTest::newRow("zoom-account-subscriptions")
                << u"zoom"_s << u"lAAAAAAAAAAAAAA+/x"_s << u"0ZAaJY4dQ52BbwI9PArBLQ"_s
                << u"https://api.zoom.us/v2/marketplace/app/event_subscription"
                   u"?account_id=lAAAAAAAAAAAAAA%2B%2Fx&page_size=300&subscription_scope=account"_s
                << QString();
        QTest::newRow("zoom-without-account") << u"zoom"_s << QString() << u"x"_s << QString()
                                              << u"health.invalid_registration"_s;
        QTest::newRow("github-has-no-query")
                << u"github"_s << u"orgs/octo"_s << u"7"_s
                << u"https://api.github.com/orgs/octo/hooks/7"_s << QString();
    }

    void checkUrl()
    {
        QFETCH(QString, provider);
        QFETCH(QString, scope);
        QFETCH(QString, externalId);
        QFETCH(QString, expected);
        QFETCH(QString, errorCode);
        Registration registration;
        registration.scope = scope;
        registration.externalId = externalId;
        const Result<QUrl> url = RegistrationHttp::checkUrl(api(provider), QUrl(), registration);
        if (errorCode.isEmpty()) {
            QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error().message));
            QCOMPARE(url->toString(QUrl::FullyEncoded), expected);
        } else {
            QVERIFY(!url.has_value());
            QCOMPARE(url.error().code, errorCode);
            QVERIFY(url.error().message.contains(externalId));
        }
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
