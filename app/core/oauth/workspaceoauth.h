// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/refreshsettings.h"
#include "core/util/result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class ConnectionCredentials;
class ConnectionSecrets;
class CredentialRefresher;
class DispatchRefreshHook;
class OAuthConnectionCredentials;
class ProviderCatalog;
class RandomSource;
class Store;
class StoreTokenStore;
class TokenRefresher;
class ValidityChecker;

// The OAuth lifecycle of one open workspace, for the long-running front ends (`wirebench-cli
// serve`, the GUI). start() looks after every connection that was authorized with a stored client
// (oauthclientrecord.h) and has a credential:
//  - proactive refresh ahead of expiry, single-flight across processes (CredentialRefresher);
//  - a validity check through the provider's check endpoint every `checkIntervalMs`
//    (ValidityChecker), recorded on the connection for the models (last check, status);
//  - stops looking after a connection as soon as it is removed: at once when this process removes
//    it (Store::connectionRemoved), and within `reconcileIntervalMs` when another process does
//    (`wirebench-cli connections remove` beside a running GUI or `serve`); the same reconciliation
//    starts looking after connections another process authorized;
//  - the dispatch engine's hooks: credentials() ("Bearer <access token>", refreshed when expired;
//    other connections answered by `fallbackCredentials`) and tokenRefresher() (refresh on 401).
//
// Services (all must outlive this object; every one is required): the workspace's Store and
// ConnectionSecrets, the provider catalog (for clients that name a profile), the network, the
// clock and the random source (backoff jitter), and the dispatcher's credentials for connections
// without OAuth (SecretsConnectionCredentials).
//
// Thread: the main thread (network and keychain). Everything is asynchronous.
class WorkspaceOAuth final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceOAuth)

public:
    struct Services
    {
        Store *store = nullptr;
        ConnectionSecrets *secrets = nullptr;
        const ProviderCatalog *catalog = nullptr;
        QNetworkAccessManager *network = nullptr;
        const Clock *clock = nullptr;
        RandomSource *random = nullptr;
        ConnectionCredentials *fallbackCredentials = nullptr;
    };
    static constexpr qint64 defaultCheckIntervalMs = 15 * 60'000;
    static constexpr int defaultReconcileIntervalMs = 60'000;

    explicit WorkspaceOAuth(const Services &services,
                            qint64 checkIntervalMs = defaultCheckIntervalMs,
                            RefreshSettings settings = {}, QObject *parent = nullptr);
    ~WorkspaceOAuth() override;

    // Watches every connection with a stored client and credential. The future finishes once each
    // has been looked at, with the ids now watched (ascending); a connection that cannot be
    // watched (its client no longer parses, a profile that is gone, its client secret missing
    // from the keychain) is left out and reported by connectionSkipped(). Errors: the Store's,
    // when the connections cannot be listed.
    QFuture<Result<QList<qint64>>> start();
    // Watches one connection (again), e.g. after `oauth authorize` stored a new client and
    // credential. Errors: those of resolveConnectionClient (connectionclient.h) for its stored
    // client, e.g. `oauth.no_client` when it has none.
    QFuture<Result<void>> watch(qint64 connectionId);
    // Stops refreshing and checking the connection (before it is removed); reconcile() leaves it
    // alone until it leaves the workspace or watch() is called for it again.
    void unwatch(qint64 connectionId);
    // The connections looked after now, ascending.
    QList<qint64> watched() const;
    // Compares the connections looked after with the workspace (connections with a stored client
    // and credential): stops looking after those that are gone and starts on new ones, and on
    // skipped ones whose stored client or credential changed since (another process authorized
    // them again). Runs every reconcile interval after start(); the future finishes, once each
    // has been looked at, with the ids that were let go.
    // Errors: the Store's.
    QFuture<Result<QList<qint64>>> reconcile();
    // Real-time milliseconds between reconciliations (default defaultReconcileIntervalMs); takes
    // effect at once when running.
    void setReconcileInterval(int intervalMs);

    CredentialRefresher &refresher();
    ValidityChecker &checker();
    ConnectionCredentials &credentials();
    TokenRefresher &tokenRefresher();

Q_SIGNALS:
    void connectionSkipped(qint64 connectionId, const wb::core::Error &reason);

private:
    // A connection with a stored client and credential; `version` is the later of their
    // updated_at_ms, so a change to either is seen.
    struct Watchable
    {
        qint64 connectionId = 0;
        qint64 version = 0;
    };
    enum class Report { Watched, LetGo };

    QFuture<Result<QList<Watchable>>> watchableConnections();
    // start() and reconcile(): the future reports the ids newly watched, or those let go.
    QFuture<Result<QList<qint64>>> reconcilePass(Report report);

    Services m_services;
    QSet<qint64> m_letGo;            // unwatch()ed: reconcile() does not watch them again
    QHash<qint64, qint64> m_skipped; // id → version reported by connectionSkipped()
    QTimer m_reconcileTimer;
    qint64 m_checkIntervalMs;
    std::unique_ptr<StoreTokenStore> m_tokens;
    std::unique_ptr<CredentialRefresher> m_refresher;
    std::unique_ptr<ValidityChecker> m_checker;
    std::unique_ptr<DispatchRefreshHook> m_hook;
    std::unique_ptr<OAuthConnectionCredentials> m_credentials;
};

} // namespace wb::core
