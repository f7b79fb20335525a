// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 2: outgoing deliveries (the durable queue) and their attempt log. Owned by
// app/core/dispatch (deliveryrepository.h documents the columns' meaning).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0002Deliveries()
{
    Migration migration;
    migration.version = 2;
    migration.description = u"outgoing deliveries and their attempt log"_s;
    migration.statements = {
            uR"sql(
CREATE TABLE deliveries (
    id {{pk}},
    tenant_id {{int64}} REFERENCES tenants (id) ON DELETE CASCADE,
    connection_id {{int64}} REFERENCES connections (id) ON DELETE CASCADE,
    url TEXT NOT NULL CHECK (length(url) > 0),
    host_key TEXT NOT NULL CHECK (length(host_key) > 0),
    method TEXT NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
    request_headers TEXT NOT NULL DEFAULT '',
    body {{blob}} NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) > 0),
    signing TEXT NOT NULL DEFAULT 'none' CHECK (signing IN ('none', 'standard_webhooks')),
    retry_policy TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'succeeded',
        'failed', 'dead', 'cancelled')),
    attempt_count {{int64}} NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    next_attempt_at_ms {{ms}} NOT NULL,
    lease_owner TEXT NOT NULL DEFAULT '',
    lease_expires_at_ms {{ms}},
    attempt_started_at_ms {{ms}},
    token_refreshed {{int64}} NOT NULL DEFAULT 0 CHECK (token_refreshed IN (0, 1)),
    last_decision TEXT NOT NULL DEFAULT '',
    last_reason TEXT NOT NULL DEFAULT '',
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL,
    finished_at_ms {{ms}}
))sql"_s,
            u"CREATE INDEX deliveries_due ON deliveries (next_attempt_at_ms, id) "
            "WHERE state = 'pending'"_s,
            u"CREATE INDEX deliveries_leases ON deliveries (lease_expires_at_ms) "
            "WHERE state = 'in_flight'"_s,
            u"CREATE INDEX deliveries_connection ON deliveries (connection_id, created_at_ms)"_s,
            u"CREATE INDEX deliveries_state ON deliveries (state, updated_at_ms)"_s,
            uR"sql(
CREATE TABLE delivery_attempts (
    id {{pk}},
    delivery_id {{int64}} NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    attempt_number {{int64}} NOT NULL CHECK (attempt_number >= 1),
    tenant_id {{int64}},
    connection_id {{int64}},
    worker_id TEXT NOT NULL DEFAULT '',
    started_at_ms {{ms}} NOT NULL,
    ended_at_ms {{ms}} NOT NULL,
    http_status {{int64}},
    error_kind TEXT NOT NULL DEFAULT '',
    error_detail TEXT NOT NULL DEFAULT '',
    rate_limit_headers TEXT NOT NULL DEFAULT '',
    rate_limit_limit {{int64}},
    rate_limit_remaining {{int64}},
    rate_limit_reset_at_ms {{ms}},
    retry_after TEXT NOT NULL DEFAULT '',
    retry_after_ms {{int64}},
    decision TEXT NOT NULL CHECK (decision IN ('succeeded', 'retry', 'rate_limited', 'dead',
        'failed', 'destination_disabled', 'refresh_and_retry')),
    reason TEXT NOT NULL DEFAULT '',
    wait_ms {{int64}} NOT NULL DEFAULT 0,
    next_attempt_at_ms {{ms}},
    bucket_level {{real}},
    queue_depth {{int64}} NOT NULL DEFAULT 0,
    UNIQUE (delivery_id, attempt_number)
))sql"_s,
            u"CREATE INDEX delivery_attempts_connection_time ON delivery_attempts "
            "(connection_id, started_at_ms)"_s,
            u"CREATE INDEX delivery_attempts_time ON delivery_attempts (started_at_ms)"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
