// SPDX-License-Identifier: GPL-3.0-or-later
// The decision after one attempt: exact kinds, waits and reasons, with the jitter scripted.
#include "core/dispatch/httpdate.h"
#include "core/dispatch/retrydecider.h"
#include "core/dispatch/retrypolicypresets.h"

#include <QDateTime>
#include <QTest>

using namespace wb::core;
using namespace Qt::StringLiterals;

namespace {

// "Now": Sunday 2025-03-02 14:00:10 UTC, when the response ends.
const qint64 kNow = QDateTime(QDate(2025, 3, 2), QTime(14, 0, 10), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

QByteArray epochSeconds(qint64 ms)
{
    return QByteArray::number(ms / 1000);
}

// One row's situation, built fluently so the table stays readable.
struct Row
{
    QString policy = u"default"_s;
    QString spec = u"generic"_s;
    AttemptOutcome outcome;
    int attempt = 1;
    qint64 createdAgoMs = 0;
    bool refreshable = false;
    bool refreshed = false;
    double random = 0.5;

    Row &with(QString p)
    {
        policy = std::move(p);
        return *this;
    }
    Row &headerSpec(QString s)
    {
        spec = std::move(s);
        return *this;
    }
    Row &attemptNumber(int n)
    {
        attempt = n;
        return *this;
    }
    Row &created(qint64 agoMs)
    {
        createdAgoMs = agoMs;
        return *this;
    }
    Row &token(bool canRefresh, bool alreadyRefreshed)
    {
        refreshable = canRefresh;
        refreshed = alreadyRefreshed;
        return *this;
    }
    Row &jitter(double u)
    {
        random = u;
        return *this;
    }
};

Row status(int code, HttpHeaders headers = {}, QByteArray body = {})
{
    Row row;
    row.outcome = AttemptOutcome::response(code, std::move(headers), std::move(body));
    return row;
}

Row transport(TransportError error)
{
    Row row;
    row.outcome = AttemptOutcome::failure(error, u"detail"_s);
    return row;
}

} // namespace

Q_DECLARE_METATYPE(Row)
Q_DECLARE_METATYPE(DecisionKind)

class TestRetryDecider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decides_data();
    void decides();
    void keepsParsedHeadersInTheDecision();
    void kindCodesAreStable();
};

