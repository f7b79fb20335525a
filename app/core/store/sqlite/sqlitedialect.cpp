// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqlite/sqlitedialect.h"

using namespace Qt::StringLiterals;

namespace wb::core {

QString SqliteDialect::name() const
{
    return u"sqlite"_s;
}

QStringList SqliteDialect::beginWriteTransaction(WriteConcurrency) const
{
    // IMMEDIATE takes the write lock now, so two processes never deadlock upgrading read locks
    // (https://sqlite.org/lang_transaction.html).
    return {u"BEGIN IMMEDIATE"_s};
}

QString SqliteDialect::skipLockedClause() const
{
    return {};
}

QString SqliteDialect::beginReadTransaction() const
{
    // DEFERRED: the snapshot starts at the first SELECT (WAL: readers never block the writer).
    return u"BEGIN DEFERRED"_s;
}

QString SqliteDialect::listTablesQuery() const
{
    return u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
           "ESCAPE '\\'"_s;
}

bool SqliteDialect::isBusy(const QSqlError &error) const
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without extended codes
    // (https://sqlite.org/rescode.html#busy).
    const int primary = error.nativeErrorCode().toInt() & 0xff;
    return primary == 5 || primary == 6;
}

QString SqliteDialect::typeFor(const QString &token) const
{
    if (token == u"pk"_s)
        return u"INTEGER PRIMARY KEY AUTOINCREMENT"_s;
    if (token == u"int64"_s || token == u"ms"_s)
        return u"INTEGER"_s;
    if (token == u"real"_s)
        return u"REAL"_s;
    if (token == u"blob"_s)
        return u"BLOB"_s;
    return {};
}

} // namespace wb::core
