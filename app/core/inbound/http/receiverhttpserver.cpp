// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/http/receiverhttpserver.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace wb::core {

Q_LOGGING_CATEGORY(lcReceiverHttp, "wirebench.inbound.http")

namespace {

// Hands accepted sockets to QtHttpServer with a ConnectionGate in front (see connectiongate.h).
class GatedTcpServer final : public QTcpServer
{
public:
    GatedTcpServer(const FramingLimits &limits, QAbstractHttpServer *httpServer)
        : m_limits(limits)
        , m_httpServer(httpServer)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            qCWarning(lcReceiverHttp)
                    << "cannot take an accepted connection:" << socket->errorString();
            delete socket;
            return;
        }
        auto *gate = new ConnectionGate(socket, m_limits, m_httpServer);
        // QAbstractHttpServer takes the socket (nextPendingConnection) and connects its readyRead
        // slot from inside pendingConnectionAvailable, emitted synchronously here.
        addPendingConnection(socket);
        gate->attachAfterServer();
    }

private:
    FramingLimits m_limits;
    QAbstractHttpServer *m_httpServer;
};

} // namespace

void ReplyHandle::send(const HttpResponse &response, bool close) const
{
    if (m_gate)
        m_gate->respond(m_id, response, close);
}

ReceiverHttpServer::ReceiverHttpServer(FramingLimits limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_limits(limits)
{}

ReceiverHttpServer::~ReceiverHttpServer() = default;

Result<quint16> ReceiverHttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *server = new GatedTcpServer(m_limits, this);
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        const bool inUse = server->serverError() == QAbstractSocket::AddressInUseError;
        delete server;
        if (inUse) {
            return fail(u"receiver.address_in_use"_s,
                        QCoreApplication::translate("wb::core::Receiver",
                                                    "Cannot listen on %1 port %2: another program "
                                                    "uses it (perhaps another Wirebench).")
                                .arg(address.toString())
                                .arg(port));
        }
        return fail(u"receiver.listen_failed"_s,
                    QCoreApplication::translate("wb::core::Receiver",
                                                "Cannot listen on %1 port %2: %3")
                            .arg(address.toString())
                            .arg(port)
                            .arg(reason));
    }
    bind(server);
    return server->serverPort();
}

void ReceiverHttpServer::closeAll()
{
    const auto tcpServers = servers();
    for (QTcpServer *server : tcpServers) {
        server->close();
        server->deleteLater();
    }
}

bool ReceiverHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGate *gate = ConnectionGate::of(socket);
    if (!gate) {
        // Not one of our sockets: cannot happen with GatedTcpServer; refuse rather than guess.
        socket->disconnectFromHost();
        return true;
    }
    const std::optional<ConnectionGate::Framed> framed = gate->takeRequest();
    const QByteArray body = request.body();
    if (!framed || framed->bodyBytes != body.size()) {
        // The gate and QtHttpServer disagree on where this request ends: nothing after it can be
        // trusted. Refuse it and close (never store a request whose bytes are in doubt).
        qCWarning(lcReceiverHttp) << "framing disagreement: gate counted"
                                  << (framed ? framed->bodyBytes : -2) << "body bytes, server"
                                  << body.size();
        if (framed) {
            gate->respond(framed->id,
                          HttpResponse::error(400, u"request.framing"_s,
                                              u"The request's body could not be framed "
                                              "unambiguously."_s),
                          true);
        } else {
            socket->disconnectFromHost();
        }
        return true;
    }
    if (!m_handler) {
        gate->respond(framed->id, HttpResponse::error(503, u"receiver.not_ready"_s,
                                                      u"The receiver is starting."_s));
        return true;
    }
    m_handler(HttpExchange{framed->head, body, request.remoteAddress()},
              ReplyHandle(gate, framed->id));
    return true;
}

void ReceiverHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() answers every request.
}

} // namespace wb::core
