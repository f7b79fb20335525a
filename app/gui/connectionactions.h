// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QWidget;

namespace wb::core {
class Clock;
class ConnectionRemover;
struct ConnectionRemovalReport;
class ProviderCatalog;
class Store;
class WorkspaceRuntime;
} // namespace wb::core
namespace wb::models {
class TenantTreeModel;
}

namespace wb::gui {

// The GUI's OAuth actions on a connection, from the navigation's context menu and the connection
// page: "Authorize in browser…" (a ConnectionAuthorizer shown in an AuthorizationDialog; the
// address opens in the configured browser command, WIREBENCH_BROWSER, or the desktop's browser
// through QDesktopServices) and "Refresh now" (the runtime's CredentialRefresher). After an
// authorization the runtime's OAuth lifecycle watches the connection (refresh ahead of expiry,
// checks). "Remove" revokes the connection's tokens before removing it. Results reach the user in
// the dialog, the status bar, or a message box.
//
// Services are not owned and must outlive this object; `browserCommand` is asked each time (the
// Settings may change). Thread: GUI thread.
class ConnectionActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionActions)

public:
    struct Services
    {
        core::Store *store = nullptr;
        core::WorkspaceRuntime *runtime = nullptr;
        const core::ProviderCatalog *catalog = nullptr;
        const core::Clock *clock = nullptr;
        models::TenantTreeModel *tenants = nullptr;
        QWidget *window = nullptr; // parent of the dialogs
        std::function<QString()> browserCommand;
    };

    explicit ConnectionActions(Services services, QObject *parent = nullptr);
    ~ConnectionActions() override;

    void authorize(qint64 connectionId);
    // After an authorization elsewhere (the onboarding wizard): the runtime's OAuth lifecycle
    // refreshes the connection's token ahead of expiry and checks it; message() or problem() say
    // how that went.
    void watchAuthorized(qint64 connectionId);
    void refresh(qint64 connectionId);
    // Removes the connection with core::ConnectionRemover: stops refreshing and checking it,
    // revokes its tokens at the provider, removes it and its secrets. A revocation that failed is
    // reported with problem() (the connection is removed all the same); the outcome otherwise
    // with message().
    void remove(qint64 connectionId);
    // Removes the tenant, each of its connections as remove() does.
    void removeTenant(qint64 tenantId);
    // Opens `url` in the browser the Settings name, else WIREBENCH_BROWSER, else the desktop's.
    void openInBrowser(const QUrl &url);
    // The network access manager the authorizations use (owned by this object).
    QNetworkAccessManager *network() const { return m_network; }

Q_SIGNALS:
    // For the status bar: a short message about an action's outcome.
    void message(const QString &text);
    // A failure worth a message box: a title and the details.
    void problem(const QString &title, const QString &details);

private:
    QString subjectOf(qint64 connectionId) const;
    core::ConnectionRemover *newRemover();
    // problem() with each failure's reason, when there are any.
    void reportRevocationFailures(const QList<core::ConnectionRemovalReport> &reports,
                                  const QString &title);

    Services m_services;
    QNetworkAccessManager *m_network; // child
};

} // namespace wb::gui
