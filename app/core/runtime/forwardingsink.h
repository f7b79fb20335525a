// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "core/inbound/forwarding/inboundforwarding.h"

namespace wb::core {

// The DeliverySink that turns a verified inbound event into an outgoing delivery to its
// connection's forward target (the engineer's local app): the received method, header fields and
// body bytes, idempotency key "inbound-<event>-<hand-over>" (retries of one hand-over share it, a
// re-delivery gets a new one, so the target can tell them apart).
//
// The delivery is ad hoc (no connection): the connection's access token and signing secret are
// for the provider's API and must never reach the forward target, and its rate limits are the
// provider's, not the target's. The event row keeps the tenant, the connection and the delivery
// id. A received Idempotency-Key field is replaced by the delivery's own key (the engine sets it on
// every attempt); the provider's signature fields (webhook-signature, X-Hub-Signature-256, …)
// go on unchanged, so the target can verify the original signature itself.
//
// Runs on the store's writer thread inside handOverPending's job. Errors: DeliveryRepository::add's;
// `dispatch.invalid_delivery` (a method other than POST/PUT/PATCH/DELETE, a body over the limit)
// makes handOverPending mark that event 'failed' and go on with the others.
DeliverySink forwardingDeliverySink();

// The delivery forwardingDeliverySink() adds for `request` (also for a replay of a stored event to
// another URL: `wirebench-cli events replay --to`). A pure function.
NewDelivery forwardedDelivery(const ForwardRequest &request);

// For DispatcherOptions::onFinalState: sets the inbound event queued with the delivery to
// 'forwarded' (succeeded) or 'failed' (failed, dead, cancelled) with a note naming the delivery
// and its last reason (InboundForwardingRepository::recordOutcome). A delivery not made for an
// inbound event changes nothing. Runs on the store's writer thread.
std::function<Result<void>(SqlSession &, qint64 deliveryId, DeliveryState state,
                           const QString &reason)>
forwardingOutcomeRecorder();

} // namespace wb::core
