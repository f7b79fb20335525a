// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// What the last check of a registration found. Stored by name (nameOf).
enum class RegistrationState {
    Unchecked,    // "unchecked": never checked (or the provider has no readable API)
    Active,       // "active": the provider has it and sends to it
    Disabled,     // "disabled": the provider has it switched off (GitHub active=false, Stripe
                  // status=disabled)
    Missing,      // "missing": the provider answered that it does not exist (404/410)
    Expired,      // "expired": its expiry has passed (Graph subscriptions)
    AccessDenied, // "access_denied": the provider refused our credentials (401/403)
    CheckFailed,  // "check_failed": no usable answer (network, 5xx, 429, unreadable body)
};

// Where a registration record came from. Stored by name.
enum class RegistrationOrigin {
    Onboarding,  // "onboarding": recorded when the tenant was onboarded
    ProviderApi, // "provider_api": read from (or created through) the provider's API
    Manual,      // "manual": entered by a person
};

// What the monitor last did to a registration by itself. Stored by name.
enum class RegistrationAction {
    None,             // ""
    Renewed,          // "renewed"
    RenewFailed,      // "renew_failed"
    Reregistered,     // "reregistered"
    ReregisterFailed, // "reregister_failed"
};

// One webhook registration at a provider, for one connection: what we registered there. Times are
// UTC milliseconds since the epoch. Table `webhook_registrations`.
struct Registration
{
    qint64 id = 0;           // assigned by the store
    qint64 connectionId = 0; // required; the registration goes with its connection
    QString externalId; // the provider's id (GitHub hook id, Stripe we_…, Graph subscription id)
    QString scope;      // where it lives at the provider (GitHub "repos/octo/hello"); may be ""
    QString targetUrl;  // where the provider sends the events (our receiver)
    QStringList events; // the event types registered
    RegistrationOrigin origin = RegistrationOrigin::Manual;
    std::optional<qint64> expiresAtMs; // when the provider drops it unless renewed
    // Lifetime requested on renewal, in minutes; 0: the provider profile's.
    int renewLifetimeMinutes = 0;
    // The engineer allows the monitor to create it again when the provider lost it.
    bool reregisterAllowed = false;
    // The creation request's body, sent again to re-register (JSON or form, see the profile); it
    // may hold {expires_at}. Never a secret: a provider-issued secret goes to the keychain.
    QByteArray registrationBody;

    RegistrationState state = RegistrationState::Unchecked;
    QString stateDetail;        // what the check saw, for people
    QString lastDeliveryStatus; // the provider's account of its last delivery ("502 Bad Gateway")
    std::optional<qint64> lastCheckedAtMs;
    RegistrationAction lastAction = RegistrationAction::None;
    QString lastActionDetail;
    std::optional<qint64> lastActionAtMs;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    // For people: "repos/octo/hello #12345678", or the bare external id without a scope.
    QString displayName() const;

    bool operator==(const Registration &other) const = default;
};

QString nameOf(RegistrationState state);
std::optional<RegistrationState> registrationStateFromName(const QString &name);
QString nameOf(RegistrationOrigin origin);
std::optional<RegistrationOrigin> registrationOriginFromName(const QString &name);
QString nameOf(RegistrationAction action);
std::optional<RegistrationAction> registrationActionFromName(const QString &name);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::Registration)
