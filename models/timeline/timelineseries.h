// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/attemptsample.h"

#include <QList>
#include <QString>

namespace wb::models {

// The kinds of wait the timeline draws as horizontal spans.
enum class SpanKind {
    RetryAfter,     // the wait a Retry-After asked for: exactly as long as the field said
    Backoff,        // the retry policy's backoff
    RateLimitPause, // held back by the connection's rate limit (token bucket, reset header)
    Queued,         // after the chosen wait, until a worker actually sent the next attempt
};
inline constexpr int spanKindCount = 4;

// One horizontal band of the plot. In connection mode a lane is a connection and deliveries are
// packed into rows inside it (a delivery keeps its row from first attempt to last); in delivery
// mode a lane is one delivery.
struct TimelineLane
{
    QString key;   // connection id or delivery id
    QString label; // for people: the connection's label, or the delivery id
    int rows = 1;  // rows used inside the lane (≥ 1)
};

// One marker: an attempt, or several attempts of the same outcome in the same row that fall in
// one bin (`count` > 1) when the range holds more than the plot can show.
struct TimelineMarker
{
    qint64 atMs = 0;   // the first attempt's startedMs (UTC ms)
    qint64 lastMs = 0; // the last binned attempt's startedMs (== atMs when count is 1)
    double y = 0;      // lane value: lane index + row offset (see TimelineMapper)
    int lane = 0;
    OutcomeClass outcome = OutcomeClass::Success;
    qsizetype sampleIndex = -1; // the first attempt, an index into TimelineData::attempts
    int count = 1;

    bool operator==(const TimelineMarker &other) const = default;
};

// One wait: from the end of a retried attempt to the next attempt of the same delivery.
struct TimelineSpan
{
    qint64 fromMs = 0; // UTC ms
    qint64 toMs = 0;   // UTC ms; for an open span, when the parked delivery is due
    double y = 0;
    int lane = 0;
    SpanKind kind = SpanKind::Backoff;
    bool open = false;          // parked: no next attempt in the data yet
    qsizetype sampleIndex = -1; // the attempt after which the engine waited
    int count = 1;              // spans merged into this one by binning

    qint64 durationMs() const { return toMs - fromMs; }
    bool operator==(const TimelineSpan &other) const = default;
};

struct LevelPoint
{
    qint64 atMs = 0; // UTC ms
    double value = 0;

    bool operator==(const LevelPoint &other) const = default;
};

// The levels of one connection over time, decimated so each bin keeps its first, minimum, maximum
// and last point (spikes survive binning).
struct ConnectionLevels
{
    QString connectionId;
    QString label;
    QList<LevelPoint> rateLimitRemaining; // at each attempt's finishedMs, as the external
                                          // system reported it
    int rateLimitLimit = -1;              // the largest limit reported in range, -1 if none
    QList<LevelPoint> bucketLevel;        // tokens in our bucket at each attempt's startedMs
    QList<LevelPoint> queueDepth;         // deliveries waiting at each attempt's startedMs
    QList<LevelPoint> inboundPerSecond;   // inbound events per second

    // The lowest remaining/limit ratio in range (1 when unknown): how close it ran to the limit.
    double tightestRateLimitRatio() const;
};

// Everything the plot draws, ready to hand to QCustomPlot. Produced by TimelineMapper.
struct TimelineSeries
{
    QList<TimelineLane> lanes;
    QList<TimelineMarker> markers;  // sorted by atMs
    QList<TimelineSpan> spans;      // sorted by fromMs
    QList<ConnectionLevels> levels; // one per connection in the data, in lane order
    qsizetype attemptsInRange = 0;  // attempts that start inside the mapped window
    qint64 markerBinMs = 0;         // 0 when the markers are not binned
    bool cancelled = false;         // the build was cancelled: draw nothing from it

    const ConnectionLevels *levelsFor(const QString &connectionId) const;
};

} // namespace wb::models
