// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelineplot.h"

#include "ui/timeline/timelinespanplottable.h"
#include "ui/timeline/timelinestyle.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;
using wb::models::OutcomeClass;
using wb::models::SpanKind;

namespace wb::ui {

namespace {
double keyOf(qint64 ms)
{
    return double(ms) / 1000.0;
}

qint64 msOf(double key)
{
    return qint64(std::llround(key * 1000.0));
}

const QList<OutcomeClass> outcomeOrder{OutcomeClass::Success,     OutcomeClass::RateLimited,
                                       OutcomeClass::ServerError, OutcomeClass::Network,
                                       OutcomeClass::ClientError, OutcomeClass::DeadLetter};
const QList<SpanKind> spanOrder{SpanKind::RetryAfter, SpanKind::Backoff, SpanKind::RateLimitPause,
                                SpanKind::Queued};

} // namespace

TimelinePlot::TimelinePlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_timeTicker(new QCPAxisTickerDateTime)
    , m_laneTicker(new QCPAxisTickerText)
{
    setObjectName(u"timelinePlot"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(480, 320);
    setAutoAddPlottableToLegend(false);
    setNoAntialiasingOnDrag(true);
    setUpLayout();
    setUpLegend();
    setTimeSpec(Qt::UTC);
}

TimelinePlot::~TimelinePlot() = default;

void TimelinePlot::setUpLayout()
{
    m_lanesRect = axisRect();
    // The legend goes under the panels, out of the lanes' way.
    m_lanesRect->insetLayout()->take(legend);
    m_levelsTitle = new QCPTextElement(this, QString(), QFont(font().family(), 9, QFont::Bold));
    m_levelsTitle->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    m_rateRect = new QCPAxisRect(this);
    m_loadRect = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, m_levelsTitle);
    plotLayout()->addElement(2, 0, m_rateRect);
    plotLayout()->addElement(3, 0, m_loadRect);
    plotLayout()->addElement(4, 0, legend);
    plotLayout()->setRowStretchFactors({3.0, 0.001, 1.0, 1.0, 0.001});
    plotLayout()->setRowSpacing(0);
    auto *margins = new QCPMarginGroup(this);
    for (QCPAxisRect *rect : {m_lanesRect, m_rateRect, m_loadRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        QCPAxis *time = rect->axis(QCPAxis::atBottom);
        time->setTicker(m_timeTicker);
        time->grid()->setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0, Qt::DotLine));
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeDragAxes(time, nullptr);
        rect->setRangeZoomAxes(time, nullptr);
        rect->setRangeZoomFactor(0.85);
        connect(time, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                &TimelinePlot::onTimeRangeChanged);
    }
    // Time labels only under the lowest panel.
    m_lanesRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_rateRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_rateRect->setMargins(QMargins(0, 4, 0, 0));
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    QCPAxis *laneTime = m_lanesRect->axis(QCPAxis::atBottom);
    QCPAxis *lanes = m_lanesRect->axis(QCPAxis::atLeft);
    lanes->setTicker(m_laneTicker);
    lanes->setRangeReversed(true);
    lanes->setTickLength(0, 0);
    lanes->setSubTicks(false);
    lanes->grid()->setPen(QPen(QColor(0xe4, 0xe4, 0xe4), 0, Qt::SolidLine));
    lanes->setTickLabelFont(QFont(font().family(), 9, QFont::DemiBold));
    lanes->setRange(-0.5, 0.5);

    // Spans under markers: created first, drawn first.
    for (SpanKind kind : spanOrder)
        m_spanPlottables[std::size_t(kind)] = new TimelineSpanPlottable(laneTime, lanes, kind);
    m_whatIfSpans = new TimelineSpanPlottable(laneTime, lanes, SpanKind::Backoff);
    m_whatIfSpans->setBrush(Qt::NoBrush);
    for (OutcomeClass outcome : outcomeOrder) {
        auto *graph = new QCPGraph(laneTime, lanes);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(TimelineStyle::outcomePixmapScatter(outcome));
        graph->setName(TimelineStyle::outcomeName(outcome));
        graph->setAdaptiveSampling(false);
        m_outcomeGraphs[std::size_t(outcome)] = graph;
    }
    m_whatIfGraph = new QCPGraph(laneTime, lanes);
    m_whatIfGraph->setLineStyle(QCPGraph::lsNone);
    m_whatIfGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                   QPen(QColor(0x00, 0x72, 0xb2), 2), Qt::white,
                                                   10));
    setUpLevels();
}

