// SPDX-License-Identifier: GPL-3.0-or-later
// Forwarding of inbound events to the dispatch engine: the hand-over (delivery and 'queued' in one
// transaction), the original headers and bytes, outcomes mirrored, re-delivery and its refusals,
// a failed hand-over rolled back; and the inspector's keyset paging.
#include "core/inbound/events/inboundeventrepository.h"
#include "core/inbound/flow/inboundpipeline.h"
#include "core/inbound/forwarding/inboundforwarder.h"
#include "receivertestbed.h"
#include "support/futures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::hmacSignature;
using wb::test::postRequest;
using wb::test::RawHttpClient;
using wb::test::ReceiverTestBed;

Q_DECLARE_METATYPE(QList<wb::core::ReceivedHeader>)

namespace {

const QByteArray kGeneric = ReceiverTestBed::genericSecret;
const QString kTarget = u"http://127.0.0.1:9/app"_s;

// Stands for the dispatch engine's DeliveryRepository::add: records each request (called on the
// store's writer thread) and answers delivery ids 1, 2, 3…; fails while `failing` is set.
struct RecordingSink
{
    QMutex mutex;
    QList<ForwardRequest> requests;
    qint64 nextId = 1;
    std::atomic_bool failing = false;

    DeliverySink sink()
    {
        return [this](SqlSession &, const ForwardRequest &request) -> Result<qint64> {
            if (failing)
                return fail(u"dispatch.test_refused"_s, u"the test's sink refuses"_s);
            QMutexLocker lock(&mutex);
            requests << request;
            return nextId++;
        };
    }
    QList<ForwardRequest> recorded()
    {
        QMutexLocker lock(&mutex);
        return requests;
    }
};

qint64 eventIdOf(const wb::test::HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object()[u"event_id"_s].toInteger();
}

QByteArray genericPost(qint64 connection, const QByteArray &body, const QByteArray &requestId,
                       const QList<std::pair<QByteArray, QByteArray>> &extra = {})
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"X-Signature", hmacSignature(kGeneric, body)},
                                                     {"X-Request-Id", requestId}};
    headers += extra;
    return postRequest("/hooks/" + QByteArray::number(connection), headers, body);
}

} // namespace

class TestInboundForwarding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardedHeaders_data();
    void forwardedHeaders();
    void handOverCarriesTheOriginalBytes();
    void outcomesAndRedelivery();
    void redeliveryRefused_data();
    void redeliveryRefused();
    void failedHandOverKeepsEventsPending();
    void refusedRequestFailsOnlyItsEvent();
    void handOverOfOneEventLeavesTheOthers();
    void targetRemovedBeforeHandOver();
    void pagesAreStableWhileEventsArrive();
    void countAndNewestIdFollowTheFilter();

private:
    // Inserts an event straight through the repository (the receiver's write, without HTTP).
    static qint64 insertEvent(ReceiverTestBed &bed, const InboundEvent &event);
};

qint64 TestInboundForwarding::insertEvent(ReceiverTestBed &bed, const InboundEvent &event)
{
    auto future = bed.store().write([event](SqlSession &session) {
        return InboundEventRepository::insert(session, event,
                                              u"connection:%1"_s.arg(
                                                      event.connectionId.value_or(0)));
    });
    if (!wb::test::waitForFinished(future) || !future.result())
        return 0;
    return future.result()->eventId;
}

