// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/connectionauthorizer.h"
#include "core/util/clock.h"
#include "support/testworkspace.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <map>

#include <memory>

class QNetworkAccessManager;

namespace wb::core {
class ConnectionSecrets;
class KeychainSecretStore;
class ProviderCatalog;
class SecretStore;
class Store;
} // namespace wb::core

namespace wb::test {

// A workspace for the OAuth tests: its database in a temporary folder of its own, its secrets in
// the OS keychain (gnome-keyring in the test session) under the workspace's id, and the provider
// catalog of the built-in profiles (no user folder). Main thread.
class OAuthWorkspace final
{
public:
    OAuthWorkspace();
    ~OAuthWorkspace();
    Q_DISABLE_COPY_MOVE(OAuthWorkspace)

    // Opens (creating it the first time) the workspace file `fileName` in the folder, its store
    // stamping times with `clock` (which must outlive it); closes the one open before. False with
    // failure() saying why.
    bool open(const core::Clock &clock = *core::SystemClock::instance(),
              const QString &fileName = QStringLiteral("ws.sqlite"));
    // Closes the secrets and the store: before another process opens the file, or to read its
    // bytes once everything is committed.
    void close();
    QString failure() const { return m_failure; }

    // The workspace file of the last open().
    QString path() const { return m_path; }
    // A file in the workspace's temporary folder.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // While open:
    core::Store &store() { return *m_store; }
    core::SecretStore &keychain();
    core::ConnectionSecrets &secrets() { return *m_secrets; }
    const core::ProviderCatalog &catalog() const { return *m_catalog; }
    // What a ConnectionAuthorizer needs, with the system clock and `network`.
    core::ConnectionAuthorizer::Services authorizerServices(QNetworkAccessManager &network);

    // Adds a tenant, or a connection of `tenantId` (waiting for the store): the id, 0 on failure.
    qint64 addTenant(const QString &name);
    qint64 addConnection(qint64 tenantId, const QString &providerId = QStringLiteral("oidc-test"));
    // A new tenant `tenantName` with one connection: the connection's id, 0 on failure.
    qint64 addTenantWithConnection(const QString &tenantName,
                                   const QString &providerId = QStringLiteral("oidc-test"));

private:
    QTemporaryDir m_dir;
    // On the suites' _pg variants: a PostgreSQL database for each file name open() was given.
    std::map<QString, std::unique_ptr<TestWorkspaceLocation>> m_databases;
    QString m_path;
    QString m_failure;
    std::unique_ptr<core::ProviderCatalog> m_catalog;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::KeychainSecretStore> m_keychain;
    std::unique_ptr<core::ConnectionSecrets> m_secrets;
};

} // namespace wb::test