void TimelinePlot::setUpLegend()
{
    legend->setVisible(true);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFont(QFont(font().family(), 8));
    legend->setIconSize(22, 10);
    legend->setRowSpacing(0);
    legend->setColumnSpacing(12);
    // Row 0: outcomes; row 1: waits (and the what-if overlay); row 2: levels.
    int column = 0;
    for (OutcomeClass outcome : outcomeOrder) {
        legend->addElement(0, column++, new QCPPlottableLegendItem(legend, outcomeGraph(outcome)));
    }
    column = 0;
    for (SpanKind kind : spanOrder)
        legend->addElement(1, column++, new QCPPlottableLegendItem(legend, spanPlottable(kind)));
    column = 0;
    for (QCPGraph *graph : {m_rateLimit, m_bucket, m_queueDepth, m_inbound})
        legend->addElement(2, column++, new QCPPlottableLegendItem(legend, graph));
}

QCPGraph *TimelinePlot::outcomeGraph(OutcomeClass outcome) const
{
    return m_outcomeGraphs.at(std::size_t(outcome));
}

TimelineSpanPlottable *TimelinePlot::spanPlottable(SpanKind kind) const
{
    return m_spanPlottables.at(std::size_t(kind));
}

void TimelinePlot::setSeries(const models::TimelineSeries &series, const models::TimelineData &data)
{
    m_series = series;
    m_data = data;
    std::array<QVector<double>, models::outcomeClassCount> keys;
    std::array<QVector<double>, models::outcomeClassCount> values;
    for (const models::TimelineMarker &marker : m_series.markers) {
        keys[std::size_t(marker.outcome)].append(keyOf(marker.atMs));
        values[std::size_t(marker.outcome)].append(marker.y);
    }
    for (OutcomeClass outcome : outcomeOrder)
        outcomeGraph(outcome)->setData(keys[std::size_t(outcome)], values[std::size_t(outcome)],
                                       true);
    for (SpanKind kind : spanOrder)
        spanPlottable(kind)->setSpans(m_series.spans);
    updateLanes();
    updateLevels();
    replotSoon();
}

void TimelinePlot::clear()
{
    setSeries({}, {});
    setWhatIf({}, {});
}

void TimelinePlot::setVectorMarkers(bool vector)
{
    m_vectorMarkers = vector;
    for (OutcomeClass outcome : outcomeOrder) {
        outcomeGraph(outcome)->setScatterStyle(
                vector ? TimelineStyle::outcomeScatter(outcome)
                       : TimelineStyle::outcomePixmapScatter(outcome));
    }
}

void TimelinePlot::setLevelsConnection(const QString &connectionId)
{
    m_levelsConnection = connectionId;
    updateLevels();
    replotSoon();
}

void TimelinePlot::setWhatIf(const QList<models::WhatIfAttempt> &attempts,
                             const QString &presetLabel)
{
    m_whatIf = attempts;
    m_whatIfLabel = presetLabel;
    const int lane = int(m_series.lanes.size());
    m_whatIfSeries = models::mapWhatIf(attempts, lane, lane);
    QVector<double> keys;
    QVector<double> values;
    for (const models::TimelineMarker &marker : m_whatIfSeries.markers) {
        keys.append(keyOf(marker.atMs));
        values.append(marker.y);
    }
    m_whatIfGraph->setData(keys, values, true);
    m_whatIfGraph->setName(tr("What %1 would have done").arg(presetLabel));
    QList<models::TimelineSpan> spans = m_whatIfSeries.spans;
    for (models::TimelineSpan &span : spans)
        span.kind = SpanKind::Backoff; // drawn as outlines in the overlay's own colour
    m_whatIfSpans->setSpans(spans);
    m_whatIfSpans->setPen(QPen(QColor(0x00, 0x72, 0xb2), 1.2, Qt::DashLine));
    if (!attempts.isEmpty() && !m_whatIfLegendItem) {
        m_whatIfLegendItem = new QCPPlottableLegendItem(legend, m_whatIfGraph);
        legend->addElement(1, int(spanOrder.size()), m_whatIfLegendItem);
    } else if (attempts.isEmpty() && m_whatIfLegendItem) {
        legend->removeItem(m_whatIfLegendItem);
        m_whatIfLegendItem = nullptr;
    }
    updateLanes();
    replotSoon();
}

