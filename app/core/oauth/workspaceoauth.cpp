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

QFuture<Result<QList<WorkspaceOAuth::Watchable>>> WorkspaceOAuth::watchableConnections()
{
    return m_services.store->read([](SqlSession &session) -> Result<QList<Watchable>> {
        Result<QSqlQuery> query = session.exec(
                u"SELECT c.connection_id, c.updated_at_ms, k.updated_at_ms FROM oauth_clients c "
                "JOIN oauth_credentials k ON k.connection_id = c.connection_id "
                "ORDER BY c.connection_id"_s);
        if (!query)
            return fail(query.error());
        QList<Watchable> found;
        while (query->next()) {
            found.append({query->value(0).toLongLong(),
                          std::max(query->value(1).toLongLong(), query->value(2).toLongLong())});
        }
        return found;
    });
}

QFuture<Result<QList<qint64>>> WorkspaceOAuth::start()
{
    m_reconcileTimer.start();
    return reconcilePass(Report::Watched);
}

QFuture<Result<QList<qint64>>> WorkspaceOAuth::reconcile()
{
    return reconcilePass(Report::LetGo);
}

QFuture<Result<QList<qint64>>> WorkspaceOAuth::reconcilePass(Report report)
{
    auto promise = std::make_shared<QPromise<Result<QList<qint64>>>>();
    promise->start();
    QFuture<Result<QList<qint64>>> future = promise->future();
    whenFinished(watchableConnections(), this,
                 [this, promise, report](const Result<QList<Watchable>> &found) {
                     if (!found) {
                         promise->addResult(fail(found.error()));
                         promise->finish();
                         return;
                     }
                     QHash<qint64, qint64> present; // id → version
                     for (const Watchable &w : *found)
                         present.insert(w.connectionId, w.version);
                     // Let go of what left the workspace, and forget why it was not watched.
                     QList<qint64> gone;
                     for (const qint64 id : watched()) {
                         if (!present.contains(id)) {
                             unwatch(id);
                             gone.append(id);
                         }
                     }
                     m_letGo.removeIf([&present](qint64 id) { return !present.contains(id); });
                     m_skipped.removeIf([&present](const auto &entry) {
                         return !present.contains(entry.key());
                     });
                     // Watch the rest, except what unwatch() let go and what failed with the same
                     // stored client and credential (it is tried again once they change).
                     struct Pending
                     {
                         qsizetype count = 1; // this pass itself, released below
                         QList<qint64> watched;
                     };
                     auto pending = std::make_shared<Pending>();
                     const auto finishOne = [promise, pending, report, gone] {
                         if (--pending->count > 0)
                             return;
                         QList<qint64> ids = report == Report::Watched ? pending->watched : gone;
                         std::sort(ids.begin(), ids.end());
                         promise->addResult(ids);
                         promise->finish();
                     };
                     for (const Watchable &w : *found) {
                         const qint64 id = w.connectionId;
                         if (m_refresher->isWatching(id) || m_letGo.contains(id)
                             || m_skipped.value(id, -1) == w.version) {
                             continue;
                         }
                         ++pending->count;
                         whenFinished(watch(id), this,
                                      [this, w, pending, finishOne](const Result<void> &watched) {
                                          if (watched) {
                                              pending->watched.append(w.connectionId);
                                          } else {
                                              m_skipped.insert(w.connectionId, w.version);
                                              Q_EMIT connectionSkipped(w.connectionId,
                                                                       watched.error());
                                          }
                                          finishOne();
                                      });
                     }
                     finishOne();
                 });
    return future;
}

void WorkspaceOAuth::setReconcileInterval(int intervalMs)
{
    m_reconcileTimer.setInterval(intervalMs);
}

QList<qint64> WorkspaceOAuth::watched() const
{
    return m_refresher->watchedConnections();
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
                         m_letGo.remove(connectionId);
                         m_skipped.remove(connectionId);
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
    m_letGo.insert(connectionId);
    m_checker->unwatch(connectionId);
    m_refresher->unwatch(connectionId);
}

} // namespace wb::core
