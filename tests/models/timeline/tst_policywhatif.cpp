// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/policywhatif.h"
#include "timelinetestdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;
using wb::test::SampleBuilder;
using wb::test::t0;

class TestPolicyWhatIf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputCarriesTheRealOutcomesInAttemptOrder();
    void nothingToCompare_data();
    void nothingToCompare();
    void simulatedAttemptsBecomeMarkersAndWaits();
};

void TestPolicyWhatIf::inputCarriesTheRealOutcomesInAttemptOrder()
{
    const QList<AttemptSample> samples{
            SampleBuilder(u"other"_s, 1, 0, 10, 200),
            SampleBuilder(u"d1"_s, 1, 1'000, 250, 429)
                    .decide(AttemptDecision::RateLimited, 120'000, WaitCause::RetryAfter)
                    .retryAfter("120"),
            SampleBuilder(u"d1"_s, 3, 200'000, 10'000, 0)
                    .transport(u"timeout"_s)
                    .decide(AttemptDecision::Dead),
            SampleBuilder(u"d1"_s, 2, 121'250, 80, 503).decide(AttemptDecision::Retry, 5'000),
    };
    const std::optional<WhatIfInput> input = whatIfInputFor({samples, {}}, u"d1"_s);
    QVERIFY(input.has_value());
    QCOMPARE(input->deliveryId, u"d1"_s);
    QCOMPARE(input->connectionId, u"conn-a"_s);
    QCOMPARE(input->firstStartMs, t0 + 1'000);
    QVERIFY(input->repeatLastOutcome);
    const QList<WhatIfOutcome> expected{
            {250, 429, QString(), "120"},
            {80, 503, QString(), QByteArray()},
            {10'000, 0, u"timeout"_s, QByteArray()},
    };
    QCOMPARE(input->outcomes, expected);
}

void TestPolicyWhatIf::nothingToCompare_data()
{
    QTest::addColumn<QString>("delivery");
    QTest::newRow("unknown-delivery") << u"nope"_s;
    QTest::newRow("delivery-that-only-succeeded") << u"ok"_s;
}

void TestPolicyWhatIf::nothingToCompare()
{
    QFETCH(QString, delivery);
    const QList<AttemptSample> samples{SampleBuilder(u"ok"_s, 1, 0, 10, 200)};
    QVERIFY(!whatIfInputFor({samples, {}}, delivery).has_value());
}

void TestPolicyWhatIf::simulatedAttemptsBecomeMarkersAndWaits()
{
    // Svix-like: 503, wait 5 s; 503, wait 300 s; 200.
    const QList<WhatIfAttempt> attempts{
            {1, t0, t0 + 100, 503, {}, AttemptDecision::Retry, 5'000, WaitCause::Backoff, {}},
            {2,
             t0 + 5'100,
             t0 + 5'200,
             503,
             {},
             AttemptDecision::Retry,
             300'000,
             WaitCause::Backoff,
             {}},
            {3,
             t0 + 305'200,
             t0 + 305'300,
             200,
             {},
             AttemptDecision::Succeeded,
             0,
             WaitCause::None,
             {}},
    };
    const WhatIfSeries series = mapWhatIf(attempts, 2, 2.0);
    QCOMPARE(series.markers.size(), 3);
    QCOMPARE(series.markers.at(0).outcome, OutcomeClass::ServerError);
    QCOMPARE(series.markers.at(2).outcome, OutcomeClass::Success);
    QCOMPARE(series.markers.at(1).atMs, t0 + 5'100);
    QCOMPARE(series.markers.at(1).sampleIndex, 1);
    QCOMPARE(series.markers.at(1).y, 2.0);
    QCOMPARE(series.spans.size(), 2);
    QCOMPARE(series.spans.at(0).fromMs, t0 + 100);
    QCOMPARE(series.spans.at(0).durationMs(), 5'000);
    QCOMPARE(series.spans.at(1).durationMs(), 300'000);
    QVERIFY(!series.spans.at(1).open);
    QCOMPARE(series.spans.at(1).lane, 2);

    // A simulation that ends on a retry (cut short) leaves an open wait.
    const WhatIfSeries cut = mapWhatIf(attempts.mid(0, 2), 0, 0.0);
    QCOMPARE(cut.spans.size(), 2);
    QVERIFY(cut.spans.at(1).open);
}

QTEST_GUILESS_MAIN(TestPolicyWhatIf)
#include "tst_policywhatif.moc"
