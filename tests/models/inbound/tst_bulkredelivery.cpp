// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk re-delivery: the dry run (count, destinations, what is left out and why) over a real
// workspace, then the sending through the real dispatch engine to a sink that records what it got:
// the engine's per-host limit and each connection's concurrency limit held, pause, resume and
// cancel.
#include "core/inbound/events/inboundeventrepository.h"
#include "core/inbound/forwarding/inboundforwarding.h"
#include "core/runtime/forwardingsink.h"
#include "dispatchharness.h"
#include "models/inbound/bulkredelivery.h"
#include "support/futures.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace wb;

namespace {

constexpr qint64 startMs = 1'750'000'000'000;

template<typename T>
core::Result<T> await(const QFuture<core::Result<T>> &future)
{
    if (!test::waitForFinished(future))
        return core::fail(u"test.timeout"_s, u"no answer within 15 s"_s);
    return future.result();
}

struct EventSpec
{
    std::optional<qint64> connectionId;
    std::optional<qint64> tenantId;
    core::InboundVerdict verdict = core::InboundVerdict::Verified;
    bool handshake = false;
    core::ForwardingState forwarding = core::ForwardingState::Forwarded;
};

} // namespace

class TestBulkRedelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dryRunForwardTargets();
    void dryRunOfAFilterAndOfASelection();
    void dryRunToAUrl();
    void dryRunRefusesABadUrl();
    void sendsToForwardTargetsWithinTheHostLimit();
    void sendsWithinEachConnectionsConcurrencyLimit();
    void pauseResumeAndCancel();
    void eventChangedSinceTheDryRunIsRefused();

private:
    qint64 addEvent(const EventSpec &spec);
    // Connection A (target /a, 3 forwardable events, a handshake, a failed verification, one being
    // forwarded), B (target /b, 2 events), C (no target, 1 event), and one event without a
    // connection.
    void addMixedWorkspace();
    core::Result<models::BulkRedeliveryPlan> dryRun(const models::BulkRedeliverySelection &selection,
                                                    const models::BulkRedeliveryTarget &target);

    std::unique_ptr<test::DispatchHarness> m_h;
    qint64 m_a = 0, m_b = 0, m_c = 0;
    QList<qint64> m_aEvents, m_bEvents;
    qint64 m_received = startMs;
};

void TestBulkRedelivery::init()
{
    m_h = std::make_unique<test::DispatchHarness>(startMs);
    QVERIFY2(m_h->open(), qPrintable(m_h->error));
    m_aEvents.clear();
    m_bEvents.clear();
}

void TestBulkRedelivery::cleanup()
{
    m_h.reset();
}

qint64 TestBulkRedelivery::addEvent(const EventSpec &spec)
{
    core::InboundEvent event;
    event.receivedAtMs = m_received += 1'000;
    event.providerId = u"github"_s;
    event.connectionId = spec.connectionId;
    event.tenantId = spec.tenantId;
    event.verdict = spec.verdict;
    event.handshake = spec.handshake;
    event.forwardingState = spec.forwarding;
    event.eventType = u"push"_s;
    event.request.method = spec.handshake ? "GET"_ba : "POST"_ba;
    event.request.url = "http://127.0.0.1:8480/hooks/1"_ba;
    event.request.headers = {{"Content-Type"_ba, "application/json"_ba},
                             {"X-GitHub-Event"_ba, "push"_ba}};
    event.request.body = "{\"n\":9007199254740993}"_ba;
    event.bodySize = event.request.body.size();
    event.responseStatus = 200;
    auto stored = await(m_h->store->write([event](core::SqlSession &session) {
        return core::InboundEventRepository::insert(session, event, u"provider:github"_s);
    }));
    if (!stored) {
        qWarning() << stored.error().message;
        return 0;
    }
    return stored->eventId;
}

