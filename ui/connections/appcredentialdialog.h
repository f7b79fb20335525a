// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QDialog>
#include <QFuture>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace wb::ui {

// Stores a connection's app credential (core::SecretKind::AppCredential): our app's own credential
// at the provider for the registration checks the tenant's token cannot make (a GitHub App's
// private key, a HubSpot developer API key, a Slack app configuration token). The dialog says what
// the provider wants (`hint`, the profile's app_credential_hint); the engineer pastes the value or
// loads it from a file (a .pem). The value is never shown again: the field is emptied once stored.
//
// Store checks that there is a value (white space at either end is dropped) of at most 64 KiB,
// then calls `store`; its error is shown in the dialog,
// which stays open. A stored credential closes the dialog and emits stored().
//
// Thread: GUI thread.
class AppCredentialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppCredentialDialog)

public:
    using Store = std::function<QFuture<core::Result<void>>(const QByteArray &value)>;

    AppCredentialDialog(const QString &providerName, const QString &hint, Store store,
                        QWidget *parent = nullptr);

    QPlainTextEdit *valueEdit() const { return m_value; }
    QPushButton *storeButton() const;
    QString errorText() const;
    // Reads the value from `path` into the field (what "Load from file…" does after asking).
    // False, with the reason shown, when the file cannot be read or is larger than 64 KiB.
    bool loadFile(const QString &path);

    void accept() override;

Q_SIGNALS:
    void stored();

private:
    void showError(const QString &message);

    Store m_store;
    QLabel *m_hint = nullptr;
    QPlainTextEdit *m_value = nullptr;
    QPushButton *m_load = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace wb::ui