void TestRetryDecider::decides_data()
{
    QTest::addColumn<Row>("row");
    QTest::addColumn<DecisionKind>("kind");
    QTest::addColumn<qint64>("waitMs");
    QTest::addColumn<QString>("reason");

    using K = DecisionKind;
    const QByteArray date = formatHttpDate(kNow);

    // Success and permanent outcomes.
    QTest::newRow("200-succeeds") << status(200) << K::Succeeded << 0ll << u"200"_s;
    QTest::newRow("204-with-rate-limit-headers")
            << status(204, {{"X-RateLimit-Limit", "100"}, {"X-RateLimit-Remaining", "99"}})
            << K::Succeeded << 0ll << u"204, limit 100, remaining 99"_s;
    QTest::newRow("301-fails-never-followed")
            << status(301, {{"Location", "https://new.example/hook"}}) << K::Failed << 0ll
            << u"301, redirects are not followed (Location: https://new.example/hook)"_s;
    QTest::newRow("308-fails-never-followed")
            << status(308) << K::Failed << 0ll << u"308, redirects are not followed"_s;
    QTest::newRow("400-fails") << status(400) << K::Failed << 0ll
                               << u"400, a client error is not retried"_s;
    QTest::newRow("404-fails") << status(404) << K::Failed << 0ll
                               << u"404, a client error is not retried"_s;
    QTest::newRow("422-fails") << status(422) << K::Failed << 0ll
                               << u"422, a client error is not retried"_s;
    QTest::newRow("501-fails") << status(501) << K::Failed << 0ll << u"501, not retried"_s;
    QTest::newRow("505-fails") << status(505) << K::Failed << 0ll << u"505, not retried"_s;
    QTest::newRow("410-disables-destination")
            << status(410) << K::DestinationDisabled << 0ll
            << u"410, the receiver is gone: destination disabled"_s;

    // 401: one token refresh, one retry.
    QTest::newRow("401-refreshes-token-once")
            << status(401).token(true, false) << K::RefreshAndRetry << 0ll
            << u"401, refreshing the access token, then one retry"_s;
    QTest::newRow("401-after-refresh-fails") << status(401).token(true, true) << K::Failed << 0ll
                                             << u"401, again after a token refresh: not retried"_s;
    QTest::newRow("401-without-token-fails") << status(401).token(false, false) << K::Failed << 0ll
                                             << u"401, no token to refresh: not retried"_s;

    // Transient: default policy, full jitter, u = 0.5 → half of min(2 h, 5 s × 2^n).
    QTest::newRow("503-retries-with-full-jitter")
            << status(503) << K::Retry << 2'500ll << u"503, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("500-third-attempt") << status(500).attemptNumber(3).jitter(0.25) << K::Retry
                                       << 5'000ll << u"500, backoff 5 s, retry at 14:00:15Z"_s;
    QTest::newRow("408-retries") << status(408) << K::Retry << 2'500ll
                                 << u"408, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("425-retries") << status(425) << K::Retry << 2'500ll
                                 << u"425, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("502-retries") << status(502) << K::Retry << 2'500ll
                                 << u"502, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("504-retries") << status(504) << K::Retry << 2'500ll
                                 << u"504, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("507-other-5xx-retries")
            << status(507) << K::Retry << 2'500ll << u"507, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("timeout-retries") << transport(TransportError::Timeout) << K::Retry << 2'500ll
                                     << u"timeout, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("connection-reset-retries")
            << transport(TransportError::ConnectionReset) << K::Retry << 2'500ll
            << u"connection_reset, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("connection-refused-retries")
            << transport(TransportError::ConnectionRefused) << K::Retry << 2'500ll
            << u"connection_refused, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("dns-failure-retries") << transport(TransportError::HostNotFound) << K::Retry
                                         << 2'500ll << u"dns, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("503-with-retry-after")
            << status(503, {{"Retry-After", "30"}}) << K::Retry << 30'000ll
            << u"503, Retry-After 30 s, retry at 14:00:40Z"_s;
    QTest::newRow("503-remaining-zero-waits-for-reset")
            << status(503, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "90"}})
            << K::Retry << 90'000ll
            << u"503, X-RateLimit-* remaining 0, quota resets in 1 min 30 s, retry at 14:01:40Z"_s;

    // 429 and every Retry-After form.
    QTest::newRow("429-retry-after-delay-seconds")
            << status(429, {{"Retry-After", "120"}}) << K::RateLimited << 120'000ll
            << u"429, Retry-After 120 s, parked until 14:02:10Z"_s;
    QTest::newRow("429-retry-after-http-date")
            << status(429, {{"Retry-After", formatHttpDate(kNow + 2 * kMinute)}}) << K::RateLimited
            << 120'000ll
            << u"429, Retry-After Sun, 02 Mar 2025 14:02:10 GMT (2 min), parked until 14:02:10Z"_s;
    QTest::newRow("429-retry-after-http-date-against-date-header")
            << status(429, {{"Date", formatHttpDate(kNow - kHour)},
                            {"Retry-After", formatHttpDate(kNow - kHour + 5 * kMinute)}})
            << K::RateLimited << 300'000ll
            << u"429, Retry-After Sun, 02 Mar 2025 13:05:10 GMT (5 min), parked until 14:05:10Z"_s;
    QTest::newRow("429-retry-after-rfc850")
            << status(429, {{"Retry-After", formatHttpDate(kNow + kMinute, HttpDateForm::Rfc850)}})
            << K::RateLimited << 60'000ll
            << u"429, Retry-After Sunday, 02-Mar-25 14:01:10 GMT (1 min), parked until 14:01:10Z"_s;
    QTest::newRow("429-retry-after-asctime")
            << status(429, {{"Retry-After", formatHttpDate(kNow + kMinute, HttpDateForm::Asctime)}})
            << K::RateLimited << 60'000ll
            << u"429, Retry-After Sun Mar  2 14:01:10 2025 (1 min), parked until 14:01:10Z"_s;
    QTest::newRow("429-retry-after-date-in-past")
            << status(429, {{"Date", date}, {"Retry-After", formatHttpDate(kNow - kMinute)}})
            << K::RateLimited << 2'500ll
            << u"429, Retry-After Sun, 02 Mar 2025 13:59:10 GMT (0 ms), backoff 2.5 s, parked "
               u"until "
               u"14:00:12Z"_s;
    QTest::newRow("429-retry-after-negative")
            << status(429, {{"Retry-After", "-5"}}) << K::RateLimited << 2'500ll
            << u"429, Retry-After \"-5\" is negative (ignored), backoff 2.5 s, parked until 14:00:12Z"_s;
    QTest::newRow("429-retry-after-with-fraction")
            << status(429, {{"Retry-After", "1.5"}}) << K::RateLimited << 2'500ll
            << u"429, Retry-After \"1.5\" has a fraction (delay-seconds is whole seconds) "
               u"(ignored), "
               u"backoff 2.5 s, parked until 14:00:12Z"_s;
    QTest::newRow("429-retry-after-garbage")
            << status(429, {{"Retry-After", "soon"}}) << K::RateLimited << 2'500ll
            << u"429, Retry-After \"soon\" is neither delay-seconds nor an HTTP-date (ignored), "
               u"backoff 2.5 s, parked until 14:00:12Z"_s;
    QTest::newRow("429-retry-after-absurd-capped")
            << status(429, {{"Retry-After", "999999"}}) << K::RateLimited << 24 * kHour
            << u"429, Retry-After 999999 s capped at 24 h, parked until 2025-03-03T14:00:10Z"_s;
    QTest::newRow("429-retry-after-below-backoff")
            << status(429, {{"Retry-After", "10"}}).attemptNumber(5).jitter(0.9) << K::RateLimited
            << 72'000ll << u"429, Retry-After 10 s, backoff 1 min 12 s, parked until 14:01:22Z"_s;
    QTest::newRow("429-without-retry-after") << status(429) << K::RateLimited << 2'500ll
                                             << u"429, backoff 2.5 s, parked until 14:00:12Z"_s;
    QTest::newRow("429-retry-after-takes-precedence-over-reset")
            << status(429, {{"Retry-After", "10"},
                            {"X-RateLimit-Remaining", "0"},
                            {"X-RateLimit-Reset", "300"}})
            << K::RateLimited << 10'000ll << u"429, Retry-After 10 s, parked until 14:00:20Z"_s;
    QTest::newRow("429-ietf-ratelimit-reset")
            << status(429, {{"RateLimit", "\"default\";r=0;t=45"}}) << K::RateLimited << 45'000ll
            << u"429, RateLimit (draft-ietf-httpapi-ratelimit-headers-11) remaining 0, quota "
               u"resets "
               u"in 45 s, parked until 14:00:55Z"_s;

    // 403: a rate limit only with rate-limit signals.
    QTest::newRow("403-github-primary-rate-limit")
            << status(403, {{"Date", date},
                            {"x-ratelimit-limit", "5000"},
                            {"x-ratelimit-remaining", "0"},
                            {"x-ratelimit-reset", epochSeconds(kNow + 10 * kMinute)}})
                       .headerSpec(u"github"_s)
            << K::RateLimited << 600'000ll
            << u"403, X-RateLimit-* remaining 0, quota resets in 10 min, parked until 14:10:10Z"_s;
    QTest::newRow("403-github-secondary-rate-limit-message")
            << status(403, {{"Content-Type", "application/json"}},
                      R"({"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."})")
                       .headerSpec(u"github"_s)
            << K::RateLimited << 2'500ll
            << u"403, rate-limit message in the body (\"rate limit\"), backoff 2.5 s, parked until "
               u"14:00:12Z"_s;
    QTest::newRow("403-github-api-rate-limit-exceeded")
            << status(403, {}, R"({"message":"API rate limit exceeded for user ID 1."})")
                       .headerSpec(u"github"_s)
            << K::RateLimited << 2'500ll
            << u"403, rate-limit message in the body (\"rate limit\"), backoff 2.5 s, parked until "
               u"14:00:12Z"_s;
    QTest::newRow("403-with-retry-after")
            << status(403, {{"Retry-After", "60"}}).headerSpec(u"github"_s) << K::RateLimited
            << 60'000ll << u"403, Retry-After 60 s, parked until 14:01:10Z"_s;
    QTest::newRow("403-google-rate-limit-exceeded")
            << status(403, {}, R"({"error":{"errors":[{"reason":"userRateLimitExceeded"}]}})")
            << K::RateLimited << 2'500ll
            << u"403, rate-limit message in the body (\"ratelimit\"), backoff 2.5 s, parked until "
               u"14:00:12Z"_s;
    QTest::newRow("403-salesforce-request-limit")
            << status(403, {{"Sforce-Limit-Info", "api-usage=5000/5000"}},
                      R"([{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}])")
                       .headerSpec(u"salesforce"_s)
            << K::RateLimited << 2'500ll
            << u"403, Sforce-Limit-Info remaining 0, rate-limit message in the body "
               u"(\"request_limit_exceeded\"), backoff 2.5 s, parked until 14:00:12Z"_s;
    QTest::newRow("403-plain-forbidden-fails")
            << status(403, {{"X-RateLimit-Remaining", "12"}},
                      R"({"message":"Resource not accessible by integration"})")
                       .headerSpec(u"github"_s)
            << K::Failed << 0ll << u"403, a client error is not retried"_s;

    // Dead-letter.
    QTest::newRow("503-last-attempt-dead")
            << status(503).attemptNumber(15) << K::Dead << 0ll
            << u"503, attempt 15 of 15: retries exhausted, dead-lettered"_s;
    QTest::newRow("429-last-attempt-dead")
            << status(429, {{"Retry-After", "5"}}).attemptNumber(15) << K::Dead << 0ll
            << u"429, Retry-After 5 s, attempt 15 of 15: retries exhausted, dead-lettered"_s;
    QTest::newRow("503-past-max-age-dead")
            << status(503).attemptNumber(2).created(24 * kHour - 2 * kSecond).jitter(0.5) << K::Dead
            << 0ll
            << u"503, backoff 5 s, the next attempt at 14:00:15Z would pass the maximum age of 24 "
               u"h: "
               u"dead-lettered"_s;
    QTest::newRow("503-just-within-max-age")
            << status(503).attemptNumber(2).created(24 * kHour - 5 * kSecond).jitter(0.5)
            << K::Retry << 5'000ll << u"503, backoff 5 s, retry at 14:00:15Z"_s;

    // Presets.
    QTest::newRow("svix-429-at-least-60-s")
            << status(429).with(u"svix"_s) << K::RateLimited << 60'000ll
            << u"429, backoff 1 min (at least 1 min after a 429 or a timeout, before jitter), "
               u"parked until 14:01:10Z"_s;
    QTest::newRow("svix-timeout-second-attempt")
            << transport(TransportError::Timeout).with(u"svix"_s).attemptNumber(2).jitter(0.0)
            << K::Retry << 240'000ll << u"timeout, backoff 4 min, retry at 14:04:10Z"_s;
    QTest::newRow("svix-retry-after-kept-within-twice-schedule")
            << status(503, {{"Retry-After", "36000"}}).with(u"svix"_s).attemptNumber(3) << K::Retry
            << kHour
            << u"503, Retry-After 36000 s, wait 1 h (Retry-After kept within [30 min, 1 h]), retry "
               u"at 15:00:10Z"_s;
    QTest::newRow("svix-retry-after-below-schedule")
            << status(503, {{"Retry-After", "1"}}).with(u"svix"_s).attemptNumber(3) << K::Retry
            << 30 * kMinute << u"503, Retry-After 1 s, backoff 30 min, retry at 14:30:10Z"_s;
    QTest::newRow("svix-last-attempt-dead")
            << status(500).with(u"svix"_s).attemptNumber(8) << K::Dead << 0ll
            << u"500, attempt 8 of 8: retries exhausted, dead-lettered"_s;
    QTest::newRow("standard-webhooks-fourth-retry-exact")
            << status(503).with(u"standard-webhooks"_s).attemptNumber(4).jitter(0.9) << K::Retry
            << 2 * kHour << u"503, backoff 2 h, retry at 16:00:10Z"_s;
    QTest::newRow("standard-webhooks-last-retry-next-day")
            << status(502).with(u"standard-webhooks"_s).attemptNumber(9) << K::Retry << 24 * kHour
            << u"502, backoff 24 h, retry at 2025-03-03T14:00:10Z"_s;
    QTest::newRow("standard-webhooks-tenth-attempt-dead")
            << status(502).with(u"standard-webhooks"_s).attemptNumber(10) << K::Dead << 0ll
            << u"502, attempt 10 of 10: retries exhausted, dead-lettered"_s;
    QTest::newRow("convoy-additive-jitter")
            << status(503).with(u"convoy-exponential"_s).attemptNumber(2) << K::Retry << 22'500ll
            << u"503, backoff 22.5 s, retry at 14:00:32Z"_s;

    // Provider advice.
    QTest::newRow("stripe-should-retry-false-on-500")
            << status(500, {{"Stripe-Should-Retry", "false"}}).headerSpec(u"stripe"_s) << K::Failed
            << 0ll << u"500, Stripe-Should-Retry: false, not retried"_s;
    QTest::newRow("stripe-should-retry-true-on-409")
            << status(409, {{"Stripe-Should-Retry", "true"}}).headerSpec(u"stripe"_s) << K::Retry
            << 2'500ll << u"409, Stripe-Should-Retry: true, backoff 2.5 s, retry at 14:00:12Z"_s;
    QTest::newRow("shopify-fractional-retry-after")
            << status(429, {{"Retry-After", "2.0"}, {"X-Shopify-Shop-Api-Call-Limit", "40/40"}})
                       .headerSpec(u"shopify"_s)
                       .jitter(0.1)
            << K::RateLimited << 2'000ll << u"429, Retry-After 2.0 s, parked until 14:00:12Z"_s;
}

