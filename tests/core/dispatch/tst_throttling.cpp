// SPDX-License-Identifier: GPL-3.0-or-later
// Token bucket and admission control (concurrency limits, QNAM's per-host cap, pauses learned
// from responses).
#include "core/dispatch/admissioncontroller.h"
#include "core/dispatch/retrydecider.h"
#include "core/dispatch/retrypolicypresets.h"
#include "core/dispatch/tokenbucket.h"

#include <QTest>

using namespace wb::core;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kStart = 1'740'924'010'000; // 2025-03-02T14:00:10Z

AdmissionRequest request(qint64 tenant, qint64 connection, QString host = u"https://a.example:443"_s)
{
    return AdmissionRequest{tenant, connection, std::move(host)};
}

Decision decide(const Clock &clock, const AttemptOutcome &outcome)
{
    ScriptedRandomSource random({0.5});
    AttemptContext context;
    context.createdAtMs = clock.nowMs();
    return RetryDecider(clock, random)
            .decide(retrypresets::defaultPolicy(), RateLimitHeaderSpec(), outcome, context);
}
} // namespace

class TestThrottling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketStartsFullAndRefills();
    void bucketAvailability_data();
    void bucketAvailability();
    void bucketPauseRefusesAndOnlyExtends();
    void unlimitedBucketOnlyPauses();
    void reconfigureKeepsAccruedTokens();

    void concurrencyLimits_data();
    void concurrencyLimits();
    void hostLimitNeverExceedsQnamCap();
    void limitsValidate_data();
    void limitsValidate();
    void heldAttemptTakesNoToken();
    void bucketHoldsUntilATokenAccrues();
    void rateLimitedResponsePausesTheConnection();
    void exhaustedQuotaPausesUntilResetAndIsShown();
    void retryAfterOnA503PausesTheConnection();
    void hostKeys_data();
    void hostKeys();
};

void TestThrottling::bucketStartsFullAndRefills()
{
    TokenBucket bucket(2.0, 3.0, kStart);
    QVERIFY(bucket.tryTake(kStart));
    QVERIFY(bucket.tryTake(kStart));
    QVERIFY(bucket.tryTake(kStart));
    QVERIFY(!bucket.tryTake(kStart));
    QCOMPARE(bucket.level(kStart), 0.0);
    QCOMPARE(bucket.level(kStart + 250), 0.5);
    QVERIFY(!bucket.tryTake(kStart + 499));
    QVERIFY(bucket.tryTake(kStart + 500));
    QVERIFY(!bucket.tryTake(kStart + 500));
    // Never more than the burst, however long it waits.
    QCOMPARE(bucket.level(kStart + 3'600'000), 3.0);
}

void TestThrottling::bucketAvailability_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::addColumn<int>("taken");       // tokens taken at kStart
    QTest::addColumn<qint64>("askAt");    // ms after kStart
    QTest::addColumn<qint64>("expected"); // ms after kStart
    QTest::newRow("full-bucket-now") << 2.0 << 3.0 << 0 << 0ll << 0ll;
    QTest::newRow("empty-two-per-second") << 2.0 << 3.0 << 3 << 0ll << 500ll;
    QTest::newRow("empty-asked-later") << 2.0 << 3.0 << 3 << 200ll << 500ll;
    QTest::newRow("one-third-per-second") << 1.0 / 3.0 << 1.0 << 1 << 0ll << 3'000ll;
    QTest::newRow("ten-per-second") << 10.0 << 5.0 << 5 << 0ll << 100ll;
    QTest::newRow("fractional-ms-rounds-up") << 3.0 << 1.0 << 1 << 0ll << 334ll;
    QTest::newRow("shopify-standard-2-per-second-bucket-40")
            << 2.0 << 40.0 << 40 << 1'000ll << 1'000ll;
}

void TestThrottling::bucketAvailability()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    QFETCH(int, taken);
    QFETCH(qint64, askAt);
    QFETCH(qint64, expected);
    TokenBucket bucket(rate, burst, kStart);
    for (int i = 0; i < taken; ++i)
        QVERIFY(bucket.tryTake(kStart));
    const qint64 at = bucket.availableAtMs(kStart + askAt);
    QCOMPARE(at - kStart, expected);
    QVERIFY(!bucket.tryTake(at - 1) || at == kStart + askAt);
    QVERIFY(bucket.tryTake(at));
}

