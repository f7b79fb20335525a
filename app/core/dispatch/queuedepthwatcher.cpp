// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/queuedepthwatcher.h"

#include "core/dispatch/dispatcher.h"
#include "core/store/store.h"
#include "core/util/futures.h"

#include <QLoggingCategory>

namespace wb::core {

Q_LOGGING_CATEGORY(lcQueueDepth, "wb.dispatch.queue")

QueueDepthWatcher::QueueDepthWatcher(Store &store, int coalesceMs, int periodMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(qMax(0, coalesceMs));
    connect(&m_coalesce, &QTimer::timeout, this, &QueueDepthWatcher::count);
    m_period.setInterval(qMax(1, periodMs));
    connect(&m_period, &QTimer::timeout, this, &QueueDepthWatcher::count);
}

void QueueDepthWatcher::watch(const Dispatcher *dispatcher)
{
    if (!dispatcher)
        return;
    connect(dispatcher, &Dispatcher::deliveryEnqueued, this, &QueueDepthWatcher::refreshSoon);
    connect(dispatcher, &Dispatcher::attemptRecorded, this, &QueueDepthWatcher::refreshSoon);
    connect(dispatcher, &Dispatcher::deliveryFinished, this, &QueueDepthWatcher::refreshSoon);
    connect(dispatcher, &Dispatcher::drained, this, &QueueDepthWatcher::refreshSoon);
}

void QueueDepthWatcher::start()
{
    m_period.start();
    count();
}

void QueueDepthWatcher::refreshSoon()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void QueueDepthWatcher::count()
{
    if (m_counting) {
        m_countAgain = true;
        return;
    }
    m_counting = true;
    whenFinished(m_store.read([](SqlSession &session) {
        return DeliveryRepository::queueCounts(session);
    }),
                 this, [this](const Result<DeliveryRepository::QueueCounts> &counted) {
                     m_counting = false;
                     if (!counted) {
                         qCWarning(lcQueueDepth) << "counting the delivery queue failed:"
                                                 << counted.error().message;
                     } else if (!m_answered || *counted != m_counts) {
                         m_answered = true;
                         m_counts = *counted;
                         Q_EMIT countsChanged(m_counts);
                     }
                     if (m_countAgain) {
                         m_countAgain = false;
                         count();
                     }
                 });
}

} // namespace wb::core
