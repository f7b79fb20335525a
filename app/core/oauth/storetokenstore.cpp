// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/storetokenstore.h"

#include "core/secrets/connectionsecrets.h"
#include "core/store/connectionrepository.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QJsonDocument>
#include <QPromise>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

template<typename T>
using PromisePtr = std::shared_ptr<QPromise<Result<T>>>;

template<typename T>
PromisePtr<T> newPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

template<typename T>
void settle(const PromisePtr<T> &promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

// What the database holds of a credential.
struct Metadata
{
    TokenSet tokens; // without accessToken and refreshToken
    bool hasRefreshToken = false;
};

SecretKey accessTokenKey(qint64 connectionId)
{
    return SecretKey{connectionId, SecretKind::AccessToken, SecretSlot::Primary};
}

SecretKey refreshTokenKey(qint64 connectionId)
{
    return SecretKey{connectionId, SecretKind::RefreshToken, SecretSlot::Primary};
}

Result<std::optional<Metadata>> readMetadata(SqlSession &session, qint64 connectionId)
{
    Result<QSqlQuery> query
            = session.exec(u"SELECT token_type, scope, received_at_ms, lifetime_ms, expires_at_ms, "
                           "has_refresh_token, account_id, extra_json FROM oauth_credentials "
                           "WHERE connection_id = ?"_s,
                           {connectionId});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return std::optional<Metadata>();
    Metadata metadata;
    metadata.tokens.tokenType = query->value(0).toString();
    metadata.tokens.scope = query->value(1).toString();
    metadata.tokens.receivedAtMs = query->value(2).toLongLong();
    metadata.tokens.lifetimeMs = query->value(3).toLongLong();
    metadata.tokens.expiresAtMs = query->value(4).toLongLong();
    metadata.hasRefreshToken = query->value(5).toLongLong() != 0;
    metadata.tokens.accountId = query->value(6).toString();
    metadata.tokens.extra = QJsonDocument::fromJson(query->value(7).toString().toUtf8()).object();
    return std::optional(metadata);
}

Result<void> writeMetadata(SqlSession &session, qint64 connectionId, const TokenSet &tokens)
{
    if (Result<Connection> existing = ConnectionRepository::get(session, connectionId); !existing)
        return fail(existing.error());
    Result<void> written = session.execute(
            uR"sql(
INSERT INTO oauth_credentials (connection_id, token_type, scope, received_at_ms, lifetime_ms,
    expires_at_ms, has_refresh_token, account_id, extra_json, updated_at_ms)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (connection_id) DO UPDATE SET token_type = excluded.token_type,
    scope = excluded.scope, received_at_ms = excluded.received_at_ms,
    lifetime_ms = excluded.lifetime_ms, expires_at_ms = excluded.expires_at_ms,
    has_refresh_token = excluded.has_refresh_token, account_id = excluded.account_id,
    extra_json = excluded.extra_json, updated_at_ms = excluded.updated_at_ms)sql"_s,
            {connectionId, tokens.tokenType, tokens.scope, tokens.receivedAtMs, tokens.lifetimeMs,
             tokens.expiresAtMs, qint64(tokens.refreshToken.isEmpty() ? 0 : 1), tokens.accountId,
             QString::fromUtf8(QJsonDocument(tokens.extra).toJson(QJsonDocument::Compact)),
             session.nowMs()});
    if (!written)
        return written;
    const std::optional<qint64> expiry = tokens.hasExpiry() ? std::optional(tokens.expiresAtMs)
                                                            : std::nullopt;
    if (Result<Connection> updated = ConnectionRepository::updateStatus(session, connectionId,
                                                                        ConnectionStatus::Authorized,
                                                                        expiry);
        !updated) {
        return fail(updated.error());
    }
    return {};
}

// Gives the lease back if `holder` holds it (nothing when `holder` is empty).
Result<void> releaseLease(SqlSession &session, qint64 connectionId, const QString &holder)
{
    if (holder.isEmpty())
        return {};
    return session
            .execute(u"DELETE FROM oauth_refresh_leases WHERE connection_id = ? AND holder = ?"_s,
                     {connectionId, holder});
}

} // namespace