void TestBulkRedelivery::addMixedWorkspace()
{
    core::ConnectionSettings toA;
    toA.forwardTargetUrl = m_h->sink.url(u"/a"_s);
    core::ConnectionSettings toB;
    toB.forwardTargetUrl = m_h->sink.url(u"/b"_s);
    m_a = m_h->addConnection(u"github"_s, toA);
    m_b = m_h->addConnection(u"github"_s, toB);
    m_c = m_h->addConnection(u"github"_s);
    QVERIFY2(m_a && m_b && m_c, qPrintable(m_h->error));
    const qint64 tenantA = m_h->connection(m_a)->tenantId;
    const qint64 tenantB = m_h->connection(m_b)->tenantId;
    const qint64 tenantC = m_h->connection(m_c)->tenantId;
    m_aEvents.append(addEvent({m_a, tenantA}));
    m_bEvents.append(addEvent({m_b, tenantB}));
    addEvent({m_a, tenantA, core::InboundVerdict::Verified, true, core::ForwardingState::None});
    m_aEvents.append(addEvent({m_a, tenantA}));
    addEvent({m_a, tenantA, core::InboundVerdict::Failed, false, core::ForwardingState::None});
    addEvent({m_c, tenantC});
    addEvent({m_a, tenantA, core::InboundVerdict::Verified, false, core::ForwardingState::Queued});
    m_bEvents.append(addEvent({m_b, tenantB}));
    addEvent({std::nullopt, std::nullopt, core::InboundVerdict::Unsigned});
    m_aEvents.append(addEvent({m_a, tenantA, core::InboundVerdict::Unsigned}));
}

core::Result<models::BulkRedeliveryPlan> TestBulkRedelivery::dryRun(
        const models::BulkRedeliverySelection &selection, const models::BulkRedeliveryTarget &target)
{
    return await(models::BulkRedelivery::plan(*m_h->store, selection, target));
}

void TestBulkRedelivery::dryRunForwardTargets()
{
    addMixedWorkspace();
    const auto plan = dryRun({}, {});
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QList<qint64> expected = m_aEvents + m_bEvents;
    std::sort(expected.begin(), expected.end()); // ids grow with the received time here
    QCOMPARE(plan->eventIds, expected);
    const QList<models::BulkRedeliveryDestination>
            destinations{{m_h->sink.url(u"/a"_s), u"Tenant 1 for github · github"_s, 3},
                         {m_h->sink.url(u"/b"_s), u"Tenant 2 for github · github"_s, 2}};
    QCOMPARE(plan->destinations, destinations);
    const QHash<QString, int> skipped{{u"handshake"_s, 1},
                                      {u"failed_verification"_s, 1},
                                      {u"no_forward_target"_s, 1},
                                      {u"forwarding_in_progress"_s, 1},
                                      {u"no_connection"_s, 1}};
    QCOMPARE(plan->skipped, skipped);
    QCOMPARE(plan->skippedCount(), 5);
    // Nothing was changed by the dry run.
    QCOMPARE(m_h->sink.requests().size(), 0);
    auto event = await(m_h->store->read([id = m_aEvents.first()](core::SqlSession &s) {
        return core::InboundEventRepository::get(s, id);
    }));
    QVERIFY(event);
    QCOMPARE(event->forwardingState, core::ForwardingState::Forwarded);
}

