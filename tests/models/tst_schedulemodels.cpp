// SPDX-License-Identifier: GPL-3.0-or-later
// ScheduleListModel and ScheduleRunModel over a real workspace through the ScheduleService, on a
// manual clock: next runs in the schedule's zone and the user's, last run state, fine-grained
// updates (QAbstractItemModelTester watches every change), and the run history's per-tenant jobs.
#include "core/schedule/scheduleservice.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "models/schedulelistmodel.h"
#include "models/schedulerunmodel.h"
#include "support/futures.h"
#include "support/results.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb::core;
using namespace wb::models;

namespace {

// 2024-06-03T12:00:00Z, a Monday.
constexpr qint64 mondayNoonMs = 1'717'416'000'000;

Schedule nightly(const QString &name)
{
    Schedule s;
    s.name = name;
    s.cronExpression = u"30 2 * * *"_s;
    s.timeZoneId = u"America/New_York"_s;
    s.job.url = u"https://hooks.example.com/{{tenant.id}}"_s;
    s.providerId = u"slack"_s;
    return s;
}

} // namespace

class TestScheduleModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listShowsNextRunsInBothZones();
    void listFollowsChanges();
    void listMovesRenamedSchedule();
    void runHistoryWithPerTenantJobs();
    void runHistoryPagesJobsAndShowsCancel();

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{mondayNoonMs};
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ScheduleService> m_service;
};

void TestScheduleModels::init()
{
    auto opened = openWorkspace(m_dir.filePath(u"ws.sqlite"_s), StoreServices{&m_clock});
    QVERIFY2(opened, qPrintable(wb::test::errorMessage(opened)));
    m_store = std::move(*opened);
    m_service = std::make_unique<ScheduleService>(*m_store);
}

void TestScheduleModels::cleanup()
{
    m_service.reset();
    m_store.reset();
    QFile::remove(m_dir.filePath(u"ws.sqlite"_s));
}

void TestScheduleModels::listShowsNextRunsInBothZones()
{
    WB_AWAIT_OK(added, m_service->add(nightly(u"Nightly"_s)));
    ScheduleListModel model(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 1);
    // 02:30 in New York on Tuesday 4 June is 06:30Z, 08:30 in Berlin.
    QCOMPARE(model.index(0, ScheduleListModel::NameColumn).data().toString(), u"Nightly"_s);
    QCOMPARE(model.index(0, ScheduleListModel::NextRunColumn).data().toString(),
             u"2024-06-04 02:30 EDT"_s);
    QCOMPARE(model.index(0, ScheduleListModel::NextRunLocalColumn).data().toString(),
             u"2024-06-04 08:30 CEST"_s);
    QCOMPARE(model.index(0, ScheduleListModel::NextRunColumn)
                     .data(ScheduleListModel::NextRunRole)
                     .toDateTime(),
             QDateTime::fromString(u"2024-06-04T06:30:00Z"_s, Qt::ISODate));
    QCOMPARE(model.index(0, ScheduleListModel::LastRunColumn).data().toString(), u"not run yet"_s);
    QCOMPARE(model.index(0, 0).data(IdRole).toLongLong(), added->id);

    // The clock passes the firing: a refresh moves the next run on, in place.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_clock.setNowMs(mondayNoonMs + 86'400'000); // Tuesday noon
    model.refresh();
    QTRY_VERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, ScheduleListModel::NextRunColumn).data().toString(),
             u"2024-06-05 02:30 EDT"_s);
}

void TestScheduleModels::listFollowsChanges()
{
    ScheduleListModel model(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    WB_AWAIT_OK(b, m_service->add(nightly(u"B sync"_s)));
    WB_AWAIT_OK(a, m_service->add(nightly(u"A sync"_s)));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"A sync"_s); // ordered by name

    WB_AWAIT_OK(disabled, m_service->setEnabled(b->id, false));
    QTRY_COMPARE(model.index(1, ScheduleListModel::EnabledColumn).data().toString(), u"disabled"_s);
    QCOMPARE(model.index(1, ScheduleListModel::NextRunColumn).data().toString(), u"disabled"_s);
    QVERIFY(!model.index(1, 0).data(ScheduleListModel::NextRunRole).toDateTime().isValid());

    WB_AWAIT_OK(run, m_service->runNow(a->id));
    QTRY_COMPARE(model.index(0, 0).data(ScheduleListModel::LastRunStateRole).toString(),
                 u"running"_s);
    QCOMPARE(model.index(0, ScheduleListModel::LastRunColumn).data().toString(),
             u"running (0 of 0 succeeded)"_s);

    WB_AWAIT_OK(removed, m_service->remove(a->id));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"B sync"_s);
    QCOMPARE(reset.count(), 0);
}

