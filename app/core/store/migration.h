// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace wb::core {

// One numbered step of the workspace schema. Applied in its own transaction together with its row
// in `schema_version`, so a workspace is always at exactly one version.
//
// Adding a migration: write store/migrations/m<NNNN><name>.cpp returning the next number, add it to
// workspaceMigrations() (store/migrations/migrationlist.cpp), and add a frozen fixture of a
// workspace at the previous latest version (tests/fixtures/store/README.md) so the upgrade is
// tested with data. Never edit a migration that has landed on main.
struct Migration
{
    int version = 0;
    QString description; // English, short ("tenants, connections, identity mappings")
    // Portable SQL with the dialect's type tokens (sqldialect.h), run in order.
    QStringList statements;
    // Optional: runs after the statements, in the same transaction (data moves that need code).
    std::function<Result<void>(SqlSession &)> apply;
};

// The workspace schema: ascending, contiguous from 1.
const QList<Migration> &workspaceMigrations();
// The newest schema version this build knows (the last migration's number).
int latestSchemaVersion();

// Applies migrations. Backend-neutral: it uses only the session and its dialect.
class MigrationRunner final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::MigrationRunner)

public:
    // The schema version of the database behind `session` without changing anything: 0 for an
    // empty database. `location` is for messages. Errors:
    //  - `store.not_a_workspace`: it has tables but no `schema_version` (another program's
    //    database); the message names a few of its tables;
    //  - `store.newer_schema`: written by a newer Wirebench; the message names both versions;
    //  - `store.query_failed` from the driver.
    static Result<int> inspect(SqlSession &session, const QString &location,
                               const QList<Migration> &migrations);

    // Brings the database up to `targetVersion` (default: the last migration), one transaction per
    // migration. Returns the version reached. Errors: those of inspect(), and
    // `store.migration_failed` naming the migration and the driver's message; the database is then
    // left at the last version that completed.
    static Result<int> migrate(SqlSession &session, const QString &location,
                               const QList<Migration> &migrations, int targetVersion = -1);

    // Checks that `migrations` are numbered 1, 2, 3, … and that their SQL expands in `session`'s
    // dialect. Error `store.bad_migration_list` (a programming error, caught by the tests).
    static Result<void> validate(const QList<Migration> &migrations, const SqlDialect &dialect);
};

} // namespace wb::core
