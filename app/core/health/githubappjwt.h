// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace wb::core {

// The JSON Web Token that authenticates requests as a GitHub App (GET /app/hook/config,
// /app/hook/deliveries, …), sent as `Authorization: Bearer <jwt>`.
//
// Facts (docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/
// generating-a-json-web-token-jwt-for-a-github-app): algorithm RS256 with the app's private key
// (the PEM file GitHub lets you download); claims `iat` (issued at) 60 seconds in the past to
// allow for clock drift, `exp` no more than 10 minutes into the future, `iss` the app's client ID
// or application ID (sent as a string, RFC 7519 §4.1.1 StringOrURI). Encoding: RFC 7519 §7.1 (the JWS compact serialization, RFC 7515 §7.1:
// base64url without padding of the header, the payload and the signature, joined by '.'); RS256
// is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3). The signature uses OpenSSL 3 EVP, the JSON
// and base64url Qt.
//
// Pure; any thread. Never logs the key or the token.
class GitHubAppJwt final
{
    Q_DECLARE_TR_FUNCTIONS(wb::core::GitHubAppJwt)

public:
    // At most 10 minutes after `iat + 60 s` is allowed; a little less leaves room for skew.
    static constexpr int defaultLifetimeSeconds = 9 * 60;
    static constexpr int backdateSeconds = 60;
    static constexpr int maxLifetimeSeconds = 10 * 60;

    // A token for `issuer` (the app's numeric application ID or its client ID "Iv1.…"), issued
    // at `nowMs` (UTC ms since the epoch) − 60 s, expiring `lifetimeSeconds` after `nowMs`
    // (1 … 600). `privateKeyPem`: an RSA private key in PEM (PKCS#1 "BEGIN RSA PRIVATE KEY" or
    // PKCS#8 "BEGIN PRIVATE KEY"). Errors: `health.bad_app_key` (not an RSA private key in PEM;
    // the message never quotes it), `health.bad_app_id` (empty, or characters other than
    // letters, digits, '.', '_' and '-'), `health.bad_lifetime`, `crypto.sign_failed`.
    static Result<QByteArray> sign(const QByteArray &privateKeyPem, const QString &issuer,
                                   qint64 nowMs, int lifetimeSeconds = defaultLifetimeSeconds);
};

} // namespace wb::core
