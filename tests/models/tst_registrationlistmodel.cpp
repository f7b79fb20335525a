// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/registrationlistmodel.h"

#include "core/health/registrationrepository.h"
#include "models/healthcolours.h"
#include "storetestutil.h"
#include "support/futures.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::RegistrationListModel;

namespace {

constexpr qint64 hourMs = 3'600'000;

QStringList externalIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids << model.index(row, 0)
                        .data(Model::RegistrationRole)
                        .value<core::Registration>()
                        .externalId;
    }
    return ids;
}

QString localTime(qint64 utcMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

} // namespace

// The registrations of one connection over a real temporary workspace, written through
// core::RegistrationRepository like the CLI and the health monitor write them.
class TestRegistrationListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void columns_data();
    void columns();
    void lastActionColumn();
    void relativeTimesFollowTheClock();
    void detailsText();
    void loadsOnlyTheConnectionsRegistrations();
    void refreshMergesExternalChangesWithoutReset();
    void writesUpdateTheRows();
    void refusedWritesChangeNothing();

private:
    core::Registration registration(const QString &externalId, qint64 connectionId = 0) const;
    core::Registration addThroughRepository(const core::Registration &registration);
    QList<core::Registration> stored(qint64 connectionId);

    std::unique_ptr<test::TempWorkspace> m_workspace;
    qint64 m_github = 0;
    qint64 m_graph = 0;
};

core::Registration TestRegistrationListModel::registration(const QString &externalId,
                                                           qint64 connectionId) const
{
    core::Registration r;
    r.connectionId = connectionId ? connectionId : m_github;
    r.externalId = externalId;
    return r;
}

core::Registration TestRegistrationListModel::addThroughRepository(const core::Registration &r)
{
    auto future = m_workspace->store->write([r](core::SqlSession &session) {
        return core::RegistrationRepository::add(session, r);
    });
    if (!test::waitForFinished(future) || !future.result())
        return {};
    return *future.result();
}

QList<core::Registration> TestRegistrationListModel::stored(qint64 connectionId)
{
    auto future = m_workspace->store->read([connectionId](core::SqlSession &session) {
        return core::RegistrationRepository::list(session, connectionId);
    });
    if (!test::waitForFinished(future) || !future.result()) {
        core::Registration unreadable; // a failed read must not look like "nothing stored"
        unreadable.id = -1;
        return {unreadable};
    }
    return *future.result();
}

void TestRegistrationListModel::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open().has_value());
    core::Store &store = *m_workspace->store;
    core::Tenant tenant;
    tenant.displayName = u"Acme"_s;
    WB_AWAIT_OK(acme, store.addTenant(tenant));
    core::Connection c;
    c.tenantId = acme->id;
    c.providerId = u"github"_s;
    WB_AWAIT_OK(github, store.addConnection(c));
    m_github = github->id;
    c.providerId = u"microsoft-graph"_s;
    WB_AWAIT_OK(graph, store.addConnection(c));
    m_graph = graph->id;
}

void TestRegistrationListModel::cleanup()
{
    m_workspace.reset();
}

