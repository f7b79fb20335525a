// SPDX-License-Identifier: GPL-3.0-or-later
// The health monitor against local fakes of the providers' APIs playing their documented answers:
// active, disabled and missing hooks, a Graph subscription near expiry and its renewal (accepted
// and refused), re-registration only where allowed, and the passive checks over stored events.
#include "fakeproviderapi.h"
#include "healthtestbed.h"

#include "core/health/healthmonitor.h"
#include "core/health/registrationhttp.h"
#include "core/secrets/connectionsecrets.h"

#include "support/futures.h"
#include "support/memorysecretstore.h"
#include "support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::FakeProviderApi;

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;

QByteArray fixture(const QString &name)
{
    return wb::test::readFixture(u"health/"_s + name);
}

// The OAuth client of a Zoom app whose token endpoint is the fake's, as stored with a connection
// (clientconfigjson.h), authenticating with `clientAuth`.
QByteArray zoomClient(const QUrl &base, const QString &clientAuth)
{
    const QString root = base.toString();
    return QJsonDocument(
                   QJsonObject{{u"provider"_s, u"zoom"_s},
                               {u"authorization_endpoint"_s, QString(root + u"/oauth/authorize"_s)},
                               {u"token_endpoint"_s, QString(root + u"/oauth/token"_s)},
                               {u"client_id"_s, u"zoom-client"_s},
                               {u"token_endpoint_auth_method"_s, clientAuth}})
            .toJson(QJsonDocument::Compact);
}

// The Graph example subscription with its expiry set to `expiresAtMs`.
QByteArray graphSubscription(qint64 expiresAtMs, const QString &id = {})
{
    QJsonObject object = QJsonDocument::fromJson(fixture(u"graph-subscription.json"_s)).object();
    // Seven fraction digits, as Graph writes them.
    object.insert(u"expirationDateTime"_s,
                  QString(RegistrationHttp::formatTime(expiresAtMs).chopped(1) + u"0000Z"_s));
    if (!id.isEmpty())
        object.insert(u"id"_s, id);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

class TestHealthMonitor : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        wb::test::HealthTestbed bed;
        FakeProviderApi api;
        wb::test::FakeCredentials credentials;
        QNetworkAccessManager network;
        std::unique_ptr<HealthMonitor> monitor;

        bool start(ConnectionSecrets *secrets = nullptr)
        {
            if (!bed.ok() || !api.listen())
                return false;
            HealthMonitorServices services{&bed.store(), &bed.catalog(), &network,
                                           &credentials, secrets,        &bed.clock()};
            HealthMonitorOptions options;
            options.requestTimeoutMs = 10'000;
            monitor = std::make_unique<HealthMonitor>(services, options);
            return true;
        }
        Result<QList<ConnectionHealth>> round(const HealthRound &request = {})
        {
            auto future = monitor->runRound(request);
            if (!wb::test::waitForFinished(future))
                return fail(u"test.timeout"_s, u"the round did not finish"_s);
            return future.result();
        }
    };

    static std::optional<ConnectionHealth> healthOf(const QList<ConnectionHealth> &all, qint64 id)
    {
        for (const ConnectionHealth &health : all) {
            if (health.connectionId == id)
                return health;
        }
        return std::nullopt;
    }

