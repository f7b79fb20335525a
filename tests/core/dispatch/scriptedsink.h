// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/httpheaders.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace wb::test {

// A webhook receiver for the dispatch tests that plays a script: each request it receives gets
// the next scripted answer (a status with headers and body, a hang, a TCP reset, or a close
// without an answer), and after the script the fallback (204). It records every request with its
// exact bytes, and the connections it saw (QNAM's per-host cap shows in peakConnections()).
//
// A raw QTcpServer on 127.0.0.1 (random port), not QtHttpServer, so that it can hang, reset and
// answer with arbitrary header bytes. HTTP/1.1 with Content-Length bodies and keep-alive, which is
// what QNetworkAccessManager sends. Main thread only.
class ScriptedSink : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        enum class Kind {
            Respond, // send status, headers, body (Content-Length added unless given)
            Hang,    // read the request, never answer, keep the connection open
            Reset,   // answer with a TCP RST (SO_LINGER 0, then close)
            Close,   // close the connection without answering
        };
        Kind kind = Kind::Respond;
        int status = 204;
        wb::core::HttpHeaders headers;
        QByteArray body;

        static Answer respond(int status, wb::core::HttpHeaders headers = {}, QByteArray body = {});
        static Answer hang();
        static Answer reset();
        static Answer close();
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // "/hook?x=1"
        wb::core::HttpHeaders headers;
        QByteArray body;
        int connection = 0; // 1-based index of the TCP connection it came on
    };

    explicit ScriptedSink(QObject *parent = nullptr);
    ~ScriptedSink() override;

    bool listen();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/hook")) const;

    void play(const QList<Answer> &answers) { m_script += answers; }
    void setFallback(const Answer &answer) { m_fallback = answer; }

    const QList<Request> &requests() const { return m_requests; }
    int connectionsAccepted() const { return m_accepted; }
    int openConnections() const { return int(m_buffers.size()); }
    int peakConnections() const { return m_peak; }
    // Answers any hanging requests with `answer` (to end a "hang" without closing the sink).
    void releaseHanging(const Answer &answer);

Q_SIGNALS:
    void requestReceived(int index);

private:
    void accept();
    void readFrom(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Answer &answer);

    struct Connection
    {
        QByteArray buffer;
        int index = 0;
        bool hanging = false;
    };

    QTcpServer m_server;
    QHash<QTcpSocket *, Connection> m_buffers;
    QList<Answer> m_script;
    Answer m_fallback;
    QList<Request> m_requests;
    int m_accepted = 0;
    int m_peak = 0;
};

} // namespace wb::test
