// SPDX-License-Identifier: GPL-3.0-or-later
// Inbound events forwarded end to end through the workspace runtime: the receiver stores a
// verified event, the runtime's forwarder hands it to the dispatch engine, the engine sends the
// original bytes to the connection's forward target over real HTTP, and the event's forwarding
// state follows the delivery's outcome.
#include "core/inbound/flow/inboundpipeline.h"
#include "core/inbound/forwarding/inboundforwarder.h"
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/schedule/scheduler.h"
#include "core/util/randomsource.h"
#include "receivertestbed.h"
#include "scriptedsink.h"
#include "support/futures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::ReceiverTestBed;
using wb::test::ScriptedSink;
using Answer = wb::test::ScriptedSink::Answer;

class TestForwardingFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventReachesTheForwardTargetByteForByte();
};

void TestForwardingFlow::eventReachesTheForwardTargetByteForByte()
{
    ReceiverTestBed bed;
    bed.start({}, /*forwardTarget=*/true);
    if (QTest::currentTestFailed())
        return;
    ScriptedSink target;
    QVERIFY(target.listen());
    target.play({Answer::respond(204)});
    WB_AWAIT_OK(connection, bed.store().connection(bed.generic));
    ConnectionSettings settings = connection->settings;
    settings.forwardTargetUrl = target.url(u"/app/webhooks"_s);
    WB_AWAIT_OK(updated,
                bed.store().updateConnectionSettings(bed.generic, connection->label, settings));
    // The event is stored 'pending' because the connection has a forward target; the hand-over
    // reads the target's URL from the workspace then.

    const ProviderCatalog catalog = ProviderCatalog::load(QString());
    SystemClock clock;
    WorkspaceRuntime runtime(WorkspaceRuntimeServices{&bed.store(), &catalog, &clock,
                                                      SystemRandomSource::instance()});
    QSignalSpy started(&runtime, &WorkspaceRuntime::started);
    runtime.start({});
    QVERIFY(started.wait(10000));
    // The runtime also fires the workspace's schedules into the same engine.
    QVERIFY(runtime.scheduler());
    QVERIFY(runtime.scheduler()->isRunning());
    connect(bed.receiver().pipeline(), &InboundPipeline::forwardingPending, runtime.forwarder(),
            &InboundForwarder::pump);

    // Not UTF-8, an emoji, and fields the target must see unchanged (the sender's own signature
    // fields) or must not (the sender's Idempotency-Key gives way to the delivery's).
    const QByteArray body = "{\"text\":\"caf\xe9 \xf0\x9f\x9a\x80\",\"n\":9007199254740993}";
    const QList<std::pair<QByteArray, QByteArray>>
            headers{{"X-Signature", wb::test::hmacSignature(ReceiverTestBed::genericSecret, body)},
                    {"X-Request-Id", "req-forward-1"},
                    {"Content-Type", "application/json; charset=iso-8859-1"},
                    {"webhook-signature", "v1,c2VuZGVyJ3M="},
                    {"Idempotency-Key", "sender-key-1"}};
    wb::test::RawHttpClient client(bed.port());
    client.send(wb::test::postRequest("/hooks/" + QByteArray::number(bed.generic), headers, body));
    const wb::test::HttpAnswer answer = client.read().value(0);
    QCOMPARE(answer.status, 200);
    const qint64 eventId = QJsonDocument::fromJson(answer.body).object()[u"event_id"_s].toInteger();
    QVERIFY(eventId > 0);

    QTRY_COMPARE_WITH_TIMEOUT(target.requests().size(), 1, 15000);
    const ScriptedSink::Request &sent = target.requests().first();
    QCOMPARE(sent.method, "POST"_ba);
    QCOMPARE(sent.target, "/app/webhooks"_ba);
    QCOMPARE(sent.body, body);
    QCOMPARE(sent.headers.value("X-Signature"),
             wb::test::hmacSignature(ReceiverTestBed::genericSecret, body));
    QCOMPARE(sent.headers.value("X-Request-Id"), "req-forward-1"_ba);
    QCOMPARE(sent.headers.value("Content-Type"), "application/json; charset=iso-8859-1"_ba);
    QCOMPARE(sent.headers.value("webhook-signature"), "v1,c2VuZGVyJ3M="_ba);
    QCOMPARE(sent.headers.value("Idempotency-Key"), u"inbound-%1-1"_s.arg(eventId).toLatin1());
    // The connection's credentials are for the provider's API, never for the forward target.
    QVERIFY(!sent.headers.contains("Authorization"));

    QTRY_COMPARE_WITH_TIMEOUT(bed.event(eventId).forwardingState, ForwardingState::Forwarded, 10000);
    const InboundEvent event = bed.event(eventId);
    QVERIFY(event.deliveryId.has_value());
    QCOMPARE(event.forwardingNote, u"Forwarded (delivery %1)."_s.arg(*event.deliveryId));
    QCOMPARE(event.forwardCount, 1);

    QSignalSpy stopped(&runtime, &WorkspaceRuntime::stopped);
    runtime.stop();
    QVERIFY(stopped.wait(10000));
}

QTEST_GUILESS_MAIN(TestForwardingFlow)
#include "tst_forwardingflow.moc"
