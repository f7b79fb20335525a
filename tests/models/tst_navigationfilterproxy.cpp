// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/navigationfilterproxy.h"
#include "models/tenanttreemodel.h"

#include "storetestutil.h"
#include "support/futures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wb;
using Model = models::TenantTreeModel;

namespace {

// "Tenant[Child, Child]; Tenant[]" for the visible rows of the proxy.
QString visibleTree(const QAbstractItemModel &model)
{
    QStringList tenants;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex tenant = model.index(row, 0);
        QStringList children;
        for (int child = 0; child < model.rowCount(tenant); ++child)
            children << model.index(child, 0, tenant).data().toString();
        tenants << u"%1[%2]"_s.arg(tenant.data().toString(), children.join(u", "_s));
    }
    return tenants.join(u"; "_s);
}

} // namespace

// The navigation filter over a real TenantTreeModel on a real workspace.
class TestNavigationFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filter_data();
    void filter();
    void followsSourceChangesWhileFiltered();
    void cleanupTestCase();

private:
    test::TempWorkspace m_workspace;
    std::unique_ptr<Model> m_model;
    qint64 m_acmeSlack = 0;
};

void TestNavigationFilterProxy::initTestCase()
{
    QVERIFY(m_workspace.open().has_value());
    core::Store &store = *m_workspace.store;
    core::Tenant acme;
    acme.displayName = u"Acme Corp"_s;
    acme.externalReference = u"cust-0042"_s;
    WB_AWAIT_OK(addedAcme, store.addTenant(acme));
    core::Tenant globex;
    globex.displayName = u"Globex"_s;
    WB_AWAIT_OK(addedGlobex, store.addTenant(globex));
    core::Tenant initech;
    initech.displayName = u"Initech"_s;
    WB_AWAIT_OK(addedInitech, store.addTenant(initech));

    const auto add = [&store](qint64 tenant, const QString &provider, const QString &label,
                              core::ConnectionStatus status) -> qint64 {
        core::Connection c;
        c.tenantId = tenant;
        c.providerId = provider;
        c.label = label;
        auto added = store.addConnection(c);
        if (!test::waitForFinished(added) || !added.result())
            return 0;
        auto set = store.setConnectionStatus(added.result()->id, status, std::nullopt);
        if (!test::waitForFinished(set) || !set.result())
            return 0;
        return added.result()->id;
    };
    using S = core::ConnectionStatus;
    m_acmeSlack = add(addedAcme->id, u"slack"_s, {}, S::NeedsReauthorization);
    QVERIFY(m_acmeSlack);
    QVERIFY(add(addedAcme->id, u"github"_s, u"prod"_s, S::Authorized));
    QVERIFY(add(addedGlobex->id, u"github"_s, {}, S::Expiring));
    QVERIFY(add(addedGlobex->id, u"stripe"_s, {}, S::Authorized));

    m_model = std::make_unique<Model>(m_workspace.store.get(), &m_workspace.clock);
    QTRY_VERIFY(m_model->isLoaded());
}

void TestNavigationFilterProxy::cleanupTestCase()
{
    m_model.reset();
}

void TestNavigationFilterProxy::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("attentionOnly");
    QTest::addColumn<QString>("expected");
    const QString all = u"Acme Corp[github · prod, slack]; Globex[github, stripe]; Initech[]"_s;
    QTest::newRow("no-filter") << QString() << false << all;
    QTest::newRow("blank-filter") << u"   "_s << false << all;
    QTest::newRow("tenant-name-keeps-all-its-connections")
            << u"acme"_s << false << u"Acme Corp[github · prod, slack]"_s;
    QTest::newRow("external-reference")
            << u"CUST-0042"_s << false << u"Acme Corp[github · prod, slack]"_s;
    QTest::newRow("provider-keeps-tenants")
            << u"github"_s << false << u"Acme Corp[github · prod]; Globex[github]"_s;
    QTest::newRow("label") << u"prod"_s << false << u"Acme Corp[github · prod]"_s;
    QTest::newRow("status-name") << u"needs_reauth"_s << false << u"Acme Corp[slack]"_s;
    QTest::newRow("tenant-and-provider-words")
            << u"acme github"_s << false << u"Acme Corp[github · prod]"_s;
    QTest::newRow("all-words-must-match") << u"globex stripe"_s << false << u"Globex[stripe]"_s;
    QTest::newRow("no-match") << u"salesforce"_s << false << QString();
    QTest::newRow("attention-only") << QString() << true << u"Acme Corp[slack]; Globex[github]"_s;
    QTest::newRow("attention-only-and-tenant-name") << u"globex"_s << true << u"Globex[github]"_s;
    QTest::newRow("attention-only-and-healthy-provider") << u"stripe"_s << true << QString();
}

void TestNavigationFilterProxy::filter()
{
    QFETCH(QString, text);
    QFETCH(bool, attentionOnly);
    QFETCH(QString, expected);
    models::NavigationFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.setFilterText(text);
    proxy.setAttentionOnly(attentionOnly);
    QCOMPARE(visibleTree(proxy), expected);
    // Switching back shows everything again.
    proxy.setAttentionOnly(false);
    proxy.setFilterText({});
    QCOMPARE(visibleTree(proxy),
             u"Acme Corp[github · prod, slack]; Globex[github, stripe]; Initech[]"_s);
}

void TestNavigationFilterProxy::followsSourceChangesWhileFiltered()
{
    models::NavigationFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.setAttentionOnly(true);
    QSignalSpy attention(&proxy, &models::NavigationFilterProxy::attentionOnlyChanged);
    QCOMPARE(visibleTree(proxy), u"Acme Corp[slack]; Globex[github]"_s);

    // Re-authorized: the Slack connection leaves the attention view, and Acme with it.
    WB_AWAIT_OK(fixed, m_workspace.store->setConnectionStatus(m_acmeSlack,
                                                              core::ConnectionStatus::Authorized,
                                                              std::nullopt));
    QTRY_COMPARE(visibleTree(proxy), u"Globex[github]"_s);
    WB_AWAIT_OK(broken,
                m_workspace.store->setConnectionStatus(m_acmeSlack, core::ConnectionStatus::Revoked,
                                                       std::nullopt));
    QTRY_COMPARE(visibleTree(proxy), u"Acme Corp[slack]; Globex[github]"_s);
    proxy.setAttentionOnly(false);
    QCOMPARE(attention.count(), 1);
    QCOMPARE(attention.at(0).at(0).toBool(), false);
}

QTEST_GUILESS_MAIN(TestNavigationFilterProxy)
#include "tst_navigationfilterproxy.moc"
