// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatch queue: limits that hold deliveries back without using a retry, QNAM's per-host
// cap, parking long waits, reclaiming a dead worker's lease, claiming a batch in one statement
// beside another worker's locks, enqueue validation, attempt-log queries.
#include "dispatchharness.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/store/postgres/postgresdialect.h"
#include "support/futures.h"
#include "support/testworkspace.h"

#include <QMutex>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace wb::core;
using namespace wb::test;
using namespace Qt::StringLiterals;

namespace {
const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();
using Answer = ScriptedSink::Answer;

AttemptRecord recorded(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<AttemptRecord>();
}
} // namespace

class TestDispatchQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenBucketHoldsWithoutUsingAttempts();
    void staysWithinQnamsConnectionsPerHost();
    void rateLimitParksTheConnectionsQueue();
    void reclaimsADeadWorkersLease();
    void claimsABatchBesideAnotherWorkersLocks();
    void rejectsBadDeliveries_data();
    void rejectsBadDeliveries();
    void cancelsPendingDeliveries();
    void finalStateHookRunsInTheEndingTransaction();
    void queriesAttemptsByConnectionAndTime();
    void replaysADeadLetteredDelivery();
};

void TestDispatchQueue::initTestCase()
{
    qRegisterMetaType<AttemptRecord>();
    qRegisterMetaType<DeliveryState>();
}

void TestDispatchQueue::tokenBucketHoldsWithoutUsingAttempts()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    ConnectionSettings settings;
    settings.rateLimits.requestsPerSecond = 1.0;
    settings.rateLimits.burst = 1;
    const qint64 connectionId = h.addConnection(u"shopify"_s, settings);
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        const Result<Delivery> queued = h.enqueue(h.toSink(connectionId));
        QVERIFY(queued);
        ids.append(queued->id);
    }
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 1);
    QCOMPARE(recorded(recordedSpy, 0).deliveryId, ids.at(0));
    QCOMPARE(recorded(recordedSpy, 0).bucketLevel, std::optional<double>(0.0));
    // The other two are held by the empty bucket: still pending, no attempt used.
    h.dispatcher->wake();
    QTRY_COMPARE(h.dispatcher->admission().connectionState(connectionId).level, 0.0);
    QCOMPARE(h.sink.requests().size(), 1);
    for (const qint64 id : {ids.at(1), ids.at(2)}) {
        const Result<Delivery> held = h.reload(id);
        QCOMPARE(held->state, DeliveryState::Pending);
        QCOMPARE(held->attemptCount, 0);
    }
    h.clock.advanceMs(1'000); // one token
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 2);
    QCOMPARE(recorded(recordedSpy, 1).deliveryId, ids.at(1));
    QCOMPARE(recorded(recordedSpy, 1).attemptNumber, 1);
    QCOMPARE(h.sink.requests().size(), 2);
    h.clock.advanceMs(1'000);
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 3);
    QCOMPARE(recorded(recordedSpy, 2).attemptNumber, 1);
}

void TestDispatchQueue::staysWithinQnamsConnectionsPerHost()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.setFallback(Answer::hang());
    DispatcherOptions options = DispatchHarness::testOptions();
    options.attemptTimeoutMs = 30'000;
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    QList<qint64> ids;
    for (int i = 0; i < 10; ++i) {
        NewDelivery delivery = h.toSink();
        delivery.notBeforeMs = kNow + 1'000; // all ten due at once
        const Result<Delivery> queued = h.enqueue(delivery);
        QVERIFY(queued);
        ids.append(queued->id);
    }
    h.clock.advanceMs(1'000);
    h.dispatcher->wake();
    QTRY_COMPARE(h.sink.requests().size(), 6);
    QCOMPARE(h.dispatcher->attemptsInFlight(), 6);
    QCOMPARE(h.dispatcher->admission().inFlightForHost(AdmissionController::hostKey(h.sink.url())),
             6);
    // The other four wait in the queue, not inside QNAM where their timeout would run.
    int pending = 0;
    for (const qint64 id : ids) {
        const Result<Delivery> d = h.reload(id);
        if (d->state == DeliveryState::Pending) {
            ++pending;
            QCOMPARE(d->attemptCount, 0);
        }
    }
    QCOMPARE(pending, 4);
    h.sink.setFallback(Answer::respond(204));
    h.sink.releaseHanging(Answer::respond(204));
    QTRY_COMPARE(finishedSpy.count(), 10);
    QCOMPARE(h.sink.requests().size(), 10);
    QCOMPARE(h.sink.peakConnections(), 6);
    // The attempt log's queue depth at send: the first six went out when all ten were due; an
    // ad-hoc URL has no token bucket.
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const Result<QList<AttemptRecord>> log = h.attempts(ids.at(i));
        QVERIFY(log);
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->at(0).bucketLevel, std::nullopt);
        if (i < 6)
            QCOMPARE(log->at(0).queueDepth, 10);
        else
            QVERIFY2(log->at(0).queueDepth >= 1 && log->at(0).queueDepth <= 4,
                     qPrintable(QString::number(log->at(0).queueDepth)));
    }
}

