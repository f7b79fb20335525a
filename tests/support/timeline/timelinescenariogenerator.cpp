// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/timeline/timelinescenariogenerator.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <deque>
#include <queue>

using namespace Qt::StringLiterals;
using wb::models::AttemptDecision;
using wb::models::AttemptSample;
using wb::models::InboundRateSample;
using wb::models::TimelineData;
using wb::models::WaitCause;

namespace wb::test {

namespace {

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;

// How one simulated connection and the external system behind it behave.
struct Profile
{
    QString kind;
    QString tenantSlug;
    QString tenantLabel;
    QString providerLabel;
    // Inbound events per second, with a spike of `spikeRate` for `spikeMs` every `spikeEveryMs`.
    double baseRate = 1;
    double spikeRate = 0;
    qint64 spikeEveryMs = 0;
    qint64 spikeMs = 0;
    qint64 spikeOffsetMs = 0;
    // Our side: workers, token bucket, retry policy.
    int concurrency = 1;
    double bucketPerSecond = 10;
    double bucketCapacity = 20;
    int maxAttempts = 8;
    qint64 backoffBaseMs = 5 * second;
    qint64 backoffCapMs = 10 * minute;
    // The external system: a fixed-window limit, its 429 style, latency and failures.
    int windowLimit = 1000;
    qint64 windowMs = minute;
    int windowStartUsed = 0;     // requests other clients used at the start of each window
    bool retryAfterOn429 = true; // else only a reset header: the engine pauses until the reset
    qint64 latencyMinMs = 100;
    qint64 latencyMaxMs = 400;
    qint64 timeoutMs = 10 * second;
    double timeoutRate = 0.002;
    double clientErrorRate = 0.002;
    // A 5xx storm for `stormMs` every `stormEveryMs` (from `stormOffsetMs` into each period).
    qint64 stormEveryMs = 0;
    qint64 stormOffsetMs = 0;
    qint64 stormMs = 0;
    double stormServerErrorRate = 0;
    double stormTimeoutRate = 0;
};

QList<Profile> profiles()
{
    Profile jira;
    jira.kind = u"jira"_s;
    jira.tenantSlug = u"acme"_s;
    jira.tenantLabel = u"Acme Corp"_s;
    jira.providerLabel = u"Jira"_s;
    jira.baseRate = 0.9;
    jira.spikeRate = 4.0;
    jira.spikeEveryMs = 15 * minute;
    jira.spikeMs = 3 * minute;
    jira.spikeOffsetMs = 4 * minute;
    jira.concurrency = 2;
    jira.bucketPerSecond = 2.5;
    jira.bucketCapacity = 30;
    jira.maxAttempts = 10;
    jira.windowLimit = 150;
    jira.windowMs = 2 * minute;
    jira.latencyMinMs = 120;
    jira.latencyMaxMs = 450;

    Profile salesforce;
    salesforce.kind = u"salesforce"_s;
    salesforce.tenantSlug = u"globex"_s;
    salesforce.tenantLabel = u"Globex Inc"_s;
    salesforce.providerLabel = u"Salesforce"_s;
    salesforce.baseRate = 0.6;
    salesforce.spikeRate = 1.5;
    salesforce.spikeEveryMs = 20 * minute;
    salesforce.spikeMs = minute;
    salesforce.concurrency = 4;
    salesforce.bucketPerSecond = 5;
    salesforce.bucketCapacity = 25;
    salesforce.maxAttempts = 8;
    salesforce.windowLimit = 15000;
    salesforce.windowMs = 24 * 60 * minute;
    salesforce.windowStartUsed = 6000;
    salesforce.latencyMinMs = 200;
    salesforce.latencyMaxMs = 700;
    salesforce.stormEveryMs = 60 * minute;
    salesforce.stormOffsetMs = 20 * minute;
    salesforce.stormMs = 12 * minute;
    salesforce.stormServerErrorRate = 0.8;
    salesforce.stormTimeoutRate = 0.1;

    Profile github;
    github.kind = u"github"_s;
    github.tenantSlug = u"initech"_s;
    github.tenantLabel = u"Initech"_s;
    github.providerLabel = u"GitHub"_s;
    github.baseRate = 0.4;
    github.concurrency = 2;
    github.bucketPerSecond = 10;
    github.bucketCapacity = 50;
    github.maxAttempts = 5;
    github.windowLimit = 5000;
    github.windowMs = 60 * minute;
    github.windowStartUsed = 800;
    github.latencyMinMs = 90;
    github.latencyMaxMs = 300;
    github.timeoutRate = 0.004;

    Profile pagerduty;
    pagerduty.kind = u"pagerduty"_s;
    pagerduty.tenantSlug = u"umbrella"_s;
    pagerduty.tenantLabel = u"Umbrella"_s;
    pagerduty.providerLabel = u"PagerDuty"_s;
    pagerduty.baseRate = 0.7;
    pagerduty.spikeRate = 3.0;
    pagerduty.spikeEveryMs = 10 * minute;
    pagerduty.spikeMs = 2 * minute;
    pagerduty.spikeOffsetMs = 7 * minute;
    pagerduty.concurrency = 1;
    pagerduty.bucketPerSecond = 1.5;
    pagerduty.bucketCapacity = 10;
    pagerduty.maxAttempts = 6;
    pagerduty.windowLimit = 60;
    pagerduty.windowMs = minute;
    pagerduty.retryAfterOn429 = false;
    pagerduty.latencyMinMs = 80;
    pagerduty.latencyMaxMs = 250;
    return {jira, salesforce, github, pagerduty};
}

bool inPeriod(qint64 ms, qint64 every, qint64 offset, qint64 length)
{
    if (every <= 0 || length <= 0)
        return false;
    const qint64 phase = ((ms - offset) % every + every) % every;
    return phase < length;
}

int poisson(QRandomGenerator &random, double lambda)
{
    if (lambda <= 0)
        return 0;
    const double limit = std::exp(-lambda);
    int k = 0;
    double p = 1;
    do {
        ++k;
        p *= random.generateDouble();
    } while (p > limit);
    return k - 1;
}

QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"HH:mm:ss'Z'"_s);
}

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? u"%1 s"_s.arg(ms / 1000) : u"%1 s"_s.arg(double(ms) / 1000, 0, 'f', 1);
}

