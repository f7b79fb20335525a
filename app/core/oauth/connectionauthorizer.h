// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/authorizationflow.h"
#include "core/oauth/connectionclient.h"
#include "core/store/identitymapping.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace wb::core {

class Clock;
class ConnectionSecrets;
class ProviderCatalog;
class Store;
class StoreTokenStore;

// What to authorize, and with which OAuth client.
struct AuthorizationRequest
{
    qint64 connectionId = 0;
    // The client (clientconfigjson.h: a profile id with client id and placeholders, or every
    // endpoint); empty: the client stored with the connection (oauthclientrecord.h).
    QByteArray clientJson;
    QString clientSource; // names `clientJson` in errors ("the command line", a file name)
    // When set: stored in the keychain as the connection's OAuth client secret before the flow
    // starts (the onboarding wizard); otherwise the stored one is read when the client needs one.
    std::optional<QByteArray> clientSecret;
    qint64 timeoutMs = AuthorizationFlow::defaultTimeoutMs; // real time, milliseconds
};

// What an authorization produced and what it recorded.
struct AuthorizationReport
{
    AuthorizationOutcome outcome;
    QString providerId;
    // The identity mapping of the external account to the connection's tenant; none when the
    // provider reported no account id.
    std::optional<IdentityMapping> mapping;

    bool operator==(const AuthorizationReport &other) const = default;
};

// Authorizes one connection of the workspace, for every front end (the GUI's connection page and
// onboarding wizard, `wirebench-cli oauth authorize`):
//  1. resolves the connection's client (resolveConnectionClient, connectionclient.h: the given
//     JSON, else the stored one, with the given or the stored client secret) and stores a given
//     client secret;
//  2. runs the loopback AuthorizationFlow (authorizationflow.h; RFC 8252, PKCE): the front end
//     opens authorizationUrlReady()'s URL in a browser;
//  3. keeps the client with the connection (saveOAuthClient) so later refreshes, checks and
//     revocations need nothing more;
//  4. maps the external account to the connection's tenant (linkAuthorizedAccount).
// A failure in 1 or 2 stores no token; one in 3 or 4 leaves the connection authorized (the tokens
// are stored) and says so in the error message.
//
// Errors (finished()): `store.unknown_connection`; `oauth.no_client` (no client given or
// stored); `oauth.config_invalid` (a client for another provider, or one that does not parse);
// `secrets.not_found` (no client secret stored); the flow's errors (oauth.timeout,
// oauth.cancelled, oauth.authorization_denied, …); `store.identity_mapping_conflict` when the
// account already belongs to another tenant.
//
// Services must outlive the authorizer. Thread: the main thread; everything is asynchronous. One
// authorizer runs one authorization.
class ConnectionAuthorizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionAuthorizer)

public:
    enum class Stage {
        Idle,
        Preparing,         // reading the connection, its client and client secret
        WaitingForBrowser, // the URL is out; listening for the redirect
        ExchangingCode,    // the redirect came back; tokens being fetched and stored
        Recording,         // keeping the client, mapping the account
        Succeeded,
        Failed,
    };
    Q_ENUM(Stage)

    struct Services
    {
        Store *store = nullptr;
        ConnectionSecrets *secrets = nullptr;
        const ProviderCatalog *catalog = nullptr;
        QNetworkAccessManager *network = nullptr;
        const Clock *clock = nullptr;
    };

    explicit ConnectionAuthorizer(const Services &services, QObject *parent = nullptr);
    ~ConnectionAuthorizer() override;

    // Starts; progress by stageChanged(), the end by finished() (always from the event loop).
    void start(AuthorizationRequest request);
    // Starts with a client resolved already (resolveConnectionClient), by a front end that
    // reports the resolution's errors itself; step 1 is skipped. `timeoutMs`: real time.
    void start(ConnectionClient client, qint64 timeoutMs = AuthorizationFlow::defaultTimeoutMs);
    // Ends the authorization with oauth.cancelled (the flow closes its listener and stores
    // nothing). No-op once finished.
    void cancel();

    Stage stage() const { return m_stage; }
    // The loopback redirect URI once WaitingForBrowser (http://127.0.0.1:<port>/callback).
    QUrl redirectUri() const;

Q_SIGNALS:
    void stageChanged(wb::core::ConnectionAuthorizer::Stage stage);
    void authorizationUrlReady(const QUrl &url);
    void finished(const wb::core::Result<wb::core::AuthorizationReport> &result);

private:
    bool beginPreparing();
    void storeClientSecret(const QByteArray &secret);
    void runFlow();
    void onAuthorized(const AuthorizationOutcome &outcome);
    void setStage(Stage stage);
    void fail(const Error &error);
    void succeed(const AuthorizationReport &report);

    Services m_services;
    ConnectionClient m_client; // once resolved
    qint64 m_timeoutMs = AuthorizationFlow::defaultTimeoutMs;
    std::unique_ptr<StoreTokenStore> m_tokens;
    std::unique_ptr<AuthorizationFlow> m_flow;
    Stage m_stage = Stage::Idle;
    bool m_cancelled = false;
};

} // namespace wb::core

Q_DECLARE_METATYPE(wb::core::AuthorizationReport)
