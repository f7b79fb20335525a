// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/tokenresponse.h"
#include "core/oauth/tokenstore.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>

class QNetworkAccessManager;

namespace wb::core {

// What revokeAndRemove() did.
struct RevocationOutcome
{
    bool hadCredential = false;     // the store held tokens for the connection
    bool revokedAtProvider = false; // the provider's revocation endpoint accepted the request
    bool providerSupportsRevocation = false; // the profile names a revocation endpoint
};

// Token revocation when a connection is removed, in the request shape of
// OAuthClientConfig::revocationRequest (providerprofile.h):
//  - RFC 7009: revokes the refresh token (which per RFC 7009 §2.1 also ends the access tokens of
//    the same grant where the server supports it) or, without one, the access token, at the
//    revocation endpoint with the client's authentication;
//  - GitHub (BasicAuthJsonDelete): deletes the grant of the access token, authenticated with the
//    client id and secret;
//  - Slack (BearerPost): auth.revoke with the access token.
// Then removes the credential from the TokenStore, whatever the provider answered (the connection
// is going away; nothing stays behind).
//
// Thread: the thread that created it; asynchronous. Stop the CredentialRefresher watching the
// connection first, so that it does not refresh it meanwhile.
class TokenRevoker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRevoker)

public:
    TokenRevoker(TokenStore &store, QNetworkAccessManager &network, QObject *parent = nullptr);
    ~TokenRevoker() override;

    // Errors: oauth.revocation_failed when the provider refused or could not be reached (RFC 7009
    // §2.2: HTTP 200 is success, also for a token that was already invalid; 503 asks to retry) —
    // the credential has been removed all the same; the store's errors when reading or removing
    // failed.
    QFuture<Result<RevocationOutcome>> revokeAndRemove(qint64 connectionId,
                                                       const OAuthClientConfig &config);

private:
    using Promise = QPromise<Result<RevocationOutcome>>;
    void remove(qint64 connectionId, RevocationOutcome outcome, std::optional<Error> failure,
                std::shared_ptr<Promise> promise);

    TokenStore &m_store;
    QNetworkAccessManager &m_network;
};

} // namespace wb::core