void TestInboundForwarding::forwardedHeaders_data()
{
    QTest::addColumn<QList<ReceivedHeader>>("received");
    QTest::addColumn<QList<ReceivedHeader>>("forwarded");

    QTest::newRow("end-to-end-fields-kept-in-order-and-case")
            << QList<ReceivedHeader>{{"X-Hub-Signature-256", "sha256=ab"},
                                     {"content-type", "application/json"},
                                     {"X-GitHub-Event", "push"},
                                     {"X-Repeat", "1"},
                                     {"X-Repeat", "2"}}
            << QList<ReceivedHeader>{{"X-Hub-Signature-256", "sha256=ab"},
                                     {"content-type", "application/json"},
                                     {"X-GitHub-Event", "push"},
                                     {"X-Repeat", "1"},
                                     {"X-Repeat", "2"}};
    QTest::newRow("hop-by-hop-framing-and-host-dropped")
            << QList<ReceivedHeader>{{"Host", "127.0.0.1:8480"},
                                     {"Content-Length", "2"},
                                     {"Connection", "keep-alive"},
                                     {"Keep-Alive", "timeout=5"},
                                     {"TE", "trailers"},
                                     {"Transfer-Encoding", "chunked"},
                                     {"Upgrade", "h2c"},
                                     {"Expect", "100-continue"},
                                     {"Proxy-Connection", "close"},
                                     {"Trailer", "X-Checksum"},
                                     {"X-Signature", "sha256=01"}}
            << QList<ReceivedHeader>{{"X-Signature", "sha256=01"}};
    QTest::newRow("fields-named-by-connection-dropped-any-case")
            << QList<ReceivedHeader>{{"connection", "close, X-Hop-Only ,x-other"},
                                     {"X-HOP-ONLY", "1"},
                                     {"X-Other", "2"},
                                     {"X-Kept", "3"}}
            << QList<ReceivedHeader>{{"X-Kept", "3"}};
    QTest::newRow("content-encoding-kept-body-is-still-compressed")
            << QList<ReceivedHeader>{{"Content-Encoding", "gzip"}, {"CONTENT-LENGTH", "20"}}
            << QList<ReceivedHeader>{{"Content-Encoding", "gzip"}};
    QTest::newRow("non-ascii-value-bytes-kept")
            << QList<ReceivedHeader>{{"X-Latin1", "caf\xe9"}, {"X-Emoji", "\xf0\x9f\x98\x80"}}
            << QList<ReceivedHeader>{{"X-Latin1", "caf\xe9"}, {"X-Emoji", "\xf0\x9f\x98\x80"}};
}

void TestInboundForwarding::forwardedHeaders()
{
    QFETCH(QList<ReceivedHeader>, received);
    QFETCH(QList<ReceivedHeader>, forwarded);
    QCOMPARE(wb::core::forwardedHeaders(received), forwarded);
}

void TestInboundForwarding::handOverCarriesTheOriginalBytes()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RecordingSink sink;
    InboundForwarder forwarder(&bed.store(), sink.sink());
    connect(bed.receiver().pipeline(), &InboundPipeline::forwardingPending, &forwarder,
            &InboundForwarder::pump);
    QSignalSpy handed(&forwarder, &InboundForwarder::handedOver);

    const QByteArray body = "{\"name\":\"caf\xe9 \xf0\x9f\x98\x80\",\"n\":9007199254740993}";
    RawHttpClient client(bed.port());
    client.send(genericPost(bed.generic, body, "fwd-bytes",
                            {{"X-Custom", "kept"}, {"Connection", "keep-alive"}}));
    const wb::test::HttpAnswer answer = client.read().value(0);
    QCOMPARE(answer.status, 200);
    const qint64 eventId = eventIdOf(answer);
    QVERIFY(eventId > 0);

    QVERIFY(handed.count() == 1 || handed.wait(10000));
    QCOMPARE(handed.first().first().toInt(), 1);
    const QList<ForwardRequest> requests = sink.recorded();
    QCOMPARE(requests.size(), 1);
    const ForwardRequest &request = requests.first();
    QCOMPARE(request.eventId, eventId);
    QCOMPARE(request.tenantId, bed.acme);
    QCOMPARE(request.connectionId, bed.generic);
    QCOMPARE(request.targetUrl, QUrl(kTarget));
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.body, body);
    QCOMPARE(request.idempotencyKey, u"inbound-%1-1"_s.arg(eventId));
    QCOMPARE(request.handOver, 1);
    // What postRequest() sent, minus Host, Connection and Content-Length.
    const QList<ReceivedHeader> expectedHeaders{{"X-Signature", hmacSignature(kGeneric, body)},
                                                {"X-Request-Id", "fwd-bytes"},
                                                {"X-Custom", "kept"}};
    QCOMPARE(request.headers, expectedHeaders);

    const InboundEvent event = bed.event(eventId);
    QCOMPARE(event.forwardingState, ForwardingState::Queued);
    QCOMPARE(event.deliveryId, std::optional<qint64>(1));
    QCOMPARE(event.forwardCount, 1);
    QCOMPARE(event.forwardingNote, u"Queued as delivery 1 to %1."_s.arg(kTarget));
    QVERIFY(event.forwardingUpdatedAtMs.has_value());
    // The receiver's backlog (what its 503 limit counts) empties once the store says so.
    bed.receiver().pipeline()->refreshForwardingBacklog();
    QTRY_COMPARE_WITH_TIMEOUT(bed.receiver().pipeline()->forwardingBacklog(), 0, 10000);
}

