// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/connectionhealth.h"
#include "core/health/passivesignals.h"
#include "core/health/registration.h"
#include "core/oauth/validitycheck.h"
#include "core/providers/registrationapi.h"
#include "core/store/connection.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace wb::core {

// What is known about a connection's credential besides the connection record (whose status and
// last check result the assessment reads from HealthInputs::connection): the OAuth layer's
// credential metadata. Times UTC ms.
struct CredentialFacts
{
    // The access token's expiry, if known: the OAuth layer's, else the connection record's.
    std::optional<qint64> expiresAtMs;
    bool hasRefreshToken = false;
    QStringList grantedScopes;   // what the provider granted (empty: unknown)
    QStringList requestedScopes; // what the connection asked for (empty: unknown)
    // The OAuth client's provider profile when its scopes are the profile's defaults (the
    // assessment's caller fills requestedScopes from the catalog).
    QString clientProfile;
    // Seen by the OAuth layer in this process (not stored): the last refresh failed for a reason
    // that passes (retried at refreshRetryAtMs), or the check endpoint refused the access token.
    QString refreshFailure;
    std::optional<qint64> refreshRetryAtMs;
    QString tokenRefused;
    // When the current tokens were received (oauth_credentials), UTC ms; 0: unknown.
    qint64 receivedAtMs = 0;
    // The latest validity check through the provider's check endpoint, stored by the OAuth layer
    // of whichever process made it (oauth_validity_checks).
    std::optional<ValidityCheck> lastCheck;

    bool operator==(const CredentialFacts &other) const = default;
};

// Everything the assessment of one connection reads.
struct HealthInputs
{
    Connection connection;
    QList<Registration> registrations;
    PassiveSignals passive;
    CredentialFacts credentials;
};

struct HealthPolicy
{
    SilencePolicy silence;
    int failedVerificationThreshold = 3; // this many failed verifications in a row: rotated secret
    qint64 tokenExpiryWarningMs = 15 * 60'000;
    // A registration not checked for this long counts as unchecked (the last answer is stale).
    qint64 staleCheckMs = 24 * 3'600'000;
};

// Turns the inputs into findings (pure; any thread). `api` is the provider profile's registration
// section (not present: no active checks exist for the provider, its registrations are judged by
// their events only). `nowMs` UTC.
//
// Findings and their codes (severity, action):
//  - registration.missing (failing, reregister), registration.expired (failing, reregister),
//    registration.disabled (failing, reenable), registration.access_denied (failing,
//    reauthorize; attention and rotate_secret when the refused credential is the app
//    credential), registration.missing of a GitHub App's webhook (failing, reenable: it lives in
//    the app's settings), registration.check_failed (attention, investigate),
//    registration.expiring (attention, renew; failing once within a quarter of the renewal lead or
//    after a refused renewal), registration.reregister_failed (failing, reregister),
//    registration.last_delivery_failed (attention, check_endpoint: the provider's own last
//    delivery to us failed);
//  - from Graph lifecycle notifications (lifecyclenotices.h): registration.removed (failing,
//    reregister: subscriptionRemoved), registration.reauthorization_required (attention, renew;
//    failing after a refused renewal), events.missed (attention, investigate: resync);
//  - events.silent (attention, investigate): no events for much longer than usual;
//  - verification.failing (failing, rotate_secret): the newest events failed verification, at
//    least `failedVerificationThreshold` in a row;
//  - handshake.failing (failing, rotate_secret for secret-based handshakes, else investigate);
//  - credential.revoked, credential.needs_reauthorization (failing, reauthorize),
//    credential.expired (failing, refresh when a refresh token is known to exist, else
//    reauthorize), credential.expiring (attention, refresh), credential.scopes_lost (attention,
//    reauthorize), credential.refresh_failing (attention, refresh: retried by the OAuth layer),
//    credential.refused (failing, reauthorize: the provider's check endpoint refused the token,
//    as the stored latest validity check says when it was made with the current tokens, or as
//    this process saw it).
// The latest validity check is passed on as ConnectionHealth::credentialCheck.
class HealthAssessment final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::HealthAssessment)

public:
    static ConnectionHealth assess(const HealthInputs &inputs, const RegistrationApi &api,
                                   const HealthPolicy &policy, qint64 nowMs);
    // "3 h 20 min", "45 min", "2 d 4 h", "40 s": a duration for reasons.
    static QString duration(qint64 ms);
};

} // namespace wb::core
