// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/connectionremover.h"

#include "core/oauth/connectionclient.h"
#include "core/oauth/storetokenstore.h"
#include "core/oauth/workspaceoauth.h"
#include "core/secrets/connectionsecrets.h"
#include "core/store/connectionrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/store.h"
#include "core/store/tenantrepository.h"
#include "core/util/futures.h"

#include <QPromise>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

struct ConnectionRemover::Job
{
    QPromise<Result<ConnectionRemovalReport>> promise;
    ConnectionRemovalReport report;
    QList<SecretReference> references;
    std::unique_ptr<StoreTokenStore> tokens;
    std::unique_ptr<TokenRevoker> revoker;

    static bool isToken(const SecretReference &reference)
    {
        return reference.key.kind == SecretKind::AccessToken
               || reference.key.kind == SecretKind::RefreshToken;
    }
    bool hadTokens() const { return std::any_of(references.cbegin(), references.cend(), isToken); }
    // The TokenRevoker ran: it deleted the tokens, whatever the provider answered.
    void tokensDeleted() { references.removeIf(isToken); }
};

struct ConnectionRemover::TenantJob
{
    QPromise<Result<TenantRemovalReport>> promise;
    TenantRemovalReport report;
    QList<qint64> remaining;
};

namespace {

struct Snapshot
{
    Connection connection;
    QList<SecretReference> references;
};

} // namespace

