// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the Timeline with generated scenario data (see TimelineScenarioGenerator: never real
// attempts) for the README and for a person to judge legibility: a tenant hitting 429s with
// Retry-After, a 5xx storm with backoff, a healthy connection, a rate-limit pause.
#include "core/util/clock.h"
#include "models/timeline/policysimulator.h"
#include "support/timeline/memorytimelinesource.h"
#include "support/timeline/timelinescenariogenerator.h"
#include "ui/timeline/timelineplot.h"
#include "ui/timeline/timelineview.h"

#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;

namespace {
// 2026-03-10T14:00:00Z: a fixed "now" so the screenshots are reproducible.
const qint64 nowMs = QDateTime(QDate(2026, 3, 10), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 minuteMs = 60 * 1000;
} // namespace

class TestTimelineScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void render_data();
    void render();

private:
    QString m_dir;
};

void TestTimelineScreenshots::initTestCase()
{
    m_dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(!m_dir.isEmpty());
    QVERIFY(QDir().mkpath(m_dir));
}

void TestTimelineScreenshots::render_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<double>("rateScale");
    QTest::addColumn<qint64>("rangeMinutes");
    QTest::addColumn<QString>("connection");

    QTest::newRow("overview") << u"timeline-overview.png"_s << QStringList{} << 0.5 << qint64(60)
                              << QString();
    QTest::newRow("429-retry-after") << u"timeline-429-retry-after.png"_s << QStringList{u"jira"_s}
                                     << 0.6 << qint64(15) << u"conn-acme-jira"_s;
    QTest::newRow("5xx-storm-backoff")
            << u"timeline-5xx-storm.png"_s << QStringList{u"salesforce"_s} << 0.1 << qint64(60)
            << u"conn-globex-salesforce"_s;
    QTest::newRow("healthy") << u"timeline-healthy.png"_s << QStringList{u"github"_s} << 1.0
                             << qint64(15) << u"conn-initech-github"_s;
    QTest::newRow("rate-limit-pause")
            << u"timeline-rate-limit-pause.png"_s << QStringList{u"pagerduty"_s} << 0.8
            << qint64(15) << u"conn-umbrella-pagerduty"_s;
}

void TestTimelineScreenshots::render()
{
    QFETCH(QString, file);
    QFETCH(QStringList, kinds);
    QFETCH(double, rateScale);
    QFETCH(qint64, rangeMinutes);
    QFETCH(QString, connection);

    test::TimelineScenarioOptions options;
    options.startMs = nowMs - 2 * 60 * minuteMs;
    options.endMs = nowMs;
    options.seed = 20260310;
    options.rateScale = rateScale;
    options.kinds = kinds;
    test::MemoryTimelineSource source(test::TimelineScenarioGenerator::generate(options));
    core::ManualClock clock(nowMs);

    ui::TimelineView view(clock);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    if (rangeMinutes == 15)
        view.setRangePreset(ui::TimelineRangePreset::Last15Minutes);
    if (!connection.isEmpty())
        view.setScope(models::TimelineScope::connection(connection));
    QSignalSpy applied(&view, &ui::TimelineView::seriesApplied);
    view.setSource(&source);
    QVERIFY(applied.wait(20000));
    QVERIFY(view.plot()->markerCount() > 0);
    QTRY_VERIFY(!view.plot()->series().markers.isEmpty());

    // The plot replots queued; paint now so the grab shows the data.
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = view.grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 800) * view.devicePixelRatio());
    QVERIFY(image.save(QDir(m_dir).filePath(file)));
}

QTEST_MAIN(TestTimelineScreenshots)
#include "tst_timelinescreenshots.moc"
