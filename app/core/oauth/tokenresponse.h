// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/tokenset.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

#include <optional>

namespace wb::core {

// What came back from a token, revocation or check endpoint, copied out of the QNetworkReply so
// that it can be parsed (and tested) without one.
struct EndpointReply
{
    QUrl url;           // the endpoint that answered (for messages)
    int httpStatus = 0; // 0 when no HTTP response arrived
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    QByteArray contentType;
    QByteArray body;
    // Retry-After in delta-seconds (RFC 9110 §10.2.3) as milliseconds, when present and valid.
    std::optional<qint64> retryAfterMs;

    // Reads status, headers and the whole body of a finished reply (the caller still owns it).
    static EndpointReply fromNetworkReply(QNetworkReply *reply);
    // True when no HTTP response arrived at all (connection refused, DNS, TLS, timeout).
    bool isNetworkFailure() const { return httpStatus == 0; }
};

// Error codes of the OAuth core that callers match on.
namespace oautherror {
inline constexpr char networkError[] = "oauth.network_error"; // transient: no HTTP response
inline constexpr char providerUnavailable[] = "oauth.provider_unavailable"; // transient: 5xx, 429
inline constexpr char invalidGrant[] = "oauth.invalid_grant"; // the grant or refresh token is dead
inline constexpr char tokenError[] = "oauth.token_error";     // another RFC 6749 §5.2 error
inline constexpr char badResponse[] = "oauth.bad_token_response"; // 2xx but not a token response
inline constexpr char accountIdMissing[] = "oauth.account_id_missing";
} // namespace oautherror

// True for the errors that say "try again later" (network failure, provider outage), which never
// end a connection's authorization.
bool isTransientOAuthError(const Error &error);

// The HTTP failure of any OAuth endpoint call as an Error, or std::nullopt when the reply is a 2xx.
// Network failures → oauth.network_error; 5xx and 429 → oauth.provider_unavailable; 4xx with an
// RFC 6749 §5.2 body → oauth.invalid_grant (for `config.invalidGrantErrors`) or oauth.token_error,
// the message naming the provider's `error` and `error_description`.
std::optional<Error> endpointFailure(const EndpointReply &reply, const OAuthClientConfig &config,
                                     const QString &endpointName);

// Parses a token endpoint reply (RFC 6749 §5.1 success or §5.2 error). Accepts JSON and
// application/x-www-form-urlencoded bodies (GitHub answers the latter without an Accept header)
// and an `error` field even under HTTP 200 (Slack's "ok": false, GitHub). `expires_in` may be a
// number or a numeric string; a missing one leaves the expiry unknown.
//
// `receivedAtMs` is the local receipt time (UTC ms). `requireAccountId` makes a missing account id
// an error (oauth.account_id_missing): true for the code exchange, false for refreshes, whose
// responses often omit it. Errors: see endpointFailure(), plus oauth.bad_token_response.
Result<TokenSet> parseTokenResponse(const EndpointReply &reply, const OAuthClientConfig &config,
                                    qint64 receivedAtMs, bool requireAccountId);

// The body of a token endpoint reply as a JSON object (form bodies become string fields);
// std::nullopt when it is neither.
std::optional<QJsonObject> tokenResponseObject(const EndpointReply &reply);

// The claims of an OpenID Connect id_token (the JWS payload, RFC 7515 §7.1), without checking the
// signature: the token came straight from the token endpoint over TLS, which OpenID Connect Core
// §3.1.3.7 (6) accepts in place of signature validation. std::nullopt if it is not a JWS.
std::optional<QJsonObject> idTokenClaims(const QString &idToken);

// The value at dotted `path` ("team.id") in `object` as text; numbers become decimal text.
// Empty when absent or not a string/number.
QString valueAtPath(const QJsonObject &object, const QString &path);

// The fields of `config.keptResponseFields` present in `object`, each with every field that holds a
// token or secret removed (nested ones too); a listed field that itself names a secret is dropped.
QJsonObject keptFields(const QJsonObject &object, const OAuthClientConfig &config);

// `value` after `config.accountIdPattern`: the pattern's capture, empty when it does not match;
// `value` itself when there is no pattern.
QString applyAccountIdPattern(const QString &value, const OAuthClientConfig &config);

// A refreshed credential: `fresh` with what the refresh response may omit (refresh token, RFC 6749
// §6; scope, §5.1; account id and kept fields) taken from `previous`.
TokenSet mergeRefreshed(const TokenSet &previous, TokenSet fresh);

} // namespace wb::core
