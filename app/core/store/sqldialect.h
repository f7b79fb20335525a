// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/writeconcurrency.h"
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

    // The statements that start a write transaction and take the workspace's write lock at once (so
    // two writers never deadlock upgrading a read lock), run in order. One writer at a time per
    // workspace, across processes, on either backend: repositories may read, then write.
    // With WriteConcurrency::RowLocks a backend that locks rows (PostgreSQL) starts a READ
    // COMMITTED transaction without the workspace lock; SQLite takes it anyway.
    virtual QStringList beginWriteTransaction(WriteConcurrency concurrency) const = 0;
    // The clause that ends a `SELECT` so that it locks the rows it returns and skips rows another
    // transaction has locked, without waiting (PostgreSQL `FOR UPDATE SKIP LOCKED`,
    // https://www.postgresql.org/docs/15/sql-select.html#SQL-FOR-UPDATE-SHARE), with a leading
    // space. Empty on SQLite, whose one writer has the whole database to itself.
    virtual QString skipLockedClause() const = 0;
    // The statement that starts a read-only transaction seeing one snapshot of committed data.
    virtual QString beginReadTransaction() const = 0;
    // True when `error` says another connection (another process) held the lock longer than the
    // busy timeout.
    virtual bool isBusy(const QSqlError &error) const = 0;
    // A query returning one column: the names of the user tables in the database.
    virtual QString listTablesQuery() const = 0;
    // True when any statement can be prepared (SQLite). False when only queries and DML can
    // (PostgreSQL's PREPARE takes SELECT, INSERT, UPDATE, DELETE, VALUES: BEGIN, SAVEPOINT and DDL
    // are then sent as plain statements when they carry no values).
    virtual bool preparesEveryStatement() const = 0;
    // Statements to run after rows were inserted into `table` with explicit ids (a migration
    // copying a table), so the next assigned id is above all of them. SQLite's AUTOINCREMENT
    // follows by itself (none); PostgreSQL's identity sequence does not.
    virtual QStringList afterExplicitIds(const QString &table) const = 0;
    // A statement (run in a write job) that notifies the listeners of `channel` when its
    // transaction commits (PostgreSQL NOTIFY, https://www.postgresql.org/docs/15/sql-notify.html),
    // or an empty string when the backend has none (SQLite). `channel` is a plain identifier.
    virtual QString notifyStatement(const QString &channel) const = 0;

protected:
    // The replacement for `token` (without braces), or a null QString when unknown.
    virtual QString typeFor(const QString &token) const = 0;
};

} // namespace wb::core
