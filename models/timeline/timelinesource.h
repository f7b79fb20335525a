// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"
#include "models/timeline/timelinequery.h"

#include <QFuture>
#include <QObject>

namespace wb::models {

// Where the timeline's attempts come from. The view does not care: the dispatch engine's attempt
// log implements it for a workspace; tests and benchmarks use a generated scenario.
//
// Thread: lives on the GUI thread. query() returns at once; the answer is computed elsewhere (an
// SQL worker thread, QtConcurrent) and the future is finished from there.
class TimelineSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineSource)

public:
    using QObject::QObject;
    ~TimelineSource() override;

    // The attempts and inbound rates for `query` (see TimelineData for what overlaps means).
    // Errors: a Result error with a stable code (e.g. "timeline.query_failed") and a message for
    // people. Cancelling the future tells the source the answer is no longer wanted.
    virtual QFuture<core::Result<TimelineData>> query(const TimelineQuery &query) = 0;

Q_SIGNALS:
    // New attempts (and inbound rates) recorded since the last emission, in time order, for every
    // scope: receivers filter them (filterTimelineData). Emitted on the GUI thread; live mode
    // follows it.
    void appended(const wb::models::TimelineData &data);
};

} // namespace wb::models

Q_DECLARE_METATYPE(wb::models::TimelineData)
