// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>
#include <utility>

namespace wb::core {

// One header exactly as received: name and value bytes, no case folding, no decoding (the
// receiver only strips the optional white space around the value, RFC 9110 §5.5).
struct ReceivedHeader
{
    QByteArray name;
    QByteArray value;

    bool operator==(const ReceivedHeader &other) const = default;
};

// An inbound HTTP request as bytes: what the receiver stores and what verification, handshakes and
// identity extraction read. Nothing here is decoded to text; the body is never touched.
//
// A plain value (implicitly shared Qt containers): cheap to copy, safe to read from any thread.
struct RawRequest
{
    QByteArray method; // "POST", as received
    // The URL the sender used, exactly as received, with its query: the receiver builds it from
    // the request target and the Host header ("http://127.0.0.1:8480/hooks/c1?x=1"). Providers that
    // sign the URL sign their public URL; see VerificationOptions::signedUrl.
    QByteArray url;
    QList<ReceivedHeader> headers; // in the order received; a name may repeat
    QByteArray body; // the bytes after de-chunking, before any Content-Encoding decoding

    bool operator==(const RawRequest &other) const = default;

    // The first header with this name (ASCII case-insensitive), or nullopt.
    std::optional<QByteArray> header(QByteArrayView name) const;
    // Every value of this header, in order.
    QList<QByteArray> headerValues(QByteArrayView name) const;
    // The first of `names` that is present: its name as listed and its value.
    std::optional<std::pair<QByteArray, QByteArray>> firstHeader(
            const QList<QByteArray> &names) const;

    // The raw query string (after '?', before '#'), or empty.
    QByteArray query() const;
    // The first query parameter with this name, form-decoded ('+' is a space, then %XX), or
    // nullopt.
    std::optional<QByteArray> queryParameter(QByteArrayView name) const;
};

// application/x-www-form-urlencoded pairs, decoded ('+' → space, then %XX), in order
// (WHATWG URL §5.1). Malformed escapes are kept as written.
QList<std::pair<QByteArray, QByteArray>> parseFormEncoded(QByteArrayView encoded);
// One form-encoded component, decoded.
QByteArray formDecode(QByteArrayView component);

// A header value for an explanation: at most `maxBytes`, printable ASCII kept, anything else
// written as \xHH, "…" appended when cut.
QByteArray printablePrefix(QByteArrayView bytes, qsizetype maxBytes = 64);

} // namespace wb::core