void TestRegistrationListModel::columns_data()
{
    const qint64 now = 1'750'000'000'000; // TempWorkspace's manual clock
    QTest::addColumn<core::Registration>("registration");
    QTest::addColumn<core::RegistrationObservation>("check"); // state unchecked: none
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QVariant>("value");

    core::Registration hook = registration(u"12345678"_s);
    hook.scope = u"repos/octo/hello"_s;
    hook.targetUrl = u"https://hooks.example.com/github"_s;
    hook.events = {u"push"_s, u"pull_request"_s};
    core::RegistrationObservation unchecked;
    unchecked.state = core::RegistrationState::Unchecked;
    QTest::newRow("registration-scope-and-id")
            << hook << unchecked << int(Model::RegistrationColumn)
            << u"repos/octo/hello #12345678"_s << QVariant(u"repos/octo/hello #12345678"_s);
    QTest::newRow("registration-bare-id")
            << registration(u"we_1Nx"_s) << unchecked << int(Model::RegistrationColumn)
            << u"we_1Nx"_s << QVariant(u"we_1Nx"_s);
    QTest::newRow("target-url") << hook << unchecked << int(Model::TargetUrlColumn)
                                << u"https://hooks.example.com/github"_s
                                << QVariant(u"https://hooks.example.com/github"_s);
    QTest::newRow("events-joined")
            << hook << unchecked << int(Model::EventsColumn) << u"push, pull_request"_s
            << QVariant(QStringList{u"push"_s, u"pull_request"_s});
    QTest::newRow("no-expiry") << hook << unchecked << int(Model::ExpiresColumn) << u"no expiry"_s
                               << QVariant(QDateTime());

    core::Registration subscription = registration(u"7f105c7d-2dc5-4530-97cd-4e7ae6534c07"_s);
    subscription.expiresAtMs = now + 2 * 24 * hourMs + 3 * hourMs;
    QTest::newRow("expires-in-2-days")
            << subscription << unchecked << int(Model::ExpiresColumn)
            << u"%1 (in 2 days)"_s.arg(localTime(*subscription.expiresAtMs))
            << QVariant(QDateTime::fromMSecsSinceEpoch(*subscription.expiresAtMs, Qt::UTC));
    subscription.expiresAtMs = now - 3 * hourMs - 10 * 60'000;
    QTest::newRow("expired-3-h-ago")
            << subscription << unchecked << int(Model::ExpiresColumn)
            << u"%1 (expired 3 h 10 min ago)"_s.arg(localTime(*subscription.expiresAtMs))
            << QVariant(QDateTime::fromMSecsSinceEpoch(*subscription.expiresAtMs, Qt::UTC));

    QTest::newRow("state-unchecked") << hook << unchecked << int(Model::StateColumn)
                                     << u"not checked yet"_s << QVariant(u"unchecked"_s);
    core::RegistrationObservation missing;
    missing.state = core::RegistrationState::Missing;
    missing.detail = u"HTTP 404"_s;
    missing.httpStatus = 404;
    QTest::newRow("state-missing-with-detail")
            << hook << missing << int(Model::StateColumn) << u"missing at the provider: HTTP 404"_s
            << QVariant(u"missing"_s);
    core::RegistrationObservation disabled;
    disabled.state = core::RegistrationState::Disabled;
    QTest::newRow("state-disabled-without-detail")
            << hook << disabled << int(Model::StateColumn) << u"disabled at the provider"_s
            << QVariant(u"disabled"_s);

    QTest::newRow("last-action-none") << hook << unchecked << int(Model::LastActionColumn)
                                      << u"none"_s << QVariant(QString());
    core::Registration allowed = hook;
    allowed.reregisterAllowed = true;
    QTest::newRow("reregister-allowed") << allowed << unchecked << int(Model::ReregisterColumn)
                                        << u"allowed"_s << QVariant(true);
    QTest::newRow("reregister-not-allowed") << hook << unchecked << int(Model::ReregisterColumn)
                                            << u"not allowed"_s << QVariant(false);
}

void TestRegistrationListModel::columns()
{
    QFETCH(core::Registration, registration);
    QFETCH(core::RegistrationObservation, check);
    QFETCH(int, column);
    QFETCH(QString, expected);
    QFETCH(QVariant, value);

    registration.connectionId = m_github; // _data() runs before init()
    const core::Registration added = addThroughRepository(registration);
    QVERIFY(added.id > 0);
    if (check.state != core::RegistrationState::Unchecked) {
        const qint64 at = m_workspace->clock.nowMs();
        auto recorded = m_workspace->store->write([id = added.id, at, check](core::SqlSession &s) {
            return core::RegistrationRepository::recordCheck(s, id, at, check);
        });
        QVERIFY(test::waitForFinished(recorded));
        QVERIFY(recorded.result().has_value());
    }

    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_github);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex cell = model.index(0, column);
    QCOMPARE(cell.data().toString(), expected);
    QCOMPARE(cell.data(models::ValueRole), value);
    QCOMPARE(cell.data(models::IdRole).toLongLong(), added.id);
    QCOMPARE(cell.data(Qt::CheckStateRole).isValid(), column == Model::ReregisterColumn);
    if (column == Model::ReregisterColumn)
        QCOMPARE(cell.data(Qt::CheckStateRole).toInt(),
                 int(registration.reregisterAllowed ? Qt::Checked : Qt::Unchecked));
}

void TestRegistrationListModel::lastActionColumn()
{
    const core::Registration added = addThroughRepository(registration(u"sub-a"_s, m_graph));
    const qint64 at = m_workspace->clock.nowMs() - 2 * hourMs - 5 * 60'000;
    auto acted = m_workspace->store->write([id = added.id, at](core::SqlSession &s) {
        return core::RegistrationRepository::recordAction(s, id, core::RegistrationAction::Renewed,
                                                          u"HTTP 200"_s, at, at + 70 * hourMs);
    });
    QVERIFY(test::waitForFinished(acted));
    QVERIFY(acted.result().has_value());

    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_graph);
    QTRY_COMPARE(model.rowCount(), 1);
    const QModelIndex cell = model.index(0, Model::LastActionColumn);
    QCOMPARE(cell.data().toString(), u"renewed 2 h 5 min ago: HTTP 200"_s);
    QCOMPARE(cell.data(models::ValueRole).toString(), u"renewed"_s);
    QCOMPARE(model.index(0, Model::ExpiresColumn).data(Model::ExpiresAtRole).toDateTime(),
             QDateTime::fromMSecsSinceEpoch(at + 70 * hourMs, Qt::UTC));
}

