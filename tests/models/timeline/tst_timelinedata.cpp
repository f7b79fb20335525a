// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/timelinequery.h"
#include "models/timeline/timelinescopecatalog.h"
#include "timelinetestdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;
using wb::test::SampleBuilder;
using wb::test::t0;

Q_DECLARE_METATYPE(TimelineScope)
Q_DECLARE_METATYPE(TimelineRange)

class TestTimelineData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outcomeClasses_data();
    void outcomeClasses();
    void decisionCodesRoundTrip();
    void filter_data();
    void filter();
    void filterKeepsInboundOfConnectionsInScope();
    void appendKeepsTimeOrder();
    void scopeCatalogGroupsConnectionsUnderTenants();
};

void TestTimelineData::outcomeClasses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("transportError");
    QTest::addColumn<AttemptDecision>("decision");
    QTest::addColumn<OutcomeClass>("expected");
    const auto row = [](const char *name, int status, const QString &error,
                        AttemptDecision decision, OutcomeClass expected) {
        QTest::newRow(name) << status << error << decision << expected;
    };
    row("200-succeeded", 200, {}, AttemptDecision::Succeeded, OutcomeClass::Success);
    row("204-succeeded", 204, {}, AttemptDecision::Succeeded, OutcomeClass::Success);
    row("429-rate-limited", 429, {}, AttemptDecision::RateLimited, OutcomeClass::RateLimited);
    row("403-with-rate-limit-signals", 403, {}, AttemptDecision::RateLimited,
        OutcomeClass::RateLimited);
    row("503-retry", 503, {}, AttemptDecision::Retry, OutcomeClass::ServerError);
    row("500-failed-by-policy", 500, {}, AttemptDecision::Failed, OutcomeClass::ServerError);
    row("timeout", 0, u"timeout"_s, AttemptDecision::Retry, OutcomeClass::Network);
    row("connection-refused", 0, u"connection_refused"_s, AttemptDecision::Retry,
        OutcomeClass::Network);
    row("404-failed", 404, {}, AttemptDecision::Failed, OutcomeClass::ClientError);
    row("410-destination-disabled", 410, {}, AttemptDecision::DestinationDisabled,
        OutcomeClass::ClientError);
    row("301-not-followed", 301, {}, AttemptDecision::Failed, OutcomeClass::ClientError);
    row("401-refresh-and-retry", 401, {}, AttemptDecision::RefreshAndRetry,
        OutcomeClass::ClientError);
    row("503-dead-letter", 503, {}, AttemptDecision::Dead, OutcomeClass::DeadLetter);
    row("timeout-dead-letter", 0, u"timeout"_s, AttemptDecision::Dead, OutcomeClass::DeadLetter);
    row("429-dead-letter", 429, {}, AttemptDecision::Dead, OutcomeClass::DeadLetter);
}

void TestTimelineData::outcomeClasses()
{
    QFETCH(int, status);
    QFETCH(QString, transportError);
    QFETCH(AttemptDecision, decision);
    QFETCH(OutcomeClass, expected);
    AttemptSample sample;
    sample.httpStatus = status;
    sample.transportError = transportError;
    sample.decision = decision;
    QCOMPARE(classifyOutcome(sample), expected);
}

void TestTimelineData::decisionCodesRoundTrip()
{
    // The attempt log's stable codes (app/core/dispatch decisionKindCode).
    const QStringList codes{u"succeeded"_s,        u"retry"_s,
                            u"rate_limited"_s,     u"dead"_s,
                            u"failed"_s,           u"destination_disabled"_s,
                            u"refresh_and_retry"_s};
    for (const QString &code : codes) {
        const std::optional<AttemptDecision> decision = decisionFromCode(code);
        QVERIFY2(decision.has_value(), qPrintable(code));
        QCOMPARE(decisionCode(*decision), code);
    }
    QVERIFY(!decisionFromCode(u"Retry"_s).has_value());
    QVERIFY(!decisionFromCode(QString()).has_value());
    QVERIFY(isRetryDecision(AttemptDecision::Retry));
    QVERIFY(isRetryDecision(AttemptDecision::RateLimited));
    QVERIFY(isRetryDecision(AttemptDecision::RefreshAndRetry));
    QVERIFY(!isRetryDecision(AttemptDecision::Dead));
    QVERIFY(!isRetryDecision(AttemptDecision::Succeeded));
}