void TestThrottling::bucketPauseRefusesAndOnlyExtends()
{
    TokenBucket bucket(1.0, 5.0, kStart);
    bucket.pauseUntil(kStart + 5'000);
    QVERIFY(bucket.isPaused(kStart));
    QVERIFY(!bucket.tryTake(kStart + 1'000));
    QCOMPARE(bucket.availableAtMs(kStart + 1'000), kStart + 5'000);
    bucket.pauseUntil(kStart + 2'000); // shorter: ignored
    QCOMPARE(bucket.pausedUntilMs(), kStart + 5'000);
    QVERIFY(!bucket.tryTake(kStart + 4'999));
    QVERIFY(bucket.tryTake(kStart + 5'000));
    QCOMPARE(bucket.level(kStart + 5'000), 4.0);
}

void TestThrottling::unlimitedBucketOnlyPauses()
{
    TokenBucket bucket;
    QVERIFY(!bucket.isLimited());
    for (int i = 0; i < 1000; ++i)
        QVERIFY(bucket.tryTake(kStart));
    QCOMPARE(bucket.availableAtMs(kStart), kStart);
    bucket.pauseUntil(kStart + 10);
    QVERIFY(!bucket.tryTake(kStart));
    QCOMPARE(bucket.availableAtMs(kStart), kStart + 10);
    QCOMPARE(TokenBucket(0.0, 10.0, kStart).isLimited(), false);
}

void TestThrottling::reconfigureKeepsAccruedTokens()
{
    TokenBucket bucket(1.0, 10.0, kStart);
    for (int i = 0; i < 8; ++i)
        QVERIFY(bucket.tryTake(kStart));
    bucket.reconfigure(4.0, 3.0, kStart + 1'000); // 3 tokens accrued by then, within burst 3
    QCOMPARE(bucket.level(kStart + 1'000), 3.0);
    bucket.reconfigure(4.0, 1.0, kStart + 1'000); // cut to the new burst
    QCOMPARE(bucket.level(kStart + 1'000), 1.0);
    QVERIFY(bucket.tryTake(kStart + 1'000));
    QCOMPARE(bucket.availableAtMs(kStart + 1'000), kStart + 1'250);
}

void TestThrottling::concurrencyLimits_data()
{
    QTest::addColumn<int>("global");
    QTest::addColumn<int>("perTenant");
    QTest::addColumn<int>("perConnection");
    QTest::addColumn<QList<AdmissionRequest>>("admitted"); // all admitted, in order
    QTest::addColumn<AdmissionRequest>("next");
    QTest::addColumn<QString>("holdReason");
    QTest::addColumn<QString>("reason");

    QTest::newRow("global-limit") << 2 << 0 << 0
                                  << QList<AdmissionRequest>{request(1, 11), request(2, 21)}
                                  << request(3, 31) << u"global_limit"_s
                                  << u"2 of 2 attempts in flight"_s;
    QTest::newRow("tenant-limit") << 0 << 2 << 0
                                  << QList<AdmissionRequest>{request(1, 11), request(1, 12),
                                                             request(2, 21)}
                                  << request(1, 13) << u"tenant_limit"_s
                                  << u"tenant 1: 2 of 2 attempts in flight"_s;
    QTest::newRow("connection-limit")
            << 0 << 0 << 1 << QList<AdmissionRequest>{request(1, 11), request(1, 12)}
            << request(1, 11) << u"connection_limit"_s
            << u"connection 11: 1 of 1 attempts in flight"_s;
    QTest::newRow("ad-hoc-urls-have-no-connection-limit")
            << 0 << 0 << 1 << QList<AdmissionRequest>{request(0, 0), request(0, 0)} << request(0, 0)
            << QString() << QString();
}

void TestThrottling::concurrencyLimits()
{
    QFETCH(int, global);
    QFETCH(int, perTenant);
    QFETCH(int, perConnection);
    QFETCH(QList<AdmissionRequest>, admitted);
    QFETCH(AdmissionRequest, next);
    QFETCH(QString, holdReason);
    QFETCH(QString, reason);

    ManualClock clock(kStart);
    ConcurrencyLimits limits;
    limits.global = global;
    limits.perTenant = perTenant;
    limits.perConnection = perConnection;
    AdmissionController controller(clock, limits);
    QList<quint64> tickets;
    for (const AdmissionRequest &r : admitted) {
        const Admission admission = controller.tryAdmit(r);
        QVERIFY2(admission.admitted, qPrintable(admission.reason));
        tickets.append(admission.ticket);
    }
    const Admission held = controller.tryAdmit(next);
    QCOMPARE(holdReasonCode(held.heldBy), holdReason);
    QCOMPARE(held.reason, reason);
    QCOMPARE(held.admitted, holdReason.isEmpty());
    if (holdReason.isEmpty())
        return;
    QCOMPARE(held.retryAtMs, 0); // concurrency: ask again after a release
    QCOMPARE(controller.inFlight(), admitted.size());

    // Releasing everything frees the slot; releasing twice changes nothing.
    for (const quint64 ticket : tickets) {
        controller.release(ticket);
        controller.release(ticket);
    }
    QCOMPARE(controller.inFlight(), 0);
    QCOMPARE(controller.inFlightForTenant(next.tenantId), 0);
    QCOMPARE(controller.inFlightForConnection(next.connectionId), 0);
    QVERIFY(controller.tryAdmit(next).admitted);
}

void TestThrottling::hostLimitNeverExceedsQnamCap()
{
    ManualClock clock(kStart);
    ConcurrencyLimits limits;
    limits.perHost = 50; // asked for more than QNAM can open: clamped
    AdmissionController controller(clock, limits);
    QCOMPARE(controller.limits().perHost, kQnamConnectionsPerHost);
    const QString host = AdmissionController::hostKey(QUrl(u"https://hooks.example/a"_s));
    for (int i = 0; i < kQnamConnectionsPerHost; ++i)
        QVERIFY(controller.tryAdmit(request(i + 1, 100 + i, host)).admitted);
    const Admission held = controller.tryAdmit(request(9, 109, host));
    QCOMPARE(held.heldBy, HoldReason::HostLimit);
    QCOMPARE(held.reason, u"https://hooks.example:443: 6 of 6 connections in use"_s);
    QCOMPARE(controller.inFlightForHost(host), 6);
    // Another host (or port) is another pool.
    QVERIFY(controller.tryAdmit(request(9, 109, u"https://hooks.example:8443"_s)).admitted);
}

void TestThrottling::limitsValidate_data()
{
    QTest::addColumn<int>("perConnection");
    QTest::addColumn<int>("perHost");
    QTest::addColumn<QString>("message");
    QTest::newRow("defaults") << 4 << 6 << QString();
    QTest::newRow("negative") << -1 << 6
                              << u"concurrency limit \"perConnection\" must be 0 (unlimited) or "
                                 u"more (got -1)"_s;
    QTest::newRow("per-host-above-qnam-cap")
            << 4 << 7
            << u"concurrency limit \"perHost\" must be between 1 and 6, QNetworkAccessManager's "
               u"connections per host (got 7)"_s;
    QTest::newRow("per-host-zero") << 4 << 0
                                   << u"concurrency limit \"perHost\" must be between 1 and 6, "
                                      u"QNetworkAccessManager's connections per host (got 0)"_s;
}

void TestThrottling::limitsValidate()
{
    QFETCH(int, perConnection);
    QFETCH(int, perHost);
    QFETCH(QString, message);
    ConcurrencyLimits limits;
    limits.perConnection = perConnection;
    limits.perHost = perHost;
    const auto result = limits.validate();
    QCOMPARE(result.has_value(), message.isEmpty());
    if (!message.isEmpty()) {
        QCOMPARE(result.error().code, u"dispatch.bad_limits"_s);
        QCOMPARE(result.error().message, message);
    }
}

void TestThrottling::heldAttemptTakesNoToken()
{
    ManualClock clock(kStart);
    ConcurrencyLimits limits;
    limits.perConnection = 1;
    AdmissionController controller(clock, limits);
    controller.setConnectionRate(7, 1.0, 3.0);
    const Admission first = controller.tryAdmit(request(1, 7));
    QVERIFY(first.admitted);
    QCOMPARE(first.bucketLevel, 2.0);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(controller.tryAdmit(request(1, 7)).heldBy, HoldReason::ConnectionLimit);
    // Held five times; the bucket still has its two tokens.
    QCOMPARE(controller.connectionState(7).level, 2.0);
    controller.release(first.ticket);
    QCOMPARE(controller.tryAdmit(request(1, 7)).bucketLevel, 1.0);
}

void TestThrottling::bucketHoldsUntilATokenAccrues()
{
    ManualClock clock(kStart);
    AdmissionController controller(clock, ConcurrencyLimits());
    controller.setConnectionRate(7, 2.0, 2.0);
    for (int i = 0; i < 2; ++i) {
        const Admission admission = controller.tryAdmit(request(1, 7));
        QVERIFY(admission.admitted);
        controller.release(admission.ticket);
    }
    const Admission held = controller.tryAdmit(request(1, 7));
    QCOMPARE(held.heldBy, HoldReason::RateLimit);
    QCOMPARE(held.retryAtMs, kStart + 500);
    QCOMPARE(held.reason, u"connection 7: token bucket empty (2/s, burst 2)"_s);
    QCOMPARE(controller.inFlight(), 0); // holding took no slot
    clock.setNowMs(held.retryAtMs);
    QVERIFY(controller.tryAdmit(request(1, 7)).admitted);
}

void TestThrottling::rateLimitedResponsePausesTheConnection()
{
    ManualClock clock(kStart);
    AdmissionController controller(clock, ConcurrencyLimits());
    const Admission first = controller.tryAdmit(request(1, 7));
    QVERIFY(first.admitted);
    const Decision decision = decide(clock,
                                     AttemptOutcome::response(429, {{"Retry-After", "120"}}));
    controller.release(first.ticket);
    controller.observe(7, decision);

    const Admission held = controller.tryAdmit(request(2, 7));
    QCOMPARE(held.heldBy, HoldReason::Paused);
    QCOMPARE(held.retryAtMs, kStart + 120'000);
    QCOMPARE(held.reason, u"connection 7 paused until 14:02:10Z"_s);
    // Other connections to the same host are not paused.
    QVERIFY(controller.tryAdmit(request(2, 8)).admitted);
    clock.setNowMs(kStart + 119'999);
    QCOMPARE(controller.tryAdmit(request(2, 7)).heldBy, HoldReason::Paused);
    clock.setNowMs(kStart + 120'000);
    QVERIFY(controller.tryAdmit(request(2, 7)).admitted);
}

void TestThrottling::exhaustedQuotaPausesUntilResetAndIsShown()
{
    ManualClock clock(kStart);
    AdmissionController controller(clock, ConcurrencyLimits());
    controller.setConnectionRate(7, 10.0, 10.0);
    // A success that used the last request of the window.
    const Decision decision = decide(clock,
                                     AttemptOutcome::response(200, {{"X-RateLimit-Limit", "5000"},
                                                                    {"X-RateLimit-Remaining", "0"},
                                                                    {"X-RateLimit-Reset", "300"}}));
    QCOMPARE(decision.kind, DecisionKind::Succeeded);
    controller.observe(7, decision);

    const ConnectionThrottleState state = controller.connectionState(7);
    QCOMPARE(state.pausedUntilMs, kStart + 300'000);
    QVERIFY(state.learned.has_value());
    QCOMPARE(*state.learned->limit, 5000);
    QCOMPARE(*state.learned->remaining, 0);
    QCOMPARE(state.learnedAtMs, kStart);
    QCOMPARE(state.learned->describe(kStart), u"limit 5000, remaining 0, resets in 5 min"_s);
    QCOMPARE(state.ratePerSecond, 10.0);
    QCOMPARE(state.level, 10.0);

    const Admission held = controller.tryAdmit(request(1, 7));
    QCOMPARE(held.heldBy, HoldReason::Paused);
    QCOMPARE(held.retryAtMs, kStart + 300'000);
}

void TestThrottling::retryAfterOnA503PausesTheConnection()
{
    ManualClock clock(kStart);
    AdmissionController controller(clock, ConcurrencyLimits());
    controller.observe(7, decide(clock, AttemptOutcome::response(503)));
    QCOMPARE(controller.connectionState(7).pausedUntilMs, 0); // plain 503: only that delivery waits
    controller.observe(7, decide(clock, AttemptOutcome::response(503, {{"Retry-After", "30"}})));
    QCOMPARE(controller.connectionState(7).pausedUntilMs, kStart + 30'000);
    controller.observe(0, decide(clock, AttemptOutcome::response(429, {{"Retry-After", "60"}})));
    QCOMPARE(controller.connectionState(0).pausedUntilMs, 0); // ad-hoc URLs have no connection
}

void TestThrottling::hostKeys_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::newRow("https-default-port")
            << u"https://Hooks.Example.com/x?y=1"_s << u"https://hooks.example.com:443"_s;
    QTest::newRow("http-default-port") << u"http://127.0.0.1/"_s << u"http://127.0.0.1:80"_s;
    QTest::newRow("explicit-port") << u"http://localhost:8080/a"_s << u"http://localhost:8080"_s;
}

void TestThrottling::hostKeys()
{
    QFETCH(QString, url);
    QFETCH(QString, key);
    QCOMPARE(AdmissionController::hostKey(QUrl(url)), key);
}

QTEST_GUILESS_MAIN(TestThrottling)
#include "tst_throttling.moc"
