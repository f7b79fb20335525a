// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace wb::core {

// Where a connection's authorization stands. Stored by name (nameOf).
enum class ConnectionStatus {
    Unauthorized,         // "unauthorized": never authorized (or the authorization was removed)
    Authorized,           // "authorized": tokens present and valid at the last check
    Expiring,             // "expiring": the access token expires soon and no refresh succeeded yet
    NeedsReauthorization, // "needs_reauthorization": refresh failed; a person must authorize again
    Revoked,              // "revoked": the provider reported the grant revoked
    Disabled,             // "disabled": switched off by a person; nothing is sent or refreshed
};

QString nameOf(ConnectionStatus status);
std::optional<ConnectionStatus> connectionStatusFromName(const QString &name);

// Per-connection limits that override the provider profile's defaults; an absent value means "use
// the provider's default".
struct RateLimitOverrides
{
    std::optional<double> requestsPerSecond; // token bucket refill rate, > 0
    std::optional<int> burst;                // token bucket capacity, >= 1
    std::optional<int> concurrencyLimit;     // requests in flight at once, >= 1

    bool operator==(const RateLimitOverrides &other) const = default;
};

// A connection's settings, edited by people.
struct ConnectionSettings
{
    QUrl baseUrl;          // the provider API base for this tenant (empty: the profile's default)
    QUrl forwardTargetUrl; // where verified inbound events are forwarded (empty: not forwarded)
    QString retryPolicy;   // a retry policy name (empty: the provider's default)
    RateLimitOverrides rateLimits;
    // The verify token of a subscription handshake that checks one (Meta's hub.verify_token,
    // chosen by the engineer when registering the callback URL; empty: none yet). At most 200
    // printable ASCII characters without spaces. Source: developers.facebook.com/docs/graph-api/
    // webhooks/getting-started ("Verification Requests").
    QString handshakeVerifyToken;

    bool operator==(const ConnectionSettings &other) const = default;
};

// One tenant's link to one external system. Times are UTC milliseconds since the epoch.
struct Connection
{
    qint64 id = 0;       // assigned by the store; never reused (secret keys depend on it)
    qint64 tenantId = 0; // required, an existing tenant
    QString providerId;  // a provider profile id such as "github" ([a-z0-9][a-z0-9._-]*)
    QString label;       // tells two connections of one tenant to one provider apart; may be empty
    ConnectionSettings settings;
    ConnectionStatus status = ConnectionStatus::Unauthorized;
    std::optional<qint64> tokenExpiresAtMs; // when the current access token expires, if known
    std::optional<qint64> lastCheckedAtMs;  // when the authorization was last checked
    QString lastCheckResult;                // what that check found, for people
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool operator==(const Connection &other) const = default;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::Connection)
