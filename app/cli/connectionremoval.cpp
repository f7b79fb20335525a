// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionremoval.h"

#include "workspacesession.h"

#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/store.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

ConnectionRemoval::ConnectionRemoval(WorkspaceSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

ConnectionRemoval::~ConnectionRemoval()
{
    // Users of the secrets first.
    m_remover.reset();
    m_secrets.reset();
    m_secretStore.reset();
}

void ConnectionRemoval::start(qint64 connectionId, Done done)
{
    withRemover([this, connectionId, done](core::ConnectionRemover &remover) {
        m_session.whenDone(remover.remove(connectionId), done);
    });
}

void ConnectionRemoval::startTenant(qint64 tenantId, TenantDone done)
{
    withRemover([this, tenantId, done](core::ConnectionRemover &remover) {
        m_session.whenDone(remover.removeTenant(tenantId), done);
    });
}

void ConnectionRemoval::withRemover(std::function<void(core::ConnectionRemover &)> run)
{
    m_catalog = std::make_unique<core::ProviderCatalog>(
            core::ProviderCatalog::load(core::ProviderCatalog::defaultUserFolder()));
    m_session.whenDone(core::openSecretStore(m_session.store()),
                       [this, run](const core::Result<core::OpenedSecretStore> &opened) {
                           core::ConnectionRemover::Services services;
                           services.store = &m_session.store();
                           services.catalog = m_catalog.get();
                           services.network = &m_network;
                           if (opened) {
                               m_secretStore = opened->secrets;
                               m_secrets
                                       = std::make_unique<core::ConnectionSecrets>(m_session.store(),
                                                                                   *m_secretStore);
                               services.secrets = m_secrets.get();
                           } else {
                               services.secretsUnavailable = opened.error();
                           }
                           m_remover = std::make_unique<core::ConnectionRemover>(services);
                           run(*m_remover);
                       });
}

QJsonObject removalJson(const core::ConnectionRemovalReport &report)
{
    QJsonValue error = QJsonValue::Null;
    if (report.revocationFailure) {
        error = QJsonObject{{u"code"_s, report.revocationFailure->code},
                            {u"message"_s, report.revocationFailure->message}};
    }
    return QJsonObject{{u"had_credential"_s, report.revocation.hadCredential},
                       {u"revoked_at_provider"_s, report.revocation.revokedAtProvider},
                       {u"provider_supports_revocation"_s,
                        report.revocation.providerSupportsRevocation},
                       {u"revocation_error"_s, error},
                       {u"secret_warnings"_s, QJsonArray::fromStringList(report.secretWarnings)}};
}

QString describeRevocation(const core::ConnectionRemovalReport &report)
{
    if (report.revocationFailure)
        return u"Its tokens were NOT revoked at the provider: %1"_s.arg(
                report.revocationFailure->message);
    if (!report.revocation.hadCredential)
        return u"It had no tokens."_s;
    if (report.revocation.revokedAtProvider)
        return u"Its tokens were revoked at the provider."_s;
    return u"%1 has no revocation endpoint: its tokens were deleted from the workspace but stay "
           u"valid at the provider until they expire or the app is uninstalled there."_s.arg(
                   report.providerId);
}

} // namespace wb::cli
