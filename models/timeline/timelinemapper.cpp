// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinemapper.h"

#include "models/timeline/leveldecimation.h"
#include "models/timeline/rowpacking.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace wb::models {

namespace {

constexpr qsizetype cancelCheckEvery = 2048;

bool isCancelled(const TimelineMapOptions &options, qsizetype iteration)
{
    return options.cancel && iteration % cancelCheckEvery == 0
           && options.cancel->load(std::memory_order_relaxed);
}

// Where each delivery is drawn.
struct Placement
{
    int lane = 0;
    int row = 0;
};

struct Window
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 markerBinMs = 0;
    qint64 levelBinMs = 0;
    bool bounded = false;

    bool overlaps(qint64 startMs, qint64 endMs) const
    {
        return !bounded || (endMs >= fromMs && startMs < toMs);
    }
};

Window windowFor(const TimelineMapOptions &options)
{
    Window window;
    if (!options.axis.isValid())
        return window;
    const qint64 margin = qint64(double(options.axis.durationMs()) * qMax(0.0, options.overscan));
    window.fromMs = options.axis.fromMs - margin;
    window.toMs = options.axis.toMs + margin;
    window.bounded = true;
    if (options.markerBinPx > 0)
        window.markerBinMs = options.axis.binMs(options.markerBinPx);
    if (options.levelBinPx > 0)
        window.levelBinMs = options.axis.binMs(options.levelBinPx);
    return window;
}

qint64 binIndex(qint64 ms, const Window &window)
{
    const qint64 offset = ms - window.fromMs;
    return offset >= 0 ? offset / window.markerBinMs
                       : -((-offset + window.markerBinMs - 1) / window.markerBinMs);
}

QString labelOf(const AttemptSample &sample)
{
    return sample.connectionLabel.isEmpty() ? sample.connectionId : sample.connectionLabel;
}

// Every string is hashed once: deliveries and connections become indices, and the loops below
// work on those.
struct Index
{
    QList<int> deliveryOfSample;      // per sample
    QList<int> connectionOfSample;    // per sample
    QList<QList<qsizetype>> attempts; // per delivery, in attempt order
    QList<int> connectionOfDelivery;  // per delivery
    QList<QString> connectionIds;     // per connection
    QList<QString> connectionLabels;  // per connection
};

Index indexSamples(const QList<AttemptSample> &samples)
{
    Index index;
    QHash<QString, int> deliveries;
    QHash<QString, int> connections;
    deliveries.reserve(samples.size() / 2 + 1);
    index.deliveryOfSample.reserve(samples.size());
    index.connectionOfSample.reserve(samples.size());
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const AttemptSample &sample = samples.at(i);
        auto connection = connections.constFind(sample.connectionId);
        if (connection == connections.cend()) {
            connection = connections.insert(sample.connectionId, int(index.connectionIds.size()));
            index.connectionIds.append(sample.connectionId);
            index.connectionLabels.append(labelOf(sample));
        }
        auto delivery = deliveries.constFind(sample.deliveryId);
        if (delivery == deliveries.cend()) {
            delivery = deliveries.insert(sample.deliveryId, int(index.attempts.size()));
            index.attempts.append(QList<qsizetype>());
            index.connectionOfDelivery.append(*connection);
        }
        index.deliveryOfSample.append(*delivery);
        index.connectionOfSample.append(*connection);
        index.attempts[*delivery].append(i);
    }
    for (QList<qsizetype> &list : index.attempts) {
        if (list.size() < 2)
            continue;
        std::stable_sort(list.begin(), list.end(), [&samples](qsizetype a, qsizetype b) {
            return samples.at(a).attemptNumber < samples.at(b).attemptNumber;
        });
    }
    return index;
}

qint64 deliveryEndMs(const QList<AttemptSample> &samples, const QList<qsizetype> &attempts)
{
    const AttemptSample &last = samples.at(attempts.constLast());
    return last.finishedMs + (isRetryDecision(last.decision) ? qMax<qint64>(0, last.waitMs) : 0);
}

