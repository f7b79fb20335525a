// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "core/util/result.h"

#include <QDialog>
#include <QPointer>
#include <QTimeZone>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace wb::core {
class Clock;
class ScheduleService;
} // namespace wb::core

namespace wb::ui {

// Adds or edits a schedule: cron expression and time zone with the next ten firings shown as you
// type (in the schedule's zone and the user's), or the expression's error pointing at the field;
// the HTTP job template; the targets; smoothing window, concurrency limit and missed-run policy.
// OK stores it through the ScheduleService (add, or update after editSchedule(): its runs are
// kept, a new expression or zone recomputes the next run); a refusal (an invalid value, a
// duplicate name, an unknown tenant) is shown in the dialog with the field it is about marked and
// focused (a cron error also selects the offending part), the dialog stays open and nothing
// stored changes.
class ScheduleEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleEditorDialog)

public:
    ScheduleEditorDialog(core::ScheduleService *service, const core::Clock *clock,
                         QTimeZone userZone = QTimeZone::systemTimeZone(),
                         QWidget *parent = nullptr);

    // Fills the form with a stored schedule; OK then changes it instead of adding one.
    void editSchedule(const core::Schedule &schedule);
    qint64 editedScheduleId() const { return m_edited.id; }

    // The schedule as the form describes it (not validated).
    core::Schedule schedule() const;
    // The field the shown error is about (its objectName), empty when none.
    QString invalidField() const;
    // The preview's lines ("2024-06-03 02:30 EDT · 08:30 CEST your time"), for tests.
    QStringList previewLines() const;
    QString errorText() const;

    void accept() override;

Q_SIGNALS:
    void scheduleAdded(const wb::core::Schedule &schedule);
    void scheduleEdited(const wb::core::Schedule &schedule);

private:
    void updatePreview();
    void showError(const core::Error &error);
    // The field an error's code is about (ScheduleRepository's codes), nullptr for none.
    QWidget *fieldFor(const core::Error &error) const;
    void markInvalid(QWidget *field);

    QPointer<core::ScheduleService> m_service;
    const core::Clock *m_clock;
    QTimeZone m_userZone;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_expression = nullptr;
    QComboBox *m_zone = nullptr;
    QListWidget *m_preview = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QComboBox *m_targetKind = nullptr;
    QLineEdit *m_targets = nullptr;
    QLineEdit *m_provider = nullptr;
    QSpinBox *m_windowMinutes = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QComboBox *m_missed = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QWidget *m_invalid = nullptr;
    core::Schedule m_edited; // id 0: adding
};

} // namespace wb::ui
