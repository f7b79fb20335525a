// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqlite/sqliteconnection.h"

#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

constexpr int sqliteCorrupt = 11;      // SQLITE_CORRUPT (https://sqlite.org/rescode.html)
constexpr int sqliteNotADatabase = 26; // SQLITE_NOTADB

Result<QString> pragma(QSqlDatabase &database, const QString &statement, const QString &path)
{
    QSqlQuery query(database);
    if (!query.exec(statement))
        return fail(SqliteConnection::classify(query.lastError(), path));
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

Result<QSqlDatabase> SqliteConnection::open(const QString &path, const QString &name, Access access,
                                            int busyTimeoutMs)
{
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        return fail(u"store.driver_missing"_s,
                    tr("The Qt SQLite driver (QSQLITE) is not installed; on Debian install "
                       "libqt6sql6-sqlite."));
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs);
    if (access == Access::Immutable) {
        database.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded)
                                 + u"?immutable=1"_s);
        options += u";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s;
    } else {
        database.setDatabaseName(path);
    }
    if (access != Access::ReadWrite)
        options += u";QSQLITE_OPEN_READONLY"_s;
    database.setConnectOptions(options);
    if (!database.open()) {
        const QString message = database.lastError().text();
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return fail(u"store.open_failed"_s,
                    tr("Cannot open the workspace %1: %2").arg(path, message));
    }
    return database;
}

Result<void> SqliteConnection::configureWriter(QSqlDatabase &database, const QString &path)
{
    Result<QString> mode = pragma(database, u"PRAGMA journal_mode = WAL"_s, path);
    if (!mode)
        return fail(mode.error());
    if (mode->compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        return fail(u"store.open_failed"_s,
                    tr("The workspace %1 cannot use write-ahead logging (journal mode stays "
                       "\"%2\"); is it on a network file system?")
                            .arg(path, *mode));
    }
    for (const QString &statement :
         {u"PRAGMA synchronous = FULL"_s, u"PRAGMA foreign_keys = ON"_s}) {
        if (Result<QString> set = pragma(database, statement, path); !set)
            return fail(set.error());
    }
    return {};
}

Result<void> SqliteConnection::configureReader(QSqlDatabase &database, const QString &path)
{
    if (Result<QString> set = pragma(database, u"PRAGMA foreign_keys = ON"_s, path); !set)
        return fail(set.error());
    if (Result<QString> readable = pragma(database, u"PRAGMA schema_version"_s, path); !readable)
        return fail(readable.error());
    return {};
}

Error SqliteConnection::classify(const QSqlError &error, const QString &path)
{
    const int primary = error.nativeErrorCode().toInt() & 0xff;
    if (primary == sqliteCorrupt || primary == sqliteNotADatabase) {
        return Error{u"store.corrupt"_s,
                     tr("The workspace %1 is damaged and cannot be read (%2). It was not changed; "
                        "restore it from a backup.")
                             .arg(path, error.text())};
    }
    return Error{u"store.open_failed"_s,
                 tr("Cannot read the workspace %1: %2").arg(path, error.text())};
}

} // namespace wb::core
