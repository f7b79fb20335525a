// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/http/requestframer.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr qsizetype kMaxChunkSizeLine = 1024;

// tchar (RFC 9110 §5.6.2).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

QByteArrayView trimOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

QByteArrayView chopCr(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// The comma-separated members of every field called `name`, trimmed and lower-cased.
QList<QByteArray> listMembers(const QList<ReceivedHeader> &headers, QByteArrayView name, int *fields)
{
    QList<QByteArray> members;
    int count = 0;
    for (const ReceivedHeader &header : headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        ++count;
        for (const QByteArray &member : header.value.split(',')) {
            const QByteArrayView trimmed = trimOws(member);
            if (!trimmed.isEmpty())
                members << trimmed.toByteArray().toLower();
        }
    }
    if (fields)
        *fields = count;
    return members;
}

QString quoted(QByteArrayView bytes)
{
    return u"\"%1\""_s.arg(QString::fromLatin1(printablePrefix(bytes, 80)));
}

} // namespace

RequestFramer::RequestFramer(FramingLimits limits)
    : m_limits(limits)
{}

bool RequestFramer::takeLine(QByteArrayView bytes, qsizetype &pos, qsizetype maxLength,
                             bool &tooLong)
{
    tooLong = false;
    const qsizetype newline = bytes.indexOf('\n', pos);
    const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
    if (m_line.size() + (end - pos) > maxLength) {
        tooLong = true;
        return false;
    }
    m_line.append(bytes.sliced(pos, end - pos));
    pos = end;
    return newline >= 0;
}

void RequestFramer::reject(QList<Event> &events, int status, const QString &code,
                           const QString &message)
{
    Event event;
    event.kind = Event::Kind::Rejected;
    event.rejection = FramingRejection{status, code, message};
    events << event;
    m_state = State::Rejected;
    m_line.clear();
}

QList<RequestFramer::Event> RequestFramer::feed(QByteArrayView bytes)
{
    QList<Event> events;
    qsizetype pos = 0;
    while (pos < bytes.size() && m_state != State::Rejected) {
        bool tooLong = false;
        switch (m_state) {
        case State::RequestLine: {
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            if (m_line.isEmpty() && (bytes[pos] == '\r' || bytes[pos] == '\n')) {
                ++pos;
                break;
            }
            if (!takeLine(bytes, pos, m_limits.maxHeadBytes, tooLong)) {
                if (tooLong) {
                    reject(events, 414, u"request.target_too_long"_s,
                           u"The request line is longer than %1 bytes."_s.arg(
                                   m_limits.maxHeadBytes));
                }
                break;
            }
            m_head = RequestHead{};
            m_head.headBytes = m_line.size();
            const QByteArray line = m_line;
            m_line.clear();
            if (parseRequestLine(events, chopCr(line)))
                m_state = State::Headers;
            break;
        }
        case State::Headers: {
            const qsizetype room = m_limits.maxHeadBytes - m_head.headBytes;
            if (!takeLine(bytes, pos, room, tooLong)) {
                if (tooLong) {
                    reject(events, 431, u"request.head_too_large"_s,
                           u"The request line and header fields are longer than %1 bytes."_s.arg(
                                   m_limits.maxHeadBytes));
                }
                break;
            }
            m_head.headBytes += m_line.size();
            const QByteArray line = m_line;
            m_line.clear();
            const QByteArrayView content = chopCr(line);
            if (content.isEmpty())
                finishHead(events);
            else
                parseHeaderLine(events, content);
            break;
        }
        case State::Body: {
            const qint64 take = std::min<qint64>(m_remaining, bytes.size() - pos);
            pos += take;
            m_remaining -= take;
            m_bodyBytes += take;
            if (m_remaining == 0)
                complete(events);
            break;
        }
        case State::ChunkSize: {
            if (!takeLine(bytes, pos, kMaxChunkSizeLine, tooLong)) {
                if (tooLong) {
                    reject(events, 400, u"request.bad_chunk"_s,
                           u"A chunk-size line is longer than %1 bytes."_s.arg(kMaxChunkSizeLine));
                }
                break;
            }
            const QByteArray line = m_line;
            m_line.clear();
            parseChunkSize(events, line);
            break;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(m_remaining, bytes.size() - pos);
            pos += take;
            m_remaining -= take;
            m_bodyBytes += take;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
        case State::Trailers: {
            if (!takeLine(bytes, pos, kMaxChunkSizeLine, tooLong)) {
                if (tooLong && m_state == State::ChunkDataEnd) {
                    reject(events, 400, u"request.bad_chunk"_s,
                           u"A chunk's data is longer than its chunk-size says."_s);
                } else if (tooLong) {
                    reject(events, 400, u"request.chunked_trailers"_s,
                           u"Trailer fields after a chunked body are not accepted."_s);
                }
                break;
            }
            const QByteArray line = m_line;
            m_line.clear();
            if (line != "\r\n") {
                if (m_state == State::ChunkDataEnd) {
                    reject(events, 400, u"request.bad_chunk"_s,
                           u"A chunk's data is not followed by CRLF (longer than its chunk-size "
                           "says?)."_s);
                } else {
                    reject(events, 400, u"request.chunked_trailers"_s,
                           u"Trailer fields after a chunked body are not accepted (the receiver's "
                           "HTTP server cannot read them); got %1."_s.arg(quoted(line)));
                }
                break;
            }
            if (m_state == State::ChunkDataEnd)
                m_state = State::ChunkSize;
            else
                complete(events);
            break;
        }
        case State::Rejected:
            break;
        }
    }
    return events;
}

bool RequestFramer::parseRequestLine(QList<Event> &events, QByteArrayView line)
{
    // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (firstSpace <= 0 || secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0) {
        reject(events, 400, u"request.bad_request_line"_s,
               u"The request line %1 is not METHOD SP TARGET SP HTTP-VERSION."_s.arg(quoted(line)));
        return false;
    }
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method)) {
        reject(events, 400, u"request.bad_method"_s,
               u"The method %1 is not a token."_s.arg(quoted(method)));
        return false;
    }
    bool targetOk = !target.isEmpty();
    for (char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f)
            targetOk = false;
    }
    if (!targetOk) {
        reject(events, 400, u"request.bad_target"_s,
               u"The request target %1 is empty or contains control characters."_s.arg(
                       quoted(target)));
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/");
        reject(events, looksLikeHttp ? 505 : 400, u"request.bad_version"_s,
               u"The HTTP version %1 is not supported (HTTP/1.1 and HTTP/1.0 are)."_s.arg(
                       quoted(version)));
        return false;
    }
    m_head.method = method.toByteArray();
    m_head.target = target.toByteArray();
    m_head.version = version.toByteArray();
    return true;
}