void TestRetryDecider::decides()
{
    QFETCH(Row, row);
    QFETCH(DecisionKind, kind);
    QFETCH(qint64, waitMs);
    QFETCH(QString, reason);

    const auto policy = retrypresets::byName(row.policy);
    QVERIFY(policy);
    const auto spec = RateLimitHeaderSpec::preset(row.spec);
    QVERIFY(spec);
    ManualClock clock(kNow);
    ScriptedRandomSource random({row.random});
    const RetryDecider decider(clock, random);

    AttemptContext context;
    context.attemptNumber = row.attempt;
    context.createdAtMs = kNow - row.createdAgoMs;
    context.tokenRefreshable = row.refreshable;
    context.tokenRefreshed = row.refreshed;
    const Decision decision = decider.decide(*policy, *spec, row.outcome, context);

    QCOMPARE(decisionKindCode(decision.kind), decisionKindCode(kind));
    QCOMPARE(decision.waitMs, waitMs);
    QCOMPARE(decision.reason, reason);
    QCOMPARE(decision.decidedAtMs, kNow);
    const bool waits = kind == DecisionKind::Retry || kind == DecisionKind::RateLimited
                       || kind == DecisionKind::RefreshAndRetry;
    QCOMPARE(decision.nextAttemptAtMs, waits ? kNow + waitMs : 0);
    QCOMPARE(decision.isTerminal(), !waits);
}