void TestInboundForwarding::outcomesAndRedelivery()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RecordingSink sink;
    InboundForwarder forwarder(&bed.store(), sink.sink());
    connect(bed.receiver().pipeline(), &InboundPipeline::forwardingPending, &forwarder,
            &InboundForwarder::pump);

    RawHttpClient client(bed.port());
    client.send(genericPost(bed.generic, "{\"a\":1}", "fwd-redeliver"));
    const qint64 eventId = eventIdOf(client.read().value(0));
    QVERIFY(eventId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(bed.event(eventId).forwardingState, ForwardingState::Queued, 10000);

    const auto outcome = [&bed](qint64 deliveryId, bool succeeded, const QString &note) {
        return bed.store().write([=](SqlSession &session) {
            return InboundForwardingRepository::recordOutcome(session, deliveryId, succeeded, note);
        });
    };
    WB_AWAIT_OK(failed, outcome(1, false, u"HTTP 500 after 3 attempts"_s));
    QCOMPARE(*failed, true);
    InboundEvent event = bed.event(eventId);
    QCOMPARE(event.forwardingState, ForwardingState::Failed);
    QCOMPARE(event.forwardingNote, u"HTTP 500 after 3 attempts"_s);

    // Re-delivery: pending, then a new delivery with a new idempotency key and the same bytes.
    WB_AWAIT_OK(requested, forwarder.requestRedelivery(eventId));
    QCOMPARE(requested->forwardingState, ForwardingState::Pending);
    QCOMPARE(requested->forwardingNote, u"Re-delivery to %1 requested."_s.arg(kTarget));
    QTRY_COMPARE_WITH_TIMEOUT(bed.event(eventId).deliveryId, std::optional<qint64>(2), 10000);
    event = bed.event(eventId);
    QCOMPARE(event.forwardingState, ForwardingState::Queued);
    QCOMPARE(event.forwardCount, 2);
    const QList<ForwardRequest> requests = sink.recorded();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).idempotencyKey, u"inbound-%1-2"_s.arg(eventId));
    QCOMPARE(requests.at(1).handOver, 2);
    QCOMPARE(requests.at(1).body, requests.at(0).body);
    QCOMPARE(requests.at(1).headers, requests.at(0).headers);

    // A late outcome of the first delivery changes nothing; the current one is mirrored.
    WB_AWAIT_OK(stale, outcome(1, true, u"late"_s));
    QCOMPARE(*stale, false);
    QCOMPARE(bed.event(eventId).forwardingState, ForwardingState::Queued);
    WB_AWAIT_OK(succeeded, outcome(2, true, u"HTTP 204 after 1 attempt"_s));
    QCOMPARE(*succeeded, true);
    event = bed.event(eventId);
    QCOMPARE(event.forwardingState, ForwardingState::Forwarded);
    QCOMPARE(event.forwardingNote, u"HTTP 204 after 1 attempt"_s);
    // A delivery that was not made for an inbound event.
    WB_AWAIT_OK(foreign, outcome(77, true, u"x"_s));
    QCOMPARE(*foreign, false);
}

void TestInboundForwarding::redeliveryRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown-event")
            << u"unknown"_s << u"store.unknown_inbound_event"_s << u"There is no inbound event"_s;
    QTest::newRow("handshake") << u"handshake"_s << u"inbound.not_forwardable"_s
                               << u"it is a handshake"_s;
    QTest::newRow("failed-verification")
            << u"failed"_s << u"inbound.not_forwardable"_s << u"its signature did not verify"_s;
    QTest::newRow("no-tenant") << u"unmatched"_s << u"inbound.not_forwardable"_s
                               << u"no tenant was resolved"_s;
    QTest::newRow("no-connection") << u"no-connection"_s << u"inbound.not_forwardable"_s
                                   << u"it belongs to no connection"_s;
    QTest::newRow("connection-without-target")
            << u"no-target"_s << u"inbound.not_forwardable"_s << u"has no forward target"_s;
    QTest::newRow("already-pending") << u"pending"_s << u"inbound.forwarding_in_progress"_s
                                     << u"already waiting to be forwarded"_s;
    QTest::newRow("still-queued") << u"queued"_s << u"inbound.forwarding_in_progress"_s
                                  << u"still being delivered (delivery 41)"_s;
}

