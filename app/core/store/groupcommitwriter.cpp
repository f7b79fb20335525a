// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/groupcommitwriter.h"

#include "core/store/sqldialect.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QThread>
#include <QUuid>

#include <set>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Error closedError()
{
    return Error{u"store.closed"_s,
                 QCoreApplication::translate("wb::core::GroupCommitWriter",
                                             "The workspace is closed; nothing was written.")};
}

} // namespace

GroupCommitWriter::GroupCommitWriter(SqlConnectionFactory factory, const SqlDialect &dialect,
                                     const Clock &clock, int maxJobsPerTransaction)
    : m_factory(std::move(factory))
    , m_dialect(dialect)
    , m_clock(clock)
    , m_maxJobsPerTransaction(qMax(1, maxJobsPerTransaction))
    , m_connectionName(u"wb-writer-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

GroupCommitWriter::~GroupCommitWriter()
{
    stop();
}

Result<void> GroupCommitWriter::start()
{
    Q_ASSERT(!m_thread);
    m_thread.reset(QThread::create([this] { threadMain(); }));
    m_thread->setObjectName(u"wb-store-writer"_s);
    m_thread->start();
    QMutexLocker lock(&m_mutex);
    while (!m_startDone)
        m_started.wait(&m_mutex);
    if (m_startError) {
        const Error error = *m_startError;
        lock.unlock();
        m_thread->wait();
        m_thread.reset();
        m_closed = true;
        return fail(error);
    }
    return {};
}

void GroupCommitWriter::submit(std::unique_ptr<WriteJob> job)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_closed && !m_stopping) {
            m_queue.push_back(std::move(job));
            m_wake.wakeOne();
            return;
        }
    }
    job->complete(fail(closedError()));
}

void GroupCommitWriter::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed)
            return;
        m_stopping = true;
        m_wake.wakeOne();
    }
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    // Only reachable when the thread never ran: nothing can be queued after m_stopping.
    while (!m_queue.empty()) {
        std::unique_ptr<WriteJob> job = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        job->complete(fail(closedError()));
        lock.relock();
    }
}

WriterStatistics GroupCommitWriter::statistics() const
{
    QMutexLocker lock(&m_mutex);
    return m_statistics;
}

void GroupCommitWriter::threadMain()
{
    {
        Result<QSqlDatabase> database = m_factory(m_connectionName);
        QMutexLocker lock(&m_mutex);
        m_startDone = true;
        if (!database) {
            m_startError = database.error();
            m_started.wakeAll();
            lock.unlock();
            QSqlDatabase::removeDatabase(m_connectionName);
            return;
        }
        m_started.wakeAll();
        lock.unlock();

        {
            SqlSession session(*database, m_dialect, m_clock, /*writable=*/true);
            std::vector<std::unique_ptr<WriteJob>> batch;
            for (;;) {
                lock.relock();
                while (m_queue.empty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.empty() && m_stopping)
                    break;
                // A run of jobs of one kind, in order: a batch of RowLocks jobs then needs no
                // workspace lock (writeconcurrency.h).
                const WriteConcurrency kind = m_queue.front()->concurrency();
                while (!m_queue.empty() && std::ssize(batch) < m_maxJobsPerTransaction
                       && m_queue.front()->concurrency() == kind) {
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
                lock.unlock();
                runBatch(session, batch);
                batch.clear();
            }
        } // the session's prepared statements go before the connection
        database->close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void GroupCommitWriter::runBatch(SqlSession &session, std::vector<std::unique_ptr<WriteJob>> &batch)
{
    const qsizetype count = std::ssize(batch);
    if (Result<void> begin = session.beginWriteTransaction(batch.front()->concurrency()); !begin) {
        for (std::unique_ptr<WriteJob> &job : batch)
            job->complete(fail(begin.error()));
        QMutexLocker lock(&m_mutex);
        ++m_statistics.transactions;
        return;
    }

    std::vector<Result<void>> outcomes;
    outcomes.reserve(count);
    qsizetype failed = 0;
    std::optional<Error> aborted;
    std::set<QString> channels; // announced by the jobs that succeeded, sent once before COMMIT
    for (qsizetype i = 0; i < count; ++i) {
        WriteJob &job = *batch[i];
        Result<void> outcome = session.execute(u"SAVEPOINT wb_job"_s);
        if (outcome) {
            outcome = job.run(session);
            if (outcome) {
                outcome = session.execute(u"RELEASE SAVEPOINT wb_job"_s);
            }
        }
        if (!outcome) {
            ++failed;
            session.takeAfterCommit(); // a failed job notifies nobody
            session.takeNotifyChannels();
            if (!session.exec(u"ROLLBACK TO SAVEPOINT wb_job"_s)
                || !session.exec(u"RELEASE SAVEPOINT wb_job"_s)) {
                // The database rolled back the whole transaction under us: the savepoint is gone.
                aborted = Error{u"store.transaction_aborted"_s,
                                QCoreApplication::translate(
                                        "wb::core::GroupCommitWriter",
                                        "The workspace database aborted the transaction: %1")
                                        .arg(outcome.error().message)};
                outcomes.push_back(std::move(outcome));
                // Give the jobs that did not run yet a fresh transaction.
                QMutexLocker lock(&m_mutex);
                for (qsizetype j = count - 1; j > i; --j)
                    m_queue.push_front(std::move(batch[j]));
                batch.resize(i + 1);
                break;
            }
        }
        if (outcome)
            channels.merge(session.takeNotifyChannels());
        outcomes.push_back(std::move(outcome));
    }

    if (!aborted) {
        for (const QString &channel : channels) {
            const QString statement = m_dialect.notifyStatement(channel);
            // Advisory: listeners also poll, so a refused NOTIFY costs latency, not work.
            if (!statement.isEmpty() && !session.execute(statement))
                qWarning("wb.store: could not notify %s", qUtf8Printable(channel));
        }
    }
    if (aborted) {
        session.exec(u"ROLLBACK"_s); // usually "no transaction is active": fine
        for (Result<void> &outcome : outcomes) {
            if (outcome)
                outcome = fail(*aborted);
        }
    } else if (Result<QSqlQuery> commit = session.exec(u"COMMIT"_s); !commit) {
        session.exec(u"ROLLBACK"_s);
        for (Result<void> &outcome : outcomes) {
            if (outcome)
                outcome = fail(u"store.commit_failed"_s,
                               QCoreApplication::translate("wb::core::GroupCommitWriter",
                                                           "The workspace database could not "
                                                           "commit: %1")
                                       .arg(commit.error().message));
        }
    }

    {
        QMutexLocker lock(&m_mutex);
        ++m_statistics.transactions;
        m_statistics.jobs += std::ssize(batch);
        m_statistics.failedJobs += failed;
        m_statistics.largestBatch = qMax<qint64>(m_statistics.largestBatch, std::ssize(batch));
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i]->complete(outcomes[i]);
}

} // namespace wb::core
