// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing acknowledged is lost: `wirebench-cli serve` (a child process) receives webhooks from this
// process over 16 keep-alive connections and is killed with SIGKILL mid-stream; afterwards every
// request that was answered 2xx is in the workspace, byte for byte, under the event id the answer
// named.
#include "core/inbound/events/inboundeventrepository.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "support/futures.h"
#include "support/testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

// One keep-alive connection that sends Salesforce-style outbound messages one after the other and
// records each acknowledged one.
class LoadClient final : public QObject
{
public:
    LoadClient(int index, quint16 port, qint64 connectionId, QHash<QByteArray, qint64> &acked)
        : m_index(index)
        , m_connectionId(connectionId)
        , m_acked(acked)
    {
        connect(&m_socket, &QTcpSocket::connected, this, &LoadClient::sendNext);
        connect(&m_socket, &QTcpSocket::readyRead, this, &LoadClient::readAnswers);
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }

    static QByteArray bodyFor(const QByteArray &marker)
    {
        // Unsigned profile (Salesforce Outbound Messaging): the event id is the <Id> element.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><notifications><OrganizationId>"
               "00D000000000001</OrganizationId><Notification><Id>"
               + marker + "</Id><sObject>caf\xc3\xa9 \xf0\x9f\x9a\x80 " + marker
               + "</sObject></Notification></notifications>";
    }

private:
    void sendNext()
    {
        m_marker = "load-" + QByteArray::number(m_index) + '-' + QByteArray::number(m_sent++);
        const QByteArray body = bodyFor(m_marker);
        m_socket.write("POST /hooks/" + QByteArray::number(m_connectionId)
                       + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                         "Content-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    void readAnswers()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = m_buffer.left(headEnd);
        const qsizetype lengthAt = head.toLower().indexOf("content-length:");
        const qsizetype length = head.mid(lengthAt + 15,
                                          head.indexOf('\r', lengthAt) - lengthAt - 15)
                                         .trimmed()
                                         .toLongLong();
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        if (head.startsWith("HTTP/1.1 2")) {
            m_acked.insert(m_marker,
                           QJsonDocument::fromJson(body).object()[u"event_id"_s].toInteger());
        }
        sendNext();
    }

    int m_index;
    qint64 m_connectionId;
    QHash<QByteArray, qint64> &m_acked;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_marker;
    int m_sent = 0;
};

} // namespace

class TestReceiverDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedEventsSurviveKill9_data();
    void acknowledgedEventsSurviveKill9();
};

void TestReceiverDurability::acknowledgedEventsSurviveKill9_data()
{
    QTest::addColumn<int>("killAfterAcks");
    QTest::newRow("killed-after-1-ack") << 1;
    QTest::newRow("killed-after-400-acks") << 400;
}

void TestReceiverDurability::acknowledgedEventsSurviveKill9()
{
    QFETCH(int, killAfterAcks);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = dir.filePath(u"workspace.sqlite"_s);
    SystemClock clock;
    qint64 connectionId = 0;
    {
        auto opened = openWorkspace(workspace, StoreServices{&clock});
        QVERIFY(opened);
        Tenant tenant;
        tenant.displayName = u"Acme"_s;
        WB_AWAIT_OK(added, (*opened)->addTenant(tenant));
        Connection connection;
        connection.tenantId = added->id;
        connection.providerId = u"salesforce"_s;
        WB_AWAIT_OK(connected, (*opened)->addConnection(connection));
        connectionId = connected->id;
    }

    QProcess serve;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    serve.setProcessEnvironment(environment);
    serve.start(wb::test::cliPath(),
                {u"--workspace"_s, workspace, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(serve.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(serve.readLine()).trimmed());
    QVERIFY2(base.port() > 0, qPrintable(base.toString()));

    QHash<QByteArray, qint64> acked;
    std::vector<std::unique_ptr<LoadClient>> clients;
    for (int i = 0; i < 16; ++i)
        clients.push_back(
                std::make_unique<LoadClient>(i, quint16(base.port()), connectionId, acked));
    QTRY_VERIFY_WITH_TIMEOUT(acked.size() >= killAfterAcks, 60000);
    // Killed while the 16 connections still have requests in flight.
    ::kill(pid_t(serve.processId()), SIGKILL);
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::CrashExit);
    clients.clear();
    const QHash<QByteArray, qint64> acknowledged = acked;

    auto reopened = openWorkspace(workspace, StoreServices{&clock});
    QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
    WB_AWAIT_OK(events, (*reopened)->read([](SqlSession &session) {
        InboundEventFilter filter;
        filter.limit = 1000000;
        return InboundEventRepository::list(session, filter);
    }));
    QHash<qint64, InboundEvent> byId;
    for (const InboundEvent &event : *events)
        byId.insert(event.id, event);
    QStringList lost;
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        const InboundEvent event = byId.value(it.value());
        if (event.id == 0 || event.providerEventId != QString::fromLatin1(it.key())
            || event.request.body != LoadClient::bodyFor(it.key()))
            lost << QString::fromLatin1(it.key());
    }
    QVERIFY2(lost.isEmpty(), qPrintable(u"acknowledged but not stored: "_s + lost.join(u", "_s)));
    QVERIFY(acknowledged.size() >= killAfterAcks);
    qInfo() << acknowledged.size() << "acknowledged," << byId.size() << "stored";
}

QTEST_GUILESS_MAIN(TestReceiverDurability)
#include "tst_receiverdurability.moc"
