// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/clock.h"
#include "models/timeline/policysimulator.h"
#include "support/timeline/memorytimelinesource.h"
#include "support/timeline/timelinescenariogenerator.h"
#include "ui/timeline/customrangedialog.h"
#include "ui/timeline/timelineplot.h"
#include "ui/timeline/timelinespanplottable.h"
#include "ui/timeline/timelineview.h"
#include "ui/widgets/emptystatewidget.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace wb;
using models::TimelineScope;
using ui::TimelinePlot;
using ui::TimelineView;

namespace {
// 2026-03-10T14:00:00Z
const qint64 nowMs = QDateTime(QDate(2026, 3, 10), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 minuteMs = 60'000;

models::TimelineData scenario(double rateScale = 0.3, QStringList kinds = {})
{
    test::TimelineScenarioOptions options;
    options.startMs = nowMs - 90 * minuteMs;
    options.endMs = nowMs;
    options.seed = 11;
    options.rateScale = rateScale;
    options.kinds = std::move(kinds);
    return test::TimelineScenarioGenerator::generate(options);
}

QStringList laneLabels(const TimelinePlot *plot)
{
    QStringList labels;
    for (const models::TimelineLane &lane : plot->series().lanes)
        labels.append(lane.label);
    return labels;
}

// A stand-in for the dispatch engine's simulator (the overlay's wiring is under test here, not
// the retry policies): waits a fixed schedule after each failure, dead when it runs out.
class FixedScheduleSimulator final : public models::PolicySimulator
{
public:
    QStringList presets() const override { return {u"fixed"_s}; }
    QString presetLabel(const QString &) const override { return u"Fixed 5 s, 5 min"_s; }
    core::Result<QList<models::WhatIfAttempt>> simulate(
            const QString &preset, const models::WhatIfInput &input) const override
    {
        if (preset != u"fixed"_s)
            return core::fail(u"retry_policy.unknown_preset"_s, u"unknown"_s);
        const QList<qint64> waits{5'000, 300'000};
        QList<models::WhatIfAttempt> attempts;
        qint64 at = input.firstStartMs;
        for (int n = 0; n <= waits.size(); ++n) {
            const models::WhatIfOutcome &outcome = input.outcomes.at(
                    qMin<qsizetype>(n, input.outcomes.size() - 1));
            models::WhatIfAttempt attempt;
            attempt.number = n + 1;
            attempt.startedMs = at;
            attempt.finishedMs = at + outcome.durationMs;
            attempt.httpStatus = outcome.httpStatus;
            attempt.transportError = outcome.transportError;
            const bool ok = outcome.httpStatus >= 200 && outcome.httpStatus < 300;
            attempt.decision = ok ? models::AttemptDecision::Succeeded
                                  : (n < waits.size() ? models::AttemptDecision::Retry
                                                      : models::AttemptDecision::Dead);
            attempt.waitMs = attempt.decision == models::AttemptDecision::Retry ? waits.at(n) : 0;
            attempt.waitCause = attempt.waitMs ? models::WaitCause::Backoff
                                               : models::WaitCause::None;
            attempts.append(attempt);
            if (attempt.decision != models::AttemptDecision::Retry)
                break;
            at = attempt.finishedMs + attempt.waitMs;
        }
        return attempts;
    }
};
} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateWithoutSource();
    void loadsAndDrawsTheSource();
    void scopes_data();
    void scopes();
    void scopeFromTheToolBar();
    void rangePresets_data();
    void rangePresets();
    void customRange();
    void customRangeFromTheDialog();
    void noAttemptsInRange();
    void loadErrorIsShown();
    void clickOnAnAttemptEmitsItsDelivery();
    void hoverShowsTheAttemptsDetails();
    void hoverOnAWaitExplainsIt();
    void exportWritesFilesOfTheRightSize_data();
    void exportWritesFilesOfTheRightSize();
    void exportRejectsOtherFormats();
    void liveModeCoalescesReplots();
    void keyboardZoomsAndPans();
    void wheelZoomsAndRebins();
    void timeZoneRelabelsTheAxis();
    void whatIfOverlayForAFailingDelivery();

private:
    // Shows `view` with `source` and waits for its first series.
    bool load(TimelineView &view, test::MemoryTimelineSource &source);
};

