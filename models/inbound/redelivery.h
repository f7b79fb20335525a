// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/inbound/events/inboundevent.h"
#include "core/util/result.h"

#include <QFuture>
#include <QStringList>

namespace wb::core {
class Store;
}

namespace wb::models {

// A re-delivery of an inbound request to a URL typed in, as the dispatch engine will send it:
// the method and the body bytes exactly as received, the header fields in their order except
// those a proxy must not forward (core::forwardedHeaders: hop-by-hop, Host, Content-Length,
// Expect) and Idempotency-Key (the engine sends its own). The provider's signature fields go on
// unchanged, so the receiving side can verify the original signature (as
// core::forwardedDelivery does for forward targets). `leftOut` names every field left out, for
// the label that says what changed.
struct RedeliveryPlan
{
    core::NewDelivery delivery;
    QStringList leftOut;
};

// Pure. No connection: an ad-hoc delivery (no credentials, no signing, the host's limits).
// Errors: "dispatch.invalid_delivery" (core::DeliveryRepository::validate: a URL that is not
// absolute http(s), a method other than POST/PUT/PATCH/DELETE, a body over 16 MiB).
core::Result<RedeliveryPlan> planRedelivery(const core::RawRequest &request, const QUrl &url);

// Queues `plan` in the workspace's delivery queue (a store write); the dispatch engine that runs
// on the workspace sends it. Errors: those of core::DeliveryRepository::add.
QFuture<core::Result<core::Delivery>> enqueueRedelivery(core::Store &store,
                                                        const RedeliveryPlan &plan);

// Re-delivery to the connection's forward target: the event goes back to 'pending' and the
// forwarder hands it to the dispatch engine as a new delivery with the same bytes
// (core::InboundForwardingRepository::requestRedelivery; its errors: inbound.not_forwardable,
// inbound.forwarding_in_progress, store.unknown_inbound_event).
QFuture<core::Result<core::InboundEvent>> requestForwardRedelivery(core::Store &store,
                                                                   qint64 eventId);

} // namespace wb::models
