// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 13: a fifth kind of connection secret, "app_credential" (app/core/secrets/
// secretkey.h): our app's own credential at the provider for the registration checks that the
// tenant's access token cannot make (a GitHub App's private key, a HubSpot developer API key, a
// Slack app configuration token). The kind is listed in CHECK constraints of secret_references
// (version 1) and sealed_secrets (version 6), which SQLite cannot alter: both tables are built
// again with the new list and their rows copied with their ids (a sealed value's associated data
// names its row). Nothing references either table.
#include "core/store/migrations/migrationsteps.h"
#include "core/store/sqldialect.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0013AppCredentials()
{
    Migration migration;
    migration.version = 13;
    migration.description = u"app credentials among the connection secrets"_s;
    migration.statements = {
            uR"sql(
CREATE TABLE secret_references_v13 (
    id {{pk}},
    connection_id {{int64}} NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('oauth_client_secret', 'access_token', 'refresh_token',
        'webhook_signing_secret', 'app_credential')),
    slot TEXT NOT NULL CHECK (slot IN ('primary', 'secondary')),
    backend TEXT NOT NULL,
    key_name TEXT NOT NULL,
    created_at_ms {{ms}} NOT NULL,
    updated_at_ms {{ms}} NOT NULL,
    UNIQUE (connection_id, kind, slot)
))sql"_s,
            uR"sql(
INSERT INTO secret_references_v13 (id, connection_id, kind, slot, backend, key_name,
    created_at_ms, updated_at_ms)
SELECT id, connection_id, kind, slot, backend, key_name, created_at_ms, updated_at_ms
FROM secret_references)sql"_s,
            u"DROP TABLE secret_references"_s,
            u"ALTER TABLE secret_references_v13 RENAME TO secret_references"_s,
            uR"sql(
CREATE TABLE sealed_secrets_v13 (
    id {{pk}},
    connection_id {{int64}} NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('oauth_client_secret', 'access_token', 'refresh_token',
        'webhook_signing_secret', 'app_credential')),
    slot TEXT NOT NULL CHECK (slot IN ('primary', 'secondary')),
    format {{int64}} NOT NULL CHECK (format >= 1),
    key_id TEXT NOT NULL CHECK (length(key_id) > 0),
    nonce {{blob}} NOT NULL,
    ciphertext {{blob}} NOT NULL,
    sealed_at_ms {{ms}} NOT NULL,
    UNIQUE (connection_id, kind, slot)
))sql"_s,
            uR"sql(
INSERT INTO sealed_secrets_v13 (id, connection_id, kind, slot, format, key_id, nonce, ciphertext,
    sealed_at_ms)
SELECT id, connection_id, kind, slot, format, key_id, nonce, ciphertext, sealed_at_ms
FROM sealed_secrets)sql"_s,
            u"DROP TABLE sealed_secrets"_s,
            u"ALTER TABLE sealed_secrets_v13 RENAME TO sealed_secrets"_s,
    };
    // The copied ids: the next new row's id comes after them (PostgreSQL's identity sequences;
    // nothing on SQLite). Added with the PostgreSQL backend; SQLite workspaces are unaffected.
    migration.apply = [](SqlSession &session) -> Result<void> {
        const QStringList statements = session.dialect().afterExplicitIds(u"secret_references"_s)
                                       + session.dialect().afterExplicitIds(u"sealed_secrets"_s);
        for (const QString &statement : statements) {
            if (Result<void> done = session.execute(statement); !done)
                return done;
        }
        return {};
    };
    return migration;
}

} // namespace wb::core::migrations
