// SPDX-License-Identifier: GPL-3.0-or-later
// TimelinePlot: the two level panels under the lanes (the lanes are in timelineplot.cpp).
#include "ui/timeline/timelineplot.h"

#include "ui/timeline/timelinestyle.h"

#include <algorithm>
#include <cmath>

namespace wb::ui {

namespace {
// Whole-number ticks for counts (queue depth, events, requests, tokens).
class CountTicker final : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override
    {
        return qMax(1.0, std::floor(QCPAxisTicker::getTickStep(range)));
    }
};

QCPGraph *levelGraph(QCPAxis *key, QCPAxis *value, const QPen &pen, const QString &name)
{
    auto *graph = new QCPGraph(key, value);
    graph->setPen(pen);
    graph->setName(name);
    // Levels are known only at attempts; each holds until the next one.
    graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setAdaptiveSampling(true);
    return graph;
}

void styleAxis(QCPAxis *axis, const QString &label, const QColor &color)
{
    axis->setVisible(true);
    axis->setTicker(QSharedPointer<CountTicker>::create());
    axis->ticker()->setTickCount(3);
    axis->setSubTicks(false);
    axis->setLabel(label);
    axis->setLabelColor(color);
    axis->setTickLabelColor(color);
    axis->setBasePen(QPen(color));
    axis->setTickPen(QPen(color));
    axis->setLabelFont(QFont(axis->labelFont().family(), 8));
    axis->setTickLabelFont(QFont(axis->tickLabelFont().family(), 8));
    axis->setRange(0, 10);
}

void setLevel(QCPGraph *graph, const QList<models::LevelPoint> &points)
{
    QVector<double> keys;
    QVector<double> values;
    keys.reserve(points.size());
    values.reserve(points.size());
    for (const models::LevelPoint &point : points) {
        keys.append(double(point.atMs) / 1000.0);
        values.append(point.value);
    }
    graph->setData(keys, values, true);
}

double maxOf(const QList<models::LevelPoint> &points)
{
    double highest = 0;
    for (const models::LevelPoint &point : points)
        highest = qMax(highest, point.value);
    return highest;
}

// A little headroom above the highest value, at least `floor`.
double upperFor(double highest, double floor)
{
    return qMax(floor, highest) * 1.12;
}
} // namespace

void TimelinePlot::setUpLevels()
{
    QCPAxis *rateTime = m_rateRect->axis(QCPAxis::atBottom);
    QCPAxis *tokens = m_rateRect->axis(QCPAxis::atLeft);
    QCPAxis *remaining = m_rateRect->axis(QCPAxis::atRight);
    styleAxis(tokens, tr("Tokens"), TimelineStyle::bucketPen().color());
    styleAxis(remaining, tr("Requests left"), TimelineStyle::rateLimitPen().color());
    remaining->grid()->setVisible(false);
    tokens->grid()->setPen(QPen(QColor(0xee, 0xee, 0xee), 0, Qt::SolidLine));
    m_bucket = levelGraph(rateTime, tokens, TimelineStyle::bucketPen(), tr("Token bucket"));
    m_rateLimit = levelGraph(rateTime, remaining, TimelineStyle::rateLimitPen(),
                             tr("Rate-limit remaining"));

    QCPAxis *loadTime = m_loadRect->axis(QCPAxis::atBottom);
    QCPAxis *depth = m_loadRect->axis(QCPAxis::atLeft);
    QCPAxis *inbound = m_loadRect->axis(QCPAxis::atRight);
    styleAxis(depth, tr("Queued"), TimelineStyle::queueDepthPen().color());
    styleAxis(inbound, tr("Inbound/s"), TimelineStyle::inboundPen().color().darker(120));
    inbound->grid()->setVisible(false);
    depth->grid()->setPen(QPen(QColor(0xee, 0xee, 0xee), 0, Qt::SolidLine));
    m_queueDepth = levelGraph(loadTime, depth, TimelineStyle::queueDepthPen(), tr("Queue depth"));
    m_queueDepth->setBrush(TimelineStyle::queueDepthBrush());
    m_inbound = levelGraph(loadTime, inbound, TimelineStyle::inboundPen(),
                           tr("Inbound events per second"));
}

void TimelinePlot::updateLevels()
{
    const models::ConnectionLevels *levels = nullptr;
    if (!m_levelsConnection.isEmpty())
        levels = m_series.levelsFor(m_levelsConnection);
    if (!levels && !m_series.levels.isEmpty()) {
        // The connection that ran closest to its rate limit.
        levels = &*std::min_element(m_series.levels.cbegin(), m_series.levels.cend(),
                                    [](const auto &a, const auto &b) {
                                        return a.tightestRateLimitRatio()
                                               < b.tightestRateLimitRatio();
                                    });
    }
    const models::ConnectionLevels none;
    const models::ConnectionLevels &shown = levels ? *levels : none;
    setLevel(m_rateLimit, shown.rateLimitRemaining);
    setLevel(m_bucket, shown.bucketLevel);
    setLevel(m_queueDepth, shown.queueDepth);
    setLevel(m_inbound, shown.inboundPerSecond);
    if (!levels) {
        m_levelsTitle->setText(tr("Levels"));
    } else if (shown.rateLimitLimit > 0) {
        m_levelsTitle->setText(tr("Levels of %1 (rate limit: %2 requests per window)")
                                       .arg(shown.label)
                                       .arg(shown.rateLimitLimit));
    } else {
        m_levelsTitle->setText(tr("Levels of %1").arg(shown.label));
    }
    m_rateRect->axis(QCPAxis::atLeft)->setRange(0, upperFor(maxOf(shown.bucketLevel), 4));
    m_rateRect->axis(QCPAxis::atRight)
            ->setRange(0,
                       upperFor(qMax(double(shown.rateLimitLimit), maxOf(shown.rateLimitRemaining)),
                                4));
    m_loadRect->axis(QCPAxis::atLeft)->setRange(0, upperFor(maxOf(shown.queueDepth), 4));
    m_loadRect->axis(QCPAxis::atRight)->setRange(0, upperFor(maxOf(shown.inboundPerSecond), 4));
}

QString TimelinePlot::levelsTitle() const
{
    return m_levelsTitle->text();
}

} // namespace wb::ui
