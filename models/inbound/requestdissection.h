// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wb::models {

// One field of a dissected request, located in the request's bytes (the packet-detail tree of the
// inspector; the bytes view highlights [offset, offset + length)).
struct DissectedField
{
    enum class Kind {
        RequestLine,
        Method,
        Target,
        Headers, // the header section as a whole
        Header,
        Body,
        JsonObject,
        JsonArray,
        JsonString,
        JsonNumber,
        JsonTrue,
        JsonFalse,
        JsonNull,
    };

    Kind kind = Kind::Body;
    QString name; // "Request line", a header's name as received, a member's name, "[3]"
    // For people: numbers exactly as their bytes (an id above 2^53 stays exact), strings with
    // their escapes resolved (invalid UTF-8 shown as U+FFFD), "{3 members}", "[12 items]".
    QString value;
    qsizetype offset = 0; // in RequestDissection::bytes
    qsizetype length = 0;
    int parent = -1;     // index in RequestDissection::fields, -1 for a top-level field
    QList<int> children; // indexes, in document order
    // A JSON member whose name appears again later in the same object: receivers that take the
    // last one (JavaScript's JSON.parse, Python's json, Go) ignore this one (RFC 8259 §4).
    bool overridden = false;
};

// An inbound event's request as the inspector shows it: the bytes as they came on the wire
// (request line, header section in order, CRLF, body) and a tree of fields over them.
//
// The request line is rebuilt as "<method> <request-target> HTTP/1.1" (the store keeps the method
// and the target exactly; the HTTP version is not stored). The header section and the body are
// the stored bytes, unchanged. A JSON body (any body whose first non-space byte is '{' or '[', and
// no Content-Encoding) is outlined member by member; a body that is not valid JSON keeps a single
// Body field and `bodyError` says why (json.invalid with the byte offset in the body).
struct RequestDissection
{
    QByteArray bytes;
    qsizetype bodyOffset = 0; // where the body starts in `bytes`
    QList<DissectedField> fields;
    QList<int> topLevel; // the request line, the header section, the body
    std::optional<core::Error> bodyError;
    bool truncated = false; // the JSON outline stopped at maxJsonFields

    static constexpr int maxJsonFields = 200'000;

    // The deepest field whose bytes contain `offset`, -1 when none does (the CRLF between the
    // headers and the body, say).
    int fieldAt(qsizetype offset) const;
};

// Pure and thread-safe: run it on a worker for large bodies (25 MB of JSON takes a while).
RequestDissection dissectRequest(const core::InboundEvent &event);

// The body's charset from Content-Type (RFC 9110 §8.3: the charset parameter), lower case;
// "utf-8" when absent (RFC 8259 §8.1 for JSON; the common case for webhooks).
QByteArray bodyCharset(const core::RawRequest &request);

// The body as text for people: decoded with `charset` (UTF-8 or ISO-8859-1/US-ASCII), every byte
// that does not decode shown as "\xNN" so invalid input is visible, not silently replaced. Control
// characters other than TAB, CR and LF shown as "\xNN" too.
QString visibleText(const QByteArray &bytes, const QByteArray &charset);

} // namespace wb::models
