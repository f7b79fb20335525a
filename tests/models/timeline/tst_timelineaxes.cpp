// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/laneaxismapping.h"
#include "models/timeline/timeaxismapping.h"
#include "models/timeline/timelinehittest.h"

#include <QTest>

using namespace wb::models;

namespace {
constexpr qint64 t0 = 1'700'000'000'000;
// 10 minutes over 600 px starting at x = 80: one second per pixel.
const TimeAxisMapping tenMinutes{t0, t0 + 600'000, 80, 600};
// Lanes -0.5 … 2.5 over 300 px from y = 20: 100 px per lane.
const LaneAxisMapping threeLanes{-0.5, 2.5, 20, 300};
} // namespace

Q_DECLARE_METATYPE(TimeAxisMapping)

class TestTimelineAxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeToPixel_data();
    void timeToPixel();
    void pixelToTime_data();
    void pixelToTime();
    void binWidths_data();
    void binWidths();
    void panAndZoom_data();
    void panAndZoom();
    void laneToPixel_data();
    void laneToPixel();
    void markerHit_data();
    void markerHit();
    void spanHit_data();
    void spanHit();
};

void TestTimelineAxes::timeToPixel_data()
{
    QTest::addColumn<TimeAxisMapping>("axis");
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<double>("px");
    QTest::newRow("range-start-is-the-left-edge") << tenMinutes << t0 << 80.0;
    QTest::newRow("range-end-is-the-right-edge") << tenMinutes << t0 + 600'000 << 680.0;
    QTest::newRow("one-minute-in") << tenMinutes << t0 + 60'000 << 140.0;
    QTest::newRow("half-a-second-is-half-a-pixel") << tenMinutes << t0 + 500 << 80.5;
    QTest::newRow("before-the-range-is-left-of-the-plot") << tenMinutes << t0 - 30'000 << 50.0;
    QTest::newRow("after-the-range-is-right-of-the-plot") << tenMinutes << t0 + 700'000 << 780.0;
    QTest::newRow("a-day-over-1440px")
            << TimeAxisMapping{t0, t0 + 86'400'000, 0, 1440} << t0 + 3'600'000 << 60.0;
    QTest::newRow("invalid-axis-maps-to-left")
            << TimeAxisMapping{t0, t0, 10, 600} << t0 + 1'000 << 10.0;
}

void TestTimelineAxes::timeToPixel()
{
    QFETCH(TimeAxisMapping, axis);
    QFETCH(qint64, ms);
    QFETCH(double, px);
    QCOMPARE(axis.toPixel(ms), px);
}

void TestTimelineAxes::pixelToTime_data()
{
    QTest::addColumn<double>("px");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("left-edge") << 80.0 << t0;
    QTest::newRow("right-edge") << 680.0 << t0 + 600'000;
    QTest::newRow("fraction-rounds-to-the-nearest-ms") << 80.0004 << t0;
    QTest::newRow("a-tenth-of-a-pixel") << 80.1 << t0 + 100;
    QTest::newRow("left-of-the-plot") << 0.0 << t0 - 80'000;
}

void TestTimelineAxes::pixelToTime()
{
    QFETCH(double, px);
    QFETCH(qint64, ms);
    QCOMPARE(tenMinutes.msAtPixel(px), ms);
    // Round trip.
    QVERIFY(qAbs(tenMinutes.toPixel(tenMinutes.msAtPixel(px)) - px) <= 0.001);
}

void TestTimelineAxes::binWidths_data()
{
    QTest::addColumn<TimeAxisMapping>("axis");
    QTest::addColumn<double>("pixels");
    QTest::addColumn<double>("msPerPixel");
    QTest::addColumn<qint64>("binMs");
    QTest::newRow("two-px-at-a-second-per-px") << tenMinutes << 2.0 << 1000.0 << qint64(2000);
    QTest::newRow("a-day-over-1000px")
            << TimeAxisMapping{t0, t0 + 86'400'000, 0, 1000} << 2.0 << 86'400.0 << qint64(172'800);
    QTest::newRow("zoomed-in-never-below-1ms")
            << TimeAxisMapping{t0, t0 + 100, 0, 1000} << 2.0 << 0.1 << qint64(1);
    QTest::newRow("invalid-axis") << TimeAxisMapping{} << 2.0 << 0.0 << qint64(1);
}

void TestTimelineAxes::binWidths()
{
    QFETCH(TimeAxisMapping, axis);
    QFETCH(double, pixels);
    QFETCH(double, msPerPixel);
    QFETCH(qint64, binMs);
    QCOMPARE(axis.msPerPixel(), msPerPixel);
    QCOMPARE(axis.binMs(pixels), binMs);
}

