// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <optional>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace wb::core {
class Clock;
}

namespace wb::models {
class RegistrationListModel;
}

namespace wb::ui {

class RegistrationsSection;

// One connection in detail: the webhook URL to register at the provider, its status explained in
// plain words, the access-token expiry as a
// live countdown, the last refresh and the last validity check, the granted scopes, its identity
// mappings, its webhook registrations (a RegistrationsSection), and the buttons "Refresh now" and
// "Re-authorize in browser…".
//
// It shows a row of a models::TenantTreeModel and follows that row (dataChanged; it clears itself
// when the row is removed). The identity mappings come from a models::IdentityMappingModel the
// caller scopes to the connection; the registrations model (setRegistrations) the page scopes
// itself to the connection it shows. Grant details (scopes, last refresh) come from the OAuth
// token metadata through setGrantDetails(). The page only emits requests.
//
// Thread: GUI thread. The clock is not owned and must outlive the page; times are shown in local
// time, computed from UTC ms.
class ConnectionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionPage)

public:
    explicit ConnectionPage(const core::Clock *clock, QWidget *parent = nullptr);

    // A connection row of a TenantTreeModel (an invalid index clears the page). The same
    // connection again reads its registrations again.
    void setConnection(const QModelIndex &connection);
    qint64 connectionId() const { return m_connectionId; }
    void setIdentityMappings(QAbstractItemModel *mappings);
    // Not owned; the page calls setConnection() on it whenever the shown connection changes.
    void setRegistrations(models::RegistrationListModel *registrations);
    // The provider's name for people from its id ("github" → "GitHub"); by default the id.
    void setProviderDisplayName(std::function<QString(const QString &providerId)> name);
    RegistrationsSection *registrationsSection() const { return m_registrations; }
    // Where providers send this connection's webhooks (the receiver's registration URL: the
    // public URL when one is set); an empty URL while the receiver is not listening. Shown with
    // a Copy button; call updateWebhookUrl() when the receiver or the public URL changes.
    void setWebhookUrl(std::function<QUrl(qint64 connectionId)> url);
    void updateWebhookUrl();

    // What the last grant or refresh recorded: its scopes and when (UTC ms). Unknown values show
    // "not recorded".
    void setGrantDetails(const QStringList &scopes, std::optional<qint64> lastRefreshAtMs);

    QLabel *statusLabel() const { return m_status; }
    QLabel *explanationLabel() const { return m_explanation; }
    QLabel *expiryLabel() const { return m_expiry; }
    QLabel *webhookUrlLabel() const { return m_webhookUrl; }
    QPushButton *copyWebhookUrlButton() const { return m_copyWebhookUrl; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *authorizeButton() const { return m_authorize; }

Q_SIGNALS:
    void refreshRequested(qint64 connectionId);
    void authorizeRequested(qint64 connectionId);
    // The row went away (the connection was removed).
    void connectionGone();

private:
    void updateFromModel();
    void updateCountdown();

    const core::Clock *m_clock = nullptr;
    QPersistentModelIndex m_index;
    QMetaObject::Connection m_dataChanged;
    QMetaObject::Connection m_rowsRemoved;
    qint64 m_connectionId = 0;
    std::optional<qint64> m_expiresAtMs;

    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_tenant = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_lastRefresh = nullptr;
    QLabel *m_lastCheck = nullptr;
    QLabel *m_scopes = nullptr;
    QLabel *m_webhookUrl = nullptr;
    QPushButton *m_copyWebhookUrl = nullptr;
    std::function<QUrl(qint64)> m_webhookUrlOf;
    QTableView *m_mappings = nullptr;
    QLabel *m_mappingsEmpty = nullptr;
    RegistrationsSection *m_registrations = nullptr;
    QPointer<models::RegistrationListModel> m_registrationModel;
    std::function<QString(const QString &)> m_providerName;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_authorize = nullptr;
    QTimer *m_ticker = nullptr;
};

} // namespace wb::ui