private slots:
    void activeCheck_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fixture"); // "" → a 404 body
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("health");
        QTest::addColumn<QString>("code"); // the worst finding, "" for none
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("credentialHeader");
        QTest::addColumn<QByteArray>("credentialPrefix");

        QTest::newRow("github-active-hook")
                << u"github"_s << u"repos/octocat/Hello-World"_s << u"12345678"_s
                << "/repos/octocat/Hello-World/hooks/12345678"_ba << 200 << u"github-hook.json"_s
                << u"active"_s << u"healthy"_s << QString() << u"none"_s << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("github-disabled-hook")
                << u"github"_s << u"orgs/octocat"_s << u"12345678"_s
                << "/orgs/octocat/hooks/12345678"_ba << 200 << u"github-hook-inactive.json"_s
                << u"disabled"_s << u"failing"_s << u"registration.disabled"_s << u"reenable"_s
                << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("github-missing-hook")
                << u"github"_s << u"repos/octocat/Hello-World"_s << u"12345678"_s
                << "/repos/octocat/Hello-World/hooks/12345678"_ba << 404 << QString()
                << u"missing"_s << u"failing"_s << u"registration.missing"_s << u"reregister"_s
                << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("github-token-without-hook-scope")
                << u"github"_s << u"repos/octocat/Hello-World"_s << u"12345678"_s
                << "/repos/octocat/Hello-World/hooks/12345678"_ba << 403 << QString()
                << u"access_denied"_s << u"failing"_s << u"registration.access_denied"_s
                << u"reauthorize"_s << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("stripe-enabled-endpoint")
                << u"stripe"_s << QString() << u"we_1Mr5jULkdIwHu7ix1ibLTM0x"_s
                << "/v1/webhook_endpoints/we_1Mr5jULkdIwHu7ix1ibLTM0x"_ba << 200
                << u"stripe-webhook-endpoint.json"_s << u"active"_s << u"healthy"_s << QString()
                << u"none"_s << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("stripe-disabled-endpoint")
                << u"stripe"_s << QString() << u"we_1Mr5jULkdIwHu7ix1ibLTM0x"_s
                << "/v1/webhook_endpoints/we_1Mr5jULkdIwHu7ix1ibLTM0x"_ba << 200
                << u"stripe-webhook-endpoint-disabled.json"_s << u"disabled"_s << u"failing"_s
                << u"registration.disabled"_s << u"reenable"_s << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("stripe-deleted-endpoint")
                << u"stripe"_s << QString() << u"we_1Mr5jULkdIwHu7ix1ibLTM0x"_s
                << "/v1/webhook_endpoints/we_1Mr5jULkdIwHu7ix1ibLTM0x"_ba << 404 << QString()
                << u"missing"_s << u"failing"_s << u"registration.missing"_s << u"reregister"_s
                << "Authorization"_ba
                << "Bearer tok-"_ba;
        QTest::newRow("shopify-webhook-with-access-token-header")
                << u"shopify"_s << QString() << u"4759306"_s
                << "/admin/api/2024-10/webhooks/4759306.json"_ba << 200 << u"shopify-webhook.json"_s
                << u"active"_s << u"healthy"_s << QString() << u"none"_s
                << "X-Shopify-Access-Token"_ba
                << "tok-"_ba;
        QTest::newRow("shopify-webhook-deleted-after-failures")
                << u"shopify"_s << QString() << u"4759306"_s
                << "/admin/api/2024-10/webhooks/4759306.json"_ba << 404 << QString() << u"missing"_s
                << u"failing"_s << u"registration.missing"_s << u"reregister"_s
                << "X-Shopify-Access-Token"_ba
                << "tok-"_ba;
        QTest::newRow("graph-subscription-server-error")
                << u"microsoft-graph"_s << QString() << u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s
                << "/v1.0/subscriptions/7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_ba << 503
                << u"graph-error-expired.json"_s << u"check_failed"_s << u"attention"_s
                << u"registration.check_failed"_s << u"investigate"_s << "Authorization"_ba
                << "Bearer tok-"_ba;
    }

    void activeCheck()
    {
        QFETCH(QString, provider);
        QFETCH(QString, scope);
        QFETCH(QString, externalId);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QString, fixture);
        QFETCH(QString, state);
        QFETCH(QString, health);
        QFETCH(QString, code);
        QFETCH(QString, action);
        QFETCH(QByteArray, credentialHeader);
        QFETCH(QByteArray, credentialPrefix);

        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const QByteArray body = fixture.isEmpty() ? "{\"message\":\"Not Found\"}"_ba
                                                  : ::fixture(fixture);
        f.api.on("GET"_ba, path, {{status, body}});
        const qint64 connectionId = f.bed.addConnection(provider, f.api.baseUrl());
        QVERIFY2(connectionId > 0, qPrintable(f.bed.error()));
        Registration registration;
        registration.connectionId = connectionId;
        registration.scope = scope;
        registration.externalId = externalId;
        registration.origin = RegistrationOrigin::Onboarding;
        const qint64 registrationId = f.bed.addRegistration(registration).id;
        QVERIFY2(registrationId > 0, qPrintable(f.bed.error()));

        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY2(round.has_value(), qPrintable(round ? QString() : round.error().message));
        const auto assessed = healthOf(*round, connectionId);
        QVERIFY(assessed.has_value());
        QCOMPARE(nameOf(assessed->status), health);
        QCOMPARE(assessed->findings.isEmpty() ? QString() : assessed->findings.constFirst().code,
                 code);
        QCOMPARE(nameOf(assessed->action()), action);

        const QList<FakeProviderApi::Request> asked = f.api.requestsTo("GET"_ba, path);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.constFirst().header(credentialHeader),
                 credentialPrefix + QByteArray::number(connectionId));
        if (provider == u"github"_s)
            QCOMPARE(asked.constFirst().header("X-GitHub-Api-Version"_ba), "2022-11-28"_ba);
        // Nothing else was asked (no re-registration without permission).
        QCOMPARE(f.api.requests().size(), 1);

        const Registration stored = f.bed.registration(registrationId);
        QCOMPARE(nameOf(stored.state), state);
        QCOMPARE(stored.lastCheckedAtMs, std::optional<qint64>(wb::test::HealthTestbed::startMs));
        QVERIFY(!stored.stateDetail.isEmpty());
        QCOMPARE(f.monitor->healthOf(connectionId), assessed);
    }

    void checksOnlyWhenDue()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        f.api.on("GET"_ba, "/v1/webhook_endpoints/we_1"_ba,
                 {{200, fixture(u"stripe-webhook-endpoint.json"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"stripe"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"we_1"_s;
        QVERIFY(f.bed.addRegistration(registration).id > 0);

        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requests().size(), 1);
        f.bed.clock().advanceMs(29 * minute);
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requests().size(), 1); // within the 30-min check interval
        QVERIFY(f.round(HealthRound{std::nullopt, /*checkAll=*/true, true}).has_value());
        QCOMPARE(f.api.requests().size(), 2); // asked for explicitly
        f.bed.clock().advanceMs(30 * minute);
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requests().size(), 3); // due again
    }

    void graphSubscriptionRenewedAheadOfExpiry()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        const QByteArray path = "/v1.0/subscriptions/7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_ba;
        const qint64 renewedTo = now + 4230 * minute;
        f.api.on("GET"_ba, path, {{200, graphSubscription(now + 10 * hour)}});
        f.api.on("PATCH"_ba, path, {{200, graphSubscription(renewedTo)}});
        const qint64 connectionId = f.bed.addConnection(u"microsoft-graph"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s;
        registration.expiresAtMs = now + 10 * hour;
        const qint64 id = f.bed.addRegistration(registration).id;
        QVERIFY(id > 0);

        // Before the round: due for renewal (10 h left of a 24 h lead).
        QSignalSpy acted(f.monitor.get(), &HealthMonitor::registrationActed);
        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());

        const QList<FakeProviderApi::Request> patches = f.api.requestsTo("PATCH"_ba, path);
        QCOMPARE(patches.size(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(patches.constFirst().body).object();
        QCOMPARE(sent.keys(), QStringList{u"expirationDateTime"_s});
        QCOMPARE(RegistrationHttp::parseTime(sent.value(u"expirationDateTime"_s).toString()),
                 std::optional<qint64>(renewedTo));
        QCOMPARE(patches.constFirst().header("Content-Type"_ba), "application/json"_ba);
        QCOMPARE(patches.constFirst().header("Authorization"_ba),
                 "Bearer tok-"_ba + QByteArray::number(connectionId));

        const Registration stored = f.bed.registration(id);
        QCOMPARE(stored.expiresAtMs, std::optional<qint64>(renewedTo));
        QCOMPARE(stored.lastAction, RegistrationAction::Renewed);
        QCOMPARE(stored.state, RegistrationState::Active);
        QCOMPARE(acted.size(), 1);
        QCOMPARE(acted.constFirst().at(1).toString(), u"renewed"_s);

        const auto health = healthOf(*round, connectionId);
        QVERIFY(health.has_value());
        QCOMPARE(health->status, HealthStatus::Healthy);
    }

    // Each Graph resource is renewed with the lifetime it allows (the profile's
    // renew.lifetimes), read from the subscription's stored creation body; the local fake plays
    // Graph's subscription answers.
    void graphRenewalPerResource_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<qint64>("expiresInMs");
        QTest::addColumn<int>("patches");
        QTest::addColumn<qint64>("renewedForMs");
        QTest::addRow("presence-10-min-left")
                << u"/communications/presences/u1"_s << 10 * minute << 1 << 60 * minute;
        QTest::addRow("presence-30-min-left-not-due-yet")
                << u"/communications/presences/u1"_s << 30 * minute << 0 << qint64(0);
        QTest::addRow("teams-chat-messages-10-min-left")
                << u"/chats/19:abc/messages"_s << 10 * minute << 1 << 60 * minute;
        QTest::addRow("outlook-messages-10-h-left")
                << u"me/mailFolders('Inbox')/messages"_s << 10 * hour << 1 << 10080 * minute;
        QTest::addRow("directory-users-10-h-left")
                << u"users"_s << 10 * hour << 1 << 41760 * minute;
        QTest::addRow("group-conversations-10-h-left")
                << u"groups/g1/conversations"_s << 10 * hour << 1 << 4230 * minute;
    }

    void graphRenewalPerResource()
    {
        QFETCH(QString, resource);
        QFETCH(qint64, expiresInMs);
        QFETCH(int, patches);
        QFETCH(qint64, renewedForMs);
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        const QByteArray path = "/v1.0/subscriptions/sub-r"_ba;
        f.api.on("GET"_ba, path, {{200, graphSubscription(now + expiresInMs, u"sub-r"_s)}});
        f.api.on("PATCH"_ba, path, {{200, graphSubscription(now + renewedForMs, u"sub-r"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"microsoft-graph"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"sub-r"_s;
        registration.expiresAtMs = now + expiresInMs;
        // The creation request, as Graph's create-subscription example writes it.
        registration.registrationBody
                = QJsonDocument(QJsonObject{
                                        {u"changeType"_s, u"updated"_s},
                                        {u"notificationUrl"_s, u"https://receiver.test/graph"_s},
                                        {u"resource"_s, resource},
                                        {u"expirationDateTime"_s, u"{expires_at}"_s},
                                })
                          .toJson(QJsonDocument::Compact);
        const qint64 id = f.bed.addRegistration(registration).id;
        QVERIFY(id > 0);

        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        const QList<FakeProviderApi::Request> sent = f.api.requestsTo("PATCH"_ba, path);
        QCOMPARE(sent.size(), patches);
        const Registration stored = f.bed.registration(id);
        if (patches == 0) {
            QCOMPARE(stored.lastAction, RegistrationAction::None);
            QCOMPARE(healthOf(*round, connectionId)->status, HealthStatus::Healthy);
            return;
        }
        const QJsonObject body = QJsonDocument::fromJson(sent.constFirst().body).object();
        QCOMPARE(RegistrationHttp::parseTime(body.value(u"expirationDateTime"_s).toString()),
                 std::optional<qint64>(now + renewedForMs));
        QCOMPARE(stored.lastAction, RegistrationAction::Renewed);
        QCOMPARE(stored.expiresAtMs, std::optional<qint64>(now + renewedForMs));
        QCOMPARE(healthOf(*round, connectionId)->status, HealthStatus::Healthy);
    }

    // A reauthorizationRequired lifecycle notification makes the monitor renew at once (a renewal
    // also reauthorizes), long before the renewal lead; the notice is then answered.
    void graphReauthorizationRequiredRenews()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        const QByteArray path = "/v1.0/subscriptions/7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_ba;
        f.api.on("GET"_ba, path, {{200, graphSubscription(now + 40 * hour)}});
        f.api.on("PATCH"_ba, path, {{200, graphSubscription(now + 4230 * minute)}});
        const qint64 connectionId = f.bed.addConnection(u"microsoft-graph"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s;
        registration.expiresAtMs = now + 40 * hour; // far outside the 24 h lead
        const qint64 id = f.bed.addRegistration(registration).id;
        // Checked recently: only the notification makes it due.
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requestsTo("PATCH"_ba, path).size(), 0);
        QCOMPARE(f.api.requestsTo("GET"_ba, path).size(), 1);

        f.bed.clock().advanceMs(minute);
        QVERIFY2(f.bed.addGraphNotification(
                         connectionId, fixture(u"graph-lifecycle-reauthorization-required.json"_s),
                         u"reauthorizationRequired"_s, f.bed.clock().nowMs()),
                 qPrintable(f.bed.error()));
        f.bed.clock().advanceMs(minute);
        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        QCOMPARE(f.api.requestsTo("GET"_ba, path).size(), 2); // the notice made the check due
        QCOMPARE(f.api.requestsTo("PATCH"_ba, path).size(), 1);
        const Registration stored = f.bed.registration(id);
        QCOMPARE(stored.lastAction, RegistrationAction::Renewed);
        QCOMPARE(healthOf(*round, connectionId)->status, HealthStatus::Healthy);

        // Answered: the next round does not renew again.
        f.bed.clock().advanceMs(10 * minute);
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requestsTo("PATCH"_ba, path).size(), 1);
    }

    // subscriptionRemoved: the monitor checks at once (not after the check interval), finds it
    // gone and creates it again where allowed; the notice does not match the new subscription.
    void graphSubscriptionRemovedReregisters()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        const QByteArray oldPath = "/v1.0/subscriptions/7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_ba;
        const QByteArray newPath = "/v1.0/subscriptions/sub-new"_ba;
        // Found at first; after the removal Graph answers 404 for it.
        f.api.on("GET"_ba, oldPath,
                 {{200, graphSubscription(now + 40 * hour)},
                  {404, wb::test::readFixture(u"health/graph-error-expired.json"_s)}});
        f.api.on("POST"_ba, "/v1.0/subscriptions"_ba,
                 {{201, graphSubscription(now + 10080 * minute, u"sub-new"_s)}});
        f.api.on("GET"_ba, newPath, {{200, graphSubscription(now + 10080 * minute, u"sub-new"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"microsoft-graph"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s;
        registration.expiresAtMs = now + 40 * hour;
        registration.reregisterAllowed = true;
        registration.registrationBody
                = R"({"changeType":"created","notificationUrl":"https://receiver.test/graph",)"
                  R"("lifecycleNotificationUrl":"https://receiver.test/graph",)"
                  R"("resource":"me/mailFolders('Inbox')/messages",)"
                  R"("expirationDateTime":"{expires_at}","clientState":"secretClientValue"})"_ba;
        const qint64 id = f.bed.addRegistration(registration).id;
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requestsTo("POST"_ba, "/v1.0/subscriptions"_ba).size(), 0);

        f.bed.clock().advanceMs(minute);
        QVERIFY2(f.bed.addGraphNotification(connectionId,
                                            fixture(u"graph-lifecycle-subscription-removed.json"_s),
                                            u"subscriptionRemoved"_s, f.bed.clock().nowMs()),
                 qPrintable(f.bed.error()));
        // Well within the check interval: the notification makes the check due at once.
        f.bed.clock().advanceMs(minute);
        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        const QList<FakeProviderApi::Request> created = f.api.requestsTo("POST"_ba,
                                                                         "/v1.0/subscriptions"_ba);
        QCOMPARE(created.size(), 1);
        // Created again for the lifetime of its resource (Outlook messages: 10080 min).
        const QJsonObject body = QJsonDocument::fromJson(created.constFirst().body).object();
        QCOMPARE(body.value(u"resource"_s).toString(), u"me/mailFolders('Inbox')/messages"_s);
        QCOMPARE(RegistrationHttp::parseTime(body.value(u"expirationDateTime"_s).toString()),
                 std::optional<qint64>(f.bed.clock().nowMs() + 10080 * minute));
        const Registration stored = f.bed.registration(id);
        QCOMPARE(stored.externalId, u"sub-new"_s);
        QCOMPARE(stored.lastAction, RegistrationAction::Reregistered);
        QCOMPARE(healthOf(*round, connectionId)->status, HealthStatus::Healthy);
    }

    void graphRenewalRefused()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        const QByteArray path = "/v1.0/subscriptions/sub-1"_ba;
        f.api.on("GET"_ba, path, {{200, graphSubscription(now + 5 * hour, u"sub-1"_s)}});
        f.api.on("PATCH"_ba, path,
                 {{403, R"({"error":{"code":"ExtensionError","message":"Operation: Update; )"
                        R"(Exception: [Status Code: Forbidden; Reason: Access denied.]"}})"_ba}});
        const qint64 connectionId = f.bed.addConnection(u"microsoft-graph"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"sub-1"_s;
        const qint64 id = f.bed.addRegistration(registration).id;

        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        QCOMPARE(f.api.requestsTo("PATCH"_ba, path).size(), 1);
        const Registration stored = f.bed.registration(id);
        QCOMPARE(stored.lastAction, RegistrationAction::RenewFailed);
        QVERIFY2(stored.lastActionDetail.contains(u"Access denied"_s),
                 qPrintable(stored.lastActionDetail));
        QCOMPARE(stored.expiresAtMs, std::optional<qint64>(now + 5 * hour)); // unchanged

        const auto health = healthOf(*round, connectionId);
        QCOMPARE(health->status, HealthStatus::Failing);
        QCOMPARE(health->findings.constFirst().code, u"registration.expiring"_s);
        QCOMPARE(health->action(), HealthAction::Renew);
        QVERIFY2(health->reason().contains(u"renewing it failed"_s), qPrintable(health->reason()));

        // Not asked again before the check interval has passed…
        f.bed.clock().advanceMs(10 * minute);
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requestsTo("PATCH"_ba, path).size(), 1);
        // …then tried again.
        f.bed.clock().advanceMs(30 * minute);
        QVERIFY(f.round().has_value());
        QCOMPARE(f.api.requestsTo("PATCH"_ba, path).size(), 2);
    }

    void reregistration_data()
    {
        QTest::addColumn<bool>("allowed");
        QTest::newRow("allowed-by-the-engineer") << true;
        QTest::newRow("not-allowed") << false;
    }

    void reregistration()
    {
        QFETCH(bool, allowed);
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const QByteArray oldPath = "/repos/octocat/Hello-World/hooks/12345678"_ba;
        const QByteArray newPath = "/repos/octocat/Hello-World/hooks/12345679"_ba;
        QJsonObject created = QJsonDocument::fromJson(fixture(u"github-hook.json"_s)).object();
        created.insert(u"id"_s, 12345679);
        const QByteArray createdBody = QJsonDocument(created).toJson(QJsonDocument::Compact);
        f.api.on("GET"_ba, oldPath, {{404, R"({"message":"Not Found"})"_ba}});
        f.api.on("POST"_ba, "/repos/octocat/Hello-World/hooks"_ba, {{201, createdBody}});
        f.api.on("GET"_ba, newPath, {{200, createdBody}});
        const qint64 connectionId = f.bed.addConnection(u"github"_s, f.api.baseUrl());
        f.credentials.signingSecrets.insert(connectionId, "It's a \"Secret\""_ba);
        Registration registration;
        registration.connectionId = connectionId;
        registration.scope = u"repos/octocat/Hello-World"_s;
        registration.externalId = u"12345678"_s;
        registration.reregisterAllowed = allowed;
        registration.registrationBody
                = R"({"name":"web","active":true,"events":["push"],"config":{"url":)"
                  R"("https://example.com/webhook","content_type":"json","secret":"{signing_secret}"}})"_ba;
        const qint64 id = f.bed.addRegistration(registration).id;

        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        const QList<FakeProviderApi::Request> posts
                = f.api.requestsTo("POST"_ba, "/repos/octocat/Hello-World/hooks"_ba);
        const Registration stored = f.bed.registration(id);
        const auto health = healthOf(*round, connectionId);
        if (!allowed) {
            QCOMPARE(posts.size(), 0);
            QCOMPARE(stored.state, RegistrationState::Missing);
            QCOMPARE(stored.externalId, u"12345678"_s);
            QCOMPARE(health->status, HealthStatus::Failing);
            QCOMPARE(health->action(), HealthAction::Reregister);
            return;
        }
        QCOMPARE(posts.size(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(posts.constFirst().body).object();
        QCOMPARE(sent.value(u"config"_s).toObject().value(u"secret"_s).toString(),
                 u"It's a \"Secret\""_s); // the keychain's secret, escaped into the JSON
        QCOMPARE(sent.value(u"events"_s).toArray().size(), 1);
        QCOMPARE(f.api.requestsTo("GET"_ba, newPath).size(), 1); // checked after creation
        QCOMPARE(stored.externalId, u"12345679"_s);
        QCOMPARE(stored.lastAction, RegistrationAction::Reregistered);
        QCOMPARE(stored.state, RegistrationState::Active);
        QVERIFY2(stored.lastActionDetail.contains(u"12345679"_s),
                 qPrintable(stored.lastActionDetail));
        QCOMPARE(health->status, HealthStatus::Healthy);
    }

    void stripeReregistrationStoresTheIssuedSecret()
    {
        Fixture f;
        wb::test::MemorySecretStore backend;
        QVERIFY(f.bed.ok());
        ConnectionSecrets secrets(f.bed.store(), backend);
        QVERIFY(f.start(&secrets));
        f.api.on("GET"_ba, "/v1/webhook_endpoints/we_lost"_ba,
                 {{404, R"({"error":{"message":"No such webhook endpoint: 'we_lost'","type":)"
                        R"("invalid_request_error","code":"resource_missing"}})"_ba}});
        f.api.on("POST"_ba, "/v1/webhook_endpoints"_ba,
                 {{200, fixture(u"stripe-webhook-endpoint-created.json"_s)}});
        f.api.on("GET"_ba, "/v1/webhook_endpoints/we_1NewEndpointAfterLoss"_ba,
                 {{200, fixture(u"stripe-webhook-endpoint-created.json"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"stripe"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"we_lost"_s;
        registration.reregisterAllowed = true;
        registration.registrationBody
                = "url=https%3A%2F%2Fexample.com%2Fmy%2Fwebhook%2Fendpoint&enabled_events[]=charge.succeeded"_ba;
        const qint64 id = f.bed.addRegistration(registration).id;

        QVERIFY(f.round().has_value());
        const auto posts = f.api.requestsTo("POST"_ba, "/v1/webhook_endpoints"_ba);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.constFirst().body, registration.registrationBody);
        QCOMPARE(posts.constFirst().header("Content-Type"_ba),
                 "application/x-www-form-urlencoded"_ba);
        const Registration stored = f.bed.registration(id);
        QCOMPARE(stored.externalId, u"we_1NewEndpointAfterLoss"_s);
        QVERIFY2(stored.lastActionDetail.contains(u"new signing secret is stored"_s),
                 qPrintable(stored.lastActionDetail));
        QVERIFY(!stored.lastActionDetail.contains(u"whsec_"_s)); // never the secret itself
        WB_AWAIT_OK(secret, secrets.get(SecretKey{connectionId, SecretKind::WebhookSigningSecret,
                                                  SecretSlot::Primary}));
        QCOMPARE(*secret, "whsec_wRNftLajMZNeslQOP6vEPm4iVx5NlZ6z"_ba);
    }

    void passiveChecks_data()
    {
        QTest::addColumn<int>("regularEvents");
        QTest::addColumn<qint64>("quietForMs");   // since the newest regular event
        QTest::addColumn<int>("failedAfter");     // failed verifications after them
        QTest::addColumn<int>("handshakeStatus"); // 0: none
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("codes");

        QTest::newRow("regular-traffic-is-healthy")
                << 30 << 5 * minute << 0 << 0 << u"healthy"_s << QStringList{};
        QTest::newRow("silent-for-3-hours")
                << 30 << 3 * hour << 0 << 0 << u"attention"_s << QStringList{u"events.silent"_s};
        QTest::newRow("rotated-secret") << 30 << 5 * minute << 3 << 0 << u"failing"_s
                                        << QStringList{u"verification.failing"_s};
        QTest::newRow("zoom-validation-refused") << 30 << 5 * minute << 0 << 401 << u"failing"_s
                                                 << QStringList{u"handshake.failing"_s};
        QTest::newRow("too-little-history")
                << 5 << 3 * hour << 0 << 0 << u"unknown"_s << QStringList{};
    }

    void passiveChecks()
    {
        QFETCH(int, regularEvents);
        QFETCH(qint64, quietForMs);
        QFETCH(int, failedAfter);
        QFETCH(int, handshakeStatus);
        QFETCH(QString, status);
        QFETCH(QStringList, codes);

        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        // A provider without a registration API: judged by its events only.
        const qint64 connectionId = f.bed.addConnection(u"zoom"_s, QUrl(),
                                                        ConnectionStatus::Unauthorized);
        QList<qint64> times;
        for (int i = 0; i < regularEvents; ++i)
            times << now - quietForMs - i * 10 * minute;
        QVERIFY2(f.bed.addEvents(connectionId, times), qPrintable(f.bed.error()));
        QList<qint64> failed;
        for (int i = 0; i < failedAfter; ++i)
            failed << now - quietForMs + (i + 1) * 10'000;
        QVERIFY(f.bed.addEvents(connectionId, failed, u"failed"_s));
        if (handshakeStatus) {
            QVERIFY(f.bed.addEvents(connectionId, {now - 2 * minute}, u"unsigned"_s, true,
                                    handshakeStatus, u"zoom_url_validation"_s));
        }

        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        const auto health = healthOf(*round, connectionId);
        QVERIFY(health.has_value());
        QCOMPARE(nameOf(health->status), status);
        QStringList found;
        for (const HealthFinding &finding : health->findings)
            found << finding.code;
        QCOMPARE(found, codes);
        QCOMPARE(f.api.requests().size(), 0); // nothing asked of any provider
    }

    void healthChangedOnlyOnChange()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        f.api.on("GET"_ba, "/v1/webhook_endpoints/we_1"_ba,
                 {{200, fixture(u"stripe-webhook-endpoint.json"_s)},
                  {200, fixture(u"stripe-webhook-endpoint.json"_s)},
                  {200, fixture(u"stripe-webhook-endpoint-disabled.json"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"stripe"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"we_1"_s;
        QVERIFY(f.bed.addRegistration(registration).id > 0);
        QSignalSpy changed(f.monitor.get(), &HealthMonitor::healthChanged);
        const HealthRound everything{std::nullopt, true, true};
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(changed.size(), 1);
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(changed.size(), 1); // same answer, same health
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.constLast().constFirst().value<ConnectionHealth>().status,
                 HealthStatus::Failing);
    }

    void credentialFactsFromTheOAuthLayer_data()
    {
        QTest::addColumn<QString>("granted");
        QTest::addColumn<QByteArray>("clientJson");
        QTest::addColumn<qint64>("expiresInMs");
        QTest::addColumn<bool>("refreshToken");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<QString>("reasonPart");

        QTest::newRow("all-requested-scopes-granted")
                << u"offline_access User.Read Mail.Read"_s
                << R"({"profile":"microsoft-graph","client_id":"c","scope":"User.Read Mail.Read"})"_ba
                << hour << true << QStringList{} << QString();
        QTest::newRow("scope-lost-against-the-clients-scope")
                << u"User.Read"_s
                << R"({"profile":"microsoft-graph","client_id":"c","scope":"User.Read Mail.Read"})"_ba
                << hour << true << QStringList{u"credential.scopes_lost"_s} << u"Mail.Read"_s;
        QTest::newRow("scope-lost-against-the-profiles-default-scopes")
                << u"User.Read"_s << R"({"profile":"microsoft-graph","client_id":"c"})"_ba << hour
                << true << QStringList{u"credential.scopes_lost"_s} << u"offline_access"_s;
        QTest::newRow("github-comma-separated-grant")
                << u"repo,admin:repo_hook"_s
                << R"({"profile":"github","client_id":"c","scope":"repo admin:repo_hook"})"_ba
                << hour << true << QStringList{} << QString();
        QTest::newRow("expired-token-with-refresh-token")
                << u"User.Read"_s << QByteArray() << -5 * minute << true
                << QStringList{u"credential.expired"_s} << u"expired 5 min ago"_s;
        QTest::newRow("expiring-token-without-refresh-token")
                << u"User.Read"_s << QByteArray() << 10 * minute << false
                << QStringList{u"credential.expiring"_s} << u"expires in 10 min"_s;
    }

    void credentialFactsFromTheOAuthLayer()
    {
        QFETCH(QString, granted);
        QFETCH(QByteArray, clientJson);
        QFETCH(qint64, expiresInMs);
        QFETCH(bool, refreshToken);
        QFETCH(QStringList, codes);
        QFETCH(QString, reasonPart);
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 now = wb::test::HealthTestbed::startMs;
        const qint64 connectionId = f.bed.addConnection(u"microsoft-graph"_s, QUrl());
        QVERIFY2(f.bed.addOAuthCredential(connectionId, granted, now + expiresInMs, refreshToken,
                                          clientJson),
                 qPrintable(f.bed.error()));
        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        const auto health = healthOf(*round, connectionId);
        QStringList found;
        for (const HealthFinding &finding : health->findings)
            found << finding.code;
        QCOMPARE(found, codes);
        if (!codes.isEmpty()) {
            QCOMPARE(health->findings.constFirst().action,
                     codes.constFirst() == u"credential.expired"_s    ? HealthAction::Refresh
                     : codes.constFirst() == u"credential.expiring"_s ? HealthAction::Refresh
                                                                      : HealthAction::Reauthorize);
            QVERIFY2(health->reason().contains(reasonPart), qPrintable(health->reason()));
        }
    }

    void liveCredentialNotes()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        const qint64 connectionId = f.bed.addConnection(u"slack"_s, QUrl());
        QVERIFY(f.round().has_value());
        QCOMPARE(f.monitor->healthOf(connectionId)->findings.size(), 0);

        QSignalSpy changed(f.monitor.get(), &HealthMonitor::healthChanged);
        f.monitor->noteRefreshFailure(connectionId, u"HTTP 503 from the token endpoint"_s,
                                      wb::test::HealthTestbed::startMs + 2 * minute);
        QVERIFY(changed.wait());
        auto health = changed.constLast().constFirst().value<ConnectionHealth>();
        QCOMPARE(health.findings.constFirst().code, u"credential.refresh_failing"_s);
        QVERIFY2(health.reason().contains(u"next try is in 2 min"_s), qPrintable(health.reason()));

        f.monitor->noteTokenRefused(connectionId, u"HTTP 403: missing_scope"_s);
        QVERIFY(changed.wait());
        health = changed.constLast().constFirst().value<ConnectionHealth>();
        QCOMPARE(health.status, HealthStatus::Failing);
        QCOMPARE(health.findings.constFirst().code, u"credential.refused"_s);

        f.monitor->noteRefreshFailure(connectionId, {}, std::nullopt);
        f.monitor->noteTokenRefused(connectionId, {});
        QTRY_COMPARE(f.monitor->healthOf(connectionId)->findings.size(), 0);
    }

    // Registration APIs that the tenant's access token cannot read: HubSpot's app-level
    // subscriptions with the developer API key (?hapikey=), a Slack app's event subscription with
    // an app configuration token, Zoom's app-owned event subscriptions with a client-credentials
    // token of the app. The fakes play the documented answers.
    void appLevelChecks_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("targetUrl");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("code"); // the worst finding, "" for none

        QTest::newRow("hubspot-active-subscription")
                << u"hubspot"_s << u"54321"_s << u"12"_s << QString()
                << "/webhooks/v3/54321/subscriptions/12"_ba << u"hubspot-subscription.json"_s
                << u"active"_s << QString();
        QTest::newRow("hubspot-paused-subscription")
                << u"hubspot"_s << u"54321"_s << u"12"_s << QString()
                << "/webhooks/v3/54321/subscriptions/12"_ba << u"hubspot-subscription-paused.json"_s
                << u"disabled"_s << u"registration.disabled"_s;
        QTest::newRow("slack-events-to-our-url")
                << u"slack"_s << QString() << u"A0123456789"_s
                << u"https://example.com/slack/events"_s << "/apps.manifest.export"_ba
                << u"slack-manifest-export.json"_s << u"active"_s << QString();
        QTest::newRow("slack-event-subscriptions-off")
                << u"slack"_s << QString() << u"A0123456789"_s
                << u"https://example.com/slack/events"_s << "/apps.manifest.export"_ba
                << u"slack-manifest-export-no-events.json"_s << u"disabled"_s
                << u"registration.disabled"_s;
        QTest::newRow("slack-configuration-token-expired")
                << u"slack"_s << QString() << u"A0123456789"_s << QString()
                << "/apps.manifest.export"_ba << u"slack-error-token-expired.json"_s
                << u"access_denied"_s << u"registration.access_denied"_s;
        QTest::newRow("zoom-subscription-listed")
                << u"zoom"_s << u"lAAAAAAAAAAAAAA"_s << u"0ZAaJY4dQ52BbwI9PArBLQ"_s
                << u"https://example.com/zoom/webhook"_s << "/marketplace/app/event_subscription"_ba
                << u"zoom-event-subscriptions.json"_s << u"active"_s << QString();
        QTest::newRow("zoom-subscription-deleted")
                << u"zoom"_s << u"lAAAAAAAAAAAAAA"_s << u"deleted-subscription"_s << QString()
                << "/marketplace/app/event_subscription"_ba << u"zoom-event-subscriptions.json"_s
                << u"missing"_s << u"registration.missing"_s;
    }

    void appLevelChecks()
    {
        QFETCH(QString, provider);
        QFETCH(QString, scope);
        QFETCH(QString, externalId);
        QFETCH(QString, targetUrl);
        QFETCH(QByteArray, path);
        QFETCH(QString, fixture);
        QFETCH(QString, state);
        QFETCH(QString, code);

        Fixture f;
        wb::test::MemorySecretStore backend;
        QVERIFY(f.bed.ok());
        ConnectionSecrets secrets(f.bed.store(), backend);
        QVERIFY(f.start(&secrets));
        f.api.on("GET"_ba, path, {{200, ::fixture(fixture)}});
        f.api.on("POST"_ba, "/oauth/token"_ba,
                 {{200, R"({"access_token":"app-token-1","token_type":"bearer","expires_in":3599,)"
                        R"("scope":"marketplace:read:list_event_subscriptions"})"_ba}});
        const qint64 connectionId = f.bed.addConnection(provider, f.api.baseUrl());
        QVERIFY2(connectionId > 0, qPrintable(f.bed.error()));
        const QByteArray appCredential = provider == u"hubspot"_s ? "hub-dev-key/+1"_ba
                                                                  : "xoxe.xoxp-1-config"_ba;
        if (provider == u"zoom"_s) {
            // The app's OAuth client (client_secret_basic) with its token endpoint at the fake.
            const QByteArray client = zoomClient(f.api.baseUrl(), u"client_secret_basic"_s);
            QVERIFY(f.bed.addOAuthCredential(connectionId, QString(), 0, true, client));
            WB_AWAIT_OK(stored, secrets.put(SecretKey{connectionId, SecretKind::OAuthClientSecret,
                                                      SecretSlot::Primary},
                                            "zoom-secret"_ba));
        } else {
            WB_AWAIT_OK(stored, secrets.put(SecretKey{connectionId, SecretKind::AppCredential,
                                                      SecretSlot::Primary},
                                            appCredential));
        }
        Registration registration;
        registration.connectionId = connectionId;
        registration.scope = scope;
        registration.externalId = externalId;
        registration.targetUrl = targetUrl;
        const qint64 registrationId = f.bed.addRegistration(registration).id;
        QVERIFY2(registrationId > 0, qPrintable(f.bed.error()));

        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY2(round.has_value(), qPrintable(round ? QString() : round.error().message));
        const auto assessed = healthOf(*round, connectionId);
        QVERIFY(assessed.has_value());
        const Registration stored = f.bed.registration(registrationId);
        QVERIFY2(nameOf(stored.state) == state, qPrintable(stored.stateDetail));
        QCOMPARE(assessed->findings.isEmpty() ? QString() : assessed->findings.constFirst().code,
                 code);
        // A refused app credential is replaced, not re-authorized.
        if (code == u"registration.access_denied"_s)
            QCOMPARE(nameOf(assessed->action()), u"rotate_secret"_s);

        const QList<FakeProviderApi::Request> asked = f.api.requestsTo("GET"_ba, path);
        QCOMPARE(asked.size(), 1);
        const FakeProviderApi::Request &check = asked.constFirst();
        // The tenant's access token ("Bearer tok-<id>") is never what these APIs get.
        QCOMPARE(f.credentials.authorizationCalls, 0);
        if (provider == u"hubspot"_s) {
            QCOMPARE(check.query, "hapikey=hub-dev-key%2F%2B1"_ba);
            QVERIFY(check.header("Authorization"_ba).isEmpty());
        } else if (provider == u"slack"_s) {
            QCOMPARE(check.query, "app_id=A0123456789"_ba);
            QCOMPARE(check.header("Authorization"_ba), "Bearer xoxe.xoxp-1-config"_ba);
        } else {
            QCOMPARE(check.query,
                     "account_id=lAAAAAAAAAAAAAA&page_size=300&subscription_scope=account"_ba);
            QCOMPARE(check.header("Authorization"_ba), "Bearer app-token-1"_ba);
            const auto tokenRequests = f.api.requestsTo("POST"_ba, "/oauth/token"_ba);
            QCOMPARE(tokenRequests.size(), 1);
            QCOMPARE(tokenRequests.constFirst().body, "grant_type=client_credentials"_ba);
            QCOMPARE(tokenRequests.constFirst().header("Authorization"_ba),
                     "Basic " + "zoom-client:zoom-secret"_ba.toBase64());
        }
    }

    // The client-credentials token is asked for once and reused until it nears its expiry, or
    // until a check with it is refused.
    void appTokenReusedUntilExpiryOrRefusal()
    {
        Fixture f;
        wb::test::MemorySecretStore backend;
        QVERIFY(f.bed.ok());
        ConnectionSecrets secrets(f.bed.store(), backend);
        QVERIFY(f.start(&secrets));
        const QByteArray list = fixture(u"zoom-event-subscriptions.json"_s);
        const QByteArray refused = R"({"code":124,"message":"Invalid access token."})"_ba;
        f.api.on("GET"_ba, "/marketplace/app/event_subscription"_ba,
                 {{200, list}, {200, list}, {401, refused}, {200, list}});
        const auto token = [](int n) {
            return QJsonDocument(QJsonObject{{u"access_token"_s, u"app-token-%1"_s.arg(n)},
                                             {u"token_type"_s, u"bearer"_s},
                                             {u"expires_in"_s, 3600}})
                    .toJson(QJsonDocument::Compact);
        };
        f.api.on("POST"_ba, "/oauth/token"_ba, {{200, token(1)}, {200, token(2)}, {200, token(3)}});
        const qint64 connectionId = f.bed.addConnection(u"zoom"_s, f.api.baseUrl());
        const QByteArray client = zoomClient(f.api.baseUrl(), u"client_secret_post"_s);
        QVERIFY(f.bed.addOAuthCredential(connectionId, QString(), 0, true, client));
        WB_AWAIT_OK(stored, secrets.put(SecretKey{connectionId, SecretKind::OAuthClientSecret,
                                                  SecretSlot::Primary},
                                        "zoom-secret"_ba));
        Registration registration;
        registration.connectionId = connectionId;
        registration.scope = u"lAAAAAAAAAAAAAA"_s;
        registration.externalId = u"0ZAaJY4dQ52BbwI9PArBLQ"_s;
        const qint64 registrationId = f.bed.addRegistration(registration).id;
        QVERIFY(registrationId > 0);
        const auto tokenRequests = [&f] {
            return f.api.requestsTo("POST"_ba, "/oauth/token"_ba).size();
        };
        const auto lastCheckToken = [&f] {
            return f.api.requestsTo("GET"_ba, "/marketplace/app/event_subscription"_ba)
                    .constLast()
                    .header("Authorization"_ba);
        };

        const HealthRound everything{std::nullopt, true, true};
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(tokenRequests(), 1);
        // client_secret_post: the client in the body, no Authorization header.
        const auto asked = f.api.requestsTo("POST"_ba, "/oauth/token"_ba).constFirst();
        QVERIFY(asked.body.contains("client_id=zoom-client"_ba));
        QVERIFY(asked.body.contains("client_secret=zoom-secret"_ba));
        QVERIFY(asked.header("Authorization"_ba).isEmpty());

        f.bed.clock().advanceMs(30 * minute);
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(tokenRequests(), 1);
        QCOMPARE(lastCheckToken(), "Bearer app-token-1"_ba);

        // Refused (revoked early): the token is dropped, the next check asks for a new one.
        f.bed.clock().advanceMs(minute);
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(f.bed.registration(registrationId).state, RegistrationState::AccessDenied);
        f.bed.clock().advanceMs(minute);
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(tokenRequests(), 2);
        QCOMPARE(lastCheckToken(), "Bearer app-token-2"_ba);
        QCOMPARE(f.bed.registration(registrationId).state, RegistrationState::Active);

        // An hour later that token has expired: a new one.
        f.bed.clock().advanceMs(60 * minute);
        QVERIFY(f.round(everything).has_value());
        QCOMPARE(tokenRequests(), 3);
        QCOMPARE(lastCheckToken(), "Bearer app-token-3"_ba);
    }

    // Without the app credential the check fails and says how to store one; nothing is asked.
    void missingAppCredentialSaysHowToStoreIt()
    {
        Fixture f;
        wb::test::MemorySecretStore backend;
        QVERIFY(f.bed.ok());
        ConnectionSecrets secrets(f.bed.store(), backend);
        QVERIFY(f.start(&secrets));
        const qint64 connectionId = f.bed.addConnection(u"hubspot"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.scope = u"54321"_s;
        registration.externalId = u"12"_s;
        const qint64 registrationId = f.bed.addRegistration(registration).id;
        QVERIFY(f.round().has_value());
        const Registration stored = f.bed.registration(registrationId);
        QCOMPARE(stored.state, RegistrationState::CheckFailed);
        QVERIFY2(stored.stateDetail.contains(
                         u"wirebench-cli secrets set --connection %1 --kind app"_s.arg(
                                 connectionId)),
                 qPrintable(stored.stateDetail));
        QVERIFY(f.api.requests().isEmpty());
    }

    // A GitHub App's own webhook (scope "app"): an app JWT signed with the connection's app
    // credential (the app's private key), issued for the app named by the registration's id.
    void githubAppWebhook()
    {
        Fixture f;
        wb::test::MemorySecretStore backend;
        QVERIFY(f.bed.ok());
        ConnectionSecrets secrets(f.bed.store(), backend);
        QVERIFY(f.start(&secrets));
        const QByteArray key = wb::test::newRsaKeyPem();
        QVERIFY(!key.isEmpty());
        f.api.on("GET"_ba, "/app/hook/config"_ba,
                 {{200, fixture(u"github-app-hook-config.json"_s)}});
        f.api.on("GET"_ba, "/app/hook/deliveries"_ba,
                 {{200, fixture(u"github-app-hook-deliveries-failing.json"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"github"_s, f.api.baseUrl());
        WB_AWAIT_OK(stored, secrets.put(SecretKey{connectionId, SecretKind::AppCredential,
                                                  SecretSlot::Primary},
                                        key));
        Registration registration;
        registration.connectionId = connectionId;
        registration.scope = u"app"_s;
        registration.externalId = u"Iv1.8a61f9b3a7aba766"_s;
        registration.targetUrl = u"https://example.com/webhook"_s;
        registration.reregisterAllowed = true;
        const qint64 registrationId = f.bed.addRegistration(registration).id;

        QVERIFY(f.round().has_value());
        const Registration seen = f.bed.registration(registrationId);
        QVERIFY2(seen.state == RegistrationState::Active, qPrintable(seen.stateDetail));
        QCOMPARE(seen.lastDeliveryStatus, u"502 Invalid HTTP Response: 502"_s);
        const auto config = f.api.requestsTo("GET"_ba, "/app/hook/config"_ba);
        QCOMPARE(config.size(), 1);
        const QByteArray jwt = config.constFirst().header("Authorization"_ba).mid(7);
        const QJsonObject claims = QJsonDocument::fromJson(
                                           QByteArray::fromBase64(jwt.split('.').value(1),
                                                                  QByteArray::Base64UrlEncoding))
                                           .object();
        QCOMPARE(claims.value(u"iss"_s).toString(), u"Iv1.8a61f9b3a7aba766"_s);
        QCOMPARE(f.credentials.authorizationCalls, 0);

        // When GitHub has no webhook on the app, it is not "re-registered" (the app's settings
        // hold it, even where re-registration is allowed): the engineer sets it there.
        f.api.on("GET"_ba, "/app/hook/config"_ba, {{404, R"({"message":"Not Found"})"_ba}});
        f.bed.clock().advanceMs(31 * minute);
        const Result<QList<ConnectionHealth>> round = f.round();
        QVERIFY(round.has_value());
        const Registration missing = f.bed.registration(registrationId);
        QCOMPARE(missing.state, RegistrationState::Missing);
        QCOMPARE(missing.lastAction, RegistrationAction::None);
        const auto assessed = healthOf(*round, connectionId);
        QVERIFY(assessed.has_value());
        QCOMPARE(nameOf(assessed->action()), u"reenable"_s);
        QVERIFY2(assessed->findings.constFirst().reason.contains(u"app's settings"_s),
                 qPrintable(assessed->findings.constFirst().reason));
        for (const FakeProviderApi::Request &request : f.api.requests())
            QCOMPARE(request.method, "GET"_ba);
    }

    void roundsDoNotOverlap()
    {
        Fixture f;
        QVERIFY2(f.start(), qPrintable(f.bed.error()));
        f.api.on("GET"_ba, "/v1/webhook_endpoints/we_1"_ba,
                 {{200, fixture(u"stripe-webhook-endpoint.json"_s)}});
        const qint64 connectionId = f.bed.addConnection(u"stripe"_s, f.api.baseUrl());
        Registration registration;
        registration.connectionId = connectionId;
        registration.externalId = u"we_1"_s;
        QVERIFY(f.bed.addRegistration(registration).id > 0);
        // Two rounds asked at once: the second starts after the first recorded its check, so
        // the registration is not due any more and is asked once.
        auto first = f.monitor->runRound();
        auto second = f.monitor->runRound();
        QVERIFY(wb::test::waitForFinished(second));
        QVERIFY(first.isFinished());
        QCOMPARE(f.api.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHealthMonitor)
#include "tst_healthmonitor.moc"
