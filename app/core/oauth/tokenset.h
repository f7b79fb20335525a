// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace wb::core {

// The credential of one connection as received from the token endpoint (RFC 6749 §5.1).
//
// `accessToken` and `refreshToken` are secrets: they go to the keychain (SecretStore) only, never
// to the database, logs or exports. Everything else is metadata the database may hold. Times are
// UTC milliseconds since the epoch, from the injected Clock.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the provider issued none
    QString tokenType;    // as sent ("Bearer", "bearer", Slack's "bot"…)
    QString scope;        // the granted scope (RFC 6749 §5.1 / §3.3)

    qint64 receivedAtMs = 0; // local time at which the response arrived
    qint64 lifetimeMs = 0;   // expires_in × 1000; 0 when the provider did not say
    // receivedAtMs + lifetimeMs − margin (OAuthClientConfig::expiryMarginMs); 0 when unknown. The
    // access token is treated as expired from this instant on, and refreshed at it.
    qint64 expiresAtMs = 0;

    // The external account this credential belongs to (identity mapping key), if the provider
    // says so at this point (see OAuthClientConfig::accountIdSource).
    QString accountId;
    // Non-secret fields of the token response that the profile keeps (Salesforce `instance_url`,
    // Slack `team`…), with every field that holds a token or secret removed, nested ones too.
    QJsonObject extra;

    bool hasExpiry() const { return expiresAtMs > 0; }
    // True when the access token must no longer be used at `nowMs`.
    bool isExpiredAt(qint64 nowMs) const { return hasExpiry() && nowMs >= expiresAtMs; }

    bool operator==(const TokenSet &other) const = default;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::TokenSet)
