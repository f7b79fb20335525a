// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelineseries.h"

#include <qcustomplot.h>

namespace wb::ui {

// A QCustomPlot plottable that draws wait spans of one kind as horizontal bars (a Queued span as
// a thin line): a span's left edge is the end of the retried attempt, its right edge the next
// attempt, so a Retry-After of 120 s is a bar 120 s long. An open (parked) span gets a dashed
// outline and an arrow at its due time. Keys are seconds since the epoch (QCPAxisTickerDateTime),
// values are lane values. One paint pass for thousands of spans; no per-span items.
//
// Hit-testing is the view's (models::timelinehit), so selectTest() reports no hit.
class TimelineSpanPlottable final : public QCPAbstractPlottable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineSpanPlottable)

public:
    // Registers itself with the axes' plot, which owns it.
    TimelineSpanPlottable(QCPAxis *keyAxis, QCPAxis *valueAxis, models::SpanKind kind);

    models::SpanKind kind() const { return m_kind; }
    // `spans` sorted by fromMs; only those of kind() are drawn.
    void setSpans(QList<models::TimelineSpan> spans);
    const QList<models::TimelineSpan> &spans() const { return m_spans; }
    void clear() { m_spans.clear(); }
    // The bar height in pixels (the view sizes it from the row pitch).
    void setBarHeight(double pixels) { m_barHeight = pixels; }

    double selectTest(const QPointF &pos, bool onlySelectable,
                      QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    void drawSpan(QCPPainter *painter, const models::TimelineSpan &span) const;

    models::SpanKind m_kind;
    QList<models::TimelineSpan> m_spans;
    double m_barHeight = 8;
};

} // namespace wb::ui
