// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tenanttreemodel.h"

#include "storetestutil.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::TenantTreeModel;

namespace {

// Waits for a store future (processing events so the store's change signals arrive) and returns
// its value; fails the test on an error.
template<typename T>
T await(QFuture<core::Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        qFatal("store future did not finish");
    const core::Result<T> result = future.result();
    if (!result)
        qFatal("store error: %s", qPrintable(result.error().message));
    if constexpr (!std::is_void_v<T>)
        return *result;
}

core::Tenant tenantNamed(const QString &name)
{
    core::Tenant tenant;
    tenant.displayName = name;
    return tenant;
}

core::Connection connectionFor(qint64 tenantId, const QString &provider, const QString &label = {})
{
    core::Connection connection;
    connection.tenantId = tenantId;
    connection.providerId = provider;
    connection.label = label;
    return connection;
}

QStringList topLevelNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data().toString();
    return names;
}

} // namespace

class TestTenantTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsSortedTree();
    void followsTenantChangesWithoutReset();
    void followsConnectionChanges();
    void statusText_data();
    void statusText();
    void changesDuringLoadAreNotLost();
    void followsAnotherProcessesChanges();
    void checkAndReferenceRoles();

private:
    std::unique_ptr<test::TempWorkspace> m_workspace;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_resets;

    void createModel();
};

void TestTenantTreeModel::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open());
}

void TestTenantTreeModel::cleanup()
{
    if (m_resets)
        QCOMPARE(m_resets->count(), 0); // fine-grained updates only, never a reset
    m_tester.reset();
    m_resets.reset();
    m_model.reset();
    m_workspace.reset();
}

void TestTenantTreeModel::createModel()
{
    m_model = std::make_unique<Model>(m_workspace->store.get(), &m_workspace->clock);
    m_model->setProviderDisplayName([](const QString &id) {
        return id == u"github"_s ? u"GitHub"_s : id == u"slack"_s ? u"Slack"_s : id;
    });
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_resets = std::make_unique<QSignalSpy>(m_model.get(), &QAbstractItemModel::modelReset);
    QTRY_VERIFY(m_model->isLoaded());
}

void TestTenantTreeModel::loadsSortedTree()
{
    core::Store &store = *m_workspace->store;
    const core::Tenant zed = await(store.addTenant(tenantNamed(u"Zed Industries"_s)));
    const core::Tenant acme = await(store.addTenant(tenantNamed(u"acme corp"_s)));
    await(store.addTenant(tenantNamed(u"Beta LLC"_s)));
    await(store.addConnection(connectionFor(acme.id, u"slack"_s)));
    await(store.addConnection(connectionFor(acme.id, u"github"_s, u"staging"_s)));
    await(store.addConnection(connectionFor(zed.id, u"github"_s)));

    createModel();
    QCOMPARE(topLevelNames(*m_model),
             (QStringList{u"acme corp"_s, u"Beta LLC"_s, u"Zed Industries"_s}));
    const QModelIndex acmeIndex = m_model->index(0, 0);
    QCOMPARE(m_model->rowCount(acmeIndex), 2);
    QCOMPARE(m_model->index(0, 0, acmeIndex).data().toString(), u"GitHub · staging"_s);
    QCOMPARE(m_model->index(1, 0, acmeIndex).data().toString(), u"Slack"_s);
    QCOMPARE(m_model->index(1, 0, acmeIndex).data(Model::TenantIdRole).toLongLong(), acme.id);
    QCOMPARE(m_model->index(1, 0, acmeIndex).data(Model::KindRole).value<Model::ItemKind>(),
             Model::ItemKind::Connection);
    QCOMPARE(acmeIndex.data(Model::KindRole).value<Model::ItemKind>(), Model::ItemKind::Tenant);
    QCOMPARE(m_model->index(1, 0, acmeIndex).parent(), acmeIndex);
    QCOMPARE(m_model->rowCount(m_model->index(1, 0)), 0);
}

void TestTenantTreeModel::followsTenantChangesWithoutReset()
{
    createModel();
    core::Store &store = *m_workspace->store;
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

    core::Tenant mid = await(store.addTenant(tenantNamed(u"Mid"_s)));
    await(store.addTenant(tenantNamed(u"Alpha"_s)));
    await(store.addTenant(tenantNamed(u"Omega"_s)));
    QTRY_COMPARE(topLevelNames(*m_model), (QStringList{u"Alpha"_s, u"Mid"_s, u"Omega"_s}));
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(1).at(1).toInt(), 0); // "Alpha" went in at row 0

    mid.displayName = u"Zulu"_s;
    await(store.updateTenant(mid));
    QTRY_COMPARE(topLevelNames(*m_model), (QStringList{u"Alpha"_s, u"Omega"_s, u"Zulu"_s}));
    QCOMPARE(moved.count(), 1);

    await(store.removeTenant(mid.id));
    QTRY_COMPARE(topLevelNames(*m_model), (QStringList{u"Alpha"_s, u"Omega"_s}));
    QCOMPARE(removed.count(), 1);
}

