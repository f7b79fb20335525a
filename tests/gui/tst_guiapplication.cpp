// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/futures.h"
#include "guiapplication.h"

#include "core/dispatch/deliveryrepository.h"
#include "core/health/registrationrepository.h"
#include "core/inbound/receiver.h"
#include "core/secrets/masterkey.h"
#include "core/secrets/sealedsecretrepository.h"
#include "core/secrets/secretmigration.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "models/healthmodel.h"
#include "models/tenanttreemodel.h"
#include "ui/connections/connectionpage.h"
#include "ui/connections/connectionview.h"
#include "ui/connections/registrationssection.h"
#include "ui/deliveries/deliveriesview.h"
#include "ui/health/healthview.h"
#include "ui/navigation/navigationpanel.h"
#include "ui/onboarding/onboardingwizard.h"
#include "ui/schedules/schedulesview.h"
#include "ui/settings/masterkeydialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/statusbarwidgets.h"
#include "ui/timeline/timelineplot.h"
#include "ui/timeline/timelineview.h"
#include "ui/widgets/emptystatewidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace wb;

// The whole GUI, started in-process as main() starts it, on a workspace in a temporary folder.
class TestGuiApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstStartShowsDemoTenant();
    void demoIsNotSeededAgain();
    void unopenableWorkspaceIsShownNotFatal();
    void liveTimelineFollowsTheDispatcher();
    void statusBarCountsTheQueue();
    void scheduleRunDeliveryOpensInDeliveries();
    void addConnectionOpensTheWizard();
    void healthRowAboutARegistrationOpensIt();
    void sealedWorkspaceWithoutKeyAsksForIt();

private:
    // Queues a delivery of one attempt (no retries) to http://127.0.0.1:<port>/hook in the
    // application's workspace; true once it is stored.
    static bool queueOneAttempt(gui::GuiApplication &application, quint16 port,
                                const QString &idempotencyKey);

    QTemporaryDir m_dir;
    QString workspacePath() const { return m_dir.filePath(u"workspace.sqlite"_s); }
};

bool TestGuiApplication::queueOneAttempt(gui::GuiApplication &application, quint16 port,
                                         const QString &idempotencyKey)
{
    core::NewDelivery delivery;
    delivery.url = QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port));
    delivery.body = "{}"_ba;
    delivery.retryPolicy = uR"({"basedOn": "default", "maxAttempts": 1})"_s;
    std::optional<bool> queued;
    core::whenFinished(application.store()->write([delivery,
                                                   idempotencyKey](core::SqlSession &session) {
        return core::DeliveryRepository::add(session, delivery, idempotencyKey);
    }),
                       &application, [&queued](const core::Result<core::Delivery> &added) {
                           if (!added)
                               qWarning() << added.error().message;
                           queued = bool(added);
                       });
    return QTest::qWaitFor([&queued] { return queued.has_value(); }) && *queued;
}

void TestGuiApplication::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    QApplication::setApplicationName(u"tst_guiapplication"_s);
}

void TestGuiApplication::firstStartShowsDemoTenant()
{
    gui::GuiApplication application;
    application.start(workspacePath());
    ui::MainWindow *window = application.mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTreeView *tree = window->navigationPanel()->treeView();
    QTRY_COMPARE(tree->model()->rowCount(), 1);
    const QModelIndex tenant = tree->model()->index(0, 0);
    QCOMPARE(tenant.data().toString(), u"Acme Corp (demo)"_s);
    QTRY_COMPARE(tree->model()->rowCount(tenant), 1);
    QCOMPARE(tree->model()
                     ->index(0, 0, tenant)
                     .data(models::TenantTreeModel::ProviderIdRole)
                     .toString(),
             u"github"_s);
    // The provider's display name from its profile, not its id.
    QCOMPARE(tree->model()->index(0, 0, tenant).data().toString(), u"GitHub"_s);
    QTRY_VERIFY(tree->isVisible());
    QVERIFY(tree->isExpanded(tenant));

    auto *workspace = window->statusWidgets()->findChild<QLabel *>(u"workspaceLabel"_s);
    QCOMPARE(workspace->text(), u"Workspace: workspace.sqlite"_s);
    QCOMPARE(workspace->toolTip(), workspacePath());
    QVERIFY(!window->statusWidgets()->receiverUrl().isEmpty());
    // The GUI runs the same delivery engine as `wirebench-cli serve`.
    auto *dispatcher = window->statusWidgets()->findChild<QLabel *>(u"dispatcherState"_s);
    QTRY_COMPARE(dispatcher->text(), u"Dispatcher running"_s);

    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-demo.png"_s)));
}