bool RequestFramer::parseHeaderLine(QList<Event> &events, QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        reject(events, 400, u"request.obs_fold"_s,
               u"A header field is continued on a new line (obs-fold, RFC 9112 §5.2)."_s);
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon < 0 ? line : line.first(colon);
    if (colon < 0 || !isToken(name)) {
        reject(events, 400, u"request.bad_header"_s,
               u"The header line %1 has no valid field name followed by ':' (white space before "
               "the colon is not allowed)."_s.arg(quoted(line)));
        return false;
    }
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    for (char c : value) {
        if (c == '\r' || c == '\0') {
            reject(events, 400, u"request.bad_header"_s,
                   u"The value of header %1 contains a CR or NUL byte."_s.arg(quoted(name)));
            return false;
        }
    }
    if (m_head.headers.size() >= m_limits.maxHeaderFields) {
        reject(events, 431, u"request.too_many_headers"_s,
               u"The request has more than %1 header fields."_s.arg(m_limits.maxHeaderFields));
        return false;
    }
    if (name.size() + 1 + value.size() > m_limits.maxFieldBytes) {
        reject(events, 431, u"request.header_too_large"_s,
               u"Header %1 is longer than %2 bytes."_s.arg(quoted(name)).arg(m_limits.maxFieldBytes));
        return false;
    }
    m_head.headers.append(ReceivedHeader{name.toByteArray(), value.toByteArray()});
    return true;
}