struct Pending
{
    qint64 readyMs = 0;
    qint64 delivery = 0;
    int attempt = 1;
    bool operator>(const Pending &other) const { return readyMs > other.readyMs; }
};

class ConnectionSimulation
{
public:
    ConnectionSimulation(const Profile &profile, int index, int copy,
                         const TimelineScenarioOptions &options, TimelineData &out)
        : m_profile(profile)
        , m_options(options)
        , m_out(out)
        , m_random(options.seed * 7919u + quint32(copy) * 104729u + quint32(index) * 131u)
    {
        const QString suffix = copy > 1 ? QString::number(copy) : QString();
        m_tenantId = u"tenant-"_s + profile.tenantSlug + suffix;
        m_tenantLabel = copy > 1 ? profile.tenantLabel + u' ' + suffix : profile.tenantLabel;
        m_connectionId = u"conn-"_s + profile.tenantSlug + suffix + u'-' + profile.kind;
        m_connectionLabel = m_tenantLabel + u" · "_s + profile.providerLabel;
        m_deliveryPrefix = profile.tenantSlug + suffix + u'-' + profile.kind + u'-';
    }

    void run()
    {
        generateArrivals();
        dispatch();
    }

private:
    void generateArrivals()
    {
        const Profile &p = m_profile;
        for (qint64 at = m_options.startMs - m_options.startMs % second; at < m_options.endMs;
             at += second) {
            const bool spike = inPeriod(at, p.spikeEveryMs, p.spikeOffsetMs, p.spikeMs);
            const double rate = (spike ? p.spikeRate : p.baseRate) * m_options.rateScale;
            const int count = poisson(m_random, rate);
            if (count == 0)
                continue;
            m_out.inbound.append({m_connectionId, at, count});
            for (int i = 0; i < count; ++i) {
                const qint64 ready = at + qint64(m_random.bounded(1000));
                if (ready >= m_options.startMs)
                    m_future.push({ready, m_nextDelivery++, 1});
            }
        }
    }

