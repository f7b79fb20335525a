// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health/registration.h"
#include "core/util/result.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace wb::core {
class Clock;
}

namespace wb::models {
class RegistrationListModel;
}

namespace wb::ui {

// Records a webhook registration that the engineer made at the provider, or corrects one
// (setRegistration()): its external id (required), scope, target URL (empty or absolute
// http/https), events (comma-separated), expiry (optional, entered in local time, stored as UTC
// ms; not in the past, unless an edited registration keeps the expiry it had), renewal lifetime in
// minutes (0: the provider profile's), whether the health monitor may register it again, and the
// creation request's body (optional; well-formed JSON, or a form body key=value&… as Stripe
// takes it).
//
// OK checks the form first (the dialog's own checks, then core::RegistrationRepository::validate)
// and stores it through the model; a refusal — an invalid field or the core's error, such as a
// duplicate external id — is shown in the dialog with the field marked and focused, the dialog stays
// open and nothing is stored. After the first refusal every edit checks the form again.
//
// Thread: GUI thread. The model and the clock are not owned and must outlive the dialog.
class RegistrationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationDialog)

public:
    RegistrationDialog(models::RegistrationListModel *model, const core::Clock *clock,
                       qint64 connectionId, const QString &providerName, QWidget *parent = nullptr);

    // Edits `existing` instead of adding: the form shows it, OK saves the changes through the
    // model (RegistrationListModel::update) and emits registrationUpdated.
    void setRegistration(const core::Registration &existing);
    bool isEditing() const { return m_editing.has_value(); }

    // The registration the form describes, or the first invalid field's error
    // (health.invalid_registration, message naming the field and value).
    core::Result<core::Registration> registration() const;
    // The field the shown error is about (its objectName), empty when none.
    QString invalidField() const;
    QString errorText() const;

    QLineEdit *externalIdEdit() const { return m_externalId; }
    QLineEdit *scopeEdit() const { return m_scope; }
    QLineEdit *targetUrlEdit() const { return m_targetUrl; }
    QLineEdit *eventsEdit() const { return m_events; }
    QCheckBox *expiresBox() const { return m_expires; }
    QDateTimeEdit *expiresEdit() const { return m_expiresAt; }
    QSpinBox *renewLifetimeBox() const { return m_renewLifetime; }
    QCheckBox *reregisterBox() const { return m_reregister; }
    QPlainTextEdit *bodyEdit() const { return m_body; }

    void accept() override;

Q_SIGNALS:
    void registrationAdded(const wb::core::Registration &registration);
    void registrationUpdated(const wb::core::Registration &registration);

private:
    struct FieldError
    {
        QWidget *field = nullptr;
        QString message;
    };
    core::Registration formValues() const; // unchecked
    std::optional<FieldError> check() const;
    QWidget *fieldOf(const core::Error &error) const;
    void showError(QWidget *field, const QString &message);
    void recheck();

    QPointer<models::RegistrationListModel> m_model;
    const core::Clock *m_clock;
    QString m_providerName;
    qint64 m_connectionId = 0;
    std::optional<core::Registration> m_editing;
    QLineEdit *m_externalId = nullptr;
    QLineEdit *m_scope = nullptr;
    QLineEdit *m_targetUrl = nullptr;
    QLineEdit *m_events = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateTimeEdit *m_expiresAt = nullptr;
    QSpinBox *m_renewLifetime = nullptr;
    QCheckBox *m_reregister = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QWidget *m_invalid = nullptr;
    bool m_refused = false; // after the first refusal, every edit checks again
};

} // namespace wb::ui