void TestGuiApplication::demoIsNotSeededAgain()
{
    {
        gui::GuiApplication application;
        application.start(workspacePath());
        QTreeView *tree = application.mainWindow()->navigationPanel()->treeView();
        QTRY_COMPARE(tree->model()->rowCount(), 1);
        const qint64 demoId = tree->model()->index(0, 0).data(models::IdRole).toLongLong();
        bool removed = false;
        core::whenFinished(application.store()->removeTenant(demoId), &application,
                           [&removed](const core::Result<void> &r) { removed = bool(r); });
        QTRY_VERIFY(removed);
        QTRY_COMPARE(tree->model()->rowCount(), 0);
    }
    gui::GuiApplication again;
    again.start(workspacePath());
    // The store has one writer working in order: once a seed submitted after the application's own
    // has answered, the application's has too, and its change signals were delivered before.
    std::optional<bool> seededAgain;
    core::whenFinished(again.store()->seedDemoWorkspace(), &again,
                       [&seededAgain](const core::Result<bool> &r) { seededAgain = r && *r; });
    QTRY_VERIFY(seededAgain.has_value());
    QCOMPARE(*seededAgain, false);
    ui::NavigationPanel *navigation = again.mainWindow()->navigationPanel();
    QTRY_VERIFY(navigation->emptyState()->isVisible());
    QCOMPARE(navigation->treeView()->model()->rowCount(), 0);
}

void TestGuiApplication::unopenableWorkspaceIsShownNotFatal()
{
    // A folder where the workspace file should be: the store refuses it, the window still opens
    // and says why, and the folder is untouched.
    const QString folder = m_dir.filePath(u"not-a-file.sqlite"_s);
    QVERIFY(QDir().mkpath(folder));
    gui::GuiApplication application;
    application.start(folder);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = application.mainWindow()->findChild<QMessageBox *>()) && box->isVisible());
    QCOMPARE(box->text(), u"Cannot open the workspace"_s);
    QVERIFY2(box->informativeText().contains(u"not-a-file.sqlite"_s),
             qPrintable(box->informativeText()));
    box->close();
    auto *workspace = application.mainWindow()->statusWidgets()->findChild<QLabel *>(
            u"workspaceLabel"_s);
    QCOMPARE(workspace->text(), u"No workspace"_s);
    QVERIFY2(workspace->toolTip().contains(u"not-a-file.sqlite"_s),
             qPrintable(workspace->toolTip()));
    QVERIFY(QDir(folder).isEmpty());
}