void TestBulkRedelivery::dryRunOfAFilterAndOfASelection()
{
    addMixedWorkspace();
    models::BulkRedeliverySelection byConnection;
    byConnection.filter.connectionId = m_b;
    const auto filtered = dryRun(byConnection, {});
    QVERIFY(filtered);
    QCOMPARE(filtered->eventIds, m_bEvents);
    QCOMPARE(filtered->destinations.size(), 1);
    QCOMPARE(filtered->destinations.at(0).count, 2);
    QVERIFY(filtered->skipped.isEmpty());

    // A selection in any order is sent oldest first; an id no longer stored is counted.
    models::BulkRedeliverySelection selection;
    selection.eventIds = {m_bEvents.at(1), m_aEvents.at(0), 99'999};
    const auto selected = dryRun(selection, {});
    QVERIFY(selected);
    QCOMPARE(selected->eventIds, (QList<qint64>{m_aEvents.at(0), m_bEvents.at(1)}));
    QCOMPARE(selected->skipped, (QHash<QString, int>{{u"not_found"_s, 1}}));
}

void TestBulkRedelivery::dryRunToAUrl()
{
    addMixedWorkspace();
    models::BulkRedeliveryTarget target{models::BulkRedeliveryTarget::Kind::Url,
                                        QUrl(u"https://staging.example/in"_s)};
    const auto plan = dryRun({}, target);
    QVERIFY(plan);
    // Every event but the handshake (a GET): failed verifications too, to test the other side.
    QCOMPARE(plan->eventIds.size(), 9);
    QCOMPARE(plan->destinations,
             (QList<models::BulkRedeliveryDestination>{
                     {QUrl(u"https://staging.example/in"_s), u"https://staging.example/in"_s, 9}}));
    QCOMPARE(plan->skipped, (QHash<QString, int>{{u"method_not_deliverable"_s, 1}}));
}

void TestBulkRedelivery::dryRunRefusesABadUrl()
{
    models::BulkRedeliveryTarget target{models::BulkRedeliveryTarget::Kind::Url,
                                        QUrl(u"ftp://example.com/in"_s)};
    const auto plan = dryRun({}, target);
    QVERIFY(!plan);
    QCOMPARE(plan.error().code, u"dispatch.invalid_delivery"_s);
}

void TestBulkRedelivery::sendsToForwardTargetsWithinTheHostLimit()
{
    core::ConnectionSettings toA;
    toA.forwardTargetUrl = m_h->sink.url(u"/a"_s);
    m_a = m_h->addConnection(u"github"_s, toA);
    QVERIFY(m_a);
    const qint64 tenant = m_h->connection(m_a)->tenantId;
    for (int i = 0; i < 6; ++i)
        m_aEvents.append(addEvent({m_a, tenant}));
    core::DispatcherOptions options = test::DispatchHarness::testOptions();
    options.limits.perHost = 2;
    options.attemptTimeoutMs = 60'000;
    options.onFinalState = core::forwardingOutcomeRecorder();
    QVERIFY2(m_h->startDispatcher(options), qPrintable(m_h->error));
    const auto plan = dryRun({}, {});
    QVERIFY(plan);
    QCOMPARE(plan->eventIds.size(), 6);

    m_h->sink.setFallback(test::ScriptedSink::Answer::hang());
    models::BulkRedeliveryJob job(*m_h->store, *m_h->dispatcher, *plan);
    QSignalSpy finished(&job, &models::BulkRedeliveryJob::finished);
    job.start();
    QCOMPARE(job.state(), models::BulkRedeliveryJob::State::Running);
    // All six are queued (the window is 16), the engine sends two at a time to the one host.
    QTRY_COMPARE(job.progress().queued, 6);
    QTRY_COMPARE(m_h->sink.requests().size(), 2);
    QCOMPARE(m_h->sink.openConnections(), 2);
    m_h->sink.setFallback(test::ScriptedSink::Answer::respond(204));
    m_h->sink.releaseHanging(test::ScriptedSink::Answer::respond(204));
    QVERIFY(finished.wait(15'000));
    QCOMPARE(job.state(), models::BulkRedeliveryJob::State::Finished);
    models::BulkRedeliveryProgress expected;
    expected.total = expected.queued = expected.succeeded = 6;
    QCOMPARE(job.progress(), expected);
    QCOMPARE(m_h->sink.requests().size(), 6);
    QVERIFY2(m_h->sink.peakConnections() <= 2,
             qPrintable(QString::number(m_h->sink.peakConnections())));
    QSet<QByteArray> keys;
    for (const test::ScriptedSink::Request &got : m_h->sink.requests()) {
        QCOMPARE(got.target, "/a"_ba);
        QCOMPARE(got.body, "{\"n\":9007199254740993}"_ba);
        QCOMPARE(got.headers.value("X-GitHub-Event"), "push"_ba);
        keys.insert(got.headers.value("Idempotency-Key"));
    }
    QSet<QByteArray> expectedKeys;
    for (const qint64 id : std::as_const(m_aEvents))
        expectedKeys.insert("inbound-" + QByteArray::number(id) + "-1");
    QCOMPARE(keys, expectedKeys);
    // Each event's forwarding state follows its delivery.
    for (const qint64 id : std::as_const(m_aEvents)) {
        auto event = await(m_h->store->read(
                [id](core::SqlSession &s) { return core::InboundEventRepository::get(s, id); }));
        QVERIFY(event);
        QTRY_COMPARE(await(m_h->store->read([id](core::SqlSession &s) {
                         return core::InboundEventRepository::get(s, id);
                     }))->forwardingState,
                     core::ForwardingState::Forwarded);
        QCOMPARE(event->deliveryId, job.deliveries().value(id));
    }
}

void TestBulkRedelivery::sendsWithinEachConnectionsConcurrencyLimit()
{
    // A's connection allows one request in flight, B's two; the host would allow six.
    core::ConnectionSettings toA;
    toA.forwardTargetUrl = m_h->sink.url(u"/a"_s);
    toA.rateLimits.concurrencyLimit = 1;
    core::ConnectionSettings toB;
    toB.forwardTargetUrl = m_h->sink.url(u"/b"_s);
    toB.rateLimits.concurrencyLimit = 2;
    m_a = m_h->addConnection(u"github"_s, toA);
    m_b = m_h->addConnection(u"github"_s, toB);
    QVERIFY2(m_a && m_b, qPrintable(m_h->error));
    for (int i = 0; i < 4; ++i) {
        m_aEvents.append(addEvent({m_a, m_h->connection(m_a)->tenantId}));
        m_bEvents.append(addEvent({m_b, m_h->connection(m_b)->tenantId}));
    }
    core::DispatcherOptions options = test::DispatchHarness::testOptions();
    options.limits.perHost = 6;
    options.attemptTimeoutMs = 60'000;
    options.onFinalState = core::forwardingOutcomeRecorder();
    QVERIFY2(m_h->startDispatcher(options), qPrintable(m_h->error));
    const auto plan = dryRun({}, {});
    QVERIFY(plan);
    QCOMPARE(plan->eventIds.size(), 8);
    QCOMPARE(plan->concurrencyLimits, (QHash<qint64, int>{{m_a, 1}, {m_b, 2}}));
    QCOMPARE(plan->destinations.size(), 2);
    for (const models::BulkRedeliveryDestination &destination : plan->destinations)
        QCOMPARE(destination.concurrencyLimit, destination.url.path() == u"/a" ? 1 : 2);

    m_h->sink.setFallback(test::ScriptedSink::Answer::hang());
    models::BulkRedeliveryJob job(*m_h->store, *m_h->dispatcher, *plan);
    QSignalSpy finished(&job, &models::BulkRedeliveryJob::finished);
    job.start();
    // The job hands over one of A's events and two of B's, then waits for them to end.
    QTRY_COMPARE(m_h->sink.requests().size(), 3);
    QCOMPARE(job.progress().queued, 3);
    QVERIFY(!QTest::qWaitFor([this] { return m_h->sink.requests().size() > 3; }, 1'000));
    QCOMPARE(job.progress().queued, 3);
    const auto sentTo = [this](const QByteArray &target) {
        return std::count_if(m_h->sink.requests().cbegin(), m_h->sink.requests().cend(),
                             [&target](const auto &got) { return got.target == target; });
    };
    QCOMPARE(sentTo("/a"_ba), 1);
    QCOMPARE(sentTo("/b"_ba), 2);

    m_h->sink.setFallback(test::ScriptedSink::Answer::respond(204));
    m_h->sink.releaseHanging(test::ScriptedSink::Answer::respond(204));
    QVERIFY(finished.wait(15'000));
    QCOMPARE(job.progress().succeeded, 8);
    QCOMPARE(sentTo("/a"_ba), 4);
    QCOMPARE(sentTo("/b"_ba), 4);
}

void TestBulkRedelivery::pauseResumeAndCancel()
{
    for (int i = 0; i < 5; ++i)
        addEvent({});
    core::DispatcherOptions options = test::DispatchHarness::testOptions();
    options.limits.perHost = 1;
    options.attemptTimeoutMs = 60'000;
    QVERIFY2(m_h->startDispatcher(options), qPrintable(m_h->error));
    const auto plan = dryRun({}, {models::BulkRedeliveryTarget::Kind::Url, m_h->sink.url(u"/u"_s)});
    QVERIFY(plan);
    QCOMPARE(plan->eventIds.size(), 5);

    m_h->sink.setFallback(test::ScriptedSink::Answer::hang());
    models::BulkRedeliveryJob job(*m_h->store, *m_h->dispatcher, *plan, 2);
    QSignalSpy finished(&job, &models::BulkRedeliveryJob::finished);
    job.start();
    QTRY_COMPARE(m_h->sink.requests().size(), 1); // one host, one at a time
    QTRY_COMPARE(job.progress().queued, 2);       // the window: the second waits in the queue
    job.pause();
    QCOMPARE(job.state(), models::BulkRedeliveryJob::State::Paused);
    // The deliveries already queued go on; no new one is queued while paused.
    m_h->sink.setFallback(test::ScriptedSink::Answer::respond(204));
    m_h->sink.releaseHanging(test::ScriptedSink::Answer::respond(204));
    QTRY_COMPARE(job.progress().succeeded, 2);
    QCOMPARE(job.progress().queued, 2);
    QCOMPARE(job.state(), models::BulkRedeliveryJob::State::Paused);
    QCOMPARE(m_h->sink.requests().size(), 2);

    m_h->sink.setFallback(test::ScriptedSink::Answer::hang());
    job.resume();
    QTRY_COMPARE(job.progress().queued, 4);
    QTRY_COMPARE(m_h->sink.requests().size(), 3);
    job.cancel();
    QCOMPARE(job.state(), models::BulkRedeliveryJob::State::Cancelling);
    // The one waiting for the host is withdrawn; the one being attempted ends on its own.
    QTRY_COMPARE(job.progress().cancelled, 1);
    QCOMPARE(finished.size(), 0);
    m_h->sink.releaseHanging(test::ScriptedSink::Answer::respond(204));
    QVERIFY(finished.wait(15'000));
    models::BulkRedeliveryProgress expected;
    expected.total = 5;
    expected.queued = 4;
    expected.succeeded = 3;
    expected.cancelled = 1;
    QCOMPARE(job.progress(), expected);
    QCOMPARE(m_h->sink.requests().size(), 3);
    for (const test::ScriptedSink::Request &got : m_h->sink.requests()) {
        QCOMPARE(got.target, "/u"_ba);
        QCOMPARE(got.body, "{\"n\":9007199254740993}"_ba);
        QVERIFY(got.headers.value("Idempotency-Key").startsWith("bulk-"));
    }
}

void TestBulkRedelivery::eventChangedSinceTheDryRunIsRefused()
{
    core::ConnectionSettings toA;
    toA.forwardTargetUrl = m_h->sink.url(u"/a"_s);
    m_a = m_h->addConnection(u"github"_s, toA);
    const qint64 id = addEvent({m_a, m_h->connection(m_a)->tenantId});
    QVERIFY2(m_h->startDispatcher(), qPrintable(m_h->error));
    const auto plan = dryRun({}, {});
    QVERIFY(plan);
    QCOMPARE(plan->eventIds, QList<qint64>{id});
    // Someone re-delivered it meanwhile: it is pending now.
    QVERIFY(await(m_h->store->write([id](core::SqlSession &s) {
        return core::InboundForwardingRepository::requestRedelivery(s, id);
    })));
    models::BulkRedeliveryJob job(*m_h->store, *m_h->dispatcher, *plan);
    QSignalSpy finished(&job, &models::BulkRedeliveryJob::finished);
    job.start();
    QVERIFY(finished.wait(15'000));
    QCOMPARE(job.progress().refused, 1);
    QCOMPARE(job.progress().queued, 0);
    QVERIFY2(job.progress().lastError.contains(u"already"_s), qPrintable(job.progress().lastError));
    QCOMPARE(m_h->sink.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestBulkRedelivery)
#include "tst_bulkredelivery.moc"
