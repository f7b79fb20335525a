// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"
#include "core/inbound/flow/inboundexaminer.h"
#include "core/inbound/flow/receiversettings.h"
#include "core/inbound/http/receiverhttpserver.h"

#include <QObject>
#include <QTimer>

namespace wb::core {

class Clock;
class ConnectionSecrets;
class ProviderCatalog;
class RoutingTable;
class Store;

// The flow of one inbound request, from the complete request to the answer:
//
//  1. route: /hooks/<connection id> or /hooks/p/<provider id> (404 otherwise; GET /health);
//  2. throttle: more than maxEventsInProcessing requests unanswered, or a forwarding backlog at
//     maxForwardingBacklog → 503 + Retry-After, nothing stored;
//  3. examine (InboundExaminer): gzip, signature, handshake, identity/event id/type fields — on a
//     worker thread for large bodies;
//  4. one store write job: resolve the tenant through the identity mapping, deduplicate, decide
//     the forwarding state, insert the exact bytes;
//  5. answer only when that write's future reports the COMMIT (durable): 200 for an accepted event
//     (also a duplicate), 401 for a failed verification (stored, never dropped), the handshake's
//     answer for a handshake, 400/413 for a gzip body that cannot be decompressed (stored). A
//     failed write is answered 503 + Retry-After (not acknowledged, so the provider retries).
//
// Forwarding: a verified (or unsigned-profile) event whose tenant is known and whose connection
// has a forward target is stored with forwarding_state 'pending'. The InboundForwarder hands such
// rows to the dispatch engine (sets 'queued' in the transaction that creates the delivery, see
// forwarding/inboundforwarding.h) and the backlog count is refreshed from the store every few
// seconds.
//
// Thread: the main loop, like the Store's owner. All services must outlive the pipeline.
class InboundPipeline final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundPipeline)

public:
    struct Services
    {
        Store *store = nullptr;
        const ProviderCatalog *catalog = nullptr;
        RoutingTable *routing = nullptr;
        const Clock *clock = nullptr;
        ConnectionSecrets *secrets = nullptr; // optional: remembers Asana's X-Hook-Secret
    };

    InboundPipeline(const Services &services, const ReceiverSettings &settings,
                    QObject *parent = nullptr);
    ~InboundPipeline() override;

    // Takes one complete request (ReceiverHttpServer's handler) and answers it through `reply`.
    void handle(const HttpExchange &exchange, const ReplyHandle &reply);

    int eventsInProcessing() const { return m_inProcessing; }
    qint64 forwardingBacklog() const { return m_forwardingBacklog; }
    const ReceiverSettings &settings() const { return m_settings; }
    // ReceiverSettings::publicBaseUrl, for the requests that arrive from now on.
    void setPublicBaseUrl(const QByteArray &url) { m_settings.publicBaseUrl = url; }
    // Re-reads the forwarding backlog from the store (also done on a timer while it is not 0).
    void refreshForwardingBacklog();

Q_SIGNALS:
    // After the event's row committed (before its answer is written).
    void eventStored(qint64 eventId, bool duplicate);
    // After eventStored() for an event stored 'pending' (to be forwarded): connect
    // InboundForwarder::pump() here.
    void forwardingPending(qint64 eventId);
    // A request answered 503 by the throttle (code "receiver.busy" or "receiver.backlog_full").
    void requestThrottled(const QString &code);

private:
    struct Context;

    void store(const std::shared_ptr<Context> &context);
    void answer(const std::shared_ptr<Context> &context, const HttpResponse &response);
    HttpResponse retryLater(const QString &code, const QString &message) const;

    Services m_services;
    ReceiverSettings m_settings;
    int m_inProcessing = 0;
    qint64 m_forwardingBacklog = 0;
    QTimer m_backlogTimer;
};

} // namespace wb::core
