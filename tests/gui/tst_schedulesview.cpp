// SPDX-License-Identifier: GPL-3.0-or-later
// The Schedules tab on a real workspace (manual clock): the editor's next ten runs as you type and
// its errors pointing at the field, adding, editing (runs kept, refusals change nothing),
// enabling/disabling, run now with the run history's per-tenant outcomes named by tenant,
// cancelling a run, and screenshots of the tab and the editor.
#include "core/schedule/runcancellation.h"
#include "core/schedule/schedulerepository.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
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
    void editorRefusalPointsAtField_data();
    void editorRefusalPointsAtField();
    void addRunAndHistory();
    void editScheduleAndCancelRun();
    void renamedScheduleStaysSelectedWithItsHistory();

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

void TestSchedulesView::editorRefusalPointsAtField_data()
{
    QTest::addColumn<QString>("field"); // the widget's objectName
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty-name") << u"name"_s << u""_s << u"needs a name"_s;
    // The message names the URL's "body" path: the code, not the text, says which field it is.
    QTest::newRow("url-naming-a-body-path")
            << u"url"_s << u"https://x.example/body/{{tenant.slug}}"_s
            << u"url: unknown placeholder {{tenant.slug}}"_s;
    QTest::newRow("header-unknown-placeholder")
            << u"headers"_s << u"X-Tenant: {{tenant.token}}"_s
            << u"header X-Tenant: unknown placeholder {{tenant.token}}"_s;
    QTest::newRow("body-unknown-placeholder") << u"body"_s << u"{\"t\": \"{{tenant.secret}}\"}"_s
                                              << u"body: unknown placeholder {{tenant.secret}}"_s;
    QTest::newRow("tenants-without-provider") << u"provider"_s << u""_s << u"needs a provider"_s;
    QTest::newRow("target-not-a-number")
            << u"targets"_s << u"1, two"_s << u"Target id 0 is not a valid id"_s;
    // Refused by the store (asynchronously), not by validation.
    QTest::newRow("unknown-target-tenant")
            << u"targets"_s << u"42"_s << u"Target tenant 42 does not exist"_s;
}

