// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 12: the latest validity check of each connection's access token
// (app/core/oauth ValidityChecker), kept so that every process sharing the workspace
// (`wirebench-cli health`, the GUI, `serve`) sees it and the health model judges by it.
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0012OAuthValidityChecks()
{
    Migration migration;
    migration.version = 12;
    migration.description = u"the latest validity check of each OAuth credential"_s;
    migration.statements = {
            // verdict: core/oauth/validitycheck.h; http_status 0 when no HTTP answer arrived;
            // message for people, never a token.
            uR"sql(
CREATE TABLE oauth_validity_checks (
    connection_id {{int64}} PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    verdict TEXT NOT NULL CHECK (verdict IN ('valid', 'invalid', 'unknown')),
    http_status {{int64}} NOT NULL DEFAULT 0 CHECK (http_status >= 0),
    checked_at_ms {{ms}} NOT NULL,
    message TEXT NOT NULL DEFAULT ''
))sql"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
