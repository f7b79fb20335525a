// SPDX-License-Identifier: GPL-3.0-or-later
// "What would this policy do": attempt instants a policy produces for a sequence of outcomes.
#include "core/dispatch/policysimulator.h"
#include "core/dispatch/retrypolicypresets.h"

#include <QTest>

using namespace wb::core;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kStart = 1'740'924'010'000; // 2025-03-02T14:00:10Z
constexpr qint64 kSecond = 1000;

QList<qint64> offsetsInSeconds(const QList<SimulatedAttempt> &attempts)
{
    QList<qint64> offsets;
    for (const SimulatedAttempt &attempt : attempts)
        offsets.append((attempt.startMs - kStart) / kSecond);
    return offsets;
}

QStringList kinds(const QList<SimulatedAttempt> &attempts)
{
    QStringList result;
    for (const SimulatedAttempt &attempt : attempts)
        result.append(decisionKindCode(attempt.decision.kind));
    return result;
}

RetryPolicy preset(const QString &name)
{
    auto policy = retrypresets::byName(name);
    Q_ASSERT(policy);
    return *policy;
}
} // namespace

Q_DECLARE_METATYPE(AttemptOutcome)

class TestPolicySimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaysOutcomes_data();
    void replaysOutcomes();
    void fullJitterScheduleUsesEachDraw();
    void countsAttemptDurations();
};

void TestPolicySimulator::replaysOutcomes_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QList<AttemptOutcome>>("outcomes");
    QTest::addColumn<bool>("repeat");
    QTest::addColumn<bool>("refreshable");
    QTest::addColumn<QList<qint64>>("startOffsetsS");
    QTest::addColumn<QStringList>("decisions");

    const AttemptOutcome unavailable = AttemptOutcome::response(503);
    const AttemptOutcome ok = AttemptOutcome::response(200);

    // The Standard Webhooks spec's table: 00:00:05, 00:05:05, 00:35:05, 02:35:05, 07:35:05,
    // 17:35:05, 31:35:05, 51:35:05, 75:35:05.
    QTest::newRow("standard-webhooks-always-timing-out")
            << u"standard-webhooks"_s
            << QList<AttemptOutcome>{AttemptOutcome::failure(TransportError::Timeout)} << true
            << false << QList<qint64>{0, 5, 305, 2105, 9305, 27305, 63305, 113705, 185705, 272105}
            << QStringList{u"retry"_s, u"retry"_s, u"retry"_s, u"retry"_s, u"retry"_s,
                           u"retry"_s, u"retry"_s, u"retry"_s, u"retry"_s, u"dead"_s};
    // Svix with u = 0.5 (no jitter offset): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    QTest::newRow("svix-always-503")
            << u"svix"_s << QList<AttemptOutcome>{unavailable} << true << false
            << QList<qint64>{0, 5, 305, 2105, 9305, 27305, 63305, 99305}
            << QStringList{u"retry"_s, u"retry"_s, u"retry"_s, u"retry"_s,
                           u"retry"_s, u"retry"_s, u"retry"_s, u"dead"_s};
    QTest::newRow("succeeds-on-third-attempt")
            << u"default"_s
            << QList<AttemptOutcome>{unavailable,
                                     AttemptOutcome::response(429, {{"Retry-After", "60"}}), ok}
            << false << false << QList<qint64>{0, 2, 62}
            << QStringList{u"retry"_s, u"rate_limited"_s, u"succeeded"_s};
    QTest::newRow("refresh-then-success")
            << u"default"_s << QList<AttemptOutcome>{AttemptOutcome::response(401), ok} << false
            << true << QList<qint64>{0, 0} << QStringList{u"refresh_and_retry"_s, u"succeeded"_s};
    QTest::newRow("second-401-fails")
            << u"default"_s << QList<AttemptOutcome>{AttemptOutcome::response(401)} << true << true
            << QList<qint64>{0, 0} << QStringList{u"refresh_and_retry"_s, u"failed"_s};
    QTest::newRow("gone-stops") << u"svix"_s
                                << QList<AttemptOutcome>{unavailable, AttemptOutcome::response(410),
                                                         ok}
                                << false << false << QList<qint64>{0, 5}
                                << QStringList{u"retry"_s, u"destination_disabled"_s};
    QTest::newRow("outcomes-run-out") << u"default"_s << QList<AttemptOutcome>{unavailable} << false
                                      << false << QList<qint64>{0} << QStringList{u"retry"_s};
    QTest::newRow("no-outcomes") << u"default"_s << QList<AttemptOutcome>{} << true << false
                                 << QList<qint64>{} << QStringList{};
}