void TestInboundForwarding::redeliveryRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    InboundEvent event;
    event.receivedAtMs = 1'750'000'000'000;
    event.connectionId = bed.generic;
    event.tenantId = bed.acme;
    event.providerId = u"generic-hmac"_s;
    event.request.method = "POST";
    event.request.body = "{}";
    event.verdict = InboundVerdict::Verified;
    event.verificationReason = u"verified"_s;
    event.identityOutcome = u"matched"_s;
    event.responseStatus = 200;
    if (kind == u"handshake"_s) {
        event.handshake = true;
        event.handshakeKind = u"graph_validation_token"_s;
    } else if (kind == u"failed"_s) {
        event.verdict = InboundVerdict::Failed;
        event.responseStatus = 401;
    } else if (kind == u"unmatched"_s) {
        event.tenantId.reset();
        event.identityOutcome = u"no_mapping"_s;
    } else if (kind == u"no-connection"_s) {
        event.connectionId.reset();
    } else if (kind == u"no-target"_s) {
        event.connectionId = bed.globexGeneric;
        event.tenantId = bed.globex;
    } else if (kind == u"pending"_s) {
        event.forwardingState = ForwardingState::Pending;
    }
    qint64 eventId = insertEvent(bed, event);
    QVERIFY(eventId > 0);
    if (kind == u"queued"_s) {
        WB_AWAIT_OK(queued, bed.store().write([eventId](SqlSession &session) {
            return session.execute(u"UPDATE inbound_events SET forwarding_state = 'queued', "
                                   "delivery_id = 41 WHERE id = ?"_s,
                                   {eventId});
        }));
    }
    if (kind == u"unknown"_s)
        eventId += 1000;
    const InboundEvent before = bed.event(eventId);

    WB_AWAIT(refused, bed.store().write([eventId](SqlSession &session) {
        return InboundForwardingRepository::requestRedelivery(session, eventId);
    }));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, code);
    QVERIFY2(refused.error().message.contains(messagePart), qPrintable(refused.error().message));
    if (kind != u"unknown"_s) {
        QVERIFY2(refused.error().message.contains(QString::number(eventId)),
                 qPrintable(refused.error().message));
    }
    QCOMPARE(bed.event(eventId), before); // nothing changed
}

void TestInboundForwarding::failedHandOverKeepsEventsPending()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RecordingSink sink;
    sink.failing = true;
    InboundForwarder::Settings settings;
    settings.retryIntervalMs = 100;
    InboundForwarder forwarder(&bed.store(), sink.sink(), settings);
    connect(bed.receiver().pipeline(), &InboundPipeline::forwardingPending, &forwarder,
            &InboundForwarder::pump);
    QSignalSpy failures(&forwarder, &InboundForwarder::handOverFailed);
    QSignalSpy handed(&forwarder, &InboundForwarder::handedOver);

    RawHttpClient client(bed.port());
    QList<qint64> ids;
    for (const QByteArray &requestId : {"fail-1"_ba, "fail-2"_ba}) {
        client.send(genericPost(bed.generic, "{}", requestId));
        ids << eventIdOf(client.read().value(0));
    }
    QVERIFY(failures.count() > 0 || failures.wait(10000));
    QCOMPARE(failures.first().first().value<Error>().code, u"dispatch.test_refused"_s);
    // Rolled back: both still pending, no delivery id, nothing counted.
    for (qint64 id : std::as_const(ids)) {
        const InboundEvent event = bed.event(id);
        QCOMPARE(event.forwardingState, ForwardingState::Pending);
        QCOMPARE(event.deliveryId, std::optional<qint64>());
        QCOMPARE(event.forwardCount, 0);
    }
    QCOMPARE(handed.count(), 0);

    // The dispatch engine is back: the retry timer hands both over in one batch.
    sink.failing = false;
    QVERIFY(handed.count() > 0 || handed.wait(10000));
    QCOMPARE(handed.first().first().toInt(), 2);
    for (qint64 id : std::as_const(ids))
        QCOMPARE(bed.event(id).forwardingState, ForwardingState::Queued);
    QCOMPARE(sink.recorded().size(), 2);
}

