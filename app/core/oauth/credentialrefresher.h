// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/refreshjob.h"
#include "core/oauth/refreshsettings.h"
#include "core/oauth/tokenstore.h"
#include "core/util/result.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class RandomSource;

// An access token ready to be sent as `Authorization: Bearer …` (RFC 6750 §2.1).
struct AccessToken
{
    QString token; // a secret: never log it
    QString tokenType;
    qint64 expiresAtMs = 0; // UTC ms; 0 when unknown
};

// Keeps the OAuth credentials of the connections it watches alive:
//  - refreshes each access token when it expires (TokenSet::expiresAtMs, which already holds the
//    safety margin), on a timer computed from the injected Clock;
//  - refreshes on demand for an API that refused a token (refresh on 401);
//  - single-flight per connection: concurrent requests join the refresh in flight, and the
//    TokenStore's refresh lease keeps other processes from spending the same refresh token
//    (see RefreshJob for the steps);
//  - a provider outage or network failure never ends a connection: it retries with exponential
//    backoff and full jitter (RefreshSettings), honouring Retry-After;
//  - a dead grant (invalid_grant after re-reading the store) marks the connection
//    needs_reauthorization and stops refreshing it until it is watched again.
//
// Thread: the thread that created it (the main loop); all work is asynchronous. The services
// must outlive it. Futures finish on this thread.
class CredentialRefresher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialRefresher)

public:
    CredentialRefresher(TokenStore &store, QNetworkAccessManager &network, const Clock &clock,
                        RandomSource &random, RefreshSettings settings = {},
                        QObject *parent = nullptr);
    ~CredentialRefresher() override;

    // The lease holder id of this refresher: "<host>/<pid>/<random>", unique per process run.
    QString leaseHolder() const { return m_leaseHolder; }
    const RefreshSettings &settings() const { return m_settings; }

    // Starts (or restarts, after a new authorization) looking after a connection: reads its
    // stored credential and plans the next refresh. Clears needs_reauthorization here.
    void watch(qint64 connectionId, const OAuthClientConfig &config);
    // Stops looking after it; a refresh in flight is abandoned and its waiters get
    // oauth.cancelled. Nothing is removed from the store.
    void unwatch(qint64 connectionId);
    bool isWatching(qint64 connectionId) const;
    // The connections looked after, ascending.
    QList<qint64> watchedConnections() const;
    std::optional<OAuthClientConfig> config(qint64 connectionId) const;
    // When the next refresh or retry is planned (UTC ms), 0 when none is.
    qint64 nextRefreshAtMs(qint64 connectionId) const;
    bool needsReauthorization(qint64 connectionId) const;

    // Refresh on 401, the dispatch engine's hook: `rejectedAccessToken` is the token the API
    // refused (empty: refresh whatever is stored). Joins a refresh in flight. Errors:
    // oauth.not_watched, oauth.needs_reauthorization, oauth.cancelled, the transient errors
    // (isTransientOAuthError(), oauth.lease_busy, store errors) and the grant errors that made
    // the connection need reauthorization.
    QFuture<Result<AccessToken>> refresh(qint64 connectionId,
                                         const QString &rejectedAccessToken = {});
    // A usable access token: the stored one while it has not expired, else a refreshed one.
    // Errors: those of refresh(), and oauth.no_credential.
    QFuture<Result<AccessToken>> accessToken(qint64 connectionId);

    // Stops refreshing a connection whose grant something else found dead (a validity check
    // refused even a fresh token), and emits reauthorizationNeeded(). The store is not written.
    void setNeedsReauthorization(qint64 connectionId, const Error &reason);

    // Re-arms every timer from the clock, after the clock jumped (resume from sleep, a test's
    // ManualClock). A refresh that is due runs at once.
    void reschedule();

Q_SIGNALS:
    // A new access token was stored (by this process, or found stored by another).
    void refreshed(qint64 connectionId, qint64 expiresAtMs);
    // A refresh failed for a reason that passes; the next attempt is planned at `retryAtMs`.
    void refreshFailed(qint64 connectionId, const wb::core::Error &error, qint64 retryAtMs);
    // The grant is dead: a person must authorize the connection again.
    void reauthorizationNeeded(qint64 connectionId, const wb::core::Error &reason);

private:
    using Promise = QPromise<Result<AccessToken>>;
    struct Watched
    {
        OAuthClientConfig config;
        std::unique_ptr<QTimer> timer;
        qint64 dueAtMs = 0;
        QString retryRejectedToken; // a retry after a failed refresh on 401 stays a forced one
        bool retryForced = false;
        RefreshJob *job = nullptr;
        std::vector<std::shared_ptr<Promise>> waiters;
        std::optional<TokenSet> unsaved;
        int failureCount = 0;
        bool needsReauthorization = false;
        Error reauthorizationReason;
    };

    Watched *find(qint64 connectionId);
    const Watched *find(qint64 connectionId) const;
    void planAt(qint64 connectionId, Watched &watched, qint64 dueAtMs);
    void armTimer(Watched &watched);
    void onTimer(qint64 connectionId);
    void startJob(qint64 connectionId, Watched &watched, const QString &rejectedAccessToken,
                  bool forced);
    void onJobFinished(qint64 connectionId, RefreshJob *job, const RefreshJob::Outcome &outcome);
    static QFuture<Result<AccessToken>> ready(Result<AccessToken> result);

    TokenStore &m_store;
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    RandomSource &m_random;
    RefreshSettings m_settings;
    QString m_leaseHolder;
    std::map<qint64, std::unique_ptr<Watched>> m_watched;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::AccessToken)