void TestDispatchQueue::rateLimitParksTheConnectionsQueue()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::respond(429, {{"Retry-After", "120"}})});
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    ConnectionSettings settings;
    settings.rateLimits.concurrencyLimit = 1; // one at a time: the second waits for the first
    const qint64 connectionId = h.addConnection(u"slack"_s, settings);
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    const Result<Delivery> first = h.enqueue(h.toSink(connectionId));
    const Result<Delivery> second = h.enqueue(h.toSink(connectionId));
    QVERIFY(first && second);
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 1);
    QCOMPARE(recorded(recordedSpy, 0).decision, u"rate_limited"_s);
    // The whole connection is paused for the 2 minutes the receiver asked for, and its other
    // delivery is parked in the queue until then (it survives a restart), without an attempt.
    QCOMPARE(h.dispatcher->admission().connectionState(connectionId).pausedUntilMs, kNow + 120'000);
    QTRY_COMPARE(h.reload(second->id)->nextAttemptAtMs, kNow + 120'000);
    QCOMPARE(h.reload(second->id)->attemptCount, 0);
    QCOMPARE(h.sink.requests().size(), 1);

    h.clock.setNowMs(kNow + 120'000);
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 3);
    QCOMPARE(h.sink.requests().size(), 3);
}

void TestDispatchQueue::reclaimsADeadWorkersLease()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::hang()});
    DispatcherOptions options = DispatchHarness::testOptions();
    options.workerId = u"worker-a"_s;
    options.attemptTimeoutMs = 60'000;
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));
    const Result<Delivery> queued = h.enqueue(h.toSink());
    QVERIFY(queued);
    QTRY_COMPARE(h.sink.requests().size(), 1);
    QCOMPARE(h.reload(queued->id)->leaseOwner, u"worker-a"_s);
    // Worker A dies mid-attempt: nothing of its attempt is recorded.
    h.dispatcher.reset();

    options.workerId = u"worker-b"_s;
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    h.dispatcher->wake();
    // The lease (60 s + 1 s margin) still runs: worker B leaves it alone.
    QTRY_COMPARE(h.dispatcher->admission().inFlight(), 0);
    QCOMPARE(h.sink.requests().size(), 1);
    h.clock.advanceMs(61'000);
    h.dispatcher->wake();
    QTRY_COMPARE(finishedSpy.count(), 1);

    const Result<QList<AttemptRecord>> log = h.attempts(queued->id);
    QVERIFY(log);
    QCOMPARE(log->size(), 2);
    QCOMPARE(log->at(0).attemptNumber, 1);
    QCOMPARE(log->at(0).workerId, u"worker-a"_s);
    QCOMPARE(log->at(0).errorKind, u"worker_lost"_s);
    QCOMPARE(log->at(0).startedAtMs, kNow);
    QCOMPARE(log->at(0).endedAtMs, kNow + 61'000);
    QCOMPARE(log->at(0).reason, u"worker worker-a lost its lease at 14:01:11Z during attempt 1: "
                                u"retried with the same idempotency key"_s);
    QCOMPARE(log->at(1).attemptNumber, 2);
    QCOMPARE(log->at(1).workerId, u"worker-b"_s);
    QCOMPARE(log->at(1).decision, u"succeeded"_s);
    QCOMPARE(recordedSpy.count(), 2); // the lost attempt is signalled too
    // At most one extra request, with the same key.
    QCOMPARE(h.sink.requests().size(), 2);
    QCOMPARE(h.sink.requests().at(0).headers.value("Idempotency-Key"),
             h.sink.requests().at(1).headers.value("Idempotency-Key"));
}

void TestDispatchQueue::claimsABatchBesideAnotherWorkersLocks()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    QList<qint64> ids; // due, due in a minute, due, due
    for (int i = 0; i < 4; ++i) {
        NewDelivery delivery = h.toSink();
        if (i == 1)
            delivery.notBeforeMs = kNow + 60'000;
        // No dispatcher runs: the test claims by hand.
        WB_AWAIT_OK(queued, h.store->write([delivery, i](SqlSession &session) {
            return DeliveryRepository::add(session, delivery, u"batch-%1"_s.arg(i));
        }));
        ids.append(queued->id);
    }
    const auto claimBatch = [&h](const QList<qint64> &wanted) {
        return h.store->write(
                [wanted](SqlSession &session) {
                    return DeliveryRepository::claim(session, wanted, u"worker-a"_s, kNow, 30'000);
                },
                WriteConcurrency::RowLocks);
    };

    if (!testOnPostgres()) {
        WB_AWAIT_OK(claimed, claimBatch(ids));
        QCOMPARE(claimed->size(), 3);
        QCOMPARE(claimed->at(0).delivery.id, ids.at(0));
        QCOMPARE(claimed->at(1).delivery.id, ids.at(2));
        QCOMPARE(claimed->at(2).delivery.id, ids.at(3));
        QCOMPARE(claimed->at(2).delivery.leaseExpiresAtMs, kNow + 30'000);
        return;
    }

    // Another worker holds the workspace's write lock and the last delivery's row.
    QString error;
    {
        QSqlDatabase other = openRawConnection(h.where.location(), u"worker-b"_s, &error);
        QVERIFY2(other.isOpen(), qPrintable(error));
        QSqlQuery sql(other);
        for (const QString &statement :
             PostgresDialect().beginWriteTransaction(WriteConcurrency::Exclusive))
            QVERIFY2(sql.exec(statement), qPrintable(sql.lastError().text()));
        QVERIFY2(sql.exec(u"SELECT id FROM deliveries WHERE id = %1 FOR UPDATE"_s.arg(ids.at(3))),
                 qPrintable(sql.lastError().text()));

        // The claim neither waits for the lock nor for the row: it takes the other two due ones.
        WB_AWAIT_OK(claimed, claimBatch(ids));
        QCOMPARE(claimed->size(), 2);
        QCOMPARE(claimed->at(0).delivery.id, ids.at(0));
        QCOMPARE(claimed->at(0).delivery.state, DeliveryState::InFlight);
        QCOMPARE(claimed->at(0).delivery.attemptCount, 1);
        QCOMPARE(claimed->at(0).delivery.leaseOwner, u"worker-a"_s);
        QCOMPARE(claimed->at(1).delivery.id, ids.at(2));

        // A job that reads, then writes, does wait for the lock.
        QFuture<Result<bool>> cancel = h.store->write([id = ids.at(1)](SqlSession &session) {
            return DeliveryRepository::cancel(session, id);
        });
        QSqlQuery waiting(other);
        QTRY_VERIFY(waiting.exec(u"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' "
                                 "AND NOT granted"_s)
                    && waiting.next() && waiting.value(0).toInt() == 1);
        QVERIFY(!cancel.isFinished());
        QVERIFY(sql.exec(u"ROLLBACK"_s));
        WB_AWAIT_OK(cancelled, cancel);
        QVERIFY(*cancelled);
    }
    QSqlDatabase::removeDatabase(u"worker-b"_s);

    // Released: the last one is claimable now, the claimed ones are not claimed twice.
    WB_AWAIT_OK(rest, claimBatch(ids));
    QCOMPARE(rest->size(), 1);
    QCOMPARE(rest->at(0).delivery.id, ids.at(3));
}

void TestDispatchQueue::rejectsBadDeliveries_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("connectionId");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("signing");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("relative-url") << u"/hook"_s << "POST"_ba << QByteArray() << 0ll << QString()
                                  << 0 << u"dispatch.invalid_delivery"_s
                                  << u"The delivery URL \"/hook\" is not an absolute http or https "
                                     u"URL with a host."_s;
    QTest::newRow("ftp-url") << u"ftp://example.com/x"_s << "POST"_ba << QByteArray() << 0ll
                             << QString() << 0 << u"dispatch.invalid_delivery"_s
                             << u"The delivery URL \"ftp://example.com/x\" is not an absolute http "
                                u"or https URL with a host."_s;
    QTest::newRow("get-method") << u"https://example.com/x"_s << "GET"_ba << QByteArray() << 0ll
                                << QString() << 0 << u"dispatch.invalid_delivery"_s
                                << u"The method \"GET\" is not one of POST, PUT, PATCH, DELETE."_s;
    QTest::newRow("reserved-header")
            << u"https://example.com/x"_s << "POST"_ba
            << "Idempotency-Key"_ba << 0ll << QString() << 0 << u"dispatch.invalid_delivery"_s
            << u"The header \"Idempotency-Key\" is set by the dispatcher "
               u"itself."_s;
    // A signed delivery's webhook-* fields are the engine's (an unsigned one may carry a
    // forwarded sender's own: tst_forwardingflow).
    QTest::newRow("webhook-signature-when-signing")
            << u"https://example.com/x"_s << "POST"_ba
            << "webhook-signature"_ba << 999ll << QString() << 1 << u"dispatch.invalid_delivery"_s
            << u"The header \"webhook-signature\" is set by the dispatcher itself."_s;
    QTest::newRow("header-name-not-a-token")
            << u"https://example.com/x"_s << "POST"_ba
            << "X Bad"_ba << 0ll << QString() << 0 << u"dispatch.invalid_delivery"_s
            << u"The header name \"X Bad\" is not an HTTP "
               u"token."_s;
    QTest::newRow("signing-without-connection")
            << u"https://example.com/x"_s << "POST"_ba << QByteArray() << 0ll << QString() << 1
            << u"dispatch.invalid_delivery"_s
            << u"Standard Webhooks signing needs a connection (its webhook signing secret signs "
               u"the delivery)."_s;
    QTest::newRow("unknown-connection")
            << u"https://example.com/x"_s << "POST"_ba << QByteArray() << 999ll << QString() << 0
            << u"dispatch.unknown_connection"_s << u"There is no connection with id 999."_s;
    QTest::newRow("unknown-policy") << u"https://example.com/x"_s << "POST"_ba << QByteArray()
                                    << 0ll << u"hourly"_s << 0 << u"retry_policy.unknown_preset"_s
                                    << u"unknown retry policy preset \"hourly\" (known: default, "
                                       u"svix, standard-webhooks, convoy-exponential)"_s;
    QTest::newRow("bad-policy-json")
            << u"https://example.com/x"_s << "POST"_ba << QByteArray() << 0ll
            << uR"({"maxAttempts":0})"_s << 0 << u"retry_policy.invalid"_s
            << u"delivery to example.com: retry policy \"maxAttempts\" must "
               u"be between 1 and 1000 (got 0)"_s;
}

void TestDispatchQueue::rejectsBadDeliveries()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, header);
    QFETCH(qint64, connectionId);
    QFETCH(QString, policy);
    QFETCH(int, signing);
    QFETCH(QString, code);
    QFETCH(QString, message);

    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    NewDelivery delivery;
    delivery.url = QUrl(url);
    delivery.method = method;
    if (!header.isEmpty())
        delivery.headers.append(header, "x");
    if (connectionId)
        delivery.connectionId = connectionId;
    delivery.retryPolicy = policy;
    delivery.signing = signing ? DeliverySigning::StandardWebhooks : DeliverySigning::None;
    delivery.body = "{}";
    const Result<Delivery> refused = h.enqueue(delivery);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, code);
    QCOMPARE(refused.error().message, message);
    // Nothing was stored.
    auto listed = h.store->read([](SqlSession &session) {
        return DeliveryRepository::list(session, std::nullopt, 10);
    });
    QVERIFY(waitForFinished(listed));
    QCOMPARE(listed.result()->size(), 0);
}

