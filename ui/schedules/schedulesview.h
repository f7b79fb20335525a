// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule/schedule.h"
#include "ui/widgets/stackedview.h"

#include <QPointer>
#include <QTimeZone>
#include <QTimer>

#include <optional>

class QAction;
class QLabel;
class QTableView;
class QTreeView;

namespace wb::core {
class Clock;
class ScheduleService;
} // namespace wb::core

namespace wb::models {
class ScheduleListModel;
class ScheduleRunModel;
} // namespace wb::models

namespace wb::ui {

// The Schedules tab: the schedules with their next run in the schedule's zone and the user's and
// the last run's state, with Add…, Edit… (or double-click), Enable/Disable, Run now and Remove;
// below, the selected schedule's run history with per-tenant outcomes named by tenant and
// connection (double-click a job to open its delivery), and Cancel run for a running run.
// Shows the empty state until the workspace has a schedule. Re-reads every 30 s (runs and
// schedules changed by other processes, next run times).
class SchedulesView final : public StackedView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulesView)

public:
    explicit SchedulesView(QWidget *parent = nullptr);
    ~SchedulesView() override;

    // Attaches the workspace's schedules (not owned; they must outlive the view).
    void setServices(core::ScheduleService *service, const core::Clock *clock,
                     QTimeZone userZone = QTimeZone::systemTimeZone());

    models::ScheduleListModel *scheduleModel() const { return m_schedules; }
    models::ScheduleRunModel *runModel() const { return m_runs; }
    QTableView *scheduleTable() const { return m_table; }
    QTreeView *runTree() const { return m_tree; }
    // Opens the editor (window-modal, asynchronous).
    void addSchedule();
    // Opens the editor on the current schedule.
    void editSchedule();
    void selectSchedule(qint64 scheduleId);

Q_SIGNALS:
    // A job's delivery was activated in the run history: the Deliveries tab shows it.
    void deliveryActivated(qint64 deliveryId);

private:
    void updateActions();
    void onLoaded();
    qint64 currentScheduleId() const;
    // The run the history's current row belongs to (the run row, or a job's parent).
    std::optional<core::ScheduleRun> currentRun() const;
    void cancelRun();
    void report(const QString &message);

    QPointer<core::ScheduleService> m_service;
    const core::Clock *m_clock = nullptr;
    QTimeZone m_userZone;
    models::ScheduleListModel *m_schedules = nullptr;
    models::ScheduleRunModel *m_runs = nullptr;
    QTableView *m_table = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_noRuns = nullptr; // the history's hint while the schedule has no run
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_cancelRun = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_runNow = nullptr;
    QAction *m_remove = nullptr;
    QTimer m_refresh;
    int m_contentPage = -1;
};

} // namespace wb::ui
