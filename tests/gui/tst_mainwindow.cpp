// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/navigation/navigationpanel.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/statusbarwidgets.h"
#include "ui/widgets/emptystatewidget.h"
#include "ui/widgets/stackedview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace wb::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tabsShowTheirEmptyStates_data();
    void tabsShowTheirEmptyStates();
    void navigationShowsEmptyStateUntilTenantsExist();
    void statusBarShowsReceiver();
    void geometryIsRestored();
    void aboutNamesLibraryVersions();
    void screenshot();

private:
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QApplication::setOrganizationName(u"WirebenchTest"_s);
    QApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::tabsShowTheirEmptyStates_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("tabText");
    QTest::addColumn<QString>("emptyTitle");
    QTest::newRow("inbound") << int(MainWindow::InboundTab) << u"Inbound"_s
                             << u"No webhooks received yet"_s;
    QTest::newRow("deliveries") << int(MainWindow::DeliveriesTab) << u"Deliveries"_s
                                << u"No deliveries yet"_s;
    QTest::newRow("timeline") << int(MainWindow::TimelineTab) << u"Timeline"_s
                              << u"Nothing to plot yet"_s;
    QTest::newRow("schedules") << int(MainWindow::SchedulesTab) << u"Schedules"_s
                               << u"No schedules"_s;
}

void TestMainWindow::tabsShowTheirEmptyStates()
{
    QFETCH(int, tab);
    QFETCH(QString, tabText);
    QFETCH(QString, emptyTitle);

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.tabs()->setCurrentIndex(tab);
    QCOMPARE(window.tabs()->tabText(tab), tabText);
    auto *view = qobject_cast<StackedView *>(window.tabs()->widget(tab));
    QVERIFY(view);
    QVERIFY(view->isShowingEmptyState());
    QTRY_VERIFY(view->emptyState()->isVisible());
    QCOMPARE(view->emptyState()->title(), emptyTitle);
    QVERIFY(view->emptyState()->description().size() > 60);
}

void TestMainWindow::navigationShowsEmptyStateUntilTenantsExist()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    NavigationPanel *navigation = window.navigationPanel();
    QTRY_VERIFY(navigation->emptyState()->isVisible());
    QVERIFY(!navigation->filterEdit()->isEnabled());

    QSignalSpy addTenant(&window, &MainWindow::addTenantRequested);
    auto *button = navigation->emptyState()->findChild<QPushButton *>();
    QVERIFY(button);
    QCOMPARE(button->text(), u"Add tenant…"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(addTenant.count(), 1);

    QStandardItemModel model;
    navigation->setModel(&model);
    QVERIFY(navigation->emptyState()->isVisible());
    auto *tenant = new QStandardItem(u"Acme Corp"_s);
    tenant->appendRow(new QStandardItem(u"Slack"_s));
    model.appendRow(tenant);
    QTRY_VERIFY(navigation->treeView()->isVisible());
    QVERIFY(!navigation->emptyState()->isVisible());
    QVERIFY(navigation->filterEdit()->isEnabled());

    // The filter keeps a tenant whose connection matches.
    navigation->filterEdit()->setText(u"slack"_s);
    QCOMPARE(navigation->treeView()->model()->rowCount(), 1);
    navigation->filterEdit()->setText(u"github"_s);
    QCOMPARE(navigation->treeView()->model()->rowCount(), 0);

    model.clear();
    QTRY_VERIFY(navigation->emptyState()->isVisible());
}

void TestMainWindow::statusBarShowsReceiver()
{
    MainWindow window;
    StatusBarWidgets *status = window.statusWidgets();
    auto *label = status->findChild<QLabel *>(u"receiverUrl"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), u"Receiver stopped"_s);
    status->setReceiverUrl(QUrl(u"http://127.0.0.1:8480"_s));
    QCOMPARE(label->text(), u"Receiver: http://127.0.0.1:8480"_s);

    auto *copy = status->findChild<QToolButton *>(u"copyReceiverUrl"_s);
    QVERIFY(copy && copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"http://127.0.0.1:8480"_s);

    auto *badge = status->findChild<QToolButton *>(u"attentionBadge"_s);
    QVERIFY(badge);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!badge->isVisible());
    status->setAttentionCount(2);
    QTRY_VERIFY(badge->isVisible());
    QCOMPARE(badge->text(), u"Needs attention: 2"_s);
    QSignalSpy clicked(status, &StatusBarWidgets::attentionClicked);
    QTest::mouseClick(badge, Qt::LeftButton);
    QCOMPARE(clicked.count(), 1);
    status->setAttentionCount(0);
    QTRY_VERIFY(!badge->isVisible());
}

void TestMainWindow::geometryIsRestored()
{
    QSize savedSize;
    int savedTab = -1;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1000, 700);
        QTRY_COMPARE(window.size(), QSize(1000, 700));
        window.tabs()->setCurrentIndex(MainWindow::TimelineTab);
        savedSize = window.size();
        savedTab = window.tabs()->currentIndex();
        window.close();
    }
    MainWindow restored;
    QCOMPARE(restored.tabs()->currentIndex(), savedTab);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QTRY_COMPARE(restored.size(), savedSize);
}

void TestMainWindow::aboutNamesLibraryVersions()
{
    const QStringList versions = AboutDialog::componentVersions();
    QCOMPARE(versions.size(), 5);
    QCOMPARE(versions.at(0), u"Qt %1"_s.arg(QString::fromLatin1(qVersion())));
    QVERIFY2(versions.at(1).contains(QRegularExpression(u"^QtKeychain \\d+\\.\\d+"_s)),
             qPrintable(versions.at(1)));
    QVERIFY2(versions.at(2).startsWith(u"OpenSSL 3."_s), qPrintable(versions.at(2)));
    QVERIFY2(versions.at(3).contains(QRegularExpression(u"^libsodium \\d+\\.\\d+"_s)),
             qPrintable(versions.at(3)));
    QCOMPARE(versions.at(4), u"QCustomPlot 2.1.0"_s);

    AboutDialog dialog;
    auto *text = dialog.findChild<QLabel *>(u"aboutText"_s);
    QVERIFY(text->text().contains(u"GPL-3.0-or-later"_s));
}

void TestMainWindow::screenshot()
{
    MainWindow window;
    window.resize(1200, 760);
    window.statusWidgets()->setReceiverUrl(QUrl(u"http://127.0.0.1:8480"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(!dir.isEmpty());
    QVERIFY(QDir().mkpath(dir));
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1200, 760) * window.devicePixelRatio());
    QVERIFY(image.save(QDir(dir).filePath(u"mainwindow-empty.png"_s)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