bool TestTimelineView::load(TimelineView &view, test::MemoryTimelineSource &source)
{
    view.resize(1200, 760);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    view.setSource(&source);
    return applied.wait(20'000);
}

void TestTimelineView::emptyStateWithoutSource()
{
    core::ManualClock clock(nowMs);
    TimelineView view(clock);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.isShowingEmptyState());
    QCOMPARE(view.emptyState()->title(), u"Nothing to plot yet"_s);
}

void TestTimelineView::loadsAndDrawsTheSource()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QVERIFY(!view.isShowingEmptyState());
    QVERIFY(!view.isShowingNoAttempts());
    QCOMPARE(source.lastQuery().range, (models::TimelineRange{nowMs - 60 * minuteMs, nowMs}));
    QCOMPARE(source.lastQuery().scope, TimelineScope::global());
    QCOMPARE(view.queryRange(), source.lastQuery().range);
    QCOMPARE(laneLabels(view.plot()),
             (QStringList{u"Acme Corp · Jira"_s, u"Globex Inc · Salesforce"_s,
                          u"Initech · GitHub"_s, u"Umbrella · PagerDuty"_s}));
    QVERIFY(view.plot()->markerCount() > 100);
    QCOMPARE(view.plot()->visibleRange(), view.queryRange());
    // The storm's backoff and the 429s' Retry-After are on the plot.
    QVERIFY(!view.plot()->spanPlottable(models::SpanKind::Backoff)->spans().isEmpty());
    QVERIFY(!view.plot()->outcomeGraph(models::OutcomeClass::ServerError)->data()->isEmpty());
    QVERIFY(!view.plot()->outcomeGraph(models::OutcomeClass::Success)->data()->isEmpty());
    QVERIFY(view.plot()->levelsTitle().startsWith(u"Levels of "_s));
    QVERIFY2(view.statusText().startsWith(u"Attempts in view: "_s), qPrintable(view.statusText()));
    QVERIFY(view.statusText().contains(u"Lanes: 4"_s));
    // The toolbar offers what the data holds: all, then each tenant and its connections.
    QComboBox *scopes = view.toolBar()->scopeCombo();
    QCOMPARE(scopes->count(), 1 + 4 + 4);
    QCOMPARE(scopes->itemText(0), u"All tenants"_s);
    QCOMPARE(scopes->itemText(1), u"Tenant: Acme Corp"_s);
    QCOMPARE(scopes->itemText(2).trimmed(), u"Connection: Acme Corp · Jira"_s);
}

void TestTimelineView::scopes_data()
{
    QTest::addColumn<TimelineScope>("scope");
    QTest::addColumn<QStringList>("lanes");
    QTest::newRow("tenant") << TimelineScope::tenant(u"tenant-globex"_s, u"Globex Inc"_s)
                            << QStringList{u"Globex Inc · Salesforce"_s};
    QTest::newRow("connection") << TimelineScope::connection(u"conn-initech-github"_s)
                                << QStringList{u"Initech · GitHub"_s};
    // The delivery: the first failing Salesforce delivery of the last hour (found in the data).
    QTest::newRow("delivery") << TimelineScope::delivery(QString()) << QStringList{};
}

