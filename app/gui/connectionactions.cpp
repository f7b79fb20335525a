// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionactions.h"

#include "core/oauth/browserlauncher.h"
#include "core/oauth/connectionauthorizer.h"
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
