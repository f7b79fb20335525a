// SPDX-License-Identifier: GPL-3.0-or-later
// Schema version 10: cancelling a schedule run (core/schedule/runcancellation.h). A cancelled run
// keeps its state column (running until its jobs in flight finish, then failed or partial by its
// counts); cancel_requested_at_ms says it was cancelled, cancelled_count how many jobs were
// withdrawn, and each withdrawn job carries cancelled_at_ms.
#include "core/store/migrations/migrationsteps.h"

using namespace Qt::StringLiterals;

namespace wb::core::migrations {

Migration m0010ScheduleCancellation()
{
    Migration migration;
    migration.version = 10;
    migration.description = u"cancelling schedule runs"_s;
    migration.statements = {
            u"ALTER TABLE schedule_runs ADD COLUMN cancel_requested_at_ms {{ms}}"_s,
            u"ALTER TABLE schedule_runs ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE schedule_runs ADD COLUMN cancelled_count {{int64}} NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE schedule_run_jobs ADD COLUMN cancelled_at_ms {{ms}}"_s,
    };
    return migration;
}

} // namespace wb::core::migrations
