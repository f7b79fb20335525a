// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelinespanplottable.h"

#include "ui/timeline/timelinestyle.h"

#include <algorithm>

using wb::models::SpanKind;
using wb::models::TimelineSpan;

namespace wb::ui {

namespace {
double keyOf(qint64 ms)
{
    return double(ms) / 1000.0;
}
} // namespace

TimelineSpanPlottable::TimelineSpanPlottable(QCPAxis *keyAxis, QCPAxis *valueAxis, SpanKind kind)
    : QCPAbstractPlottable(keyAxis, valueAxis)
    , m_kind(kind)
{
    setPen(TimelineStyle::spanPen(kind));
    setBrush(TimelineStyle::spanBrush(kind));
    setName(TimelineStyle::spanName(kind));
    setSelectable(QCP::stNone);
}

void TimelineSpanPlottable::setSpans(QList<TimelineSpan> spans)
{
    spans.removeIf([this](const TimelineSpan &span) { return span.kind != m_kind; });
    m_spans = std::move(spans);
}

double TimelineSpanPlottable::selectTest(const QPointF &, bool, QVariant *) const
{
    return -1;
}

QCPRange TimelineSpanPlottable::getKeyRange(bool &foundRange, QCP::SignDomain) const
{
    foundRange = !m_spans.isEmpty();
    if (!foundRange)
        return {};
    qint64 last = m_spans.constFirst().toMs;
    for (const TimelineSpan &span : m_spans)
        last = qMax(last, span.toMs);
    return QCPRange(keyOf(m_spans.constFirst().fromMs), keyOf(last));
}

QCPRange TimelineSpanPlottable::getValueRange(bool &foundRange, QCP::SignDomain,
                                              const QCPRange &) const
{
    foundRange = !m_spans.isEmpty();
    if (!foundRange)
        return {};
    const auto [low, high] = std::minmax_element(m_spans.cbegin(), m_spans.cend(),
                                                 [](const TimelineSpan &a, const TimelineSpan &b) {
                                                     return a.y < b.y;
                                                 });
    return QCPRange(low->y, high->y);
}

void TimelineSpanPlottable::draw(QCPPainter *painter)
{
    QCPAxis *keyAxis = mKeyAxis.data();
    if (!keyAxis || !mValueAxis || m_spans.isEmpty())
        return;
    const QCPRange visible = keyAxis->range();
    applyDefaultAntialiasingHint(painter);
    painter->setPen(mPen);
    painter->setBrush(mBrush);
    for (const TimelineSpan &span : m_spans) {
        if (keyOf(span.fromMs) > visible.upper)
            break; // sorted by fromMs
        if (keyOf(span.toMs) < visible.lower)
            continue;
        drawSpan(painter, span);
    }
}

void TimelineSpanPlottable::drawSpan(QCPPainter *painter, const TimelineSpan &span) const
{
    const double x1 = mKeyAxis->coordToPixel(keyOf(span.fromMs));
    const double x2 = qMax(x1 + 1.5, mKeyAxis->coordToPixel(keyOf(span.toMs)));
    const double y = mValueAxis->coordToPixel(span.y);
    if (m_kind == SpanKind::Queued) {
        painter->drawLine(QLineF(x1, y, x2, y));
        return;
    }
    const double h = m_barHeight;
    const QRectF bar(QPointF(x1, y - h / 2), QPointF(x2, y + h / 2));
    if (!span.open) {
        painter->drawRect(bar);
        return;
    }
    // Parked: a dashed outline and an arrow head at the due time.
    QPen dashed = mPen;
    dashed.setStyle(Qt::DashLine);
    painter->setPen(dashed);
    painter->drawRect(bar);
    painter->setPen(mPen);
    const double tip = qMin(h, x2 - x1);
    const QPolygonF arrow{QPointF(x2, y), QPointF(x2 - tip, y - h / 2 - 2),
                          QPointF(x2 - tip, y + h / 2 + 2)};
    painter->setBrush(mPen.color());
    painter->drawPolygon(arrow);
    painter->setBrush(mBrush);
}

void TimelineSpanPlottable::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    applyDefaultAntialiasingHint(painter);
    painter->setPen(mPen);
    painter->setBrush(mBrush);
    const double y = rect.center().y();
    if (m_kind == SpanKind::Queued) {
        painter->drawLine(QLineF(rect.left(), y, rect.right(), y));
        return;
    }
    const double h = qMin(rect.height(), 9.0);
    painter->drawRect(QRectF(rect.left(), y - h / 2, rect.width(), h));
}

} // namespace wb::ui
