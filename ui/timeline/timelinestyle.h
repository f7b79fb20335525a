// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/attemptsample.h"
#include "models/timeline/timelineseries.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QPen>

#include <qcustomplot.h>

namespace wb::ui {

// The timeline's visual vocabulary: one colour and one marker shape per outcome (shape as well as
// colour, so the plot reads in greyscale and for colour-blind users: the colours are the
// Okabe–Ito palette), one fill/outline style per wait cause, and the names the legend and
// tooltips use for each.
class TimelineStyle final
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::TimelineStyle)

public:
    static QColor outcomeColor(models::OutcomeClass outcome);
    static QCPScatterStyle outcomeScatter(models::OutcomeClass outcome, double size = 9);
    // The same marker pre-rendered (antialiased) into a pixmap: drawing a pixmap is about 30
    // times faster than drawing an antialiased circle with QCustomPlot 2.1's raster painter (20,000
    // markers: about 50 ms against 1.8 s), which keeps replots of large ranges cheap. Vector
    // output (PDF) uses outcomeScatter().
    static QCPScatterStyle outcomePixmapScatter(models::OutcomeClass outcome, double size = 9);
    // The same shape, hollow and lighter: attempts a different retry policy would have made.
    static QCPScatterStyle whatIfScatter(models::OutcomeClass outcome, double size = 9);
    static QString outcomeName(models::OutcomeClass outcome);

    static QPen spanPen(models::SpanKind kind);
    static QBrush spanBrush(models::SpanKind kind);
    static QString spanName(models::SpanKind kind);

    static QString decisionName(models::AttemptDecision decision);
    static QString waitCauseName(models::WaitCause cause);

    // Level lines (the lower panel).
    static QPen rateLimitPen();
    static QPen bucketPen();
    static QPen queueDepthPen();
    static QBrush queueDepthBrush();
    static QPen inboundPen();
};

} // namespace wb::ui
