// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/deliveryrepository.h"

#include <QObject>
#include <QTimer>

namespace wb::core {

class Dispatcher;
class Store;

// Keeps the delivery queue's counts (DeliveryRepository::queueCounts: pending and in flight) up
// to date for a status display, without a query per event: a change the dispatch engine reports
// (a delivery enqueued, an attempt recorded, a delivery finished) schedules one count after
// `coalesceMs`; while a count runs, further changes fold into one more. A slow periodic count
// (`periodMs`) catches deliveries other processes queue (wirebench-cli against the same
// workspace). The count runs on one of the store's reader threads (an indexed COUNT over
// deliveries.state).
//
// Thread: the Store owner's (GUI) thread. `store` (not owned) must outlive the watcher; a watched
// dispatcher may be destroyed first.
class QueueDepthWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueDepthWatcher)

public:
    static constexpr int defaultCoalesceMs = 250;
    static constexpr int defaultPeriodMs = 5'000;

    explicit QueueDepthWatcher(Store &store, int coalesceMs = defaultCoalesceMs,
                               int periodMs = defaultPeriodMs, QObject *parent = nullptr);

    // Counts again after each change `dispatcher` reports (not owned; may be nullptr).
    void watch(const Dispatcher *dispatcher);
    // Counts now (the first count; also after the periodic timer) and starts the periodic timer.
    void start();
    // Schedules one count after coalesceMs (does nothing when one is already scheduled).
    void refreshSoon();

    // The last counts read; zero before the first count answered.
    DeliveryRepository::QueueCounts counts() const { return m_counts; }

Q_SIGNALS:
    // The counts changed (also emitted for the first count). A failed count is logged and the
    // last counts kept.
    void countsChanged(const wb::core::DeliveryRepository::QueueCounts &counts);

private:
    void count();

    Store &m_store;
    QTimer m_coalesce;
    QTimer m_period;
    bool m_counting = false;
    bool m_countAgain = false;
    bool m_answered = false;
    DeliveryRepository::QueueCounts m_counts;
};

} // namespace wb::core
