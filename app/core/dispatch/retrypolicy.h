// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/randomsource.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace wb::core {

// A named, configurable retry schedule: how long to wait before each retry of a delivery, and
// when to give up (dead-letter). A value type; no thread affinity. All durations are ms.
//
// The wait before retry n (n = 0 for the first retry, i.e. after attempt 1 failed) is computed in
// this order:
//   1. scheduled = Exponential: min(cap, base × factor^n)   Schedule: schedule[min(n, size-1)]
//   2. after a 429 or a timeout ("overload"): scheduled = max(scheduled, overloadFloorMs)
//   3. Retry-After in ClampToSchedule mode: scheduled = clamp(retryAfter, scheduled, 2 × scheduled)
//   4. jitter: Full: uniform[0, scheduled)   Proportional: scheduled × uniform[1-f, 1+f)
//              Additive: scheduled + uniform[0, jitterMaxMs)   None: scheduled
//   5. Retry-After in LowerBound mode: wait = max(wait, retryAfter)
// A rate-limit reset (remaining 0) is a further lower bound applied by RetryDecider.
// A delivery is dead when attempt `maxAttempts` fails or when the next attempt would start more
// than `maxAgeMs` after the delivery was created.
struct RetryPolicy
{
    enum class Backoff { Exponential, Schedule };
    enum class Jitter { Full, Proportional, Additive, None };
    enum class RetryAfterMode {
        LowerBound,      // wait at least what Retry-After asks (capped at retryAfterCapMs)
        ClampToSchedule, // keep it within [scheduled, 2 × scheduled] (Svix)
    };

    QString name = QStringLiteral("default");
    Backoff backoff = Backoff::Exponential;
    qint64 baseMs = 5'000;        // Exponential: the first retry's upper bound
    double factor = 2.0;          // Exponential: growth per retry, >= 1
    qint64 capMs = 2 * 3'600'000; // Exponential: the largest scheduled wait
    QList<qint64> scheduleMs;     // Schedule: the wait before each retry
    Jitter jitter = Jitter::Full;
    double jitterFraction = 0.0;      // Proportional: f in [0, 1]
    qint64 jitterMaxMs = 0;           // Additive
    int maxAttempts = 15;             // attempts in all, the first one included
    qint64 maxAgeMs = 24 * 3'600'000; // 0 = no age limit
    RetryAfterMode retryAfterMode = RetryAfterMode::LowerBound;
    qint64 retryAfterCapMs = 24 * 3'600'000;
    qint64 overloadFloorMs = 0; // least wait after a 429 or a timeout

    // Checks every member; "retry_policy.invalid" naming the member and value.
    Result<void> validate() const;

    // The wait before retry `retryIndex` (0-based), following steps 1–5 above. `retryAfterMs` is a
    // valid, already capped Retry-After. Draws one value from `random` unless jitter is None.
    struct Wait
    {
        qint64 beforeRetryAfterMs = 0;  // after steps 1–2
        qint64 scheduledMs = 0;         // after steps 1–3
        qint64 waitMs = 0;              // after steps 4–5
        bool retryAfterApplied = false; // step 3 or 5 changed the wait
        bool floorApplied = false;      // step 2 raised it
    };
    Wait computeWait(int retryIndex, bool overload, std::optional<qint64> retryAfterMs,
                     RandomSource &random) const;

    // The scheduled wait (step 1 only), for display.
    qint64 scheduledWaitMs(int retryIndex) const;

    // JSON form (retry policies are stored as JSON so that a connection can override one).
    // Keys: "name", "basedOn" (a preset to start from: only the keys given then change it),
    // "backoff" ("exponential" | "schedule"), "baseMs", "factor", "capMs", "scheduleMs" (array),
    // "jitter" ("full" | "proportional" | "additive" | "none"), "jitterFraction", "jitterMaxMs",
    // "maxAttempts", "maxAgeMs", "retryAfter" ("lower_bound" | "clamp_to_schedule"),
    // "retryAfterCapMs", "overloadFloorMs". Durations are integers in ms.
    // Errors: "retry_policy.not_json", "retry_policy.unknown_key", "retry_policy.invalid",
    // "retry_policy.unknown_preset"; messages name `origin` (a file, "connection 12"), the key and
    // the value. A policy that fails is never partly applied.
    static Result<RetryPolicy> fromJson(const QByteArray &json, const QString &origin);
    static Result<RetryPolicy> fromJsonObject(const QJsonObject &json, const QString &origin);
    QJsonObject toJsonObject() const;
    QByteArray toJson() const; // indented, all keys

    bool operator==(const RetryPolicy &other) const = default;
};

QString backoffName(RetryPolicy::Backoff backoff);
QString jitterName(RetryPolicy::Jitter jitter);
QString retryAfterModeName(RetryPolicy::RetryAfterMode mode);

} // namespace wb::core
