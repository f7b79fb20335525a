// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/tokenset.h"
#include "core/oauth/validitycheck.h"
#include "core/util/result.h"

#include <QFuture>
#include <QString>

#include <optional>

namespace wb::core {

// A refresh lease: the right to spend a connection's refresh token, held by one holder (one
// CredentialRefresher in one process) until it is released or expires. Refresh tokens that rotate are
// single-use (RFC 9700 §4.14.2): without the lease, two processes sharing a workspace could both
// spend the same one, and a server with reuse detection then revokes the whole grant.
struct RefreshLease
{
    bool acquired = false;
    QString holder;         // who holds it now (this caller when acquired)
    qint64 expiresAtMs = 0; // when the current holder's lease lapses (store clock, UTC ms)
};

// Persistence of the OAuth credentials of connections, shared by every process that opens the same
// workspace. Implemented on the workspace store: the secret parts of a TokenSet (access and
// refresh token) in the keychain through the SecretStore, everything else in the database.
//
// Asynchronous: every call returns at once; its future finishes later on any thread. Consumers
// continue with `whenFinished(future, context, …)` (core/util/futures.h), which runs on the
// context's thread and not at all once the context is gone. Errors carry a stable code (`store.…`, `secrets.…`) and a message that
// never contains a secret.
class TokenStore
{
public:
    virtual ~TokenStore() = default;

    // The connection's current credential; std::nullopt when it has none.
    virtual QFuture<Result<std::optional<TokenSet>>> readTokens(qint64 connectionId) = 0;
    // Replaces the connection's credential and marks its authorization active (clearing
    // needs_reauthorization). Finishes only when the credential is durable: a rotated refresh
    // token must be stored before the new access token is used.
    // `releaseLeaseOf`: when not empty, the refresh lease held by that holder is released in the
    // same store write that completes the credential, so that no other holder can take the lease
    // and read the credential before it is complete (a failed write releases nothing).
    virtual QFuture<Result<void>> writeTokens(qint64 connectionId, const TokenSet &tokens,
                                              const QString &releaseLeaseOf)
            = 0;
    // Deletes the connection's credential (keychain entries included). Not an error when there is
    // none.
    virtual QFuture<Result<void>> removeTokens(qint64 connectionId) = 0;

    // Tries to take the connection's refresh lease for `durationMs` for `holder`. Succeeds (with
    // acquired = true) when nobody holds it, the previous lease lapsed, or `holder` already holds
    // it (which extends it). Otherwise acquired = false and the current holder is reported.
    virtual QFuture<Result<RefreshLease>> acquireRefreshLease(qint64 connectionId,
                                                              const QString &holder,
                                                              qint64 durationMs)
            = 0;
    // Gives the lease back if `holder` holds it; otherwise does nothing.
    virtual QFuture<Result<void>> releaseRefreshLease(qint64 connectionId, const QString &holder) = 0;

    // Records that the connection needs a person to authorize it again (refresh token refused,
    // grant revoked), with the reason for people. `releaseLeaseOf`: as for writeTokens(), the
    // lease of that holder is released in the same write.
    virtual QFuture<Result<void>> markNeedsReauthorization(qint64 connectionId, const Error &reason,
                                                           const QString &releaseLeaseOf)
            = 0;
    // Records the outcome of the latest validity check, for the models.
    virtual QFuture<Result<void>> recordValidityCheck(qint64 connectionId,
                                                      const ValidityCheck &check)
            = 0;
};

} // namespace wb::core
