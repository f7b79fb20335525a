// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionremoval.h"

#include "catalogloader.h"
#include "workspacesession.h"

#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/store.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wb::cli {

ConnectionRemoval::ConnectionRemoval(WorkspaceSession &session, QTextStream &err,
                                     const QString &commandName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_err(err)
    , m_commandName(commandName)
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
    m_catalog = loadProviderCatalog(m_err, m_commandName);
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

QJsonObject revocationJson(const core::RevocationOutcome &outcome)
{
    return QJsonObject{{u"had_credential"_s, outcome.hadCredential},
                       {u"revoked_at_provider"_s, outcome.revokedAtProvider},
                       {u"provider_supports_revocation"_s, outcome.providerSupportsRevocation}};
}

QJsonObject removalJson(const core::ConnectionRemovalReport &report)
{
    QJsonValue error = QJsonValue::Null;
    if (report.revocationFailure) {
        error = QJsonObject{{u"code"_s, report.revocationFailure->code},
                            {u"message"_s, report.revocationFailure->message}};
    }
    QJsonObject json = revocationJson(report.revocation);
    json.insert(u"revocation_error"_s, error);
    json.insert(u"secret_warnings"_s, QJsonArray::fromStringList(report.secretWarnings));
    return json;
}

QString describeRevocation(const core::RevocationOutcome &outcome, const QString &providerId)
{
    if (!outcome.hadCredential)
        return u"It had no tokens."_s;
    if (outcome.revokedAtProvider)
        return u"Its tokens were revoked at the provider."_s;
    return u"%1 has no revocation endpoint: its tokens were deleted from the workspace but stay "
           u"valid at the provider until they expire or the app is uninstalled there."_s.arg(
                   providerId);
}

QString describeRevocation(const core::ConnectionRemovalReport &report)
{
    if (report.revocationFailure)
        return u"Its tokens were NOT revoked at the provider: %1"_s.arg(
                report.revocationFailure->message);
    return describeRevocation(report.revocation, report.providerId);
}

} // namespace wb::cli
