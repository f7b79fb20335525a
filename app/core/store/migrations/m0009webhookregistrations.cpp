// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 9: webhook registrations, what each connection registered at its provider and
// what the last check of it found (core/health).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0009WebhookRegistrations()
{
    Migration migration;
    migration.version = 9;
    migration.description = u"webhook registrations"_s;
    migration.statements = {
            // external_id: the provider's id of the registration; scope: where it lives there
            // (GitHub "repos/octo/hello"); events: comma-separated; registration_body: the
            // creation request, sent again to re-register (never a secret). state: what the last
            // check found; last_action: what the health monitor last did by itself.
            uR"sql(
CREATE TABLE webhook_registrations (
    id {{pk}},
    connection_id {{int64}} NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    external_id TEXT NOT NULL CHECK (length(external_id) > 0),
    scope TEXT NOT NULL DEFAULT '',
    target_url TEXT NOT NULL DEFAULT '',
    events TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL CHECK (origin IN ('onboarding', 'provider_api', 'manual')),
    expires_at_ms {{ms}},
    renew_lifetime_minutes {{int64}} NOT NULL DEFAULT 0 CHECK (renew_lifetime_minutes >= 0),
    reregister_allowed {{int64}} NOT NULL DEFAULT 0 CHECK (reregister_allowed IN (0, 1)),
    registration_body {{blob}} NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('unchecked', 'active', 'disabled', 'missing', 'expired',
        'access_denied', 'check_failed')),
    state_detail TEXT NOT NULL DEFAULT '',
    last_delivery_status TEXT NOT NULL DEFAULT '',
    last_checked_at_ms {{ms}},
    last_action TEXT NOT NULL DEFAULT '' CHECK (last_action IN ('', 'renewed', 'renew_failed',
        'reregistered', 'reregister_failed')),
    last_action_detail TEXT NOT NULL DEFAULT '',
    last_action_at_ms {{ms}},
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL
))sql"_s,
            u"CREATE UNIQUE INDEX webhook_registrations_external ON webhook_registrations "
            "(connection_id, external_id)"_s,
            // Passive checks read a connection's latest events (inbound_events_connection covers
            // them).
    };
    return migration;
}

} // namespace wb::core::migrations
