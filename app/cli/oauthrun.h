// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/oauth/authorizationflow.h"
#include "core/oauth/connectionclient.h"
#include "core/util/result.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <memory>

namespace wb::core {
struct AuthorizationReport;
class ConnectionAuthorizer;
class ProviderCatalog;
class BrowserLauncher;
class ConnectionSecrets;
class SecretStore;
class StoreTokenStore;
class CredentialRefresher;
class TokenRevoker;
class ConnectionRemover;
} // namespace wb::core

namespace wb::cli {

class WorkspaceSession;

// One `wirebench-cli oauth` action on the event loop: opens the workspace, resolves the
// connection's OAuth client (resolveConnectionClient: the given or the stored client, and its
// client secret), runs the action and ends the application with its exit code
// (WorkspaceSession::finish).
class OAuthRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthRun)

public:
    enum class Action { Authorize, Refresh, Revoke };
    struct Options
    {
        Action action = Action::Authorize;
        qint64 connectionId = 0;
        // The OAuth client: a --client-config file's bytes (its source names the file), or
        // --client-id … for the connection's provider profile (connectionProfile), or else (no
        // JSON) the client stored when the connection was authorized (oauthclientrecord.h).
        core::ClientChoice client;
        bool removeConnection = false; // revoke: also remove the connection
        qint64 timeoutMs = core::AuthorizationFlow::defaultTimeoutMs; // authorize
        QByteArray rejectedTokenSha256; // hex, lower case; empty: refresh unconditionally
        bool json = false;
    };

    OAuthRun(Options options, CommandContext &context);
    ~OAuthRun() override;

    // Opens the workspace and starts. Errors (the caller reports them; exit code 3).
    core::Result<void> start();

private:
    void onClient(const core::Result<core::ConnectionClient> &client);
    void onAuthorized(const core::AuthorizationReport &report);
    void authorize();
    void refresh();
    void revoke();
    void revokeAndRemoveConnection();
    void fail(const core::Error &error, int exitCode);
    void failClient(const core::Error &error);
    QString commandName() const;

    Options m_options;
    CommandContext &m_context;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<WorkspaceSession> m_session;
    std::shared_ptr<core::SecretStore> m_secretStore;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<core::StoreTokenStore> m_tokens;
    std::unique_ptr<core::CredentialRefresher> m_refresher;
    std::unique_ptr<core::TokenRevoker> m_revoker;
    std::unique_ptr<core::ConnectionRemover> m_remover;
    std::unique_ptr<core::ConnectionAuthorizer> m_authorizer;
    std::unique_ptr<core::BrowserLauncher> m_launcher;
    core::ConnectionClient m_client; // once resolved
};

// The exit code for an OAuth error: 3 for network, provider-outage, store and keychain failures,
// 1 otherwise (the flow ran and the answer is no).
int oauthExitCodeFor(const core::Error &error);

} // namespace wb::cli
