// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QList>

namespace wb::core {

// One job of a run's fan-out: the target it calls and when it may start.
struct FanOutJob
{
    // A tenant id or a connection id (the schedule says which), as in the store.
    qint64 targetId = 0;
    // Position in the plan, 0-based (the order jobs are released in).
    int ordinal = 0;
    // Earliest start, milliseconds after the run's scheduled instant.
    qint64 offsetMs = 0;

    bool operator==(const FanOutJob &other) const = default;
};

// How a run fans out over its targets, smoothed over a window and bounded by a concurrency limit.
//
// Order: ascending target id — deterministic whatever order the targets were listed or loaded in,
// and the same from one run to the next.
// Offsets: spread evenly over [0, windowMs): job i of n starts no earlier than
// floor(i * windowMs / n) ms after the scheduled instant (the first at 0, the last before the
// window closes). A window of 0 releases every job at once.
// Concurrency: at most `concurrencyLimit` jobs of the run are in flight; a job whose offset has
// come waits for a free slot, and jobs take free slots in plan order. startOffsets() applies that
// rule to given job durations (the dispatch engine enforces it for real; each connection's token
// bucket may delay a job further).
struct FanOutPlan
{
    QList<FanOutJob> jobs;
    qint64 windowMs = 0;
    int concurrencyLimit = 1;

    // When each job starts (ms after the scheduled instant, in plan order) if job i runs for
    // durationsMs[i] ms: max(its offset, the moment a slot frees up). `durationsMs` must have one
    // entry per job. For the editor's estimate ("the last tenant starts after ~12 min") and tests.
    QList<qint64> startOffsets(const QList<qint64> &durationsMs) const;
    // When the last job finishes under the same assumption (0 for an empty plan).
    qint64 finishOffset(const QList<qint64> &durationsMs) const;
};

// Plans a run over `targetIds` (tenant or connection ids). Errors: `fanout.invalid_window`
// (windowMs < 0), `fanout.invalid_concurrency` (concurrencyLimit < 1), `fanout.duplicate_target`
// (an id listed twice; the message names it). An empty target list gives an empty plan.
// Pure; thread-safe.
Result<FanOutPlan> planFanOut(QList<qint64> targetIds, qint64 windowMs, int concurrencyLimit);

} // namespace wb::core
