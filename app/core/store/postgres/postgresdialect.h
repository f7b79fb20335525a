// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/sqldialect.h"

namespace wb::core {

// PostgreSQL 10+ (Debian 12 ships 15) through Qt's QPSQL driver.
//  - {{pk}} is an identity column (https://www.postgresql.org/docs/15/ddl-identity-columns.html):
//    BY DEFAULT so a migration can copy rows with their ids; sequences never hand out a value
//    twice.
//  - Writers serialise on one transaction-level advisory lock
//    (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS), taken right after
//    BEGIN: the same one-writer-at-a-time semantics as SQLite's BEGIN IMMEDIATE, so repositories
//    written as "read, then write" stay correct with several processes on one database. Work
//    claims (dispatch) additionally lock their rows with FOR UPDATE SKIP LOCKED.
//  - Readers run REPEATABLE READ, READ ONLY: one snapshot per job, never blocking writers.
class PostgresDialect final : public SqlDialect
{
public:
    // The advisory lock key of the workspace writer lock (any constant works; it is per database).
    static constexpr qint64 writerLockKey = 0x5742'0001; // "WB", 1

    QString name() const override;
    QStringList beginWriteTransaction(WriteConcurrency concurrency) const override;
    QString skipLockedClause() const override;
    QString beginReadTransaction() const override;
    QString listTablesQuery() const override;
    // lock_not_available (55P03, lock_timeout passed), serialization_failure (40001),
    // deadlock_detected (40P01): https://www.postgresql.org/docs/15/errcodes-appendix.html
    bool isBusy(const QSqlError &error) const override;
    bool preparesEveryStatement() const override { return false; }
    // setval() of the identity sequence to MAX(id) (https://www.postgresql.org/docs/15/
    // functions-sequence.html).
    QStringList afterExplicitIds(const QString &table) const override;
    // NOTIFY: delivered to listeners at commit, once per transaction and channel.
    QString notifyStatement(const QString &channel) const override;

protected:
    QString typeFor(const QString &token) const override;
};

} // namespace wb::core
