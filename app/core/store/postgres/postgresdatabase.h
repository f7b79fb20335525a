// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/database.h"
#include "core/store/postgres/postgresconnection.h"
#include "core/store/postgres/postgresdialect.h"

#include <QCoreApplication>

#include <memory>

namespace wb::core {

class Clock;
class GroupCommitWriter;
class ReaderPool;
struct StoreOptions;

// The PostgreSQL workspace backend: one database shared by any number of processes (GUI, CLI,
// `serve` workers on several machines). In each process: one writer connection on its own thread
// with group commit, serialised with the other processes' writers by the dialect's advisory lock;
// reader threads with read-only connections of their own.
class PostgresDatabase final : public Database
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::PostgresDatabase)
    Q_DISABLE_COPY_MOVE(PostgresDatabase)

public:
    // Connects, runs steps.inspect on a read-only connection (when the database has tables) and
    // steps.prepare on a read-write one, then starts the threads. Blocks for the round trips.
    // Errors: PostgresConnection::open's, and those of the steps (see openWorkspace()).
    static Result<std::unique_ptr<PostgresDatabase>> open(const PostgresLocation &location,
                                                          const Clock &clock,
                                                          const StoreOptions &options,
                                                          const DatabaseOpenSteps &steps);
    ~PostgresDatabase() override;

    const SqlDialect &dialect() const override { return m_dialect; }
    QString location() const override { return m_location.display(); }
    void submitWrite(std::unique_ptr<WriteJob> job) override;
    void submitRead(std::unique_ptr<ReadJob> job) override;
    WriterStatistics writerStatistics() const override;
    // LISTEN on a connection of its own on the calling thread (QSqlDriver::subscribeToNotification;
    // the driver watches the socket on that thread's event loop). The first call connects (a
    // blocking round trip, like opening).
    bool listen(const QString &channel, std::function<void()> notify) override;
    void close() override;

private:
    PostgresDatabase(PostgresLocation location, const Clock &clock);
    Result<void> start(const StoreOptions &options);

    const PostgresLocation m_location;
    const Clock &m_clock;
    PostgresDialect m_dialect;
    std::unique_ptr<GroupCommitWriter> m_writer;
    std::unique_ptr<ReaderPool> m_readers;
    QString m_listenerName;               // the LISTEN connection, once opened
    QObject *m_listenerContext = nullptr; // owns the notification connections
};

} // namespace wb::core