void TestPolicySimulator::replaysOutcomes()
{
    QFETCH(QString, policy);
    QFETCH(QList<AttemptOutcome>, outcomes);
    QFETCH(bool, repeat);
    QFETCH(bool, refreshable);
    QFETCH(QList<qint64>, startOffsetsS);
    QFETCH(QStringList, decisions);

    SimulationInput input;
    input.startMs = kStart;
    input.repeatLastOutcome = repeat;
    input.tokenRefreshable = refreshable;
    ScriptedRandomSource random({0.5});
    const QList<SimulatedAttempt> attempts = simulatePolicy(preset(policy), RateLimitHeaderSpec(),
                                                            outcomes, input, random);
    QCOMPARE(offsetsInSeconds(attempts), startOffsetsS);
    QCOMPARE(kinds(attempts), decisions);
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        QCOMPARE(attempts.at(i).number, int(i + 1));
        if (i + 1 < attempts.size())
            QCOMPARE(attempts.at(i + 1).startMs, attempts.at(i).decision.nextAttemptAtMs);
    }
}

void TestPolicySimulator::fullJitterScheduleUsesEachDraw()
{
    // Full jitter: wait n = u_n × min(2 h, 5 s × 2^n).
    ScriptedRandomSource random({0.0, 1.0 / 2.0, 1.0 / 4.0, 1.0 / 8.0});
    SimulationInput input;
    input.startMs = kStart;
    input.repeatLastOutcome = true;
    RetryPolicy policy = retrypresets::defaultPolicy();
    policy.maxAttempts = 5;
    const auto attempts = simulatePolicy(policy, RateLimitHeaderSpec(),
                                         {AttemptOutcome::response(500)}, input, random);
    QCOMPARE(attempts.size(), 5);
    QList<qint64> waits;
    for (const SimulatedAttempt &attempt : attempts)
        waits.append(attempt.decision.waitMs);
    // 0 × 5 s, 0.5 × 10 s, 0.25 × 20 s, 0.125 × 40 s, then dead (no wait).
    QCOMPARE(waits, (QList<qint64>{0, 5'000, 5'000, 5'000, 0}));
    QCOMPARE(attempts.last().decision.kind, DecisionKind::Dead);
}

void TestPolicySimulator::countsAttemptDurations()
{
    ScriptedRandomSource random({0.5});
    SimulationInput input;
    input.startMs = kStart;
    input.durationMs = 30'000; // each attempt times out after 30 s
    input.repeatLastOutcome = true;
    RetryPolicy policy = retrypresets::standardWebhooks();
    policy.maxAttempts = 3;
    const auto attempts = simulatePolicy(policy, RateLimitHeaderSpec(),
                                         {AttemptOutcome::failure(TransportError::Timeout)}, input,
                                         random);
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(0).endMs - kStart, 30'000);
    QCOMPARE(attempts.at(1).startMs - kStart, 35'000);                    // end + 5 s
    QCOMPARE(attempts.at(2).startMs - kStart, 35'000 + 30'000 + 300'000); // end + 5 min
    QCOMPARE(attempts.at(2).decision.reason,
             u"timeout, attempt 3 of 3: retries exhausted, dead-lettered"_s);
}

QTEST_GUILESS_MAIN(TestPolicySimulator)
#include "tst_policysimulator.moc"