void TestRegistrationListModel::relativeTimesFollowTheClock()
{
    core::Registration subscription = registration(u"sub-a"_s, m_graph);
    subscription.expiresAtMs = m_workspace->clock.nowMs() + 2 * hourMs;
    addThroughRepository(subscription);
    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_graph);
    QTRY_COMPARE(model.rowCount(), 1);
    const QModelIndex expires = model.index(0, Model::ExpiresColumn);
    QVERIFY(expires.data().toString().endsWith(u"(in 2 h 0 min)"_s));
    QVERIFY(!expires.data(Qt::ForegroundRole).isValid());

    m_workspace->clock.advanceMs(2 * hourMs + 5 * 60'000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateTimes();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(Model::ExpiresColumn));
    QVERIFY2(expires.data().toString().endsWith(u"(expired 5 min ago)"_s),
             qPrintable(expires.data().toString()));
    QCOMPARE(expires.data(Qt::ForegroundRole).value<QBrush>().color(),
             models::healthColour(core::HealthStatus::Failing));
}

void TestRegistrationListModel::detailsText()
{
    const qint64 now = m_workspace->clock.nowMs();
    core::Registration hook = registration(u"12345678"_s);
    hook.scope = u"repos/octo/hello"_s;
    hook.renewLifetimeMinutes = 4230;
    hook.registrationBody = R"({"name":"web","events":["push"]})"_ba;
    hook.origin = core::RegistrationOrigin::Onboarding;
    const core::Registration plain = addThroughRepository(registration(u"999"_s));
    const core::Registration added = addThroughRepository(hook);
    QVERIFY(added.id > 0);
    core::RegistrationObservation seen;
    seen.state = core::RegistrationState::Active;
    seen.detail = u"active is true"_s;
    seen.lastDeliveryStatus = u"502 Bad Gateway"_s;
    const qint64 checkedAt = now - 10 * 60'000;
    const qint64 actedAt = now - 3 * hourMs;
    auto recorded = m_workspace->store->write([id = added.id, seen, checkedAt,
                                               actedAt](core::SqlSession &s) -> core::Result<bool> {
        if (auto r
            = core::RegistrationRepository::recordAction(s, id,
                                                         core::RegistrationAction::ReregisterFailed,
                                                         u"HTTP 422"_s, actedAt);
            !r)
            return core::fail(r.error());
        if (auto r = core::RegistrationRepository::recordCheck(s, id, checkedAt, seen); !r)
            return core::fail(r.error());
        return true;
    });
    QVERIFY(test::waitForFinished(recorded));
    QVERIFY(recorded.result().has_value());

    Model model(m_workspace->store.get(), &m_workspace->clock);
    model.setConnection(m_github);
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data(Model::DetailsTextRole).toString(),
             QStringList({u"Target URL: not recorded"_s, u"Events: none recorded"_s,
                          u"State: active: active is true (checked %1, 10 min ago)."_s.arg(
                                  localTime(checkedAt)),
                          u"The provider's last delivery: 502 Bad Gateway."_s,
                          u"Last action: registering again failed 3 h 0 min ago: HTTP 422."_s,
                          u"Renewal asks for 4230 minutes."_s,
                          u"Registration body: 32 byte(s) stored, sent again to register it anew."_s,
                          u"Recorded at onboarding on %1."_s.arg(localTime(now))})
                     .join(u'\n'));
    QCOMPARE(model.index(0, 0).data(Model::DetailsTextRole).toString(),
             QStringList({u"Target URL: not recorded"_s, u"Events: none recorded"_s,
                          u"State: not checked yet."_s,
                          u"Renewal asks for the provider profile's lifetime."_s,
                          u"No registration body stored: it cannot be registered again "
                          "automatically."_s,
                          u"Entered by hand on %1."_s.arg(localTime(plain.createdAtMs))})
                     .join(u'\n'));
}

void TestRegistrationListModel::loadsOnlyTheConnectionsRegistrations()
{
    addThroughRepository(registration(u"1001"_s));
    addThroughRepository(registration(u"sub-a"_s, m_graph));
    addThroughRepository(registration(u"1002"_s));

    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setConnection(m_github);
    QTRY_VERIFY(model.isLoaded());
    QVERIFY(model.loadError().isEmpty());
    QCOMPARE(externalIds(model), (QStringList{u"1001"_s, u"1002"_s}));
    QCOMPARE(model.headerData(Model::ExpiresColumn, Qt::Horizontal).toString(), u"Expires"_s);

    model.setConnection(m_graph);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(externalIds(model), QStringList{u"sub-a"_s});
    model.setConnection(0);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 0);
}