void TestDispatchQueue::cancelsPendingDeliveries()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    NewDelivery delivery = h.toSink();
    delivery.notBeforeMs = kNow + 3'600'000;
    const Result<Delivery> queued = h.enqueue(delivery);
    QVERIFY(queued);
    auto cancelled = h.dispatcher->cancel(queued->id);
    QVERIFY(waitForFinished(cancelled));
    QCOMPARE(*cancelled.result(), true);
    QCOMPARE(h.reload(queued->id)->state, DeliveryState::Cancelled);
    auto again = h.dispatcher->cancel(queued->id);
    QVERIFY(waitForFinished(again));
    QCOMPARE(*again.result(), false); // only pending deliveries can be cancelled
    h.clock.advanceMs(3'600'000);
    QSignalSpy drainedSpy(h.dispatcher.get(), &Dispatcher::drained);
    h.dispatcher->wake();
    QVERIFY(drainedSpy.wait(5'000));
    QCOMPARE(h.sink.requests().size(), 0);
}

void TestDispatchQueue::finalStateHookRunsInTheEndingTransaction()
{
    // Every delivery that ends is reported once, inside the write that ends it; a failing hook
    // rolls that write back.
    struct Call
    {
        qint64 deliveryId;
        DeliveryState state;
        QString reason;
    };
    QMutex mutex;
    QList<Call> calls;
    std::atomic_bool refuse = false;
    DispatcherOptions options = DispatchHarness::testOptions();
    options.onFinalState = [&](SqlSession &, qint64 deliveryId, DeliveryState state,
                               const QString &reason) -> Result<void> {
        if (refuse)
            return fail(u"test.refused"_s, u"the hook refuses"_s);
        QMutexLocker lock(&mutex);
        calls.append({deliveryId, state, reason});
        return {};
    };
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::respond(204)});
    QVERIFY2(h.startDispatcher(options), qPrintable(h.error));

    const Result<Delivery> sent = h.enqueue(h.toSink());
    QVERIFY(sent);
    QTRY_COMPARE_WITH_TIMEOUT(h.reload(sent->id)->state, DeliveryState::Succeeded, 10'000);
    {
        QMutexLocker lock(&mutex);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.at(0).deliveryId, sent->id);
        QCOMPARE(calls.at(0).state, DeliveryState::Succeeded);
    }

    NewDelivery later = h.toSink();
    later.notBeforeMs = kNow + 3'600'000;
    const Result<Delivery> queued = h.enqueue(later);
    QVERIFY(queued);
    refuse = true;
    auto refused = h.dispatcher->cancel(queued->id);
    QVERIFY(waitForFinished(refused));
    QCOMPARE(refused.result().error().code, u"test.refused"_s);
    QCOMPARE(h.reload(queued->id)->state, DeliveryState::Pending); // rolled back
    refuse = false;
    auto cancelled = h.dispatcher->cancel(queued->id);
    QVERIFY(waitForFinished(cancelled));
    QCOMPARE(*cancelled.result(), true);
    QMutexLocker lock(&mutex);
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1).deliveryId, queued->id);
    QCOMPARE(calls.at(1).state, DeliveryState::Cancelled);
    QCOMPARE(calls.at(1).reason, u"cancelled"_s);
}