void TimelinePlot::updateLanes()
{
    QMap<double, QString> ticks;
    for (qsizetype lane = 0; lane < m_series.lanes.size(); ++lane)
        ticks.insert(double(lane), m_series.lanes.at(lane).label);
    int laneCount = int(m_series.lanes.size());
    if (!m_whatIf.isEmpty()) {
        ticks.insert(double(laneCount), tr("%1 (simulated)").arg(m_whatIfLabel));
        ++laneCount;
    }
    m_laneTicker->setTicks(ticks);
    m_lanesRect->axis(QCPAxis::atLeft)->setRange(-0.5, qMax(1, laneCount) - 0.5);

    for (QCPItemRect *band : std::as_const(m_laneBands))
        removeItem(band);
    m_laneBands.clear();
    for (int lane = 1; lane < laneCount; lane += 2) {
        auto *band = new QCPItemRect(this);
        band->setLayer(u"background"_s);
        band->setClipAxisRect(m_lanesRect);
        for (QCPItemPosition *corner : {band->topLeft, band->bottomRight}) {
            corner->setAxisRect(m_lanesRect);
            corner->setAxes(m_lanesRect->axis(QCPAxis::atBottom),
                            m_lanesRect->axis(QCPAxis::atLeft));
            corner->setTypeX(QCPItemPosition::ptAxisRectRatio);
            corner->setTypeY(QCPItemPosition::ptPlotCoords);
        }
        band->topLeft->setCoords(0, lane - 0.5);
        band->bottomRight->setCoords(1, lane + 0.5);
        band->setPen(Qt::NoPen);
        band->setBrush(QColor(0xf4, 0xf6, 0xf8));
        m_laneBands.append(band);
    }

    // Bars as thick as a row allows, between 3 and 10 pixels.
    int rows = 1;
    for (const models::TimelineLane &lane : m_series.lanes)
        rows = qMax(rows, lane.rows);
    const double lanePx = m_lanesRect->height() / double(qMax(1, laneCount));
    const double rowPx = rows > 1 ? lanePx * qMin(0.24, 0.72 / (rows - 1)) : lanePx * 0.3;
    const double bar = std::clamp(rowPx * 0.6, 3.0, 10.0);
    for (SpanKind kind : spanOrder)
        spanPlottable(kind)->setBarHeight(bar);
    m_whatIfSpans->setBarHeight(bar);
}

void TimelinePlot::setTimeSpec(Qt::TimeSpec spec)
{
    m_timeSpec = spec == Qt::UTC ? Qt::UTC : Qt::LocalTime;
    m_timeTicker->setDateTimeSpec(m_timeSpec);
    updateTimeAxis();
    replotSoon();
}

void TimelinePlot::updateTimeAxis()
{
    const models::TimelineRange range = visibleRange();
    const qint64 span = range.durationMs();
    QString format = u"HH:mm"_s;
    if (span <= 3 * 60 * 1000)
        format = u"HH:mm:ss"_s;
    else if (span > 36 * 3600 * 1000LL)
        format = u"d MMM\nHH:mm"_s;
    m_timeTicker->setDateTimeFormat(format);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(range.fromMs, m_timeSpec);
    QString zone = tr("UTC");
    if (m_timeSpec != Qt::UTC) {
        const int offset = from.offsetFromUtc();
        zone = tr("local time, UTC%1%2:%3")
                       .arg(offset < 0 ? u"−"_s : u"+"_s)
                       .arg(qAbs(offset) / 3600, 2, 10, QChar(u'0'))
                       .arg((qAbs(offset) % 3600) / 60, 2, 10, QChar(u'0'));
    }
    m_loadRect->axis(QCPAxis::atBottom)
            ->setLabel(tr("Time (%1) from %2")
                               .arg(zone, QLocale().toString(from, u"ddd d MMM yyyy"_s)));
}

void TimelinePlot::setFullRange(const models::TimelineRange &range, bool replot)
{
    m_fullRange = range;
    setVisibleRange(range, replot);
}

void TimelinePlot::setVisibleRange(const models::TimelineRange &range, bool replot)
{
    if (!range.isValid())
        return;
    m_programmaticRange = true;
    m_lanesRect->axis(QCPAxis::atBottom)->setRange(keyOf(range.fromMs), keyOf(range.toMs));
    m_programmaticRange = false;
    if (replot)
        replotSoon();
}

models::TimelineRange TimelinePlot::visibleRange() const
{
    const QCPRange range = m_lanesRect->axis(QCPAxis::atBottom)->range();
    return {msOf(range.lower), msOf(range.upper)};
}

void TimelinePlot::onTimeRangeChanged(const QCPRange &range)
{
    if (m_syncingRange)
        return;
    // Keep both panels on the same time range (each can be dragged).
    m_syncingRange = true;
    for (QCPAxisRect *rect : {m_lanesRect, m_rateRect, m_loadRect}) {
        QCPAxis *axis = rect->axis(QCPAxis::atBottom);
        if (axis->range() != range)
            axis->setRange(range);
    }
    m_syncingRange = false;
    updateTimeAxis();
    Q_EMIT visibleRangeChanged(visibleRange());
    if (!m_programmaticRange)
        Q_EMIT userNavigated();
}

models::TimeAxisMapping TimelinePlot::timeMapping() const
{
    const models::TimelineRange range = visibleRange();
    return {range.fromMs, range.toMs, double(m_lanesRect->left()), double(m_lanesRect->width())};
}

models::LaneAxisMapping TimelinePlot::laneMapping() const
{
    const QCPRange range = m_lanesRect->axis(QCPAxis::atLeft)->range();
    return {range.lower, range.upper, double(m_lanesRect->top()), double(m_lanesRect->height())};
}

qsizetype TimelinePlot::markerCount() const
{
    qsizetype count = 0;
    for (QCPGraph *graph : m_outcomeGraphs)
        count += graph->dataCount();
    return count;
}

void TimelinePlot::replotSoon()
{
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace wb::ui
