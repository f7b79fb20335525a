// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline with 100,000 attempts in range (generated scenario data: TimelineScenarioGenerator,
// about a day of four connection kinds × 4 tenant copies: 16 lanes). Measures what the worker thread spends
// binning (TimelineMapper::map, as the view calls it: 2 px marker bins, 1 px level bins) and what
// the GUI thread spends replotting the result. Reference, measured in the same run: the same
// attempts mapped without binning (one marker per attempt, every level point) and replotted.
// Figures: BENCHMARKS.md.
#include "core/util/clock.h"
#include "models/timeline/timelinemapper.h"
#include "models/timeline/timelineseriesbuilder.h"
#include "support/timeline/memorytimelinesource.h"
#include "support/timeline/timelinescenariogenerator.h"
#include "ui/timeline/timelineplot.h"
#include "ui/timeline/timelineview.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;

namespace {
constexpr qsizetype attemptCount = 100'000;
// 2026-03-10T00:00:00Z
const qint64 dayStartMs = QDateTime(QDate(2026, 3, 10), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 dayMs = 24 * 3'600'000LL;
} // namespace

class BenchTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void binOnWorker();
    void replotBinned();
    void referenceMapUnbinned();
    void referenceReplotUnbinned();
    void viewQueryBinAndPaint();

private:
    models::TimelineMapOptions viewOptions() const;

    models::TimelineData m_data;
    models::TimelineRange m_range;
    std::unique_ptr<ui::TimelinePlot> m_plot;
};

void BenchTimeline::initTestCase()
{
    test::TimelineScenarioOptions options;
    options.startMs = dayStartMs;
    options.endMs = dayStartMs + dayMs;
    options.seed = 99;
    options.tenantCopies = 4;
    options.rateScale = 0.068; // about 100,000 attempts in 24 hours
    m_data = test::TimelineScenarioGenerator::generate(options);
    QVERIFY2(m_data.attempts.size() >= attemptCount,
             qPrintable(QString::number(m_data.attempts.size())));
    m_data.attempts.resize(attemptCount);
    m_range = {m_data.attempts.constFirst().startedMs, m_data.attempts.constLast().startedMs + 1};
    QSet<QString> connections;
    for (const models::AttemptSample &sample : std::as_const(m_data.attempts))
        connections.insert(sample.connectionId);
    qInfo("%lld attempts over %.1f h on %lld connections", qlonglong(m_data.attempts.size()),
          double(m_range.durationMs()) / 3'600'000.0, qlonglong(connections.size()));
    m_plot = std::make_unique<ui::TimelinePlot>();
    m_plot->resize(1200, 760);
    m_plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_plot.get()));
    m_plot->setFullRange(m_range);
}

models::TimelineMapOptions BenchTimeline::viewOptions() const
{
    models::TimelineMapOptions options;
    options.axis = {m_range.fromMs, m_range.toMs, 180, 980};
    options.markerBinPx = 2;
    options.levelBinPx = 1;
    options.lanesHeightPx = 420;
    return options;
}

void BenchTimeline::binOnWorker()
{
    // Through the builder, as the view does: a QtConcurrent worker, result by signal.
    models::TimelineSeriesBuilder builder;
    QSignalSpy ready(&builder, &models::TimelineSeriesBuilder::ready);
    QBENCHMARK
    {
        builder.request(m_data, viewOptions());
        QVERIFY(ready.wait(120'000));
    }
    const auto series = ready.constLast().at(1).value<models::TimelineSeries>();
    qInfo("binned: %lld markers, %lld spans, %lld level points of the tightest connection",
          qlonglong(series.markers.size()), qlonglong(series.spans.size()),
          qlonglong(series.levels.constFirst().rateLimitRemaining.size()));
    QCOMPARE(series.attemptsInRange, attemptCount);
    QVERIFY(series.markers.size() < attemptCount / 4);
}

void BenchTimeline::replotBinned()
{
    const models::TimelineSeries series = models::TimelineMapper::map(m_data, viewOptions());
    m_plot->setSeries(series, m_data);
    QBENCHMARK
    {
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    QCOMPARE(m_plot->markerCount(), series.markers.size());
}

void BenchTimeline::referenceMapUnbinned()
{
    models::TimelineMapOptions options = viewOptions();
    options.markerBinPx = 0;
    options.levelBinPx = 0;
    models::TimelineSeries series;
    QBENCHMARK
    {
        series = models::TimelineMapper::map(m_data, options);
    }
    qInfo("unbinned: %lld markers, %lld spans", qlonglong(series.markers.size()),
          qlonglong(series.spans.size()));
    QCOMPARE(series.markers.size(), attemptCount);
}

void BenchTimeline::referenceReplotUnbinned()
{
    models::TimelineMapOptions options = viewOptions();
    options.markerBinPx = 0;
    options.levelBinPx = 0;
    const models::TimelineSeries series = models::TimelineMapper::map(m_data, options);
    m_plot->setSeries(series, m_data);
    QBENCHMARK
    {
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    QCOMPARE(m_plot->markerCount(), attemptCount);
}

void BenchTimeline::viewQueryBinAndPaint()
{
    // The whole view: query (filter on a worker), bin (worker), set series and paint (GUI).
    core::ManualClock clock(m_range.toMs);
    test::MemoryTimelineSource source(m_data);
    ui::TimelineView view(clock);
    view.setRangePreset(ui::TimelineRangePreset::LastDay);
    view.resize(1200, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy applied(&view, &ui::TimelineView::seriesApplied);
    QSignalSpy painted(view.plot(), &QCustomPlot::afterReplot);
    QBENCHMARK
    {
        view.setSource(&source);
        QVERIFY(applied.wait(120'000));
        QVERIFY(painted.wait(120'000));
    }
    QCOMPARE(view.plot()->series().attemptsInRange, attemptCount);
}

QTEST_MAIN(BenchTimeline)
#include "bench_timeline.moc"