void TestScheduleModels::listMovesRenamedSchedule()
{
    WB_AWAIT_OK(a, m_service->add(nightly(u"A sync"_s)));
    WB_AWAIT_OK(b, m_service->add(nightly(u"B sync"_s)));
    WB_AWAIT_OK(c, m_service->add(nightly(u"C sync"_s)));
    ScheduleListModel model(m_service.get(), &m_clock, QTimeZone("Europe/Berlin"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 3);
    const QPersistentModelIndex renamed = model.index(0, 0); // "A sync"
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Renamed past the others: one move to the end, then its new cells.
    Schedule edited = *a;
    edited.name = u"D sync"_s;
    WB_AWAIT_OK(updated, m_service->update(edited));
    QTRY_COMPARE(moved.count(), 1);
    QCOMPARE(moved.first().at(1).toInt(), 0); // start
    QCOMPARE(moved.first().at(4).toInt(), 3); // before the row that was at 3 (the end)
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(renamed.row(), 2); // an index on it follows
    QCOMPARE(renamed.data().toString(), u"D sync"_s);
    QCOMPARE(model.index(0, 0).data().toString(), u"B sync"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"C sync"_s);
    QVERIFY(changed.count() >= 1);

    // Renamed back to the front: a move up.
    edited.name = u"0 sync"_s;
    WB_AWAIT_OK(again, m_service->update(edited));
    QTRY_COMPARE(moved.count(), 2);
    QCOMPARE(moved.at(1).at(1).toInt(), 2);
    QCOMPARE(moved.at(1).at(4).toInt(), 0);
    QCOMPARE(renamed.row(), 0);

    // A rename that keeps its place: no move, only its cells change.
    Schedule stays = *c;
    stays.name = u"C sync (EU)"_s;
    changed.clear();
    WB_AWAIT_OK(kept, m_service->update(stays));
    QTRY_COMPARE(model.index(2, 0).data().toString(), u"C sync (EU)"_s);
    QCOMPARE(moved.count(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.index(1, 0).data(IdRole).toLongLong(), b->id);
}

void TestScheduleModels::runHistoryWithPerTenantJobs()
{
    WB_AWAIT_OK(tenant, m_store->addTenant(Tenant{0, u"Globex"_s, {}, {}, 0, 0}));
    WB_AWAIT_OK(other, m_store->addTenant(Tenant{0, u"Initech"_s, {}, {}, 0, 0}));
    Connection connection;
    connection.tenantId = tenant->id;
    connection.providerId = u"slack"_s;
    WB_AWAIT_OK(connected, m_store->addConnection(connection));
    Schedule s = nightly(u"Nightly"_s);
    s.targetIds = {tenant->id, other->id};
    WB_AWAIT_OK(added, m_service->add(s));

    ScheduleRunModel model(m_service.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchedule(added->id);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 0);

    WB_AWAIT_OK(run, m_service->runNow(added->id));
    QTRY_COMPARE(model.rowCount(), 1);
    const QModelIndex runIndex = model.index(0, 0);
    // The jobs are read when asked for (the view expands the run; here the model tester's walk
    // over the children may have asked already).
    QVERIFY(model.hasChildren(runIndex));
    if (model.canFetchMore(runIndex))
        model.fetchMore(runIndex);
    QTRY_COMPARE(model.rowCount(runIndex), 2);
    QVERIFY(!model.canFetchMore(runIndex));
    QCOMPARE(model.index(0, ScheduleRunModel::StateColumn).data().toString(), u"running (manual)"_s);
    QCOMPARE(model.index(0, ScheduleRunModel::OutcomeColumn).data().toString(),
             u"0 succeeded, 0 failed, 1 skipped of 2"_s);
    // Named by tenant and connection; the ids are in the tooltip.
    QCOMPARE(model.index(0, ScheduleRunModel::WhenColumn, runIndex).data().toString(),
             u"Globex · slack"_s);
    QCOMPARE(model.index(0, ScheduleRunModel::WhenColumn, runIndex).data(Qt::ToolTipRole).toString(),
             u"tenant %1 · connection %2"_s.arg(tenant->id).arg(connected->id));
    QCOMPARE(model.index(1, ScheduleRunModel::WhenColumn, runIndex).data().toString(), u"Initech"_s);
    QCOMPARE(model.index(0, ScheduleRunModel::StateColumn, runIndex).data().toString(),
             u"planned"_s);
    QCOMPARE(model.index(1, ScheduleRunModel::StateColumn, runIndex).data().toString(),
             u"skipped"_s);
    QCOMPARE(model.index(1, ScheduleRunModel::OutcomeColumn, runIndex).data().toString(),
             u"tenant %1 has no connection to slack"_s.arg(other->id));
    QCOMPARE(model.index(1, 0, runIndex).data(ScheduleRunModel::DeliveryIdRole).toLongLong(), 0);

    // Another schedule shows its own (empty) history.
    WB_AWAIT_OK(second, m_service->add(nightly(u"Second"_s)));
    model.setSchedule(second->id);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 0);
}

void TestScheduleModels::runHistoryPagesJobsAndShowsCancel()
{
    Schedule s = nightly(u"Paged"_s);
    for (int i = 1; i <= 5; ++i) {
        WB_AWAIT_OK(tenant, m_store->addTenant(Tenant{0, u"Tenant %1"_s.arg(i), {}, {}, 0, 0}));
        Connection connection;
        connection.tenantId = tenant->id;
        connection.providerId = u"slack"_s;
        connection.label = u"EU %1"_s.arg(i);
        WB_AWAIT_OK(connected, m_store->addConnection(connection));
        s.targetIds.append(tenant->id);
    }
    WB_AWAIT_OK(added, m_service->add(s));
    WB_AWAIT_OK(run, m_service->runNow(added->id));

    ScheduleRunModel model(m_service.get());
    model.setJobPageSize(2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setSchedule(added->id);
    QTRY_COMPARE(model.rowCount(), 1);
    const QModelIndex runIndex = model.index(0, 0);
    QVERIFY(model.hasChildren(runIndex));
    QCOMPARE(model.rowCount(runIndex), 0); // nothing read before it is asked for
    for (int expected : {2, 4, 5}) {
        QVERIFY(model.canFetchMore(runIndex));
        model.fetchMore(runIndex);
        QVERIFY(!model.canFetchMore(runIndex)); // a second ask while the page is read: none
        model.fetchMore(runIndex);
        QTRY_COMPARE(model.rowCount(runIndex), expected);
    }
    QVERIFY(!model.canFetchMore(runIndex));
    // One insert of the run, one per page.
    QCOMPARE(inserted.count(), 4);
    // From here on the model tester watches every change.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList seen;
    for (int row = 0; row < 5; ++row)
        seen.append(model.index(row, ScheduleRunModel::WhenColumn, runIndex).data().toString());
    QCOMPARE(seen, (QStringList{u"Tenant 1 · slack “EU 1”"_s, u"Tenant 2 · slack “EU 2”"_s,
                                u"Tenant 3 · slack “EU 3”"_s, u"Tenant 4 · slack “EU 4”"_s,
                                u"Tenant 5 · slack “EU 5”"_s}));

    // Cancelled (no scheduler here: nothing in flight), the run and the jobs already shown say so.
    WB_AWAIT_OK(cancelled, m_service->cancelRun(run->id, u"test"_s));
    QCOMPARE(cancelled->withdrawnJobs, 5);
    QTRY_COMPARE(model.index(0, ScheduleRunModel::StateColumn).data().toString(),
                 u"cancelled (manual)"_s);
    QCOMPARE(model.index(0, ScheduleRunModel::OutcomeColumn).data().toString(),
             u"0 succeeded, 0 failed, 5 cancelled, 0 skipped of 5"_s);
    QTRY_COMPARE(model.index(4, ScheduleRunModel::StateColumn, runIndex).data().toString(),
                 u"cancelled"_s);
    QCOMPARE(model.index(4, ScheduleRunModel::OutcomeColumn, runIndex).data().toString(),
             u"cancelled with run %1: test"_s.arg(run->id));
    // The underlying value says "cancelled" too, not the stored "failed".
    QCOMPARE(model.index(4, ScheduleRunModel::StateColumn, runIndex).data(ValueRole).toString(),
             u"cancelled"_s);
    QCOMPARE(model.index(4, 0, runIndex).data(ScheduleRunModel::StateRole).toString(),
             u"cancelled"_s);
    QCOMPARE(model.index(0, ScheduleRunModel::StateColumn).data(ValueRole).toString(),
             u"cancelled"_s);
    QCOMPARE(model.rowCount(runIndex), 5);
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(TestScheduleModels)
#include "tst_schedulemodels.moc"