void TestSchedulesView::editorRefusalPointsAtField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, messagePart);

    wb::ui::ScheduleEditorDialog editor(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    QSignalSpy added(&editor, &wb::ui::ScheduleEditorDialog::scheduleAdded);
    editor.findChild<QLineEdit *>(u"name"_s)->setText(u"Nightly Slack sync"_s);
    editor.findChild<QLineEdit *>(u"url"_s)->setText(
            u"{{connection.base_url}}/api/sync?tenant={{tenant.id}}"_s);
    editor.findChild<QLineEdit *>(u"provider"_s)->setText(u"slack"_s);
    if (auto *line = editor.findChild<QLineEdit *>(field))
        line->setText(value);
    else if (auto *text = editor.findChild<QPlainTextEdit *>(field))
        text->setPlainText(value);
    else
        QFAIL(qPrintable(u"no field %1"_s.arg(field)));

    editor.accept();
    QTRY_COMPARE(editor.invalidField(), field);
    QVERIFY2(editor.errorText().contains(messagePart), qPrintable(editor.errorText()));
    QCOMPARE(added.count(), 0);
    WB_AWAIT_OK(stored, m_store->read([](SqlSession &session) {
        return ScheduleRepository::list(session);
    }));
    QVERIFY(stored->isEmpty());
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

    // No run yet: the history says so.
    auto *noRuns = view.findChild<QLabel *>(u"noRuns"_s);
    QVERIFY(noRuns);
    QTRY_VERIFY(noRuns->isVisible());

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
    QVERIFY(!noRuns->isVisible());
    // The newest run is current: it can be cancelled at once.
    QCOMPARE(view.runTree()->currentIndex(), run);
    QVERIFY(view.findChild<QAction *>(u"cancelRun"_s)->isEnabled());
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

void TestSchedulesView::editScheduleAndCancelRun()
{
    Schedule s;
    s.name = u"Nightly Slack sync"_s;
    s.cronExpression = u"30 2 * * *"_s;
    s.timeZoneId = u"America/New_York"_s;
    s.job.url = u"https://slack.example.com/sync/{{tenant.id}}"_s;
    s.providerId = u"slack"_s;
    for (const QString &name : {u"Globex"_s, u"Initech"_s}) {
        WB_AWAIT_OK(tenant, m_store->addTenant(Tenant{0, name, {}, {}, 0, 0}));
        Connection connection;
        connection.tenantId = tenant->id;
        connection.providerId = u"slack"_s;
        WB_AWAIT_OK(connected, m_store->addConnection(connection));
        s.targetIds.append(tenant->id);
    }
    WB_AWAIT_OK(added, m_service->add(s));
    WB_AWAIT_OK(run, m_service->runNow(added->id));

    wb::ui::SchedulesView view;
    view.setServices(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    view.resize(1100, 650);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.scheduleModel()->rowCount(), 1);
    QTRY_COMPARE(view.runModel()->rowCount(), 1);

    // The history names each tenant's job (the newest run is expanded, its jobs read).
    const QModelIndex runIndex = view.runModel()->index(0, 0);
    QTRY_COMPARE(view.runModel()->rowCount(runIndex), 2);
    QCOMPARE(view.runModel()
                     ->index(0, wb::models::ScheduleRunModel::WhenColumn, runIndex)
                     .data()
                     .toString(),
             u"Globex · slack"_s);

    // Edit: the form holds the schedule, the preview follows the typing.
    auto *edit = view.findChild<QAction *>(u"editSchedule"_s);
    QVERIFY(edit && edit->isEnabled());
    edit->trigger();
    wb::ui::ScheduleEditorDialog *editor = nullptr;
    QTRY_VERIFY((editor = view.findChild<wb::ui::ScheduleEditorDialog *>()) != nullptr);
    QCOMPARE(editor->editedScheduleId(), added->id);
    auto *name = editor->findChild<QLineEdit *>(u"name"_s);
    auto *expression = editor->findChild<QLineEdit *>(u"expression"_s);
    auto *zone = editor->findChild<QComboBox *>(u"zone"_s);
    QCOMPARE(name->text(), u"Nightly Slack sync"_s);
    QCOMPARE(expression->text(), u"30 2 * * *"_s);
    QCOMPARE(editor->findChild<QLineEdit *>(u"targets"_s)->text(),
             u"%1, %2"_s.arg(s.targetIds.at(0)).arg(s.targetIds.at(1)));
    QVERIFY(editor->previewLines().first().startsWith(u"Sat 2024-03-09 02:30 EST"_s));
    zone->setCurrentText(u"UTC"_s);
    expression->clear();
    QTest::keyClicks(expression, u"0 */6 * * *"_s);
    QCOMPARE(editor->previewLines().size(), 10);
    QCOMPARE(editor->previewLines().first(),
             u"Fri 2024-03-08 18:00 UTC · Fri 2024-03-08 19:00 CET your time"_s);

    // A refused value points at its field; the dialog stays open and nothing stored changes.
    expression->setText(u"0 */6 * * MON-FRY"_s);
    editor->accept();
    QCOMPARE(editor->invalidField(), u"expression"_s);
    QVERIFY2(editor->errorText().contains(u"FRY"_s), qPrintable(editor->errorText()));
    QCOMPARE(expression->selectedText(), u"FRY"_s);
    QVERIFY(editor->isVisible());
    expression->setText(u"0 */6 * * *"_s);
    name->clear();
    editor->accept();
    QCOMPARE(editor->invalidField(), u"name"_s);
    QVERIFY(editor->isVisible());
    WB_AWAIT_OK(unchanged, m_store->read([id = added->id](SqlSession &session) {
        return ScheduleRepository::get(session, id);
    }));
    QCOMPARE(*unchanged, *added);

    QSignalSpy historyRemoved(view.runModel(), &QAbstractItemModel::rowsRemoved);
    name->setText(u"Six-hourly Slack sync"_s);
    editor->accept();
    QTRY_COMPARE(view.scheduleModel()->index(0, 0).data().toString(), u"Six-hourly Slack sync"_s);
    QCOMPARE(view.scheduleModel()
                     ->index(0, wb::models::ScheduleListModel::NextRunColumn)
                     .data()
                     .toString(),
             u"2024-03-08 18:00 UTC"_s);
    QTRY_VERIFY(view.findChild<wb::ui::ScheduleEditorDialog *>() == nullptr);
    // Still selected after its move, with its run history kept.
    QTRY_COMPARE(view.scheduleTable()->currentIndex().row(), 0);
    QTRY_COMPARE(view.runModel()->rowCount(), 1);
    QCOMPARE(view.runModel()->index(0, 0).data(wb::models::IdRole).toLongLong(), run->id);
    QCOMPARE(historyRemoved.count(), 0); // the history was not reloaded for the rename

    // Cancel the running run from the history.
    auto *cancel = view.findChild<QAction *>(u"cancelRun"_s);
    QVERIFY(cancel);
    view.runTree()->setCurrentIndex(view.runModel()->index(0, 0));
    QVERIFY(cancel->isEnabled());
    cancel->trigger();
    QTRY_COMPARE(view.runModel()
                         ->index(0, wb::models::ScheduleRunModel::StateColumn)
                         .data()
                         .toString(),
                 u"cancelled (manual)"_s);
    QCOMPARE(view.runModel()->index(0, wb::models::ScheduleRunModel::OutcomeColumn).data().toString(),
             u"0 succeeded, 0 failed, 2 cancelled, 0 skipped of 2"_s);
    QTRY_VERIFY(!cancel->isEnabled());
    QTRY_COMPARE(view.runModel()
                         ->index(1, wb::models::ScheduleRunModel::StateColumn,
                                 view.runModel()->index(0, 0))
                         .data()
                         .toString(),
                 u"cancelled"_s);
    screenshot(&view, u"schedules-view-cancelled.png"_s);
}

void TestSchedulesView::renamedScheduleStaysSelectedWithItsHistory()
{
    Schedule first;
    first.name = u"A nightly sync"_s;
    first.cronExpression = u"30 2 * * *"_s;
    first.timeZoneId = u"UTC"_s;
    first.job.url = u"https://slack.example.com/sync/{{tenant.id}}"_s;
    first.providerId = u"slack"_s;
    Schedule second = first;
    second.name = u"B weekly export"_s;
    WB_AWAIT_OK(a, m_service->add(first));
    WB_AWAIT_OK(b, m_service->add(second));
    WB_AWAIT_OK(run, m_service->runNow(a->id));

    wb::ui::SchedulesView view;
    view.setServices(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.scheduleModel()->rowCount(), 2);
    view.selectSchedule(a->id);
    QCOMPARE(view.scheduleTable()->currentIndex().row(), 0);
    QTRY_COMPARE(view.runModel()->rowCount(), 1);

    // Renamed past the other schedule: its row moves down and stays the current one; the history
    // below is the same (not emptied and read again).
    QSignalSpy historyRemoved(view.runModel(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy scheduleRemoved(view.scheduleModel(), &QAbstractItemModel::rowsRemoved);
    Schedule renamed = *a;
    renamed.name = u"C nightly sync"_s;
    WB_AWAIT_OK(updated, m_service->update(renamed));
    QTRY_COMPARE(view.scheduleModel()->index(1, 0).data().toString(), u"C nightly sync"_s);
    QCOMPARE(view.scheduleTable()->currentIndex().row(), 1);
    QCOMPARE(view.scheduleTable()->currentIndex().data(wb::models::IdRole).toLongLong(), a->id);
    QCOMPARE(view.scheduleTable()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view.scheduleTable()->selectionModel()->selectedRows().first().row(), 1);
    QCOMPARE(view.runModel()->scheduleId(), a->id);
    QCOMPARE(view.runModel()->rowCount(), 1);
    QCOMPARE(view.runModel()->index(0, 0).data(wb::models::IdRole).toLongLong(), run->id);
    QCOMPARE(historyRemoved.count(), 0);
    QCOMPARE(scheduleRemoved.count(), 0);
    QCOMPARE(view.scheduleModel()->index(0, 0).data(wb::models::IdRole).toLongLong(), b->id);
    QVERIFY(view.findChild<QAction *>(u"editSchedule"_s)->isEnabled());
}

QTEST_MAIN(TestSchedulesView)
#include "tst_schedulesview.moc"
