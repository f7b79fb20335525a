// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/healthassessment.h"

#include "core/health/lifecyclenotices.h"
#include "core/health/registrationhttp.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
constexpr qint64 minuteMs = 60'000;

int rank(HealthStatus status)
{
    return int(status); // Failing first
}
} // namespace

QString HealthAssessment::duration(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    const qint64 seconds = ms / 1000;
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return hours % 24 ? tr("%1 d %2 h").arg(days).arg(hours % 24) : tr("%1 d").arg(days);
    if (hours > 0)
        return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60)
                            : tr("%1 h").arg(hours);
    if (minutes > 0)
        return tr("%1 min").arg(minutes);
    return tr("%1 s").arg(seconds);
}

ConnectionHealth HealthAssessment::assess(const HealthInputs &inputs, const RegistrationApi &api,
                                          const HealthPolicy &policy, qint64 nowMs)
{
    ConnectionHealth health;
    const Connection &connection = inputs.connection;
    health.connectionId = connection.id;
    health.tenantId = connection.tenantId;
    health.providerId = connection.providerId;
    health.label = connection.label;
    health.assessedAtMs = nowMs;
    if (connection.status == ConnectionStatus::Disabled) {
        health.status = HealthStatus::Unknown;
        health.note = tr("The connection is disabled: not monitored.");
        return health;
    }
    QList<HealthFinding> &findings = health.findings;
    bool judged = false;

    // --- Registrations -------------------------------------------------------------------------
    for (const Registration &r : inputs.registrations) {
        const QString name = r.displayName();
        auto add = [&](const QString &code, HealthStatus severity, const QString &reason,
                       HealthAction action) {
            findings << HealthFinding{code, severity, reason, action, r.id};
        };
        if (r.lastAction == RegistrationAction::ReregisterFailed
            && (r.state == RegistrationState::Missing || r.state == RegistrationState::Expired)) {
            judged = true;
            add(u"registration.reregister_failed"_s, HealthStatus::Failing,
                tr("Registration %1 is gone at the provider and registering it again failed: %2")
                        .arg(name, r.lastActionDetail),
                HealthAction::Reregister);
            continue;
        }
        const QList<LifecycleNotice> &lifecycle = inputs.passive.lifecycle;
        if (const auto removed = LifecycleNotices::pending(lifecycle, r, u"subscriptionRemoved"_s,
                                                           nowMs);
            removed && r.state != RegistrationState::Missing
            && r.state != RegistrationState::Expired) {
            judged = true;
            add(u"registration.removed"_s, HealthStatus::Failing,
                r.reregisterAllowed && api.reregisterable
                        ? tr("The provider removed registration %1 %2 ago (subscriptionRemoved); "
                             "it "
                             "will be registered again.")
                                  .arg(name, duration(nowMs - removed->receivedAtMs))
                        : tr("The provider removed registration %1 %2 ago (subscriptionRemoved): "
                             "no events arrive. Register it again.")
                                  .arg(name, duration(nowMs - removed->receivedAtMs)),
                HealthAction::Reregister);
            continue;
        }
        switch (r.state) {
        case RegistrationState::Missing:
            judged = true;
            if (api.isAppWebhook(r.scope)) {
                // A GitHub App has one webhook, in its settings: switched back on there.
                add(u"registration.missing"_s, HealthStatus::Failing,
                    tr("The app's webhook %1 is gone (%2): no events arrive. Set its URL again in "
                       "the app's settings at the provider.")
                            .arg(name, r.stateDetail),
                    HealthAction::Reenable);
                continue;
            }
            add(u"registration.missing"_s, HealthStatus::Failing,
                r.reregisterAllowed && api.reregisterable
                        ? tr("Registration %1 is gone at the provider (%2); it will be registered "
                             "again.")
                                  .arg(name, r.stateDetail)
                        : tr("Registration %1 is gone at the provider (%2): no events arrive. "
                             "Register it again.")
                                  .arg(name, r.stateDetail),
                HealthAction::Reregister);
            continue;
        case RegistrationState::Expired:
            judged = true;
            add(u"registration.expired"_s, HealthStatus::Failing,
                tr("Registration %1 expired (%2): no events arrive until it is created again.")
                        .arg(name, r.stateDetail),
                HealthAction::Reregister);
            continue;
        case RegistrationState::Disabled:
            judged = true;
            add(u"registration.disabled"_s, HealthStatus::Failing,
                tr("The provider switched registration %1 off (%2): no events arrive. Switch it on "
                   "again at the provider.")
                        .arg(name, r.stateDetail),
                HealthAction::Reenable);
            continue;
        case RegistrationState::AccessDenied:
            judged = true;
            if (api.credential == RegistrationApi::Credential::AppCredential
                || api.isAppWebhook(r.scope)) {
                // Our app's own credential (a developer API key, a configuration token that
                // lasts 12 h, an app's private key), not the tenant's authorization.
                // We cannot see the registration; that alone does not stop its events.
                add(u"registration.access_denied"_s, HealthStatus::Attention,
                    tr("The provider refused the app credential for registration %1 (%2). Store "
                       "a current one (wirebench-cli secrets set --connection %3 --kind app).")
                            .arg(name, r.stateDetail)
                            .arg(inputs.connection.id),
                    HealthAction::RotateSecret);
                continue;
            }
            add(u"registration.access_denied"_s, HealthStatus::Failing,
                api.credential == RegistrationApi::Credential::ClientCredentials
                        ? tr("The provider refused our app's token for registration %1 (%2). "
                             "Check the connection's OAuth client (id and secret) and the scopes "
                             "of the app.")
                                  .arg(name, r.stateDetail)
                        : tr("The provider refused our credentials for registration %1 (%2). "
                             "Authorize the connection again, with the scope that reads "
                             "webhooks.")
                                  .arg(name, r.stateDetail),
                HealthAction::Reauthorize);
            continue;
        case RegistrationState::CheckFailed:
            add(u"registration.check_failed"_s, HealthStatus::Attention,
                tr("Registration %1 could not be checked: %2").arg(name, r.stateDetail),
                HealthAction::Investigate);
            break;
        case RegistrationState::Active:
            if (r.lastCheckedAtMs && nowMs - *r.lastCheckedAtMs <= policy.staleCheckMs)
                judged = true;
            if (r.lastDeliveryStatus.size() >= 3 && r.lastDeliveryStatus.at(0).isDigit()
                && r.lastDeliveryStatus.left(3).toInt() >= 400) {
                add(u"registration.last_delivery_failed"_s, HealthStatus::Attention,
                    tr("The provider's last delivery to us failed: %1. Check that the receiver "
                       "is reachable at %2.")
                            .arg(r.lastDeliveryStatus,
                                 r.targetUrl.isEmpty() ? tr("its address") : r.targetUrl),
                    HealthAction::CheckEndpoint);
            }
            break;
        case RegistrationState::Unchecked:
            break;
        }
        // Expiry (also for a registration not checked yet: its recorded expiry).
        if (r.expiresAtMs) {
            const qint64 left = *r.expiresAtMs - nowMs;
            const qint64 lead = qint64(RegistrationHttp::renewalTerms(api, r).aheadMinutes)
                                * minuteMs;
            if (left <= 0) {
                judged = true;
                add(u"registration.expired"_s, HealthStatus::Failing,
                    tr("Registration %1 expired at %2: no events arrive until it is created "
                       "again.")
                            .arg(name, RegistrationHttp::formatTime(*r.expiresAtMs)),
                    HealthAction::Reregister);
            } else if (api.renewable && left <= lead) {
                const bool refused = r.lastAction == RegistrationAction::RenewFailed;
                const bool urgent = refused || left <= lead / 4;
                add(u"registration.expiring"_s,
                    urgent ? HealthStatus::Failing : HealthStatus::Attention,
                    refused ? tr("Registration %1 expires in %2; renewing it failed: %3")
                                      .arg(name, duration(left), r.lastActionDetail)
                            : tr("Registration %1 expires in %2; it is due for renewal.")
                                      .arg(name, duration(left)),
                    HealthAction::Renew);
            }
        }
        if (const auto asked = LifecycleNotices::pending(lifecycle, r, u"reauthorizationRequired"_s,
                                                         nowMs)) {
            const bool refused = r.lastAction == RegistrationAction::RenewFailed && r.lastActionAtMs
                                 && *r.lastActionAtMs >= asked->receivedAtMs;
            add(u"registration.reauthorization_required"_s,
                refused ? HealthStatus::Failing : HealthStatus::Attention,
                refused ? tr("The provider asked %1 ago to reauthorize registration %2 "
                             "(reauthorizationRequired); renewing it failed: %3")
                                  .arg(duration(nowMs - asked->receivedAtMs), name,
                                       r.lastActionDetail)
                        : tr("The provider asked %1 ago to reauthorize registration %2 "
                             "(reauthorizationRequired); renewing it reauthorizes it, until then "
                             "deliveries may pause.")
                                  .arg(duration(nowMs - asked->receivedAtMs), name),
                HealthAction::Renew);
        }
        if (const auto missed = LifecycleNotices::pending(lifecycle, r, u"missed"_s, nowMs)) {
            add(u"events.missed"_s, HealthStatus::Attention,
                tr("The provider could not deliver some notifications of registration %1 (missed, "
                   "%2 ago): fetch the changes from its API, e.g. with a delta query.")
                        .arg(name, duration(nowMs - missed->receivedAtMs)),
                HealthAction::Investigate);
        }
    }

    // --- Passive: the connection's own events ---------------------------------------------------
    const PassiveSignals &passive = inputs.passive;
    const SilenceVerdict silence = judgeSilence(passive.acceptedAtMs, nowMs, policy.silence);
    if (silence.judged) {
        judged = true;
        if (silence.silent) {
            findings << HealthFinding{
                    u"events.silent"_s, HealthStatus::Attention,
                    tr("No events for %1; usually one arrives at least every %2. The "
                       "registration may be gone or the provider may have stopped sending.")
                            .arg(duration(silence.silentForMs), duration(silence.usualGapMs)),
                    HealthAction::Investigate, std::nullopt};
        }
    }
    if (passive.failedVerificationStreak >= policy.failedVerificationThreshold) {
        judged = true;
        findings << HealthFinding{
                u"verification.failing"_s, HealthStatus::Failing,
                tr("The last %1 events failed verification (%2): the provider probably signs "
                   "with a rotated secret. Put the current signing secret in Wirebench.")
                        .arg(passive.failedVerificationStreak)
                        .arg(passive.lastFailureReason),
                HealthAction::RotateSecret, std::nullopt};
    }
    if (passive.handshakeFailureStreak > 0) {
        judged = true;
        static const QStringList secretHandshakes = {u"zoom_url_validation"_s, u"x_crc"_s,
                                                     u"meta_hub_challenge"_s,
                                                     u"slack_url_verification"_s,
                                                     u"discord_ping"_s};
        const bool secretBased = secretHandshakes.contains(passive.lastHandshakeKind);
        findings << HealthFinding{
                u"handshake.failing"_s, HealthStatus::Failing,
                tr("The last %1 %2 handshake(s) were answered with HTTP %3: the provider will not "
                   "(re)validate the endpoint.")
                        .arg(passive.handshakeFailureStreak)
                        .arg(passive.lastHandshakeKind)
                        .arg(passive.lastHandshakeStatus),
                secretBased ? HealthAction::RotateSecret : HealthAction::Investigate, std::nullopt};
    }

    // --- Credential -----------------------------------------------------------------------------
    const CredentialFacts &credential = inputs.credentials;
    switch (connection.status) {
    case ConnectionStatus::Revoked:
        findings << HealthFinding{u"credential.revoked"_s, HealthStatus::Failing,
                                  tr("The provider reported the authorization revoked%1.")
                                          .arg(connection.lastCheckResult.isEmpty()
                                                       ? QString()
                                                       : QString(u": "_s
                                                                 + connection.lastCheckResult)),
                                  HealthAction::Reauthorize, std::nullopt};
        break;
    case ConnectionStatus::NeedsReauthorization:
        findings << HealthFinding{u"credential.needs_reauthorization"_s, HealthStatus::Failing,
                                  tr("The access token could not be refreshed%1: authorize the "
                                     "connection again.")
                                          .arg(connection.lastCheckResult.isEmpty()
                                                       ? QString()
                                                       : QString(u" ("_s + connection.lastCheckResult
                                                                 + u')')),
                                  HealthAction::Reauthorize, std::nullopt};
        break;
    case ConnectionStatus::Authorized:
    case ConnectionStatus::Expiring:
        if (credential.expiresAtMs && *credential.expiresAtMs <= nowMs) {
            findings << HealthFinding{u"credential.expired"_s, HealthStatus::Failing,
                                      tr("The access token expired %1 ago and was not refreshed.")
                                              .arg(duration(nowMs - *credential.expiresAtMs)),
                                      credential.hasRefreshToken ? HealthAction::Refresh
                                                                 : HealthAction::Reauthorize,
                                      std::nullopt};
        } else if ((credential.expiresAtMs
                    && *credential.expiresAtMs - nowMs <= policy.tokenExpiryWarningMs)
                   || connection.status == ConnectionStatus::Expiring) {
            findings << HealthFinding{
                    u"credential.expiring"_s, HealthStatus::Attention,
                    credential.expiresAtMs
                            ? tr("The access token expires in %1 and has not been refreshed yet.")
                                      .arg(duration(*credential.expiresAtMs - nowMs))
                            : tr("The access token expires soon and has not been refreshed yet."),
                    HealthAction::Refresh, std::nullopt};
        }
        break;
    case ConnectionStatus::Unauthorized:
    case ConnectionStatus::Disabled:
        break;
    }
    health.credentialCheck = credential.lastCheck;
    // A stored refusal counts while it concerns the current tokens: new tokens (a refresh, a new
    // authorization) deserve a new check.
    const bool storedRefusal = credential.lastCheck
                               && credential.lastCheck->verdict == ValidityCheck::Verdict::Invalid
                               && credential.lastCheck->checkedAtMs >= credential.receivedAtMs;
    const QString refusal = storedRefusal ? credential.lastCheck->message : credential.tokenRefused;
    if ((storedRefusal || !credential.tokenRefused.isEmpty())
        && connection.status != ConnectionStatus::NeedsReauthorization
        && connection.status != ConnectionStatus::Revoked) {
        findings << HealthFinding{
                u"credential.refused"_s, HealthStatus::Failing,
                storedRefusal
                        ? tr("The provider's check endpoint refused the access "
                             "token %1 ago: %2")
                                  .arg(duration(nowMs - credential.lastCheck->checkedAtMs), refusal)
                        : tr("The provider's check endpoint refused the access "
                             "token: %1")
                                  .arg(refusal),
                HealthAction::Reauthorize, std::nullopt};
    }
    if (!credential.refreshFailure.isEmpty()
        && connection.status != ConnectionStatus::NeedsReauthorization
        && connection.status != ConnectionStatus::Revoked) {
        findings << HealthFinding{
                u"credential.refresh_failing"_s, HealthStatus::Attention,
                credential.refreshRetryAtMs
                        ? tr("Refreshing the access token failed (%1); the next try is in %2.")
                                  .arg(credential.refreshFailure,
                                       duration(*credential.refreshRetryAtMs - nowMs))
                        : tr("Refreshing the access token failed (%1).")
                                  .arg(credential.refreshFailure),
                HealthAction::Refresh, std::nullopt};
    }
    if (!credential.grantedScopes.isEmpty() && !credential.requestedScopes.isEmpty()) {
        QStringList lost;
        for (const QString &scope : credential.requestedScopes) {
            if (!credential.grantedScopes.contains(scope))
                lost << scope;
        }
        if (!lost.isEmpty()) {
            findings << HealthFinding{u"credential.scopes_lost"_s, HealthStatus::Attention,
                                      tr("The provider no longer grants %1: authorize the "
                                         "connection again to get them back.")
                                              .arg(lost.join(u", "_s)),
                                      HealthAction::Reauthorize, std::nullopt};
        }
    }

    std::stable_sort(findings.begin(), findings.end(),
                     [](const HealthFinding &a, const HealthFinding &b) {
                         return rank(a.severity) < rank(b.severity);
                     });
    if (!findings.isEmpty()) {
        health.status = findings.constFirst().severity;
    } else if (judged) {
        health.status = HealthStatus::Healthy;
        health.note = tr("Registrations, events and credentials look healthy.");
    } else {
        health.status = HealthStatus::Unknown;
        // A good credential alone says nothing about the webhooks.
        health.note = inputs.registrations.isEmpty()
                              ? tr("Nothing to judge the webhooks by: no registration recorded "
                                   "and too few events received.")
                              : tr("Not checked yet.");
    }
    return health;
}

} // namespace wb::core
