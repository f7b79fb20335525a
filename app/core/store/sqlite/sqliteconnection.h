// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>

namespace wb::core {

// Opening and configuring QSQLITE connections. Thread: a connection belongs to the thread that
// opened it; remove it there (QSqlDatabase::removeDatabase) after the last copy is gone.
class SqliteConnection final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SqliteConnection)

public:
    enum class Access {
        ReadOnly, // SQLITE_OPEN_READONLY: can never change the file
        // Read-only and immutable (https://sqlite.org/uri.html#uriimmutable): no locks, no -wal or
        // -shm files created. Only for a file nobody else writes (a WAL file without its -wal).
        Immutable,
        ReadWrite, // creates the file when missing
    };

    // Opens `path` as connection `name` with a busy timeout (ms). Errors: `store.driver_missing`
    // (the Qt SQLite plugin is not installed), `store.open_failed` with the driver's message.
    static Result<QSqlDatabase> open(const QString &path, const QString &name, Access access,
                                     int busyTimeoutMs);
    // The writer's settings: journal_mode=WAL (https://sqlite.org/wal.html), synchronous=FULL (a
    // commit is durable when COMMIT returns, also on power loss), foreign_keys=ON. Error
    // `store.open_failed` naming the pragma that failed.
    static Result<void> configureWriter(QSqlDatabase &database, const QString &path);
    // For readers: foreign_keys=ON (harmless) and a check that the connection can read.
    static Result<void> configureReader(QSqlDatabase &database, const QString &path);

    // Maps an SQLite failure while reading the schema to `store.corrupt` (SQLITE_CORRUPT,
    // SQLITE_NOTADB) or `store.open_failed` (anything else), naming the file.
    static Error classify(const QSqlError &error, const QString &path);
};

} // namespace wb::core
