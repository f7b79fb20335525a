// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/groupcommitwriter.h"
#include "core/store/storejobs.h"

#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <memory>
#include <vector>

class QThread;

namespace wb::core {

// Reader threads, each with a connection it opened itself (read-only where the backend allows).
// Read jobs wait in one queue; the next free reader runs the next job inside a read transaction
// (one consistent snapshot of committed data), then completes it.
//
// Thread: submit() from any thread; start() and stop() from the thread that created the pool.
class ReaderPool final
{
    Q_DISABLE_COPY_MOVE(ReaderPool)

public:
    ReaderPool(SqlConnectionFactory factory, const SqlDialect &dialect, const Clock &clock,
               int threadCount);
    ~ReaderPool(); // stop()

    // Starts the threads and waits until each has opened its connection.
    Result<void> start();
    void submit(std::unique_ptr<ReadJob> job);
    // Completes the queued jobs that did not start with `store.closed`, lets running ones finish,
    // stops the threads.
    void stop();

private:
    void threadMain(int index);

    SqlConnectionFactory m_factory;
    const SqlDialect &m_dialect;
    const Clock &m_clock;
    const int m_threadCount;
    const QString m_namePrefix;
    std::vector<std::unique_ptr<QThread>> m_threads;

    QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_started;
    int m_startedCount = 0;
    std::optional<Error> m_startError;
    bool m_stopping = false;
    bool m_closed = false;
    std::deque<std::unique_ptr<ReadJob>> m_queue;
};

} // namespace wb::core
