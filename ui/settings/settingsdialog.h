// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings/appsettings.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace wb::ui {

// The Settings dialog: receiver address and port, workspace location, default retry policy and
// outgoing limits, browser command. Every change is validated at once with
// core::validateSettings(): an error appears under its field (and OK is disabled), a warning
// appears under its field without blocking OK.
//
// The dialog edits a copy of the settings; settings() answers the edited values. Saving and
// applying them is the caller's job (through a core::SettingsSource). Other parts add their own
// pages (the secret backend, …) with addPage().
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(const core::AppSettings &settings, core::SettingsEnvironment environment,
                   QWidget *parent = nullptr);

    core::AppSettings settings() const;
    // The problems of the current values, as shown.
    QList<core::SettingsIssue> issues() const { return m_issues; }
    // The inline message label of a field (hidden when the field has no problem).
    QLabel *messageLabel(core::SettingsIssue::Field field) const;

    // Adds a page after the built-in ones; the dialog takes ownership.
    void addPage(QWidget *page, const QString &title);
    QTabWidget *pages() const { return m_pages; }

    // Shows an error that saving reported (settings.write_failed, …) above the buttons.
    void showSaveError(const QString &message);

private:
    QWidget *createGeneralPage();
    QLabel *addMessageLabel(core::SettingsIssue::Field field, QWidget *parent);
    void browseWorkspace();
    void revalidate();

    core::SettingsEnvironment m_environment;
    QList<core::SettingsIssue> m_issues;
    QTabWidget *m_pages = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QLineEdit *m_workspace = nullptr;
    QComboBox *m_retryPolicy = nullptr;
    QDoubleSpinBox *m_requestsPerSecond = nullptr;
    QSpinBox *m_burst = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QLineEdit *m_browser = nullptr;
    QLabel *m_saveError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<int, QLabel *> m_messages;
};

} // namespace wb::ui