    void dispatch()
    {
        QList<qint64> workers(qMax(1, m_profile.concurrency), m_options.startMs);
        m_tokens = m_profile.bucketCapacity;
        m_tokensAtMs = m_options.startMs;
        while (!m_ready.empty() || !m_future.empty()) {
            const qint64 candidate = m_ready.empty() ? m_future.top().readyMs
                                                     : m_ready.front().readyMs;
            auto worker = std::min_element(workers.begin(), workers.end());
            qint64 at = std::max({candidate, *worker, m_holdUntilMs});
            refill(at);
            if (m_tokens < 1) {
                at += qint64(std::ceil((1 - m_tokens) / m_profile.bucketPerSecond * 1000));
                refill(at);
            }
            if (at >= m_options.endMs)
                break;
            while (!m_future.empty() && m_future.top().readyMs <= at) {
                m_ready.push_back(m_future.top());
                m_future.pop();
            }
            const Pending item = m_ready.front();
            m_ready.pop_front();
            AttemptSample sample = attempt(item, at);
            sample.queueDepth = int(m_ready.size());
            sample.bucketLevel = std::floor(m_tokens * 10) / 10;
            m_tokens -= 1;
            *worker = sample.finishedMs;
            m_out.attempts.append(std::move(sample));
        }
    }

    void refill(qint64 at)
    {
        m_tokens = std::min(m_profile.bucketCapacity,
                            m_tokens + double(at - m_tokensAtMs) / 1000 * m_profile.bucketPerSecond);
        m_tokensAtMs = at;
    }

    AttemptSample attempt(const Pending &item, qint64 at)
    {
        const Profile &p = m_profile;
        AttemptSample sample;
        sample.connectionId = m_connectionId;
        sample.connectionLabel = m_connectionLabel;
        sample.tenantId = m_tenantId;
        sample.tenantLabel = m_tenantLabel;
        sample.deliveryId = m_deliveryPrefix + u"%1"_s.arg(item.delivery, 6, 10, QChar(u'0'));
        sample.attemptNumber = item.attempt;
        sample.startedMs = at;
        const qint64 latency = p.latencyMinMs
                               + qint64(m_random.bounded(int(p.latencyMaxMs - p.latencyMinMs + 1)));

        // The external system's fixed window.
        const qint64 window = at / p.windowMs;
        if (window != m_window) {
            m_window = window;
            m_windowUsed = p.windowStartUsed;
        }
        const qint64 resetInMs = (window + 1) * p.windowMs - at;
        sample.rateLimitLimit = p.windowLimit;
        if (m_windowUsed >= p.windowLimit) {
            sample.finishedMs = at + latency / 2;
            sample.httpStatus = 429;
            sample.rateLimitRemaining = 0;
            const qint64 wait = (resetInMs + second - 1) / second * second;
            sample.decision = AttemptDecision::RateLimited;
            sample.waitMs = wait;
            m_holdUntilMs = sample.finishedMs + wait;
            if (p.retryAfterOn429) {
                sample.waitCause = WaitCause::RetryAfter;
                sample.retryAfter = QByteArray::number(wait / second);
                sample.reason = u"429, Retry-After %1, connection held until %2"_s
                                        .arg(seconds(wait), utcTime(m_holdUntilMs));
            } else {
                sample.waitCause = WaitCause::RateLimitPause;
                sample.reason = u"429, ratelimit-reset %1, connection paused until %2"_s
                                        .arg(seconds(wait), utcTime(m_holdUntilMs));
            }
            m_future.push({sample.finishedMs + wait, item.delivery, item.attempt + 1});
            return sample;
        }
        ++m_windowUsed;
        sample.rateLimitRemaining = p.windowLimit - m_windowUsed;

        const bool storm = inPeriod(at, p.stormEveryMs, p.stormOffsetMs, p.stormMs);
        const double roll = m_random.generateDouble();
        const double timeoutRate = storm ? p.stormTimeoutRate : p.timeoutRate;
        const double serverErrorRate = storm ? p.stormServerErrorRate : 0.0;
        const double clientErrorRate = storm ? 0.0 : p.clientErrorRate;
        if (roll < timeoutRate) {
            sample.finishedMs = at + p.timeoutMs;
            sample.transportError = u"timeout"_s;
        } else if (roll < timeoutRate + serverErrorRate) {
            sample.finishedMs = at + latency / 3;
            sample.httpStatus = m_random.bounded(10) < 8 ? 503 : 502;
        } else if (roll < timeoutRate + serverErrorRate + clientErrorRate) {
            sample.finishedMs = at + latency;
            static constexpr int statuses[] = {400, 404, 422};
            sample.httpStatus = statuses[m_random.bounded(3)];
            sample.decision = AttemptDecision::Failed;
            sample.reason = u"%1, not retried"_s.arg(sample.httpStatus);
            return sample;
        } else {
            sample.finishedMs = at + latency;
            static constexpr int statuses[] = {200, 201, 204};
            sample.httpStatus = statuses[m_random.bounded(3)];
            sample.decision = AttemptDecision::Succeeded;
            sample.reason = QString::number(sample.httpStatus);
            return sample;
        }

        const QString what = sample.httpStatus == 0
                                     ? u"timeout after %1"_s.arg(seconds(p.timeoutMs))
                                     : QString::number(sample.httpStatus);
        if (item.attempt >= p.maxAttempts) {
            sample.decision = AttemptDecision::Dead;
            sample.reason = u"%1, attempt %2 of %3: dead-letter"_s.arg(what)
                                    .arg(item.attempt)
                                    .arg(p.maxAttempts);
            return sample;
        }
        // Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
        // Jitter"), at least one second.
        const double ceiling = double(
                std::min(p.backoffCapMs, p.backoffBaseMs << std::min(item.attempt - 1, 20)));
        const qint64 wait = std::max<qint64>(second, qint64(m_random.generateDouble() * ceiling));
        sample.decision = AttemptDecision::Retry;
        sample.waitMs = wait;
        sample.waitCause = WaitCause::Backoff;
        sample.reason = u"%1, backoff %2 (attempt %3 of %4)"_s.arg(what, seconds(wait))
                                .arg(item.attempt)
                                .arg(p.maxAttempts);
        m_future.push({sample.finishedMs + wait, item.delivery, item.attempt + 1});
        return sample;
    }

