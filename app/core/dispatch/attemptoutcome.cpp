// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/attemptoutcome.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString transportErrorCode(TransportError error)
{
    switch (error) {
    case TransportError::None:
        return {};
    case TransportError::Timeout:
        return u"timeout"_s;
    case TransportError::ConnectionRefused:
        return u"connection_refused"_s;
    case TransportError::ConnectionReset:
        return u"connection_reset"_s;
    case TransportError::HostNotFound:
        return u"dns"_s;
    case TransportError::Tls:
        return u"tls"_s;
    case TransportError::Network:
        return u"network"_s;
    case TransportError::Credentials:
        return u"credentials"_s;
    }
    return {};
}

QString transportErrorText(TransportError error)
{
    switch (error) {
    case TransportError::None:
        return {};
    case TransportError::Timeout:
        return u"timeout"_s;
    case TransportError::ConnectionRefused:
        return u"connection refused"_s;
    case TransportError::ConnectionReset:
        return u"connection reset"_s;
    case TransportError::HostNotFound:
        return u"DNS lookup failed"_s;
    case TransportError::Tls:
        return u"TLS failure"_s;
    case TransportError::Network:
        return u"network error"_s;
    case TransportError::Credentials:
        return u"credentials unavailable"_s;
    }
    return {};
}

TransportError transportErrorFromNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return TransportError::None;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::ProxyTimeoutError:
        return TransportError::Timeout;
    case QNetworkReply::ConnectionRefusedError:
        return TransportError::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // OneShotBody refused QNAM's silent re-send
        return TransportError::ConnectionReset;
    case QNetworkReply::HostNotFoundError:
        return TransportError::HostNotFound;
    case QNetworkReply::SslHandshakeFailedError:
        return TransportError::Tls;
    default:
        return TransportError::Network;
    }
}

AttemptOutcome AttemptOutcome::response(int status, HttpHeaders headers, QByteArray body)
{
    AttemptOutcome outcome;
    outcome.status = status;
    outcome.headers = std::move(headers);
    outcome.bodyPrefix = body.left(kBodyPrefixBytes);
    return outcome;
}

AttemptOutcome AttemptOutcome::failure(TransportError error, QString detail)
{
    AttemptOutcome outcome;
    outcome.transportError = error;
    outcome.transportDetail = std::move(detail);
    return outcome;
}

QString AttemptOutcome::label() const
{
    return isTransportError() ? transportErrorCode(transportError) : QString::number(status);
}

} // namespace wb::core