void TestTimelineView::scopes()
{
    QFETCH(TimelineScope, scope);
    QFETCH(QStringList, lanes);
    core::ManualClock clock(nowMs);
    const models::TimelineData data = scenario();
    if (scope.kind == TimelineScope::Kind::Delivery) {
        const auto failing = std::find_if(data.attempts.cbegin(), data.attempts.cend(),
                                          [](const models::AttemptSample &sample) {
                                              return sample.startedMs >= nowMs - 60 * minuteMs
                                                     && sample.httpStatus == 503;
                                          });
        QVERIFY(failing != data.attempts.cend());
        scope.id = failing->deliveryId;
        lanes = QStringList{failing->deliveryId};
    }
    test::MemoryTimelineSource source(data);
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QSignalSpy changed(&view, &TimelineView::scopeChanged);
    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    view.setScope(scope);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<TimelineScope>(), scope);
    QCOMPARE(source.lastQuery().scope, scope);
    QVERIFY(applied.wait(20'000));
    QCOMPARE(laneLabels(view.plot()), lanes);
    for (const models::TimelineMarker &marker : view.plot()->series().markers)
        QVERIFY(marker.lane == 0);
    // Setting the same scope again does not query again.
    const int queries = source.queryCount();
    view.setScope(scope);
    QCOMPARE(source.queryCount(), queries);
    QCOMPARE(changed.count(), 1);
}

void TestTimelineView::scopeFromTheToolBar()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QSignalSpy changed(&view, &TimelineView::scopeChanged);
    QComboBox *scopes = view.toolBar()->scopeCombo();
    const int index = scopes->findText(u"Tenant: Umbrella"_s);
    QVERIFY(index > 0);
    scopes->setCurrentIndex(index);
    Q_EMIT scopes->activated(index);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(view.scope(), TimelineScope::tenant(u"tenant-umbrella"_s));
    QCOMPARE(source.lastQuery().scope.id, u"tenant-umbrella"_s);
}

void TestTimelineView::rangePresets_data()
{
    QTest::addColumn<ui::TimelineRangePreset>("preset");
    QTest::addColumn<qint64>("lengthMs");
    QTest::newRow("last-15-minutes") << ui::TimelineRangePreset::Last15Minutes << 15 * minuteMs;
    QTest::newRow("last-hour") << ui::TimelineRangePreset::LastHour << 60 * minuteMs;
    QTest::newRow("last-day") << ui::TimelineRangePreset::LastDay << 24 * 60 * minuteMs;
}