ConnectionRemover::ConnectionRemover(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{}

ConnectionRemover::~ConnectionRemover() = default;

QFuture<Result<ConnectionRemovalReport>> ConnectionRemover::remove(qint64 connectionId,
                                                                   ClientChoice client)
{
    auto job = std::make_shared<Job>();
    job->promise.start();
    job->report.connectionId = connectionId;
    QFuture<Result<ConnectionRemovalReport>> future = job->promise.future();
    // Nothing fires for the connection from here on, also if the removal fails below: a
    // connection being removed is not refreshed with tokens about to be revoked.
    if (m_services.oauth)
        m_services.oauth->unwatch(connectionId);
    whenFinished(m_services.store->read([connectionId](SqlSession &session) -> Result<Snapshot> {
        Result<Connection> connection = ConnectionRepository::get(session, connectionId);
        if (!connection)
            return fail(connection.error());
        Result<QList<SecretReference>> references = SecretReferenceRepository::list(session,
                                                                                    connectionId);
        if (!references)
            return fail(references.error());
        return Snapshot{*connection, *references};
    }),
                 this, [this, job, client](const Result<Snapshot> &snapshot) {
                     if (!snapshot) {
                         finish(job, fail(snapshot.error()));
                         return;
                     }
                     job->report.providerId = snapshot->connection.providerId;
                     job->references = snapshot->references;
                     job->report.revocation.hadCredential = job->hadTokens();
                     revoke(job, client);
                 });
    return future;
}

void ConnectionRemover::revoke(std::shared_ptr<Job> job, ClientChoice choice)
{
    const qint64 id = job->report.connectionId;
    if (!m_services.secrets) {
        if (job->hadTokens()) {
            job->report.revocationFailure
                    = Error{u"oauth.revocation_failed"_s,
                            tr("The tokens of connection %1 were not revoked at the provider: the "
                               "workspace's secrets cannot be read (%2).")
                                    .arg(id)
                                    .arg(m_services.secretsUnavailable
                                                 ? m_services.secretsUnavailable->message
                                                 : tr("no secret backend"))};
        }
        removeConnection(job);
        return;
    }
    whenFinished(resolveConnectionClient(*m_services.store, *m_services.secrets,
                                         *m_services.catalog, id, std::move(choice)),
                 this, [this, job, id](const Result<ConnectionClient> &client) {
                     if (!client) {
                         // Without a client nothing can be revoked; that matters only when the
                         // connection holds tokens.
                         if (job->hadTokens()) {
                             job->report.revocationFailure = Error{
                                     u"oauth.revocation_failed"_s,
                                     tr("The tokens of connection %1 were not revoked at the "
                                        "provider: %2")
                                             .arg(id)
                                             .arg(client.error().message)};
                         }
                         removeConnection(job);
                         return;
                     }
                     job->tokens = std::make_unique<StoreTokenStore>(*m_services.store,
                                                                     *m_services.secrets);
                     job->revoker = std::make_unique<TokenRevoker>(*job->tokens,
                                                                   *m_services.network);
                     whenFinished(job->revoker->revokeAndRemove(id, client->config), this,
                                  [this, job](const Result<RevocationOutcome> &outcome) {
                                      job->tokensDeleted();
                                      if (outcome) {
                                          job->report.revocation = *outcome;
                                      } else {
                                          job->report.revocation.providerSupportsRevocation = true;
                                          job->report.revocationFailure = outcome.error();
                                      }
                                      removeConnection(job);
                                  });
                 });
}

void ConnectionRemover::removeConnection(std::shared_ptr<Job> job)
{
    whenFinished(m_services.store->removeConnection(job->report.connectionId), this,
                 [this, job](const Result<void> &removed) {
                     if (!removed) {
                         Error error = removed.error();
                         if (job->report.revocation.revokedAtProvider)
                             error.message += u' '
                                              + tr("Its tokens were revoked at the provider "
                                                   "already; authorize it again to use it.");
                         finish(job, fail(error));
                         return;
                     }
                     deleteSecretValues(job);
                 });
}

void ConnectionRemover::deleteSecretValues(std::shared_ptr<Job> job)
{
    // A sealed workspace's values went with the connection's rows (ON DELETE CASCADE).
    if (!m_services.secrets || m_services.secrets->backend().keepsValuesInWorkspace()
        || job->references.isEmpty()) {
        finish(job, job->report);
        return;
    }
    auto pending = std::make_shared<qsizetype>(job->references.size());
    for (const SecretReference &reference : std::as_const(job->references)) {
        whenFinished(m_services.secrets->backend().remove(reference.key), this,
                     [this, job, pending](const Result<void> &removed) {
                         if (!removed)
                             job->report.secretWarnings.append(removed.error().message);
                         if (--*pending == 0)
                             finish(job, job->report);
                     });
    }
}

QFuture<Result<TenantRemovalReport>> ConnectionRemover::removeTenant(qint64 tenantId)
{
    auto job = std::make_shared<TenantJob>();
    job->promise.start();
    job->report.tenantId = tenantId;
    QFuture<Result<TenantRemovalReport>> future = job->promise.future();
    whenFinished(m_services.store->read([tenantId](SqlSession &session) -> Result<QList<qint64>> {
        if (Result<Tenant> tenant = TenantRepository::get(session, tenantId); !tenant)
            return fail(tenant.error());
        Result<QList<Connection>> connections = ConnectionRepository::list(session, tenantId);
        if (!connections)
            return fail(connections.error());
        QList<qint64> ids;
        for (const Connection &connection : *connections)
            ids.append(connection.id);
        return ids;
    }),
                 this, [this, job](const Result<QList<qint64>> &ids) {
                     if (!ids) {
                         job->promise.addResult(Result<TenantRemovalReport>(fail(ids.error())));
                         job->promise.finish();
                         return;
                     }
                     job->remaining = *ids;
                     removeNextConnection(job);
                 });
    return future;
}

void ConnectionRemover::removeNextConnection(std::shared_ptr<TenantJob> job)
{
    if (job->remaining.isEmpty()) {
        whenFinished(m_services.store->removeTenant(job->report.tenantId), this,
                     [job](const Result<void> &removed) {
                         job->promise.addResult(
                                 removed ? Result<TenantRemovalReport>(job->report)
                                         : Result<TenantRemovalReport>(fail(removed.error())));
                         job->promise.finish();
                     });
        return;
    }
    const qint64 connectionId = job->remaining.takeFirst();
    whenFinished(remove(connectionId), this,
                 [this, job](const Result<ConnectionRemovalReport> &removed) {
                     if (!removed) {
                         job->promise.addResult(Result<TenantRemovalReport>(fail(removed.error())));
                         job->promise.finish();
                         return;
                     }
                     job->report.connections.append(*removed);
                     removeNextConnection(job);
                 });
}

void ConnectionRemover::finish(std::shared_ptr<Job> job, Result<ConnectionRemovalReport> result)
{
    job->promise.addResult(std::move(result));
    job->promise.finish();
}

} // namespace wb::core
