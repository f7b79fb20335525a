// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace wb::core {

// What a secret is for. Stored by name (nameOf) in secret references.
enum class SecretKind {
    OAuthClientSecret,    // "oauth_client_secret": the OAuth client secret of a connection's app
    AccessToken,          // "access_token"
    RefreshToken,         // "refresh_token"
    WebhookSigningSecret, // "webhook_signing_secret": verifies inbound webhook signatures
    // "app_credential": the credential of our app at the provider for its app-level management
    // API, where a registration cannot be read with the tenant's access token: a GitHub App's
    // private key (PEM), a HubSpot developer API key, a Slack app configuration token
    // (core/providers/registrationapi.h, RegistrationApi::Credential). Schema version 13.
    AppCredential,
};

// Every kind, in declaration order.
inline constexpr SecretKind allSecretKinds[] = {SecretKind::OAuthClientSecret,
                                                SecretKind::AccessToken, SecretKind::RefreshToken,
                                                SecretKind::WebhookSigningSecret,
                                                SecretKind::AppCredential};

// Which of a kind's slots. Only webhook signing secrets have a secondary slot: during a rotation
// the new secret goes into `secondary`, the verifier accepts either, and once the provider signs
// with the new one it is promoted to `primary` (no downtime).
enum class SecretSlot {
    Primary,   // "primary"
    Secondary, // "secondary"
};

QString nameOf(SecretKind kind);
QString nameOf(SecretSlot slot);
std::optional<SecretKind> secretKindFromName(const QString &name);
std::optional<SecretSlot> secretSlotFromName(const QString &name);
// A short human name ("webhook signing secret"), for messages.
QString displayName(SecretKind kind);

// Identifies one secret: (connection, kind, slot). The same key addresses the secret in every
// backend (keychain today, sealed later) and in the store's secret_references table.
struct SecretKey
{
    qint64 connectionId = 0;
    SecretKind kind = SecretKind::AccessToken;
    SecretSlot slot = SecretSlot::Primary;

    bool operator==(const SecretKey &other) const = default;
};

// Error `secrets.invalid_key`: a connection id < 1, or a secondary slot for a kind that has only a
// primary one. The message names the connection, kind and slot.
Result<void> validateSecretKey(const SecretKey &key);
// "webhook signing secret (secondary) of connection 7", for messages and logs.
QString describe(const SecretKey &key);

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::SecretKey)
