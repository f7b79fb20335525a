// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/identitymappingmodel.h"

#include "storetestutil.h"
#include "support/futures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::IdentityMappingModel;

namespace {

QStringList accounts(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, Model::ExternalAccountColumn).data().toString();
    return ids;
}

} // namespace

class TestIdentityMappingModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsTheConnectionsMappings();
    void followsStoreChangesWithoutReset();
    void changingScopeDropsOldRows();

private:
    core::IdentityMapping mapping(const QString &provider, const QString &account,
                                  std::optional<qint64> connection, qint64 tenant = 0) const;

    std::unique_ptr<test::TempWorkspace> m_workspace;
    qint64 m_tenant = 0;
    qint64 m_otherTenant = 0;
    qint64 m_github = 0;
    qint64 m_slack = 0;
};

core::IdentityMapping TestIdentityMappingModel::mapping(const QString &provider,
                                                        const QString &account,
                                                        std::optional<qint64> connection,
                                                        qint64 tenant) const
{
    core::IdentityMapping m;
    m.providerId = provider;
    m.externalAccountId = account;
    m.tenantId = tenant ? tenant : m_tenant;
    m.connectionId = connection;
    return m;
}

void TestIdentityMappingModel::init()
{
    m_workspace = std::make_unique<test::TempWorkspace>();
    QVERIFY(m_workspace->open().has_value());
    core::Store &store = *m_workspace->store;
    core::Tenant tenant;
    tenant.displayName = u"Acme"_s;
    WB_AWAIT_OK(acme, store.addTenant(tenant));
    m_tenant = acme->id;
    tenant.displayName = u"Globex"_s;
    WB_AWAIT_OK(globex, store.addTenant(tenant));
    m_otherTenant = globex->id;
    core::Connection c;
    c.tenantId = m_tenant;
    c.providerId = u"github"_s;
    WB_AWAIT_OK(github, store.addConnection(c));
    m_github = github->id;
    c.providerId = u"slack"_s;
    WB_AWAIT_OK(slack, store.addConnection(c));
    m_slack = slack->id;
}

void TestIdentityMappingModel::cleanup()
{
    m_workspace.reset();
}

void TestIdentityMappingModel::loadsTheConnectionsMappings()
{
    core::Store &store = *m_workspace->store;
    WB_AWAIT_OK(a, store.addIdentityMapping(mapping(u"github"_s, u"87654321"_s, m_github)));
    WB_AWAIT_OK(b, store.addIdentityMapping(mapping(u"github"_s, u"12345678"_s, m_github)));
    WB_AWAIT_OK(c, store.addIdentityMapping(mapping(u"slack"_s, u"T0001"_s, m_slack)));
    WB_AWAIT_OK(d, store.addIdentityMapping(mapping(u"github"_s, u"555"_s, std::nullopt)));

    Model model(m_workspace->store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScope(m_tenant, m_github);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(accounts(model), (QStringList{u"12345678"_s, u"87654321"_s}));
    const QModelIndex first = model.index(0, Model::ProviderColumn);
    QCOMPARE(first.data().toString(), u"github"_s);
    QCOMPARE(first.data(Model::ConnectionIdRole).toLongLong(), m_github);
    QCOMPARE(first.data(models::IdRole).toLongLong(), b->id);
    QCOMPARE(model.index(0, Model::CreatedColumn).data(models::ValueRole).toDateTime(),
             QDateTime::fromMSecsSinceEpoch(m_workspace->clock.nowMs(), Qt::UTC));
    QCOMPARE(model.headerData(Model::ExternalAccountColumn, Qt::Horizontal).toString(),
             u"External account"_s);

    // The whole tenant: mappings of every connection, and the one without a connection.
    model.setScope(m_tenant);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(accounts(model), (QStringList{u"12345678"_s, u"555"_s, u"87654321"_s, u"T0001"_s}));
}

void TestIdentityMappingModel::followsStoreChangesWithoutReset()
{
    core::Store &store = *m_workspace->store;
    Model model(m_workspace->store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setScope(m_tenant, m_github);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 0);

    WB_AWAIT_OK(m1, store.addIdentityMapping(mapping(u"github"_s, u"200"_s, m_github)));
    QTRY_COMPARE(accounts(model), QStringList{u"200"_s});
    // Another connection's and another tenant's mappings do not appear.
    WB_AWAIT_OK(m2, store.addIdentityMapping(mapping(u"slack"_s, u"T9"_s, m_slack)));
    WB_AWAIT_OK(m3, store.addIdentityMapping(
                            mapping(u"github"_s, u"300"_s, std::nullopt, m_otherTenant)));
    WB_AWAIT_OK(m4, store.addIdentityMapping(mapping(u"github"_s, u"100"_s, m_github)));
    QTRY_COMPARE(accounts(model), (QStringList{u"100"_s, u"200"_s}));

    core::IdentityMapping edited = *m1;
    edited.note = u"main org"_s;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    WB_AWAIT_OK(u1, store.updateIdentityMapping(edited));
    QTRY_COMPARE(model.index(1, Model::NoteColumn).data().toString(), u"main org"_s);
    QVERIFY(changed.count() >= 1);

    // Moved to the Slack connection: it leaves this view.
    edited.providerId = u"slack"_s;
    edited.connectionId = m_slack;
    WB_AWAIT_OK(u2, store.updateIdentityMapping(edited));
    QTRY_COMPARE(accounts(model), QStringList{u"100"_s});
    WB_AWAIT_OK(r, store.removeIdentityMapping(m4->id));
    QTRY_COMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 0);
}

void TestIdentityMappingModel::changingScopeDropsOldRows()
{
    core::Store &store = *m_workspace->store;
    WB_AWAIT_OK(a, store.addIdentityMapping(mapping(u"github"_s, u"1"_s, m_github)));
    WB_AWAIT_OK(b, store.addIdentityMapping(mapping(u"slack"_s, u"T1"_s, m_slack)));
    Model model(m_workspace->store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Two scope changes in a row: only the last one's answer is shown.
    model.setScope(m_tenant, m_github);
    model.setScope(m_tenant, m_slack);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(accounts(model), QStringList{u"T1"_s});
    model.setScope(0);
    QVERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestIdentityMappingModel)
#include "tst_identitymappingmodel.moc"
