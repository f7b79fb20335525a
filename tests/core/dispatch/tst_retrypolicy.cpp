// SPDX-License-Identifier: GPL-3.0-or-later
// Retry policy: backoff schedules, jitter, Retry-After modes, presets and the JSON form.
#include "core/dispatch/retrypolicy.h"
#include "core/dispatch/retrypolicypresets.h"

#include <QJsonDocument>
#include <QTest>

using namespace wb::core;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kNoRetryAfter = -1;

RetryPolicy preset(const QString &name)
{
    auto policy = retrypresets::byName(name);
    Q_ASSERT(policy);
    return *policy;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scheduledWaits_data();
    void scheduledWaits();
    void computesWaits_data();
    void computesWaits();
    void drawsOneRandomValuePerWait();
    void presetSchedulesMatchPublishedTotals_data();
    void presetSchedulesMatchPublishedTotals();
    void presetsAreValid();
    void presetsRoundTripThroughJson();
    void connectionOverridesAPreset_data();
    void connectionOverridesAPreset();
    void rejectsBadJson_data();
    void rejectsBadJson();
    void validatesProgrammaticPolicies_data();
    void validatesProgrammaticPolicies();
};

void TestRetryPolicy::scheduledWaits_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("retryIndex");
    QTest::addColumn<qint64>("expected");

    // default: min(2 h, 5 s × 2^n)
    QTest::newRow("default-first-retry") << u"default"_s << 0 << 5 * kSecond;
    QTest::newRow("default-second-retry") << u"default"_s << 1 << 10 * kSecond;
    QTest::newRow("default-tenth-retry") << u"default"_s << 9 << 2'560 * kSecond;
    QTest::newRow("default-eleventh-retry") << u"default"_s << 10 << 5'120 * kSecond;
    QTest::newRow("default-capped") << u"default"_s << 11 << 2 * kHour;
    QTest::newRow("default-huge-index-stays-capped") << u"default"_s << 100'000 << 2 * kHour;
    QTest::newRow("svix-first") << u"svix"_s << 0 << 5 * kSecond;
    QTest::newRow("svix-fourth") << u"svix"_s << 3 << 2 * kHour;
    QTest::newRow("svix-last") << u"svix"_s << 6 << 10 * kHour;
    QTest::newRow("svix-past-the-list-repeats-last") << u"svix"_s << 9 << 10 * kHour;
    QTest::newRow("standard-webhooks-first") << u"standard-webhooks"_s << 0 << 5 * kSecond;
    QTest::newRow("standard-webhooks-eighth") << u"standard-webhooks"_s << 7 << 20 * kHour;
    QTest::newRow("standard-webhooks-last") << u"standard-webhooks"_s << 8 << 24 * kHour;
    QTest::newRow("convoy-third") << u"convoy-exponential"_s << 2 << 40 * kSecond;
    QTest::newRow("convoy-capped") << u"convoy-exponential"_s << 10 << 7'200 * kSecond;
}

void TestRetryPolicy::scheduledWaits()
{
    QFETCH(QString, policy);
    QFETCH(int, retryIndex);
    QFETCH(qint64, expected);
    QCOMPARE(preset(policy).scheduledWaitMs(retryIndex), expected);
}

