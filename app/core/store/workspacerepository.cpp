// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/workspacerepository.h"

#include "core/store/store.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<WorkspaceInfo> WorkspaceRepository::get(SqlSession &session)
{
    Result<QSqlQuery> query = session.exec(u"SELECT workspace_uuid, created_at_ms, secret_backend, "
                                           "demo_seeded_at_ms FROM workspace WHERE id = 1"_s);
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        return fail(u"store.no_workspace_record"_s,
                    tr("The workspace has no workspace record (table workspace is empty)."));
    }
    WorkspaceInfo info;
    info.workspaceId = QUuid::fromString(query->value(0).toString());
    info.createdAtMs = query->value(1).toLongLong();
    info.secretBackend = query->value(2).toString();
    info.demoSeededAtMs = optionalInt64(query->value(3));
    return info;
}

Result<WorkspaceInfo> WorkspaceRepository::setSecretBackend(SqlSession &session,
                                                            const QString &backend)
{
    if (backend != u"keychain"_s && backend != u"sealed"_s) {
        return fail(u"store.invalid_secret_backend"_s,
                    tr("Unknown secret backend \"%1\"; expected \"keychain\" or \"sealed\".")
                            .arg(backend));
    }
    Result<void> updated = session.execute(u"UPDATE workspace SET secret_backend = ? WHERE id = 1"_s,
                                           {backend});
    if (!updated)
        return fail(updated.error());
    Result<WorkspaceInfo> info = get(session);
    if (!info)
        return info;
    session.afterCommit([info = *info](Store &store) {
        WorkspaceInfo current = store.workspaceInfo();
        current.secretBackend = info.secretBackend;
        store.setWorkspaceInfo(current);
    });
    return info;
}

Result<WorkspaceInfo> WorkspaceRepository::ensure(SqlSession &session,
                                                  const QString &secretBackendForNew)
{
    if (secretBackendForNew != u"keychain"_s && secretBackendForNew != u"sealed"_s) {
        return fail(u"store.invalid_secret_backend"_s,
                    tr("Unknown secret backend \"%1\"; expected \"keychain\" or \"sealed\".")
                            .arg(secretBackendForNew));
    }
    Result<WorkspaceInfo> existing = get(session);
    if (existing || existing.error().code != u"store.no_workspace_record"_s)
        return existing;
    WorkspaceInfo info;
    info.workspaceId = QUuid::createUuid();
    info.createdAtMs = session.nowMs();
    info.secretBackend = secretBackendForNew;
    Result<void> inserted = session.execute(
            u"INSERT INTO workspace (id, workspace_uuid, created_at_ms, secret_backend) "
            "VALUES (1, ?, ?, ?)"_s,
            {info.workspaceId.toString(QUuid::WithoutBraces), info.createdAtMs, info.secretBackend});
    if (!inserted)
        return fail(inserted.error());
    return info;
}

Result<bool> WorkspaceRepository::markDemoSeeded(SqlSession &session)
{
    Result<QSqlQuery> updated = session.exec(u"UPDATE workspace SET demo_seeded_at_ms = ? "
                                             "WHERE id = 1 AND demo_seeded_at_ms IS NULL"_s,
                                             {session.nowMs()});
    if (!updated)
        return fail(updated.error());
    return updated->numRowsAffected() == 1;
}

} // namespace wb::core