void TestGuiApplication::liveTimelineFollowsTheDispatcher()
{
    // The timeline in live mode draws an attempt the GUI's dispatch engine records, without a
    // new query: the first query answered before the delivery was queued.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gui::GuiApplication application;
    application.start(dir.filePath(u"live.sqlite"_s));
    ui::MainWindow *window = application.mainWindow();
    auto *dispatcher = window->statusWidgets()->findChild<QLabel *>(u"dispatcherState"_s);
    QTRY_COMPARE(dispatcher->text(), u"Dispatcher running"_s);
    ui::TimelineView *timeline = window->timelineView();
    timeline->setRangePreset(ui::TimelineRangePreset::Last15Minutes);
    timeline->setLive(true);
    QTRY_VERIFY(timeline->isShowingNoAttempts());
    QCOMPARE(timeline->plot()->series().attemptsInRange, 0);

    // A port nothing listens on: the attempt ends in a refused connection, at once.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    // One attempt only: with retries, a loaded machine could see several before the first check.
    QVERIFY(queueOneAttempt(application, port, u"live-timeline-1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(timeline->plot()->series().attemptsInRange, 1, 15'000);
    QVERIFY(!timeline->isShowingNoAttempts());
}

void TestGuiApplication::statusBarCountsTheQueue()
{
    // The status bar's queue follows the GUI's dispatch engine: a delivery whose attempt waits
    // for an answer is in flight; when the peer closes, it ends (one attempt) and the queue is
    // empty again.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gui::GuiApplication application;
    application.start(dir.filePath(u"queue.sqlite"_s));
    ui::MainWindow *window = application.mainWindow();
    auto *queue = window->statusWidgets()->findChild<QLabel *>(u"queueDepth"_s);
    QVERIFY(queue);
    QTRY_COMPARE(window->statusWidgets()->findChild<QLabel *>(u"dispatcherState"_s)->text(),
                 u"Dispatcher running"_s);
    QTRY_COMPARE(queue->text(), u"Queue: 0 pending, 0 in flight"_s);

    // A peer that accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QVERIFY(queueOneAttempt(application, silent.serverPort(), u"queue-count-1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(queue->text(), u"Queue: 0 pending, 1 in flight"_s, 15'000);
    QTRY_VERIFY(silent.hasPendingConnections());
    delete silent.nextPendingConnection(); // closes it: the attempt fails, nothing is left
    QTRY_COMPARE_WITH_TIMEOUT(queue->text(), u"Queue: 0 pending, 0 in flight"_s, 15'000);
}

void TestGuiApplication::scheduleRunDeliveryOpensInDeliveries()
{
    // Activating a delivery in a schedule's run history (SchedulesView::deliveryActivated) shows
    // the Deliveries tab with that delivery selected.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gui::GuiApplication application;
    application.start(dir.filePath(u"schedule-delivery.sqlite"_s));
    ui::MainWindow *window = application.mainWindow();
    QTRY_COMPARE(window->statusWidgets()->findChild<QLabel *>(u"dispatcherState"_s)->text(),
                 u"Dispatcher running"_s);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QVERIFY(queueOneAttempt(application, port, u"schedule-run-1"_s));
    QVERIFY(queueOneAttempt(application, port, u"schedule-run-2"_s));
    std::optional<qint64> wanted;
    core::whenFinished(application.store()->read([](core::SqlSession &session) {
        return core::DeliveryRepository::list(session, std::nullopt, 10);
    }),
                       &application, [&wanted](const core::Result<QList<core::Delivery>> &list) {
                           wanted = list && list->size() == 2 ? list->last().id : -1;
                       });
    QTRY_VERIFY(wanted.has_value());
    QVERIFY(*wanted > 0);
    QCOMPARE(window->tabs()->currentIndex(), 0);

    Q_EMIT window->schedulesView()->deliveryActivated(*wanted);
    QCOMPARE(window->tabs()->currentWidget(), window->deliveriesView());
    QTRY_COMPARE(window->deliveriesView()->selectedDeliveryId(), *wanted);
}

void TestGuiApplication::healthRowAboutARegistrationOpensIt()
{
    // Opening a Health row whose worst finding is about a registration shows the Connection tab
    // with that registration selected; a row about something else (the access token) stays.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gui::GuiApplication application;
    application.start(dir.filePath(u"health-registration.sqlite"_s));
    ui::MainWindow *window = application.mainWindow();
    QTreeView *tree = window->navigationPanel()->treeView();
    QTRY_COMPARE(tree->model()->rowCount(), 1);
    const QModelIndex tenant = tree->model()->index(0, 0);
    QTRY_COMPARE(tree->model()->rowCount(tenant), 1);
    const auto connection = tree->model()
                                    ->index(0, 0, tenant)
                                    .data(models::TenantTreeModel::ConnectionRole)
                                    .value<core::Connection>();
    QVERIFY(connection.id > 0);
    core::Registration hook;
    hook.connectionId = connection.id;
    hook.externalId = u"4815162342"_s;
    hook.scope = u"repos/acme/shop"_s;
    std::optional<core::Result<core::Registration>> added;
    core::whenFinished(application.store()->write([hook](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, hook);
    }),
                       &application,
                       [&added](const core::Result<core::Registration> &r) { added = r; });
    QTRY_VERIFY(added.has_value());
    QVERIFY(added->has_value());
    const qint64 registrationId = (*added)->id;

    ui::HealthView *healthView = window->healthView();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(healthView->table()->model());
    QVERIFY(proxy);
    auto *health = qobject_cast<models::HealthModel *>(proxy->sourceModel());
    QVERIFY(health);
    window->tabs()->setCurrentWidget(healthView);

    core::ConnectionHealth token;
    token.connectionId = connection.id;
    token.tenantId = connection.tenantId;
    token.providerId = connection.providerId;
    token.status = core::HealthStatus::Failing;
    token.findings = {{u"credentials.refresh_failed"_s, core::HealthStatus::Failing,
                       u"Refreshing the access token failed."_s, core::HealthAction::Reauthorize,
                       std::nullopt}};
    health->setHealth(token);
    Q_EMIT healthView->connectionActivated(connection.id);
    QCOMPARE(window->tabs()->currentWidget(), healthView);

    core::ConnectionHealth missing = token;
    missing.findings = {{u"registration.check_failed"_s, core::HealthStatus::Attention,
                         u"Registration repos/acme/shop #4815162342 could not be checked."_s,
                         core::HealthAction::Investigate, registrationId}};
    health->setHealth(missing);
    Q_EMIT healthView->connectionActivated(connection.id);
    QCOMPARE(window->tabs()->currentWidget(), window->connectionView());
    QTRY_COMPARE(window->connectionView()->page()->registrationsSection()->selectedRegistrationId(),
                 registrationId);
    // The page shows the URL to register at the provider: the GUI's own receiver's.
    const QString webhookUrl = window->connectionView()->page()->webhookUrlLabel()->text();
    QCOMPARE(webhookUrl, application.receiver()->registrationUrl(connection.id).toString());
    QVERIFY2(webhookUrl.startsWith(u"http://127.0.0.1:"_s)
                     && webhookUrl.endsWith(u"/hooks/%1"_s.arg(connection.id)),
             qPrintable(webhookUrl));
}

void TestGuiApplication::addConnectionOpensTheWizard()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gui::GuiApplication application;
    application.start(dir.filePath(u"onboarding.sqlite"_s));
    ui::MainWindow *window = application.mainWindow();
    ui::NavigationPanel *navigation = window->navigationPanel();
    QTreeView *tree = navigation->treeView();
    QTRY_COMPARE(tree->model()->rowCount(), 1);
    const qint64 demoId = tree->model()->index(0, 0).data(models::IdRole).toLongLong();

    // File ▸ Add Connection… opens the wizard.
    auto *action = window->findChild<QAction *>(u"actionAddConnection"_s);
    QVERIFY(action);
    action->trigger();
    ui::OnboardingWizard *fromMenu = nullptr;
    QTRY_VERIFY((fromMenu = window->findChild<ui::OnboardingWizard *>()) && fromMenu->isVisible());
    fromMenu->reject();
    QTRY_VERIFY(!window->findChild<ui::OnboardingWizard *>()); // deleted on close

    // A tenant's "Add connection…": that tenant is preselected; at Finish the new connection is
    // selected in the navigation.
    Q_EMIT navigation->addConnectionRequested(demoId);
    ui::OnboardingWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = window->findChild<ui::OnboardingWizard *>()) && wizard->isVisible());
    auto *tenants = wizard->findChild<QComboBox *>(u"tenantCombo"_s);
    QTRY_COMPARE(tenants->currentText(), u"Acme Corp (demo)"_s);
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->button(QWizard::NextButton)->click();
    auto *providers = wizard->findChild<QListWidget *>(u"providerList"_s);
    const QList<QListWidgetItem *> twilio = providers->findItems(u"Twilio"_s, Qt::MatchStartsWith);
    QCOMPARE(twilio.size(), 1);
    providers->setCurrentItem(twilio.first());
    QSignalSpy created(wizard, &ui::OnboardingWizard::connectionCreated);
    wizard->button(QWizard::NextButton)->click();
    QTRY_COMPARE(created.count(), 1);
    const qint64 connectionId = created.first().first().toLongLong();
    // The receiver's own URL for the connection.
    QTRY_COMPARE(wizard->findChild<QLineEdit *>(u"webhookUrl"_s)->text(),
                 application.receiver()->connectionUrl(connectionId).toString());
    wizard->button(QWizard::NextButton)->click(); // no secret yet
    QTRY_COMPARE(wizard->currentId(), int(ui::OnboardingWizard::DonePage));
    wizard->button(QWizard::FinishButton)->click();
    QTRY_COMPARE(tree->currentIndex().data(models::IdRole).toLongLong(), connectionId);
    QCOMPARE(tree->currentIndex().parent().data(models::IdRole).toLongLong(), demoId);
}