void TestInboundForwarding::refusedRequestFailsOnlyItsEvent()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RawHttpClient client(bed.port());
    QList<qint64> ids;
    for (const QByteArray &requestId : {"unsendable"_ba, "fine"_ba}) {
        client.send(genericPost(bed.generic, "{}", requestId));
        ids << eventIdOf(client.read().value(0));
    }
    // The engine refuses the first event's request as it is (say, its method); the second goes.
    QMutex mutex;
    QList<qint64> handed;
    const DeliverySink sink = [&](SqlSession &, const ForwardRequest &request) -> Result<qint64> {
        if (request.eventId == ids.at(0))
            return fail(u"dispatch.invalid_delivery"_s,
                        u"The method \"GET\" is not one of POST, PUT, PATCH, DELETE."_s);
        QMutexLocker lock(&mutex);
        handed << request.eventId;
        return 77;
    };
    InboundForwarder forwarder(&bed.store(), sink);
    QSignalSpy handedOver(&forwarder, &InboundForwarder::handedOver);
    forwarder.pump();
    QVERIFY(handedOver.wait(10000));
    QCOMPARE(handedOver.first().first().toInt(), 1);

    const InboundEvent refused = bed.event(ids.at(0));
    QCOMPARE(refused.forwardingState, ForwardingState::Failed);
    QCOMPARE(refused.forwardingNote,
             u"Not forwarded: The method \"GET\" is not one of POST, PUT, PATCH, DELETE."_s);
    QCOMPARE(refused.deliveryId, std::optional<qint64>());
    const InboundEvent queued = bed.event(ids.at(1));
    QCOMPARE(queued.forwardingState, ForwardingState::Queued);
    QCOMPARE(queued.deliveryId, std::optional<qint64>(77));
    QMutexLocker lock(&mutex);
    QCOMPARE(handed, QList<qint64>{ids.at(1)});
}

void TestInboundForwarding::handOverOfOneEventLeavesTheOthers()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RawHttpClient client(bed.port());
    QList<qint64> ids;
    for (const QByteArray &requestId : {"older"_ba, "replayed"_ba}) {
        client.send(genericPost(bed.generic, "{}", requestId));
        ids << eventIdOf(client.read().value(0));
    }
    RecordingSink sink;
    WB_AWAIT_OK(handed, bed.store().write([&sink, id = ids.at(1)](SqlSession &session) {
        return InboundForwardingRepository::handOverPending(session, 100, sink.sink(), id);
    }));
    QCOMPARE(*handed, 1);
    QCOMPARE(sink.recorded().size(), 1);
    QCOMPARE(sink.recorded().first().eventId, ids.at(1));
    QCOMPARE(bed.event(ids.at(0)).forwardingState, ForwardingState::Pending);
    QCOMPARE(bed.event(ids.at(1)).forwardingState, ForwardingState::Queued);
}

void TestInboundForwarding::targetRemovedBeforeHandOver()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RawHttpClient client(bed.port());
    client.send(genericPost(bed.generic, "{}", "target-gone"));
    const qint64 eventId = eventIdOf(client.read().value(0));
    QCOMPARE(bed.event(eventId).forwardingState, ForwardingState::Pending);

    WB_AWAIT_OK(connection, bed.store().connection(bed.generic));
    ConnectionSettings settings = connection->settings;
    settings.forwardTargetUrl = QUrl();
    WB_AWAIT_OK(updated,
                bed.store().updateConnectionSettings(bed.generic, connection->label, settings));

    RecordingSink sink;
    InboundForwarder forwarder(&bed.store(), sink.sink());
    forwarder.pump();
    QTRY_COMPARE_WITH_TIMEOUT(bed.event(eventId).forwardingState, ForwardingState::None, 10000);
    QCOMPARE(bed.event(eventId).forwardingNote,
             u"Not forwarded: connection %1 has no forward target any more."_s.arg(bed.generic));
    QVERIFY(sink.recorded().isEmpty());
}