// Lanes, and each delivery's lane and row (deliveries are indexed in first-attempt order).
QList<Placement> placeDeliveries(const QList<AttemptSample> &samples, const Index &index,
                                 const TimelineMapOptions &options, QList<TimelineLane> &lanes)
{
    QList<Placement> placements(index.attempts.size());
    if (options.laneMode == LaneMode::ByDelivery) {
        for (qsizetype d = 0; d < index.attempts.size(); ++d) {
            const QString &id = samples.at(index.attempts.at(d).constFirst()).deliveryId;
            placements[d] = {int(lanes.size()), 0};
            lanes.append({id, id, 1});
        }
        return placements;
    }
    const qsizetype connectionCount = index.connectionIds.size();
    QList<int> order(connectionCount);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&index](int a, int b) {
        const int byLabel = QString::compare(index.connectionLabels.at(a),
                                             index.connectionLabels.at(b), Qt::CaseInsensitive);
        return byLabel != 0 ? byLabel < 0 : index.connectionIds.at(a) < index.connectionIds.at(b);
    });
    QList<int> laneOfConnection(connectionCount);
    for (int lane = 0; lane < connectionCount; ++lane) {
        laneOfConnection[order.at(lane)] = lane;
        lanes.append({index.connectionIds.at(order.at(lane)),
                      index.connectionLabels.at(order.at(lane)), 1});
    }
    QList<QList<RowInterval>> intervals(connectionCount);
    QList<QList<int>> laneDeliveries(connectionCount);
    for (qsizetype d = 0; d < index.attempts.size(); ++d) {
        const QList<qsizetype> &attempts = index.attempts.at(d);
        const int lane = laneOfConnection.at(index.connectionOfDelivery.at(d));
        intervals[lane].append(
                {samples.at(attempts.constFirst()).startedMs, deliveryEndMs(samples, attempts)});
        laneDeliveries[lane].append(int(d));
    }
    int maxRows = qMax(1, options.maxRowsPerLane);
    if (options.lanesHeightPx > 0 && options.minRowPitchPx > 0 && connectionCount > 0) {
        const double perLane = options.lanesHeightPx / double(connectionCount);
        maxRows = qBound(1, int(perLane / options.minRowPitchPx), maxRows);
    }
    for (int lane = 0; lane < connectionCount; ++lane) {
        const QList<int> rows = packRows(intervals.at(lane), maxRows);
        int used = 1;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            placements[laneDeliveries.at(lane).at(i)] = {lane, rows.at(i)};
            used = qMax(used, rows.at(i) + 1);
        }
        lanes[lane].rows = used;
    }
    return placements;
}

// A span and the row it is drawn in (lane × rows + row), for merging.
struct RowSpan
{
    TimelineSpan span;
    int row = 0;
};

void addSpan(QList<RowSpan> &spans, const Window &window, const TimelineSpan &span, int row)
{
    if (span.toMs > span.fromMs && window.overlaps(span.fromMs, span.toMs))
        spans.append({span, row});
}

// Merges spans of the same kind in the same row that lie within one bin of each other.
QList<TimelineSpan> mergeSpans(QList<RowSpan> spans, int rowCount, const Window &window)
{
    std::stable_sort(spans.begin(), spans.end(), [](const RowSpan &a, const RowSpan &b) {
        return a.span.fromMs < b.span.fromMs;
    });
    QList<TimelineSpan> merged;
    merged.reserve(spans.size());
    if (window.markerBinMs <= 0) {
        for (const RowSpan &span : std::as_const(spans))
            merged.append(span.span);
        return merged;
    }
    QList<qsizetype> lastOf(qsizetype(rowCount) * spanKindCount, -1);
    for (const RowSpan &entry : std::as_const(spans)) {
        const TimelineSpan &span = entry.span;
        const qsizetype key = qsizetype(entry.row) * spanKindCount + int(span.kind);
        const qsizetype last = lastOf.at(key);
        if (last >= 0 && span.fromMs - merged.at(last).toMs <= window.markerBinMs) {
            TimelineSpan &into = merged[last];
            if (span.toMs >= into.toMs)
                into.open = span.open;
            into.toMs = qMax(into.toMs, span.toMs);
            into.count += span.count;
            continue;
        }
        lastOf[key] = merged.size();
        merged.append(span);
    }
    return merged;
}

