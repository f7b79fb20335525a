// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthworkspace.h"

#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/store/store.h"
#include "support/futures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace wb::test {

OAuthWorkspace::OAuthWorkspace()
    : m_catalog(std::make_unique<ProviderCatalog>(ProviderCatalog::load(QString())))
{}

OAuthWorkspace::~OAuthWorkspace()
{
    close();
}

bool OAuthWorkspace::open(const Clock &clock, const QString &fileName)
{
    close();
    if (!m_dir.isValid()) {
        m_failure = u"no temporary folder: %1"_s.arg(m_dir.errorString());
        return false;
    }
    if (testOnPostgres()) {
        std::unique_ptr<TestWorkspaceLocation> &where = m_databases[fileName];
        if (!where)
            where = std::make_unique<TestWorkspaceLocation>(m_dir.path());
        if (where->location().isEmpty()) {
            m_failure = where->error();
            return false;
        }
        m_path = where->location();
    } else {
        m_path = m_dir.filePath(fileName);
    }
    StoreServices services;
    services.clock = &clock;
    Result<std::unique_ptr<Store>> store = openWorkspace(m_path, services);
    if (!store) {
        m_failure = store.error().code + u": "_s + store.error().message;
        return false;
    }
    m_store = std::move(*store);
    m_keychain = std::make_unique<KeychainSecretStore>(m_store->workspaceInfo().workspaceId);
    m_secrets = std::make_unique<ConnectionSecrets>(*m_store, *m_keychain);
    return true;
}

void OAuthWorkspace::close()
{
    // Users of the store first.
    m_secrets.reset();
    m_keychain.reset();
    m_store.reset();
}

SecretStore &OAuthWorkspace::keychain()
{
    return *m_keychain;
}

ConnectionAuthorizer::Services OAuthWorkspace::authorizerServices(QNetworkAccessManager &network)
{
    return {m_store.get(), m_secrets.get(), m_catalog.get(), &network, SystemClock::instance()};
}

qint64 OAuthWorkspace::addTenant(const QString &name)
{
    Tenant tenant;
    tenant.displayName = name;
    auto added = m_store->addTenant(tenant);
    if (!waitForFinished(added) || !added.result())
        return 0;
    return added.result()->id;
}

qint64 OAuthWorkspace::addConnection(qint64 tenantId, const QString &providerId)
{
    Connection connection;
    connection.tenantId = tenantId;
    connection.providerId = providerId;
    auto added = m_store->addConnection(connection);
    if (!waitForFinished(added) || !added.result())
        return 0;
    return added.result()->id;
}

qint64 OAuthWorkspace::addTenantWithConnection(const QString &tenantName, const QString &providerId)
{
    const qint64 tenantId = addTenant(tenantName);
    return tenantId > 0 ? addConnection(tenantId, providerId) : 0;
}

} // namespace wb::test
