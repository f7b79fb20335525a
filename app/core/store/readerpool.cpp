// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/readerpool.h"

#include "core/store/sqldialect.h"

#include <QCoreApplication>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {

Error closedError()
{
    return Error{u"store.closed"_s,
                 QCoreApplication::translate("wb::core::ReaderPool",
                                             "The workspace is closed; nothing was read.")};
}

} // namespace

ReaderPool::ReaderPool(SqlConnectionFactory factory, const SqlDialect &dialect, const Clock &clock,
                       int threadCount)
    : m_factory(std::move(factory))
    , m_dialect(dialect)
    , m_clock(clock)
    , m_threadCount(qMax(1, threadCount))
    , m_namePrefix(u"wb-reader-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'-')
{}

ReaderPool::~ReaderPool()
{
    stop();
}

Result<void> ReaderPool::start()
{
    Q_ASSERT(m_threads.empty());
    for (int i = 0; i < m_threadCount; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this, i] { threadMain(i); }));
        thread->setObjectName(u"wb-store-reader-%1"_s.arg(i));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    QMutexLocker lock(&m_mutex);
    while (m_startedCount < m_threadCount)
        m_started.wait(&m_mutex);
    if (m_startError) {
        const Error error = *m_startError;
        lock.unlock();
        stop();
        return fail(error);
    }
    return {};
}

void ReaderPool::submit(std::unique_ptr<ReadJob> job)
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

void ReaderPool::stop()
{
    std::deque<std::unique_ptr<ReadJob>> cancelled;
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed)
            return;
        m_stopping = true;
        cancelled.swap(m_queue);
        m_wake.wakeAll();
    }
    for (std::unique_ptr<ReadJob> &job : cancelled)
        job->complete(fail(closedError()));
    for (std::unique_ptr<QThread> &thread : m_threads)
        thread->wait();
    m_threads.clear();
    QMutexLocker lock(&m_mutex);
    m_closed = true;
}

void ReaderPool::threadMain(int index)
{
    const QString name = m_namePrefix + QString::number(index);
    {
        Result<QSqlDatabase> database = m_factory(name);
        QMutexLocker lock(&m_mutex);
        ++m_startedCount;
        if (!database) {
            if (!m_startError)
                m_startError = database.error();
            m_started.wakeAll();
            lock.unlock();
            QSqlDatabase::removeDatabase(name);
            return;
        }
        m_started.wakeAll();
        lock.unlock();

        {
            SqlSession session(*database, m_dialect, m_clock, /*writable=*/false);
            for (;;) {
                lock.relock();
                while (m_queue.empty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_stopping)
                    break;
                std::unique_ptr<ReadJob> job = std::move(m_queue.front());
                m_queue.pop_front();
                lock.unlock();

                Result<void> outcome = session.execute(m_dialect.beginReadTransaction());
                if (outcome) {
                    outcome = job->run(session);
                    // Nothing to keep from a read: end the snapshot either way.
                    session.execute(u"ROLLBACK"_s);
                }
                job->complete(outcome);
            }
        } // the session's prepared statements go before the connection
        database->close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace wb::core
