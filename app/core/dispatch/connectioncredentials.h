// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>

namespace wb::core {

class ConnectionSecrets;

// What the dispatcher needs from a connection's secrets, asked afresh for every attempt of a
// delivery to a connection (so a refreshed access token or a rotated signing secret applies to
// the next attempt; nothing is cached by the dispatcher). This interface is stable: the OAuth
// module (app/core/oauth) and tests implement it.
//
// Contract for implementations
//  - Thread: called on the dispatcher's thread (the main thread). Must not block: return a future
//    (QtFuture::makeReadyFuture for values at hand). The future may finish on any thread; it must
//    always finish with a result and never be left unfinished, also when the implementation is
//    destroyed first (a cancelled future counts as the error "future.cancelled", see core/util/futures.h).
//  - Values are secrets: never log them or put them into error messages.
//  - An implementation may refresh an expired access token before answering authorization()
//    (an expiry known in advance); a token the server refuses (401) is refreshed through
//    TokenRefresher (tokenrefresher.h), after which authorization() is asked again.
//  - An error makes the attempt a "credentials" transport error (nothing is sent; it is retried
//    by the delivery's retry policy), with the error's message in the attempt log.
class ConnectionCredentials
{
public:
    virtual ~ConnectionCredentials() = default;
    // The complete Authorization header value for requests to the connection, e.g.
    // "Bearer <access token>" (RFC 6750 §2.1), or an empty array when the connection has no
    // access token (the request goes without; a 401 is then not refreshed).
    virtual QFuture<Result<QByteArray>> authorization(qint64 connectionId) = 0;
    // The connection's Standard Webhooks signing secret as issued: "whsec_" + base64 of the key
    // bytes (standardwebhooks.com, "Signature scheme"; raw base64 without the prefix is accepted
    // too). An error when the connection has none (e.g. "secrets.not_found").
    virtual QFuture<Result<QByteArray>> webhookSigningSecret(qint64 connectionId) = 0;
};

// ConnectionCredentials from the workspace's connection secrets (app/core/secrets): the primary
// access token as "Bearer <token>" (RFC 6750 §2.1) or none when the connection has no token
// stored, and the primary webhook signing secret. Lives on the thread of the ConnectionSecrets
// (the main thread), which must outlive it.
class SecretsConnectionCredentials final : public QObject, public ConnectionCredentials
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretsConnectionCredentials)

public:
    explicit SecretsConnectionCredentials(ConnectionSecrets &secrets, QObject *parent = nullptr);

    QFuture<Result<QByteArray>> authorization(qint64 connectionId) override;
    QFuture<Result<QByteArray>> webhookSigningSecret(qint64 connectionId) override;

private:
    ConnectionSecrets &m_secrets;
};

} // namespace wb::core
