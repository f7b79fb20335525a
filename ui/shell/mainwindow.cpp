// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/mainwindow.h"

#include "core/util/clock.h"
#include "models/navigationfilterproxy.h"
#include "ui/connections/connectionview.h"
#include "ui/deliveries/deliveriesview.h"
#include "ui/health/healthview.h"
#include "ui/inbound/inboundview.h"
#include "ui/navigation/navigationpanel.h"
#include "ui/schedules/schedulesview.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/statusbarwidgets.h"
#include "ui/timeline/timelineview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace wb::ui {

namespace {
const auto geometryKey = u"MainWindow/geometry"_s;
const auto stateKey = u"MainWindow/state"_s;
const auto splitterKey = u"MainWindow/splitter"_s;
const auto tabKey = u"MainWindow/tab"_s;
} // namespace

MainWindow::MainWindow(const core::Clock *clock, QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_navigation(new NavigationPanel(m_splitter))
    , m_tabs(new QTabWidget(m_splitter))
    , m_inbound(new InboundView(m_tabs))
    , m_deliveries(new DeliveriesView(m_tabs))
    , m_timeline(new TimelineView(m_tabs))
    , m_schedules(new SchedulesView(m_tabs))
    , m_connection(new ConnectionView(clock ? clock : core::SystemClock::instance(), m_tabs))
    , m_health(new HealthView(m_tabs))
    , m_status(new StatusBarWidgets(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Wirebench"));
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_inbound, tr("Inbound"));
    m_tabs->addTab(m_deliveries, tr("Deliveries"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_schedules, tr("Schedules"));
    m_tabs->addTab(m_connection, tr("Connection"));
    m_tabs->addTab(m_health, tr("Health"));

    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 920});
    setCentralWidget(m_splitter);

    statusBar()->addPermanentWidget(m_status);
    createMenus();
    connect(m_navigation, &NavigationPanel::addTenantRequested, this,
            &MainWindow::addTenantRequested);
    connect(m_navigation, &NavigationPanel::addConnectionRequested, this,
            &MainWindow::addConnectionRequested);
    connect(m_status, &StatusBarWidgets::attentionClicked, this, [this] {
        m_navigation->setVisible(true);
        m_navigation->setAttentionOnly(true);
    });
    // The selected connection fills the Connection tab; opening it (Enter, double-click, Open)
    // also brings the tab forward.
    const auto sourceIndex = [this] {
        return m_navigation->proxy()->mapToSource(m_navigation->treeView()->currentIndex());
    };
    connect(m_navigation, &NavigationPanel::currentChanged, this,
            [this, sourceIndex](qint64 tenantId, qint64 connectionId) {
                m_currentTenantId = tenantId;
                if (connectionId != 0)
                    m_connection->showConnection(sourceIndex());
            });
    connect(m_navigation, &NavigationPanel::connectionActivated, this, [this, sourceIndex](qint64) {
        m_connection->showConnection(sourceIndex());
        m_tabs->setCurrentWidget(m_connection);
    });

    resize(1200, 760);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *addTenant = file->addAction(tr("Add &Tenant…"));
    addTenant->setObjectName(u"actionAddTenant"_s);
    connect(addTenant, &QAction::triggered, this, &MainWindow::addTenantRequested);
    QAction *addConnection = file->addAction(tr("Add &Connection…"));
    addConnection->setObjectName(u"actionAddConnection"_s);
    addConnection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(addConnection, &QAction::triggered, this,
            [this] { Q_EMIT addConnectionRequested(m_currentTenantId); });
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings…"));
    settings->setObjectName(u"actionSettings"_s);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QMainWindow::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *navigation = view->addAction(tr("&Navigation"));
    navigation->setObjectName(u"actionToggleNavigation"_s);
    navigation->setCheckable(true);
    navigation->setChecked(true);
    navigation->setShortcut(Qt::Key_F9);
    connect(navigation, &QAction::toggled, m_navigation, &QWidget::setVisible);
    view->addSeparator();
    for (int index = 0; index < m_tabs->count(); ++index) {
        QAction *showTab = view->addAction(m_tabs->tabText(index));
        showTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        connect(showTab, &QAction::triggered, m_tabs,
                [this, index] { m_tabs->setCurrentIndex(index); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Wirebench"));
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(tabKey, m_tabs->currentIndex());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    m_tabs->setCurrentIndex(settings.value(tabKey, 0).toInt());
}

} // namespace wb::ui
