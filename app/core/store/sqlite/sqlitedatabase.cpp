// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqlite/sqlitedatabase.h"

#include "core/store/groupcommitwriter.h"
#include "core/store/readerpool.h"
#include "core/store/sqlite/sqliteconnection.h"
#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// https://sqlite.org/fileformat.html#the_database_header: the first 16 bytes.
constexpr char sqliteHeader[] = "SQLite format 3";

// Runs `step` on a connection of its own opened on this thread, then closes and removes it.
Result<void> withConnection(const QString &path, SqliteConnection::Access access, int busyTimeoutMs,
                            const SqlDialect &dialect, const Clock &clock,
                            const std::function<Result<void>(QSqlDatabase &, SqlSession &)> &step)
{
    const QString name = u"wb-open-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<void> outcome;
    {
        Result<QSqlDatabase> database = SqliteConnection::open(path, name, access, busyTimeoutMs);
        if (!database)
            return fail(database.error());
        {
            SqlSession session(*database, dialect, clock,
                               access == SqliteConnection::Access::ReadWrite);
            outcome = step(*database, session);
        }
        database->close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

} // namespace

SqliteDatabase::SqliteDatabase(QString path, const Clock &clock)
    : m_path(std::move(path))
    , m_clock(clock)
{}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path,
                                                             const Clock &clock,
                                                             const StoreOptions &options,
                                                             const OpenSteps &steps)
{
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path, clock));
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        return fail(u"store.not_a_file"_s,
                    tr("The workspace %1 is not a file (it is a folder or a device).").arg(path));
    }
    if (!info.exists() && !info.dir().exists()) {
        return fail(u"store.open_failed"_s,
                    tr("Cannot create the workspace %1: the folder %2 does not exist.")
                            .arg(path, info.dir().path()));
    }

    if (info.exists() && info.size() > 0) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(u"store.open_failed"_s,
                        tr("Cannot read the workspace %1: %2").arg(path, file.errorString()));
        }
        const QByteArray head = file.read(100);
        if (!head.startsWith(QByteArray(sqliteHeader, sizeof(sqliteHeader)))) {
            return fail(u"store.not_a_workspace"_s,
                        tr("%1 is not a Wirebench workspace: it is not an SQLite database (its "
                           "first bytes are not the SQLite header). It was not changed.")
                                .arg(path));
        }
        // A WAL file (header bytes 18-19 are 2) closed cleanly has no -wal: everything is in the
        // file, and an immutable connection reads it without creating -wal and -shm files.
        const bool walWithoutLog = head.size() == 100 && head.at(18) == 2 && head.at(19) == 2
                                   && !QFile::exists(path + u"-wal"_s);
        Result<void> inspected
                = withConnection(path,
                                 walWithoutLog ? SqliteConnection::Access::Immutable
                                               : SqliteConnection::Access::ReadOnly,
                                 options.busyTimeoutMs, database->m_dialect, clock,
                                 [&](QSqlDatabase &connection, SqlSession &session) {
                                     // Reads the header and parses the whole schema: a damaged file fails here.
                                     QSqlQuery probe(connection);
                                     if (!probe.exec(u"SELECT COUNT(*) FROM sqlite_master"_s))
                                         return Result<void>(
                                                 fail(SqliteConnection::classify(probe.lastError(),
                                                                                 path)));
                                     probe.finish();
                                     return steps.inspect(session);
                                 });
        if (!inspected)
            return fail(inspected.error());
    }

    Result<void> prepared = withConnection(path, SqliteConnection::Access::ReadWrite,
                                           options.busyTimeoutMs, database->m_dialect, clock,
                                           [&](QSqlDatabase &connection, SqlSession &session) {
                                               if (Result<void> configured
                                                   = SqliteConnection::configureWriter(connection,
                                                                                       path);
                                                   !configured) {
                                                   return configured;
                                               }
                                               return steps.prepare(session);
                                           });
    if (!prepared)
        return fail(prepared.error());

    if (Result<void> started = database->start(options); !started)
        return fail(started.error());
    return database;
}

Result<void> SqliteDatabase::start(const StoreOptions &options)
{
    const QString path = m_path;
    const int busyTimeoutMs = options.busyTimeoutMs;
    m_writer = std::make_unique<GroupCommitWriter>(
            [path, busyTimeoutMs](const QString &name) -> Result<QSqlDatabase> {
                Result<QSqlDatabase> database
                        = SqliteConnection::open(path, name, SqliteConnection::Access::ReadWrite,
                                                 busyTimeoutMs);
                if (!database)
                    return database;
                if (Result<void> configured = SqliteConnection::configureWriter(*database, path);
                    !configured) {
                    database->close();
                    return fail(configured.error());
                }
                return database;
            },
            m_dialect, m_clock, options.maxJobsPerTransaction);
    if (Result<void> started = m_writer->start(); !started)
        return started;

    m_readers = std::make_unique<ReaderPool>(
            [path, busyTimeoutMs](const QString &name) -> Result<QSqlDatabase> {
                Result<QSqlDatabase> database
                        = SqliteConnection::open(path, name, SqliteConnection::Access::ReadOnly,
                                                 busyTimeoutMs);
                if (!database)
                    return database;
                if (Result<void> configured = SqliteConnection::configureReader(*database, path);
                    !configured) {
                    database->close();
                    return fail(configured.error());
                }
                return database;
            },
            m_dialect, m_clock, options.readerThreads);
    return m_readers->start();
}

void SqliteDatabase::submitWrite(std::unique_ptr<WriteJob> job)
{
    m_writer->submit(std::move(job));
}

void SqliteDatabase::submitRead(std::unique_ptr<ReadJob> job)
{
    m_readers->submit(std::move(job));
}

WriterStatistics SqliteDatabase::writerStatistics() const
{
    return m_writer ? m_writer->statistics() : WriterStatistics{};
}

void SqliteDatabase::close()
{
    // Readers first: the last connection to close checkpoints the WAL into the file and deletes
    // it, which only the read-write writer connection can do.
    if (m_readers)
        m_readers->stop();
    if (m_writer)
        m_writer->stop();
}

} // namespace wb::core
