// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

class RegistrationDialog;

// The "Webhook registrations" section of the connection page: what the connection registered at
// its provider (a models::RegistrationListModel scoped to the connection), with
//  - "Add…": a RegistrationDialog that stores what the engineer registered;
//  - "Remove…": asks first (window-modal, asynchronous), then removes the selected registration
//    from Wirebench (not at the provider);
//  - "Allow re-registration": a check box storing whether the health monitor may register the
//    selected registration again when the provider lost it.
// A refusal from the core is shown below the table with its message; nothing is stored then.
// The table shows the registration, expiry, state, last action and re-registration (the header's
// context menu adds the target URL and events); the selected registration's details, all of it,
// are shown below the table. Without registrations an empty
// state says what to record.
//
// Thread: GUI thread. The model and the clock are not owned and must outlive the section.
class RegistrationsSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationsSection)

public:
    explicit RegistrationsSection(const core::Clock *clock, QWidget *parent = nullptr);

    void setModel(models::RegistrationListModel *model);
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
    QPushButton *removeButton() const { return m_remove; }
    QCheckBox *reregisterBox() const { return m_reregister; }
    // The open Add dialog or removal question, for tests and screenshots; null when none.
    RegistrationDialog *addDialog() const;
    QMessageBox *removeQuestion() const;

private:
    void openAddDialog();
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
    QPushButton *m_remove = nullptr;
    QCheckBox *m_reregister = nullptr;
    QTimer *m_ticker = nullptr; // relative times, while shown
    QPointer<RegistrationDialog> m_dialog;
    QPointer<QMessageBox> m_question;
};

} // namespace wb::ui
