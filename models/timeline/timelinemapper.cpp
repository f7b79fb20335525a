// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinemapper.h"

#include "models/timeline/leveldecimation.h"
#include "models/timeline/rowpacking.h"

#include <QHash>

#include <algorithm>

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

// Attempt indices per delivery, in attempt order, and the deliveries in first-attempt order.
struct DeliveryIndex
{
    QHash<QString, QList<qsizetype>> attempts;
    QList<QString> order;
};

DeliveryIndex indexDeliveries(const QList<AttemptSample> &samples)
{
    DeliveryIndex index;
    index.attempts.reserve(samples.size() / 2 + 1);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        auto it = index.attempts.find(samples.at(i).deliveryId);
        if (it == index.attempts.end()) {
            index.order.append(samples.at(i).deliveryId);
            it = index.attempts.insert(samples.at(i).deliveryId, {});
        }
        it->append(i);
    }
    for (QList<qsizetype> &list : index.attempts) {
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

// Lanes and each delivery's lane and row.
QHash<QString, Placement> placeDeliveries(const QList<AttemptSample> &samples,
                                          const DeliveryIndex &deliveries,
                                          const TimelineMapOptions &options,
                                          QList<TimelineLane> &lanes)
{
    QHash<QString, Placement> placements;
    placements.reserve(deliveries.order.size());
    if (options.laneMode == LaneMode::ByDelivery) {
        for (const QString &delivery : deliveries.order) {
            placements.insert(delivery, {int(lanes.size()), 0});
            lanes.append({delivery, delivery, 1});
        }
        return placements;
    }
    QHash<QString, QString> connectionLabels;
    for (const AttemptSample &sample : samples) {
        if (!connectionLabels.contains(sample.connectionId))
            connectionLabels.insert(sample.connectionId, labelOf(sample));
    }
    QList<QString> connections = connectionLabels.keys();
    std::sort(connections.begin(), connections.end(), [&](const QString &a, const QString &b) {
        const int byLabel = QString::compare(connectionLabels.value(a), connectionLabels.value(b),
                                             Qt::CaseInsensitive);
        return byLabel != 0 ? byLabel < 0 : a < b;
    });
    QHash<QString, int> laneOf;
    QList<QList<RowInterval>> intervals(connections.size());
    QList<QList<QString>> laneDeliveries(connections.size());
    for (int lane = 0; lane < connections.size(); ++lane) {
        laneOf.insert(connections.at(lane), lane);
        lanes.append({connections.at(lane), connectionLabels.value(connections.at(lane)), 1});
    }
    for (const QString &delivery : deliveries.order) {
        const QList<qsizetype> &attempts = deliveries.attempts.value(delivery);
        const AttemptSample &first = samples.at(attempts.constFirst());
        const int lane = laneOf.value(first.connectionId);
        intervals[lane].append({first.startedMs, deliveryEndMs(samples, attempts)});
        laneDeliveries[lane].append(delivery);
    }
    int maxRows = qMax(1, options.maxRowsPerLane);
    if (options.lanesHeightPx > 0 && options.minRowPitchPx > 0 && !connections.isEmpty()) {
        const double perLane = options.lanesHeightPx / double(connections.size());
        maxRows = qBound(1, int(perLane / options.minRowPitchPx), maxRows);
    }
    for (int lane = 0; lane < connections.size(); ++lane) {
        const QList<int> rows = packRows(intervals.at(lane), maxRows);
        int used = 1;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            placements.insert(laneDeliveries.at(lane).at(i), {lane, rows.at(i)});
            used = qMax(used, rows.at(i) + 1);
        }
        lanes[lane].rows = used;
    }
    return placements;
}

void addSpan(QList<TimelineSpan> &spans, const Window &window, TimelineSpan span)
{
    if (span.toMs > span.fromMs && window.overlaps(span.fromMs, span.toMs))
        spans.append(span);
}