void TestRetryDecider::keepsParsedHeadersInTheDecision()
{
    ManualClock clock(kNow);
    ScriptedRandomSource random({0.5});
    const RetryDecider decider(clock, random);
    const AttemptOutcome outcome = AttemptOutcome::response(429, {{"Retry-After", "120"},
                                                                  {"X-RateLimit-Limit", "60"},
                                                                  {"X-RateLimit-Remaining", "0"},
                                                                  {"X-RateLimit-Reset", "120"},
                                                                  {"Server", "nginx"}});
    AttemptContext context;
    context.createdAtMs = kNow;
    const Decision decision = decider.decide(retrypresets::defaultPolicy(), RateLimitHeaderSpec(),
                                             outcome, context);
    QCOMPARE(decision.kind, DecisionKind::RateLimited);
    QCOMPARE(decision.waitMs, 120'000);
    QCOMPARE(decision.retryAfter.form, RetryAfter::Form::DelaySeconds);
    QCOMPARE(decision.retryAfter.delayMs, 120'000);
    QCOMPARE(*decision.rateLimit.limit, 60);
    QCOMPARE(*decision.rateLimit.remaining, 0);
    QCOMPARE(*decision.rateLimit.resetAtMs, kNow + 120'000);
    QCOMPARE(decision.rateLimit.fields.fields().size(), 3);
    QCOMPARE(decision.scheduledMs, 5'000);
}

void TestRetryDecider::kindCodesAreStable()
{
    const QList<std::pair<DecisionKind, QString>> codes = {
            {DecisionKind::Succeeded, u"succeeded"_s},
            {DecisionKind::Retry, u"retry"_s},
            {DecisionKind::RateLimited, u"rate_limited"_s},
            {DecisionKind::Dead, u"dead"_s},
            {DecisionKind::Failed, u"failed"_s},
            {DecisionKind::DestinationDisabled, u"destination_disabled"_s},
            {DecisionKind::RefreshAndRetry, u"refresh_and_retry"_s},
    };
    for (const auto &[kind, code] : codes) {
        QCOMPARE(decisionKindCode(kind), code);
        QCOMPARE(decisionKindFromCode(code), std::optional<DecisionKind>(kind));
    }
    QCOMPARE(decisionKindFromCode(u"parked"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestRetryDecider)
#include "tst_retrydecider.moc"