void TestDispatchQueue::queriesAttemptsByConnectionAndTime()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::respond(503), Answer::respond(204), Answer::respond(204)});
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    const qint64 github = h.addConnection(u"github"_s);
    const qint64 stripe = h.addConnection(u"stripe"_s);
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QVERIFY(h.enqueue(h.toSink(github)));
    QTRY_COMPARE(recordedSpy.count(), 1); // 503 at kNow
    h.clock.setNowMs(kNow + 2'500);
    h.dispatcher->wake();
    QTRY_COMPARE(recordedSpy.count(), 2); // 204 at kNow + 2.5 s
    h.clock.setNowMs(kNow + 10'000);
    QVERIFY(h.enqueue(h.toSink(stripe)));
    QTRY_COMPARE(recordedSpy.count(), 3); // 204 at kNow + 10 s

    const auto starts = [&h](std::optional<qint64> connection, qint64 from, qint64 to) {
        auto future = h.dispatcher->attemptsInRange(connection, from, to);
        QList<qint64> result;
        if (!waitForFinished(future) || !future.result())
            return QList<qint64>{-1};
        for (const AttemptRecord &attempt : *future.result())
            result.append(attempt.startedAtMs - kNow);
        return result;
    };
    QCOMPARE(starts(github, kNow, kNow + 60'000), (QList<qint64>{0, 2'500}));
    QCOMPARE(starts(github, kNow + 1, kNow + 60'000), (QList<qint64>{2'500}));
    QCOMPARE(starts(github, kNow, kNow + 2'500), (QList<qint64>{0})); // end is exclusive
    QCOMPARE(starts(stripe, kNow, kNow + 60'000), (QList<qint64>{10'000}));
    QCOMPARE(starts(std::nullopt, kNow, kNow + 60'000), (QList<qint64>{0, 2'500, 10'000}));
    QCOMPARE(starts(github, kNow + 60'000, kNow + 120'000), QList<qint64>{});
}

void TestDispatchQueue::replaysADeadLetteredDelivery()
{
    DispatchHarness h(kNow);
    QVERIFY2(h.open(), qPrintable(h.error));
    h.sink.play({Answer::respond(503), Answer::respond(502), Answer::respond(503),
                 Answer::respond(204)});
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    QSignalSpy recordedSpy(h.dispatcher.get(), &Dispatcher::attemptRecorded);
    QSignalSpy finishedSpy(h.dispatcher.get(), &Dispatcher::deliveryFinished);
    NewDelivery delivery = h.toSink();
    delivery.retryPolicy = uR"({"basedOn":"default","maxAttempts":2})"_s;
    const Result<Delivery> queued = h.enqueue(delivery);
    QVERIFY(queued);
    QTRY_COMPARE(recordedSpy.count(), 1);
    h.clock.advanceMs(2'500);
    h.dispatcher->wake();
    QTRY_COMPARE(finishedSpy.count(), 1);
    QCOMPARE(finishedSpy.at(0).at(1).value<DeliveryState>(), DeliveryState::Dead);

    // The dead-letter queue lists it.
    WB_AWAIT_OK(dead, h.dispatcher->deliveries(DeliveryState::Dead));
    QCOMPARE(dead.value().size(), 1);
    QCOMPARE(dead.value().at(0).id, queued->id);
    QCOMPARE(dead.value().at(0).attemptCount, 2);

    h.clock.advanceMs(3'600'000); // replayed an hour later: maxAge would count from the replay
    const qint64 replayedAt = h.clock.nowMs();
    WB_AWAIT_OK(replayed, h.dispatcher->replay(queued->id));
    QCOMPARE(replayed.value().state, DeliveryState::Pending);
    QCOMPARE(replayed.value().replayCount, 1);
    QCOMPARE(replayed.value().attemptsBeforeReplay, 2);
    QCOMPARE(replayed.value().replayedAtMs, std::optional<qint64>(replayedAt));
    QCOMPARE(replayed.value().nextAttemptAtMs, replayedAt);
    QCOMPARE(replayed.value().lastReason, u"replayed (was dead)"_s);

    // A fresh budget: the replay's first attempt is retried (attempt 1 of 2), not dead-lettered.
    QTRY_COMPARE(recordedSpy.count(), 3);
    QCOMPARE(recorded(recordedSpy, 2).attemptNumber, 3);
    QCOMPARE(recorded(recordedSpy, 2).decision, u"retry"_s);
    QCOMPARE(recorded(recordedSpy, 2).waitMs, 2'500);
    h.clock.advanceMs(2'500);
    h.dispatcher->wake();
    QTRY_COMPARE(finishedSpy.count(), 2);
    QCOMPARE(finishedSpy.at(1).at(1).value<DeliveryState>(), DeliveryState::Succeeded);
    QCOMPARE(recorded(recordedSpy, 3).attemptNumber, 4);

    const Result<QList<AttemptRecord>> log = h.attempts(queued->id);
    QVERIFY(log);
    QStringList decisions;
    for (const AttemptRecord &attempt : *log)
        decisions.append(u"%1:%2"_s.arg(attempt.attemptNumber).arg(attempt.decision));
    QCOMPARE(decisions, (QStringList{u"1:retry"_s, u"2:dead"_s, u"3:retry"_s, u"4:succeeded"_s}));
    // The same message to the receiver: one idempotency key on all four requests.
    QCOMPARE(h.sink.requests().size(), 4);
    for (const ScriptedSink::Request &request : h.sink.requests())
        QCOMPARE(request.headers.value("Idempotency-Key"), queued->idempotencyKey.toLatin1());

    // Only dead, failed or cancelled deliveries can be replayed.
    WB_AWAIT(again, h.dispatcher->replay(queued->id));
    QVERIFY(!again);
    QCOMPARE(again.error().code, u"dispatch.not_replayable"_s);
    QCOMPARE(again.error().message,
             u"Delivery %1 is succeeded: only dead, failed or cancelled deliveries can be "
             u"replayed."_s.arg(queued->id));
    WB_AWAIT(unknown, h.dispatcher->replay(9999));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, u"dispatch.unknown_delivery"_s);
}

QTEST_GUILESS_MAIN(TestDispatchQueue)
#include "tst_dispatchqueue.moc"