void RequestFramer::finishHead(QList<Event> &events)
{
    const bool http11 = m_head.version == "HTTP/1.1";
    int hostFields = 0;
    listMembers(m_head.headers, "host", &hostFields);
    if (http11 && hostFields != 1) {
        reject(events, 400, u"request.bad_host"_s,
               u"An HTTP/1.1 request needs exactly one Host header field; it has %1."_s.arg(
                       hostFields));
        return;
    }

    int teFields = 0;
    const QList<QByteArray> transferCodings = listMembers(m_head.headers, "transfer-encoding",
                                                          &teFields);
    int clFields = 0;
    listMembers(m_head.headers, "content-length", &clFields);
    if (teFields > 0 && clFields > 0) {
        reject(events, 400, u"request.ambiguous_length"_s,
               u"The request has both Content-Length and Transfer-Encoding: its length is "
               "ambiguous (RFC 9112 §6.1), so it is refused."_s);
        return;
    }
    if (teFields > 0) {
        if (transferCodings != QList<QByteArray>{"chunked"_ba}) {
            reject(events, 501, u"request.unsupported_transfer_encoding"_s,
                   u"Transfer-Encoding %1 is not supported (only \"chunked\" is)."_s.arg(
                           quoted(transferCodings.join(", "))));
            return;
        }
        m_head.chunked = true;
    }
    if (clFields > 0) {
        // Every Content-Length field must be the same single run of digits (RFC 9112 §6.3).
        QByteArray first;
        for (const ReceivedHeader &header : std::as_const(m_head.headers)) {
            if (QByteArrayView(header.name).compare("content-length", Qt::CaseInsensitive) != 0)
                continue;
            bool digits = !header.value.isEmpty();
            for (char c : header.value)
                digits = digits && c >= '0' && c <= '9';
            if (!digits || (!first.isNull() && header.value != first)) {
                reject(events, 400, u"request.bad_content_length"_s,
                       u"Content-Length %1 is not one non-negative whole number."_s.arg(
                               quoted(header.value)));
                return;
            }
            first = header.value;
        }
        bool ok = false;
        const qint64 length = first.size() <= 18 ? first.toLongLong(&ok) : -1;
        if (!ok || length > m_limits.maxBodyBytes) {
            reject(events, 413, u"request.body_too_large"_s,
                   u"Content-Length %1 is above the receiver's body limit of %2 bytes."_s
                           .arg(QString::fromLatin1(first.left(24)))
                           .arg(m_limits.maxBodyBytes));
            return;
        }
        m_head.contentLength = length;
    }

    const QList<QByteArray> codings = listMembers(m_head.headers, "content-encoding", nullptr);
    if (codings.size() == 1 && (codings.first() == "gzip" || codings.first() == "x-gzip")) {
        m_head.contentEncoding = RequestHead::Encoding::Gzip;
    } else if (!codings.isEmpty() && codings != QList<QByteArray>{"identity"_ba}) {
        reject(events, 415, u"request.unsupported_content_encoding"_s,
               u"Content-Encoding %1 is not supported (gzip and identity are)."_s.arg(
                       quoted(codings.join(", "))));
        return;
    }

    for (const QByteArray &upgrade : listMembers(m_head.headers, "upgrade", nullptr)) {
        if (upgrade.startsWith("websocket")) {
            reject(events, 400, u"request.upgrade"_s,
                   u"WebSocket upgrades are not accepted by the webhook receiver."_s);
            return;
        }
    }

    const QList<QByteArray> connection = listMembers(m_head.headers, "connection", nullptr);
    m_head.keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");

    Event event;
    event.kind = Event::Kind::Head;
    event.head = m_head;
    events << event;
    m_bodyBytes = 0;
    if (m_head.chunked) {
        m_state = State::ChunkSize;
    } else if (m_head.contentLength > 0) {
        m_remaining = m_head.contentLength;
        m_state = State::Body;
    } else {
        complete(events);
    }
}

bool RequestFramer::parseChunkSize(QList<Event> &events, QByteArrayView line)
{
    // chunk-size [ chunk-ext ] CRLF (RFC 9112 §7.1); extensions are ignored.
    if (!line.endsWith("\r\n")) {
        reject(events, 400, u"request.bad_chunk"_s, u"A chunk-size line does not end with CRLF."_s);
        return false;
    }
    QByteArrayView size = line.first(line.size() - 2);
    const qsizetype semicolon = size.indexOf(';');
    if (semicolon >= 0)
        size = size.first(semicolon);
    size = trimOws(size);
    bool hex = !size.isEmpty() && size.size() <= 15;
    for (char c : size) {
        hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
    if (!hex) {
        reject(events, 400, u"request.bad_chunk"_s,
               u"The chunk size %1 is not a hexadecimal number."_s.arg(quoted(size)));
        return false;
    }
    const qint64 chunk = size.toByteArray().toLongLong(nullptr, 16);
    if (chunk > m_limits.maxBodyBytes - m_bodyBytes) {
        reject(events, 413, u"request.body_too_large"_s,
               u"The chunked body grows past the receiver's body limit of %1 bytes."_s.arg(
                       m_limits.maxBodyBytes));
        return false;
    }
    if (chunk == 0) {
        m_state = State::Trailers;
    } else {
        m_remaining = chunk;
        m_state = State::ChunkData;
    }
    return true;
}

void RequestFramer::complete(QList<Event> &events)
{
    Event event;
    event.kind = Event::Kind::Complete;
    event.bodyBytes = m_bodyBytes;
    events << event;
    m_state = State::RequestLine;
    m_remaining = 0;
    m_bodyBytes = 0;
}

} // namespace wb::core
