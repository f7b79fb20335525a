// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedsink.h"

#include <QTcpSocket>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace wb::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 410:
        return "Gone";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

ScriptedSink::Answer ScriptedSink::Answer::respond(int status, wb::core::HttpHeaders headers,
                                                   QByteArray body)
{
    Answer answer;
    answer.status = status;
    answer.headers = std::move(headers);
    answer.body = std::move(body);
    return answer;
}

ScriptedSink::Answer ScriptedSink::Answer::hang()
{
    Answer answer;
    answer.kind = Kind::Hang;
    return answer;
}

ScriptedSink::Answer ScriptedSink::Answer::reset()
{
    Answer answer;
    answer.kind = Kind::Reset;
    return answer;
}

ScriptedSink::Answer ScriptedSink::Answer::close()
{
    Answer answer;
    answer.kind = Kind::Close;
    return answer;
}

ScriptedSink::ScriptedSink(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedSink::accept);
}

ScriptedSink::~ScriptedSink()
{
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

bool ScriptedSink::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedSink::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

void ScriptedSink::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(nullptr);
        m_buffers.insert(socket, Connection{{}, ++m_accepted, false});
        m_peak = qMax(m_peak, int(m_buffers.size()));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void ScriptedSink::readFrom(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it->buffer += socket->readAll();
    while (!it->hanging) {
        const qsizetype headerEnd = it->buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = it->buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append(name, value);
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        const qsizetype total = headerEnd + 4 + contentLength;
        if (it->buffer.size() < total)
            return;
        request.body = it->buffer.mid(headerEnd + 4, contentLength);
        it->buffer.remove(0, total);
        request.connection = it->index;
        m_requests.append(request);

        const Answer next = m_script.isEmpty() ? m_fallback : m_script.takeFirst();
        if (next.kind == Answer::Kind::Hang)
            it->hanging = true;
        emit requestReceived(int(m_requests.size() - 1));
        if (next.kind != Answer::Kind::Hang) {
            answer(socket, next);
            if (next.kind != Answer::Kind::Respond)
                return; // the socket is gone
            it = m_buffers.find(socket);
            if (it == m_buffers.end())
                return;
        }
    }
}

void ScriptedSink::answer(QTcpSocket *socket, const Answer &answer)
{
    switch (answer.kind) {
    case Answer::Kind::Hang:
        return;
    case Answer::Kind::Reset: {
        const linger lingerOff{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lingerOff,
                     sizeof lingerOff);
        m_buffers.remove(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        return;
    }
    case Answer::Kind::Close:
        m_buffers.remove(socket);
        socket->disconnect(this);
        socket->disconnectFromHost();
        socket->deleteLater();
        return;
    case Answer::Kind::Respond:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) + ' '
                     + reasonPhrase(answer.status) + "\r\n";
    for (const auto &[name, value] : answer.headers.fields())
        out += name + ": " + value + "\r\n";
    if (!answer.headers.contains("Content-Length"))
        out += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    out += "\r\n" + answer.body;
    socket->write(out);
}

void ScriptedSink::releaseHanging(const Answer &reply)
{
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        auto it = m_buffers.find(socket);
        if (it == m_buffers.end() || !it->hanging)
            continue;
        it->hanging = false;
        answer(socket, reply);
        if (reply.kind == Answer::Kind::Respond)
            readFrom(socket);
    }
}

} // namespace wb::test
