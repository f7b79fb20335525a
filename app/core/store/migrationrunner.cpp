// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/migration.h"
#include "core/store/sqldialect.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

// Each step at debug level, off unless asked for (QT_LOGGING_RULES="wb.store.migrations.debug=true").
Q_LOGGING_CATEGORY(lcMigrations, "wb.store.migrations", QtInfoMsg)

namespace wb::core {

namespace {

int lastVersion(const QList<Migration> &migrations)
{
    return migrations.isEmpty() ? 0 : migrations.constLast().version;
}

Result<QStringList> tableNames(SqlSession &session)
{
    Result<QSqlQuery> query = session.exec(session.dialect().listTablesQuery());
    if (!query)
        return fail(query.error());
    QStringList names;
    while (query->next())
        names << query->value(0).toString();
    names.sort();
    return names;
}

Result<int> recordedVersion(SqlSession &session)
{
    Result<QSqlQuery> query = session.execOneRow(u"SELECT MAX(version) FROM schema_version"_s);
    if (!query)
        return fail(query.error());
    return query->value(0).isNull() ? 0 : query->value(0).toInt();
}

} // namespace

Result<int> MigrationRunner::inspect(SqlSession &session, const QString &location,
                                     const QList<Migration> &migrations)
{
    Result<QStringList> tables = tableNames(session);
    if (!tables)
        return fail(tables.error());
    if (tables->isEmpty())
        return 0;
    if (!tables->contains(u"schema_version"_s)) {
        QStringList shown = tables->mid(0, 5);
        if (tables->size() > 5)
            shown << u"…"_s;
        return fail(u"store.not_a_workspace"_s,
                    tr("%1 is a database but not a Wirebench workspace (it has no schema_version "
                       "table; its tables are: %2). It was not changed.")
                            .arg(location, shown.join(u", "_s)));
    }
    Result<int> version = recordedVersion(session);
    if (!version)
        return version;
    const int known = lastVersion(migrations);
    if (*version > known) {
        return fail(u"store.newer_schema"_s,
                    tr("The workspace %1 was written by a newer version of Wirebench (schema "
                       "version %2; this version knows up to %3). Open it with that version or "
                       "newer. It was not changed.")
                            .arg(location)
                            .arg(*version)
                            .arg(known));
    }
    return version;
}

Result<int> MigrationRunner::migrate(SqlSession &session, const QString &location,
                                     const QList<Migration> &migrations, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = lastVersion(migrations);
    const SqlDialect &dialect = session.dialect();

    Result<int> current = inspect(session, location, migrations);
    if (!current)
        return current;
    const int startVersion = *current;
    QStringList applied; // the steps this call made, for one line in the log

    for (const Migration &migration : migrations) {
        if (migration.version <= *current || migration.version > targetVersion)
            continue;

        auto failed = [&](const Error &error) -> Result<int> {
            session.execute(u"ROLLBACK"_s);
            return fail(u"store.migration_failed"_s,
                        tr("Upgrading the workspace %1 to schema version %2 (%3) failed: %4. The "
                           "workspace was left at version %5.")
                                .arg(location)
                                .arg(migration.version)
                                .arg(migration.description, error.message)
                                .arg(*current));
        };

        if (Result<void> begin = session.beginWriteTransaction(); !begin)
            return failed(begin.error());
        // Another process may have migrated while we waited for the write lock.
        Result<int> underLock = inspect(session, location, migrations);
        if (!underLock) {
            session.execute(u"ROLLBACK"_s);
            return underLock;
        }
        if (*underLock >= migration.version) {
            session.execute(u"ROLLBACK"_s);
            current = underLock;
            continue;
        }
        Result<void> step = session.execute(u"CREATE TABLE IF NOT EXISTS schema_version ("
                                            "version INTEGER PRIMARY KEY, "
                                            "description TEXT NOT NULL, "
                                            "applied_at_ms "_s
                                            + dialect.expand(u"{{ms}}"_s).value_or(QString())
                                            + u" NOT NULL)"_s);
        for (qsizetype i = 0; step && i < migration.statements.size(); ++i) {
            Result<QString> sql = dialect.expand(migration.statements.at(i));
            step = sql ? session.execute(*sql) : fail(sql.error());
        }
        if (step && migration.apply)
            step = migration.apply(session);
        if (step) {
            step = session.execute(
                    u"INSERT INTO schema_version (version, description, applied_at_ms) "
                    "VALUES (?, ?, ?)"_s,
                    {migration.version, migration.description, session.nowMs()});
        }
        if (step)
            step = session.execute(u"COMMIT"_s);
        if (!step)
            return failed(step.error());
        qCDebug(lcMigrations, "%s: schema version %d (%s)", qUtf8Printable(location),
                migration.version, qUtf8Printable(migration.description));
        applied << u"%1 (%2)"_s.arg(migration.version).arg(migration.description);
        current = migration.version;
    }
    // One line: a new workspace's many steps are no news, an upgrade of an existing one is.
    if (!applied.isEmpty() && startVersion == 0) {
        qCInfo(lcMigrations, "%s: created the workspace schema (version %d)",
               qUtf8Printable(location), *current);
    } else if (!applied.isEmpty()) {
        qCInfo(lcMigrations, "%s: upgraded the workspace schema from version %d to %d: %s",
               qUtf8Printable(location), startVersion, *current,
               qUtf8Printable(applied.join(u"; "_s)));
    }
    return current;
}

Result<void> MigrationRunner::validate(const QList<Migration> &migrations, const SqlDialect &dialect)
{
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        const Migration &migration = migrations.at(i);
        if (migration.version != i + 1) {
            return fail(u"store.bad_migration_list"_s,
                        tr("Migration number %1 (%2) is in place %3; migrations must be numbered "
                           "1, 2, 3, … in order.")
                                .arg(migration.version)
                                .arg(migration.description)
                                .arg(i + 1));
        }
        for (const QString &statement : migration.statements) {
            Result<QString> expanded = dialect.expand(statement);
            if (!expanded) {
                return fail(u"store.bad_migration_list"_s,
                            tr("Migration %1 (%2): %3")
                                    .arg(migration.version)
                                    .arg(migration.description, expanded.error().message));
            }
        }
    }
    return {};
}

} // namespace wb::core