namespace {
QList<AttemptSample> twoTenants()
{
    return {
            SampleBuilder(u"a1"_s, 1, 0, 100, 200),
            SampleBuilder(u"b1"_s, 1, 1'000, 100, 503)
                    .decide(AttemptDecision::Retry, 60'000, WaitCause::Backoff)
                    .connection(u"conn-b"_s, u"Beta · GitHub"_s)
                    .tenant(u"tenant-beta"_s, u"Beta"_s),
            SampleBuilder(u"a2"_s, 1, 5'000, 100, 200)
                    .connection(u"conn-a2"_s, u"Acme Corp · Slack"_s),
            SampleBuilder(u"a1"_s, 2, 30'000, 100, 200),
            SampleBuilder(u"b1"_s, 2, 61'100, 100, 200)
                    .connection(u"conn-b"_s, u"Beta · GitHub"_s)
                    .tenant(u"tenant-beta"_s, u"Beta"_s),
    };
}
} // namespace

void TestTimelineData::filter_data()
{
    QTest::addColumn<TimelineScope>("scope");
    QTest::addColumn<TimelineRange>("range");
    QTest::addColumn<QStringList>("expected"); // delivery/attempt
    const TimelineRange all{t0 - 1'000, t0 + 100'000};
    QTest::newRow("global-everything")
            << TimelineScope::global() << all
            << QStringList{u"a1/1"_s, u"b1/1"_s, u"a2/1"_s, u"a1/2"_s, u"b1/2"_s};
    QTest::newRow("tenant") << TimelineScope::tenant(u"tenant-acme"_s) << all
                            << QStringList{u"a1/1"_s, u"a2/1"_s, u"a1/2"_s};
    QTest::newRow("connection") << TimelineScope::connection(u"conn-b"_s) << all
                                << QStringList{u"b1/1"_s, u"b1/2"_s};
    QTest::newRow("delivery") << TimelineScope::delivery(u"a1"_s) << all
                              << QStringList{u"a1/1"_s, u"a1/2"_s};
    QTest::newRow("range-cuts-later-attempts")
            << TimelineScope::global() << TimelineRange{t0, t0 + 4'000}
            << QStringList{u"a1/1"_s, u"b1/1"_s};
    QTest::newRow("a-wait-reaching-into-the-range-is-kept")
            << TimelineScope::global() << TimelineRange{t0 + 20'000, t0 + 40'000}
            << QStringList{u"b1/1"_s, u"a1/2"_s};
    QTest::newRow("half-open-end-excludes-an-attempt-at-the-end")
            << TimelineScope::delivery(u"a1"_s) << TimelineRange{t0 + 1'000, t0 + 30'000}
            << QStringList{};
    QTest::newRow("unknown-tenant") << TimelineScope::tenant(u"nobody"_s) << all << QStringList{};
}

void TestTimelineData::filter()
{
    QFETCH(TimelineScope, scope);
    QFETCH(TimelineRange, range);
    QFETCH(QStringList, expected);
    const TimelineData result = filterTimelineData({twoTenants(), {}}, {range, scope});
    QStringList got;
    for (const AttemptSample &sample : result.attempts)
        got.append(sample.deliveryId + u'/' + QString::number(sample.attemptNumber));
    QCOMPARE(got, expected);
}

void TestTimelineData::filterKeepsInboundOfConnectionsInScope()
{
    const QList<InboundRateSample> inbound{{u"conn-a"_s, t0, 4},
                                           {u"conn-b"_s, t0 + 1'000, 2},
                                           {u"conn-a2"_s, t0 + 2'000, 1},
                                           {u"conn-a"_s, t0 + 200'000, 9}};
    const TimelineRange range{t0, t0 + 100'000};
    const TimelineData tenant = filterTimelineData({twoTenants(), inbound},
                                                   {range, TimelineScope::tenant(u"tenant-acme"_s)});
    QCOMPARE(tenant.inbound, (QList<InboundRateSample>{inbound.at(0), inbound.at(2)}));
    // A connection scope keeps its inbound rate even with no attempt in range.
    const TimelineData quiet = filterTimelineData({{}, inbound},
                                                  {range, TimelineScope::connection(u"conn-b"_s)});
    QCOMPARE(quiet.inbound, (QList<InboundRateSample>{inbound.at(1)}));
    const TimelineData global = filterTimelineData({{}, inbound}, {range, {}});
    QCOMPARE(global.inbound.size(), 3);
}

void TestTimelineData::appendKeepsTimeOrder()
{
    QList<AttemptSample> all = twoTenants();
    TimelineData data{all.mid(0, 3), {}};
    appendTimelineData(data, {all.mid(3), {}});
    QCOMPARE(data.attempts, all);
    // Out of order (a late-arriving older attempt): merged into place, stable for equal times.
    const AttemptSample late = SampleBuilder(u"late"_s, 1, 2'000, 100, 200);
    appendTimelineData(data, {{late}, {{u"conn-a"_s, t0 + 3'000, 1}, {u"conn-a"_s, t0, 2}}});
    QCOMPARE(data.attempts.size(), 6);
    QCOMPARE(data.attempts.at(2).deliveryId, u"late"_s);
    QVERIFY(std::is_sorted(data.attempts.cbegin(), data.attempts.cend(),
                           [](const auto &a, const auto &b) { return a.startedMs < b.startedMs; }));
    QCOMPARE(data.inbound.size(), 2);
    QCOMPARE(data.inbound.at(0).secondStartMs, t0);
}

void TestTimelineData::scopeCatalogGroupsConnectionsUnderTenants()
{
    TimelineScopeCatalog catalog;
    QVERIFY(catalog.isEmpty());
    catalog.add(twoTenants());
    catalog.add({SampleBuilder(u"z"_s, 1, 0, 1, 200)
                         .connection(u"conn-z"_s, u"Zed · Shopify"_s)
                         .tenant(u"tenant-zed"_s, QString())});
    const QList<TimelineScope> choices = catalog.choices();
    QStringList labels;
    for (const TimelineScope &scope : choices)
        labels.append(QString::number(int(scope.kind)) + u' ' + scope.label);
    QCOMPARE(labels, (QStringList{u"1 Acme Corp"_s, u"2 Acme Corp · Jira"_s,
                                  u"2 Acme Corp · Slack"_s, u"1 Beta"_s, u"2 Beta · GitHub"_s,
                                  u"1 tenant-zed"_s, u"2 Zed · Shopify"_s}));
    QCOMPARE(choices.at(2).id, u"conn-a2"_s);
    catalog.clear();
    QVERIFY(catalog.choices().isEmpty());
}

QTEST_GUILESS_MAIN(TestTimelineData)
#include "tst_timelinedata.moc"