void TestRetryPolicy::computesWaits_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("retryIndex");
    QTest::addColumn<bool>("overload");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("scheduledMs");
    QTest::addColumn<qint64>("waitMs");
    QTest::addColumn<bool>("retryAfterApplied");
    QTest::addColumn<bool>("floorApplied");

    // Full jitter: uniform[0, scheduled).
    QTest::newRow("full-jitter-middle") << u"default"_s << 3 << false << kNoRetryAfter << 0.5
                                        << 40 * kSecond << 20 * kSecond << false << false;
    QTest::newRow("full-jitter-zero") << u"default"_s << 3 << false << kNoRetryAfter << 0.0
                                      << 40 * kSecond << 0ll << false << false;
    QTest::newRow("full-jitter-top") << u"default"_s << 0 << false << kNoRetryAfter << 0.999
                                     << 5 * kSecond << 4'995ll << false << false;
    QTest::newRow("full-jitter-capped") << u"default"_s << 12 << false << kNoRetryAfter << 0.25
                                        << 2 * kHour << 30 * kMinute << false << false;
    // Retry-After as a lower bound (default policy).
    QTest::newRow("retry-after-above-backoff") << u"default"_s << 0 << true << 120 * kSecond << 0.5
                                               << 5 * kSecond << 120 * kSecond << true << false;
    QTest::newRow("retry-after-below-backoff") << u"default"_s << 5 << true << 10 * kSecond << 0.5
                                               << 160 * kSecond << 80 * kSecond << false << false;
    // Svix: ±20 % of the schedule, at least 60 s after a 429/timeout, Retry-After within
    // [scheduled, 2 × scheduled].
    QTest::newRow("svix-jitter-low") << u"svix"_s << 1 << false << kNoRetryAfter << 0.0
                                     << 5 * kMinute << 4 * kMinute << false << false;
    QTest::newRow("svix-jitter-high") << u"svix"_s << 1 << false << kNoRetryAfter << 0.75
                                      << 5 * kMinute << 330 * kSecond << false << false;
    QTest::newRow("svix-overload-floor") << u"svix"_s << 0 << true << kNoRetryAfter << 0.5
                                         << 60 * kSecond << 60 * kSecond << false << true;
    QTest::newRow("svix-overload-floor-below-schedule")
            << u"svix"_s << 1 << true << kNoRetryAfter << 0.5 << 5 * kMinute << 5 * kMinute << false
            << false;
    QTest::newRow("svix-retry-after-clamped-to-twice")
            << u"svix"_s << 2 << false << 10 * kHour << 0.5 << 60 * kMinute << 60 * kMinute << true
            << false;
    QTest::newRow("svix-retry-after-inside-range") << u"svix"_s << 2 << false << 45 * kMinute << 0.5
                                                   << 45 * kMinute << 45 * kMinute << true << false;
    QTest::newRow("svix-retry-after-below-schedule")
            << u"svix"_s << 2 << false << 1 * kSecond << 0.5 << 30 * kMinute << 30 * kMinute
            << false << false;
    QTest::newRow("svix-retry-after-after-floor") << u"svix"_s << 0 << true << 90 * kSecond << 0.0
                                                  << 90 * kSecond << 72 * kSecond << true << true;
    // Standard Webhooks: the published instants, no jitter.
    QTest::newRow("standard-webhooks-exact")
            << u"standard-webhooks"_s << 4 << false << kNoRetryAfter << 0.9 << 5 * kHour
            << 5 * kHour << false << false;
    // Convoy: + uniform[0, 5 s).
    QTest::newRow("convoy-additive") << u"convoy-exponential"_s << 1 << false << kNoRetryAfter
                                     << 0.5 << 20 * kSecond << 22'500ll << false << false;
}

void TestRetryPolicy::computesWaits()
{
    QFETCH(QString, policy);
    QFETCH(int, retryIndex);
    QFETCH(bool, overload);
    QFETCH(qint64, retryAfterMs);
    QFETCH(double, random);
    QFETCH(qint64, scheduledMs);
    QFETCH(qint64, waitMs);
    QFETCH(bool, retryAfterApplied);
    QFETCH(bool, floorApplied);

    ScriptedRandomSource source({random});
    const auto wait = preset(policy).computeWait(retryIndex, overload,
                                                 retryAfterMs == kNoRetryAfter
                                                         ? std::nullopt
                                                         : std::optional<qint64>(retryAfterMs),
                                                 source);
    QCOMPARE(wait.scheduledMs, scheduledMs);
    QCOMPARE(wait.waitMs, waitMs);
    QCOMPARE(wait.retryAfterApplied, retryAfterApplied);
    QCOMPARE(wait.floorApplied, floorApplied);
}