void TestTenantTreeModel::followsConnectionChanges()
{
    core::Store &store = *m_workspace->store;
    const core::Tenant acme = await(store.addTenant(tenantNamed(u"Acme"_s)));
    createModel();
    QSignalSpy attention(m_model.get(), &Model::attentionCountChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    core::Connection slack = await(store.addConnection(connectionFor(acme.id, u"slack"_s)));
    QTRY_COMPARE(m_model->rowCount(m_model->tenantIndex(acme.id)), 1);
    const QModelIndex slackIndex = m_model->connectionIndex(slack.id);
    QCOMPARE(slackIndex.data(Model::StatusRole).toString(), u"unauthorized"_s);
    QCOMPARE(slackIndex.data(Model::NeedsAttentionRole).toBool(), false);

    await(store.setConnectionStatus(slack.id, core::ConnectionStatus::NeedsReauthorization, {}));
    QTRY_COMPARE(m_model->connectionIndex(slack.id).data(Model::StatusRole).toString(),
                 u"needs_reauthorization"_s);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(m_model->attentionCount(), 1);
    QCOMPARE(attention.count(), 1);
    QCOMPARE(attention.last().at(0).toInt(), 1);
    QCOMPARE(m_model->tenantIndex(acme.id).data(Model::NeedsAttentionRole).toBool(), true);
    QCOMPARE(m_model->connectionIndex(slack.id).data(Qt::DecorationRole).value<QColor>(),
             QColor(0xc0, 0x39, 0x2b));

    await(store.removeConnection(slack.id));
    QTRY_COMPARE(m_model->rowCount(m_model->tenantIndex(acme.id)), 0);
    QCOMPARE(m_model->attentionCount(), 0);
    QCOMPARE(attention.last().at(0).toInt(), 0);
}

void TestTenantTreeModel::statusText_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("expiresInMs"); // relative to the clock; 0 = unknown
    QTest::addColumn<QString>("expected");
    using S = core::ConnectionStatus;
    QTest::newRow("unauthorized") << int(S::Unauthorized) << qint64(0)
                                  << u"Not authorized yet: authorize it in the browser to connect."_s;
    QTest::newRow("authorized-no-expiry") << int(S::Authorized) << qint64(0) << u"Authorized."_s;
    QTest::newRow("authorized-expires-in-hours")
            << int(S::Authorized) << qint64((2 * 3600 + 10 * 60) * 1000)
            << u"Authorized; the access token expires in 2 h 10 min."_s;
    QTest::newRow("expiring-minutes")
            << int(S::Expiring) << qint64(4 * 60 * 1000 + 500)
            << u"Expiring: the access token expires in 4 min and no refresh has succeeded yet."_s;
    QTest::newRow("authorized-expired") << int(S::Authorized) << qint64(-35 * 1000)
                                        << u"Authorized; the access token expired 35 s ago."_s;
    QTest::newRow("revoked") << int(S::Revoked) << qint64(0)
                             << u"Revoked: the provider reports that the grant was withdrawn."_s;
}

void TestTenantTreeModel::statusText()
{
    QFETCH(int, status);
    QFETCH(qint64, expiresInMs);
    QFETCH(QString, expected);
    core::Store &store = *m_workspace->store;
    const core::Tenant acme = await(store.addTenant(tenantNamed(u"Acme"_s)));
    const core::Connection github = await(store.addConnection(connectionFor(acme.id, u"github"_s)));
    const std::optional<qint64> expiry = expiresInMs == 0
                                                 ? std::nullopt
                                                 : std::optional<qint64>(m_workspace->clock.nowMs()
                                                                         + expiresInMs);
    await(store.setConnectionStatus(github.id, core::ConnectionStatus(status), expiry));
    createModel();
    const QModelIndex index = m_model->connectionIndex(github.id);
    QCOMPARE(index.data(Model::StatusTextRole).toString(), expected);
    QCOMPARE(index.data(Model::TokenExpiresAtRole).toDateTime().isValid(), expiresInMs != 0);
}

