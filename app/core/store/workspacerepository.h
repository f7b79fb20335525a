// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/sqlsession.h"
#include "core/store/workspaceinfo.h"
#include "core/util/result.h"

#include <QCoreApplication>

namespace wb::core {

// The workspace record (table `workspace`, one row).
class WorkspaceRepository final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::WorkspaceRepository)

public:
    // Write session: creates the record with a new random workspace id, now and
    // `secretBackendForNew` ("keychain" or "sealed") when there is none; returns the record.
    // Error `store.invalid_secret_backend` for another backend name.
    static Result<WorkspaceInfo> ensure(SqlSession &session, const QString &secretBackendForNew);
    // Error `store.no_workspace_record` when the row is missing.
    static Result<WorkspaceInfo> get(SqlSession &session);
    // Write session: records `backend` ("keychain" or "sealed") as the workspace's secret backend;
    // after the commit the Store's workspaceInfo() follows and workspaceInfoChanged() is emitted.
    // Error `store.invalid_secret_backend` for another name. Moving the secrets themselves is
    // app/core/secrets' business (SecretMigration), which calls this in its last transaction.
    static Result<WorkspaceInfo> setSecretBackend(SqlSession &session, const QString &backend);
    // Write session: sets demo_seeded_at_ms to now if it was never set. True when it set it.
    static Result<bool> markDemoSeeded(SqlSession &session);
};

// Adds the demo tenant "Acme Corp (demo)" with a GitHub connection and an identity mapping for a
// GitHub installation id, once per workspace ever (see Store::seedDemoWorkspace), and only into a
// workspace without tenants (one that has some is marked seeded and left alone). Write session.
// Returns the demo tenant's id when it seeded, std::nullopt when the workspace had been seeded.
Result<std::optional<qint64>> seedDemoWorkspace(SqlSession &session);

} // namespace wb::core
