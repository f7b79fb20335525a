// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/providerprofile.h"
#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>

namespace wb::core {

// How the client authenticates at the token and revocation endpoints (RFC 6749 §2.3.1, the
// registered names of RFC 7591 §2).
enum class ClientAuthMethod {
    None,              // "none": a public client (native app); client_id in the body only
    ClientSecretBasic, // "client_secret_basic": HTTP Basic with the form-encoded id and secret
    ClientSecretPost,  // "client_secret_post": client_id and client_secret in the form body
};

// Where the external account id (the identity mapping's key) is found after authorization.
enum class AccountIdSource {
    None,          // the provider gives none at authorization time
    TokenResponse, // a field of the token response JSON (Slack `team.id`, Salesforce `id`…)
    IdTokenClaim,  // a claim of the OpenID Connect id_token (Microsoft `tid`, `sub`…)
    // A query parameter of the authorization redirect (GitHub App `installation_id`).
    RedirectParameter,
    // A field of the token info endpoint's answer (`tokenInfoUrl`; HubSpot `hub_id`, userinfo
    // `sub`), asked right after the code exchange. See accountinfo.h.
    TokenInfo,
};

// Everything the OAuth core needs to know about one provider for one connection. Filled from the
// provider profile (app/core/providers) plus the connection's own client credentials; the
// profile loader is the only place that knows provider names.
//
// Ownership: a plain value. `clientSecret` is read from the keychain by the caller right before use
// and is never written anywhere by the OAuth core.
struct OAuthClientConfig
{
    QString providerId; // for messages ("slack", "oidc-test"…)

    QUrl authorizationUrl; // RFC 6749 §3.1, required
    QUrl tokenUrl;         // RFC 6749 §3.2, required
    QUrl revocationUrl;    // RFC 7009 §2; empty when the provider has no revocation endpoint
    // The shape of the request to revocationUrl (providerprofile.h): RFC 7009, or the provider's
    // own (GitHub, Slack).
    RevocationRequest revocationRequest = RevocationRequest::Rfc7009;
    QUrl checkUrl; // GET with the bearer token to check validity (userinfo); may be empty
    // GET after the code exchange for AccountIdSource::TokenInfo; "{access_token}" in the path is
    // replaced by the token (HubSpot), otherwise it is sent as a bearer token (accountinfo.h).
    QUrl tokenInfoUrl;
    // The authorization server's issuer identifier. When set, an `iss` parameter on the redirect
    // must equal it (RFC 9207 §2.4, mix-up defence).
    QString issuer;

    QString clientId;
    QString clientSecret; // empty for public clients
    ClientAuthMethod clientAuth = ClientAuthMethod::None;

    QStringList scopes; // joined with scopeSeparator
    // RFC 6749 §3.3 says space-delimited; Slack and Shopify document comma-separated scopes.
    QString scopeSeparator = QStringLiteral(" ");
    // Added to the authorization request as is, in order (`prompt=consent`, Slack `user_scope`,
    // Microsoft `domain_hint`, Dropbox `token_access_type=offline`…).
    QList<std::pair<QString, QString>> extraAuthorizeParameters;
    // PKCE S256 (RFC 7636) on the authorization request and the code exchange. Providers without
    // PKCE support ignore the parameters, but a profile may switch them off.
    bool usePkce = true;

    AccountIdSource accountIdSource = AccountIdSource::None;
    // A dotted path into the source: "team.id", "instance_url", "tid", "hub_id"; for
    // RedirectParameter the parameter's name ("installation_id"). Numbers are turned into their
    // decimal text.
    QString accountIdPath;
    // Optional: a regular expression with one capture group applied to the value at
    // accountIdPath; the capture is the account id. Salesforce's `id` is the identity URL
    // https://login.salesforce.com/id/<organization id>/<user id>: "/id/([^/]+)/".
    QString accountIdPattern;
    // Top-level token response fields kept as TokenSet::extra (Salesforce `instance_url`, Slack
    // `team`). Fields that hold a token or secret (`*_token`, `*secret*`, `*password*`), also
    // nested ones, are dropped even when listed.
    QStringList keptResponseFields;
    // The `error` values that mean "this refresh token is dead" (RFC 6749 §5.2 `invalid_grant`;
    // Slack answers `invalid_refresh_token` with HTTP 200 and "ok": false).
    QStringList invalidGrantErrors{QStringLiteral("invalid_grant")};

    // The expiry we act on is receipt time + expires_in − margin, so that a refresh finishes before
    // the provider's clock says the token expired. The margin is capped at a quarter of the
    // token's lifetime so that short-lived tokens are still usable. Milliseconds.
    qint64 expiryMarginMs = 60'000;

    // Checks that the required fields are present and well formed. Errors:
    // `oauth.config_invalid`, naming the field.
    Result<void> validate() const;
};

// The registered name of a method ("client_secret_basic"…) and back; std::nullopt for an unknown
// name.
QString nameOf(ClientAuthMethod method);
std::optional<ClientAuthMethod> clientAuthMethodFromString(const QString &name);

} // namespace wb::core
