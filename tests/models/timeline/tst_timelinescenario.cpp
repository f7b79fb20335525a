// SPDX-License-Identifier: GPL-3.0-or-later
// The generated scenarios (tests/support/timeline) must show what they claim, or the screenshots,
// the benchmark and the view tests built on them prove nothing.
#include "models/timeline/timelinemapper.h"
#include "support/timeline/timelinescenariogenerator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;
using wb::test::TimelineScenarioGenerator;
using wb::test::TimelineScenarioOptions;

namespace {
constexpr qint64 hourMs = 3'600'000;
constexpr qint64 startMs = 1'773'144'000'000; // 2026-03-10T12:00:00Z

TimelineData scenario(const QString &kind, double rateScale = 1.0)
{
    TimelineScenarioOptions options;
    options.startMs = startMs;
    options.endMs = startMs + hourMs;
    options.seed = 7;
    options.rateScale = rateScale;
    options.kinds = {kind};
    return TimelineScenarioGenerator::generate(options);
}

bool sortedByStart(const TimelineData &data)
{
    return std::is_sorted(data.attempts.cbegin(), data.attempts.cend(),
                          [](const auto &a, const auto &b) { return a.startedMs < b.startedMs; });
}
} // namespace

class TestTimelineScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministicAndSorted();
    void jiraTenantHits429sWithRetryAfter();
    void salesforceStormBacksOffAndDeadLetters();
    void githubIsHealthy();
    void pagerDutyPausesUntilTheReset();
    void copiesScaleTheAttemptCount();
};

void TestTimelineScenario::deterministicAndSorted()
{
    const TimelineData a = scenario(u"jira"_s);
    const TimelineData b = scenario(u"jira"_s);
    QVERIFY(a.attempts.size() > 1'000);
    QCOMPARE(a.attempts, b.attempts);
    QCOMPARE(a.inbound, b.inbound);
    QVERIFY(sortedByStart(a));
    for (const AttemptSample &sample : a.attempts) {
        QVERIFY(sample.startedMs >= startMs && sample.startedMs < startMs + hourMs);
        QVERIFY(sample.finishedMs > sample.startedMs);
    }
    QCOMPARE(TimelineScenarioGenerator::kinds(),
             (QStringList{u"jira"_s, u"salesforce"_s, u"github"_s, u"pagerduty"_s}));
}

void TestTimelineScenario::jiraTenantHits429sWithRetryAfter()
{
    const TimelineData data = scenario(u"jira"_s);
    int limited = 0;
    for (const AttemptSample &sample : data.attempts) {
        QCOMPARE(sample.connectionLabel, u"Acme Corp · Jira"_s);
        QCOMPARE(sample.rateLimitLimit, 150);
        QVERIFY(sample.rateLimitRemaining >= 0 && sample.rateLimitRemaining < 150);
        if (sample.httpStatus != 429)
            continue;
        ++limited;
        QCOMPARE(sample.decision, AttemptDecision::RateLimited);
        QCOMPARE(sample.waitCause, WaitCause::RetryAfter);
        QCOMPARE(sample.rateLimitRemaining, 0);
        // Retry-After delta-seconds (RFC 9110 §10.2.3) equals the wait, at most the 120 s window.
        QCOMPARE(sample.retryAfter.toLongLong() * 1000, sample.waitMs);
        QVERIFY(sample.waitMs > 0 && sample.waitMs <= 120'000);
        QVERIFY(sample.reason.startsWith(u"429, Retry-After "_s));
    }
    QVERIFY2(limited >= 5, qPrintable(QString::number(limited)));
    const TimelineSeries series = TimelineMapper::map(data, {});
    const auto retryAfter = std::count_if(series.spans.cbegin(), series.spans.cend(),
                                          [](const TimelineSpan &span) {
                                              return span.kind == SpanKind::RetryAfter;
                                          });
    QCOMPARE(retryAfter, limited);
}

void TestTimelineScenario::salesforceStormBacksOffAndDeadLetters()
{
    const TimelineData data = scenario(u"salesforce"_s);
    int serverErrors = 0;
    int dead = 0;
    for (const AttemptSample &sample : data.attempts) {
        const bool failed = sample.httpStatus >= 500 || !sample.transportError.isEmpty();
        if (!failed)
            continue;
        // 5xx only in the storm, from minute 20 to minute 32 of each hour; a rare timeout may
        // happen at any time.
        const qint64 minute = (sample.startedMs % hourMs) / 60'000;
        if (sample.httpStatus >= 500) {
            QVERIFY2(minute >= 20 && minute < 32, qPrintable(QString::number(minute)));
            ++serverErrors;
        }
        if (sample.decision == AttemptDecision::Dead) {
            ++dead;
            QCOMPARE(sample.attemptNumber, 8);
        } else {
            QCOMPARE(sample.decision, AttemptDecision::Retry);
            QCOMPARE(sample.waitCause, WaitCause::Backoff);
            // Full jitter under 5 s × 2^(n-1), capped at 10 min; at least 1 s.
            const qint64 ceiling = qMin<qint64>(600'000, 5'000LL << (sample.attemptNumber - 1));
            QVERIFY(sample.waitMs >= 1'000 && sample.waitMs <= ceiling);
        }
    }
    QVERIFY2(serverErrors > 100, qPrintable(QString::number(serverErrors)));
    QVERIFY2(dead >= 3, qPrintable(QString::number(dead)));
}

void TestTimelineScenario::githubIsHealthy()
{
    const TimelineData data = scenario(u"github"_s);
    const auto succeeded = std::count_if(data.attempts.cbegin(), data.attempts.cend(),
                                         [](const AttemptSample &sample) {
                                             return classifyOutcome(sample)
                                                    == OutcomeClass::Success;
                                         });
    QVERIFY(data.attempts.size() > 500);
    QVERIFY2(double(succeeded) / double(data.attempts.size()) > 0.98,
             qPrintable(QString::number(succeeded)));
    for (const AttemptSample &sample : data.attempts)
        QVERIFY(sample.httpStatus != 429 && sample.rateLimitRemaining > 1'000);
}

void TestTimelineScenario::pagerDutyPausesUntilTheReset()
{
    const TimelineData data = scenario(u"pagerduty"_s);
    int paused = 0;
    for (const AttemptSample &sample : data.attempts) {
        if (sample.httpStatus != 429)
            continue;
        ++paused;
        QCOMPARE(sample.waitCause, WaitCause::RateLimitPause);
        QVERIFY(sample.retryAfter.isEmpty());
        QVERIFY(sample.waitMs > 0 && sample.waitMs <= 60'000);
    }
    QVERIFY2(paused >= 5, qPrintable(QString::number(paused)));
    QVERIFY(!data.inbound.isEmpty());
}

void TestTimelineScenario::copiesScaleTheAttemptCount()
{
    TimelineScenarioOptions options;
    options.startMs = startMs;
    options.endMs = startMs + hourMs / 4;
    options.tenantCopies = 3;
    const TimelineData data = TimelineScenarioGenerator::generate(options);
    QSet<QString> connections;
    for (const AttemptSample &sample : data.attempts)
        connections.insert(sample.connectionId);
    QCOMPARE(connections.size(), 12);
    QVERIFY(connections.contains(u"conn-acme3-jira"_s));
    QVERIFY(sortedByStart(data));
}

QTEST_GUILESS_MAIN(TestTimelineScenario)
#include "tst_timelinescenario.moc"
