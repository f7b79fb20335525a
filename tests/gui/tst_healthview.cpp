// SPDX-License-Identifier: GPL-3.0-or-later
// The Health tab: its empty state, the connections needing attention worst first with reason and
// action, "Show all connections", the selected connection's findings, "Check now", and the
// mainwindow's Health tab.
#include "models/healthmodel.h"
#include "ui/health/healthview.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/emptystatewidget.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::models;
using namespace wb::ui;

namespace {
ConnectionHealth health(qint64 connectionId, HealthStatus status, const QString &reason,
                        HealthAction action = HealthAction::None)
{
    ConnectionHealth h;
    h.connectionId = connectionId;
    h.providerId = u"github"_s;
    h.status = status;
    if (status == HealthStatus::Failing || status == HealthStatus::Attention)
        h.findings << HealthFinding{u"x"_s, status, reason, action, std::nullopt};
    else
        h.note = reason;
    return h;
}
} // namespace

class TestHealthView : public QObject
{
    Q_OBJECT

private slots:
    void showsWhatNeedsAttention()
    {
        HealthModel model;
        HealthView view;
        view.resize(900, 500);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isShowingEmptyState());
        QCOMPARE(view.emptyState()->title(), u"No health assessed yet"_s);

        model.setHealth(health(1, HealthStatus::Healthy, u"fine"_s));
        QVERIFY(!view.isShowingEmptyState());
        QCOMPARE(view.table()->model()->rowCount(), 0); // healthy rows are hidden by default
        QCOMPARE(view.summaryLabel()->text(), u"No connection needs attention (1 assessed)."_s);
        // The empty filtered table gives way to a sentence saying all is well and how to list them.
        QVERIFY(view.allClearLabel()->isVisible());
        QVERIFY(!view.table()->isVisible());
        QVERIFY2(view.allClearLabel()->text().startsWith(
                         u"All 1 assessed connection(s) are healthy"_s),
                 qPrintable(view.allClearLabel()->text()));
        view.showAllBox()->setChecked(true);
        QVERIFY(view.table()->isVisible());
        QVERIFY(!view.allClearLabel()->isVisible());
        view.showAllBox()->setChecked(false);
        QVERIFY(view.allClearLabel()->isVisible());

        model.setHealth(
                health(2, HealthStatus::Failing, u"Hook 12 is gone."_s, HealthAction::Reregister));
        model.setHealth(health(3, HealthStatus::Attention, u"No events for 3 h."_s,
                               HealthAction::Investigate));
        QCOMPARE(view.table()->model()->rowCount(), 2);
        QVERIFY(view.table()->isVisible());
        QVERIFY(!view.allClearLabel()->isVisible());
        QVERIFY(view.summaryLabel()->text().contains(u"2 connection(s) need attention"_s));
        QCOMPARE(view.table()->model()->index(0, HealthModel::ReasonColumn).data().toString(),
                 u"Hook 12 is gone."_s);
        QCOMPARE(view.table()->model()->index(0, HealthModel::ActionColumn).data().toString(),
                 u"Register again"_s);

        view.showAllBox()->setChecked(true);
        QCOMPARE(view.table()->model()->rowCount(), 3);
        view.showAllBox()->setChecked(false);
        QCOMPARE(view.table()->model()->rowCount(), 2);

        view.table()->setCurrentIndex(view.table()->model()->index(1, 0));
        QVERIFY2(view.detailsLabel()->text().contains(u"No events for 3 h. → Investigate"_s),
                 qPrintable(view.detailsLabel()->text()));

        QSignalSpy check(&view, &HealthView::checkNowRequested);
        QTest::mouseClick(view.checkNowButton(), Qt::LeftButton);
        QCOMPARE(check.size(), 1);
        view.setChecking(true);
        QVERIFY(!view.checkNowButton()->isEnabled());
        view.setChecking(false);
        QVERIFY(view.checkNowButton()->isEnabled());

        QSignalSpy activated(&view, &HealthView::connectionActivated);
        const QModelIndex first = view.table()->model()->index(0, HealthModel::ReasonColumn);
        view.table()->setFocus();
        view.table()->setCurrentIndex(first);
        QTest::keyClick(view.table(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.constFirst().constFirst().toLongLong(), qint64(2));

        // A fixed connection leaves the list.
        model.setHealth(health(2, HealthStatus::Healthy, u"fine"_s));
        QCOMPARE(view.table()->model()->rowCount(), 1);
    }

    void mainWindowHasAHealthTab()
    {
        MainWindow window;
        QCOMPARE(window.tabs()->tabText(MainWindow::HealthTab), u"Health"_s);
        QCOMPARE(window.tabs()->widget(MainWindow::HealthTab), window.healthView());
    }
};

QTEST_MAIN(TestHealthView)
#include "tst_healthview.moc"
