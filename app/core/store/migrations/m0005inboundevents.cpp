// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 5: inbound events, the webhook requests the receiver took in, stored as the exact
// bytes received with their verdict, tenant and forwarding state (core/inbound/events).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0005InboundEvents()
{
    Migration migration;
    migration.version = 5;
    migration.description = u"inbound events"_s;
    migration.statements = {
            // delivery_id is the dispatch engine's latest delivery of this event (deliveries.id;
            // no REFERENCES: the event keeps the number when a delivery is removed, and the
            // hand-over goes through a DeliverySink, see inbound/forwarding); forward_count counts the
            // hand-overs to the dispatch engine, re-deliveries included.
            // request_target, url and headers are bytes (a header value may hold obs-text that is
            // not UTF-8); headers is the field section as "Name: value\r\n" lines in the order
            // received, names in the case received.
            uR"sql(
CREATE TABLE inbound_events (
    id {{pk}},
    received_at_ms {{ms}} NOT NULL,
    route TEXT NOT NULL CHECK (route IN ('connection', 'provider')),
    connection_id {{int64}} REFERENCES connections (id) ON DELETE SET NULL,
    provider_id TEXT NOT NULL,
    peer_address TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL,
    request_target {{blob}} NOT NULL,
    url {{blob}} NOT NULL,
    headers {{blob}} NOT NULL,
    body {{blob}} NOT NULL,
    body_size {{int64}} NOT NULL,
    is_handshake {{int64}} NOT NULL DEFAULT 0 CHECK (is_handshake IN (0, 1)),
    handshake_kind TEXT NOT NULL DEFAULT '',
    verdict TEXT NOT NULL CHECK (verdict IN ('verified', 'failed', 'unsigned')),
    verification_reason TEXT NOT NULL,
    verification_explanation TEXT NOT NULL DEFAULT '',
    tenant_id {{int64}} REFERENCES tenants (id) ON DELETE SET NULL,
    identity_mapping_id {{int64}} REFERENCES identity_mappings (id) ON DELETE SET NULL,
    identity_outcome TEXT NOT NULL CHECK (identity_outcome IN ('matched', 'no_mapping',
        'field_missing', 'empty_value', 'not_resolved')),
    identity_value TEXT NOT NULL DEFAULT '',
    resolution_explanation TEXT NOT NULL DEFAULT '',
    provider_event_id TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL DEFAULT '',
    dedup_scope TEXT NOT NULL,
    duplicate_count {{int64}} NOT NULL DEFAULT 0,
    last_duplicate_at_ms {{ms}},
    response_status {{int64}} NOT NULL,
    forwarding_state TEXT NOT NULL CHECK (forwarding_state IN ('none', 'pending', 'queued',
        'forwarded', 'failed')),
    forwarding_note TEXT NOT NULL DEFAULT '',
    forwarding_updated_at_ms {{ms}},
    forward_count {{int64}} NOT NULL DEFAULT 0 CHECK (forward_count >= 0),
    delivery_id {{int64}}
))sql"_s,
            // The inspector's queries: newest first, optionally narrowed to one of these.
            u"CREATE INDEX inbound_events_received ON inbound_events (received_at_ms)"_s,
            u"CREATE INDEX inbound_events_connection ON inbound_events (connection_id, "
            "received_at_ms)"_s,
            u"CREATE INDEX inbound_events_tenant ON inbound_events (tenant_id, received_at_ms)"_s,
            u"CREATE INDEX inbound_events_provider ON inbound_events (provider_id, "
            "received_at_ms)"_s,
            u"CREATE INDEX inbound_events_event_type ON inbound_events (event_type, "
            "received_at_ms)"_s,
            u"CREATE INDEX inbound_events_verdict ON inbound_events (verdict, received_at_ms)"_s,
            // Deduplication: one accepted event per (connection or provider URL, provider event id).
            // Failed verifications never count: a forged copy must not shadow the real event.
            u"CREATE UNIQUE INDEX inbound_events_dedup ON inbound_events (dedup_scope, "
            "provider_event_id) WHERE provider_event_id <> '' AND is_handshake = 0 AND verdict <> "
            "'failed'"_s,
            // The forwarding backlog (events waiting for the dispatch engine).
            u"CREATE INDEX inbound_events_forwarding ON inbound_events (forwarding_state) WHERE "
            "forwarding_state = 'pending'"_s,
            // The dispatch engine's outcome of a delivery, mirrored on its event.
            u"CREATE INDEX inbound_events_delivery ON inbound_events (delivery_id) WHERE "
            "delivery_id IS NOT NULL"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
