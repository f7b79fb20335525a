// SPDX-License-Identifier: GPL-3.0-or-later
// The health model: silence detection with an injected "now", and each finding's status, code
// and action from registrations, events and credentials.
#include "core/health/healthassessment.h"
#include "core/health/passivesignals.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 start = 1'780'000'000'000; // 2026-05-28, an arbitrary fixed "now" base

// `count` events every `gapMs`, the newest at `newestMs`, newest first.
QList<qint64> regularEvents(int count, qint64 gapMs, qint64 newestMs)
{
    QList<qint64> times;
    for (int i = 0; i < count; ++i)
        times << newestMs - i * gapMs;
    return times;
}

RegistrationApi graphApi()
{
    RegistrationApi api;
    api.present = true;
    api.checkPath = u"/v1.0/subscriptions/{id}"_s;
    api.renewable = true;
    api.renewLifetimeMinutes = 4230;
    api.renewAheadMinutes = 1440;
    api.reregisterable = true;
    return api;
}

HealthInputs baseInputs()
{
    HealthInputs inputs;
    inputs.connection.id = 7;
    inputs.connection.tenantId = 3;
    inputs.connection.providerId = u"microsoft-graph"_s;
    inputs.connection.status = ConnectionStatus::Authorized;
    inputs.credentials.expiresAtMs = start + 50 * minute;
    return inputs;
}

Registration registration(RegistrationState state)
{
    Registration r;
    r.id = 11;
    r.connectionId = 7;
    r.externalId = u"7f105c7d"_s;
    r.state = state;
    r.stateDetail = u"seen"_s;
    r.lastCheckedAtMs = start - 5 * minute;
    return r;
}
} // namespace

Q_DECLARE_METATYPE(HealthInputs)

class TestHealthAssessment : public QObject
{
    Q_OBJECT

private slots:
    void silence_data()
    {
        QTest::addColumn<QList<qint64>>("events");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<bool>("judged");
        QTest::addColumn<bool>("silent");
        QTest::addColumn<qint64>("usualGapMs");
        QTest::addColumn<qint64>("thresholdMs");

        const SilencePolicy policy; // 10 events, p90, ×4, at least 30 min
        Q_UNUSED(policy);
        QTest::newRow("no-events-no-judgement")
                << QList<qint64>{} << start << false << false << qint64(0) << qint64(0);
        QTest::newRow("too-few-events-no-judgement")
                << regularEvents(9, 10 * minute, start - 5 * hour) << start << false << false
                << qint64(0) << qint64(0);
        QTest::newRow("every-10-min-quiet-for-39-min-is-normal")
                << regularEvents(50, 10 * minute, start - 39 * minute) << start << true << false
                << 10 * minute << 40 * minute;
        QTest::newRow("every-10-min-quiet-for-41-min-is-silent")
                << regularEvents(50, 10 * minute, start - 41 * minute) << start << true << true
                << 10 * minute << 40 * minute;
        QTest::newRow("every-minute-uses-the-30-min-floor")
                << regularEvents(50, minute, start - 29 * minute) << start << true << false
                << minute << 30 * minute;
        QTest::newRow("every-minute-silent-past-the-floor")
                << regularEvents(50, minute, start - 31 * minute) << start << true << true << minute
                << 30 * minute;
        QTest::newRow("hourly-quiet-for-3-hours-is-normal")
                << regularEvents(20, hour, start - 3 * hour) << start << true << false << hour
                << 4 * hour;
        QList<qint64> bursty = regularEvents(18, minute, start - 2 * hour);
        bursty << bursty.constLast() - 6 * hour << bursty.constLast() - 12 * hour;
        // 19 gaps: 17 of 1 min, 2 of 6 h; the 90th percentile (rank 18) is 6 h.
        QTest::newRow("bursty-traffic-uses-the-long-gaps")
                << bursty << start << true << false << 6 * hour << 24 * hour;
    }

