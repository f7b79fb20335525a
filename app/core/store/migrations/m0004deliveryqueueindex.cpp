// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 4: the queue poll must walk deliveries_due (pending, by next_attempt_at_ms). With
// deliveries_state (state, updated_at_ms) beside it, SQLite without ANALYZE statistics chose that
// index for "state = 'pending' AND next_attempt_at_ms <= ? ORDER BY next_attempt_at_ms, id" and
// sorted every pending delivery in a temporary B-tree on every poll (EXPLAIN QUERY PLAN), which
// grows with the queue. Dropping it leaves deliveries_due as the only index on pending rows.
// Owned by app/core/dispatch.
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0004DeliveryQueueIndex()
{
    Migration migration;
    migration.version = 4;
    migration.description = u"the delivery queue polls by its due index"_s;
    migration.statements = {
            u"DROP INDEX deliveries_state"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
