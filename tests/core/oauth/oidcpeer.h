// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/authorizationflow.h"
#include "core/oauth/browserlauncher.h"
#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/tokenresponse.h"
#include "support/nodepeer.h"

#include <QFuture>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTest>

#include <optional>

namespace wb::core {
class Clock;
class TokenStore;
} // namespace wb::core

namespace wb::test {

// tests/peers/oidc-server.mjs (oidc-provider, npm) for the OAuth tests, plus the client
// configurations that match its clients and plain HTTP helpers for the assertions.
class OidcPeer final
{
public:
    // Starts the server. `extraArguments`: e.g. {"--access-token-ttl", "4"}.
    bool start(const QStringList &extraArguments = {});
    QString errorString() const { return m_error; }

    QString issuer() const;
    QUrl endpoint(const char *key) const; // "token_endpoint", "revocation_endpoint"…

    // The public native client: PKCE, account id from the id_token's `sub`, userinfo as the
    // check endpoint, RFC 7009 revocation. `prompt=consent` is what oidc-provider needs to issue
    // a refresh token for `offline_access` (OpenID Connect Core §11).
    core::OAuthClientConfig nativeClient() const;
    // The confidential client: the same, with client_secret_basic.
    core::OAuthClientConfig confidentialClient() const;

    // GET /__control/stats.
    QJsonObject stats();
    int grantCount(const QString &grantType);
    // The next `count` requests to /token and /me (or `path`) answer 503.
    bool startOutage(int count, std::optional<int> retryAfterSeconds = std::nullopt,
                     const QString &path = {});

    // A form POST (token, revocation endpoints) as a public client would send it.
    core::EndpointReply post(const QUrl &url, const QList<std::pair<QString, QString>> &fields);
    // GET with a bearer token (userinfo).
    core::EndpointReply getWithBearer(const QUrl &url, const QString &accessToken);

private:
    core::EndpointReply wait(QNetworkReply *reply);

    NodePeer m_peer;
    QNetworkAccessManager m_network;
    QString m_error;
};

// The client JSON (clientconfigjson.h) of one of the peer's clients: every endpoint, the account
// id from the id_token's `sub`, `prompt=consent`. Never the client secret.
QByteArray clientJson(const core::OAuthClientConfig &config);

// The environment for a BrowserLauncher whose browser is the npm peer `script`
// ("oauth-browser.mjs" drives Chromium, "oidc-login.mjs" is a scripted HTTP user agent), with
// `extra` variables (WB_BROWSER_ACTION…).
QProcessEnvironment browserEnvironment(const QString &script,
                                       const QMap<QString, QString> &extra = {});

// The outcome of authorize().
struct AuthorizationRun
{
    std::optional<core::Result<core::AuthorizationOutcome>> result; // empty: the flow never ended
    std::optional<core::BrowserExit> browser;                       // empty: still running
    QUrl redirectUri;
    QString failure; // set when the run could not be carried out (for QVERIFY2)
};

// Runs an AuthorizationFlow for `connectionId` to its end, opening the URL with a BrowserLauncher
// in `environment`. Waits up to `timeoutMs` for the flow and the browser.
AuthorizationRun authorize(core::TokenStore &store, const core::Clock &clock, qint64 connectionId,
                           const core::OAuthClientConfig &config,
                           const QProcessEnvironment &environment, int timeoutMs = 90'000);

// A real grant for `connectionId` in `store`: runs an AuthorizationFlow with the scripted user
// agent (oidc-login.mjs) signing in as `login`. Returns the stored credential, or std::nullopt
// with `failure` set.
std::optional<core::TokenSet> grant(core::TokenStore &store, const core::Clock &clock,
                                    qint64 connectionId, const core::OAuthClientConfig &config,
                                    const QString &login, QString *failure);

// Waits (running the event loop) up to `timeoutMs` for `future` and returns its result.
template<typename T>
std::optional<T> await(QFuture<T> future, int timeoutMs = 30'000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs) || future.isCanceled())
        return std::nullopt;
    return future.result();
}

} // namespace wb::test
