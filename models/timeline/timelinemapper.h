// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timeaxismapping.h"
#include "models/timeline/timelinequery.h"
#include "models/timeline/timelineseries.h"

#include <atomic>

namespace wb::models {

enum class LaneMode {
    ByConnection, // one lane per connection; its deliveries packed into rows
    ByDelivery,   // one lane per delivery (the delivery scope)
};

struct TimelineMapOptions
{
    LaneMode laneMode = LaneMode::ByConnection;
    // The visible window and its width in pixels; bins are sized from it. An invalid axis maps
    // every attempt and bins nothing.
    TimeAxisMapping axis;
    // Also map this many window widths before and after the window, so a pan shows data at once
    // while the next build runs.
    double overscan = 1.0;
    // Attempts of the same outcome in the same row closer than this many pixels become one marker
    // (with a count). 0 keeps one marker per attempt.
    double markerBinPx = 0;
    // Level series keep first/min/max/last per bin this many pixels wide. 0 keeps every point.
    double levelBinPx = 0;
    // Rows per lane (connection mode): at most maxRowsPerLane, and when lanesHeightPx is given
    // (the height of the lanes panel) no more than keep rows minRowPitchPx apart.
    int maxRowsPerLane = 40;
    double lanesHeightPx = 0;
    double minRowPitchPx = 12;
    // A gap between the end of the chosen wait and the next attempt shorter than this is not
    // drawn as a queued span.
    qint64 minQueuedMs = 1000;
    // Checked while mapping; when it turns true the mapper returns a series marked cancelled.
    const std::atomic_bool *cancel = nullptr;
};

// The mapping from attempt log to plot series: lanes, one marker per attempt coloured by outcome,
// a span for each wait (styled by its cause: Retry-After, backoff, rate-limit pause, then queued
// until a worker sent the next attempt; an open span for a parked delivery), and each connection's
// levels (rate-limit remaining, token bucket, queue depth, inbound events per second).
//
// Pure and thread-safe: runs on a QtConcurrent worker for large ranges (TimelineSeriesBuilder).
// `data.attempts` must be sorted by startedMs (TimelineSource guarantees it).
class TimelineMapper final
{
public:
    static TimelineSeries map(const TimelineData &data, const TimelineMapOptions &options);

    // The lane value of `row` of `rows` inside lane `lane`: rows spread symmetrically around the
    // lane's centre, at most ±0.36 so adjacent lanes never touch.
    static double laneValue(int lane, int row, int rows);
    // The span kind for a wait chosen after an attempt (a retry without a stated cause is backoff).
    static SpanKind spanKindFor(WaitCause cause);
};

} // namespace wb::models