// Merges spans of the same kind in the same row that lie within one bin of each other.
QList<TimelineSpan> mergeSpans(QList<TimelineSpan> spans, const Window &window)
{
    std::stable_sort(spans.begin(), spans.end(), [](const TimelineSpan &a, const TimelineSpan &b) {
        return a.fromMs < b.fromMs;
    });
    if (window.markerBinMs <= 0)
        return spans;
    QList<TimelineSpan> merged;
    QHash<QPair<double, int>, qsizetype> lastOf;
    for (const TimelineSpan &span : spans) {
        const QPair<double, int> key{span.y, int(span.kind)};
        const auto it = lastOf.constFind(key);
        if (it != lastOf.cend()) {
            TimelineSpan &last = merged[*it];
            if (span.fromMs - last.toMs <= window.markerBinMs) {
                if (span.toMs >= last.toMs)
                    last.open = span.open;
                last.toMs = qMax(last.toMs, span.toMs);
                last.count += span.count;
                continue;
            }
        }
        lastOf.insert(key, merged.size());
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
    std::stable_sort(points.begin(), points.end(),
                     [](const LevelPoint &a, const LevelPoint &b) { return a.atMs < b.atMs; });
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

    const DeliveryIndex deliveries = indexDeliveries(samples);
    const QHash<QString, Placement> placements = placeDeliveries(samples, deliveries, options,
                                                                 series.lanes);
    const auto yOf = [&](const Placement &placement) {
        return laneValue(placement.lane, placement.row, series.lanes.at(placement.lane).rows);
    };

    // Markers, binned per row and outcome.
    QHash<quint64, qsizetype> openMarker;
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
        const Placement placement = placements.value(sample.deliveryId);
        const OutcomeClass outcome = classifyOutcome(sample);
        if (window.markerBinMs > 0) {
            const quint64 key = (quint64(placement.lane) << 20) | (quint64(placement.row) << 4)
                                | quint64(outcome);
            const auto it = openMarker.constFind(key);
            if (it != openMarker.cend()) {
                TimelineMarker &marker = series.markers[*it];
                if (binIndex(marker.atMs, window) == binIndex(sample.startedMs, window)) {
                    marker.lastMs = sample.startedMs;
                    ++marker.count;
                    continue;
                }
            }
            openMarker.insert(key, series.markers.size());
        }
        series.markers.append({sample.startedMs, sample.startedMs, yOf(placement), placement.lane,
                               outcome, i, 1});
    }

    // Waits: from each retried attempt to the next attempt of its delivery.
    QList<TimelineSpan> spans;
    qsizetype iteration = 0;
    for (const QString &delivery : deliveries.order) {
        if (isCancelled(options, ++iteration)) {
            series.cancelled = true;
            return series;
        }
        const QList<qsizetype> &attempts = deliveries.attempts.value(delivery);
        const Placement placement = placements.value(delivery);
        const double y = yOf(placement);
        for (qsizetype n = 0; n < attempts.size(); ++n) {
            const AttemptSample &sample = samples.at(attempts.at(n));
            if (!isRetryDecision(sample.decision))
                continue;
            const qint64 waitEnd = sample.finishedMs + qMax<qint64>(0, sample.waitMs);
            const bool hasNext = n + 1 < attempts.size();
            const qint64 next = hasNext ? samples.at(attempts.at(n + 1)).startedMs : waitEnd;
            const SpanKind kind = spanKindFor(sample.waitCause);
            addSpan(spans, window,
                    {sample.finishedMs, qMin(waitEnd, next), y, placement.lane, kind, !hasNext,
                     attempts.at(n), 1});
            if (hasNext && next - waitEnd >= qMax<qint64>(1, options.minQueuedMs)) {
                addSpan(spans, window,
                        {waitEnd, next, y, placement.lane, SpanKind::Queued, false, attempts.at(n),
                         1});
            }
        }
    }
    series.spans = mergeSpans(std::move(spans), window);

    // Levels, per connection in lane order (connection mode) or label order (delivery mode).
    QHash<QString, qsizetype> levelOf;
    QList<ConnectionLevels> levels;
    for (const AttemptSample &sample : samples) {
        auto it = levelOf.constFind(sample.connectionId);
        if (it == levelOf.cend()) {
            it = levelOf.insert(sample.connectionId, levels.size());
            levels.append(ConnectionLevels{});
            levels.last().connectionId = sample.connectionId;
            levels.last().label = labelOf(sample);
        }
        ConnectionLevels &connection = levels[*it];
        appendLevel(connection.rateLimitRemaining, sample.finishedMs, sample.rateLimitRemaining,
                    window);
        if (sample.rateLimitRemaining >= 0 && window.overlaps(sample.finishedMs, sample.finishedMs))
            connection.rateLimitLimit = qMax(connection.rateLimitLimit, sample.rateLimitLimit);
        appendLevel(connection.bucketLevel, sample.startedMs, sample.bucketLevel, window);
        appendLevel(connection.queueDepth, sample.startedMs, sample.queueDepth, window);
    }
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
        QList<LevelPoint> &inbound = connection.inboundPerSecond;
        if (!inbound.isEmpty())
            appendLevel(inbound, inbound.constLast().atMs + 1000, 0, window);
    }
    for (ConnectionLevels &connection : levels) {
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
