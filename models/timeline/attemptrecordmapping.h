// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/delivery.h"
#include "models/timeline/attemptsample.h"

#include <QHash>

namespace wb::models {

// Who an attempt's connection belongs to, for the lane labels and tooltips.
struct ConnectionLabels
{
    QString connection; // "Acme Corp · github (main)"
    QString tenantId;   // the tenant's id as text
    QString tenant;     // "Acme Corp"
};

// One row of the dispatch engine's attempt log (table delivery_attempts, migration 2;
// core::AttemptRecord) as the timeline draws it. Pure.
//
// Ids become decimal text. An attempt without a connection goes on a lane "(no connection)". The
// wait cause is derived from what the log recorded, because the dispatcher logs the wait but not
// which rule set it (RetryDecider, core/dispatch/retrypolicy.h):
//  - none for a terminal decision or a zero wait;
//  - Retry-After when the response had a valid one (retryAfterMs) and the wait is no more than it
//    plus a second (the field set or bounded the wait; RFC 9110 §10.2.3);
//  - a rate-limit pause when the quota was exhausted (remaining 0) and the next attempt is due no
//    earlier than a second before the quota's reset;
//  - otherwise the policy's backoff.
// The "worker_lost" error kind (a worker died holding the lease) counts as a network outcome.
AttemptSample sampleFromRecord(const core::AttemptRecord &record,
                               const QHash<qint64, ConnectionLabels> &labels);

WaitCause waitCauseOf(const core::AttemptRecord &record);

} // namespace wb::models
