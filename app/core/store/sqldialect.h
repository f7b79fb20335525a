// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QSqlError>
#include <QString>
#include <QStringList>

namespace wb::core {

// The few places where the SQL of SQLite and PostgreSQL differ, so that migrations and repositories
// are written once in portable SQL. Everything else (placeholders bound through QSqlQuery,
// `INSERT … RETURNING`, `ON CONFLICT`, partial and expression indexes, `ON DELETE CASCADE`) is
// common to SQLite ≥ 3.35 and PostgreSQL ≥ 10.
//
// Migration SQL names the differing types with tokens that expand() replaces:
//   {{pk}}     an auto-assigned 64-bit primary key whose values are never reused
//   {{int64}}  a 64-bit integer (foreign keys, counters)
//   {{ms}}     a point in time: UTC milliseconds since 1970-01-01T00:00:00Z, 64-bit integer
//   {{real}}   a double-precision float
//   {{blob}}   raw bytes
//
// Thread: implementations are immutable and safe to use from any thread.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // "sqlite" or "postgresql".
    virtual QString name() const = 0;
    // `sql` with every token above replaced. Error `store.dialect_unknown_token` names the first
    // token this dialect does not know (a typo in a migration), with the surrounding text.
    Result<QString> expand(const QString &sql) const;

    // The statement that starts a write transaction which takes the write lock at once (so two
    // writers never deadlock upgrading a read lock).
    virtual QString beginWriteTransaction() const = 0;
    // The statement that starts a read-only transaction seeing one snapshot of committed data.
    virtual QString beginReadTransaction() const = 0;
    // True when `error` says another connection (another process) held the lock longer than the
    // busy timeout.
    virtual bool isBusy(const QSqlError &error) const = 0;
    // A query returning one column: the names of the user tables in the database.
    virtual QString listTablesQuery() const = 0;

protected:
    // The replacement for `token` (without braces), or a null QString when unknown.
    virtual QString typeFor(const QString &token) const = 0;
};

} // namespace wb::core
