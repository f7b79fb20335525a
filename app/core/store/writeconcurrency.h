// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wb::core {

// How a write job stays correct beside the other processes that write the same workspace (several
// `serve` workers on one PostgreSQL database, or on one SQLite file).
enum class WriteConcurrency {
    // The job reads, then writes on what it read (a uniqueness check before an insert, a state
    // check before an update). Its transaction holds the workspace's write lock from BEGIN to
    // COMMIT, so no other process writes in between: SQLite's `BEGIN IMMEDIATE`, PostgreSQL's
    // advisory lock (sqldialect.h). The default.
    Exclusive,
    // Every statement of the job is correct on its own under READ COMMITTED: it changes rows only
    // under conditions checked in the same statement (`UPDATE … WHERE state = 'in_flight' AND
    // lease_owner = ?`) or on rows it locked first without waiting (`FOR UPDATE SKIP LOCKED`,
    // SqlDialect::skipLockedClause()). Such a transaction takes no write lock on PostgreSQL, so
    // the claims and outcomes of many workers run side by side. SQLite has one writer anyway and
    // treats it as Exclusive. A group-commit batch that mixes both kinds takes the lock.
    RowLocks,
};

} // namespace wb::core
