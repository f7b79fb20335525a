// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionactions.h"

#include "core/oauth/browserlauncher.h"
#include "core/oauth/connectionauthorizer.h"
#include "core/oauth/connectionremover.h"
#include "core/oauth/credentialrefresher.h"
#include "core/oauth/workspaceoauth.h"
#include "core/providers/providercatalog.h"
#include "core/runtime/workspaceruntime.h"
#include "core/util/futures.h"
#include "models/tenanttreemodel.h"
#include "ui/connections/authorizationdialog.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace wb::gui {

ConnectionActions::ConnectionActions(Services services, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
    , m_network(new QNetworkAccessManager(this))
{}

ConnectionActions::~ConnectionActions() = default;

QString ConnectionActions::subjectOf(qint64 connectionId) const
{
    using M = models::TenantTreeModel;
    const QModelIndex row = m_services.tenants ? m_services.tenants->connectionIndex(connectionId)
                                               : QModelIndex();
    if (!row.isValid())
        return tr("connection %1").arg(connectionId);
    const QString providerId = row.data(M::ProviderIdRole).toString();
    const core::ProviderProfile *profile = m_services.catalog->find(providerId);
    const QString provider = profile && !profile->displayName.isEmpty() ? profile->displayName
                                                                        : providerId;
    const QString tenant = row.parent().data(Qt::DisplayRole).toString();
    return tenant.isEmpty() ? provider : tr("%1 for %2").arg(provider, tenant);
}

void ConnectionActions::authorize(qint64 connectionId)
{
    core::WorkspaceRuntime *runtime = m_services.runtime;
    if (!runtime || !runtime->connectionSecrets()) {
        Q_EMIT problem(tr("Cannot authorize the connection"),
                       tr("The workspace's secrets are not open, so no token could be stored. "
                          "See the status bar for why."));
        return;
    }
    core::ConnectionAuthorizer::Services services;
    services.store = m_services.store;
    services.secrets = runtime->connectionSecrets();
    services.catalog = m_services.catalog;
    services.network = m_network;
    services.clock = m_services.clock;
    auto *authorizer = new core::ConnectionAuthorizer(services);
    auto *dialog = new ui::AuthorizationDialog(authorizer, subjectOf(connectionId),
                                               m_services.window);
    authorizer->setParent(dialog); // lives as long as the dialog shows it
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::AuthorizationDialog::openUrlRequested, this,
            &ConnectionActions::openInBrowser);
    connect(authorizer, &core::ConnectionAuthorizer::finished, this,
            [this, connectionId](const core::Result<core::AuthorizationReport> &result) {
                if (result)
                    watchAuthorized(connectionId);
            });
    dialog->open();
    core::AuthorizationRequest request;
    request.connectionId = connectionId;
    authorizer->start(request);
}

void ConnectionActions::watchAuthorized(qint64 connectionId)
{
    core::WorkspaceRuntime *runtime = m_services.runtime;
    if (!runtime || !runtime->oauth())
        return;
    // From now on refreshed ahead of expiry and checked.
    core::whenFinished(runtime->oauth()->watch(connectionId), this,
                       [this, connectionId](const core::Result<void> &watched) {
                           if (!watched)
                               Q_EMIT problem(tr("The connection is authorized, but its token "
                                                 "will not be refreshed"),
                                              watched.error().message);
                           else
                               Q_EMIT message(tr("Authorized %1.").arg(subjectOf(connectionId)));
                       });
}

void ConnectionActions::refresh(qint64 connectionId)
{
    core::WorkspaceRuntime *runtime = m_services.runtime;
    if (!runtime || !runtime->oauth()) {
        Q_EMIT problem(tr("Cannot refresh the access token"),
                       tr("The workspace's OAuth service is not running (its secrets are not "
                          "open)."));
        return;
    }
    Q_EMIT message(tr("Refreshing the access token of %1…").arg(subjectOf(connectionId)));
    core::whenFinished(runtime->oauth()->refresher().refresh(connectionId), this,
                       [this, connectionId](const core::Result<core::AccessToken> &token) {
                           if (!token) {
                               Q_EMIT problem(tr("Cannot refresh the access token of %1")
                                                      .arg(subjectOf(connectionId)),
                                              token.error().message);
                               return;
                           }
                           const QString subject = subjectOf(connectionId);
                           if (token->expiresAtMs > 0)
                               Q_EMIT message(
                                       tr("Refreshed the access token of %1; it expires at %2.")
                                               .arg(subject,
                                                    QLocale().toString(QDateTime::fromMSecsSinceEpoch(
                                                                               token->expiresAtMs,
                                                                               Qt::UTC)
                                                                               .toLocalTime(),
                                                                       QLocale::ShortFormat)));
                           else
                               Q_EMIT message(tr("Refreshed the access token of %1.").arg(subject));
                       });
}

