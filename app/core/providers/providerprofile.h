// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providers/registrationapi.h"
#include "core/providers/signaturescheme.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb::core {

// Whether the provider's authorization endpoint accepts PKCE (RFC 7636).
enum class PkceSupport { Required, Supported, Unsupported, Unknown };

// The shape of the provider's token revocation request (profile key oauth.revoke_request).
enum class RevocationRequest {
    // RFC 7009 §2.1: a form POST of `token` and `token_type_hint` (the refresh token when there is
    // one) with the client's authentication. HTTP 200 is success (§2.2). The default.
    Rfc7009,
    // DELETE with HTTP Basic authentication by client id and secret and the JSON body
    // {"access_token": "<access token>"}; 204 is success. GitHub's "Delete an app authorization"
    // (https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-authorization),
    // which deletes the grant and with it every token of the app for that user.
    BasicAuthJsonDelete,
    // POST with `Authorization: Bearer <access token>` and no body: the token revokes itself. An
    // answer with an `error` field fails even under HTTP 200. Slack's auth.revoke
    // (https://api.slack.com/methods/auth.revoke: {"ok": true, "revoked": true}, or
    // {"ok": false, "error": "invalid_auth"}).
    BearerPost,
};

// Where the external account id sits in the provider's token response (a JSON pointer, RFC 6901),
// e.g. Slack "/team/id", Stripe "/stripe_user_id", Salesforce "/instance_url". Or, for OpenID
// Connect providers, the claim of the ID Token (OpenID Connect Core 1.0 §2, "sub", Microsoft "tid")
// that names the account: `accountIdClaim` (profile key token_response.account_id_claim); at most
// one of the two is set.
struct TokenResponseQuirks
{
    QString accountIdPointer;
    QString accountIdClaim;
    QString accountNamePointer;
    QString instanceUrlPointer;
};

// Where the external account id comes from when the token response lacks it: a token info
// endpoint asked with the new access token right after the code exchange (profile key
// oauth.token_info). `url` may contain "{access_token}" (the token goes into the path, HubSpot's
// GET /oauth/v1/access-tokens/{token}); otherwise the token is sent as a bearer token.
// `accountIdPointer` and `accountNamePointer` are JSON pointers into its answer.
struct TokenInfoQuirks
{
    QString url;
    QString accountIdPointer;
    QString accountNamePointer;
};

// OAuth 2.0 settings. URLs may contain {placeholders} (Shopify "{shop}", Microsoft "{tenant}")
// that the connection fills in; `urlPlaceholders` maps each one to its default ("" = none, the
// user must give it).
struct OAuthSettings
{
    bool present = false; // false: the provider has no OAuth flow in Wirebench (API keys, …)
    QString authorizeUrl;
    QString tokenUrl;
    QString revokeUrl;
    RevocationRequest revokeRequest = RevocationRequest::Rfc7009; // only with revokeUrl
    QString checkUrl; // an endpoint that answers 2xx while the token is valid (userinfo, auth.test)
    QStringList defaultScopes;
    QString scopeSeparator = QStringLiteral(" ");
    PkceSupport pkce = PkceSupport::Unknown;
    QMap<QString, QString> extraAuthorizeParameters;
    QMap<QString, QString> urlPlaceholders;
    TokenResponseQuirks tokenResponse;
    TokenInfoQuirks tokenInfo;
};

// The handshake an external system performs before (or while) it sends events. The responder is
// core/inbound/handshake.
enum class HandshakeKind {
    None,
    SlackUrlVerification, // api.slack.com/events/url_verification
    GraphValidationToken, // Microsoft Graph ?validationToken= (change-notifications docs)
    ZoomUrlValidation,    // Zoom endpoint.url_validation
    DropboxChallenge,     // Dropbox GET ?challenge=
    AsanaHookSecret,      // Asana X-Hook-Secret (developers.asana.com/reference/createwebhook)
    XCrc,                 // X (Twitter) CRC ?crc_token=
    MetaHubChallenge,     // Meta hub.mode=subscribe + hub.verify_token
    DiscordPing,          // Discord interactions PING (type 1)
};

struct HandshakeSpec
{
    HandshakeKind kind = HandshakeKind::None;
    // Answer only a request whose signature verified (Discord requires it; Slack signs its
    // url_verification request too).
    bool requiresVerifiedSignature = false;
};

// One place a value of an event can be read from: a JSON pointer into the raw body, a header, an
// application/x-www-form-urlencoded body field, or the first XML element with a local name.
struct FieldLocation
{
    enum class Source { JsonPointer, Header, FormField, XmlElement };
    Source source = Source::JsonPointer;
    QString name; // the pointer, header name, form field name or element name
};

// Rate-limit headers of the provider's API (read by the dispatch engine).
enum class RateLimitResetUnit {
    None,
    EpochSeconds,
    DeltaSeconds,
    EpochMilliseconds,
    DeltaMilliseconds,
    Iso8601
};

struct RateLimitHeaders
{
    QString limitHeader;
    QString remainingHeader;
    QString resetHeader;
    RateLimitResetUnit resetUnit = RateLimitResetUnit::None;
    QString retryAfterHeader = QStringLiteral("Retry-After");
    QString notes;
};

// How the provider itself retries its webhooks to us, and when it gives up (for display only).
struct ProviderRetryPolicy
{
    std::optional<int> responseTimeoutMs;
    QList<int> scheduleSeconds; // delays after the first attempt, when the provider publishes them
    QString summary;
    QString disableRule;
};

struct ProviderProfile
{
    enum class Origin { BuiltIn, User };

    QString id; // the file's base name: lower case letters, digits and '-'
    QString displayName;
    QString description;
    OAuthSettings oauth;
    // Candidate schemes in order; a scheme with `whenHeader` applies only when that header matches;
    // the first applicable one whose signature header is present is used. Empty: unsigned.
    QList<SignatureScheme> signatureSchemes;
    HandshakeSpec handshake;
    // Who picks the webhook signing secret: the provider issues it (false: Stripe's whsec_, Slack's
    // signing secret, an app's client secret) or the person registering the webhook enters one of
    // their own (true: GitHub's "Secret" field, Jira admin webhooks). Profile key
    // webhook.secret_chosen_by, "provider" (default) or "you".
    bool webhookSecretChosenByYou = false;
    QList<FieldLocation> identityFields; // tried in order; the first that yields a value wins
    QList<FieldLocation> eventIdFields;
    QList<FieldLocation> eventTypeFields;
    RateLimitHeaders rateLimits;
    ProviderRetryPolicy retryPolicy;
    RegistrationApi registration;   // how the provider's API shows our webhook registrations
    QMap<QString, QString> sources; // section → where its facts come from

    Origin origin = Origin::BuiltIn;
    QString originPath; // ":/providers/slack.json" or the user's file
    bool overridesBuiltIn = false;
};

QString nameOf(PkceSupport pkce);
QString nameOf(HandshakeKind kind);
QString nameOf(FieldLocation::Source source);
QString nameOf(RateLimitResetUnit unit);
// "JSON pointer /installation/id in the body", "header X-Shopify-Shop-Domain", …
QString describe(const FieldLocation &location);

} // namespace wb::core
