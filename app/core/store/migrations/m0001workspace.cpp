// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 1: the workspace record, tenants, connections, identity mappings and secret
// references. Times are UTC milliseconds since the epoch ({{ms}}); ids are never reused ({{pk}}).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0001Workspace()
{
    Migration migration;
    migration.version = 1;
    migration.description
            = u"workspace, tenants, connections, identity mappings, secret references"_s;
    migration.statements = {
            uR"sql(
CREATE TABLE workspace (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    workspace_uuid TEXT NOT NULL,
    created_at_ms {{ms}} NOT NULL,
    secret_backend TEXT NOT NULL CHECK (secret_backend IN ('keychain', 'sealed')),
    demo_seeded_at_ms {{ms}}
))sql"_s,
            uR"sql(
CREATE TABLE tenants (
    id {{pk}},
    display_name TEXT NOT NULL CHECK (length(display_name) > 0),
    external_reference TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL
))sql"_s,
            u"CREATE UNIQUE INDEX tenants_display_name ON tenants (lower(display_name))"_s,
            u"CREATE UNIQUE INDEX tenants_external_reference ON tenants (external_reference) "
            "WHERE external_reference <> ''"_s,
            uR"sql(
CREATE TABLE connections (
    id {{pk}},
    tenant_id {{int64}} NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL CHECK (length(provider_id) > 0),
    label TEXT NOT NULL DEFAULT '',
    base_url TEXT NOT NULL DEFAULT '',
    forward_target_url TEXT NOT NULL DEFAULT '',
    retry_policy TEXT NOT NULL DEFAULT '',
    rate_limit_per_second {{real}} CHECK (rate_limit_per_second > 0),
    rate_limit_burst {{int64}} CHECK (rate_limit_burst >= 1),
    concurrency_limit {{int64}} CHECK (concurrency_limit >= 1),
    status TEXT NOT NULL DEFAULT 'unauthorized' CHECK (status IN ('unauthorized', 'authorized',
        'expiring', 'needs_reauthorization', 'revoked', 'disabled')),
    token_expires_at_ms {{ms}},
    last_checked_at_ms {{ms}},
    last_check_result TEXT NOT NULL DEFAULT '',
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL,
    UNIQUE (tenant_id, provider_id, label)
))sql"_s,
            u"CREATE INDEX connections_provider ON connections (provider_id)"_s,
            uR"sql(
CREATE TABLE identity_mappings (
    id {{pk}},
    provider_id TEXT NOT NULL CHECK (length(provider_id) > 0),
    external_account_id TEXT NOT NULL CHECK (length(external_account_id) > 0),
    tenant_id {{int64}} NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    connection_id {{int64}} REFERENCES connections (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL,
    UNIQUE (provider_id, external_account_id)
))sql"_s,
            u"CREATE INDEX identity_mappings_tenant ON identity_mappings (tenant_id)"_s,
            u"CREATE INDEX identity_mappings_connection ON identity_mappings (connection_id)"_s,
            uR"sql(
CREATE TABLE secret_references (
    id {{pk}},
    connection_id {{int64}} NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('oauth_client_secret', 'access_token', 'refresh_token',
        'webhook_signing_secret')),
    slot TEXT NOT NULL CHECK (slot IN ('primary', 'secondary')),
    backend TEXT NOT NULL,
    key_name TEXT NOT NULL,
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL,
    UNIQUE (connection_id, kind, slot)
))sql"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
