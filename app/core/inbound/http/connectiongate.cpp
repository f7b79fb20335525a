// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/http/connectiongate.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace wb::core {

Q_LOGGING_CATEGORY(lcGate, "wirebench.inbound.gate")

ConnectionGate::ConnectionGate(QTcpSocket *socket, const FramingLimits &limits, QObject *httpServer)
    : QObject(socket)
    , m_socket(socket)
    , m_httpServer(httpServer)
    , m_framer(limits)
{
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGate::beforeServerReads);
}

ConnectionGate::~ConnectionGate() = default;

void ConnectionGate::attachAfterServer()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGate::afterServerRead);
}

ConnectionGate *ConnectionGate::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGate *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGate::beforeServerReads()
{
    if (!m_socket)
        return;
    if (m_draining) {
        drain();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_unreadAfterServer;
    if (fresh <= 0)
        return;
    // peek() reads from the server's current position without moving it: the bytes it has not
    // read yet, of which the last `fresh` ones arrived with this readyRead.
    const QByteArray unread = m_socket->peek(available);
    const QList<RequestFramer::Event> events = m_framer.feed(
            QByteArrayView(unread).sliced(unread.size() - fresh));
    m_unreadAfterServer = available;
    for (const RequestFramer::Event &event : events) {
        switch (event.kind) {
        case RequestFramer::Event::Kind::Head:
            m_exchanges.append(Exchange{m_nextId++, event.head, -1, false, false, std::nullopt});
            break;
        case RequestFramer::Event::Kind::Complete:
            for (Exchange &exchange : m_exchanges) {
                if (exchange.bodyBytes < 0 && !exchange.answer) {
                    exchange.bodyBytes = event.bodyBytes;
                    break;
                }
            }
            break;
        case RequestFramer::Event::Kind::Rejected:
            reject(event.rejection);
            return;
        }
    }
}

void ConnectionGate::afterServerRead()
{
    if (m_socket && !m_draining)
        m_unreadAfterServer = m_socket->bytesAvailable();
}

std::optional<ConnectionGate::Framed> ConnectionGate::takeRequest()
{
    for (Exchange &exchange : m_exchanges) {
        if (!exchange.taken) {
            exchange.taken = true;
            return Framed{exchange.id, exchange.head, exchange.bodyBytes};
        }
    }
    return std::nullopt;
}

void ConnectionGate::respond(quint64 id, const HttpResponse &response, bool close)
{
    if (!m_socket || m_closing)
        return;
    for (Exchange &exchange : m_exchanges) {
        if (exchange.id != id || exchange.answer)
            continue;
        exchange.close = close || !exchange.head.keepAlive;
        exchange.answer = serializeResponse(response, exchange.head.method == "HEAD",
                                            exchange.close);
        writeDueAnswers();
        return;
    }
}

void ConnectionGate::reject(const FramingRejection &rejection)
{
    qCInfo(lcGate) << "refused a request from" << m_socket->peerAddress().toString() << "with"
                   << rejection.status << rejection.code;
    // Cut the server off before it reads any of this request (its slot comes after ours in this
    // same emission, and a slot disconnected during an emission is not called).
    m_draining = true;
    if (m_httpServer)
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction(); // drop what the server kept for a rollback
    // Requests the server has not taken will never be answered (nor acknowledged): drop them so
    // the rejection can be written.
    m_exchanges.removeIf([](const Exchange &exchange) { return !exchange.taken; });
    Exchange refusal;
    refusal.id = m_nextId++;
    refusal.taken = true;
    refusal.close = true;
    refusal.answer = serializeResponse(HttpResponse::error(rejection.status, rejection.code,
                                                           rejection.message),
                                       false, true);
    m_exchanges.append(refusal);
    drain();
    writeDueAnswers();
}

void ConnectionGate::writeDueAnswers()
{
    while (!m_closing && !m_exchanges.isEmpty() && m_exchanges.constFirst().answer) {
        const Exchange exchange = m_exchanges.takeFirst();
        m_socket->write(*exchange.answer);
        if (exchange.close)
            m_closing = true;
    }
    if (m_closing) {
        m_exchanges.clear();
        if (m_draining)
            startLingeringClose();
        else
            m_socket->disconnectFromHost();
        return;
    }
    // QtHttpServer 6.4 stops reading after a complete request and leaves pipelined bytes unread
    // until more bytes arrive: give it a nudge once the earlier answers are out.
    if (m_unreadAfterServer > 0 && m_exchanges.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            if (m_socket && !m_draining && m_socket->bytesAvailable() > 0)
                Q_EMIT m_socket->readyRead();
        });
    }
}

void ConnectionGate::startLingeringClose()
{
    if (m_lingerTimer)
        return;
    m_lingerClock.start();
    m_lingerTimer = new QTimer(this);
    m_lingerTimer->setSingleShot(true);
    connect(m_lingerTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
    m_lingerTimer->start(lingerMs);
    // Once the answer is on the wire, half-close: the client sees the answer and then the end of
    // the stream, while whatever it still sends is read and dropped (RFC 9112 §9.6).
    auto halfClose = [this] {
        if (!m_socket || m_socket->bytesToWrite() > 0)
            return;
#ifdef Q_OS_UNIX
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
        m_socket->disconnectFromHost();
#endif
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, halfClose);
    halfClose();
}

void ConnectionGate::drain()
{
    if (!m_socket)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_drained += m_socket->skip(m_socket->bytesAvailable());
    if (m_drained > lingerBytes)
        m_socket->abort();
}

} // namespace wb::core