void TestGuiApplication::sealedWorkspaceWithoutKeyAsksForIt()
{
    // A sealed workspace whose key file is nowhere the application looks (no
    // WIREBENCH_MASTER_KEY_FILE, nothing in the keychain for this new workspace).
    const QString path = m_dir.filePath(u"sealed.sqlite"_s);
    const QString keyFile = m_dir.filePath(u"sealed.key"_s);
    const auto key = core::MasterKey::generate(u"test"_s);
    QVERIFY(key->writeNewKeyFile(keyFile));
    {
        auto store = core::openWorkspace(path, core::StoreServices{core::SystemClock::instance()});
        QVERIFY(store);
        core::SecretMigration migration(**store, key);
        std::optional<bool> moved;
        core::whenFinished(migration.migrateTo(u"sealed"_s), &migration,
                           [&moved](const core::Result<core::SecretMigrationReport> &report) {
                               if (!report)
                                   qWarning() << report.error().message;
                               moved = bool(report);
                           });
        QTRY_VERIFY(moved.has_value());
        QVERIFY(*moved);
        std::optional<bool> recorded;
        const QString keyId = key->keyId();
        core::whenFinished((*store)->write([keyId](core::SqlSession &session) {
            return core::SealedSecretRepository::recordKeyId(session, keyId);
        }),
                           &migration,
                           [&recorded](const core::Result<void> &r) { recorded = bool(r); });
        QTRY_VERIFY(recorded.has_value());
        QVERIFY(*recorded);
    }
    qunsetenv("WIREBENCH_MASTER_KEY_FILE");

    gui::GuiApplication application;
    application.start(path);
    ui::MainWindow *window = application.mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *dispatcher = window->statusWidgets()->findChild<QLabel *>(u"dispatcherState"_s);
    ui::MasterKeyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ui::MasterKeyDialog *>()) && dialog->isVisible());
    QCOMPARE(dispatcher->text(), u"Dispatcher stopped"_s);
    QVERIFY2(dialog->findChild<QLabel *>(u"problem"_s)->text().contains(u"master key"_s),
             qPrintable(dialog->findChild<QLabel *>(u"problem"_s)->text()));
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-master-key-needed.png"_s)));

    dialog->setKeyFile(keyFile);
    dialog->accept();
    QTRY_COMPARE(dispatcher->text(), u"Dispatcher running"_s);
    QTRY_VERIFY(window->findChild<ui::MasterKeyDialog *>() == nullptr);
}

QTEST_MAIN(TestGuiApplication)
#include "tst_guiapplication.moc"
