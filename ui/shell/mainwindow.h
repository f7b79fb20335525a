// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QSplitter;
class QTabWidget;

namespace wb::core {
class Clock;
}

namespace wb::ui {

class ConnectionView;
class DeliveriesView;
class HealthView;
class InboundView;
class NavigationPanel;
class SchedulesView;
class StatusBarWidgets;
class TimelineView;

// The main window: navigation (tenants → connections) on the left, the Inbound, Deliveries,
// Timeline, Schedules, Connection and Health tabs in the centre, the receiver and dispatcher state in the status bar.
// Window geometry and layout are saved with QSettings when the window closes and restored when it
// is constructed.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Tab { InboundTab, DeliveriesTab, TimelineTab, SchedulesTab, ConnectionTab, HealthTab };
    Q_ENUM(Tab)

    // `clock` (not owned; the system clock when null) drives the connection page's countdowns.
    explicit MainWindow(const core::Clock *clock = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    NavigationPanel *navigationPanel() const { return m_navigation; }
    StatusBarWidgets *statusWidgets() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }
    InboundView *inboundView() const { return m_inbound; }
    DeliveriesView *deliveriesView() const { return m_deliveries; }
    TimelineView *timelineView() const { return m_timeline; }
    SchedulesView *schedulesView() const { return m_schedules; }
    ConnectionView *connectionView() const { return m_connection; }
    HealthView *healthView() const { return m_health; }

Q_SIGNALS:
    void addTenantRequested();
    // File ▸ Add Connection…: the onboarding wizard, for the selected tenant (0: none selected).
    void addConnectionRequested(qint64 tenantId);
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void saveLayout() const;
    void restoreLayout();

    QSplitter *m_splitter = nullptr;
    NavigationPanel *m_navigation = nullptr;
    QTabWidget *m_tabs = nullptr;
    InboundView *m_inbound = nullptr;
    DeliveriesView *m_deliveries = nullptr;
    TimelineView *m_timeline = nullptr;
    SchedulesView *m_schedules = nullptr;
    ConnectionView *m_connection = nullptr;
    HealthView *m_health = nullptr;
    qint64 m_currentTenantId = 0;
    StatusBarWidgets *m_status = nullptr;
};

} // namespace wb::ui
