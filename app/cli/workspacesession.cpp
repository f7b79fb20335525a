// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacesession.h"

#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstore.h"
#include "core/store/connectionrepository.h"
#include "core/store/secretreferencerepository.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wb::cli {

WorkspaceSession::WorkspaceSession(std::unique_ptr<core::Store> store)
    : m_store(std::move(store))
{}

WorkspaceSession::~WorkspaceSession() = default;

core::Result<std::unique_ptr<WorkspaceSession>> WorkspaceSession::open(const CommandContext &context)
{
    auto store = core::openWorkspace(context.workspacePath,
                                     core::StoreServices{core::SystemClock::instance()});
    if (!store)
        return core::fail(store.error());
    return std::unique_ptr<WorkspaceSession>(new WorkspaceSession(std::move(*store)));
}

QFuture<core::Result<QList<core::SecretReference>>> WorkspaceSession::secretReferences(
        std::optional<qint64> tenantId, std::optional<qint64> connectionId)
{
    return m_store->read([tenantId, connectionId](core::SqlSession &session)
                                 -> core::Result<QList<core::SecretReference>> {
        QList<qint64> connectionIds;
        if (connectionId) {
            auto connection = core::ConnectionRepository::get(session, *connectionId);
            if (!connection)
                return core::fail(connection.error());
            connectionIds.append(connection->id);
        } else {
            auto connections = core::ConnectionRepository::list(session, tenantId);
            if (!connections)
                return core::fail(connections.error());
            for (const core::Connection &connection : *connections)
                connectionIds.append(connection.id);
        }
        QList<core::SecretReference> references;
        for (qint64 id : connectionIds) {
            auto list = core::SecretReferenceRepository::list(session, id);
            if (!list)
                return core::fail(list.error());
            references += *list;
        }
        return references;
    });
}

void WorkspaceSession::deleteSecretValues(const QList<core::SecretReference> &references,
                                          std::function<void(const QStringList &)> done)
{
    if (references.isEmpty()) {
        done({});
        return;
    }
    // A sealed workspace keeps its values in the rows that went with the connection (ON DELETE
    // CASCADE): nothing is left to delete, and no master key is needed.
    if (m_store->workspaceInfo().secretBackend == u"sealed"_s) {
        done({});
        return;
    }
    if (!m_secrets) {
        auto backend = core::createSecretStore(*m_store);
        if (!backend) {
            done({backend.error().message});
            return;
        }
        m_secrets = std::move(*backend);
    }
    struct Pending
    {
        qsizetype count = 0;
        QStringList warnings;
        std::function<void(const QStringList &)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->count = references.size();
    pending->done = std::move(done);
    for (const core::SecretReference &reference : references) {
        core::whenFinished(m_secrets->remove(reference.key), this,
                           [pending](const core::Result<void> &removed) {
                               if (!removed)
                                   pending->warnings.append(removed.error().message);
                               if (--pending->count == 0)
                                   pending->done(pending->warnings);
                           });
    }
}

void WorkspaceSession::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    QTimer::singleShot(0, QCoreApplication::instance(),
                       [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace wb::cli
