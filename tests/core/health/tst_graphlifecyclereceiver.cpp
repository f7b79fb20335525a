// SPDX-License-Identifier: GPL-3.0-or-later
// Microsoft Graph lifecycle notifications at the real receiver, for a Graph connection: the
// lifecycleNotificationUrl's validation handshake (the same validationToken echo as the
// notificationUrl's), then the documented notifications (tests/fixtures/health), stored with
// their lifecycleEvent as the event type and read back as the health model's notices.
#include "receivertestbed.h"

#include "core/health/lifecyclenotices.h"

#include "support/futures.h"
#include "support/testenv.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using wb::test::postRequest;
using wb::test::RawHttpClient;

class TestGraphLifecycleReceiver : public QObject
{
    Q_OBJECT

private:
    wb::test::ReceiverTestBed m_bed;

private slots:
    void initTestCase() { m_bed.start(); }

    void lifecycleUrlValidationHandshake()
    {
        // learn.microsoft.com/graph/change-notifications-delivery-webhooks, notificationUrl
        // validation: "you must validate both endpoints".
        RawHttpClient client(m_bed.port());
        client.send("POST /hooks/" + QByteArray::number(m_bed.graph)
                    + "?validationToken=Validation%3A%20Testing%20client%20application HTTP/1.1\r\n"
                      "Host: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
                      "Content-Length: 0\r\n\r\n");
        const QList<wb::test::HttpAnswer> answers = client.read();
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().status, 200);
        QCOMPARE(answers.first().body, "Validation: Testing client application"_ba);
        const InboundEvent event = m_bed.events().constLast();
        QVERIFY(event.handshake);
        QCOMPARE(event.handshakeKind, u"graph_validation_token"_s);
    }

    void notificationsAreStoredAndRead_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("eventType");
        QTest::addColumn<QStringList>("events");
        QTest::newRow("reauthorization-required")
                << u"reauthorization-required"_s << u"reauthorizationRequired"_s
                << QStringList{u"reauthorizationRequired"_s};
        QTest::newRow("subscription-removed")
                << u"subscription-removed"_s << u"subscriptionRemoved"_s
                << QStringList{u"subscriptionRemoved"_s};
        QTest::newRow("missed") << u"missed"_s << u"missed"_s << QStringList{u"missed"_s};
        QTest::newRow("batch") << u"batch"_s << u"missed"_s
                               << QStringList{u"missed"_s, u"reauthorizationRequired"_s};
    }

    void notificationsAreStoredAndRead()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, eventType);
        QFETCH(QStringList, events);
        const QByteArray body = wb::test::readFixture(u"health/graph-lifecycle-"_s + fixture
                                                      + u".json"_s);
        RawHttpClient client(m_bed.port());
        client.send(postRequest("/hooks/" + QByteArray::number(m_bed.graph),
                                {{"Content-Type", "application/json; charset=utf-8"}}, body));
        const QList<wb::test::HttpAnswer> answers = client.read();
        QCOMPARE(answers.size(), 1);
        QVERIFY2(answers.first().status >= 200 && answers.first().status <= 299,
                 answers.first().body.constData());

        const InboundEvent event = m_bed.events().constLast();
        QVERIFY(!event.handshake);
        QCOMPARE(event.connectionId, std::optional<qint64>(m_bed.graph));
        QCOMPARE(event.eventType, eventType);
        QCOMPARE(event.request.body, body);
        QVERIFY(event.verdict != InboundVerdict::Failed);

        WB_AWAIT(read, m_bed.store().read([graph = m_bed.graph](SqlSession &session) {
            return LifecycleNotices::read(session, graph);
        }));
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
        QVERIFY(read->size() >= events.size());
        QStringList newest;
        for (qsizetype i = 0; i < events.size(); ++i) {
            newest << read->at(i).event;
            QCOMPARE(read->at(i).receivedAtMs, event.receivedAtMs);
        }
        QCOMPARE(newest, events);
        QCOMPARE(read->first().subscriptionId, u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s);
    }
};

QTEST_GUILESS_MAIN(TestGraphLifecycleReceiver)
#include "tst_graphlifecyclereceiver.moc"
