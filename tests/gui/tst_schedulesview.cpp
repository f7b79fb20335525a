// SPDX-License-Identifier: GPL-3.0-or-later
// The Schedules tab on a real workspace (manual clock): the editor's next ten runs as you type and
// its errors pointing at the field, adding, enabling/disabling, run now with the run history's
// per-tenant outcomes, and screenshots of the tab and the editor.
#include "core/schedule/scheduleservice.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "models/schedulelistmodel.h"
#include "models/schedulerunmodel.h"
#include "support/futures.h"
#include "support/results.h"
#include "ui/schedules/scheduleeditordialog.h"
#include "ui/schedules/schedulesview.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace wb::core;

namespace {

// 2024-03-08T12:00:00Z, a Friday before the US clock change (Sunday 10 March 02:00 → 03:00).
constexpr qint64 fridayNoonMs = 1'709'899'200'000;

} // namespace

class TestSchedulesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void editorPreviewsAsYouType_data();
    void editorPreviewsAsYouType();
    void addRunAndHistory();

private:
    void screenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    ManualClock m_clock{fridayNoonMs};
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ScheduleService> m_service;
};

void TestSchedulesView::init()
{
    auto opened = openWorkspace(m_dir.filePath(u"ws.sqlite"_s), StoreServices{&m_clock});
    QVERIFY2(opened, qPrintable(wb::test::errorMessage(opened)));
    m_store = std::move(*opened);
    m_service = std::make_unique<ScheduleService>(*m_store);
}

void TestSchedulesView::cleanup()
{
    m_service.reset();
    m_store.reset();
    QFile::remove(m_dir.filePath(u"ws.sqlite"_s));
}

void TestSchedulesView::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    QVERIFY(!dir.isEmpty());
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

void TestSchedulesView::editorPreviewsAsYouType_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<QString>("thirdLine");
    QTest::addColumn<QString>("error");

    QTest::newRow("weekday-mornings-new-york-user-in-berlin")
            << u"0 9 * * MON-FRI"_s << u"America/New_York"_s
            << u"Fri 2024-03-08 09:00 EST · Fri 2024-03-08 15:00 CET your time"_s
            << u"Tue 2024-03-12 09:00 EDT · Tue 2024-03-12 14:00 CET your time"_s << QString();
    QTest::newRow("skipped-local-time-runs-at-the-shift")
            << u"30 2 * * *"_s << u"America/New_York"_s
            << u"Sat 2024-03-09 02:30 EST · Sat 2024-03-09 08:30 CET your time"_s
            << u"Mon 2024-03-11 02:30 EDT · Mon 2024-03-11 07:30 CET your time"_s << QString();
    QTest::newRow("same-zone-as-the-user")
            << u"@daily"_s << u"Europe/Berlin"_s << u"Sat 2024-03-09 00:00 CET"_s
            << u"Mon 2024-03-11 00:00 CET"_s << QString();
    QTest::newRow("error-names-the-field")
            << u"0 25 * * *"_s << u"UTC"_s << QString() << QString()
            << u"hour: 25 is out of range 0–23 (field \"25\", column 3)"_s;
    QTest::newRow("unknown-zone") << u"@daily"_s << u"Europe/Berlim"_s << QString() << QString()
                                  << u"Europe/Berlim"_s;
}

void TestSchedulesView::editorPreviewsAsYouType()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, firstLine);
    QFETCH(QString, thirdLine);
    QFETCH(QString, error);

    wb::ui::ScheduleEditorDialog editor(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    auto *expressionEdit = editor.findChild<QLineEdit *>(u"expression"_s);
    auto *zoneBox = editor.findChild<QComboBox *>(u"zone"_s);
    QVERIFY(expressionEdit && zoneBox);
    zoneBox->setCurrentText(zone);
    expressionEdit->clear();
    QTest::keyClicks(expressionEdit, expression);
    const QStringList lines = editor.previewLines();
    if (error.isEmpty()) {
        QCOMPARE(editor.errorText(), QString());
        QCOMPARE(lines.size(), 10);
        QCOMPARE(lines.at(0).left(firstLine.size()), firstLine);
        QCOMPARE(lines.at(2).left(thirdLine.size()), thirdLine);
    } else {
        QVERIFY(lines.isEmpty());
        QVERIFY2(editor.errorText().contains(error), qPrintable(editor.errorText()));
    }
    if (QByteArray(QTest::currentDataTag()) == "skipped-local-time-runs-at-the-shift") {
        // Sunday 10 March: 02:30 does not exist in New York; it runs at 03:00 EDT, the shift.
        QCOMPARE(lines.at(1),
                 u"Sun 2024-03-10 03:00 EDT · Sun 2024-03-10 08:00 CET your time (moved: the "
                 u"clock skipped that time)"_s);
        editor.findChild<QLineEdit *>(u"name"_s)->setText(u"Nightly Slack sync"_s);
        editor.findChild<QLineEdit *>(u"url"_s)->setText(
                u"{{connection.base_url}}/api/sync?tenant={{tenant.id}}"_s);
        editor.findChild<QLineEdit *>(u"provider"_s)->setText(u"slack"_s);
        editor.resize(720, 760);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        screenshot(&editor, u"schedule-editor.png"_s);
    }
}

