// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/http/connectiongate.h"
#include "core/inbound/http/httpresponse.h"
#include "core/inbound/http/requestframer.h"
#include "core/util/result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>

#include <functional>

namespace wb::core {

// One complete request as the receiver's flow sees it: the head exactly as received (from the
// gate) and the de-chunked body (from QtHttpServer, never decoded to text).
struct HttpExchange
{
    RequestHead head;
    QByteArray body;
    QHostAddress peer;
};

// How a handler answers an exchange, now or later (after the store committed). Copyable; answering
// twice, or after the client went away, does nothing.
class ReplyHandle final
{
public:
    ReplyHandle() = default;
    ReplyHandle(ConnectionGate *gate, quint64 id)
        : m_gate(gate)
        , m_id(id)
    {}
    // `close`: close the connection after this answer.
    void send(const HttpResponse &response, bool close = false) const;
    // False once the client's connection is gone.
    bool connected() const { return !m_gate.isNull(); }

private:
    QPointer<ConnectionGate> m_gate;
    quint64 m_id = 0;
};

// QtHttpServer (QAbstractHttpServer) with a ConnectionGate in front of every connection: limits
// are enforced while the request streams in, and each complete request goes to one handler with
// its raw head. Answers are written by the gate (in request order), not by QHttpServerResponder,
// so they can be given after an asynchronous store write without keeping the server's request
// object alive.
//
// Thread: the thread that created it (the main loop); the handler is called there.
class ReceiverHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverHttpServer)

public:
    using Handler = std::function<void(const HttpExchange &, const ReplyHandle &)>;

    explicit ReceiverHttpServer(FramingLimits limits, QObject *parent = nullptr);
    ~ReceiverHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const FramingLimits &limits() const { return m_limits; }

    // Listens on `address`:`port` (0: a free port) and returns the port. Errors:
    // `receiver.address_in_use` (another program listens there), `receiver.listen_failed`
    // naming the address, port and the system's reason.
    Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    void closeAll();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    FramingLimits m_limits;
    Handler m_handler;
};

} // namespace wb::core