void TestRetryPolicy::drawsOneRandomValuePerWait()
{
    // Consecutive waits consume consecutive values: a wait uses exactly one draw.
    ScriptedRandomSource source({0.1, 0.9});
    const RetryPolicy policy = retrypresets::defaultPolicy();
    QCOMPARE(policy.computeWait(1, false, std::nullopt, source).waitMs, 1'000);
    QCOMPARE(policy.computeWait(1, false, std::nullopt, source).waitMs, 9'000);
    QCOMPARE(policy.computeWait(1, false, std::nullopt, source).waitMs, 1'000);
}

void TestRetryPolicy::presetSchedulesMatchPublishedTotals_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("totalMs");
    // RETRY_POLICIES.md: Svix about 27.6 h; the Standard Webhooks table ends at 75:35:05.
    QTest::newRow("svix") << u"svix"_s << 8 << (27 * kHour + 35 * kMinute + 5 * kSecond);
    QTest::newRow("standard-webhooks")
            << u"standard-webhooks"_s << 10 << (75 * kHour + 35 * kMinute + 5 * kSecond);
}

void TestRetryPolicy::presetSchedulesMatchPublishedTotals()
{
    QFETCH(QString, policy);
    QFETCH(int, attempts);
    QFETCH(qint64, totalMs);
    const RetryPolicy p = preset(policy);
    QCOMPARE(p.maxAttempts, attempts);
    qint64 total = 0;
    for (int n = 0; n < p.maxAttempts - 1; ++n)
        total += p.scheduledWaitMs(n);
    QCOMPARE(total, totalMs);
}

void TestRetryPolicy::presetsAreValid()
{
    QCOMPARE(retrypresets::names(), (QStringList{u"default"_s, u"svix"_s, u"standard-webhooks"_s,
                                                 u"convoy-exponential"_s}));
    for (const QString &name : retrypresets::names()) {
        const RetryPolicy policy = preset(name);
        QCOMPARE(policy.name, name);
        QVERIFY2(policy.validate().has_value(), qPrintable(name));
    }
    const auto unknown = retrypresets::byName(u"hourly"_s);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, u"retry_policy.unknown_preset"_s);
    QCOMPARE(unknown.error().message,
             u"unknown retry policy preset \"hourly\" (known: default, svix, standard-webhooks, "
             u"convoy-exponential)"_s);
}

void TestRetryPolicy::presetsRoundTripThroughJson()
{
    for (const QString &name : retrypresets::names()) {
        const RetryPolicy policy = preset(name);
        const auto back = RetryPolicy::fromJson(policy.toJson(), u"round trip"_s);
        QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
        QVERIFY2(*back == policy, qPrintable(name));
        QCOMPARE(back->toJson(), policy.toJson());
    }
}

void TestRetryPolicy::connectionOverridesAPreset_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<QString>("jitter");
    QTest::addColumn<qint64>("firstWait");

    QTest::newRow("svix-with-fewer-attempts") << R"({"basedOn":"svix","maxAttempts":5})"_ba
                                              << u"svix"_s << 5 << u"proportional"_s << 5 * kSecond;
    QTest::newRow("standard-webhooks-with-jitter")
            << R"({"basedOn":"standard-webhooks","name":"sw-jittered","jitter":"proportional","jitterFraction":0.1})"_ba
            << u"sw-jittered"_s << 10 << u"proportional"_s << 5 * kSecond;
    QTest::newRow("own-schedule-sets-attempts")
            << R"({"name":"quick","backoff":"schedule","scheduleMs":[1000,2000,4000],"jitter":"none"})"_ba
            << u"quick"_s << 4 << u"none"_s << 1 * kSecond;
    QTest::newRow("default-with-slower-base")
            << R"({"basedOn":"default","baseMs":30000,"capMs":3600000})"_ba << u"default"_s << 15
            << u"full"_s << 30 * kSecond;
}

void TestRetryPolicy::connectionOverridesAPreset()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, name);
    QFETCH(int, maxAttempts);
    QFETCH(QString, jitter);
    QFETCH(qint64, firstWait);
    const auto policy = RetryPolicy::fromJson(json, u"connection 12"_s);
    QVERIFY2(policy.has_value(), policy ? "" : qPrintable(policy.error().message));
    QCOMPARE(policy->name, name);
    QCOMPARE(policy->maxAttempts, maxAttempts);
    QCOMPARE(jitterName(policy->jitter), jitter);
    QCOMPARE(policy->scheduledWaitMs(0), firstWait);
}

