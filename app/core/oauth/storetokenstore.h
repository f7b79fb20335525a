// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/tokenstore.h"

#include <QObject>

namespace wb::core {

class ConnectionSecrets;
class Store;

// The TokenStore of a workspace: the access and refresh tokens in the workspace's SecretStore (the
// OS keychain) through ConnectionSecrets, never in the database; everything else in the Store:
//  - table `oauth_credentials` (migration 8): token type, scope, receipt time, lifetime, expiry,
//    whether a refresh token exists, the external account id, the kept response fields;
//  - table `oauth_refresh_leases` (migration 8): the refresh lease, taken and released in write
//    transactions, so processes sharing the workspace serialize on it (SQLite's write lock;
//    PostgreSQL's row lock);
//  - the connection row: status (`authorized` after writeTokens(), `needs_reauthorization`,
//    `unauthorized` after removeTokens()), token expiry and the last check (for the models).
// Lease times come from the Store's clock.
//
// Write order in writeTokens(): refresh token, then access token, then the metadata; a crash in
// between leaves the newest refresh token stored (the one the provider will accept), at worst
// with an older expiry, which only makes the next refresh come early. The access token's
// reference, the metadata and the lease release commit in one transaction
// (ConnectionSecrets::putAndWrite); with a sealed workspace the access token's ciphertext too.
//
// Thread: the thread that owns the Store and the ConnectionSecrets (the main thread). Futures
// finish on that thread; both services must outlive this object.
class StoreTokenStore final : public QObject, public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreTokenStore)

public:
    StoreTokenStore(Store &store, ConnectionSecrets &secrets, QObject *parent = nullptr);
    ~StoreTokenStore() override;

    QFuture<Result<std::optional<TokenSet>>> readTokens(qint64 connectionId) override;
    QFuture<Result<void>> writeTokens(qint64 connectionId, const TokenSet &tokens,
                                      const QString &releaseLeaseOf) override;
    QFuture<Result<void>> removeTokens(qint64 connectionId) override;
    QFuture<Result<RefreshLease>> acquireRefreshLease(qint64 connectionId, const QString &holder,
                                                      qint64 durationMs) override;
    QFuture<Result<void>> releaseRefreshLease(qint64 connectionId, const QString &holder) override;
    QFuture<Result<void>> markNeedsReauthorization(qint64 connectionId, const Error &reason,
                                                   const QString &releaseLeaseOf) override;
    QFuture<Result<void>> recordValidityCheck(qint64 connectionId,
                                              const ValidityCheck &check) override;

private:
    Store &m_store;
    ConnectionSecrets &m_secrets;
};

} // namespace wb::core
