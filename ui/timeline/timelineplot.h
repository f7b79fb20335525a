// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/laneaxismapping.h"
#include "models/timeline/policywhatif.h"
#include "models/timeline/timeaxismapping.h"
#include "models/timeline/timelinequery.h"
#include "models/timeline/timelineseries.h"

#include <qcustomplot.h>

#include <array>

namespace wb::ui {

class TimelineSpanPlottable;

// The timeline's QCustomPlot: an upper panel with one lane per connection (or per delivery)
// holding attempt markers and wait spans, a lower panel with one connection's levels (rate-limit
// remaining and token bucket on the right axis, queue depth and inbound events per second on the
// left), a shared date-time axis, and a legend that names every colour and span style.
//
// Draws what it is given; computes nothing heavy (the series come binned from a worker). Every
// change asks for a queued replot (rpQueuedReplot), so a burst of updates paints once. Mouse:
// drag pans, the wheel zooms (time only); keyboard: ←/→ pan, +/− zoom, Home shows the whole
// range. Hover shows an attempt's or a wait's details; a click reports the attempt.
class TimelinePlot final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePlot)

public:
    explicit TimelinePlot(QWidget *parent = nullptr);
    ~TimelinePlot() override;

    // `data` is what the series were built from (for hover details; implicitly shared).
    void setSeries(const models::TimelineSeries &series, const models::TimelineData &data);
    const models::TimelineSeries &series() const { return m_series; }
    void clear();

    // Which connection's levels the lower panel shows; empty: the one that ran closest to its
    // rate limit.
    void setLevelsConnection(const QString &connectionId);
    QString levelsConnection() const { return m_levelsConnection; }

    // The "what would this policy do" overlay: an extra lane under the others with the attempts
    // `presetLabel` would have made. An empty list removes it.
    void setWhatIf(const QList<models::WhatIfAttempt> &attempts, const QString &presetLabel);
    bool hasWhatIf() const { return !m_whatIf.isEmpty(); }

    // Markers as vector shapes (for PDF) instead of pre-rendered pixmaps (the default: fast).
    void setVectorMarkers(bool vector);
    bool vectorMarkers() const { return m_vectorMarkers; }

    // Qt::UTC or Qt::LocalTime for the axis and the tooltips.
    void setTimeSpec(Qt::TimeSpec spec);
    Qt::TimeSpec timeSpec() const { return m_timeSpec; }

    // The time range the user can return to with Home; also shown. With `replot` false the
    // change is painted with the next replot (live mode moves the axis and then sets new series:
    // one replot for both).
    void setFullRange(const models::TimelineRange &range, bool replot = true);
    models::TimelineRange fullRange() const { return m_fullRange; }
    void setVisibleRange(const models::TimelineRange &range, bool replot = true);
    models::TimelineRange visibleRange() const;

    models::TimeAxisMapping timeMapping() const;
    models::LaneAxisMapping laneMapping() const;

    // Hover text at `pos` (widget pixels); empty when nothing is there.
    QString toolTipAt(QPointF pos) const;
    // The attempt under `pos`: an index into the data's attempts, or -1.
    qsizetype attemptAt(QPointF pos) const;
    // The centre of `marker` in widget pixels (for tests and keyboard focus).
    QPointF markerPosition(const models::TimelineMarker &marker) const;

    QCPAxisRect *lanesRect() const { return m_lanesRect; }
    QCPAxisRect *rateLimitRect() const { return m_rateRect; }
    QCPAxisRect *loadRect() const { return m_loadRect; }
    QCPGraph *outcomeGraph(models::OutcomeClass outcome) const;
    TimelineSpanPlottable *spanPlottable(models::SpanKind kind) const;
    QCPGraph *whatIfGraph() const { return m_whatIfGraph; }
    QCPGraph *rateLimitGraph() const { return m_rateLimit; }
    QCPGraph *bucketGraph() const { return m_bucket; }
    QCPGraph *queueDepthGraph() const { return m_queueDepth; }
    QCPGraph *inboundGraph() const { return m_inbound; }
    QString levelsTitle() const;
    // Markers drawn (binned markers count once).
    qsizetype markerCount() const;

Q_SIGNALS:
    // The visible time range changed (by the user or by setVisibleRange).
    void visibleRangeChanged(const wb::models::TimelineRange &range);
    // The user panned or zoomed with the mouse or the keyboard.
    void userNavigated();
    // An attempt was clicked / double-clicked: an index into the data's attempts.
    void attemptClicked(qsizetype attemptIndex);
    void attemptDoubleClicked(qsizetype attemptIndex);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void setUpLayout();
    void setUpLevels();
    void setUpLegend();
    void updateLanes();
    void updateLevels();
    void updateTimeAxis();
    void onTimeRangeChanged(const QCPRange &range);
    void replotSoon();
    qsizetype markerIndexAt(QPointF pos) const;
    qsizetype whatIfIndexAt(QPointF pos) const;

    QCPAxisRect *m_lanesRect = nullptr;
    QCPAxisRect *m_rateRect = nullptr; // rate-limit remaining (right), token bucket (left)
    QCPAxisRect *m_loadRect = nullptr; // queue depth (left), inbound events/s (right)
    QCPTextElement *m_levelsTitle = nullptr;
    QSharedPointer<QCPAxisTickerDateTime> m_timeTicker;
    QSharedPointer<QCPAxisTickerText> m_laneTicker;
    std::array<QCPGraph *, models::outcomeClassCount> m_outcomeGraphs{};
    std::array<TimelineSpanPlottable *, models::spanKindCount> m_spanPlottables{};
    QCPGraph *m_whatIfGraph = nullptr;
    TimelineSpanPlottable *m_whatIfSpans = nullptr;
    QCPPlottableLegendItem *m_whatIfLegendItem = nullptr;
    QCPGraph *m_rateLimit = nullptr;
    QCPGraph *m_bucket = nullptr;
    QCPGraph *m_queueDepth = nullptr;
    QCPGraph *m_inbound = nullptr;
    QList<QCPItemRect *> m_laneBands;

    models::TimelineSeries m_series;
    models::TimelineData m_data;
    QList<models::WhatIfAttempt> m_whatIf;
    models::WhatIfSeries m_whatIfSeries;
    QString m_whatIfLabel;
    QString m_levelsConnection;
    Qt::TimeSpec m_timeSpec = Qt::UTC;
    models::TimelineRange m_fullRange;
    QPoint m_pressPos;
    bool m_programmaticRange = false;
    bool m_syncingRange = false;
    bool m_vectorMarkers = false;
};

} // namespace wb::ui
