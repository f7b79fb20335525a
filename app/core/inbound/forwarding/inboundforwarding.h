// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/events/inboundevent.h"
#include "core/inbound/forwarding/forwardrequest.h"
#include "core/store/sqlsession.h"
#include "core/util/result.h"

#include <functional>

namespace wb::core {

// Creates the outgoing delivery for one ForwardRequest and answers its id. Called on the store's
// writer thread inside the write job that marks the event 'queued', so the delivery and the state
// change commit together (or neither does). The dispatch engine provides it
// (DeliveryRepository::add on the same SqlSession); it must not keep the session.
using DeliverySink = std::function<Result<qint64>(SqlSession &, const ForwardRequest &)>;

// The forwarding side of inbound events (table inbound_events, columns forwarding_state,
// forwarding_note, forwarding_updated_at_ms, forward_count, delivery_id; see inboundevent.h for
// the states). Functions take the job's SqlSession and must run in a write job (the store's
// writer thread).
//
//   none ──(requestRedelivery)──▶ pending ──(handOverPending)──▶ queued ──(recordOutcome)──▶
//   forwarded | failed ──(requestRedelivery)──▶ pending …
//
// The receiver stores a verified (or unsigned-profile), matched event whose connection has a
// forward target as 'pending'.
class InboundForwardingRepository final
{
public:
    // Hands the oldest `limit` pending events to `sink`, each marked 'queued' with the delivery
    // id `sink` answered, forward_count + 1 and a note naming the delivery and the target. A
    // pending event whose connection is gone or has no forward target any more is set to
    // 'none' with a note saying so (not handed over). An event whose request `sink` refuses with
    // `dispatch.invalid_delivery` (it cannot be sent as it is) is set to 'failed' with the reason
    // in its note, and the others go on. Answers how many events were handed over.
    // Errors: any other error of `sink` (the caller's write job then fails and its savepoint is
    // rolled back: every event stays pending), `store.query_failed` / `store.busy`.
    // With `onlyEvent`, only that event is looked at (`wirebench-cli events replay`).
    static Result<int> handOverPending(SqlSession &session, int limit, const DeliverySink &sink,
                                       std::optional<qint64> onlyEvent = std::nullopt);

    // Mirrors the final outcome of delivery `deliveryId` on the event that is 'queued' with it:
    // 'forwarded' when `succeeded`, else 'failed'; `note` explains it (the dispatch engine's last
    // reason, e.g. "HTTP 500 after 8 attempts"). Answers false when no queued event has that
    // delivery (a delivery not made for an inbound event, or an older hand-over of an event that
    // was re-delivered since): nothing is changed then.
    static Result<bool> recordOutcome(SqlSession &session, qint64 deliveryId, bool succeeded,
                                      const QString &note);

    // The GUI's "re-deliver": sets the event 'pending' again so that the next handOverPending()
    // creates a new delivery (a new idempotency key) with the same bytes. Answers the updated
    // event. Errors:
    //  - `store.unknown_inbound_event`;
    //  - `inbound.not_forwardable`: a handshake, a failed verification, no tenant resolved, or no
    //    connection, or the connection has no forward target (the message says which);
    //  - `inbound.forwarding_in_progress`: the event is already 'pending' or 'queued'.
    static Result<InboundEvent> requestRedelivery(SqlSession &session, qint64 eventId);
};

} // namespace wb::core
