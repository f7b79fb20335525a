// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinemapper.h"
#include "timelinetestdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;
using wb::test::ExpectedSpan;
using wb::test::SampleBuilder;
using wb::test::t0;

using Samples = QList<AttemptSample>;
using Spans = QList<ExpectedSpan>;

class TestTimelineMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitSpans_data();
    void waitSpans();
    void markerOutcomes();
    void lanesSortedByConnectionLabel();
    void overlappingDeliveriesGetTheirOwnRows();
    void rowBudgetFollowsPanelHeight_data();
    void rowBudgetFollowsPanelHeight();
    void deliveryModeHasALanePerDelivery();
    void laneValues_data();
    void laneValues();
    void binningMergesOnlySameOutcomeInOneBin();
    void binningMergesAdjacentSpans();
    void levelsKeepTheirExtremesWhenBinned();
    void levelsPerConnection();
    void inboundSecondsWithoutEventsAreZero();
    void windowDropsFarAttemptsAndCountsVisibleOnes();
    void cancelledBuildReturnsCancelled();
};

void TestTimelineMapper::waitSpans_data()
{
    QTest::addColumn<Samples>("samples");
    QTest::addColumn<Spans>("expected");
    const auto retryAfter = WaitCause::RetryAfter;
    const auto backoff = WaitCause::Backoff;

    QTest::newRow("429-retry-after-120s-is-a-120s-bar")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 300, 429)
                               .decide(AttemptDecision::RateLimited, 120'000, retryAfter)
                               .retryAfter("120"),
                       SampleBuilder(u"d1"_s, 2, 120'300, 200, 200)}
            << Spans{{SpanKind::RetryAfter, 300, 120'000, false}};
    QTest::newRow("retry-after-then-queued-until-sent")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 300, 429)
                               .decide(AttemptDecision::RateLimited, 120'000, retryAfter),
                       SampleBuilder(u"d1"_s, 2, 125'300, 200, 200)}
            << Spans{{SpanKind::RetryAfter, 300, 120'000, false},
                     {SpanKind::Queued, 120'300, 5'000, false}};
    QTest::newRow("queued-gap-under-a-second-not-drawn")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 300, 429)
                               .decide(AttemptDecision::RateLimited, 120'000, retryAfter),
                       SampleBuilder(u"d1"_s, 2, 120'800, 200, 200)}
            << Spans{{SpanKind::RetryAfter, 300, 120'000, false}};
    QTest::newRow("5xx-backoff-chain")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 503)
                               .decide(AttemptDecision::Retry, 2'000, backoff),
                       SampleBuilder(u"d1"_s, 2, 2'100, 100, 503)
                               .decide(AttemptDecision::Retry, 7'000, backoff),
                       SampleBuilder(u"d1"_s, 3, 9'200, 100, 200)}
            << Spans{{SpanKind::Backoff, 100, 2'000, false},
                     {SpanKind::Backoff, 2'200, 7'000, false}};
    QTest::newRow("parked-wait-is-open-to-its-due-time")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 503)
                               .decide(AttemptDecision::Retry, 300'000, backoff)}
            << Spans{{SpanKind::Backoff, 100, 300'000, true}};
    QTest::newRow("dead-letter-ends-without-a-wait")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 503)
                               .decide(AttemptDecision::Retry, 1'000, backoff),
                       SampleBuilder(u"d1"_s, 2, 1'100, 100, 503).decide(AttemptDecision::Dead)}
            << Spans{{SpanKind::Backoff, 100, 1'000, false}};
    QTest::newRow("bucket-pause-is-a-rate-limit-pause")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 429)
                               .decide(AttemptDecision::RateLimited, 45'000,
                                       WaitCause::RateLimitPause),
                       SampleBuilder(u"d1"_s, 2, 45'100, 100, 200)}
            << Spans{{SpanKind::RateLimitPause, 100, 45'000, false}};
    QTest::newRow("retry-without-a-cause-is-backoff")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 0)
                               .transport(u"timeout"_s)
                               .decide(AttemptDecision::Retry, 3'000),
                       SampleBuilder(u"d1"_s, 2, 3'100, 100, 200)}
            << Spans{{SpanKind::Backoff, 100, 3'000, false}};
    QTest::newRow("permanent-failure-has-no-wait")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 404)} << Spans{};
    QTest::newRow("immediate-refresh-and-retry-has-no-bar")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 401)
                               .decide(AttemptDecision::RefreshAndRetry, 0),
                       SampleBuilder(u"d1"_s, 2, 400, 100, 200)}
            << Spans{};
    QTest::newRow("next-attempt-before-the-wait-ends-clips-the-bar")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 503)
                               .decide(AttemptDecision::Retry, 60'000, backoff),
                       SampleBuilder(u"d1"_s, 2, 10'100, 100, 200)}
            << Spans{{SpanKind::Backoff, 100, 10'000, false}};
    QTest::newRow("two-deliveries-keep-their-own-waits")
            << Samples{SampleBuilder(u"d1"_s, 1, 0, 100, 503)
                               .decide(AttemptDecision::Retry, 5'000, backoff),
                       SampleBuilder(u"d2"_s, 1, 1'000, 100, 429)
                               .decide(AttemptDecision::RateLimited, 30'000, retryAfter),
                       SampleBuilder(u"d1"_s, 2, 5'100, 100, 200),
                       SampleBuilder(u"d2"_s, 2, 31'100, 100, 200)}
            << Spans{{SpanKind::Backoff, 100, 5'000, false},
                     {SpanKind::RetryAfter, 1'100, 30'000, false}};
}

void TestTimelineMapper::waitSpans()
{
    QFETCH(Samples, samples);
    QFETCH(Spans, expected);

    const TimelineSeries series = TimelineMapper::map({samples, {}}, {});
    QCOMPARE(series.spans.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(wb::test::expectedFrom(series.spans.at(i)), expected.at(i));
    QCOMPARE(series.markers.size(), samples.size());
    // Each span starts where its attempt ended, on its delivery's row.
    for (const TimelineSpan &span : series.spans) {
        const AttemptSample &after = samples.at(span.sampleIndex);
        if (span.kind != SpanKind::Queued)
            QCOMPARE(span.fromMs, after.finishedMs);
        const auto marker = std::find_if(series.markers.cbegin(), series.markers.cend(),
                                         [&](const TimelineMarker &m) {
                                             return m.sampleIndex == span.sampleIndex;
                                         });
        QVERIFY(marker != series.markers.cend());
        QCOMPARE(span.y, marker->y);
    }
}

void TestTimelineMapper::markerOutcomes()
{
    const Samples samples{
            SampleBuilder(u"d1"_s, 1, 0, 100, 503).decide(AttemptDecision::Retry, 1'000),
            SampleBuilder(u"d1"_s, 2, 1'100, 100, 429).decide(AttemptDecision::RateLimited, 1'000),
            SampleBuilder(u"d1"_s, 3, 2'200, 100, 0)
                    .transport(u"timeout"_s)
                    .decide(AttemptDecision::Retry, 1'000),
            SampleBuilder(u"d1"_s, 4, 3'300, 100, 503).decide(AttemptDecision::Dead),
            SampleBuilder(u"d2"_s, 1, 4'000, 100, 422),
            SampleBuilder(u"d3"_s, 1, 5'000, 100, 201),
    };
    const TimelineSeries series = TimelineMapper::map({samples, {}}, {});
    const QList<OutcomeClass> expected{OutcomeClass::ServerError, OutcomeClass::RateLimited,
                                       OutcomeClass::Network,     OutcomeClass::DeadLetter,
                                       OutcomeClass::ClientError, OutcomeClass::Success};
    QCOMPARE(series.markers.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(series.markers.at(i).outcome, expected.at(i));
        QCOMPARE(series.markers.at(i).sampleIndex, i);
        QCOMPARE(series.markers.at(i).atMs, samples.at(i).startedMs);
        QCOMPARE(series.markers.at(i).count, 1);
    }
}

void TestTimelineMapper::lanesSortedByConnectionLabel()
{
    const Samples samples{
            SampleBuilder(u"d1"_s, 1, 0, 100, 200).connection(u"c-z"_s, u"Zeta · Slack"_s),
            SampleBuilder(u"d2"_s, 1, 100, 100, 200).connection(u"c-a"_s, u"acme · Jira"_s),
            SampleBuilder(u"d3"_s, 1, 200, 100, 200).connection(u"c-b"_s, u"Beta · GitHub"_s),
            SampleBuilder(u"d4"_s, 1, 300, 100, 200).connection(u"c-n"_s, QString()),
    };
    const TimelineSeries series = TimelineMapper::map({samples, {}}, {});
    QStringList labels;
    for (const TimelineLane &lane : series.lanes)
        labels.append(lane.label);
    // Case-insensitive; a connection without a label shows its id.
    QCOMPARE(labels,
             (QStringList{u"acme · Jira"_s, u"Beta · GitHub"_s, u"c-n"_s, u"Zeta · Slack"_s}));
    QCOMPARE(series.markers.at(0).lane, 3);
    QCOMPARE(series.markers.at(1).lane, 0);
    QCOMPARE(series.markers.at(2).lane, 1);
    QCOMPARE(series.markers.at(0).y, 3.0);
    QCOMPARE(series.levels.size(), 4);
    QCOMPARE(series.levels.at(0).connectionId, u"c-a"_s);
}

void TestTimelineMapper::overlappingDeliveriesGetTheirOwnRows()
{
    // d1 waits from 0.1 s to 10 s; d2 starts inside that wait; d3 starts after both ended.
    const Samples samples{
            SampleBuilder(u"d1"_s, 1, 0, 100, 503).decide(AttemptDecision::Retry, 9'900),
            SampleBuilder(u"d2"_s, 1, 2'000, 100, 200),
            SampleBuilder(u"d1"_s, 2, 10'000, 100, 200),
            SampleBuilder(u"d3"_s, 1, 20'000, 100, 200),
    };
    const TimelineSeries series = TimelineMapper::map({samples, {}}, {});
    QCOMPARE(series.lanes.size(), 1);
    QCOMPARE(series.lanes.at(0).rows, 2);
    const double row0 = TimelineMapper::laneValue(0, 0, 2);
    const double row1 = TimelineMapper::laneValue(0, 1, 2);
    QCOMPARE(series.markers.at(0).y, row0); // d1
    QCOMPARE(series.markers.at(1).y, row1); // d2 overlaps d1
    QCOMPARE(series.markers.at(2).y, row0); // d1 keeps its row
    QCOMPARE(series.markers.at(3).y, row0); // d3 reuses the free row
    QCOMPARE(series.spans.size(), 1);
    QCOMPARE(series.spans.at(0).y, row0);
}

void TestTimelineMapper::rowBudgetFollowsPanelHeight_data()
{
    QTest::addColumn<double>("heightPx");
    QTest::addColumn<int>("connections");
    QTest::addColumn<int>("expectedRows");
    QTest::newRow("tall-panel-one-connection") << 600.0 << 1 << 8;
    QTest::newRow("60px-fits-5-rows") << 60.0 << 1 << 5;
    QTest::newRow("two-connections-share-the-height") << 60.0 << 2 << 2;
    QTest::newRow("too-small-still-one-row") << 5.0 << 1 << 1;
    QTest::newRow("no-height-given-uses-the-cap") << 0.0 << 1 << 8;
}

void TestTimelineMapper::rowBudgetFollowsPanelHeight()
{
    QFETCH(double, heightPx);
    QFETCH(int, connections);
    QFETCH(int, expectedRows);
    // Eight deliveries in flight together on each connection.
    Samples samples;
    for (int c = 0; c < connections; ++c) {
        for (int d = 0; d < 8; ++d) {
            samples.append(SampleBuilder(u"d%1-%2"_s.arg(c).arg(d), 1, d * 10, 100, 503)
                                   .decide(AttemptDecision::Retry, 60'000)
                                   .connection(u"c%1"_s.arg(c), u"Connection %1"_s.arg(c)));
        }
    }
    std::stable_sort(samples.begin(), samples.end(),
                     [](const auto &a, const auto &b) { return a.startedMs < b.startedMs; });
    TimelineMapOptions options;
    options.lanesHeightPx = heightPx;
    options.minRowPitchPx = 12;
    options.maxRowsPerLane = 40;
    const TimelineSeries series = TimelineMapper::map({samples, {}}, options);
    QCOMPARE(series.lanes.size(), connections);
    for (const TimelineLane &lane : series.lanes)
        QCOMPARE(lane.rows, expectedRows);
}

void TestTimelineMapper::deliveryModeHasALanePerDelivery()
{
    const Samples samples{
            SampleBuilder(u"d2"_s, 1, 0, 100, 503).decide(AttemptDecision::Retry, 1'000),
            SampleBuilder(u"d1"_s, 1, 500, 100, 200),
            SampleBuilder(u"d2"_s, 2, 1'100, 100, 200),
    };
    TimelineMapOptions options;
    options.laneMode = LaneMode::ByDelivery;
    const TimelineSeries series = TimelineMapper::map({samples, {}}, options);
    QCOMPARE(series.lanes.size(), 2);
    QCOMPARE(series.lanes.at(0).key, u"d2"_s); // first attempt first
    QCOMPARE(series.lanes.at(1).key, u"d1"_s);
    QCOMPARE(series.markers.at(0).y, 0.0);
    QCOMPARE(series.markers.at(1).y, 1.0);
    QCOMPARE(series.markers.at(2).y, 0.0);
}

void TestTimelineMapper::laneValues_data()
{
    QTest::addColumn<int>("lane");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("expected");
    QTest::newRow("single-row-is-the-centre") << 2 << 0 << 1 << 2.0;
    QTest::newRow("two-rows-either-side") << 0 << 0 << 2 << -0.12;
    QTest::newRow("two-rows-second") << 0 << 1 << 2 << 0.12;
    QTest::newRow("three-rows-middle") << 1 << 1 << 3 << 1.0;
    QTest::newRow("seven-rows-top-stays-inside") << 1 << 0 << 7 << 1 - 0.36;
    QTest::newRow("seven-rows-bottom-stays-inside") << 1 << 6 << 7 << 1 + 0.36;
}

void TestTimelineMapper::laneValues()
{
    QFETCH(int, lane);
    QFETCH(int, row);
    QFETCH(int, rows);
    QFETCH(double, expected);
    QVERIFY(qAbs(TimelineMapper::laneValue(lane, row, rows) - expected) < 1e-9);
}

void TestTimelineMapper::binningMergesOnlySameOutcomeInOneBin()
{
    // 600 successes 10 ms apart (6 s) and one dead-letter among them, on a 600 px plot of 60 s:
    // 100 ms per pixel, so 2 px bins hold 20 attempts each.
    Samples samples;
    for (int i = 0; i < 600; ++i)
        samples.append(SampleBuilder(u"ok%1"_s.arg(i), 1, i * 10, 5, 200));
    samples.insert(300, SampleBuilder(u"dead"_s, 3, 2'995, 5, 503).decide(AttemptDecision::Dead));
    TimelineMapOptions options;
    options.axis = {t0, t0 + 60'000, 0, 600};
    options.markerBinPx = 2;
    const TimelineSeries series = TimelineMapper::map({samples, {}}, options);
    QCOMPARE(series.markerBinMs, 200);
    int successes = 0;
    int dead = 0;
    for (const TimelineMarker &marker : series.markers) {
        (marker.outcome == OutcomeClass::DeadLetter ? dead : successes) += marker.count;
        QVERIFY(marker.lastMs - marker.atMs < series.markerBinMs);
    }
    QCOMPARE(successes, 600);
    QCOMPARE(dead, 1);
    QCOMPARE(series.markers.size(), 30 + 1);
    QVERIFY(std::is_sorted(series.markers.cbegin(), series.markers.cend(),
                           [](const auto &a, const auto &b) { return a.atMs < b.atMs; }));
    QCOMPARE(series.attemptsInRange, 601);
}

void TestTimelineMapper::binningMergesAdjacentSpans()
{
    // One row: ten deliveries one after another, each a 503 followed by a 100 ms backoff,
    // 150 ms apart. At 1 s per pixel they merge into one span; unbinned they are ten.
    Samples waits;
    for (int i = 0; i < 10; ++i) {
        waits.append(SampleBuilder(u"d%1"_s.arg(i), 1, i * 150, 10, 503)
                             .decide(AttemptDecision::Retry, 100));
    }
    TimelineMapOptions options;
    options.axis = {t0, t0 + 600'000, 0, 600};
    options.markerBinPx = 1;
    TimelineSeries binned = TimelineMapper::map({waits, {}}, options);
    QCOMPARE(binned.spans.size(), 1);
    QCOMPARE(binned.spans.at(0).count, 10);
    QCOMPARE(binned.spans.at(0).fromMs, t0 + 10);
    QCOMPARE(binned.spans.at(0).toMs, t0 + 9 * 150 + 110);
    QVERIFY(binned.spans.at(0).open);
    const TimelineSeries unbinned = TimelineMapper::map({waits, {}}, {});
    QCOMPARE(unbinned.spans.size(), 10);
}

void TestTimelineMapper::levelsKeepTheirExtremesWhenBinned()
{
    // 10,000 attempts on one connection; remaining falls to 0 once, the queue peaks once.
    Samples samples;
    for (int i = 0; i < 10'000; ++i) {
        const int remaining = i == 6'543 ? 0 : 100 + (i % 7);
        const int queue = i == 2'222 ? 500 : 3 + (i % 5);
        samples.append(SampleBuilder(u"d%1"_s.arg(i), 1, i * 100, 50, 200)
                               .levels(remaining, 150, 10 + (i % 3), queue));
    }
    TimelineMapOptions options;
    options.axis = {t0, t0 + 1'000'000, 0, 500}; // 2 s per pixel: 20 attempts per bin
    options.levelBinPx = 1;
    const TimelineSeries series = TimelineMapper::map({samples, {}}, options);
    QCOMPARE(series.levels.size(), 1);
    const ConnectionLevels &levels = series.levels.at(0);
    QCOMPARE(levels.rateLimitLimit, 150);
    QVERIFY(levels.rateLimitRemaining.size() <= 4 * 500 + 4);
    QVERIFY(levels.rateLimitRemaining.size() < samples.size() / 4);
    const auto lowest = std::min_element(levels.rateLimitRemaining.cbegin(),
                                         levels.rateLimitRemaining.cend(),
                                         [](auto a, auto b) { return a.value < b.value; });
    QCOMPARE(lowest->value, 0.0);
    QCOMPARE(lowest->atMs, samples.at(6'543).finishedMs);
    const auto highest = std::max_element(levels.queueDepth.cbegin(), levels.queueDepth.cend(),
                                          [](auto a, auto b) { return a.value < b.value; });
    QCOMPARE(highest->value, 500.0);
    QCOMPARE(highest->atMs, samples.at(2'222).startedMs);
    QCOMPARE(levels.queueDepth.constFirst().atMs, samples.constFirst().startedMs);
    QCOMPARE(levels.queueDepth.constLast().atMs, samples.constLast().startedMs);
    QCOMPARE(levels.tightestRateLimitRatio(), 0.0);
}

void TestTimelineMapper::levelsPerConnection()
{
    const Samples samples{
            SampleBuilder(u"d1"_s, 1, 0, 100, 200).levels(90, 100, 5, 2),
            SampleBuilder(u"d2"_s, 1, 50, 100, 200)
                    .connection(u"conn-b"_s, u"Beta · GitHub"_s)
                    .levels(4'000, 5'000, -1, -1),
            SampleBuilder(u"d3"_s, 1, 200, 100, 429).levels(0, 100, 0, 7),
    };
    const TimelineSeries series = TimelineMapper::map({samples, {}}, {});
    const ConnectionLevels *acme = series.levelsFor(u"conn-a"_s);
    const ConnectionLevels *beta = series.levelsFor(u"conn-b"_s);
    QVERIFY(acme && beta);
    QCOMPARE(acme->rateLimitRemaining, (QList<LevelPoint>{{t0 + 100, 90}, {t0 + 300, 0}}));
    QCOMPARE(acme->bucketLevel, (QList<LevelPoint>{{t0, 5}, {t0 + 200, 0}}));
    QCOMPARE(acme->queueDepth, (QList<LevelPoint>{{t0, 2}, {t0 + 200, 7}}));
    QCOMPARE(beta->rateLimitRemaining, (QList<LevelPoint>{{t0 + 150, 4'000}}));
    QVERIFY(beta->bucketLevel.isEmpty()); // unknown (-1) values are left out
    QCOMPARE(beta->tightestRateLimitRatio(), 0.8);
    QCOMPARE(acme->tightestRateLimitRatio(), 0.0);
}

void TestTimelineMapper::inboundSecondsWithoutEventsAreZero()
{
    const Samples samples{SampleBuilder(u"d1"_s, 1, 0, 100, 200)};
    const QList<InboundRateSample> inbound{{u"conn-a"_s, t0, 3},
                                           {u"conn-a"_s, t0 + 1'000, 5},
                                           {u"conn-a"_s, t0 + 10'000, 2},
                                           {u"conn-other"_s, t0 + 2'000, 9}};
    const TimelineSeries series = TimelineMapper::map({samples, inbound}, {});
    QCOMPARE(series.levels.size(), 1);
    QCOMPARE(series.levels.at(0).inboundPerSecond, (QList<LevelPoint>{{t0, 3},
                                                                      {t0 + 1'000, 5},
                                                                      {t0 + 2'000, 0},
                                                                      {t0 + 10'000, 2},
                                                                      {t0 + 11'000, 0}}));
}

void TestTimelineMapper::windowDropsFarAttemptsAndCountsVisibleOnes()
{
    // Visible: [10 s, 20 s); with one window of overscan on each side: [0 s, 30 s).
    const Samples samples{
            SampleBuilder(u"early"_s, 1, -5'000, 100, 200),
            SampleBuilder(u"before"_s, 1, 5'000, 100, 200),
            SampleBuilder(u"inside"_s, 1, 15'000, 100, 200),
            SampleBuilder(u"after"_s, 1, 25'000, 100, 200),
            SampleBuilder(u"late"_s, 1, 45'000, 100, 200),
            // A wait that starts before the window and reaches into it is kept.
            SampleBuilder(u"long-wait"_s, 1, -60'000, 100, 429)
                    .decide(AttemptDecision::RateLimited, 120'000, WaitCause::RetryAfter),
    };
    Samples sorted = samples;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.startedMs < b.startedMs; });
    TimelineMapOptions options;
    options.axis = {t0 + 10'000, t0 + 20'000, 0, 1000};
    const TimelineSeries series = TimelineMapper::map({sorted, {}}, options);
    QStringList shown;
    for (const TimelineMarker &marker : series.markers)
        shown.append(sorted.at(marker.sampleIndex).deliveryId);
    QCOMPARE(shown, (QStringList{u"before"_s, u"inside"_s, u"after"_s}));
    QCOMPARE(series.attemptsInRange, 1);
    QCOMPARE(series.spans.size(), 1);
    QCOMPARE(series.spans.at(0).kind, SpanKind::RetryAfter);
    QCOMPARE(series.lanes.size(), 1); // lanes come from all the data, so they do not jump
}

void TestTimelineMapper::cancelledBuildReturnsCancelled()
{
    Samples samples;
    for (int i = 0; i < 5'000; ++i)
        samples.append(SampleBuilder(u"d%1"_s.arg(i), 1, i, 1, 200));
    std::atomic_bool cancel{true};
    TimelineMapOptions options;
    options.cancel = &cancel;
    QVERIFY(TimelineMapper::map({samples, {}}, options).cancelled);
    cancel = false;
    const TimelineSeries series = TimelineMapper::map({samples, {}}, options);
    QVERIFY(!series.cancelled);
    QCOMPARE(series.markers.size(), 5'000);
}

QTEST_GUILESS_MAIN(TestTimelineMapper)
#include "tst_timelinemapper.moc"
