// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 8: OAuth client settings, credential metadata and refresh leases
// (app/core/oauth). Tokens and client secrets are never here: they live in the SecretStore
// (secret_references holds where).
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0008OAuthCredentials()
{
    Migration migration;
    migration.version = 8;
    migration.description = u"OAuth clients, credential metadata and refresh leases"_s;
    migration.statements = {
            // One row per connection with a credential: what the token endpoint said besides the
            // tokens. expires_at_ms = received_at_ms + lifetime_ms − margin; 0 when unknown.
            uR"sql(
CREATE TABLE oauth_credentials (
    connection_id {{int64}} PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    token_type TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    received_at_ms {{ms}} NOT NULL,
    lifetime_ms {{int64}} NOT NULL DEFAULT 0 CHECK (lifetime_ms >= 0),
    expires_at_ms {{ms}} NOT NULL DEFAULT 0,
    has_refresh_token {{int64}} NOT NULL DEFAULT 0 CHECK (has_refresh_token IN (0, 1)),
    account_id TEXT NOT NULL DEFAULT '',
    extra_json TEXT NOT NULL DEFAULT '{}',
    updated_at_ms {{ms}} NOT NULL
))sql"_s,
            // How the connection's OAuth client is configured, so that a refresh, a validity check
            // or a revocation can run later without asking again: a JSON object in the format of
            // app/core/oauth/clientconfigjson.h (a provider profile's id plus the client id and
            // placeholder values, or every endpoint). Never a client secret (keychain).
            uR"sql(
CREATE TABLE oauth_clients (
    connection_id {{int64}} PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    client_json TEXT NOT NULL CHECK (length(client_json) > 1),
    updated_at_ms {{ms}} NOT NULL
))sql"_s,
            // The right to spend a connection's refresh token, held by one process at a time
            // until released or expired (store clock).
            uR"sql(
CREATE TABLE oauth_refresh_leases (
    connection_id {{int64}} PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    holder TEXT NOT NULL CHECK (length(holder) > 0),
    expires_at_ms {{ms}} NOT NULL
))sql"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