    void silence()
    {
        QFETCH(QList<qint64>, events);
        QFETCH(qint64, nowMs);
        QFETCH(bool, judged);
        QFETCH(bool, silent);
        QFETCH(qint64, usualGapMs);
        QFETCH(qint64, thresholdMs);
        const SilenceVerdict verdict = judgeSilence(events, nowMs, SilencePolicy{});
        QCOMPARE(verdict.judged, judged);
        QCOMPARE(verdict.silent, silent);
        QCOMPARE(verdict.usualGapMs, usualGapMs);
        QCOMPARE(verdict.thresholdMs, thresholdMs);
        if (!events.isEmpty())
            QCOMPARE(verdict.silentForMs, nowMs - events.constFirst());
    }

    void findings_data()
    {
        QTest::addColumn<HealthInputs>("inputs");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("codes"); // worst first
        QTest::addColumn<QString>("action");    // of the worst finding
        QTest::addColumn<QString>("reasonPart");

        {
            HealthInputs in = baseInputs();
            QTest::newRow("nothing-known-is-unknown")
                    << in << start << u"unknown"_s << QStringList{} << u"none"_s
                    << u"no registration recorded"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.expiresAtMs = start + 3 * 24 * hour;
            in.registrations << r;
            in.passive.acceptedAtMs = regularEvents(30, 10 * minute, start - 5 * minute);
            QTest::newRow("active-registration-and-regular-events-are-healthy")
                    << in << start << u"healthy"_s << QStringList{} << u"none"_s
                    << u"look healthy"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.expiresAtMs = start + 20 * hour;
            in.registrations << r;
            QTest::newRow("graph-subscription-near-expiry-is-due-for-renewal")
                    << in << start << u"attention"_s << QStringList{u"registration.expiring"_s}
                    << u"renew"_s << u"expires in 20 h"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.expiresAtMs = start + 5 * hour;
            in.registrations << r;
            QTest::newRow("graph-subscription-within-a-quarter-of-the-lead-is-failing")
                    << in << start << u"failing"_s << QStringList{u"registration.expiring"_s}
                    << u"renew"_s << u"expires in 5 h"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.expiresAtMs = start + 20 * hour;
            r.lastAction = RegistrationAction::RenewFailed;
            r.lastActionDetail = u"The provider refused the renewal (HTTP 403: denied)."_s;
            in.registrations << r;
            QTest::newRow("refused-renewal-is-failing")
                    << in << start << u"failing"_s << QStringList{u"registration.expiring"_s}
                    << u"renew"_s << u"HTTP 403: denied"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Unchecked);
            r.expiresAtMs = start - minute;
            in.registrations << r;
            QTest::newRow("recorded-expiry-passed")
                    << in << start << u"failing"_s << QStringList{u"registration.expired"_s}
                    << u"reregister"_s << u"expired at"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::Missing);
            QTest::newRow("missing-hook")
                    << in << start << u"failing"_s << QStringList{u"registration.missing"_s}
                    << u"reregister"_s << u"Register it again"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Missing);
            r.reregisterAllowed = true;
            in.registrations << r;
            QTest::newRow("missing-hook-allowed-to-reregister-says-so")
                    << in << start << u"failing"_s << QStringList{u"registration.missing"_s}
                    << u"reregister"_s << u"will be registered again"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Missing);
            r.lastAction = RegistrationAction::ReregisterFailed;
            r.lastActionDetail = u"HTTP 422: url is invalid"_s;
            in.registrations << r;
            QTest::newRow("failed-reregistration")
                    << in << start << u"failing"_s
                    << QStringList{u"registration.reregister_failed"_s} << u"reregister"_s
                    << u"HTTP 422: url is invalid"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::Disabled);
            QTest::newRow("disabled-hook")
                    << in << start << u"failing"_s << QStringList{u"registration.disabled"_s}
                    << u"reenable"_s << u"switched registration"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::AccessDenied);
            QTest::newRow("credentials-refused-by-the-hooks-api")
                    << in << start << u"failing"_s << QStringList{u"registration.access_denied"_s}
                    << u"reauthorize"_s << u"Authorize the connection again"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::CheckFailed);
            QTest::newRow("check-failed-is-attention")
                    << in << start << u"attention"_s << QStringList{u"registration.check_failed"_s}
                    << u"investigate"_s << u"could not be checked"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.lastDeliveryStatus = u"502 Bad Gateway"_s;
            r.targetUrl = u"https://hooks.example.com/github"_s;
            in.registrations << r;
            QTest::newRow("provider-reports-our-endpoint-failing")
                    << in << start << u"attention"_s
                    << QStringList{u"registration.last_delivery_failed"_s} << u"check_endpoint"_s
                    << u"https://hooks.example.com/github"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.passive.acceptedAtMs = regularEvents(30, 10 * minute, start - 3 * hour);
            QTest::newRow("silence-after-regular-traffic")
                    << in << start << u"attention"_s << QStringList{u"events.silent"_s}
                    << u"investigate"_s << u"No events for 3 h"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.passive.acceptedAtMs = regularEvents(30, 10 * minute, start - 2 * hour);
            in.passive.failedVerificationStreak = 4;
            in.passive.lastFailureReason = u"signature_mismatch"_s;
            QTest::newRow("rotated-secret-after-silence")
                    << in << start << u"failing"_s
                    << QStringList{u"verification.failing"_s, u"events.silent"_s}
                    << u"rotate_secret"_s << u"The last 4 events failed verification"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.passive.acceptedAtMs = regularEvents(30, 10 * minute, start - minute);
            in.passive.failedVerificationStreak = 2;
            QTest::newRow("two-failed-verifications-are-below-the-threshold")
                    << in << start << u"healthy"_s << QStringList{} << u"none"_s
                    << u"look healthy"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.connection.providerId = u"zoom"_s;
            in.passive.handshakeFailureStreak = 2;
            in.passive.lastHandshakeKind = u"zoom_url_validation"_s;
            in.passive.lastHandshakeStatus = 401;
            QTest::newRow("zoom-url-validation-failing")
                    << in << start << u"failing"_s << QStringList{u"handshake.failing"_s}
                    << u"rotate_secret"_s << u"HTTP 401"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.connection.status = ConnectionStatus::NeedsReauthorization;
            in.connection.lastCheckResult = u"invalid_grant"_s;
            QTest::newRow("failed-refresh-needs-reauthorization")
                    << in << start << u"failing"_s
                    << QStringList{u"credential.needs_reauthorization"_s} << u"reauthorize"_s
                    << u"invalid_grant"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.connection.status = ConnectionStatus::Revoked;
            QTest::newRow("revoked-grant")
                    << in << start << u"failing"_s << QStringList{u"credential.revoked"_s}
                    << u"reauthorize"_s << u"revoked"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.expiresAtMs = start - 10 * minute;
            in.credentials.hasRefreshToken = true;
            QTest::newRow("expired-token-with-refresh-token")
                    << in << start << u"failing"_s << QStringList{u"credential.expired"_s}
                    << u"refresh"_s << u"expired 10 min ago"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.expiresAtMs = start - 10 * minute;
            QTest::newRow("expired-token-without-refresh-token")
                    << in << start << u"failing"_s << QStringList{u"credential.expired"_s}
                    << u"reauthorize"_s << u"expired 10 min ago"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.expiresAtMs = start + 10 * minute;
            QTest::newRow("token-expiring-in-10-min")
                    << in << start << u"attention"_s << QStringList{u"credential.expiring"_s}
                    << u"refresh"_s << u"expires in 10 min"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.requestedScopes = {u"offline_access"_s, u"Mail.Read"_s};
            in.credentials.grantedScopes = {u"offline_access"_s};
            QTest::newRow("scope-lost")
                    << in << start << u"attention"_s << QStringList{u"credential.scopes_lost"_s}
                    << u"reauthorize"_s << u"Mail.Read"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.refreshFailure = u"HTTP 503 from the token endpoint"_s;
            in.credentials.refreshRetryAtMs = start + 4 * minute;
            QTest::newRow("passing-refresh-failure")
                    << in << start << u"attention"_s << QStringList{u"credential.refresh_failing"_s}
                    << u"refresh"_s << u"next try is in 4 min"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.tokenRefused = u"HTTP 403: insufficient_scope"_s;
            QTest::newRow("check-endpoint-refused-the-token")
                    << in << start << u"failing"_s << QStringList{u"credential.refused"_s}
                    << u"reauthorize"_s << u"insufficient_scope"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.receivedAtMs = start - 10 * minute;
            in.credentials.lastCheck = ValidityCheck{ValidityCheck::Verdict::Invalid,
                                                     start - 5 * minute, 403,
                                                     u"HTTP 403: insufficient_scope"_s};
            QTest::newRow("stored-refusal-of-the-current-token")
                    << in << start << u"failing"_s << QStringList{u"credential.refused"_s}
                    << u"reauthorize"_s << u"refused the access token 5 min ago: HTTP 403"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.receivedAtMs = start - 10 * minute;
            in.credentials.lastCheck = ValidityCheck{ValidityCheck::Verdict::Invalid,
                                                     start - 20 * minute, 403,
                                                     u"HTTP 403: insufficient_scope"_s};
            QTest::newRow("stored-refusal-before-new-tokens-is-stale")
                    << in << start << u"unknown"_s << QStringList{} << u"none"_s
                    << u"no registration recorded"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.credentials.lastCheck = ValidityCheck{ValidityCheck::Verdict::Unknown,
                                                     start - 5 * minute, 503, u"HTTP 503"_s};
            QTest::newRow("stored-check-without-verdict-finds-nothing")
                    << in << start << u"unknown"_s << QStringList{} << u"none"_s
                    << u"no registration recorded"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.connection.status = ConnectionStatus::NeedsReauthorization;
            in.credentials.lastCheck = ValidityCheck{ValidityCheck::Verdict::Invalid,
                                                     start - 5 * minute, 401, u"HTTP 401"_s};
            QTest::newRow("stored-refusal-of-a-dead-grant-is-said-once")
                    << in << start << u"failing"_s
                    << QStringList{u"credential.needs_reauthorization"_s} << u"reauthorize"_s
                    << u"authorize the connection again"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.connection.status = ConnectionStatus::NeedsReauthorization;
            in.credentials.refreshFailure = u"HTTP 400 invalid_grant"_s;
            QTest::newRow("dead-grant-is-not-also-a-passing-failure")
                    << in << start << u"failing"_s
                    << QStringList{u"credential.needs_reauthorization"_s} << u"reauthorize"_s
                    << u"authorize the connection again"_s;
        }
        // Graph lifecycle notifications about the registration (lifecyclenotices.h).
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::Active);
            in.passive.lifecycle << LifecycleNotice{u"subscriptionRemoved"_s, u"7f105c7d"_s,
                                                    start - 2 * minute};
            QTest::newRow("lifecycle-subscription-removed")
                    << in << start << u"failing"_s << QStringList{u"registration.removed"_s}
                    << u"reregister"_s << u"removed registration 7f105c7d 2 min ago"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::Active);
            in.passive.lifecycle << LifecycleNotice{u"reauthorizationRequired"_s, u"7f105c7d"_s,
                                                    start - 3 * minute};
            QTest::newRow("lifecycle-reauthorization-required")
                    << in << start << u"attention"_s
                    << QStringList{u"registration.reauthorization_required"_s} << u"renew"_s
                    << u"asked 3 min ago to reauthorize"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.lastAction = RegistrationAction::RenewFailed;
            r.lastActionAtMs = start - minute;
            r.lastActionDetail = u"HTTP 403: Access denied"_s;
            in.registrations << r;
            in.passive.lifecycle << LifecycleNotice{u"reauthorizationRequired"_s, u"7f105c7d"_s,
                                                    start - 3 * minute};
            QTest::newRow("lifecycle-reauthorization-refused")
                    << in << start << u"failing"_s
                    << QStringList{u"registration.reauthorization_required"_s} << u"renew"_s
                    << u"renewing it failed: HTTP 403"_s;
        }
        {
            HealthInputs in = baseInputs();
            Registration r = registration(RegistrationState::Active);
            r.lastAction = RegistrationAction::Renewed;
            r.lastActionAtMs = start - minute;
            in.registrations << r;
            in.passive.lifecycle << LifecycleNotice{u"reauthorizationRequired"_s, u"7f105c7d"_s,
                                                    start - 3 * minute};
            QTest::newRow("lifecycle-reauthorized-by-a-renewal")
                    << in << start << u"healthy"_s << QStringList{} << u"none"_s
                    << u"look healthy"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::Active);
            in.passive.lifecycle << LifecycleNotice{u"missed"_s, u"7f105c7d"_s,
                                                    start - 2 * 3'600'000}
                                 << LifecycleNotice{u"missed"_s, u"other"_s, start - minute};
            QTest::newRow("lifecycle-missed")
                    << in << start << u"attention"_s << QStringList{u"events.missed"_s}
                    << u"investigate"_s << u"delta query"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.registrations << registration(RegistrationState::Missing);
            in.passive.lifecycle << LifecycleNotice{u"subscriptionRemoved"_s, u"7f105c7d"_s,
                                                    start - 2 * minute};
            QTest::newRow("lifecycle-removed-and-found-missing-said-once")
                    << in << start << u"failing"_s << QStringList{u"registration.missing"_s}
                    << u"reregister"_s << u"gone at the provider"_s;
        }
        {
            HealthInputs in = baseInputs();
            in.connection.status = ConnectionStatus::Disabled;
            in.registrations << registration(RegistrationState::Missing);
            QTest::newRow("disabled-connection-is-not-judged")
                    << in << start << u"unknown"_s << QStringList{} << u"none"_s << u"disabled"_s;
        }
    }

    void findings()
    {
        QFETCH(HealthInputs, inputs);
        QFETCH(qint64, nowMs);
        QFETCH(QString, status);
        QFETCH(QStringList, codes);
        QFETCH(QString, action);
        QFETCH(QString, reasonPart);
        const ConnectionHealth health = HealthAssessment::assess(inputs, graphApi(), HealthPolicy{},
                                                                 nowMs);
        QCOMPARE(nameOf(health.status), status);
        QStringList found;
        for (const HealthFinding &finding : health.findings)
            found << finding.code;
        QCOMPARE(found, codes);
        QCOMPARE(nameOf(health.action()), action);
        QVERIFY2(health.reason().contains(reasonPart), qPrintable(health.reason()));
        QCOMPARE(health.connectionId, qint64(7));
        QCOMPARE(health.tenantId, qint64(3));
        QCOMPARE(health.assessedAtMs, nowMs);
        QCOMPARE(health.credentialCheck, inputs.credentials.lastCheck);
    }

    void duration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(40'000) << u"40 s"_s;
        QTest::newRow("minutes") << 45 * minute << u"45 min"_s;
        QTest::newRow("hours-and-minutes") << 3 * hour + 20 * minute << u"3 h 20 min"_s;
        QTest::newRow("whole-hours") << 2 * hour << u"2 h"_s;
        QTest::newRow("days-and-hours") << 52 * hour << u"2 d 4 h"_s;
        QTest::newRow("negative-is-zero") << qint64(-5) << u"0 s"_s;
    }

    void duration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(HealthAssessment::duration(ms), text);
    }
};

QTEST_GUILESS_MAIN(TestHealthAssessment)
#include "tst_healthassessment.moc"
