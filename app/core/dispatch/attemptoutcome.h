// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/httpheaders.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace wb::core {

// Why an attempt got no HTTP response.
enum class TransportError {
    None,              // there is a response (status)
    Timeout,           // no complete response within the request timeout
    ConnectionRefused, // TCP RST to the SYN
    ConnectionReset,   // the connection closed or was reset before a complete response
    HostNotFound,      // DNS lookup failed
    Tls,               // TLS handshake or certificate failure
    Network,           // anything else below HTTP (proxy, unreachable network, protocol error)
    Credentials,       // not sent: the connection's token or signing secret could not be read
};

// Stable codes for the attempt log and CLI JSON: "timeout", "connection_refused",
// "connection_reset", "dns", "tls", "network", "credentials"; empty for None.
QString transportErrorCode(TransportError error);
// The same for people: "timeout", "connection refused", "connection reset", "DNS lookup failed",
// "TLS failure", "network error", "credentials unavailable".
QString transportErrorText(TransportError error);

// QNetworkReply's error for a reply that has no HTTP status (Qt 6.4 qnetworkreply.h). Errors
// that come with a status (ContentNotFoundError for a 404, …) are not transport errors: use the
// status instead. OperationCanceledError maps to Timeout because the dispatcher aborts a reply
// only when its timeout fires. ContentReSendError maps to ConnectionReset: it is what QNAM
// reports when the connection dropped and OneShotBody refused its automatic re-send.
TransportError transportErrorFromNetworkError(QNetworkReply::NetworkError error);

// The outcome of one attempt, as the retry decision sees it. A value type.
struct AttemptOutcome
{
    TransportError transportError = TransportError::None;
    QString transportDetail; // QNetworkReply::errorString(), for people
    int status = 0;          // the HTTP status when transportError is None
    HttpHeaders headers;     // response header fields
    QByteArray bodyPrefix;   // the first bytes of the response body (rate-limit messages)

    static AttemptOutcome response(int status, HttpHeaders headers = {}, QByteArray body = {});
    static AttemptOutcome failure(TransportError error, QString detail = {});

    bool isTransportError() const { return transportError != TransportError::None; }
    // "503" or "timeout": the attempt log's "status or error kind".
    QString label() const;
};

// How much of a response body the decision looks at (rate-limit messages in 403 bodies).
inline constexpr qsizetype kBodyPrefixBytes = 4096;

} // namespace wb::core
