// SPDX-License-Identifier: GPL-3.0-or-later
// Concurrency limits over real HTTP: global, per tenant, per connection (the dispatcher's default,
// the provider profile's default, the connection's own override) and QNAM's 6 connections per host.
// The sink never answers, so the attempts in flight pile up to the limit and no further; the
// deliveries held back stay pending without using an attempt.
#include "dispatchharness.h"

#include <QSignalSpy>
#include <QTest>

using namespace wb::core;
using namespace wb::test;
using namespace Qt::StringLiterals;

namespace {
const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();
using Answer = ScriptedSink::Answer;
} // namespace

class TestDispatchLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrencyStaysWithinTheLimit_data();
    void concurrencyStaysWithinTheLimit();
    void providerDefaultsYieldToConnectionOverrides_data();
    void providerDefaultsYieldToConnectionOverrides();
};

void TestDispatchLimits::initTestCase()
{
    qRegisterMetaType<AttemptRecord>();
    qRegisterMetaType<DeliveryState>();
}

void TestDispatchLimits::concurrencyStaysWithinTheLimit_data()
{
    QTest::addColumn<int>("global");
    QTest::addColumn<int>("perTenant");
    QTest::addColumn<int>("perConnection");
    QTest::addColumn<int>("providerDefault");    // 0: the provider names none
    QTest::addColumn<int>("connectionOverride"); // 0: the connection has none
    QTest::addColumn<int>("tenants");            // each with one connection; deliveries alternate
    QTest::addColumn<int>("expectedInFlight");

    QTest::newRow("global-limit-3") << 3 << 0 << 0 << 0 << 0 << 1 << 3;
    QTest::newRow("tenant-limit-2-two-tenants") << 64 << 2 << 0 << 0 << 0 << 2 << 4;
    QTest::newRow("connection-limit-2") << 64 << 0 << 2 << 0 << 0 << 1 << 2;
    QTest::newRow("provider-default-3") << 64 << 0 << 4 << 3 << 0 << 1 << 3;
    QTest::newRow("connection-override-1") << 64 << 0 << 4 << 0 << 1 << 1 << 1;
    QTest::newRow("override-beats-provider-default") << 64 << 0 << 4 << 3 << 1 << 1 << 1;
    QTest::newRow("unlimited-stops-at-qnam-host-cap-6") << 0 << 0 << 0 << 0 << 0 << 2 << 6;
}

void TestDispatchLimits::concurrencyStaysWithinTheLimit()
{
    QFETCH(int, global);
    QFETCH(int, perTenant);
    QFETCH(int, perConnection);
    QFETCH(int, providerDefault);
    QFETCH(int, connectionOverride);
    QFETCH(int, tenants);
    QFETCH(int, expectedInFlight);

    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.setFallback(Answer::hang());
    DispatcherOptions options = DispatchHarness::testOptions();
    options.attemptTimeoutMs = 60'000;
    options.limits.global = global;
    options.limits.perTenant = perTenant;
    options.limits.perConnection = perConnection;
    options.providerLimitsFor = [providerDefault](const QString &providerId) {
        RateLimitOverrides limits;
        if (providerId == u"acme" && providerDefault > 0)
            limits.concurrencyLimit = providerDefault;
        return limits;
    };
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));
    ConnectionSettings settings;
    if (connectionOverride > 0)
        settings.rateLimits.concurrencyLimit = connectionOverride;
    QList<qint64> connections;
    for (int i = 0; i < tenants; ++i) {
        connections.append(h.addConnection(u"acme"_s, settings));
        QVERIFY2(connections.last() > 0, qPrintable(h.error));
    }
    QList<qint64> ids;
    for (int i = 0; i < 10; ++i) {
        const Result<Delivery> queued = h.enqueue(h.toSink(connections.at(i % tenants)));
        QVERIFY(queued);
        ids.append(queued->id);
    }
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    h.dispatcher->wake();
    QTRY_COMPARE(h.sink.requests().size(), expectedInFlight);
    // Polls after the limit was reached send nothing more.
    h.dispatcher->wake();
    QVERIFY(!QTest::qWaitFor(
            [&h, expectedInFlight] { return h.sink.requests().size() > expectedInFlight; }, 500));
    QCOMPARE(h.dispatcher->attemptsInFlight(), expectedInFlight);
    if (perTenant > 0) {
        for (const qint64 connectionId : connections) {
            const Result<Connection> connection = h.connection(connectionId);
            QVERIFY(connection);
            QCOMPARE(h.dispatcher->admission().inFlightForTenant(connection->tenantId), perTenant);
        }
    }
    int held = 0;
    for (const qint64 id : ids) {
        const Result<Delivery> d = h.reload(id);
        QVERIFY(d);
        if (d->state == DeliveryState::Pending) {
            ++held;
            QCOMPARE(d->attemptCount, 0); // held back: no attempt used
        }
    }
    QCOMPARE(held, 10 - expectedInFlight);

    h.sink.setFallback(Answer::respond(204));
    h.sink.releaseHanging(Answer::respond(204));
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 10, 20'000);
    QCOMPARE(h.sink.requests().size(), 10);
    // One TCP connection per attempt in flight at once (HTTP/1.1, no pipelining): never more.
    QCOMPARE(h.sink.peakConnections(), expectedInFlight);
}

void TestDispatchLimits::providerDefaultsYieldToConnectionOverrides_data()
{
    QTest::addColumn<double>("overrideRate"); // 0: none
    QTest::addColumn<int>("overrideBurst");   // 0: none
    QTest::addColumn<double>("expectedRate");
    QTest::addColumn<double>("expectedBurst");

    QTest::newRow("provider-default-2-per-s-burst-5") << 0.0 << 0 << 2.0 << 5.0;
    QTest::newRow("override-rate-keeps-provider-burst") << 10.0 << 0 << 10.0 << 5.0;
    QTest::newRow("override-rate-and-burst") << 0.5 << 1 << 0.5 << 1.0;
}

void TestDispatchLimits::providerDefaultsYieldToConnectionOverrides()
{
    QFETCH(double, overrideRate);
    QFETCH(int, overrideBurst);
    QFETCH(double, expectedRate);
    QFETCH(double, expectedBurst);

    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    DispatcherOptions options = DispatchHarness::testOptions();
    options.providerLimitsFor = [](const QString &providerId) {
        RateLimitOverrides limits;
        if (providerId == u"shopify") {
            limits.requestsPerSecond = 2.0;
            limits.burst = 5;
        }
        return limits;
    };
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));
    ConnectionSettings settings;
    if (overrideRate > 0)
        settings.rateLimits.requestsPerSecond = overrideRate;
    if (overrideBurst > 0)
        settings.rateLimits.burst = overrideBurst;
    const qint64 connectionId = h.addConnection(u"shopify"_s, settings);
    QVERIFY2(connectionId > 0, qPrintable(h.error));
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QVERIFY(h.enqueue(h.toSink(connectionId)));
    QTRY_COMPARE(recordedSpy.count(), 1);
    const ConnectionThrottleState state = h.dispatcher->admission().connectionState(connectionId);
    QCOMPARE(state.ratePerSecond, expectedRate);
    QCOMPARE(state.burst, expectedBurst);
    // The first attempt took one token from a full bucket.
    QCOMPARE(recordedSpy.at(0).at(0).value<AttemptRecord>().bucketLevel,
             std::optional<double>(expectedBurst - 1));
}

QTEST_GUILESS_MAIN(TestDispatchLimits)
#include "tst_dispatchlimits.moc"
