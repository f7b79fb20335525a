// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's "what would this policy do" simulator over the dispatch engine's presets: the
// expected instants come from the published schedules (RETRY_POLICIES.md) with jitter at its
// midpoint.
#include "models/timeline/dispatchpolicysimulator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::models;

namespace {
constexpr qint64 t0 = 1'700'000'000'000;
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

WhatIfOutcome status(int code, qint64 durationMs = 100, QByteArray retryAfter = {})
{
    return {durationMs, code, QString(), std::move(retryAfter)};
}

WhatIfOutcome transport(const QString &kind, qint64 durationMs = 100)
{
    return {durationMs, 0, kind, QByteArray()};
}

struct Expected
{
    qint64 startOffsetMs;
    AttemptDecision decision;
    qint64 waitMs;
    WaitCause cause;
};
} // namespace

Q_DECLARE_METATYPE(QList<WhatIfOutcome>)
Q_DECLARE_METATYPE(QList<Expected>)

class TestDispatchPolicySimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offersTheDispatchPresets();
    void replaysOutcomes_data();
    void replaysOutcomes();
    void errors_data();
    void errors();
};

void TestDispatchPolicySimulator::offersTheDispatchPresets()
{
    const DispatchPolicySimulator simulator;
    QCOMPARE(simulator.presets(), QStringList({u"default"_s, u"svix"_s, u"standard-webhooks"_s,
                                               u"convoy-exponential"_s}));
    QCOMPARE(simulator.presetLabel(u"svix"_s), u"Svix schedule"_s);
    QCOMPARE(simulator.presetLabel(u"standard-webhooks"_s), u"Standard Webhooks schedule"_s);
}

void TestDispatchPolicySimulator::replaysOutcomes_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QList<WhatIfOutcome>>("outcomes");
    QTest::addColumn<bool>("repeatLast");
    QTest::addColumn<QList<Expected>>("expected");

    // Svix: the first retry is scheduled at 5 s, raised to 60 s after a 429 (overload floor),
    // Retry-After 120 kept within [60 s, 120 s]; ±20 % jitter at its midpoint is ×1.
    QTest::newRow("svix-429-retry-after-then-200")
            << u"svix"_s << QList<WhatIfOutcome>{status(429, 100, "120"), status(200)} << true
            << QList<Expected>{
                       {0, AttemptDecision::RateLimited, 120 * kSecond, WaitCause::RetryAfter},
                       {100 + 120 * kSecond, AttemptDecision::Succeeded, 0, WaitCause::None},
               };

    // Default: full jitter, uniform[0, 5 s × 2^n) at its midpoint: 2.5 s, then 5 s.
    QTest::newRow("default-timeouts-then-200")
            << u"default"_s
            << QList<WhatIfOutcome>{transport(u"timeout"_s, 300), transport(u"timeout"_s, 100),
                                    status(200, 200)}
            << true
            << QList<Expected>{
                       {0, AttemptDecision::Retry, 2'500, WaitCause::Backoff},
                       {200 + 2'500, AttemptDecision::Retry, 5'000, WaitCause::Backoff},
                       {2 * 200 + 2'500 + 5'000, AttemptDecision::Succeeded, 0, WaitCause::None},
               };

    // Standard Webhooks: the published schedule, no jitter, dead after the 10th attempt.
    QList<Expected> standard;
    const QList<qint64> waits{5 * kSecond, 5 * kMinute, 30 * kMinute, 2 * kHour, 5 * kHour,
                              10 * kHour,  14 * kHour,  20 * kHour,   24 * kHour};
    qint64 start = 0;
    for (qint64 wait : waits) {
        standard.append({start, AttemptDecision::Retry, wait, WaitCause::Backoff});
        start += 100 + wait;
    }
    standard.append({start, AttemptDecision::Dead, 0, WaitCause::None});
    QTest::newRow("standard-webhooks-503-forever-dead-letters")
            << u"standard-webhooks"_s << QList<WhatIfOutcome>{status(503)} << true << standard;

    // Without repeating, the replay stops where the real outcomes end.
    QTest::newRow("standard-webhooks-stops-with-the-real-outcomes")
            << u"standard-webhooks"_s << QList<WhatIfOutcome>{status(503), status(502)} << false
            << QList<Expected>{
                       {0, AttemptDecision::Retry, 5 * kSecond, WaitCause::Backoff},
                       {100 + 5 * kSecond, AttemptDecision::Retry, 5 * kMinute, WaitCause::Backoff},
               };

    // A 400 is permanent under every policy.
    QTest::newRow("convoy-400-fails-at-once")
            << u"convoy-exponential"_s << QList<WhatIfOutcome>{status(400)} << true
            << QList<Expected>{{0, AttemptDecision::Failed, 0, WaitCause::None}};
}

void TestDispatchPolicySimulator::replaysOutcomes()
{
    QFETCH(QString, preset);
    QFETCH(QList<WhatIfOutcome>, outcomes);
    QFETCH(bool, repeatLast);
    QFETCH(QList<Expected>, expected);

    WhatIfInput input;
    input.deliveryId = u"d1"_s;
    input.connectionId = u"conn-a"_s;
    input.firstStartMs = t0;
    input.outcomes = outcomes;
    input.repeatLastOutcome = repeatLast;
    const DispatchPolicySimulator simulator;
    const wb::core::Result<QList<WhatIfAttempt>> result = simulator.simulate(preset, input);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));

    qint64 meanDuration = 0;
    for (const WhatIfOutcome &outcome : outcomes)
        meanDuration += outcome.durationMs;
    meanDuration /= outcomes.size();

    QCOMPARE(result->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const WhatIfAttempt &attempt = result->at(i);
        const Expected &want = expected.at(i);
        QCOMPARE(attempt.number, int(i + 1));
        QCOMPARE(attempt.startedMs - t0, want.startOffsetMs);
        QCOMPARE(attempt.finishedMs - attempt.startedMs, meanDuration);
        QCOMPARE(attempt.decision, want.decision);
        QCOMPARE(attempt.waitMs, want.waitMs);
        QCOMPARE(attempt.waitCause, want.cause);
        QVERIFY(!attempt.reason.isEmpty());
        const WhatIfOutcome &real = outcomes.at(qMin(i, outcomes.size() - 1));
        QCOMPARE(attempt.httpStatus, real.httpStatus);
        QCOMPARE(attempt.transportError, real.transportError);
    }
}

void TestDispatchPolicySimulator::errors_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QList<WhatIfOutcome>>("outcomes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown-preset") << u"aws-sqs"_s << QList<WhatIfOutcome>{status(503)}
                                    << u"retry_policy.unknown_preset"_s << u"aws-sqs"_s;
    QTest::newRow("no-outcomes") << u"svix"_s << QList<WhatIfOutcome>{}
                                 << u"timeline.whatif_empty"_s << u"d1"_s;
}

void TestDispatchPolicySimulator::errors()
{
    QFETCH(QString, preset);
    QFETCH(QList<WhatIfOutcome>, outcomes);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    WhatIfInput input;
    input.deliveryId = u"d1"_s;
    input.firstStartMs = t0;
    input.outcomes = outcomes;
    const wb::core::Result<QList<WhatIfAttempt>> result = DispatchPolicySimulator().simulate(preset,
                                                                                             input);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, code);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestDispatchPolicySimulator)
#include "tst_dispatchpolicysimulator.moc"