void TestTimelineView::rangePresets()
{
    QFETCH(ui::TimelineRangePreset, preset);
    QFETCH(qint64, lengthMs);
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    clock.advanceMs(5 * minuteMs); // the range ends at the clock's now
    QSignalSpy changed(&view, &TimelineView::rangeChanged);
    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    view.setRangePreset(preset);
    const models::TimelineRange expected{nowMs + 5 * minuteMs - lengthMs, nowMs + 5 * minuteMs};
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<models::TimelineRange>(), expected);
    QCOMPARE(source.lastQuery().range, expected);
    QVERIFY(applied.wait(20'000));
    QCOMPARE(view.plot()->visibleRange(), expected);
    QCOMPARE(view.plot()->fullRange(), expected);
    QCOMPARE(view.toolBar()->rangeCombo()->currentData().toInt(), int(preset));
}

void TestTimelineView::customRange()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    const models::TimelineRange range{nowMs - 40 * minuteMs, nowMs - 30 * minuteMs};
    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    view.setCustomRange(range);
    QCOMPARE(view.rangePreset(), ui::TimelineRangePreset::Custom);
    QCOMPARE(source.lastQuery().range, range);
    QVERIFY(applied.wait(20'000));
    QCOMPARE(view.plot()->visibleRange(), range);
    // An empty or reversed range is refused.
    const int queries = source.queryCount();
    view.setCustomRange({range.toMs, range.fromMs});
    QCOMPARE(source.queryCount(), queries);
    QCOMPARE(view.queryRange(), range);
}

void TestTimelineView::customRangeFromTheDialog()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QComboBox *ranges = view.toolBar()->rangeCombo();
    const int custom = ranges->findData(int(ui::TimelineRangePreset::Custom));
    ranges->setCurrentIndex(custom);
    Q_EMIT ranges->activated(custom);
    ui::CustomRangeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = view.findChild<ui::CustomRangeDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    // Starts at the current range, in the view's time zone (UTC).
    QCOMPARE(dialog->range(), (models::TimelineRange{nowMs - 60 * minuteMs, nowMs}));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *problem = dialog->findChild<QLabel *>(u"customRangeProblem"_s);
    dialog->fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(problem->text(), u"The start must be before the end."_s);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(nowMs - 20 * minuteMs, Qt::UTC);
    dialog->fromEdit()->setDateTime(from);
    QVERIFY(ok->isEnabled());
    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(view.rangePreset(), ui::TimelineRangePreset::Custom);
    QCOMPARE(view.queryRange(), (models::TimelineRange{nowMs - 20 * minuteMs, nowMs}));
    QVERIFY(applied.wait(20'000));
    QCOMPARE(view.plot()->visibleRange(), view.queryRange());
}

void TestTimelineView::noAttemptsInRange()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    view.setCustomRange({nowMs - 48 * 60 * minuteMs, nowMs - 47 * 60 * minuteMs});
    QVERIFY(applied.wait(20'000));
    QVERIFY(view.isShowingNoAttempts());
    QVERIFY(!view.isShowingEmptyState());
    QCOMPARE(view.noAttemptsState()->title(), u"No attempts in this range"_s);
    QVERIFY(view.noAttemptsState()->description().contains(u"any tenant"_s));
    QTRY_VERIFY(view.noAttemptsState()->isVisible());
    // The toolbar stays usable to pick another range.
    QVERIFY(view.toolBar()->isVisible());
    view.setRangePreset(ui::TimelineRangePreset::LastHour);
    QVERIFY(applied.wait(20'000));
    QVERIFY(!view.isShowingNoAttempts());
}

void TestTimelineView::loadErrorIsShown()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    source.setFailure({u"timeline.query_failed"_s, u"The attempt log is locked."_s});
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QVERIFY(view.isShowingNoAttempts());
    QCOMPARE(view.noAttemptsState()->title(), u"Could not load the timeline"_s);
    QCOMPARE(view.noAttemptsState()->description(), u"The attempt log is locked."_s);
}

void TestTimelineView::clickOnAnAttemptEmitsItsDelivery()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario(0.1, {u"salesforce"_s}));
    TimelineView view(clock);
    QVERIFY(load(view, source));
    TimelinePlot *plot = view.plot();
    // A dead-letter marker that stands alone.
    const models::TimelineSeries &series = plot->series();
    const auto marker = std::find_if(series.markers.cbegin(), series.markers.cend(),
                                     [](const models::TimelineMarker &m) {
                                         return m.outcome == models::OutcomeClass::DeadLetter
                                                && m.count == 1;
                                     });
    QVERIFY(marker != series.markers.cend());
    const QPointF pos = plot->markerPosition(*marker);
    const qsizetype index = plot->attemptAt(pos);
    QVERIFY(index >= 0);
    QSignalSpy activated(&view, &TimelineView::attemptActivated);
    QTest::mouseClick(plot, Qt::LeftButton, {}, pos.toPoint());
    QCOMPARE(activated.count(), 1);
    const QString delivery = activated.at(0).at(0).toString();
    QVERIFY(delivery.startsWith(u"globex-salesforce-"_s));
    // A dead-letter ends a delivery after its retries: never its first attempt.
    QVERIFY2(activated.at(0).at(1).toInt() > 1, qPrintable(activated.at(0).at(1).toString()));
    QCOMPARE(view.selectedDeliveryId(), delivery);
    // A click on empty space selects nothing.
    QTest::mouseClick(plot, Qt::LeftButton, {},
                      QPoint(plot->lanesRect()->left() + 3, plot->lanesRect()->bottom() - 3));
    QCOMPARE(activated.count(), 1);
}

void TestTimelineView::hoverShowsTheAttemptsDetails()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario(0.6, {u"jira"_s}));
    TimelineView view(clock);
    QVERIFY(load(view, source));
    TimelinePlot *plot = view.plot();
    const models::TimelineSeries &series = plot->series();
    const auto marker = std::find_if(series.markers.cbegin(), series.markers.cend(),
                                     [](const models::TimelineMarker &m) {
                                         return m.outcome == models::OutcomeClass::RateLimited
                                                && m.count == 1;
                                     });
    QVERIFY(marker != series.markers.cend());
    const QString text = plot->toolTipAt(plot->markerPosition(*marker));
    QVERIFY2(text.contains(u"Acme Corp · Jira"_s), qPrintable(text));
    QVERIFY2(text.contains(u"<td>Status</td><td>429</td>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"<td>Decision</td><td>rate-limited, retry</td>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"<td>Reason</td><td>429, Retry-After "_s), qPrintable(text));
    QVERIFY2(text.contains(u"(Retry-After)</td>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"<td>Rate limit</td><td>0 of 150 remaining</td>"_s), qPrintable(text));
    // Moving the mouse there shows it. (A synthetic event: QTest::mouseMove goes through the
    // X server's pointer, which Xvfb does not always put where asked.)
    const QPointF pos = plot->markerPosition(*marker);
    QMouseEvent move(QEvent::MouseMove, pos, plot->mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(plot, &move);
    QTRY_COMPARE(QToolTip::text(), text);
    QCOMPARE(plot->cursor().shape(), Qt::PointingHandCursor);
}

void TestTimelineView::hoverOnAWaitExplainsIt()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario(0.6, {u"jira"_s}));
    TimelineView view(clock);
    QVERIFY(load(view, source));
    TimelinePlot *plot = view.plot();
    const auto &spans = plot->spanPlottable(models::SpanKind::RetryAfter)->spans();
    // A long closed wait, hovered in its middle.
    const auto span = std::find_if(spans.cbegin(), spans.cend(), [](const auto &s) {
        return s.durationMs() >= 20'000 && !s.open && s.count == 1;
    });
    QVERIFY(span != spans.cend());
    const double x = plot->timeMapping().toPixel(span->fromMs + span->durationMs() / 2);
    const double y = plot->laneMapping().toPixel(span->y);
    const QString text = plot->toolTipAt({x, y});
    QVERIFY2(text.startsWith(u"<b>Wait: Retry-After</b>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"<td>Length</td><td>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"429"_s), qPrintable(text));
}

void TestTimelineView::exportWritesFilesOfTheRightSize_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::newRow("png-1600x900") << u"timeline.png"_s << QSize(1600, 900);
    QTest::newRow("png-800x500") << u"small.PNG"_s << QSize(800, 500);
    QTest::newRow("pdf-842x595") << u"timeline.pdf"_s << QSize(842, 595);
}

void TestTimelineView::exportWritesFilesOfTheRightSize()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(file);
    const core::Result<void> written = view.exportImage(path, size);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QFile out(path);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray bytes = out.readAll();
    QVERIFY(bytes.size() > 10'000);
    if (file.endsWith(u".pdf"_s)) {
        QVERIFY(bytes.startsWith("%PDF-"));
        // The page is the requested size in points.
        const QByteArray mediaBox = "/MediaBox [0 0 " + QByteArray::number(size.width(), 'f', 6)
                                    + ' ' + QByteArray::number(size.height(), 'f', 6) + ']';
        const qsizetype at = bytes.indexOf("/MediaBox");
        QVERIFY2(bytes.contains(mediaBox), bytes.mid(at, 60).constData());
        return;
    }
    QImage image;
    QVERIFY(image.loadFromData(bytes, "PNG"));
    QCOMPARE(image.size(), size);
    // Not blank: the markers' colours are in it.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 20);
}

void TestTimelineView::exportRejectsOtherFormats()
{
    core::ManualClock clock(nowMs);
    TimelineView view(clock);
    QTemporaryDir dir;
    const core::Result<void> written = view.exportImage(dir.filePath(u"plot.svg"_s), {800, 600});
    QVERIFY(!written);
    QCOMPARE(written.error().code, u"timeline.export_format"_s);
    QVERIFY(written.error().message.contains(u"plot.svg"_s));
    const core::Result<void> unwritable = view.exportImage(dir.filePath(
                                                                   u"missing/folder/plot.png"_s),
                                                           {800, 600});
    QVERIFY(!unwritable);
    QCOMPARE(unwritable.error().code, u"timeline.export_failed"_s);
}

void TestTimelineView::liveModeCoalescesReplots()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario(0.2, {u"github"_s}));
    TimelineView view(clock);
    view.setRangePreset(ui::TimelineRangePreset::Last15Minutes);
    QVERIFY(load(view, source));
    view.setLive(true);
    QVERIFY(view.toolBar()->liveButton()->isChecked());
    QSignalSpy reloaded(&view, &TimelineView::seriesApplied);
    QVERIFY(reloaded.wait(20'000));

    // 400 new attempts, one every 2 ms of wall time and every 250 ms of clock time.
    constexpr int count = 400;
    QSignalSpy replots(view.plot(), &QCustomPlot::afterReplot);
    int appended = 0;
    QTimer feeder;
    feeder.setInterval(2);
    connect(&feeder, &QTimer::timeout, &feeder, [&] {
        clock.advanceMs(250);
        models::AttemptSample sample;
        sample.connectionId = u"conn-initech-github"_s;
        sample.connectionLabel = u"Initech · GitHub"_s;
        sample.tenantId = u"tenant-initech"_s;
        sample.tenantLabel = u"Initech"_s;
        sample.deliveryId = u"live-%1"_s.arg(appended);
        sample.startedMs = clock.nowMs() - 100;
        sample.finishedMs = clock.nowMs();
        sample.httpStatus = 200;
        sample.decision = models::AttemptDecision::Succeeded;
        source.append({{sample}, {}});
        if (++appended == count)
            feeder.stop();
    });
    feeder.start();
    QTRY_COMPARE_WITH_TIMEOUT(appended, count, 30'000);
    // Everything arrives on the plot, following the clock ...
    const qint64 lastStart = clock.nowMs() - 100;
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(view.plot()->series().markers.cbegin(),
                                         view.plot()->series().markers.cend(),
                                         [&](const models::TimelineMarker &marker) {
                                             return marker.atMs <= lastStart
                                                    && marker.lastMs >= lastStart;
                                         }),
                             10'000);
    QCOMPARE(view.queryRange().toMs, clock.nowMs());
    QCOMPARE(view.plot()->visibleRange().toMs, clock.nowMs());
    // ... with far fewer replots than samples.
    QVERIFY2(replots.count() >= 1, qPrintable(QString::number(replots.count())));
    QVERIFY2(replots.count() <= count / 10, qPrintable(QString::number(replots.count())));

    // Taking the axis stops following.
    QTest::keyClick(view.plot(), Qt::Key_Left);
    QVERIFY(!view.isLive());
    QVERIFY(!view.toolBar()->liveButton()->isChecked());
}

void TestTimelineView::keyboardZoomsAndPans()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    TimelinePlot *plot = view.plot();
    const models::TimelineRange full = plot->visibleRange();
    QCOMPARE(full.durationMs(), 60 * minuteMs);
    QTest::keyClick(plot, Qt::Key_Plus);
    models::TimelineRange zoomed = plot->visibleRange();
    QCOMPARE(zoomed.durationMs(), 48 * minuteMs);
    QCOMPARE(zoomed.fromMs + zoomed.durationMs() / 2, full.fromMs + full.durationMs() / 2);
    QTest::keyClick(plot, Qt::Key_Right);
    const models::TimelineRange panned = plot->visibleRange();
    QVERIFY(qAbs(panned.fromMs - (zoomed.fromMs + zoomed.durationMs() / 10)) <= 1'000);
    QCOMPARE(panned.durationMs(), zoomed.durationMs());
    QTest::keyClick(plot, Qt::Key_Minus);
    QCOMPARE(plot->visibleRange().durationMs(), 60 * minuteMs);
    QTest::keyClick(plot, Qt::Key_Home);
    QCOMPARE(plot->visibleRange(), full);
}

void TestTimelineView::wheelZoomsAndRebins()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    TimelinePlot *plot = view.plot();
    const qint64 binBefore = plot->series().markerBinMs;
    QVERIFY(binBefore > 0);
    const QPointF centre = plot->lanesRect()->rect().center();
    for (int i = 0; i < 6; ++i) {
        QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot, &wheel);
    }
    QVERIFY(plot->visibleRange().durationMs() < 30 * minuteMs);
    // The markers are rebinned for the narrower range.
    QTRY_VERIFY_WITH_TIMEOUT(plot->series().markerBinMs < binBefore / 2, 10'000);
    QCOMPARE(plot->series().markerBinMs, plot->timeMapping().binMs(2));
}

void TestTimelineView::timeZoneRelabelsTheAxis()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario());
    TimelineView view(clock);
    QVERIFY(load(view, source));
    QCPAxis *time = view.plot()->loadRect()->axis(QCPAxis::atBottom);
    QVERIFY2(time->label().startsWith(u"Time (UTC) from "_s), qPrintable(time->label()));
    view.setTimeSpec(Qt::LocalTime);
    const int offset = QDateTime::fromMSecsSinceEpoch(nowMs - 60 * minuteMs, Qt::LocalTime)
                               .offsetFromUtc();
    const QString expected = u"Time (local time, UTC%1%2:%3) from "_s
                                     .arg(offset < 0 ? u"−"_s : u"+"_s)
                                     .arg(qAbs(offset) / 3600, 2, 10, QChar(u'0'))
                                     .arg((qAbs(offset) % 3600) / 60, 2, 10, QChar(u'0'));
    QVERIFY2(time->label().startsWith(expected), qPrintable(time->label()));
    QCOMPARE(view.plot()->timeSpec(), Qt::LocalTime);
    QCOMPARE(view.toolBar()->timeZoneCombo()->currentData().toInt(), int(Qt::LocalTime));
}

