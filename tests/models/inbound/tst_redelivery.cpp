// SPDX-License-Identifier: GPL-3.0-or-later
// Re-delivery of an inbound request to a URL typed in, through the real dispatch engine, to a sink
// that records the exact bytes it got; and re-delivery to the forward target's refusals.
#include "core/inbound/events/inboundeventrepository.h"
#include "dispatchharness.h"
#include "models/inbound/redelivery.h"
#include "support/futures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;

namespace {

core::RawRequest receivedRequest()
{
    core::RawRequest request;
    request.method = "POST"_ba;
    request.url = "http://127.0.0.1:8480/hooks/1"_ba;
    request.headers = {
            {"Host"_ba, "127.0.0.1:8480"_ba},
            {"Content-Type"_ba, "application/json; charset=utf-8"_ba},
            {"Content-Length"_ba, "61"_ba},
            {"X-GitHub-Event"_ba, "push"_ba},
            {"X-Hub-Signature-256"_ba,
             "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"_ba},
            {"Connection"_ba, "keep-alive, X-Hop"_ba},
            {"X-Hop"_ba, "dropped: named in Connection"_ba},
            {"webhook-id"_ba, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_ba},
            {"X-Custom"_ba, "  spaced value\t"_ba},
    };
    // Bytes a JSON round trip would change: a big id, an escaped slash, a trailing zero, invalid
    // UTF-8 inside a string, a NUL after the document.
    request.body
            = QByteArray("{\"id\":9007199254740993,\"u\":\"a\\/b\",\"x\":1.50,\"s\":\"\xff\"}\n\0",
                         53);
    return request;
}

} // namespace

class TestRedelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planLeavesOutHopByHopFields();
    void planRefusesBadUrls_data();
    void planRefusesBadUrls();
    void byteExactThroughTheDispatchEngine();
    void forwardTargetRefusals();
};

void TestRedelivery::planLeavesOutHopByHopFields()
{
    const auto plan = models::planRedelivery(receivedRequest(),
                                             QUrl(u"https://receiver.example/in"_s));
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QCOMPARE(plan->leftOut,
             (QStringList{u"Host"_s, u"Content-Length"_s, u"Connection"_s, u"X-Hop"_s}));
    const QList<core::RawHeader>
            expected{{"Content-Type"_ba, "application/json; charset=utf-8"_ba},
                     {"X-GitHub-Event"_ba, "push"_ba},
                     {"X-Hub-Signature-256"_ba,
                      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"_ba},
                     {"webhook-id"_ba, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_ba},
                     {"X-Custom"_ba, "  spaced value\t"_ba}};
    QCOMPARE(plan->delivery.headers.fields(), expected);
    QCOMPARE(plan->delivery.body, receivedRequest().body);
    QCOMPARE(plan->delivery.method, "POST"_ba);
    QVERIFY(!plan->delivery.connectionId);
}

void TestRedelivery::planRefusesBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("relative") << u"/hooks/1"_s << "POST"_ba;
    QTest::newRow("ftp") << u"ftp://example.com/x"_s << "POST"_ba;
    QTest::newRow("no-host") << u"https://"_s << "POST"_ba;
    QTest::newRow("get-is-not-a-delivery") << u"https://example.com/x"_s << "GET"_ba;
}

void TestRedelivery::planRefusesBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, method);
    core::RawRequest request = receivedRequest();
    request.method = method;
    const auto plan = models::planRedelivery(request, QUrl(url));
    QVERIFY(!plan);
    QCOMPARE(plan.error().code, u"dispatch.invalid_delivery"_s);
}

void TestRedelivery::byteExactThroughTheDispatchEngine()
{
    test::DispatchHarness h(1'750'000'000'000);
    QVERIFY2(h.open(), qPrintable(h.error));
    QVERIFY2(h.startDispatcher(), qPrintable(h.error));
    const core::RawRequest request = receivedRequest();
    const auto plan = models::planRedelivery(request, h.sink.url(u"/in?src=wirebench"_s));
    QVERIFY(plan);
    WB_AWAIT_OK(queued, models::enqueueRedelivery(*h.store, *plan));
    QCOMPARE(queued->state, core::DeliveryState::Pending);
    QVERIFY(queued->idempotencyKey.startsWith(u"redeliver-"_s));
    h.dispatcher->wake();
    QTRY_COMPARE_WITH_TIMEOUT(h.sink.requests().size(), 1, 10'000);
    const test::ScriptedSink::Request &got = h.sink.requests().at(0);
    QCOMPARE(got.method, "POST"_ba);
    QCOMPARE(got.target, "/in?src=wirebench"_ba);
    QCOMPARE(got.body, request.body); // every byte, the NUL and the 0xFF included
    for (const core::RawHeader &field : plan->delivery.headers.fields()) {
        // OWS around a value is not part of it (RFC 9110 §5.5): compare trimmed values.
        QCOMPARE(got.headers.value(field.first), field.second.trimmed());
    }
    QCOMPARE(got.headers.value("Content-Length"), QByteArray::number(request.body.size()));
    QVERIFY(!got.headers.contains("X-Hop"));
    QCOMPARE(got.headers.value("webhook-id"), "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_ba);
    QCOMPARE(got.headers.value("Idempotency-Key"), queued->idempotencyKey.toLatin1());
    QTRY_COMPARE_WITH_TIMEOUT(h.reload(queued->id)->state, core::DeliveryState::Succeeded, 10'000);
}

void TestRedelivery::forwardTargetRefusals()
{
    test::DispatchHarness h(1'750'000'000'000);
    QVERIFY2(h.open(), qPrintable(h.error));
    core::InboundEvent failed;
    failed.receivedAtMs = h.clock.nowMs();
    failed.providerId = u"github"_s;
    failed.request = receivedRequest();
    failed.bodySize = failed.request.body.size();
    failed.verdict = core::InboundVerdict::Failed;
    failed.verificationReason = u"signature_mismatch"_s;
    failed.responseStatus = 401;
    WB_AWAIT_OK(stored, h.store->write([failed](core::SqlSession &session) {
        return core::InboundEventRepository::insert(session, failed, u"provider:github"_s);
    }));
    WB_AWAIT(refused, models::requestForwardRedelivery(*h.store, stored->eventId));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, u"inbound.not_forwardable"_s);
    WB_AWAIT(unknown, models::requestForwardRedelivery(*h.store, 999));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, u"store.unknown_inbound_event"_s);
}

QTEST_GUILESS_MAIN(TestRedelivery)
#include "tst_redelivery.moc"
