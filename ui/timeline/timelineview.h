// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"
#include "models/timeline/timelinequery.h"
#include "models/timeline/timelinescopecatalog.h"
#include "models/timeline/timelineseries.h"
#include "ui/timeline/timelinetoolbar.h"
#include "ui/widgets/stackedview.h"

#include <QFutureWatcher>
#include <QPointer>

class QLabel;
class QStackedWidget;
class QTimer;

namespace wb::core {
class Clock;
}

namespace wb::models {
class PolicySimulator;
class TimelineSeriesBuilder;
class TimelineSource;
} // namespace wb::models

namespace wb::ui {

class EmptyStateWidget;
class TimelinePlot;

// The Timeline tab: when each attempt went out, what came back, how long the engine waited and
// why, and how close the connection ran to its rate limit (TimelinePlot), for every tenant, one
// tenant, one connection or one delivery, over the last 15 minutes, hour, day or a custom range.
//
// Data comes from a TimelineSource (asynchronous; none set: the tab's empty state). The mapping
// to plot series runs on a worker (TimelineSeriesBuilder); this class only wires and draws. Live
// mode follows new attempts and coalesces them: at most one rebuild per `liveCoalesceMs`, and a
// queued replot, never one per sample.
class TimelineView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    static constexpr int liveCoalesceMs = 250;
    static constexpr int liveFollowMs = 1000;
    static constexpr int rebinDelayMs = 120;

    // Uses the system clock.
    explicit TimelineView(QWidget *parent = nullptr);
    // `clock` (not owned, outlives the view) says what "last hour" and live mode mean.
    explicit TimelineView(const core::Clock &clock, QWidget *parent = nullptr);
    ~TimelineView() override;

    // Not owned; null shows the empty state. Setting a source queries it.
    void setSource(models::TimelineSource *source);
    // Not owned; null hides the "compare policy" overlay.
    void setPolicySimulator(const models::PolicySimulator *simulator);

    void setScope(const models::TimelineScope &scope);
    models::TimelineScope scope() const { return m_scope; }
    void setRangePreset(TimelineRangePreset preset);
    TimelineRangePreset rangePreset() const { return m_preset; }
    // Switches to the Custom preset. Ignored when !range.isValid().
    void setCustomRange(const models::TimelineRange &range);
    // What the last query asked for (UTC ms).
    models::TimelineRange queryRange() const { return m_queryRange; }
    void setLive(bool live);
    bool isLive() const { return m_live; }
    void setTimeSpec(Qt::TimeSpec spec);
    // The delivery the overlay compares (set by clicking one of its attempts).
    void selectDelivery(const QString &deliveryId);
    QString selectedDeliveryId() const { return m_selectedDelivery; }
    // A PolicySimulator preset name; empty turns the overlay off.
    void setWhatIfPreset(const QString &preset);
    QString whatIfPreset() const { return m_whatIfPreset; }

    // Writes the plot as `path` (.png or .pdf by suffix), `size` pixels (PNG) or points (PDF).
    // Errors: "timeline.export_format" (another suffix), "timeline.export_failed" (not written).
    core::Result<void> exportImage(const QString &path, QSize size) const;

    TimelinePlot *plot() const { return m_plot; }
    TimelineToolBar *toolBar() const { return m_toolBar; }
    // The content page shows "no attempts in this range" (or a load error) instead of the plot.
    bool isShowingNoAttempts() const;
    EmptyStateWidget *noAttemptsState() const { return m_noAttempts; }
    QString statusText() const;

Q_SIGNALS:
    // An attempt was clicked: its delivery and its number in it (the deliveries view selects
    // both).
    void attemptActivated(const QString &deliveryId, int attemptNumber);
    void scopeChanged(const wb::models::TimelineScope &scope);
    void rangeChanged(const wb::models::TimelineRange &range);
    // A query answered (attempts or not) and its first series is on the plot.
    void seriesApplied();

private:
    void reload();
    void onQueryFinished();
    void rebuild();
    void onSeriesReady(quint64 token, const models::TimelineSeries &series);
    void onAppended(const models::TimelineData &data);
    void followNow();
    void applyWhatIf(bool fit);
    void updateWhatIfAvailability();
    void updateScopes();
    void updateStatus();
    void onAttemptClicked(qsizetype index);
    void onAttemptDoubleClicked(qsizetype index);
    void chooseCustomRange();
    void exportInteractively(const QString &format);
    models::TimelineRange presetRange() const;

    const core::Clock &m_clock;
    QPointer<models::TimelineSource> m_source;
    const models::PolicySimulator *m_simulator = nullptr;
    models::TimelineSeriesBuilder *m_builder = nullptr;
    QFutureWatcher<core::Result<models::TimelineData>> *m_query = nullptr;

    QWidget *m_content = nullptr;
    TimelineToolBar *m_toolBar = nullptr;
    QStackedWidget *m_pages = nullptr;
    TimelinePlot *m_plot = nullptr;
    EmptyStateWidget *m_noAttempts = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_rebinTimer = nullptr;
    QTimer *m_coalesceTimer = nullptr;
    QTimer *m_followTimer = nullptr;
    int m_contentIndex = -1;

    models::TimelineScope m_scope;
    TimelineRangePreset m_preset = TimelineRangePreset::LastHour;
    models::TimelineRange m_customRange;
    models::TimelineRange m_queryRange;
    bool m_live = false;
    QString m_selectedDelivery;
    QString m_whatIfPreset;
    QString m_whatIfError;
    models::TimelineScopeCatalog m_catalog; // the scopes seen in every answer

    models::TimelineData m_data;      // the current query's answer (plus live appends)
    models::TimelineData m_builtData; // what the newest build request was given
    quint64 m_buildToken = 0;
    bool m_announcePending = false;
};

} // namespace wb::ui