StoreTokenStore::StoreTokenStore(Store &store, ConnectionSecrets &secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{}

StoreTokenStore::~StoreTokenStore() = default;

QFuture<Result<std::optional<TokenSet>>> StoreTokenStore::readTokens(qint64 connectionId)
{
    auto promise = newPromise<std::optional<TokenSet>>();
    whenFinished(
            m_store.read([connectionId](SqlSession &session) {
                return readMetadata(session, connectionId);
            }),
            this, [this, connectionId, promise](const Result<std::optional<Metadata>> &metadata) {
                if (!metadata || !*metadata) {
                    settle<std::optional<TokenSet>>(promise,
                                                    metadata ? Result<std::optional<TokenSet>>(
                                                            std::nullopt)
                                                             : fail(metadata.error()));
                    return;
                }
                const Metadata stored = **metadata;
                whenFinished(m_secrets.get(accessTokenKey(connectionId)), this,
                             [this, connectionId, stored,
                              promise](const Result<QByteArray> &accessToken) {
                                 if (!accessToken) {
                                     settle<std::optional<TokenSet>>(promise,
                                                                     fail(accessToken.error()));
                                     return;
                                 }
                                 TokenSet tokens = stored.tokens;
                                 tokens.accessToken = QString::fromUtf8(*accessToken);
                                 if (!stored.hasRefreshToken) {
                                     settle<std::optional<TokenSet>>(promise, std::optional(tokens));
                                     return;
                                 }
                                 whenFinished(m_secrets.get(refreshTokenKey(connectionId)), this,
                                              [tokens,
                                               promise](const Result<QByteArray> &refreshToken) {
                                                  if (!refreshToken) {
                                                      settle<std::optional<TokenSet>>(
                                                              promise, fail(refreshToken.error()));
                                                      return;
                                                  }
                                                  TokenSet complete = tokens;
                                                  complete.refreshToken = QString::fromUtf8(
                                                          *refreshToken);
                                                  settle<std::optional<TokenSet>>(promise,
                                                                                  std::optional(
                                                                                          complete));
                                              });
                             });
            });
    return promise->future();
}

QFuture<Result<void>> StoreTokenStore::writeTokens(qint64 connectionId, const TokenSet &tokens,
                                                   const QString &releaseLeaseOf)
{
    auto promise = newPromise<void>();
    // The access token last, with the metadata and the lease release in its write transaction.
    auto writeAccessToken = [this, connectionId, tokens, releaseLeaseOf, promise] {
        ConnectionSecrets::WriteStep metadataAndLease =
                [connectionId, tokens, releaseLeaseOf](SqlSession &session) -> Result<void> {
            if (Result<void> written = writeMetadata(session, connectionId, tokens); !written)
                return written;
            return releaseLease(session, connectionId, releaseLeaseOf);
        };
        whenFinished(m_secrets.putAndWrite(accessTokenKey(connectionId),
                                           tokens.accessToken.toUtf8(), std::move(metadataAndLease)),
                     this, [promise](const Result<SecretReference> &put) {
                         settle<void>(promise, put ? Result<void>() : fail(put.error()));
                     });
    };
    // The refresh token first: after a rotation it is the only one the provider still accepts.
    if (tokens.refreshToken.isEmpty()) {
        whenFinished(m_secrets.remove(refreshTokenKey(connectionId)), this,
                     [promise, writeAccessToken](const Result<bool> &removed) {
                         if (!removed) {
                             settle<void>(promise, fail(removed.error()));
                             return;
                         }
                         writeAccessToken();
                     });
    } else {
        whenFinished(m_secrets.put(refreshTokenKey(connectionId), tokens.refreshToken.toUtf8()),
                     this, [promise, writeAccessToken](const Result<SecretReference> &put) {
                         if (!put) {
                             settle<void>(promise, fail(put.error()));
                             return;
                         }
                         writeAccessToken();
                     });
    }
    return promise->future();
}

QFuture<Result<void>> StoreTokenStore::removeTokens(qint64 connectionId)
{
    auto promise = newPromise<void>();
    whenFinished(m_secrets.remove(accessTokenKey(connectionId)), this,
                 [this, connectionId, promise](const Result<bool> &removedAccess) {
                     if (!removedAccess) {
                         settle<void>(promise, fail(removedAccess.error()));
                         return;
                     }
                     whenFinished(m_secrets.remove(refreshTokenKey(connectionId)), this,
                                  [this, connectionId, promise](const Result<bool> &removedRefresh) {
                                      if (!removedRefresh) {
                                          settle<void>(promise, fail(removedRefresh.error()));
                                          return;
                                      }
                                      whenFinished(m_store.write([connectionId](SqlSession &session)
                                                                         -> Result<void> {
                                          for (const QString &table :
                                               {u"oauth_credentials"_s, u"oauth_refresh_leases"_s,
                                                u"oauth_validity_checks"_s}) {
                                              Result<void> deleted = session.execute(
                                                      u"DELETE FROM %1 WHERE connection_id = ?"_s
                                                              .arg(table),
                                                      {connectionId});
                                              if (!deleted)
                                                  return deleted;
                                          }
                                          // The connection itself may be gone already.
                                          if (!ConnectionRepository::get(session, connectionId))
                                              return {};
                                          Result<Connection> updated = ConnectionRepository::
                                                  updateStatus(session, connectionId,
                                                               ConnectionStatus::Unauthorized,
                                                               std::nullopt);
                                          return updated ? Result<void>() : fail(updated.error());
                                      }),
                                                   this, [promise](const Result<void> &removed) {
                                                       settle(promise, removed);
                                                   });
                                  });
                 });
    return promise->future();
}

QFuture<Result<RefreshLease>> StoreTokenStore::acquireRefreshLease(qint64 connectionId,
                                                                   const QString &holder,
                                                                   qint64 durationMs)
{
    return m_store.write([connectionId, holder,
                          durationMs](SqlSession &session) -> Result<RefreshLease> {
        if (Result<Connection> existing = ConnectionRepository::get(session, connectionId);
            !existing) {
            return fail(existing.error());
        }
        const qint64 now = session.nowMs();
        // Taken when free, lapsed, or already ours; one statement in the write transaction, so
        // two processes cannot both win.
        Result<void> taken = session.execute(uR"sql(
INSERT INTO oauth_refresh_leases (connection_id, holder, expires_at_ms) VALUES (?, ?, ?)
ON CONFLICT (connection_id) DO UPDATE SET holder = excluded.holder,
    expires_at_ms = excluded.expires_at_ms
WHERE oauth_refresh_leases.holder = excluded.holder
    OR oauth_refresh_leases.expires_at_ms <= ?)sql"_s,
                                             {connectionId, holder, now + durationMs, now});
        if (!taken)
            return fail(taken.error());
        Result<QSqlQuery> current = session.execOneRow(
                u"SELECT holder, expires_at_ms FROM oauth_refresh_leases WHERE connection_id = ?"_s,
                {connectionId});
        if (!current)
            return fail(current.error());
        RefreshLease lease;
        lease.holder = current->value(0).toString();
        lease.expiresAtMs = current->value(1).toLongLong();
        lease.acquired = lease.holder == holder;
        return lease;
    });
}

