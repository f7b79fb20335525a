// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/writeconcurrency.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace wb::core {

class Clock;
class SqlDialect;
class Store;

// One database connection as seen by a job: the connection, its SQL dialect, the clock, and (for
// write jobs) the place to register change notifications. Repositories take a SqlSession& so they
// can be composed inside any read or write job.
//
// Thread: a session belongs to the thread that opened its connection (the writer thread or one
// reader thread) and is only handed to jobs running on that thread. Never keep it beyond the job.
// Transactions are the backend's business: a job never begins, commits or rolls back.
class SqlSession final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::SqlSession)
    Q_DISABLE_COPY_MOVE(SqlSession)

public:
    using AfterCommit = std::function<void(Store &)>;

    SqlSession(QSqlDatabase database, const SqlDialect &dialect, const Clock &clock, bool writable);
    ~SqlSession();

    QSqlDatabase database() const { return m_database; }
    const SqlDialect &dialect() const { return m_dialect; }
    // Now, UTC milliseconds since the epoch, from the injected clock.
    qint64 nowMs() const;
    // True on the writer's session, false on readers' (whose connections are read-only).
    bool isWritable() const { return m_writable; }

    // Prepares `sql` (portable SQL with `?` placeholders), binds `values` in order and executes.
    // A null QString is bound as '' (text columns are NOT NULL); bind toSqlValue(std::nullopt) of
    // a number type for SQL NULL.
    // Error `store.busy` when another process held the lock beyond the busy timeout, else
    // `store.query_failed`, with the driver's message and the start of the statement; bound
    // values are never put into messages or logs.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // A query kept prepared by execKept(): it stays the session's, so this is only a view of it,
    // valid until the session's next execKept() or execute(), which finishes it (and may re-run
    // or drop it).
    class KeptQuery
    {
    public:
        explicit KeptQuery(QSqlQuery &query)
            : m_query(&query)
        {}
        bool next() { return m_query->next(); }
        QVariant value(int index) const { return m_query->value(index); }
        int numRowsAffected() const { return m_query->numRowsAffected(); }
        void finish() { m_query->finish(); }
        operator const QSqlQuery &() const { return *m_query; } // for row readers

    private:
        QSqlQuery *m_query;
    };
    // Like exec(), with the statement kept prepared for the next call with the same SQL on this
    // session: one round trip instead of three on PostgreSQL, whose Qt driver otherwise sends
    // PREPARE, EXECUTE and DEALLOCATE each time. Read the rows before the session runs another
    // kept statement (KeptQuery). For the hot paths that read their rows at once: claims,
    // outcomes, the queue read. Errors: those of exec().
    Result<KeptQuery> execKept(const QString &sql, const QVariantList &values = {});
    // Like exec(), when the caller needs no rows back; the statement stays prepared for the next
    // call with the same SQL.
    Result<void> execute(const QString &sql, const QVariantList &values = {});
    // Like exec(), for a statement that must return a row: the query positioned on its first row.
    // Error `store.query_failed`, or `store.no_row` when the statement returned nothing.
    Result<QSqlQuery> execOneRow(const QString &sql, const QVariantList &values = {});

    // Runs the dialect's beginWriteTransaction() statements: a write transaction holding the
    // workspace's write lock (none for RowLocks on PostgreSQL, writeconcurrency.h). For backends and the opening steps; jobs never begin transactions.
    // Errors: those of execute() (`store.busy` when the lock stayed taken beyond the busy timeout).
    Result<void> beginWriteTransaction(WriteConcurrency concurrency = WriteConcurrency::Exclusive);

    // Write sessions only: `notify` runs on the thread that owns the Store, after the transaction
    // containing the current job has committed. Dropped if the job fails (its savepoint is rolled
    // back) or the transaction does not commit. Notifications are posted in job order, before the
    // job's future completes.
    void afterCommit(AfterCommit notify);
    // For backends and job wrappers: the notifications registered since the last call.
    std::vector<AfterCommit> takeAfterCommit();
    // Write sessions only: announces `channel` to the listeners of every process (Store::listen)
    // when the transaction containing the current job commits; dropped if the job fails. The
    // writer sends each channel once per transaction, however many jobs announced it.
    void notifyAtCommit(const QString &channel);
    // For the writer: the channels announced since the last call.
    std::set<QString> takeNotifyChannels();

private:
    QSqlDatabase m_database;
    const SqlDialect &m_dialect;
    const Clock &m_clock;
    bool m_writable = false;
    std::vector<AfterCommit> m_afterCommit;
    std::set<QString> m_notifyChannels;
    // Prepared queries whose statement failed, kept until a later statement succeeds: on
    // PostgreSQL freeing one (DEALLOCATE) inside an aborted transaction fails and would leak it.
    std::vector<QSqlQuery> m_failed;
    std::map<QString, QSqlQuery> m_prepared; // execute()'s and execKept()'s, prepared once
};

// Binding helpers: a typed SQL NULL for an absent optional value.
QVariant toSqlValue(const std::optional<qint64> &value);
QVariant toSqlValue(const std::optional<double> &value);
QVariant toSqlValue(const std::optional<int> &value);
// Reading helpers: std::nullopt for SQL NULL.
std::optional<qint64> optionalInt64(const QVariant &value);
std::optional<double> optionalDouble(const QVariant &value);
std::optional<int> optionalInt(const QVariant &value);

} // namespace wb::core
