// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QFuture>

#include <functional>

#include <QGroupBox>
#include <QPointer>

class QCheckBox;
class QLabel;
class QMessageBox;
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

class AppCredentialDialog;
class RegistrationDialog;

// What the section needs to offer the app credential (core::SecretKind::AppCredential) of a
// connection whose provider checks registrations with our app's own credential.
struct AppCredentialAccess
{
    // What it is and where to get it (the provider profile's app_credential_hint); empty: the
    // connection's provider needs none (the button is hidden).
    std::function<QString(qint64 connectionId)> hint;
    // Stores it (core::ConnectionSecrets::put); finishes on the GUI thread.
    std::function<QFuture<core::Result<void>>(qint64 connectionId, const QByteArray &value)> store;
};

// The "Webhook registrations" section of the connection page: what the connection registered at
// its provider (a models::RegistrationListModel scoped to the connection), with
//  - "Add…": a RegistrationDialog that stores what the engineer registered;
//  - "Edit…" (or a double-click on a row): the same dialog showing the selected registration,
//    saving corrections (a moved registration is checked anew);
//  - "Remove…": asks first (window-modal, asynchronous), then removes the selected registration
//    from Wirebench (not at the provider);
//  - "Allow re-registration": a check box storing whether the health monitor may register the
//    selected registration again when the provider lost it;
//  - "App credential…" (only where the provider needs one, setAppCredentialAccess): an
//    AppCredentialDialog storing the connection's app credential.
// A refusal from the core is shown below the table with its message; nothing is stored then.
// The table shows the registration, expiry, state, last action and re-registration (the header's
// context menu adds the target URL and events); the selected registration's details, all of it,
// are shown below the table. Without registrations an empty
// state says what to record. While shown, the section reads the registrations again every
// refreshIntervalMs (30 s), so changes made elsewhere (`wirebench-cli registrations`, the health
// monitor of a `serve` process) appear, and the relative times stay current.
//
// Thread: GUI thread. The model and the clock are not owned and must outlive the section.
class RegistrationsSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationsSection)

public:
    explicit RegistrationsSection(const core::Clock *clock, QWidget *parent = nullptr);

    void setModel(models::RegistrationListModel *model);
    void setAppCredentialAccess(AppCredentialAccess access);
    // The provider's name for people ("GitHub"), used in the empty state and the dialog.
    void setProviderName(const QString &providerName);

    // Selects the registration's row, now or as soon as the model's read brings it (for a
    // connection just selected).
    void selectRegistration(qint64 registrationId);
    qint64 selectedRegistrationId() const;

    QTableView *table() const { return m_table; }
    QLabel *emptyLabel() const { return m_empty; }
    QLabel *errorLabel() const { return m_error; }
    // The selected registration in full (RegistrationListModel::DetailsTextRole).
    QLabel *detailsLabel() const { return m_details; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QCheckBox *reregisterBox() const { return m_reregister; }
    QPushButton *appCredentialButton() const { return m_appCredential; }
    // Says what was last done ("App credential stored."), empty when nothing.
    QLabel *noticeLabel() const { return m_notice; }
    // How often the registrations are read again while the section is shown (ms).
    static constexpr int defaultRefreshIntervalMs = 30'000;
    void setRefreshIntervalMs(int intervalMs);

    // The open Add or Edit dialog or removal question, for tests and screenshots; null when none.
    RegistrationDialog *addDialog() const;
    AppCredentialDialog *appCredentialDialog() const;
    QMessageBox *removeQuestion() const;

private:
    void openAddDialog();
    void openEditDialog();
    void openAppCredentialDialog();
    RegistrationDialog *newDialog();
    void askToRemove();
    void toggleReregister(bool allowed);
    void updateState();
    void applyPendingSelection();
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

    const core::Clock *m_clock;
    QPointer<models::RegistrationListModel> m_model;
    QString m_providerName;
    qint64 m_pendingSelection = 0;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_reregister = nullptr;
    QPushButton *m_appCredential = nullptr;
    QLabel *m_notice = nullptr;
    qint64 m_noticeConnectionId = 0; // the notice is about this connection
    AppCredentialAccess m_appCredentialAccess;
    QPointer<AppCredentialDialog> m_appCredentialDialog;
    QTimer *m_ticker = nullptr; // reads again (and relative times), while shown
    QPointer<RegistrationDialog> m_dialog;
    QPointer<QMessageBox> m_question;
};

} // namespace wb::ui