QFuture<Result<void>> StoreTokenStore::releaseRefreshLease(qint64 connectionId,
                                                           const QString &holder)
{
    return m_store.write([connectionId, holder](SqlSession &session) {
        return releaseLease(session, connectionId, holder);
    });
}

QFuture<Result<void>> StoreTokenStore::markNeedsReauthorization(qint64 connectionId,
                                                                const Error &reason,
                                                                const QString &releaseLeaseOf)
{
    return m_store.write([connectionId, reason,
                          releaseLeaseOf](SqlSession &session) -> Result<void> {
        Result<Connection> existing = ConnectionRepository::get(session, connectionId);
        if (!existing)
            return fail(existing.error());
        if (Result<Connection> updated
            = ConnectionRepository::updateStatus(session, connectionId,
                                                 ConnectionStatus::NeedsReauthorization,
                                                 existing->tokenExpiresAtMs);
            !updated) {
            return fail(updated.error());
        }
        Result<Connection> recorded = ConnectionRepository::recordCheck(session, connectionId,
                                                                        session.nowMs(),
                                                                        reason.message.left(2000));
        if (!recorded)
            return fail(recorded.error());
        return releaseLease(session, connectionId, releaseLeaseOf);
    });
}

QFuture<Result<void>> StoreTokenStore::recordValidityCheck(qint64 connectionId,
                                                           const ValidityCheck &check)
{
    return m_store.write([connectionId, check](SqlSession &session) -> Result<void> {
        Result<Connection> recorded = ConnectionRepository::recordCheck(session, connectionId,
                                                                        check.checkedAtMs,
                                                                        check.message.left(2000));
        if (!recorded)
            return fail(recorded.error());
        // Migration 10: the latest check only.
        return session.execute(uR"sql(
INSERT INTO oauth_validity_checks (connection_id, verdict, http_status, checked_at_ms, message)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (connection_id) DO UPDATE SET verdict = excluded.verdict,
    http_status = excluded.http_status, checked_at_ms = excluded.checked_at_ms,
    message = excluded.message)sql"_s,
                               {connectionId, nameOf(check.verdict),
                                qint64(std::max(0, check.httpStatus)), check.checkedAtMs,
                                check.message.left(2000)});
    });
}

} // namespace wb::core
