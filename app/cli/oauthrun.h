// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "core/oauth/oauthclientconfig.h"
#include "core/store/connection.h"
#include "core/util/result.h"

#include <QJsonObject>
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
class Store;
class StoreTokenStore;
class CredentialRefresher;
class TokenRevoker;
} // namespace wb::core

namespace wb::cli {

// One `wirebench-cli oauth` action on the event loop: opens the workspace, loads the connection
// and its client secret, runs the action and ends the application with its exit code
// (QCoreApplication::exit, always from the event loop).
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
        // The OAuth client: a --client-config file's bytes (clientSource names the file), or
        // `clientOptions` (--client-id …) for the connection's provider profile, or else the
        // client stored when the connection was authorized (oauthclientrecord.h).
        QByteArray clientJson;
        QString clientSource;
        QJsonObject clientOptions;
        core::OAuthClientConfig config; // filled from the above once the connection is known
        bool removeConnection = false;  // revoke: also remove the connection
        qint64 timeoutMs = 0;
        QByteArray rejectedTokenSha256; // hex, lower case; empty: refresh unconditionally
        bool json = false;
    };

    OAuthRun(Options options, CommandContext &context);
    ~OAuthRun() override;

    // Opens the workspace and starts. Errors (the caller reports them; exit code 3).
    core::Result<void> start();

private:
    void onConnection(const core::Result<core::Connection> &connection);
    void onAuthorized(const core::AuthorizationReport &report);
    void useClient(const core::Connection &connection, const QByteArray &json,
                   const QString &source);
    void begin();
    void authorize();
    void refresh();
    void revoke();
    void removeConnection(std::function<void(const QStringList &warnings)> done);
    void finish(int exitCode);
    void fail(const core::Error &error, int exitCode);
    QString commandName() const;

    Options m_options;
    CommandContext &m_context;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<core::Store> m_store;
    std::shared_ptr<core::SecretStore> m_secretStore;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
    std::unique_ptr<core::StoreTokenStore> m_tokens;
    std::unique_ptr<core::CredentialRefresher> m_refresher;
    std::unique_ptr<core::TokenRevoker> m_revoker;
    std::unique_ptr<core::ConnectionAuthorizer> m_authorizer;
    std::unique_ptr<core::BrowserLauncher> m_launcher;
    bool m_finished = false;
};

// The exit code for an OAuth error: 3 for network, provider-outage, store and keychain failures,
// 1 otherwise (the flow ran and the answer is no).
int oauthExitCodeFor(const core::Error &error);

} // namespace wb::cli
