// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/connectioncredentials.h"

#include <QObject>

namespace wb::core {

class CredentialRefresher;

// The dispatch engine's ConnectionCredentials (core/dispatch/connectioncredentials.h) for
// connections whose OAuth credential the CredentialRefresher looks after:
//  - authorization(): "Bearer <access token>" (RFC 6750 §2.1; also for providers whose
//    token_type says otherwise, such as Slack's "bot") from CredentialRefresher::accessToken(),
//    which refreshes an access token that has expired (expiry minus margin) before answering, so
//    the dispatcher never sends one known to be stale. Connections the refresher does not watch
//    (API keys, static tokens) are answered by `fallback`;
//  - webhookSigningSecret(): always `fallback`'s.
// Errors from the OAuth core keep their codes (oauth.needs_reauthorization, oauth.no_credential,
// the transient ones…); the dispatcher records them as a credentials error of the attempt. Token
// values never appear in messages.
//
// Thread: the refresher's (the main thread). The refresher and `fallback` must outlive this
// object. The futures always finish with a result, also when the refresher is destroyed first
// (oauth.cancelled).
class OAuthConnectionCredentials final : public QObject, public ConnectionCredentials
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthConnectionCredentials)

public:
    OAuthConnectionCredentials(CredentialRefresher &refresher, ConnectionCredentials &fallback,
                               QObject *parent = nullptr);
    ~OAuthConnectionCredentials() override;

    QFuture<Result<QByteArray>> authorization(qint64 connectionId) override;
    QFuture<Result<QByteArray>> webhookSigningSecret(qint64 connectionId) override;

private:
    CredentialRefresher &m_refresher;
    ConnectionCredentials &m_fallback;
};

} // namespace wb::core