core::ConnectionRemover *ConnectionActions::newRemover()
{
    core::ConnectionRemover::Services services;
    services.store = m_services.store;
    services.catalog = m_services.catalog;
    services.network = m_network;
    services.secrets = m_services.runtime ? m_services.runtime->connectionSecrets() : nullptr;
    if (!services.secrets) {
        services.secretsUnavailable = core::Error{u"secrets.unavailable"_s,
                                                  tr("the secret backend is not open")};
    }
    services.oauth = m_services.runtime ? m_services.runtime->oauth() : nullptr;
    return new core::ConnectionRemover(services, this);
}

void ConnectionActions::reportRevocationFailures(const QList<core::ConnectionRemovalReport> &reports,
                                                 const QString &title)
{
    QStringList failures;
    for (const core::ConnectionRemovalReport &report : reports) {
        if (report.revocationFailure)
            failures.append(report.revocationFailure->message);
    }
    if (failures.isEmpty())
        return;
    Q_EMIT problem(title,
                   tr("%1\n\nThe provider may still accept them until they expire; revoke the "
                      "app's access in the provider's settings to be sure.")
                           .arg(failures.join(u"\n"_s)));
}

void ConnectionActions::remove(qint64 connectionId)
{
    const QString subject = subjectOf(connectionId);
    core::ConnectionRemover *remover = newRemover();
    core::whenFinished(
            remover->remove(connectionId), this,
            [this, remover, subject](const core::Result<core::ConnectionRemovalReport> &report) {
                remover->deleteLater();
                if (!report) {
                    Q_EMIT problem(tr("Cannot remove %1").arg(subject), report.error().message);
                    return;
                }
                if (report->revocationFailure)
                    reportRevocationFailures({*report},
                                             tr("%1 was removed, but its tokens were not revoked")
                                                     .arg(subject));
                else if (report->revocation.revokedAtProvider)
                    Q_EMIT message(tr("Removed %1; its tokens were revoked at the "
                                      "provider.")
                                           .arg(subject));
                else if (report->revocation.hadCredential)
                    Q_EMIT message(tr("Removed %1; the provider has no revocation "
                                      "endpoint, so its tokens were only deleted here.")
                                           .arg(subject));
                else
                    Q_EMIT message(tr("Removed %1.").arg(subject));
                for (const QString &warning : report->secretWarnings)
                    Q_EMIT message(warning);
            });
}

void ConnectionActions::removeTenant(qint64 tenantId)
{
    core::ConnectionRemover *remover = newRemover();
    core::whenFinished(remover->removeTenant(tenantId), this,
                       [this, remover](const core::Result<core::TenantRemovalReport> &report) {
                           remover->deleteLater();
                           if (!report) {
                               Q_EMIT problem(tr("Cannot remove the tenant"),
                                              report.error().message);
                               return;
                           }
                           reportRevocationFailures(report->connections,
                                                    tr("The tenant was removed, but some tokens "
                                                       "were not revoked"));
                           Q_EMIT message(tr("Removed the tenant and its %n connection(s).",
                                             nullptr, int(report->connections.size())));
                           for (const core::ConnectionRemovalReport &connection :
                                report->connections) {
                               for (const QString &warning : connection.secretWarnings)
                                   Q_EMIT message(warning);
                           }
                       });
}

void ConnectionActions::openInBrowser(const QUrl &url)
{
    auto *launcher = new core::BrowserLauncher(m_services.browserCommand
                                                       ? m_services.browserCommand()
                                                       : QString(),
                                               QProcessEnvironment::systemEnvironment(), this);
    if (!launcher->hasCommand()) {
        delete launcher;
        if (!QDesktopServices::openUrl(url))
            Q_EMIT message(tr("No browser opened: copy the address from the dialog."));
        return;
    }
    connect(launcher, &core::BrowserLauncher::exited, launcher, &QObject::deleteLater);
    connect(launcher, &core::BrowserLauncher::failedToStart, this,
            [this, launcher](const core::Error &error) {
                Q_EMIT message(tr("The browser command failed: %1").arg(error.message));
                launcher->deleteLater();
            });
    if (core::Result<void> launched = launcher->launch(url); !launched) {
        Q_EMIT message(tr("The browser command failed: %1").arg(launched.error().message));
        launcher->deleteLater();
    }
}

} // namespace wb::gui
