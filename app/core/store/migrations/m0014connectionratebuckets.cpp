// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 14: each rate-limited connection's token bucket, shared by every dispatch worker
// on the workspace (app/core/dispatch/sharedratelimit.h), so a connection's requests per second
// hold however many `serve` processes send for it.
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0014ConnectionRateBuckets()
{
    Migration migration;
    migration.version = 14;
    migration.description = u"token buckets shared by the dispatch workers"_s;
    migration.statements = {
            // tokens: the level at refilled_at_ms (UTC ms), 0..burst.
            uR"sql(
CREATE TABLE connection_rate_buckets (
    connection_id {{int64}} PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    tokens {{real}} NOT NULL CHECK (tokens >= 0),
    refilled_at_ms {{ms}} NOT NULL
))sql"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