void TestTimelineAxes::panAndZoom_data()
{
    QTest::addColumn<TimeAxisMapping>("result");
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::newRow("pan-right-60px-is-a-minute-later")
            << tenMinutes.panned(60) << t0 + 60'000 << t0 + 660'000;
    QTest::newRow("pan-left") << tenMinutes.panned(-60) << t0 - 60'000 << t0 + 540'000;
    QTest::newRow("zoom-in-around-the-centre")
            << tenMinutes.zoomed(0.5, 380) << t0 + 150'000 << t0 + 450'000;
    QTest::newRow("zoom-out-around-the-left-edge")
            << tenMinutes.zoomed(2.0, 80) << t0 << t0 + 1'200'000;
    QTest::newRow("zoom-in-around-a-point-keeps-it-under-the-pointer")
            << tenMinutes.zoomed(0.5, 140) << t0 + 30'000 << t0 + 330'000;
    QTest::newRow("nonsense-factor-changes-nothing")
            << tenMinutes.zoomed(-1, 140) << t0 << t0 + 600'000;
}

void TestTimelineAxes::panAndZoom()
{
    QFETCH(TimeAxisMapping, result);
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QCOMPARE(result.fromMs, fromMs);
    QCOMPARE(result.toMs, toMs);
    QCOMPARE(result.widthPx, tenMinutes.widthPx);
}

void TestTimelineAxes::laneToPixel_data()
{
    QTest::addColumn<double>("lane");
    QTest::addColumn<double>("px");
    QTest::newRow("top-edge") << -0.5 << 20.0;
    QTest::newRow("first-lane-centre") << 0.0 << 70.0;
    QTest::newRow("third-lane-centre") << 2.0 << 270.0;
    QTest::newRow("bottom-edge") << 2.5 << 320.0;
    QTest::newRow("a-row-above-centre") << 0.88 << 158.0;
}

void TestTimelineAxes::laneToPixel()
{
    QFETCH(double, lane);
    QFETCH(double, px);
    QVERIFY(qAbs(threeLanes.toPixel(lane) - px) < 1e-9);
    QVERIFY(qAbs(threeLanes.toValue(px) - lane) < 1e-9);
}

void TestTimelineAxes::markerHit_data()
{
    QTest::addColumn<QPointF>("pos");
    QTest::addColumn<qsizetype>("expected");
    // Markers: lane 0 at +10 s, +11 s, +60 s; lane 1 at +10 s. At one second per pixel.
    QTest::newRow("on-a-marker") << QPointF(90, 70) << qsizetype(0);
    QTest::newRow("nearest-of-two-close-ones") << QPointF(90.8, 71) << qsizetype(1);
    QTest::newRow("same-time-other-lane") << QPointF(90, 170) << qsizetype(2);
    QTest::newRow("within-the-radius") << QPointF(145, 74) << qsizetype(3);
    QTest::newRow("just-outside-the-radius") << QPointF(140, 79) << qsizetype(-1);
    QTest::newRow("between-lanes") << QPointF(90, 120) << qsizetype(-1);
    QTest::newRow("empty-space") << QPointF(400, 70) << qsizetype(-1);
}

void TestTimelineAxes::markerHit()
{
    QFETCH(QPointF, pos);
    QFETCH(qsizetype, expected);
    const QList<TimelineMarker> markers{
            {t0 + 10'000, t0 + 10'000, 0.0, 0, OutcomeClass::Success, 0, 1},
            {t0 + 11'000, t0 + 11'000, 0.0, 0, OutcomeClass::ServerError, 1, 1},
            {t0 + 10'000, t0 + 10'000, 1.0, 1, OutcomeClass::Success, 2, 1},
            {t0 + 60'000, t0 + 60'000, 0.0, 0, OutcomeClass::DeadLetter, 3, 1},
    };
    QList<TimelineMarker> sorted = markers;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.atMs < b.atMs; });
    const qsizetype hit = timelinehit::marker(sorted, tenMinutes, threeLanes, pos, 8);
    QCOMPARE(hit < 0 ? qsizetype(-1) : sorted.at(hit).sampleIndex, expected);
}

void TestTimelineAxes::spanHit_data()
{
    QTest::addColumn<QPointF>("pos");
    QTest::addColumn<qsizetype>("expected");
    // Spans on lane 0: a 120 s Retry-After from +20 s, a 2 s backoff from +60 s inside it
    // (another row would be usual; here both sit on the lane to test the shortest-wins rule).
    QTest::newRow("inside-the-long-span") << QPointF(130, 71) << qsizetype(0);
    QTest::newRow("shortest-wins-where-both") << QPointF(141, 70) << qsizetype(1);
    QTest::newRow("short-span-widened-by-tolerance") << QPointF(144, 70) << qsizetype(1);
    QTest::newRow("too-far-below") << QPointF(130, 80) << qsizetype(-1);
    QTest::newRow("after-every-span") << QPointF(300, 70) << qsizetype(-1);
}

void TestTimelineAxes::spanHit()
{
    QFETCH(QPointF, pos);
    QFETCH(qsizetype, expected);
    const QList<TimelineSpan> spans{
            {t0 + 20'000, t0 + 140'000, 0.0, 0, SpanKind::RetryAfter, false, 0, 1},
            {t0 + 60'000, t0 + 62'000, 0.0, 0, SpanKind::Backoff, false, 1, 1},
    };
    QCOMPARE(timelinehit::span(spans, tenMinutes, threeLanes, pos, 5), expected);
}

QTEST_GUILESS_MAIN(TestTimelineAxes)
#include "tst_timelineaxes.moc"
