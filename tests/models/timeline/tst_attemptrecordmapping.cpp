// SPDX-License-Identifier: GPL-3.0-or-later
// A row of the dispatch engine's attempt log as the timeline draws it, and why it waited.
#include "models/timeline/attemptrecordmapping.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using models::WaitCause;

Q_DECLARE_METATYPE(wb::models::WaitCause)

namespace {
constexpr qint64 t0 = 1'700'000'000'000;

core::AttemptRecord record(const QString &decision, std::optional<int> status, qint64 waitMs)
{
    core::AttemptRecord r;
    r.id = 7;
    r.deliveryId = 42;
    r.attemptNumber = 3;
    r.tenantId = 5;
    r.connectionId = 9;
    r.startedAtMs = t0;
    r.endedAtMs = t0 + 250;
    r.httpStatus = status;
    r.decision = decision;
    r.waitMs = waitMs;
    r.reason = u"why"_s;
    return r;
}
} // namespace

class TestAttemptRecordMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitCause_data();
    void waitCause();
    void carriesEveryField();
    void transportErrorsAndMissingConnection();
};

void TestAttemptRecordMapping::waitCause_data()
{
    QTest::addColumn<core::AttemptRecord>("input");
    QTest::addColumn<WaitCause>("expected");

    core::AttemptRecord retryAfter = record(u"rate_limited"_s, 429, 120'000);
    retryAfter.retryAfter = "120"_ba;
    retryAfter.retryAfterMs = 120'000;
    QTest::newRow("429-retry-after-set-the-wait") << retryAfter << WaitCause::RetryAfter;

    core::AttemptRecord backoffWon = retryAfter;
    backoffWon.decision = u"retry"_s;
    backoffWon.httpStatus = 503;
    backoffWon.retryAfterMs = 1'000;
    backoffWon.waitMs = 40'000;
    QTest::newRow("503-backoff-longer-than-retry-after") << backoffWon << WaitCause::Backoff;

    core::AttemptRecord clamped = retryAfter;
    clamped.waitMs = 60'000; // Svix keeps Retry-After within [scheduled, 2 × scheduled]
    QTest::newRow("retry-after-clamped-shorter") << clamped << WaitCause::RetryAfter;

    core::AttemptRecord quota = record(u"rate_limited"_s, 403, 45'000);
    quota.rateLimitRemaining = 0;
    quota.rateLimitLimit = 5000;
    quota.rateLimitResetAtMs = t0 + 250 + 45'000;
    QTest::newRow("403-quota-exhausted-waits-for-reset") << quota << WaitCause::RateLimitPause;

    core::AttemptRecord quotaLeft = quota;
    quotaLeft.rateLimitRemaining = 10;
    QTest::newRow("quota-not-exhausted-is-backoff") << quotaLeft << WaitCause::Backoff;

    QTest::newRow("timeout-retry-is-backoff")
            << record(u"retry"_s, std::nullopt, 5'000) << WaitCause::Backoff;
    QTest::newRow("dead-has-no-wait") << record(u"dead"_s, 503, 0) << WaitCause::None;
    QTest::newRow("immediate-refresh-has-no-wait")
            << record(u"refresh_and_retry"_s, 401, 0) << WaitCause::None;
    QTest::newRow("unknown-decision-has-no-wait")
            << record(u"maybe"_s, 503, 5'000) << WaitCause::None;
}

void TestAttemptRecordMapping::waitCause()
{
    QFETCH(core::AttemptRecord, input);
    QFETCH(WaitCause, expected);
    QCOMPARE(models::waitCauseOf(input), expected);
    QCOMPARE(models::sampleFromRecord(input, {}).waitCause, expected);
}

void TestAttemptRecordMapping::carriesEveryField()
{
    core::AttemptRecord r = record(u"rate_limited"_s, 429, 120'000);
    r.retryAfter = "120"_ba;
    r.retryAfterMs = 120'000;
    r.rateLimitLimit = 5000;
    r.rateLimitRemaining = 0;
    r.bucketLevel = 2.5;
    r.queueDepth = 17;
    const QHash<qint64, models::ConnectionLabels> labels{
            {9, {u"Acme Corp · github"_s, u"5"_s, u"Acme Corp"_s}}};
    const models::AttemptSample sample = models::sampleFromRecord(r, labels);
    QCOMPARE(sample.connectionId, u"9"_s);
    QCOMPARE(sample.connectionLabel, u"Acme Corp · github"_s);
    QCOMPARE(sample.tenantId, u"5"_s);
    QCOMPARE(sample.tenantLabel, u"Acme Corp"_s);
    QCOMPARE(sample.deliveryId, u"42"_s);
    QCOMPARE(sample.attemptNumber, 3);
    QCOMPARE(sample.startedMs, t0);
    QCOMPARE(sample.finishedMs, t0 + 250);
    QCOMPARE(sample.httpStatus, 429);
    QVERIFY(sample.transportError.isEmpty());
    QCOMPARE(sample.decision, models::AttemptDecision::RateLimited);
    QCOMPARE(sample.reason, u"why"_s);
    QCOMPARE(sample.waitMs, 120'000);
    QCOMPARE(sample.retryAfter, "120"_ba);
    QCOMPARE(sample.rateLimitLimit, 5000);
    QCOMPARE(sample.rateLimitRemaining, 0);
    QCOMPARE(sample.bucketLevel, 2.5);
    QCOMPARE(sample.queueDepth, 17);
    QCOMPARE(models::classifyOutcome(sample), models::OutcomeClass::RateLimited);
}

void TestAttemptRecordMapping::transportErrorsAndMissingConnection()
{
    core::AttemptRecord lost = record(u"retry"_s, std::nullopt, 0);
    lost.errorKind = u"worker_lost"_s;
    lost.connectionId.reset();
    lost.bucketLevel.reset();
    const models::AttemptSample sample = models::sampleFromRecord(lost, {});
    QCOMPARE(sample.httpStatus, 0);
    QCOMPARE(sample.transportError, u"worker_lost"_s);
    QCOMPARE(models::classifyOutcome(sample), models::OutcomeClass::Network);
    QVERIFY(sample.connectionId.isEmpty());
    QCOMPARE(sample.connectionLabel, u"(no connection)"_s);
    QCOMPARE(sample.bucketLevel, -1.0);
    QCOMPARE(sample.rateLimitRemaining, -1);

    // A connection the labels do not know yet keeps its id; the lane shows the id.
    const models::AttemptSample unknown = models::sampleFromRecord(record(u"retry"_s, 503, 1), {});
    QCOMPARE(unknown.connectionId, u"9"_s);
    QVERIFY(unknown.connectionLabel.isEmpty());
}

QTEST_GUILESS_MAIN(TestAttemptRecordMapping)
#include "tst_attemptrecordmapping.moc"
