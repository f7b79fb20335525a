// SPDX-License-Identifier: GPL-3.0-or-later
// TimelinePlot: mouse, keyboard and hover (the drawing is in timelineplot.cpp).
#include "ui/timeline/timelineplot.h"

#include "models/timeline/timelinehittest.h"
#include "ui/timeline/attempttooltip.h"

#include <QToolTip>

namespace wb::ui {

namespace {
constexpr double markerRadiusPx = 8;
constexpr double spanTolerancePx = 5;
constexpr int clickSlopPx = 4;
} // namespace

QPointF TimelinePlot::markerPosition(const models::TimelineMarker &marker) const
{
    return {timeMapping().toPixel(marker.atMs), laneMapping().toPixel(marker.y)};
}

qsizetype TimelinePlot::markerIndexAt(QPointF pos) const
{
    if (!m_lanesRect->rect().contains(pos.toPoint()))
        return -1;
    return models::timelinehit::marker(m_series.markers, timeMapping(), laneMapping(), pos,
                                       markerRadiusPx);
}

qsizetype TimelinePlot::whatIfIndexAt(QPointF pos) const
{
    if (m_whatIf.isEmpty() || !m_lanesRect->rect().contains(pos.toPoint()))
        return -1;
    return models::timelinehit::marker(m_whatIfSeries.markers, timeMapping(), laneMapping(), pos,
                                       markerRadiusPx);
}

qsizetype TimelinePlot::attemptAt(QPointF pos) const
{
    const qsizetype marker = markerIndexAt(pos);
    return marker < 0 ? -1 : m_series.markers.at(marker).sampleIndex;
}

QString TimelinePlot::toolTipAt(QPointF pos) const
{
    const qsizetype marker = markerIndexAt(pos);
    if (marker >= 0) {
        const models::TimelineMarker &hit = m_series.markers.at(marker);
        if (hit.sampleIndex >= 0 && hit.sampleIndex < m_data.attempts.size())
            return AttemptTooltip::forMarker(hit, m_data.attempts.at(hit.sampleIndex), m_timeSpec);
    }
    const qsizetype simulated = whatIfIndexAt(pos);
    if (simulated >= 0) {
        const qsizetype index = m_whatIfSeries.markers.at(simulated).sampleIndex;
        return AttemptTooltip::forWhatIf(m_whatIf.at(index), m_whatIfLabel, m_timeSpec);
    }
    if (!m_lanesRect->rect().contains(pos.toPoint()))
        return {};
    const qsizetype span = models::timelinehit::span(m_series.spans, timeMapping(), laneMapping(),
                                                     pos, spanTolerancePx);
    if (span >= 0) {
        const models::TimelineSpan &hit = m_series.spans.at(span);
        if (hit.sampleIndex >= 0 && hit.sampleIndex < m_data.attempts.size())
            return AttemptTooltip::forSpan(hit, m_data.attempts.at(hit.sampleIndex), m_timeSpec);
    }
    return {};
}

void TimelinePlot::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->pos();
    QToolTip::hideText();
    QCustomPlot::mousePressEvent(event);
}

void TimelinePlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton)
        return;
    const QString text = toolTipAt(event->position());
    if (text.isEmpty()) {
        QToolTip::hideText();
        unsetCursor();
        return;
    }
    setCursor(markerIndexAt(event->position()) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void TimelinePlot::mouseReleaseEvent(QMouseEvent *event)
{
    QCustomPlot::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton
        || (event->pos() - m_pressPos).manhattanLength() > clickSlopPx) {
        return;
    }
    const qsizetype attempt = attemptAt(event->position());
    if (attempt >= 0)
        Q_EMIT attemptClicked(attempt);
}

void TimelinePlot::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    const qsizetype attempt = attemptAt(event->position());
    if (event->button() == Qt::LeftButton && attempt >= 0)
        Q_EMIT attemptDoubleClicked(attempt);
}

void TimelinePlot::wheelEvent(QWheelEvent *event)
{
    QToolTip::hideText();
    QCustomPlot::wheelEvent(event);
}

void TimelinePlot::keyPressEvent(QKeyEvent *event)
{
    const models::TimeAxisMapping axis = timeMapping();
    const double center = axis.leftPx + axis.widthPx / 2;
    std::optional<models::TimeAxisMapping> next;
    switch (event->key()) {
    case Qt::Key_Left:
        next = axis.panned(-axis.widthPx / 10);
        break;
    case Qt::Key_Right:
        next = axis.panned(axis.widthPx / 10);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        next = axis.zoomed(0.8, center);
        break;
    case Qt::Key_Minus:
        next = axis.zoomed(1.25, center);
        break;
    case Qt::Key_Home:
        if (m_fullRange.isValid())
            next = models::TimeAxisMapping{m_fullRange.fromMs, m_fullRange.toMs, 0, 1};
        break;
    default:
        QCustomPlot::keyPressEvent(event);
        return;
    }
    event->accept();
    if (!next || !next->isValid())
        return;
    m_lanesRect->axis(QCPAxis::atBottom)
            ->setRange(double(next->fromMs) / 1000.0, double(next->toMs) / 1000.0);
    replotSoon();
}

void TimelinePlot::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QCustomPlot::leaveEvent(event);
}

} // namespace wb::ui
