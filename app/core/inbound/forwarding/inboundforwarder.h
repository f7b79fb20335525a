// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/forwarding/inboundforwarding.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

namespace wb::core {

class Store;

// Moves pending inbound events to the dispatch engine: each pump() is one store write job that
// runs InboundForwardingRepository::handOverPending() with the DeliverySink, so an event becomes
// 'queued' in the transaction that creates its delivery. Pumps again at once while full batches
// come back, and every `retryIntervalMs` while the last pump failed (the events stay pending,
// and the receiver's backlog limit keeps counting them).
//
// Wiring: connect InboundPipeline::forwardingPending to pump(); call pump() once at start (the
// workspace may hold pending events from before a crash).
//
// Thread: the Store owner's thread (the main loop). The sink runs on the store's writer thread.
class InboundForwarder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundForwarder)

public:
    struct Settings
    {
        int batchSize = 100;         // events per write job
        int retryIntervalMs = 5'000; // after a failed hand-over, ms
    };

    // `store` must outlive the forwarder; `sink` must be callable from the writer thread.
    InboundForwarder(Store *store, DeliverySink sink, const Settings &settings,
                     QObject *parent = nullptr);
    InboundForwarder(Store *store, DeliverySink sink, QObject *parent = nullptr)
        : InboundForwarder(store, std::move(sink), Settings{}, parent)
    {}
    ~InboundForwarder() override;

    // Hands pending events over (coalesced: a pump asked for while one runs runs after it).
    void pump();
    // Sets the event pending again (InboundForwardingRepository::requestRedelivery) and pumps.
    // The future completes on the Store owner's thread after the commit.
    QFuture<Result<InboundEvent>> requestRedelivery(qint64 eventId);

    bool isPumping() const { return m_running; }

Q_SIGNALS:
    // After a committed hand-over of `count` (> 0) events.
    void handedOver(int count);
    // A hand-over failed and was rolled back (the events stay pending; retried on a timer).
    void handOverFailed(const wb::core::Error &error);

private:
    void runOnce();

    Store *m_store;
    DeliverySink m_sink;
    Settings m_settings;
    bool m_running = false;
    bool m_again = false;
    QTimer m_retryTimer;
};

} // namespace wb::core