void appendLevel(QList<LevelPoint> &points, qint64 atMs, double value, const Window &window)
{
    if (value >= 0 && window.overlaps(atMs, atMs))
        points.append({atMs, value});
}

QList<LevelPoint> finishLevel(QList<LevelPoint> points, const Window &window)
{
    if (!std::is_sorted(points.cbegin(), points.cend(),
                        [](const LevelPoint &a, const LevelPoint &b) { return a.atMs < b.atMs; })) {
        std::stable_sort(points.begin(), points.end(),
                         [](const LevelPoint &a, const LevelPoint &b) { return a.atMs < b.atMs; });
    }
    return decimateLevels(points, window.fromMs, window.levelBinMs);
}

} // namespace

double TimelineMapper::laneValue(int lane, int row, int rows)
{
    if (rows <= 1)
        return lane;
    const double pitch = qMin(0.24, 0.72 / (rows - 1));
    return lane + (row - (rows - 1) / 2.0) * pitch;
}

SpanKind TimelineMapper::spanKindFor(WaitCause cause)
{
    switch (cause) {
    case WaitCause::RetryAfter:
        return SpanKind::RetryAfter;
    case WaitCause::RateLimitPause:
        return SpanKind::RateLimitPause;
    case WaitCause::None:
    case WaitCause::Backoff:
        break;
    }
    return SpanKind::Backoff;
}

