// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/workspaceoauth.h"

#include "core/oauth/connectionclient.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/dispatchrefreshhook.h"
#include "core/oauth/oauthconnectioncredentials.h"
#include "core/oauth/storetokenstore.h"
#include "core/oauth/validitychecker.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QPromise>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

WorkspaceOAuth::WorkspaceOAuth(const Services &services, qint64 checkIntervalMs,
                               RefreshSettings settings, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_checkIntervalMs(checkIntervalMs)
    , m_tokens(std::make_unique<StoreTokenStore>(*services.store, *services.secrets))
    , m_refresher(std::make_unique<CredentialRefresher>(*m_tokens, *services.network,
                                                        *services.clock, *services.random, settings))
    , m_checker(std::make_unique<ValidityChecker>(*m_refresher, *m_tokens, *services.network,
                                                  *services.clock))
    , m_hook(std::make_unique<DispatchRefreshHook>(*m_refresher, *services.clock))
    , m_credentials(std::make_unique<OAuthConnectionCredentials>(*m_refresher,
                                                                 *services.fallbackCredentials))
{
    connect(services.store, &Store::connectionRemoved, this,
            [this](qint64 connectionId, qint64) { unwatch(connectionId); });
    m_reconcileTimer.setInterval(defaultReconcileIntervalMs);
    connect(&m_reconcileTimer, &QTimer::timeout, this, [this] { reconcile(); });
}

WorkspaceOAuth::~WorkspaceOAuth()
{
    // Users of the refresher first.
    m_credentials.reset();
    m_hook.reset();
    m_checker.reset();
    m_refresher.reset();
    m_tokens.reset();
}

CredentialRefresher &WorkspaceOAuth::refresher()
{
    return *m_refresher;
}

ValidityChecker &WorkspaceOAuth::checker()
{
    return *m_checker;
}

ConnectionCredentials &WorkspaceOAuth::credentials()
{
    return *m_credentials;
}

TokenRefresher &WorkspaceOAuth::tokenRefresher()
{
    return *m_hook;
}

QFuture<Result<QList<qint64>>> WorkspaceOAuth::watchableConnections()
{
    return m_services.store->read([](SqlSession &session) -> Result<QList<qint64>> {
        Result<QSqlQuery> query = session.exec(
                u"SELECT c.connection_id FROM oauth_clients c JOIN oauth_credentials k "
                "ON k.connection_id = c.connection_id ORDER BY c.connection_id"_s);
        if (!query)
            return fail(query.error());
        QList<qint64> ids;
        while (query->next())
            ids.append(query->value(0).toLongLong());
        return ids;
    });
}

QFuture<Result<QList<qint64>>> WorkspaceOAuth::start()
{
    m_reconcileTimer.start();
    auto promise = std::make_shared<QPromise<Result<QList<qint64>>>>();
    promise->start();
    QFuture<Result<QList<qint64>>> future = promise->future();
    whenFinished(watchableConnections(), this, [this, promise](const Result<QList<qint64>> &ids) {
        if (!ids || ids->isEmpty()) {
            promise->addResult(ids);
            promise->finish();
            return;
        }
        struct Pending
        {
            qsizetype count = 0;
            QList<qint64> watched;
        };
        auto pending = std::make_shared<Pending>();
        pending->count = ids->size();
        for (const qint64 id : *ids) {
            whenFinished(watch(id), this, [this, id, pending, promise](const Result<void> &watched) {
                if (watched) {
                    pending->watched.append(id);
                } else {
                    m_skipped.insert(id);
                    Q_EMIT connectionSkipped(id, watched.error());
                }
                if (--pending->count > 0)
                    return;
                std::sort(pending->watched.begin(), pending->watched.end());
                promise->addResult(pending->watched);
                promise->finish();
            });
        }
    });
    return future;
}

QFuture<Result<QList<qint64>>> WorkspaceOAuth::reconcile()
{
    auto promise = std::make_shared<QPromise<Result<QList<qint64>>>>();
    promise->start();
    QFuture<Result<QList<qint64>>> future = promise->future();
    whenFinished(watchableConnections(), this, [this, promise](const Result<QList<qint64>> &ids) {
        if (!ids) {
            promise->addResult(ids);
            promise->finish();
            return;
        }
        const QSet<qint64> present(ids->cbegin(), ids->cend());
        QList<qint64> gone;
        for (const qint64 id : watched()) {
            if (!present.contains(id)) {
                unwatch(id);
                gone.append(id);
            }
        }
        m_skipped.intersect(present);
        for (const qint64 id : *ids) {
            if (!m_watched.contains(id) && !m_skipped.contains(id)) {
                whenFinished(watch(id), this, [this, id](const Result<void> &watched) {
                    if (!watched) {
                        m_skipped.insert(id);
                        Q_EMIT connectionSkipped(id, watched.error());
                    }
                });
            }
        }
        promise->addResult(gone);
        promise->finish();
    });
    return future;
}

void WorkspaceOAuth::setReconcileInterval(int intervalMs)
{
    m_reconcileTimer.setInterval(intervalMs);
}

QList<qint64> WorkspaceOAuth::watched() const
{
    QList<qint64> ids(m_watched.cbegin(), m_watched.cend());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QFuture<Result<void>> WorkspaceOAuth::watch(qint64 connectionId)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QFuture<Result<void>> future = promise->future();
    whenFinished(resolveConnectionClient(*m_services.store, *m_services.secrets,
                                         *m_services.catalog, connectionId),
                 this, [this, connectionId, promise](const Result<ConnectionClient> &client) {
                     Result<void> watched;
                     if (client) {
                         m_watched.insert(connectionId);
                         m_refresher->watch(connectionId, client->config);
                         if (m_checkIntervalMs > 0)
                             m_checker->watch(connectionId, m_checkIntervalMs);
                     } else {
                         watched = fail(client.error());
                     }
                     promise->addResult(std::move(watched));
                     promise->finish();
                 });
    return future;
}

void WorkspaceOAuth::unwatch(qint64 connectionId)
{
    m_watched.remove(connectionId);
    m_checker->unwatch(connectionId);
    m_refresher->unwatch(connectionId);
}

} // namespace wb::core