void TestTimelineView::whatIfOverlayForAFailingDelivery()
{
    core::ManualClock clock(nowMs);
    test::MemoryTimelineSource source(scenario(0.1, {u"salesforce"_s, u"github"_s}));
    FixedScheduleSimulator simulator;
    TimelineView view(clock);
    view.setPolicySimulator(&simulator);
    QVERIFY(load(view, source));
    QComboBox *whatIf = view.toolBar()->whatIfCombo();
    QVERIFY(!whatIf->isHidden());
    QVERIFY(!whatIf->isEnabled());

    // A healthy delivery: nothing to compare.
    TimelinePlot *plot = view.plot();
    const auto &markers = plot->series().markers;
    const auto healthy = std::find_if(markers.cbegin(), markers.cend(), [&](const auto &m) {
        return m.outcome == models::OutcomeClass::Success && m.count == 1
               && plot->series().lanes.at(m.lane).label == u"Initech · GitHub"_s;
    });
    QVERIFY(healthy != markers.cend());
    QTest::mouseClick(plot, Qt::LeftButton, {}, plot->markerPosition(*healthy).toPoint());
    QVERIFY(!whatIf->isEnabled());
    QVERIFY(whatIf->toolTip().contains(u"did not fail"_s));

    // A dead-lettered one: compare it.
    const auto dead = std::find_if(markers.cbegin(), markers.cend(), [](const auto &m) {
        return m.outcome == models::OutcomeClass::DeadLetter && m.count == 1;
    });
    QVERIFY(dead != markers.cend());
    QSignalSpy activated(&view, &TimelineView::attemptActivated);
    QTest::mouseClick(plot, Qt::LeftButton, {}, plot->markerPosition(*dead).toPoint());
    QCOMPARE(activated.count(), 1);
    const QString delivery = activated.at(0).at(0).toString();
    QVERIFY(whatIf->isEnabled());

    QSignalSpy applied(&view, &TimelineView::seriesApplied);
    view.setWhatIfPreset(u"fixed"_s);
    QCOMPARE(view.scope(), TimelineScope::delivery(delivery));
    QVERIFY(applied.wait(20'000));
    QVERIFY(plot->hasWhatIf());
    // Three simulated attempts (503, then two retries after 5 s and 5 min) on their own lane.
    QCOMPARE(plot->whatIfGraph()->dataCount(), 3);
    QCOMPARE(laneLabels(plot), QStringList{delivery});
    QCOMPARE(plot->lanesRect()->axis(QCPAxis::atLeft)->range().upper, 1.5);
    const double firstKey = plot->whatIfGraph()->data()->at(0)->key;
    const double lastKey = plot->whatIfGraph()->data()->at(2)->key;
    QVERIFY(lastKey - firstKey > 305.0 && lastKey - firstKey < 320.0);
    // The view fits the real and the simulated attempts.
    QVERIFY(plot->visibleRange().fromMs <= qint64(firstKey * 1000));
    QVERIFY(plot->visibleRange().toMs >= qint64(lastKey * 1000));
    const QPointF simulated(plot->timeMapping().toPixel(qint64(lastKey * 1000)),
                            plot->laneMapping().toPixel(1.0));
    QVERIFY2(plot->toolTipAt(simulated).contains(u"Simulated: Fixed 5 s, 5 min"_s),
             qPrintable(plot->toolTipAt(simulated)));

    view.setWhatIfPreset(QString());
    QVERIFY(!plot->hasWhatIf());
    QCOMPARE(plot->lanesRect()->axis(QCPAxis::atLeft)->range().upper, 0.5);
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
