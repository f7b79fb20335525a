// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/postgres/postgresdatabase.h"

#include "core/store/groupcommitwriter.h"
#include "core/store/readerpool.h"
#include "core/store/store.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QUuid>

Q_LOGGING_CATEGORY(lcPostgres, "wb.store.postgres", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

// Runs `step` on a connection of its own opened on this thread, then closes and removes it.
Result<void> withConnection(const PostgresLocation &location, PostgresConnection::Access access,
                            int busyTimeoutMs, const SqlDialect &dialect, const Clock &clock,
                            const std::function<Result<void>(SqlSession &)> &step)
{
    const QString name = u"wb-open-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<void> outcome;
    {
        Result<QSqlDatabase> database = PostgresConnection::open(location, name, access,
                                                                 busyTimeoutMs);
        if (!database)
            return fail(database.error());
        {
            SqlSession session(*database, dialect, clock,
                               access == PostgresConnection::Access::ReadWrite);
            outcome = step(session);
        }
        database->close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

SqlConnectionFactory factory(const PostgresLocation &location, PostgresConnection::Access access,
                             int busyTimeoutMs)
{
    return [location, access, busyTimeoutMs](const QString &name) {
        return PostgresConnection::open(location, name, access, busyTimeoutMs);
    };
}

} // namespace

PostgresDatabase::PostgresDatabase(PostgresLocation location, const Clock &clock)
    : m_location(std::move(location))
    , m_clock(clock)
{}

PostgresDatabase::~PostgresDatabase()
{
    close();
}

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const PostgresLocation &location,
                                                                 const Clock &clock,
                                                                 const StoreOptions &options,
                                                                 const DatabaseOpenSteps &steps)
{
    std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(location, clock));
    // An empty database is a new workspace; MigrationRunner::inspect says so (version 0).
    Result<void> inspected = withConnection(location, PostgresConnection::Access::ReadOnly,
                                            options.busyTimeoutMs, database->m_dialect, clock,
                                            steps.inspect);
    if (!inspected)
        return fail(inspected.error());
    Result<void> prepared = withConnection(location, PostgresConnection::Access::ReadWrite,
                                           options.busyTimeoutMs, database->m_dialect, clock,
                                           steps.prepare);
    if (!prepared)
        return fail(prepared.error());
    if (Result<void> started = database->start(options); !started)
        return fail(started.error());
    return database;
}

Result<void> PostgresDatabase::start(const StoreOptions &options)
{
    m_writer = std::make_unique<GroupCommitWriter>(factory(m_location,
                                                           PostgresConnection::Access::ReadWrite,
                                                           options.busyTimeoutMs),
                                                   m_dialect, m_clock,
                                                   options.maxJobsPerTransaction);
    if (Result<void> started = m_writer->start(); !started)
        return started;
    m_readers = std::make_unique<ReaderPool>(factory(m_location,
                                                     PostgresConnection::Access::ReadOnly,
                                                     options.busyTimeoutMs),
                                             m_dialect, m_clock, options.readerThreads);
    return m_readers->start();
}

void PostgresDatabase::submitWrite(std::unique_ptr<WriteJob> job)
{
    m_writer->submit(std::move(job));
}

void PostgresDatabase::submitRead(std::unique_ptr<ReadJob> job)
{
    m_readers->submit(std::move(job));
}

WriterStatistics PostgresDatabase::writerStatistics() const
{
    return m_writer ? m_writer->statistics() : WriterStatistics{};
}

bool PostgresDatabase::listen(const QString &channel, std::function<void()> notify)
{
    if (m_listenerName.isEmpty()) {
        const QString name = u"wb-listen-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        Result<QSqlDatabase> database
                = PostgresConnection::open(m_location, name, PostgresConnection::Access::ReadWrite,
                                           5000);
        if (!database) {
            qCWarning(lcPostgres, "cannot listen for changes (polling instead): %s",
                      qUtf8Printable(database.error().message));
            return false;
        }
        m_listenerName = name;
        m_listenerContext = new QObject;
    }
    QSqlDatabase database = QSqlDatabase::database(m_listenerName, false);
    QSqlDriver *driver = database.driver();
    if (!driver->subscribeToNotification(channel)) {
        qCWarning(lcPostgres, "cannot listen on %s (polling instead): %s", qUtf8Printable(channel),
                  qUtf8Printable(driver->lastError().text()));
        return false;
    }
    QObject::connect(driver, &QSqlDriver::notification, m_listenerContext,
                     [channel, notify = std::move(notify)](const QString &name) {
                         if (name == channel)
                             notify();
                     });
    return true;
}

void PostgresDatabase::close()
{
    if (!m_listenerName.isEmpty()) {
        delete m_listenerContext;
        m_listenerContext = nullptr;
        {
            QSqlDatabase database = QSqlDatabase::database(m_listenerName, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_listenerName);
        m_listenerName.clear();
    }
    if (m_readers)
        m_readers->stop();
    if (m_writer)
        m_writer->stop();
}

} // namespace wb::core
