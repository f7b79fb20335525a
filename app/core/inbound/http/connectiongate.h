// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/http/httpresponse.h"
#include "core/inbound/http/requestframer.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QTcpSocket;
class QTimer;

namespace wb::core {

// Sits on one accepted connection in front of QtHttpServer, which in 6.4 buffers a whole body in
// memory, with no limit, before a handler runs (and prefers Transfer-Encoding over Content-Length
// without a word). The gate sees every byte before the server reads it:
//
//   readyRead → [gate: frame the new bytes] → [QtHttpServer: parse] → [gate: note what is unread]
//
// (slots run in connection order; the gate connects its first slot before handing the socket to
// the server and its second one after). The new bytes of each readyRead are the socket's unread
// bytes minus those the server left unread last time (pipelined requests), read with peek(), so
// the server's stream is untouched. Heads that pass the limits (RequestFramer) are queued for the
// server's handleRequest(); a rejected request gets its error answer, the server is cut off from
// the socket, and the connection is closed after a bounded lingering drain (so the client reads
// the answer instead of a reset).
//
// Answers leave in request order whatever order they are given in (HTTP/1.1 pipelining).
//
// Thread: the socket's thread (the receiver's). A child of the socket: dies with it.
class ConnectionGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGate)

public:
    // One framed request, as handed to the server's handler.
    struct Framed
    {
        quint64 id = 0;
        RequestHead head;
        qint64 bodyBytes = -1; // de-chunked body bytes the gate counted; -1 while still arriving
    };

    // Attaches a gate to `socket` (a fresh, connected socket not yet given to the server) and
    // connects its first readyRead slot. Call attachAfterServer() once the server took the socket.
    ConnectionGate(QTcpSocket *socket, const FramingLimits &limits, QObject *httpServer);
    ~ConnectionGate() override;

    void attachAfterServer();

    // The gate of `socket`, or nullptr.
    static ConnectionGate *of(QTcpSocket *socket);

    // The oldest framed request not yet taken (the one QtHttpServer just completed).
    std::optional<Framed> takeRequest();
    // Queues the answer to request `id` and writes every answer that is due. `close`: close the
    // connection after this answer (also done when the request asked for it).
    void respond(quint64 id, const HttpResponse &response, bool close = false);

    // How long a rejected connection is drained at most, and how many bytes.
    static constexpr int lingerMs = 5000;
    static constexpr qint64 lingerBytes = 64LL * 1024 * 1024;

private:
    struct Exchange
    {
        quint64 id = 0;
        RequestHead head;
        qint64 bodyBytes = -1;
        bool taken = false;
        bool close = false;
        std::optional<QByteArray> answer;
    };

    void beforeServerReads();
    void afterServerRead();
    void reject(const FramingRejection &rejection);
    void writeDueAnswers();
    void startLingeringClose();
    void drain();

    QPointer<QTcpSocket> m_socket;
    QPointer<QObject> m_httpServer;
    RequestFramer m_framer;
    QList<Exchange> m_exchanges;
    quint64 m_nextId = 1;
    qint64 m_unreadAfterServer = 0;
    bool m_closing = false;  // no more answers after the one marked `close`
    bool m_draining = false; // rejected: the server is cut off; bytes are read and dropped
    qint64 m_drained = 0;
    QElapsedTimer m_lingerClock;
    QTimer *m_lingerTimer = nullptr;
};

} // namespace wb::core
