// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/storejobs.h"

#include <QString>

#include <functional>
#include <memory>

namespace wb::core {

class SqlDialect;
class SqlSession;

// The backend-neutral steps of opening a workspace, supplied by openWorkspace() to a backend's own
// open function.
struct DatabaseOpenSteps
{
    // On a read-only connection to an existing database: may refuse it (newer schema, not a
    // workspace). Nothing has been written when this fails.
    std::function<Result<void>(SqlSession &)> inspect;
    // On a read-write connection: migrations and the workspace record.
    std::function<Result<void>(SqlSession &)> prepare;
};

// Counters of the group-commit writer, for tests, benchmarks and diagnostics.
struct WriterStatistics
{
    qint64 transactions = 0; // committed or failed transactions
    qint64 jobs = 0;         // jobs that ran
    qint64 failedJobs = 0;   // jobs whose own work failed (their savepoint was rolled back)
    qint64 largestBatch = 0; // the most jobs one transaction carried
};

// A workspace database backend: the connections, the writer and the readers. SQLite
// (store/sqlite/) today; PostgreSQL (issue 13) provides the same. Opening (probing, migrating) is
// the backend's own function; everything after that goes through this interface, so the
// repositories and the Store are backend-neutral.
//
// Thread: submitWrite/submitRead may be called from any thread. close() from the thread that owns
// the Store, once.
class Database
{
public:
    virtual ~Database() = default;

    virtual const SqlDialect &dialect() const = 0;
    // The file path or URL (without credentials).
    virtual QString location() const = 0;

    // Queues a write job for the writer's next transaction. After close() the job completes at
    // once with `store.closed`.
    virtual void submitWrite(std::unique_ptr<WriteJob> job) = 0;
    // Queues a read job for the next free reader. After close(): `store.closed`.
    virtual void submitRead(std::unique_ptr<ReadJob> job) = 0;

    virtual WriterStatistics writerStatistics() const = 0;

    // Subscribes to a notification channel (PostgreSQL LISTEN): `notify` runs on the calling
    // thread (the Store's owner, which must run an event loop) whenever a transaction of any
    // process that ran the dialect's notifyStatement(channel) commits. False when the backend has
    // no notifications (SQLite: watchers poll) or the subscription failed (logged; poll then too).
    // Thread: the thread that owns the Store.
    virtual bool listen(const QString &channel, std::function<void()> notify)
    {
        Q_UNUSED(channel);
        Q_UNUSED(notify);
        return false;
    }

    // Commits every write already queued, fails queued reads with `store.closed`, stops the threads
    // and closes the connections. Blocks until done.
    virtual void close() = 0;
};

} // namespace wb::core