void TestInboundForwarding::pagesAreStableWhileEventsArrive()
{
    ReceiverTestBed bed;
    bed.start();
    if (QTest::currentTestFailed())
        return;
    // Seven events; three share one received time, so the id breaks the tie.
    const QList<qint64> times{1000, 2000, 3000, 3000, 3000, 4000, 5000};
    QList<qint64> ids;
    for (qint64 time : times) {
        InboundEvent event;
        event.receivedAtMs = time;
        event.connectionId = bed.generic;
        event.providerId = u"generic-hmac"_s;
        event.request.method = "POST";
        event.request.body = "{}";
        event.verdict = InboundVerdict::Verified;
        event.verificationReason = u"verified"_s;
        event.responseStatus = 200;
        ids << insertEvent(bed, event);
        QVERIFY(ids.last() > 0);
    }
    const QList<qint64> newestFirst{ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]};

    const auto page = [&bed](std::optional<InboundEventCursor> after) {
        return bed.store().read([after](SqlSession &session) {
            InboundEventFilter filter;
            filter.limit = 3;
            filter.withBodies = false;
            filter.after = after;
            return InboundEventRepository::list(session, filter);
        });
    };
    QList<qint64> seen;
    WB_AWAIT_OK(first, page(std::nullopt));
    QCOMPARE(first->size(), 3);
    for (const InboundEvent &event : std::as_const(*first)) {
        seen << event.id;
        QVERIFY(event.request.body.isEmpty()); // lists for tables leave the bytes out
        QCOMPARE(event.bodySize, 2);
    }

    // A newer event arrives between two pages: it does not shift the next page.
    InboundEvent newer;
    newer.receivedAtMs = 9000;
    newer.connectionId = bed.generic;
    newer.providerId = u"generic-hmac"_s;
    newer.request.method = "POST";
    newer.verdict = InboundVerdict::Verified;
    newer.verificationReason = u"verified"_s;
    QVERIFY(insertEvent(bed, newer) > 0);

    WB_AWAIT_OK(second, page(InboundEventCursor::after(first->last())));
    QCOMPARE(second->size(), 3);
    for (const InboundEvent &event : std::as_const(*second))
        seen << event.id;
    WB_AWAIT_OK(third, page(InboundEventCursor::after(second->last())));
    QCOMPARE(third->size(), 1);
    seen << third->first().id;
    QCOMPARE(seen, newestFirst);
    WB_AWAIT_OK(beyond, page(InboundEventCursor::after(third->last())));
    QVERIFY(beyond->isEmpty());
}

void TestInboundForwarding::countAndNewestIdFollowTheFilter()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    RawHttpClient client(bed.port());
    client.send(genericPost(bed.generic, "{}", "count-1"));
    QCOMPARE(client.read().value(0).status, 200);
    client.send(postRequest("/hooks/" + QByteArray::number(bed.generic),
                            {{"X-Signature", "sha256=00"}, {"X-Request-Id", "count-2"}}, "{}"));
    QCOMPARE(client.read().value(0).status, 401);
    client.send("GET /hooks/" + QByteArray::number(bed.graph)
                + "?validationToken=abc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const wb::test::HttpAnswer handshake = client.read().value(0);
    QCOMPARE(handshake.status, 200);
    QCOMPARE(handshake.body, "abc"_ba);

    const auto count = [&bed](const InboundEventFilter &filter) {
        return bed.store().read([filter](SqlSession &session) {
            return InboundEventRepository::count(session, filter);
        });
    };
    InboundEventFilter all;
    WB_AWAIT_OK(total, count(all));
    QCOMPARE(*total, 3);
    InboundEventFilter failed;
    failed.verdict = InboundVerdict::Failed;
    WB_AWAIT_OK(failedCount, count(failed));
    QCOMPARE(*failedCount, 1);
    InboundEventFilter handshakes;
    handshakes.handshake = true;
    WB_AWAIT_OK(handshakeCount, count(handshakes));
    QCOMPARE(*handshakeCount, 1);
    InboundEventFilter pending;
    pending.forwardingState = ForwardingState::Pending;
    pending.connectionId = bed.generic;
    WB_AWAIT_OK(pendingCount, count(pending));
    QCOMPARE(*pendingCount, 1);

    WB_AWAIT_OK(newest, bed.store().read([](SqlSession &session) {
        return InboundEventRepository::newestId(session);
    }));
    QCOMPARE(*newest, bed.events().last().id);
}

QTEST_GUILESS_MAIN(TestInboundForwarding)
#include "tst_inboundforwarding.moc"
