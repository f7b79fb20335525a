// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"

#include <QString>
#include <QUrl>

namespace wb::core {

// What the dispatch engine must send to a connection's forward target for one inbound event: the
// original method, header fields and body bytes (still compressed when the event came with
// Content-Encoding: gzip, so Content-Encoding is kept), to the connection's forward target.
// A plain value, safe to copy across threads.
struct ForwardRequest
{
    qint64 eventId = 0;
    qint64 tenantId = 0;
    qint64 connectionId = 0;
    QUrl targetUrl;                // connections.forward_target_url
    QByteArray method;             // as received ("POST")
    QList<ReceivedHeader> headers; // forwardedHeaders() of the received fields, in their order
    QByteArray body;               // the exact bytes received
    QString idempotencyKey; // "inbound-<event id>-<n>": n is the hand-over's number (1, 2…)
    int handOver = 0;       // 1 for the first forwarding, 2 for the first re-delivery…
};

// The received header fields that go on to the forward target, in order, names in their case:
// everything except the connection-specific fields a proxy must not forward (RFC 9110 §7.6.1:
// Connection, Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade, Trailer), the
// framing that the sender of the new request sets itself (Content-Length, RFC 9110 §8.6), Host
// (the target's own, RFC 9110 §7.2) and Expect (RFC 9110 §10.1.1, a hop's negotiation). Fields
// named in a Connection header are dropped as well (RFC 9110 §7.6.1).
QList<ReceivedHeader> forwardedHeaders(const QList<ReceivedHeader> &received);

} // namespace wb::core
