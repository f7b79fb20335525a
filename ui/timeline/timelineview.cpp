// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelineview.h"

#include "core/util/clock.h"
#include "models/timeline/policysimulator.h"
#include "models/timeline/policywhatif.h"
#include "models/timeline/timelineseriesbuilder.h"
#include "models/timeline/timelinesource.h"
#include "ui/timeline/customrangedialog.h"
#include "ui/timeline/timelineexport.h"
#include "ui/timeline/timelineplot.h"
#include "ui/widgets/emptystatewidget.h"

#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using wb::models::TimelineScope;

namespace wb::ui {

namespace {
// Markers closer than this many pixels (same row, same outcome) are drawn as one.
constexpr double markerBinPx = 2;
constexpr double levelBinPx = 1;
// Before the plot has been laid out: bin as if it were this wide.
constexpr double fallbackWidthPx = 1000;
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : TimelineView(*core::SystemClock::instance(), parent)
{}

TimelineView::TimelineView(const core::Clock &clock, QWidget *parent)
    : StackedView(u"timelineEmptyState"_s, u":/icons/empty-timeline.svg"_s, parent)
    , m_clock(clock)
    , m_builder(new models::TimelineSeriesBuilder(this))
    , m_query(new QFutureWatcher<core::Result<models::TimelineData>>(this))
    , m_content(new QWidget(this))
    , m_toolBar(new TimelineToolBar(m_content))
    , m_pages(new QStackedWidget(m_content))
    , m_plot(new TimelinePlot(m_pages))
    , m_noAttempts(new EmptyStateWidget(m_pages))
    , m_status(new QLabel(m_content))
    , m_rebinTimer(new QTimer(this))
    , m_coalesceTimer(new QTimer(this))
    , m_followTimer(new QTimer(this))
{
    emptyState()->setTitle(tr("Nothing to plot yet"));
    emptyState()->setDescription(
            tr("The timeline draws each delivery attempt, the wait before the next one "
               "(Retry-After, backoff or a rate-limit pause) and how close each connection ran "
               "to its rate limit. It fills in as deliveries are attempted."));
    m_noAttempts->setObjectName(u"timelineNoAttempts"_s);
    m_noAttempts->setIcon(QIcon(u":/icons/empty-timeline.svg"_s));
    m_status->setObjectName(u"timelineStatus"_s);
    m_status->setContentsMargins(8, 0, 8, 4);
    m_pages->addWidget(m_plot);
    m_pages->addWidget(m_noAttempts);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    m_contentIndex = addContentPage(m_content);

    m_rebinTimer->setSingleShot(true);
    m_rebinTimer->setInterval(rebinDelayMs);
    m_coalesceTimer->setSingleShot(true);
    m_coalesceTimer->setInterval(liveCoalesceMs);
    m_followTimer->setInterval(liveFollowMs);
    connect(m_rebinTimer, &QTimer::timeout, this, &TimelineView::rebuild);
    connect(m_coalesceTimer, &QTimer::timeout, this, &TimelineView::followNow);
    connect(m_followTimer, &QTimer::timeout, this, &TimelineView::followNow);
    connect(m_query, &QFutureWatcher<core::Result<models::TimelineData>>::finished, this,
            &TimelineView::onQueryFinished);
    connect(m_builder, &models::TimelineSeriesBuilder::ready, this, &TimelineView::onSeriesReady);

    connect(m_plot, &TimelinePlot::userNavigated, this, [this] {
        if (m_live)
            setLive(false); // the user took the axis: stop following
        m_rebinTimer->start();
    });
    connect(m_plot, &TimelinePlot::attemptClicked, this, &TimelineView::onAttemptClicked);
    connect(m_plot, &TimelinePlot::attemptDoubleClicked, this,
            &TimelineView::onAttemptDoubleClicked);

    connect(m_toolBar, &TimelineToolBar::scopeSelected, this, &TimelineView::setScope);
    connect(m_toolBar, &TimelineToolBar::rangePresetSelected, this,
            [this](TimelineRangePreset preset) {
                if (preset == TimelineRangePreset::Custom)
                    chooseCustomRange();
                else
                    setRangePreset(preset);
            });
    connect(m_toolBar, &TimelineToolBar::liveToggled, this, &TimelineView::setLive);
    connect(m_toolBar, &TimelineToolBar::timeSpecSelected, this, &TimelineView::setTimeSpec);
    connect(m_toolBar, &TimelineToolBar::whatIfSelected, this, &TimelineView::setWhatIfPreset);
    connect(m_toolBar, &TimelineToolBar::fitRequested, this, [this] {
        m_plot->setVisibleRange(m_plot->fullRange());
        rebuild();
    });
    connect(m_toolBar, &TimelineToolBar::exportRequested, this, &TimelineView::exportInteractively);
    m_toolBar->setWhatIfPresets({});
    updateScopes();
}

TimelineView::~TimelineView()
{
    m_query->cancel();
}

void TimelineView::setSource(models::TimelineSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_catalog.clear();
    if (m_source)
        connect(m_source, &models::TimelineSource::appended, this, &TimelineView::onAppended);
    reload();
}

void TimelineView::setPolicySimulator(const models::PolicySimulator *simulator)
{
    m_simulator = simulator;
    QList<std::pair<QString, QString>> presets;
    if (simulator) {
        for (const QString &preset : simulator->presets())
            presets.append({preset, simulator->presetLabel(preset)});
    }
    m_toolBar->setWhatIfPresets(presets);
    updateWhatIfAvailability();
}

void TimelineView::setScope(const TimelineScope &scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    updateScopes();
    Q_EMIT scopeChanged(m_scope);
    reload();
}

void TimelineView::setRangePreset(TimelineRangePreset preset)
{
    if (preset == TimelineRangePreset::Custom && !m_customRange.isValid())
        return;
    m_preset = preset;
    m_toolBar->setRangePreset(preset);
    if (preset == TimelineRangePreset::Custom && m_live)
        setLive(false);
    reload();
}

void TimelineView::setCustomRange(const models::TimelineRange &range)
{
    if (!range.isValid())
        return;
    m_customRange = range;
    setRangePreset(TimelineRangePreset::Custom);
}

void TimelineView::setLive(bool live)
{
    if (live && m_preset == TimelineRangePreset::Custom) {
        m_preset = TimelineRangePreset::LastHour;
        m_toolBar->setRangePreset(m_preset);
    }
    const bool changed = live != m_live;
    m_live = live;
    m_toolBar->setLive(live);
    if (!live) {
        m_followTimer->stop();
        m_coalesceTimer->stop();
        return;
    }
    m_followTimer->start();
    if (changed)
        reload(); // catch up on what arrived while not following
}

void TimelineView::setTimeSpec(Qt::TimeSpec spec)
{
    m_toolBar->setTimeSpec(spec);
    m_plot->setTimeSpec(spec);
}

models::TimelineRange TimelineView::presetRange() const
{
    if (m_preset == TimelineRangePreset::Custom)
        return m_customRange;
    const qint64 now = m_clock.nowMs();
    return {now - timelineRangePresetMs(m_preset), now};
}

void TimelineView::reload()
{
    m_query->cancel();
    m_builder->cancel();
    m_rebinTimer->stop();
    if (!m_source) {
        m_data = {};
        m_plot->clear();
        showEmptyState();
        return;
    }
    showContentPage(m_contentIndex);
    m_queryRange = presetRange();
    Q_EMIT rangeChanged(m_queryRange);
    m_status->setText(tr("Loading attempts…"));
    m_query->setFuture(m_source->query({m_queryRange, m_scope}));
}

void TimelineView::onQueryFinished()
{
    const QFuture<core::Result<models::TimelineData>> future = m_query->future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    const core::Result<models::TimelineData> result = future.result();
    if (!result) {
        m_data = {};
        m_plot->clear();
        m_noAttempts->setTitle(tr("Could not load the timeline"));
        m_noAttempts->setDescription(result.error().message.toHtmlEscaped());
        m_pages->setCurrentWidget(m_noAttempts);
        m_status->setText(result.error().message);
        Q_EMIT seriesApplied();
        return;
    }
    m_data = *result;
    m_catalog.add(m_data.attempts);
    updateScopes();
    if (m_data.attempts.isEmpty()) {
        m_plot->clear();
        const QLocale locale;
        m_noAttempts->setTitle(tr("No attempts in this range"));
        m_noAttempts->setDescription(
                tr("Nothing was attempted for %1 between %2 and %3. Choose a longer range, "
                   "another scope, or turn on Live to watch new attempts arrive.")
                        .arg(m_scope.kind == TimelineScope::Kind::Global
                                     ? tr("any tenant")
                                     : (m_scope.label.isEmpty() ? m_scope.id : m_scope.label),
                             locale.toString(QDateTime::fromMSecsSinceEpoch(m_queryRange.fromMs,
                                                                            m_plot->timeSpec()),
                                             QLocale::ShortFormat),
                             locale.toString(QDateTime::fromMSecsSinceEpoch(m_queryRange.toMs,
                                                                            m_plot->timeSpec()),
                                             QLocale::ShortFormat))
                        .toHtmlEscaped());
        m_pages->setCurrentWidget(m_noAttempts);
        updateStatus();
        if (!m_live)
            Q_EMIT seriesApplied();
        else
            m_announcePending = true;
        return;
    }
    m_pages->setCurrentWidget(m_plot);
    m_plot->setFullRange(m_queryRange);
    m_announcePending = true;
    rebuild();
}

void TimelineView::rebuild()
{
    if (m_data.attempts.isEmpty() && m_pages->currentWidget() != m_plot)
        return;
    models::TimelineMapOptions options;
    options.laneMode = m_scope.kind == TimelineScope::Kind::Delivery
                               ? models::LaneMode::ByDelivery
                               : models::LaneMode::ByConnection;
    options.axis = m_plot->timeMapping();
    if (options.axis.widthPx < 50)
        options.axis.widthPx = fallbackWidthPx;
    options.lanesHeightPx = m_plot->lanesRect()->height();
    options.markerBinPx = markerBinPx;
    options.levelBinPx = levelBinPx;
    m_builtData = m_data;
    m_buildToken = m_builder->request(m_builtData, options);
}

void TimelineView::onSeriesReady(quint64 token, const models::TimelineSeries &series)
{
    if (token != m_buildToken)
        return;
    if (m_data.attempts.isEmpty() && !m_builtData.attempts.isEmpty())
        return; // a reload emptied the data since
    if (!m_builtData.attempts.isEmpty())
        m_pages->setCurrentWidget(m_plot);
    m_plot->setSeries(series, m_builtData);
    applyWhatIf(false);
    updateStatus();
    if (m_announcePending) {
        m_announcePending = false;
        Q_EMIT seriesApplied();
    }
}

void TimelineView::onAppended(const models::TimelineData &data)
{
    if (!m_live)
        return;
    // Anything from the start of the range on that belongs to the scope.
    const models::TimelineQuery query{{m_queryRange.fromMs, std::numeric_limits<qint64>::max()},
                                      m_scope};
    const models::TimelineData relevant = models::filterTimelineData(data, query);
    if (relevant.isEmpty())
        return;
    models::appendTimelineData(m_data, relevant);
    if (!m_coalesceTimer->isActive())
        m_coalesceTimer->start();
}

void TimelineView::followNow()
{
    if (!m_live || !m_source)
        return;
    m_coalesceTimer->stop();
    m_queryRange = presetRange();
    // Forget attempts (and their waits) that ended before the range.
    qsizetype drop = 0;
    while (drop < m_data.attempts.size()) {
        const models::AttemptSample &sample = m_data.attempts.at(drop);
        if (sample.finishedMs + qMax<qint64>(0, sample.waitMs) >= m_queryRange.fromMs)
            break;
        ++drop;
    }
    m_data.attempts.remove(0, drop);
    qsizetype dropInbound = 0;
    while (dropInbound < m_data.inbound.size()
           && m_data.inbound.at(dropInbound).secondStartMs < m_queryRange.fromMs) {
        ++dropInbound;
    }
    m_data.inbound.remove(0, dropInbound);
    if (m_data.attempts.isEmpty())
        return;
    m_plot->setFullRange(m_queryRange, false); // painted with the new series
    rebuild();
}

void TimelineView::updateScopes()
{
    m_toolBar->setScopes(m_catalog.choices(), m_scope);
}

void TimelineView::updateStatus()
{
    const models::TimelineSeries &series = m_plot->series();
    const QLocale locale;
    QStringList parts;
    parts.append(tr("Attempts in view: %1").arg(locale.toString(series.attemptsInRange)));
    parts.append(tr("Lanes: %1").arg(series.lanes.size()));
    if (series.markerBinMs > 0 && series.markers.size() < series.attemptsInRange) {
        parts.append(tr("close attempts of one outcome merged (hover for counts)"));
    }
    if (m_live)
        parts.append(tr("live"));
    if (!m_whatIfError.isEmpty())
        parts.append(m_whatIfError);
    m_status->setText(parts.join(u" · "_s));
}

QString TimelineView::statusText() const
{
    return m_status->text();
}

bool TimelineView::isShowingNoAttempts() const
{
    return !isShowingEmptyState() && m_pages->currentWidget() == m_noAttempts;
}

void TimelineView::onAttemptClicked(qsizetype index)
{
    if (index < 0 || index >= m_builtData.attempts.size())
        return;
    const models::AttemptSample &sample = m_builtData.attempts.at(index);
    const QString delivery = sample.deliveryId;
    const int number = sample.attemptNumber;
    selectDelivery(delivery);
    Q_EMIT attemptActivated(delivery, number);
}

void TimelineView::onAttemptDoubleClicked(qsizetype index)
{
    if (index < 0 || index >= m_builtData.attempts.size())
        return;
    const models::AttemptSample &sample = m_builtData.attempts.at(index);
    m_selectedDelivery = sample.deliveryId;
    setScope(TimelineScope::delivery(sample.deliveryId, sample.deliveryId));
}

void TimelineView::chooseCustomRange()
{
    const models::TimelineRange initial = m_customRange.isValid() ? m_customRange : presetRange();
    auto *dialog = new CustomRangeDialog(initial, m_plot->timeSpec(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setCustomRange(dialog->range()); });
    connect(dialog, &QDialog::rejected, this, [this] { m_toolBar->setRangePreset(m_preset); });
    dialog->open();
}

core::Result<void> TimelineView::exportImage(const QString &path, QSize size) const
{
    return TimelineExport::write(*m_plot, path, size);
}

void TimelineView::exportInteractively(const QString &format)
{
    const bool pdf = format == u"pdf"_s;
    auto *dialog = new QFileDialog(this, pdf ? tr("Export timeline as PDF")
                                             : tr("Export timeline as PNG"));
    dialog->setObjectName(u"timelineExportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    dialog->setDefaultSuffix(format);
    dialog->selectFile(pdf ? u"timeline.pdf"_s : u"timeline.png"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const core::Result<void> exported = exportImage(path, m_plot->size());
        m_status->setText(exported ? tr("Exported to %1").arg(path) : exported.error().message);
    });
    dialog->open();
}

} // namespace wb::ui
