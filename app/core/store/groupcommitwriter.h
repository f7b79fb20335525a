// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/database.h"
#include "core/store/storejobs.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace wb::core {

class Clock;
class SqlDialect;

// Opens a connection named `connectionName` (QSqlDatabase::addDatabase) on the calling thread and
// configures it. Called on the thread that will use the connection.
using SqlConnectionFactory = std::function<Result<QSqlDatabase>(const QString &connectionName)>;

// The one writer of a workspace: a thread of its own with its own connection. Jobs queue up while a
// transaction runs; the next transaction takes the queued jobs of the first one's kind (Exclusive
// or RowLocks, writeconcurrency.h) in order, up to maxJobsPerTransaction: BEGIN,
// then per job SAVEPOINT → run → RELEASE (or ROLLBACK TO on error), then COMMIT. Each job is
// completed only after COMMIT returned, i.e. when its rows are durable (SQLite: synchronous=FULL).
// One fsync serves the whole batch: that is the group commit.
//
// If the database aborts the whole transaction under a job (SQLite does on disk full or I/O
// errors), the jobs before it fail with `store.transaction_aborted` and the jobs after it are put
// back at the front of the queue for the next transaction.
//
// Thread: submit() and statistics() from any thread; the rest from the thread that created it.
class GroupCommitWriter final
{
    Q_DISABLE_COPY_MOVE(GroupCommitWriter)

public:
    GroupCommitWriter(SqlConnectionFactory factory, const SqlDialect &dialect, const Clock &clock,
                      int maxJobsPerTransaction);
    ~GroupCommitWriter(); // stop()

    // Starts the thread and waits until it has opened its connection (a short blocking wait at
    // start-up, no event loop). Errors: those of the connection factory.
    Result<void> start();
    void submit(std::unique_ptr<WriteJob> job);
    // Runs every queued job, then stops the thread and closes the connection. Later submissions
    // complete at once with `store.closed`.
    void stop();

    WriterStatistics statistics() const;

private:
    void threadMain();
    void runBatch(SqlSession &session, std::vector<std::unique_ptr<WriteJob>> &batch);

    SqlConnectionFactory m_factory;
    const SqlDialect &m_dialect;
    const Clock &m_clock;
    const int m_maxJobsPerTransaction;
    const QString m_connectionName;
    std::unique_ptr<QThread> m_thread;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_started;
    bool m_startDone = false;
    std::optional<Error> m_startError;
    bool m_stopping = false;
    bool m_closed = false;
    std::deque<std::unique_ptr<WriteJob>> m_queue;
    WriterStatistics m_statistics;
};

} // namespace wb::core