TimelineSeries TimelineMapper::map(const TimelineData &data, const TimelineMapOptions &options)
{
    TimelineSeries series;
    const QList<AttemptSample> &samples = data.attempts;
    const Window window = windowFor(options);
    series.markerBinMs = window.markerBinMs;

    const Index index = indexSamples(samples);
    const QList<Placement> placements = placeDeliveries(samples, index, options, series.lanes);
    // Rows numbered across lanes (for binning keys), and each row's lane value.
    QList<int> firstRow(series.lanes.size() + 1, 0);
    for (qsizetype lane = 0; lane < series.lanes.size(); ++lane)
        firstRow[lane + 1] = firstRow.at(lane) + series.lanes.at(lane).rows;
    const int rowCount = firstRow.constLast();
    const auto rowOf = [&](const Placement &placement) {
        return firstRow.at(placement.lane) + placement.row;
    };
    const auto yOf = [&](const Placement &placement) {
        return laneValue(placement.lane, placement.row, series.lanes.at(placement.lane).rows);
    };

    // Markers, binned per row and outcome.
    QList<qsizetype> openMarker(qsizetype(rowCount) * outcomeClassCount, -1);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (isCancelled(options, i)) {
            series.cancelled = true;
            return series;
        }
        const AttemptSample &sample = samples.at(i);
        if (options.axis.isValid() && sample.startedMs >= options.axis.fromMs
            && sample.startedMs < options.axis.toMs) {
            ++series.attemptsInRange;
        }
        if (!window.overlaps(sample.startedMs, sample.startedMs))
            continue;
        const Placement &placement = placements.at(index.deliveryOfSample.at(i));
        const OutcomeClass outcome = classifyOutcome(sample);
        if (window.markerBinMs > 0) {
            const qsizetype key = qsizetype(rowOf(placement)) * outcomeClassCount + int(outcome);
            const qsizetype open = openMarker.at(key);
            if (open >= 0) {
                TimelineMarker &marker = series.markers[open];
                if (binIndex(marker.atMs, window) == binIndex(sample.startedMs, window)) {
                    marker.lastMs = sample.startedMs;
                    ++marker.count;
                    continue;
                }
            }
            openMarker[key] = series.markers.size();
        }
        series.markers.append({sample.startedMs, sample.startedMs, yOf(placement), placement.lane,
                               outcome, i, 1});
    }

    // Waits: from each retried attempt to the next attempt of its delivery.
    QList<RowSpan> spans;
    for (qsizetype d = 0; d < index.attempts.size(); ++d) {
        if (isCancelled(options, d + 1)) {
            series.cancelled = true;
            return series;
        }
        const QList<qsizetype> &attempts = index.attempts.at(d);
        const Placement &placement = placements.at(d);
        const double y = yOf(placement);
        const int row = rowOf(placement);
        for (qsizetype n = 0; n < attempts.size(); ++n) {
            const AttemptSample &sample = samples.at(attempts.at(n));
            if (!isRetryDecision(sample.decision))
                continue;
            const qint64 waitEnd = sample.finishedMs + qMax<qint64>(0, sample.waitMs);
            const bool hasNext = n + 1 < attempts.size();
            const qint64 next = hasNext ? samples.at(attempts.at(n + 1)).startedMs : waitEnd;
            addSpan(spans, window,
                    {sample.finishedMs, qMin(waitEnd, next), y, placement.lane,
                     spanKindFor(sample.waitCause), !hasNext, attempts.at(n), 1},
                    row);
            if (hasNext && next - waitEnd >= qMax<qint64>(1, options.minQueuedMs)) {
                addSpan(spans, window,
                        {waitEnd, next, y, placement.lane, SpanKind::Queued, false, attempts.at(n),
                         1},
                        row);
            }
        }
    }
    series.spans = mergeSpans(std::move(spans), rowCount, window);

    // Levels, per connection in label order.
    QList<ConnectionLevels> levels(index.connectionIds.size());
    for (qsizetype c = 0; c < levels.size(); ++c) {
        levels[c].connectionId = index.connectionIds.at(c);
        levels[c].label = index.connectionLabels.at(c);
    }
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const AttemptSample &sample = samples.at(i);
        ConnectionLevels &connection = levels[index.connectionOfSample.at(i)];
        appendLevel(connection.rateLimitRemaining, sample.finishedMs, sample.rateLimitRemaining,
                    window);
        if (sample.rateLimitRemaining >= 0 && window.overlaps(sample.finishedMs, sample.finishedMs))
            connection.rateLimitLimit = qMax(connection.rateLimitLimit, sample.rateLimitLimit);
        appendLevel(connection.bucketLevel, sample.startedMs, sample.bucketLevel, window);
        appendLevel(connection.queueDepth, sample.startedMs, sample.queueDepth, window);
    }
    QHash<QString, qsizetype> levelOf;
    for (qsizetype c = 0; c < levels.size(); ++c)
        levelOf.insert(levels.at(c).connectionId, c);
    for (const InboundRateSample &rate : data.inbound) {
        const auto it = levelOf.constFind(rate.connectionId);
        if (it == levelOf.cend())
            continue;
        QList<LevelPoint> &inbound = levels[*it].inboundPerSecond;
        // Only seconds with events are stored: the seconds between them had none.
        if (!inbound.isEmpty() && rate.secondStartMs - inbound.constLast().atMs > 1000)
            appendLevel(inbound, inbound.constLast().atMs + 1000, 0, window);
        appendLevel(inbound, rate.secondStartMs, rate.count, window);
    }
    for (ConnectionLevels &connection : levels) {
        if (!connection.inboundPerSecond.isEmpty()) {
            appendLevel(connection.inboundPerSecond,
                        connection.inboundPerSecond.constLast().atMs + 1000, 0, window);
        }
        connection.rateLimitRemaining = finishLevel(connection.rateLimitRemaining, window);
        connection.bucketLevel = finishLevel(connection.bucketLevel, window);
        connection.queueDepth = finishLevel(connection.queueDepth, window);
        connection.inboundPerSecond = finishLevel(connection.inboundPerSecond, window);
    }
    std::stable_sort(levels.begin(), levels.end(),
                     [](const ConnectionLevels &a, const ConnectionLevels &b) {
                         return QString::compare(a.label, b.label, Qt::CaseInsensitive) < 0;
                     });
    series.levels = std::move(levels);
    return series;
}

} // namespace wb::models
