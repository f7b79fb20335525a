// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/timeline/timelinequery.h"

#include <QList>
#include <QString>

namespace wb::test {

// GENERATED SCENARIO DATA for tests, the timeline benchmark and screenshots — never real attempts
// and never wired into the shipped GUI. It simulates a small dispatcher (a queue, a token bucket,
// a retry policy) against external systems that behave like the providers in
// /work/shared/providers/FACTS.md, so the plots look like what an engineer would triage:
//
//   "Acme Corp · Jira"          Jira-style fixed-window limit (150 requests per 120 s, reported
//                               as X-RateLimit-Limit/-Remaining); our bucket lets more through,
//                               so bursts hit 429 + Retry-After (seconds to the window's reset,
//                               up to 120 s) and the connection is held until then.
//   "Globex Inc · Salesforce"   a 5xx storm (503 + timeouts) for 12 minutes of every hour;
//                               exponential backoff with full jitter (5 s × 2^n, cap 10 min),
//                               8 attempts, then dead-letter; Sforce-Limit-Info style daily
//                               remaining slowly falling.
//   "Initech · GitHub"          healthy: 2xx, x-ratelimit-remaining out of 5000 per hour, a rare
//                               timeout retried once.
//   "Umbrella · PagerDuty"      429 without Retry-After but with ratelimit-reset (PagerDuty
//                               REST): the engine pauses the connection until the reset
//                               (a rate-limit pause); a small token bucket paces the queue.
//
// Deterministic for a given seed.
struct TimelineScenarioOptions
{
    qint64 startMs = 0; // UTC ms
    qint64 endMs = 0;   // UTC ms
    quint32 seed = 1;
    // Multiplies every connection's inbound rate (0.1 for sparse screenshots, > 1 for load).
    double rateScale = 1.0;
    // Copies of the tenant set, each with its own tenant and connection ids ("Acme Corp 2 · Jira"),
    // to reach large attempt counts for the benchmark.
    int tenantCopies = 1;
    // Limits the scenario to these connection kinds ("jira", "salesforce", "github", "pagerduty");
    // empty: all of them.
    QStringList kinds;
};

class TimelineScenarioGenerator final
{
public:
    // Attempts sorted by startedMs and inbound rates sorted by second.
    static models::TimelineData generate(const TimelineScenarioOptions &options);
    static QStringList kinds();
};

} // namespace wb::test