void TestTenantTreeModel::changesDuringLoadAreNotLost()
{
    core::Store &store = *m_workspace->store;
    await(store.addTenant(tenantNamed(u"Existing"_s)));
    // The model's load is in flight while these writes commit: whether the load's snapshot saw
    // them or not, each must appear exactly once.
    m_model = std::make_unique<Model>(&store, &m_workspace->clock);
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const core::Tenant late = await(store.addTenant(tenantNamed(u"Late"_s)));
    await(store.addConnection(connectionFor(late.id, u"github"_s)));
    QTRY_VERIFY(m_model->isLoaded());
    QTRY_COMPARE(topLevelNames(*m_model), (QStringList{u"Existing"_s, u"Late"_s}));
    QTRY_COMPARE(m_model->rowCount(m_model->tenantIndex(late.id)), 1);
}

// What another process sharing the workspace changed (`wirebench-cli tenants add`, a `serve` that
// marked a connection for re-authorization) reaches the tree through the periodic sync: a second
// Store on the same file plays that process.
void TestTenantTreeModel::followsAnotherProcessesChanges()
{
    core::Store &store = *m_workspace->store;
    const core::Tenant acme = await(store.addTenant(tenantNamed(u"Acme"_s)));
    const core::Connection github = await(store.addConnection(connectionFor(acme.id, u"github"_s)));
    createModel();
    m_model->setSyncIntervalMs(30);
    QSignalSpy synced(m_model.get(), &Model::synced);

    core::Result<std::unique_ptr<core::Store>> other
            = core::openWorkspace(m_workspace->path(), core::StoreServices{&m_workspace->clock});
    QVERIFY2(other.has_value(), qPrintable(other ? QString() : other.error().message));
    core::Store &theirs = **other;
    const core::Tenant beta = await(theirs.addTenant(tenantNamed(u"Beta"_s)));
    const core::Connection slack = await(theirs.addConnection(connectionFor(beta.id, u"slack"_s)));
    QTRY_COMPARE(topLevelNames(*m_model), (QStringList{u"Acme"_s, u"Beta"_s}));
    QTRY_VERIFY(m_model->connectionIndex(slack.id).isValid());

    await(theirs.setConnectionStatus(github.id, core::ConnectionStatus::NeedsReauthorization, {}));
    QTRY_COMPARE(m_model->connectionIndex(github.id).data(Model::StatusRole).toString(),
                 u"needs_reauthorization"_s);
    QTRY_COMPARE(m_model->attentionCount(), 1);

    await(theirs.removeTenant(beta.id));
    QTRY_COMPARE(topLevelNames(*m_model), QStringList{u"Acme"_s});
    QVERIFY(!m_model->connectionIndex(slack.id).isValid());

    // Nothing changed: the syncs move no row.
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    const qsizetype before = synced.size();
    QTRY_VERIFY(synced.size() >= before + 3);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
}

void TestTenantTreeModel::checkAndReferenceRoles()
{
    core::Store &store = *m_workspace->store;
    core::Tenant tenant = tenantNamed(u"Acme"_s);
    tenant.externalReference = u"cust-7"_s;
    const core::Tenant acme = await(store.addTenant(tenant));
    const core::Connection github = await(store.addConnection(connectionFor(acme.id, u"github"_s)));
    createModel();
    const auto connection = [&] {
        return m_model->connectionIndex(github.id);
    };
    QCOMPARE(m_model->tenantIndex(acme.id).data(Model::TenantExternalReferenceRole).toString(),
             u"cust-7"_s);
    QVERIFY(!connection().data(Model::LastCheckedAtRole).toDateTime().isValid());
    // No icon function: no provider icon, the status colour decorates the row.
    QVERIFY(!connection().data(Model::ProviderIconRole).isValid());
    QCOMPARE(connection().data(Qt::DecorationRole).value<QColor>(), QColor(0x9a, 0xa0, 0xa6));
    QCOMPARE(connection().data(Model::StatusColorRole).value<QColor>(), QColor(0x9a, 0xa0, 0xa6));

    const qint64 checkedAt = m_workspace->clock.nowMs() - 60'000;
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    await(store.recordConnectionCheck(github.id, checkedAt, u"GET /user answered 200"_s));
    QTRY_COMPARE(connection().data(Model::LastCheckedAtRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(checkedAt, Qt::UTC));
    QCOMPARE(connection().data(Model::LastCheckResultRole).toString(), u"GET /user answered 200"_s);
    QVERIFY(connection().data(Qt::ToolTipRole).toString().contains(u"GET /user answered 200"_s));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(m_model->roleNames().value(Model::LastCheckedAtRole), "lastCheckedAt"_ba);
}

QTEST_GUILESS_MAIN(TestTenantTreeModel)
#include "tst_tenanttreemodel.moc"
