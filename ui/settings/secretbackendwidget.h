// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/secrets/masterkeysource.h"
#include "core/secrets/secretbackendstatus.h"
#include "core/util/result.h"

#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace wb::core {
class SecretMigration;
class Store;
struct SecretMigrationReport;
} // namespace wb::core

namespace wb::ui {

// The "Secrets" part of the Settings dialog (issue 14): where the workspace keeps its secrets
// (the OS keychain, or sealed in the workspace database), how many each backend holds, where a
// sealed workspace's master key comes from, and a button that moves every secret to the other
// backend (core/secrets/secretmigration.h), with an inline confirmation and a progress bar.
//
// Moving to the sealed backend uses the master key found through `keySource`; when there is none,
// the confirmation says so and a new key is created in the OS keychain first (the same as
// `wirebench-cli secrets generate-key --keychain`). Moving to the keychain needs the current
// master key; when it is missing or wrong, the widget shows the error and changes nothing.
// Never shows a secret value.
//
// Thread: the main thread (the Store's). `store` must outlive the widget. A migration still
// running when the widget is destroyed is abandoned at its next step; the workspace stays on its
// old backend unless the switching transaction already committed.
class SecretBackendWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretBackendWidget)

public:
    explicit SecretBackendWidget(core::Store &store, core::MasterKeySource keySource = {},
                                 QWidget *parent = nullptr);
    ~SecretBackendWidget() override;

    // Reads the status again (also done on construction and after a migration).
    void refresh();

Q_SIGNALS:
    // The status labels show a fresh reading (or its error).
    void refreshed();
    // A migration ended: `backend` is the workspace's backend now; `ok` false when it failed (the
    // message label says why). Other parts of the GUI need a new SecretStore after a switch.
    void migrationFinished(bool ok, const QString &backend);

private:
    void showStatus(const core::Result<core::SecretBackendStatus> &status);
    void showMasterKey(const core::Result<core::LoadedMasterKey> &key);
    void askToMigrate();
    void startMigration();
    void migrateWith(const std::shared_ptr<const core::MasterKey> &key);
    void endMigration(const core::Result<core::SecretMigrationReport> &report);
    QString targetBackend() const;

    core::Store &m_store;
    core::MasterKeySource m_keySource;
    std::optional<core::SecretBackendStatus> m_status;
    bool m_keyAvailable = false;
    std::shared_ptr<const core::MasterKey> m_key;

    QLabel *m_backend = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_masterKey = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_migrate = nullptr;
    QWidget *m_confirmation = nullptr;
    QLabel *m_confirmationText = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    std::unique_ptr<core::SecretMigration> m_migration;
};

} // namespace wb::ui
