// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/oauthclientconfig.h"
#include "core/oauth/pkce.h"
#include "core/oauth/tokenresponse.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace wb::core {

class Clock;
class TokenStore;

// What a successful authorization produced (the tokens themselves are in the TokenStore).
struct AuthorizationOutcome
{
    qint64 connectionId = 0;
    QString accountId;      // the external account (identity mapping key); may be empty
    qint64 expiresAtMs = 0; // UTC ms; 0 when the provider gave no lifetime
    QString scope;          // the granted scope
    bool hasRefreshToken = false;
    QJsonObject extra; // the kept, non-secret fields of the token response

    bool operator==(const AuthorizationOutcome &other) const = default;
};

// One OAuth 2.0 authorization-code flow (RFC 6749 §4.1) for one connection, run in the system
// browser with a loopback redirect (RFC 8252):
//  - QOAuth2AuthorizationCodeFlow builds the authorization request; a QOAuthHttpServerReplyHandler
//    listens on 127.0.0.1 on a random port for this flow only, and the redirect URI is
//    http://127.0.0.1:<port>/callback (RFC 8252 §7.3);
//  - PKCE S256 with a fresh verifier (RFC 7636), the challenge added through the flow's
//    modifyParametersFunction (Qt 6.4 has no PKCE of its own);
//  - a 256-bit random `state` (RFC 6749 §10.12); a redirect with another state, or with an `iss`
//    that is not the configured issuer (RFC 9207 §2.4), is refused and ends the flow;
//  - the browser gets a page saying whether Wirebench accepted the redirect;
//  - the code exchange (RFC 6749 §4.1.3, with the code_verifier) is sent by this class through the
//    given QNetworkAccessManager, not by QOAuth2AuthorizationCodeFlow: in Qt 6.4 that one drops
//    every failed token request without a signal, sends a code that arrived percent-encoded
//    encoded a second time (its reply handler does not decode the redirect's query), and cannot
//    authenticate a client with HTTP Basic (client_secret_basic);
//  - the external account id comes from where the profile says (OAuthClientConfig::
//    accountIdSource): the token response or its id_token, the redirect's query (GitHub App
//    `installation_id`), or a token info endpoint asked with the new access token (HubSpot);
//    see accountinfo.h. Missing where the profile says it is → oauth.account_id_missing, and
//    nothing is stored;
//  - the tokens are written to the TokenStore before finished() reports success.
// The flow emits the authorization URL; it never opens a browser (the GUI uses QDesktopServices,
// the CLI a BrowserLauncher).
//
// Timeout, cancel() and every failure close the listener and store nothing.
//
// Thread: the thread that created it (the main loop); everything is asynchronous. `store`,
// `network` and `clock` must outlive the flow. One flow object runs once.
class AuthorizationFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationFlow)

public:
    enum class State {
        Idle,              // before start()
        WaitingForBrowser, // listening for the redirect
        // Redirect accepted, code being exchanged (RFC 6749 §4.1.3); for profiles whose account
        // id comes from a token info endpoint, that endpoint being asked.
        ExchangingCode,
        Storing, // tokens received, being written to the TokenStore
        Succeeded,
        Failed, // includes timeout and cancel
    };
    Q_ENUM(State)

    static constexpr qint64 defaultTimeoutMs = 5 * 60 * 1000;
    static constexpr char callbackPath[] = "/callback";

    AuthorizationFlow(qint64 connectionId, OAuthClientConfig config, TokenStore &store,
                      QNetworkAccessManager &network, const Clock &clock,
                      QObject *parent = nullptr);
    ~AuthorizationFlow() override;

    // Starts listening and emits authorizationUrlReady() before it returns. The flow fails with
    // oauth.timeout when no redirect completed within `timeoutMs` (milliseconds, real time).
    // Errors (nothing is left listening, and finished() is not emitted): oauth.config_invalid,
    // oauth.listen_failed, oauth.already_started.
    Result<void> start(qint64 timeoutMs = defaultTimeoutMs);
    // Stops the flow: closes the listener, aborts a code exchange in flight and removes tokens
    // that were being stored. finished() follows with oauth.cancelled. No-op once finished.
    void cancel();

    State state() const { return m_state; }
    qint64 connectionId() const { return m_connectionId; }
    bool isListening() const;
    // http://127.0.0.1:<port>/callback; valid after start(), also after the listener closed.
    QUrl redirectUri() const { return m_redirectUri; }
    // The URL to open in the browser; valid after start().
    QUrl authorizationUrl() const { return m_authorizationUrl; }

Q_SIGNALS:
    void authorizationUrlReady(const QUrl &url);
    // The browser came back with an acceptable redirect; the code exchange starts.
    void redirectAccepted();
    // Emitted once, from the event loop (never from inside start() or cancel()). On failure, the
    // error codes are: oauth.timeout, oauth.cancelled, oauth.authorization_denied (the provider
    // redirected with an error, RFC 6749 §4.1.2.1), oauth.state_mismatch,
    // oauth.issuer_mismatch, oauth.code_missing, oauth.account_id_missing, the token errors of
    // parseTokenResponse() and parseTokenInfo(), and the TokenStore's errors.
    void finished(const wb::core::Result<wb::core::AuthorizationOutcome> &result);

private:
    void onCallback(const QVariantMap &parameters);
    void exchangeCode(const QString &code);
    void onTokenReply(const EndpointReply &reply);
    void readTokenInfo(const TokenSet &tokens);
    void storeTokens(const TokenSet &tokens);
    void onStored(const Result<void> &stored, const AuthorizationOutcome &outcome);
    void refuseRedirect(Error error);
    void fail(Error error);
    void stopListening();
    void emitFinished(Result<AuthorizationOutcome> result);

    qint64 m_connectionId;
    OAuthClientConfig m_config;
    TokenStore &m_store;
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    QOAuthHttpServerReplyHandler *m_replyHandler;
    QOAuth2AuthorizationCodeFlow *m_flow;
    QPointer<QNetworkReply> m_exchange;
    QTimer m_timeout;
    PkcePair m_pkce;
    QString m_stateParameter;    // the OAuth `state` value
    QString m_redirectAccountId; // AccountIdSource::RedirectParameter
    QUrl m_redirectUri;
    QUrl m_authorizationUrl;
    State m_state = State::Idle;
    bool m_cancelledWhileStoring = false;
    bool m_finishedEmitted = false;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::AuthorizationOutcome)
