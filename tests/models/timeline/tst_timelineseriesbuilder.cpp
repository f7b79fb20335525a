// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelineseriesbuilder.h"
#include "timelinetestdata.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;
using wb::test::SampleBuilder;
using wb::test::t0;

namespace {
TimelineData manyAttempts(int count)
{
    TimelineData data;
    data.attempts.reserve(count);
    for (int i = 0; i < count; ++i) {
        data.attempts.append(
                SampleBuilder(u"d%1"_s.arg(i), 1, qint64(i) * 50, 20, i % 97 == 0 ? 503 : 200)
                        .levels(100 - i % 100, 100, 5, i % 13));
    }
    return data;
}
} // namespace

class TestTimelineSeriesBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsOnAWorkerWhatTheMapperBuilds();
    void aNewerRequestSupersedesARunningOne();
    void cancelDeliversNothing();
    void destroyingWhileBuildingIsSafe();
};

void TestTimelineSeriesBuilder::buildsOnAWorkerWhatTheMapperBuilds()
{
    const TimelineData data = manyAttempts(20'000);
    TimelineMapOptions options;
    options.axis = {t0, t0 + 1'000'000, 0, 1000};
    options.markerBinPx = 2;
    options.levelBinPx = 1;
    TimelineSeriesBuilder builder;
    QSignalSpy ready(&builder, &TimelineSeriesBuilder::ready);
    const quint64 token = builder.request(data, options);
    QVERIFY(builder.isBusy());
    QVERIFY(ready.wait(20'000));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.at(0).at(0).value<quint64>(), token);
    const auto series = ready.at(0).at(1).value<TimelineSeries>();
    const TimelineSeries expected = TimelineMapper::map(data, options);
    QVERIFY(!series.cancelled);
    QCOMPARE(series.markers, expected.markers);
    QCOMPARE(series.spans, expected.spans);
    QCOMPARE(series.levels.size(), 1);
    QCOMPARE(series.levels.at(0).queueDepth, expected.levels.at(0).queueDepth);
    QCOMPARE(series.attemptsInRange, 20'000);
    QVERIFY(series.markers.size() < 2'000); // binned: 1000 px / 2 px bins, two outcomes
    QVERIFY(!builder.isBusy());
}

void TestTimelineSeriesBuilder::aNewerRequestSupersedesARunningOne()
{
    const TimelineData data = manyAttempts(30'000);
    TimelineMapOptions wide;
    wide.axis = {t0, t0 + 1'500'000, 0, 1000};
    TimelineMapOptions narrow = wide;
    narrow.axis = {t0, t0 + 10'000, 0, 1000};
    TimelineSeriesBuilder builder;
    QSignalSpy ready(&builder, &TimelineSeriesBuilder::ready);
    builder.request(data, wide);
    builder.request(data, wide);
    const quint64 last = builder.request(data, narrow);
    QVERIFY(ready.wait(20'000));
    QTRY_VERIFY(!builder.isBusy());
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.at(0).at(0).value<quint64>(), last);
    QCOMPARE(ready.at(0).at(1).value<TimelineSeries>().attemptsInRange, 200);
}

void TestTimelineSeriesBuilder::cancelDeliversNothing()
{
    TimelineSeriesBuilder builder;
    QSignalSpy ready(&builder, &TimelineSeriesBuilder::ready);
    builder.request(manyAttempts(30'000), {});
    builder.cancel();
    QTRY_VERIFY(!builder.isBusy());
    // A later request still works and is the only one delivered.
    const quint64 token = builder.request(manyAttempts(10), {});
    QVERIFY(ready.wait(20'000));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.at(0).at(0).value<quint64>(), token);
}

void TestTimelineSeriesBuilder::destroyingWhileBuildingIsSafe()
{
    auto builder = std::make_unique<TimelineSeriesBuilder>();
    QSignalSpy ready(builder.get(), &TimelineSeriesBuilder::ready);
    builder->request(manyAttempts(30'000), {});
    builder.reset(); // cancels and waits for the worker
    QCOMPARE(ready.count(), 0);
}

QTEST_GUILESS_MAIN(TestTimelineSeriesBuilder)
#include "tst_timelineseriesbuilder.moc"