void TestRegistrationListModel::refreshMergesExternalChangesWithoutReset()
{
    const core::Registration kept = addThroughRepository(registration(u"1001"_s));
    const core::Registration gone = addThroughRepository(registration(u"1002"_s));
    const core::Registration checked = addThroughRepository(registration(u"1003"_s));

    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_github);
    QTRY_COMPARE(model.rowCount(), 3);
    const QPersistentModelIndex keptRow = model.index(0, 0);
    const QPersistentModelIndex checkedRow = model.index(2, Model::StateColumn);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Another writer (the CLI, the health monitor) changes the table while the model is shown.
    core::RegistrationObservation active;
    active.state = core::RegistrationState::Active;
    active.detail = u"active is true"_s;
    const qint64 at = m_workspace->clock.nowMs();
    auto changes = m_workspace->store->write([goneId = gone.id, checkedId = checked.id, active, at,
                                              added = registration(u"1004"_s)](
                                                     core::SqlSession &s) -> core::Result<bool> {
        if (auto r = core::RegistrationRepository::remove(s, goneId); !r)
            return core::fail(r.error());
        if (auto r = core::RegistrationRepository::recordCheck(s, checkedId, at, active); !r)
            return core::fail(r.error());
        if (auto r = core::RegistrationRepository::add(s, added); !r)
            return core::fail(r.error());
        return true;
    });
    QVERIFY(test::waitForFinished(changes));
    QVERIFY(changes.result().has_value());
    QCOMPARE(model.rowCount(), 3); // no change signals: nothing moves before refresh()

    QSignalSpy loaded(&model, &Model::loaded);
    model.refresh();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(externalIds(model), (QStringList{u"1001"_s, u"1003"_s, u"1004"_s}));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QVERIFY(changed.size() >= 1);
    // The persistent indexes followed their rows: a selection survives.
    QVERIFY(keptRow.isValid());
    QCOMPARE(keptRow.row(), 0);
    QCOMPARE(keptRow.data(models::IdRole).toLongLong(), kept.id);
    QVERIFY(checkedRow.isValid());
    QCOMPARE(checkedRow.row(), 1);
    QCOMPARE(checkedRow.data().toString(), u"active: active is true"_s);
    QCOMPARE(checkedRow.data(Qt::ForegroundRole).value<QBrush>().color(),
             models::healthColour(core::HealthStatus::Healthy));
    QVERIFY(!model.index(0, Model::StateColumn).data(Qt::ForegroundRole).isValid()); // unchecked
}

void TestRegistrationListModel::writesUpdateTheRows()
{
    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_github);
    QTRY_VERIFY(model.isLoaded());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    WB_AWAIT_OK(added, model.add(registration(u"1001"_s)));
    QCOMPARE(externalIds(model), QStringList{u"1001"_s});
    QCOMPARE(model.rowOf(added->id), 0);

    WB_AWAIT_OK(allowed, model.setReregisterAllowed(added->id, true));
    QVERIFY(allowed->reregisterAllowed);
    QCOMPARE(model.index(0, Model::ReregisterColumn).data(Model::ReregisterAllowedRole).toBool(),
             true);
    QCOMPARE(stored(m_github).value(0).reregisterAllowed, true);

    WB_AWAIT_OK(removed, model.remove(added->id));
    QCOMPARE(*removed, added->id);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(stored(m_github).isEmpty());
    QCOMPARE(resets.size(), 0);
}

void TestRegistrationListModel::refusedWritesChangeNothing()
{
    const core::Registration first = addThroughRepository(registration(u"1001"_s));
    Model model(m_workspace->store.get(), &m_workspace->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_github);
    QTRY_COMPARE(model.rowCount(), 1);

    WB_AWAIT(duplicate, model.add(registration(u"1001"_s)));
    QVERIFY(!duplicate.has_value());
    QCOMPARE(duplicate.error().code, u"health.duplicate_registration"_s);
    core::Registration badUrl = registration(u"1002"_s);
    badUrl.targetUrl = u"ftp://hooks.example.com/"_s;
    WB_AWAIT(invalid, model.add(badUrl));
    QVERIFY(!invalid.has_value());
    QCOMPARE(invalid.error().code, u"health.invalid_registration"_s);
    WB_AWAIT(unknown, model.remove(first.id + 100));
    QVERIFY(!unknown.has_value());
    QCOMPARE(unknown.error().code, u"health.unknown_registration"_s);

    QCOMPARE(externalIds(model), QStringList{u"1001"_s});
    const QList<core::Registration> rows = stored(m_github);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first(), first);
}

QTEST_GUILESS_MAIN(TestRegistrationListModel)
#include "tst_registrationlistmodel.moc"