void TestRetryPolicy::rejectsBadJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("not-json") << "{maxAttempts: 3}"_ba << u"retry_policy.not_json"_s
                              << u"connection 12: retry policy is not valid JSON: unterminated "
                                 u"object at offset 2"_s;
    QTest::newRow("array") << "[1,2]"_ba << u"retry_policy.not_json"_s
                           << u"connection 12: retry policy must be a JSON object"_s;
    QTest::newRow("unknown-key")
            << R"({"maxAttempt":3})"_ba << u"retry_policy.unknown_key"_s
            << u"connection 12: retry policy has an unknown key \"maxAttempt\" "
               u"(known: name, basedOn, backoff, baseMs, factor, capMs, "
               u"scheduleMs, jitter, jitterFraction, jitterMaxMs, maxAttempts, "
               u"maxAgeMs, retryAfter, retryAfterCapMs, overloadFloorMs)"_s;
    QTest::newRow("unknown-preset")
            << R"({"basedOn":"aws"})"_ba << u"retry_policy.unknown_preset"_s
            << u"connection 12: unknown retry policy preset \"aws\" (known: "
               u"default, svix, standard-webhooks, convoy-exponential)"_s;
    QTest::newRow("bad-jitter") << R"({"jitter":"decorrelated"})"_ba << u"retry_policy.invalid"_s
                                << u"connection 12: retry policy \"jitter\" must be one of full, "
                                   u"proportional, additive, none (got \"decorrelated\")"_s;
    QTest::newRow("fractional-ms")
            << R"({"baseMs":1.5})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"baseMs\" must be a whole number "
               u"(got 1.5)"_s;
    QTest::newRow("ms-as-string")
            << R"({"capMs":"2h"})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"capMs\" must be a whole number "
               u"(got \"2h\")"_s;
    QTest::newRow("zero-attempts")
            << R"({"maxAttempts":0})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"maxAttempts\" must be between 1 "
               u"and 1000 (got 0)"_s;
    QTest::newRow("factor-below-one")
            << R"({"factor":0.5})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"default\": \"factor\" must be "
               u"between 1 and 100 (got 0.5)"_s;
    QTest::newRow("cap-below-base")
            << R"({"baseMs":60000,"capMs":1000})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"default\": \"capMs\" must be "
               u"between 60000 and 31536000000 ms (got 1000)"_s;
    QTest::newRow("negative-max-age")
            << R"({"maxAgeMs":-1})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"default\": \"maxAgeMs\" must "
               u"be between 0 and 31536000000 ms (got -1)"_s;
    QTest::newRow("empty-schedule")
            << R"({"backoff":"schedule","scheduleMs":[]})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"default\": \"scheduleMs\" must "
               u"list at least one wait"_s;
    QTest::newRow("negative-in-schedule")
            << R"({"backoff":"schedule","scheduleMs":[1000,-5]})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"scheduleMs\" must hold "
               u"whole, non-negative numbers of ms (got an array)"_s;
    QTest::newRow("jitter-fraction-above-one")
            << R"({"jitter":"proportional","jitterFraction":1.5})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"default\": \"jitterFraction\" must be between 0 and "
               u"1 "
               u"(got 1.5)"_s;
    QTest::newRow("retry-after-cap-too-small")
            << R"({"retryAfterCapMs":10})"_ba << u"retry_policy.invalid"_s
            << u"connection 12: retry policy \"default\": "
               u"\"retryAfterCapMs\" must be between 1000 and "
               u"31536000000 ms (got 10)"_s;
    QTest::newRow("empty-name") << R"({"name":" "})"_ba << u"retry_policy.invalid"_s
                                << u"connection 12: a retry policy needs a name of 1 to 64 "
                                   u"characters"_s;
}

void TestRetryPolicy::rejectsBadJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto policy = RetryPolicy::fromJson(json, u"connection 12"_s);
    QVERIFY(!policy.has_value());
    QCOMPARE(policy.error().code, code);
    QCOMPARE(policy.error().message, message);
}

void TestRetryPolicy::validatesProgrammaticPolicies_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<qint64>("baseMs");
    QTest::addColumn<bool>("valid");
    QTest::newRow("defaults") << 15 << 5'000ll << true;
    QTest::newRow("one-attempt-no-retries") << 1 << 5'000ll << true;
    QTest::newRow("zero-base") << 15 << 0ll << false;
    QTest::newRow("too-many-attempts") << 1001 << 5'000ll << false;
}

void TestRetryPolicy::validatesProgrammaticPolicies()
{
    QFETCH(int, maxAttempts);
    QFETCH(qint64, baseMs);
    QFETCH(bool, valid);
    RetryPolicy policy;
    policy.maxAttempts = maxAttempts;
    policy.baseMs = baseMs;
    const auto result = policy.validate();
    QCOMPARE(result.has_value(), valid);
    if (!valid)
        QCOMPARE(result.error().code, u"retry_policy.invalid"_s);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
