// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inbound/forwarding/inboundforwarder.h"

#include "core/store/store.h"
#include "core/util/futures.h"

#include <QLoggingCategory>

namespace wb::core {

namespace {
Q_LOGGING_CATEGORY(lcForwarder, "wirebench.inbound.forwarder")
}

InboundForwarder::InboundForwarder(Store *store, DeliverySink sink, const Settings &settings,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sink(std::move(sink))
    , m_settings(settings)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(m_settings.retryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &InboundForwarder::pump);
}

InboundForwarder::~InboundForwarder() = default;

void InboundForwarder::pump()
{
    if (m_running) {
        m_again = true;
        return;
    }
    runOnce();
}

void InboundForwarder::runOnce()
{
    m_running = true;
    m_again = false;
    m_retryTimer.stop();
    const int batchSize = qMax(1, m_settings.batchSize);
    whenFinished(m_store->write([sink = m_sink, batchSize](SqlSession &session) {
        return InboundForwardingRepository::handOverPending(session, batchSize, sink);
    }),
                 this, [this, batchSize](const Result<int> &handed) {
                     m_running = false;
                     if (!handed) {
                         qCWarning(lcForwarder) << "hand-over to the dispatch engine failed:"
                                                << handed.error().code << handed.error().message;
                         Q_EMIT handOverFailed(handed.error());
                         m_retryTimer.start();
                         return;
                     }
                     if (*handed > 0)
                         Q_EMIT handedOver(*handed);
                     if (*handed >= batchSize || m_again)
                         runOnce();
                 });
}

QFuture<Result<InboundEvent>> InboundForwarder::requestRedelivery(qint64 eventId)
{
    QFuture<Result<InboundEvent>> requested = m_store->write([eventId](SqlSession &session) {
        return InboundForwardingRepository::requestRedelivery(session, eventId);
    });
    whenFinished(requested, this, [this](const Result<InboundEvent> &event) {
        if (event)
            pump();
    });
    return requested;
}

} // namespace wb::core
