// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"

#include <QByteArray>
#include <QList>

namespace wb::core {

// An answer of the receiver, written to the socket as HTTP/1.1 (RFC 9112 §4, §6). Content-Length
// is added; Connection: close when the connection closes after it.
struct HttpResponse
{
    int status = 200;
    QList<ReceivedHeader> headers; // in order; Content-Type first when there is a body
    QByteArray body;

    // A JSON answer.
    static HttpResponse json(int status, const QByteArray &json);
    // {"error": code, "message": message} (codes are stable, messages English).
    static HttpResponse error(int status, const QString &code, const QString &message);
};

// The reason phrase for `status` ("Payload Too Large"), or "Status" for one we do not name.
QByteArray reasonPhrase(int status);

// The response's bytes. `headRequest`: no body bytes (the Content-Length still says how many a
// GET would get, RFC 9110 §9.3.2). `close`: adds Connection: close.
QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool close);

} // namespace wb::core
