// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/sqldialect.h"

namespace wb::core {

// SQLite 3.35+ (Debian 12 ships 3.40): dynamic typing with INTEGER/REAL/BLOB affinities;
// AUTOINCREMENT so ids are never reused (https://sqlite.org/autoinc.html).
class SqliteDialect final : public SqlDialect
{
public:
    QString name() const override;
    QStringList beginWriteTransaction(WriteConcurrency concurrency) const override;
    QString skipLockedClause() const override;
    QString beginReadTransaction() const override;
    QString listTablesQuery() const override;
    bool isBusy(const QSqlError &error) const override;
    bool preparesEveryStatement() const override { return true; }
    QStringList afterExplicitIds(const QString &) const override { return {}; }
    QString notifyStatement(const QString &) const override { return {}; }

protected:
    QString typeFor(const QString &token) const override;
};

} // namespace wb::core