void TestSchedulesView::addRunAndHistory()
{
    WB_AWAIT_OK(globex, m_store->addTenant(Tenant{0, u"Globex"_s, {}, {}, 0, 0}));
    WB_AWAIT_OK(initech, m_store->addTenant(Tenant{0, u"Initech"_s, {}, {}, 0, 0}));
    Connection connection;
    connection.tenantId = globex->id;
    connection.providerId = u"slack"_s;
    WB_AWAIT_OK(connected, m_store->addConnection(connection));

    wb::ui::SchedulesView view;
    view.setServices(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    view.resize(1100, 650);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(view.scheduleModel()->isLoaded());
    QVERIFY(view.isShowingEmptyState());

    // Add through the editor, as a person would.
    view.addSchedule();
    wb::ui::ScheduleEditorDialog *editor = nullptr;
    QTRY_VERIFY((editor = view.findChild<wb::ui::ScheduleEditorDialog *>()) != nullptr);
    editor->findChild<QLineEdit *>(u"name"_s)->setText(u"Nightly Slack sync"_s);
    editor->findChild<QLineEdit *>(u"expression"_s)->setText(u"30 2 * * *"_s);
    editor->findChild<QComboBox *>(u"zone"_s)->setCurrentText(u"America/New_York"_s);
    editor->findChild<QLineEdit *>(u"url"_s)->setText(
            u"https://slack.example.com/api/sync?tenant={{tenant.id}}"_s);
    editor->findChild<QLineEdit *>(u"provider"_s)->setText(u"slack"_s);
    editor->findChild<QLineEdit *>(u"targets"_s)
            ->setText(u"%1, %2"_s.arg(globex->id).arg(initech->id));
    editor->accept();
    QTRY_COMPARE(view.scheduleModel()->rowCount(), 1);
    QTRY_VERIFY(!view.isShowingEmptyState());
    QTRY_VERIFY(view.findChild<wb::ui::ScheduleEditorDialog *>() == nullptr
                || !view.findChild<wb::ui::ScheduleEditorDialog *>()->isVisible());
    QCOMPARE(view.scheduleTable()->currentIndex().row(), 0);
    QCOMPARE(view.scheduleModel()
                     ->index(0, wb::models::ScheduleListModel::NextRunColumn)
                     .data()
                     .toString(),
             u"2024-03-09 02:30 EST"_s);

    // A second schedule, disabled from the toolbar.
    Schedule weekly;
    weekly.name = u"Weekly HubSpot export"_s;
    weekly.cronExpression = u"0 6 * * MON"_s;
    weekly.timeZoneId = u"Europe/Berlin"_s;
    weekly.job.url = u"https://api.hubapi.example/export/{{tenant.id}}"_s;
    weekly.providerId = u"hubspot"_s;
    weekly.smoothingWindowMs = 1'800'000;
    WB_AWAIT_OK(second, m_service->add(weekly));
    QTRY_COMPARE(view.scheduleModel()->rowCount(), 2);

    // Run now: the history shows the run with one job per tenant.
    auto *runNow = view.findChild<QAction *>(u"runScheduleNow"_s);
    QVERIFY(runNow && runNow->isEnabled());
    view.selectSchedule(view.scheduleModel()->scheduleAt(0)->id);
    runNow->trigger();
    auto *runs = view.runModel();
    QTRY_COMPARE(runs->rowCount(), 1);
    const QModelIndex run = runs->index(0, 0);
    QTRY_COMPARE(runs->rowCount(run), 2);
    QCOMPARE(runs->index(0, wb::models::ScheduleRunModel::StateColumn).data().toString(),
             u"running (manual)"_s);
    QCOMPARE(runs->index(1, wb::models::ScheduleRunModel::OutcomeColumn, run).data().toString(),
             u"tenant %1 has no connection to slack"_s.arg(initech->id));
    QTRY_VERIFY(view.runTree()->isExpanded(run));
    QTRY_COMPARE(view.scheduleModel()->index(0, 0).data(
                         wb::models::ScheduleListModel::LastRunStateRole),
                 QVariant(u"running"_s));

    auto *toggle = view.findChild<QAction *>(u"toggleSchedule"_s);
    QCOMPARE(toggle->text(), u"Disable"_s);
    view.selectSchedule(second->id);
    toggle->trigger();
    QTRY_COMPARE(view.scheduleModel()
                         ->index(view.scheduleModel()->rowOf(second->id),
                                 wb::models::ScheduleListModel::EnabledColumn)
                         .data()
                         .toString(),
                 u"disabled"_s);
    QTRY_COMPARE(toggle->text(), u"Enable"_s);

    view.selectSchedule(view.scheduleModel()->scheduleAt(0)->id);
    QTRY_COMPARE(runs->rowCount(), 1);
    QTRY_VERIFY(view.runTree()->isExpanded(runs->index(0, 0)));
    screenshot(&view, u"schedules-view.png"_s);
}

QTEST_MAIN(TestSchedulesView)
#include "tst_schedulesview.moc"
