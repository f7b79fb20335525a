// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/leveldecimation.h"
#include "models/timeline/rowpacking.h"

#include <QTest>

using namespace wb::models;

using Points = QList<LevelPoint>;
using Intervals = QList<RowInterval>;
using Rows = QList<int>;

Q_DECLARE_METATYPE(RowInterval)

class TestTimelineBinning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimation_data();
    void decimation();
    void decimationKeepsEveryExtreme();
    void rowPacking_data();
    void rowPacking();
};

void TestTimelineBinning::decimation_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<qint64>("originMs");
    QTest::addColumn<qint64>("binMs");
    QTest::addColumn<Points>("expected");

    QTest::newRow("spike-in-the-middle-survives")
            << Points{{0, 5}, {10, 6}, {20, 90}, {30, 4}, {40, 5}, {50, 6}} << qint64(0)
            << qint64(100) << Points{{0, 5}, {20, 90}, {30, 4}, {50, 6}};
    QTest::newRow("dip-before-peak-kept-in-time-order")
            << Points{{0, 50}, {10, 0}, {20, 40}, {30, 80}, {40, 60}, {50, 55}} << qint64(0)
            << qint64(100) << Points{{0, 50}, {10, 0}, {30, 80}, {50, 55}};
    QTest::newRow("first-is-minimum-last-is-maximum")
            << Points{{0, 1}, {10, 2}, {20, 3}, {30, 4}, {40, 5}, {50, 6}} << qint64(0)
            << qint64(100) << Points{{0, 1}, {50, 6}};
    QTest::newRow("each-bin-on-its-own")
            << Points{{0, 1}, {10, 9}, {20, 2}, {100, 7}, {110, 3}, {120, 8}, {130, 5}} << qint64(0)
            << qint64(100)
            << Points{{0, 1}, {10, 9}, {20, 2}, {100, 7}, {110, 3}, {120, 8}, {130, 5}};
    QTest::newRow("bins-align-to-the-origin-not-the-data")
            << Points{{-30, 1}, {-20, 9}, {-10, 2}, {10, 7}, {20, 3}, {30, 8}} << qint64(0)
            << qint64(100) << Points{{-30, 1}, {-20, 9}, {-10, 2}, {10, 7}, {20, 3}, {30, 8}};
    QTest::newRow("four-points-or-fewer-unchanged")
            << Points{{0, 1}, {10, 9}, {20, 2}, {30, 3}} << qint64(0) << qint64(1000)
            << Points{{0, 1}, {10, 9}, {20, 2}, {30, 3}};
    QTest::newRow("no-bin-width-unchanged")
            << Points{{0, 1}, {10, 9}, {20, 2}, {30, 3}, {40, 4}} << qint64(0) << qint64(0)
            << Points{{0, 1}, {10, 9}, {20, 2}, {30, 3}, {40, 4}};
}

void TestTimelineBinning::decimation()
{
    QFETCH(Points, points);
    QFETCH(qint64, originMs);
    QFETCH(qint64, binMs);
    QFETCH(Points, expected);
    QCOMPARE(decimateLevels(points, originMs, binMs), expected);
}

void TestTimelineBinning::decimationKeepsEveryExtreme()
{
    // A noisy series of 100,000 points into 1,000 bins: every bin's min and max survive.
    Points points;
    quint32 state = 12345;
    for (int i = 0; i < 100'000; ++i) {
        state = state * 1'103'515'245u + 12'345u;
        points.append({i * 10, double((state >> 16) % 1000)});
    }
    const qint64 bin = 1'000;
    const Points result = decimateLevels(points, 0, bin);
    QVERIFY(result.size() <= 4 * 1'000);
    QVERIFY(std::is_sorted(result.cbegin(), result.cend(),
                           [](auto a, auto b) { return a.atMs < b.atMs; }));
    for (qint64 start = 0; start < 1'000'000; start += bin) {
        double low = 1e9;
        double high = -1;
        for (int i = int(start / 10); i < int((start + bin) / 10); ++i) {
            low = qMin(low, points.at(i).value);
            high = qMax(high, points.at(i).value);
        }
        double keptLow = 1e9;
        double keptHigh = -1;
        for (const LevelPoint &point : result) {
            if (point.atMs >= start && point.atMs < start + bin) {
                keptLow = qMin(keptLow, point.value);
                keptHigh = qMax(keptHigh, point.value);
            }
        }
        QCOMPARE(keptLow, low);
        QCOMPARE(keptHigh, high);
    }
}

void TestTimelineBinning::rowPacking_data()
{
    QTest::addColumn<Intervals>("intervals");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<Rows>("expected");

    QTest::newRow("one-after-another-share-a-row")
            << Intervals{{0, 10}, {20, 30}, {40, 50}} << 6 << Rows{0, 0, 0};
    QTest::newRow("overlap-opens-a-row")
            << Intervals{{0, 100}, {10, 20}, {30, 40}, {50, 200}} << 6 << Rows{0, 1, 1, 1};
    QTest::newRow("touching-ends-count-as-overlap")
            << Intervals{{0, 10}, {10, 20}} << 6 << Rows{0, 1};
    QTest::newRow("first-free-row-is-taken")
            << Intervals{{0, 100}, {5, 20}, {10, 300}, {30, 40}} << 6 << Rows{0, 1, 2, 1};
    QTest::newRow("row-limit-reuses-the-row-free-first")
            << Intervals{{0, 100}, {10, 50}, {20, 30}} << 2 << Rows{0, 1, 1};
    QTest::newRow("one-row-stacks-everything") << Intervals{{0, 100}, {10, 50}} << 1 << Rows{0, 0};
    QTest::newRow("empty") << Intervals{} << 4 << Rows{};
}

void TestTimelineBinning::rowPacking()
{
    QFETCH(Intervals, intervals);
    QFETCH(int, maxRows);
    QFETCH(Rows, expected);
    QCOMPARE(packRows(intervals, maxRows), expected);
}

QTEST_GUILESS_MAIN(TestTimelineBinning)
#include "tst_timelinebinning.moc"
