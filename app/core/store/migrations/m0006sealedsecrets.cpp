// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 6: sealed secrets (issue 14). For workspaces whose secret backend is "sealed", the
// values are stored here as XChaCha20-Poly1305 ciphertext (app/core/secrets/sealing.h), bound to
// their row by the associated data; the master key never is. `sealed_master_key` records the id of
// the workspace's current master key, so a worker with another key is refused before it writes.
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0006SealedSecrets()
{
    Migration migration;
    migration.version = 6;
    migration.description = u"sealed secrets and the id of the workspace's master key"_s;
    migration.statements = {
            uR"sql(
CREATE TABLE sealed_secrets (
    id {{pk}},
    connection_id {{int64}} NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('oauth_client_secret', 'access_token', 'refresh_token',
        'webhook_signing_secret')),
    slot TEXT NOT NULL CHECK (slot IN ('primary', 'secondary')),
    format {{int64}} NOT NULL CHECK (format >= 1),
    key_id TEXT NOT NULL CHECK (length(key_id) > 0),
    nonce {{blob}} NOT NULL,
    ciphertext {{blob}} NOT NULL,
    sealed_at_ms {{ms}} NOT NULL,
    UNIQUE (connection_id, kind, slot)
))sql"_s,
            uR"sql(
CREATE TABLE sealed_master_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key_id TEXT NOT NULL CHECK (length(key_id) > 0),
    recorded_at_ms {{ms}} NOT NULL
))sql"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
