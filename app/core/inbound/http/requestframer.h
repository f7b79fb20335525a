// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace wb::core {

// What the receiver enforces while a request streams in, before QtHttpServer buffers it.
struct FramingLimits
{
    // The body after de-chunking, before any Content-Encoding is undone; 413 above it. Checked
    // against Content-Length as soon as the head has arrived, and against the running total of a
    // chunked body as its chunks arrive.
    qint64 maxBodyBytes = 25 * 1024 * 1024;
    // Request line plus header section; 431 above it.
    int maxHeadBytes = 64 * 1024;
    // QtHttpServer 6.4 (QHttpHeaderParser) keeps at most 100 fields of at most 8 KiB each and,
    // above either, silently drops every header of the request: refusing here (431) keeps the two
    // parsers in agreement.
    int maxHeaderFields = 100;
    int maxFieldBytes = 8 * 1024 - 2;
};

// A request's head exactly as received: what the receiver stores. Header names keep their case and
// order; values lose only the optional white space around them (RFC 9112 §5, RFC 9110 §5.5).
struct RequestHead
{
    enum class Encoding { Identity, Gzip };

    QByteArray method;  // "POST"
    QByteArray target;  // the request-target as sent, query included ("/hooks/7?a=%41")
    QByteArray version; // "HTTP/1.1"
    QList<ReceivedHeader> headers;
    qint64 contentLength = 0; // the body length for a Content-Length body; 0 for chunked/none
    bool chunked = false;     // Transfer-Encoding: chunked
    bool keepAlive = true;    // false after "Connection: close" or for HTTP/1.0 without keep-alive
    Encoding contentEncoding = Encoding::Identity;
    qsizetype headBytes = 0; // bytes of the request line and header section, line ends included
};

// Why a request is refused before it is handed on, as an HTTP answer. The connection is closed
// after the answer: the rest of the stream cannot be framed reliably.
struct FramingRejection
{
    int status = 400;
    QString code;    // stable: "request.body_too_large", "request.ambiguous_length", …
    QString message; // for people: names the header and the value (never a body byte)
};

// Frames HTTP/1.1 requests (RFC 9112) in a byte stream, incrementally, without keeping bodies:
// it reports each request's head as soon as it is complete (so limits are checked before the body
// is read) and the end of each body. Strict where QtHttpServer 6.4 is lax or wrong, so that a
// request it accepts is framed the same way by QtHttpServer:
//  - Content-Length together with Transfer-Encoding: 400 (RFC 9112 §6.1 allows treating it as an
//    error; QtHttpServer silently prefers Transfer-Encoding — request smuggling);
//  - a Transfer-Encoding other than exactly "chunked": 501 (RFC 9112 §6.1);
//  - Content-Length that is not one run of digits, or several different ones: 400 (§6.3);
//  - Content-Encoding other than gzip / x-gzip / identity: 415 (RFC 9110 §15.5.16);
//  - a body above FramingLimits::maxBodyBytes: 413 (for a chunked body, when the running total
//    passes it);
//  - obs-fold, white space before the colon, a bare CR or NUL in a field, no Host or several
//    Host fields in HTTP/1.1: 400 (RFC 9112 §5.1, §5.2, §3.2);
//  - chunk extensions are accepted and ignored; trailer fields are refused (400): QtHttpServer
//    6.4 reads only CRLF after the last chunk and would take the trailers for the next request;
//  - a bare LF ends a line in the head (QtHttpServer accepts it too), chunk framing needs CRLF.
//  - "Upgrade: websocket" is refused (400): QtHttpServer would take the socket over.
// Pure: no I/O, no Qt objects. Not thread-safe; one framer per connection.
class RequestFramer final
{
public:
    struct Event
    {
        enum class Kind {
            Head,     // `head` is complete and acceptable: its body (if any) follows
            Complete, // the body of the last reported head ended; `bodyBytes` de-chunked bytes
            Rejected, // `rejection`; nothing after it is framed
        };
        Kind kind = Kind::Head;
        RequestHead head;
        qint64 bodyBytes = 0;
        FramingRejection rejection;
    };

    explicit RequestFramer(FramingLimits limits = {});

    // Consumes `bytes` (the next bytes of the stream) and returns what they completed, in order.
    // After a Rejected event every further call returns nothing.
    QList<Event> feed(QByteArrayView bytes);

    bool rejected() const { return m_state == State::Rejected; }
    // True between requests (nothing of a next request received yet).
    bool idle() const { return m_state == State::RequestLine && m_line.isEmpty(); }
    const FramingLimits &limits() const { return m_limits; }

private:
    enum class State {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Rejected
    };

    // Appends to m_line up to and including the next LF; true when the line is complete.
    bool takeLine(QByteArrayView bytes, qsizetype &pos, qsizetype maxLength, bool &tooLong);
    void reject(QList<Event> &events, int status, const QString &code, const QString &message);
    bool parseRequestLine(QList<Event> &events, QByteArrayView line);
    bool parseHeaderLine(QList<Event> &events, QByteArrayView line);
    void finishHead(QList<Event> &events);
    bool parseChunkSize(QList<Event> &events, QByteArrayView line);
    void complete(QList<Event> &events);

    FramingLimits m_limits;
    State m_state = State::RequestLine;
    QByteArray m_line;
    RequestHead m_head;
    qint64 m_remaining = 0; // Body / ChunkData: bytes still to come
    qint64 m_bodyBytes = 0; // de-chunked bytes of the current body so far
};

} // namespace wb::core