    const Profile &m_profile;
    const TimelineScenarioOptions &m_options;
    TimelineData &m_out;
    QRandomGenerator m_random;
    QString m_tenantId;
    QString m_tenantLabel;
    QString m_connectionId;
    QString m_connectionLabel;
    QString m_deliveryPrefix;
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> m_future;
    std::deque<Pending> m_ready;
    qint64 m_nextDelivery = 1;
    double m_tokens = 0;
    qint64 m_tokensAtMs = 0;
    qint64 m_holdUntilMs = 0;
    qint64 m_window = -1;
    int m_windowUsed = 0;
};

} // namespace

QStringList TimelineScenarioGenerator::kinds()
{
    QStringList names;
    for (const Profile &profile : profiles())
        names.append(profile.kind);
    return names;
}

TimelineData TimelineScenarioGenerator::generate(const TimelineScenarioOptions &options)
{
    TimelineData data;
    if (options.endMs <= options.startMs)
        return data;
    const QList<Profile> all = profiles();
    for (int copy = 1; copy <= qMax(1, options.tenantCopies); ++copy) {
        for (int index = 0; index < all.size(); ++index) {
            if (!options.kinds.isEmpty() && !options.kinds.contains(all.at(index).kind))
                continue;
            ConnectionSimulation(all.at(index), index, copy, options, data).run();
        }
    }
    std::stable_sort(data.attempts.begin(), data.attempts.end(),
                     [](const AttemptSample &a, const AttemptSample &b) {
                         return a.startedMs < b.startedMs;
                     });
    std::stable_sort(data.inbound.begin(), data.inbound.end(),
                     [](const InboundRateSample &a, const InboundRateSample &b) {
                         return a.secondStartMs < b.secondStartMs;
                     });
    return data;
}

} // namespace wb::test
