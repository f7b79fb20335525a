// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkeysource.h"
#include "core/util/result.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace wb::core {
class Store;
}

namespace wb::ui {

// Asks for a sealed workspace's master key when none could be used (no key file, no
// WIREBENCH_MASTER_KEY_FILE, nothing in the keychain; or one with loose permissions, malformed, or
// another workspace's): says what is missing and what does not work without it (signed webhooks
// are not verified, deliveries wait), lets the person choose the key file, and checks it before
// accepting (MasterKeyCheck::checkKeyFile: permissions 0600, the format, the workspace's key id).
// A refused file is explained in the dialog, which stays open; nothing is written. Optionally a
// copy of the key goes to the OS keychain, where the next start finds it.
//
// The key itself is never shown. Thread: the main thread; `store` must outlive the dialog.
class MasterKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MasterKeyDialog)

public:
    // `problem`: why the workspace could not open its secrets (WorkspaceRuntime::startFailed).
    MasterKeyDialog(core::Store &store, const core::Error &problem, QWidget *parent = nullptr);

    // The key file chosen and accepted (empty before).
    QString keyFile() const { return m_accepted; }
    QString errorText() const;
    void setKeyFile(const QString &path);

    void accept() override;

Q_SIGNALS:
    // The key file passed every check (and, when asked, its key is in the keychain).
    void keyFileAccepted(const QString &path);

private:
    void choose();
    void finish(const QString &path);

    core::Store &m_store;
    QLineEdit *m_path = nullptr;
    QPushButton *m_choose = nullptr;
    QCheckBox *m_keychain = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_accepted;
};

} // namespace wb::ui
